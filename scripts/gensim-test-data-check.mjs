#!/usr/bin/env node
// Loads every vector file of gensim's own test data that gensim 4.2 loads, with gensim and with
// embedkit's loadModel, and compares the words (in order) and every vector. Needs `pnpm build`,
// python3-gensim and a copy of gensim's gensim/test/test_data (a clone of the gensim repository).
// Usage: node scripts/gensim-test-data-check.mjs GENSIM_REPO/gensim/test/test_data
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [dir] = process.argv.slice(2);
if (dir === undefined) {
  console.error('usage: node scripts/gensim-test-data-check.mjs GENSIM_REPO/gensim/test/test_data');
  process.exit(2);
}
const { loadModel } = await import(new URL('../packages/algorithms/dist/index.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'gensim-test-data-'));
const dump = join(scratch, 'gensim.json');
try {
  const script = fileURLToPath(new URL('./gensim_test_data_dump.py', import.meta.url));
  execFileSync('/usr/bin/python3', [script, dir, dump], { stdio: ['ignore', 'ignore', 'ignore'] });
  const expected = JSON.parse(readFileSync(dump, 'utf8'));
  let same = 0;
  console.log('| file | gensim loader | embedkit format | words | dim | max abs difference | result |');
  console.log('| --- | --- | --- | ---: | ---: | ---: | --- |');
  for (const [file, want] of Object.entries(expected)) {
    let row;
    try {
      const model = await loadModel(join(dir, file), file.includes('cp852') ? { encoding: 'cp852' } : {});
      const words = model.vectors.keyList();
      const sameWords = words.length === want.words.length && words.every((w, i) => w === want.words[i]);
      let maxDiff = 0;
      const differing = [];
      if (sameWords) {
        words.forEach((word, i) => {
          const vector = model.vectors.vector(word);
          let worst = 0;
          for (let j = 0; j < want.dim; j++)
            worst = Math.max(worst, Math.abs(vector[j] - want.vectors[i * want.dim + j]));
          if (worst > 1e-6) differing.push(word);
          maxDiff = Math.max(maxDiff, worst);
        });
      }
      const ok = sameWords && model.vectors.dim === want.dim && differing.length === 0;
      if (ok) same++;
      const result = ok
        ? 'same'
        : sameWords
          ? `differs for ${differing.slice(0, 3).join(', ')}`
          : 'different words';
      row = [want.loader, model.format, words.length, model.vectors.dim, maxDiff.toExponential(1), result];
    } catch (error) {
      row = [want.loader, '—', '—', '—', '—', `fails: ${error.message}`];
    }
    console.log(`| \`${file}\` | ${row.join(' | ')} |`);
  }
  console.log(`\n${same} of ${Object.keys(expected).length} files read identically (vectors within 1e-6)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
