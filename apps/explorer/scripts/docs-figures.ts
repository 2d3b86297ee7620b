/**
 * The explorer's figures in docs/explorer.md: screenshots of the page (docs/images/) and the time
 * to load and project synthetic models of 100,000 and 400,000 words x 100 in headless Chromium.
 *
 *   pnpm build
 *   node apps/bench/dist/main.js --algos glove,word2vec-skipgram --threads 1 --out /tmp/bench-explorer
 *   node apps/cli/dist/main.js convert /tmp/bench-explorer/vectors/glove.bin /tmp/bench-explorer/glove.txt --to glove
 *   cd apps/explorer && npx tsx scripts/docs-figures.ts /tmp/bench-explorer/glove.txt /tmp/bench-explorer/vectors/word2vec-skipgram.bin
 *
 * (from apps/explorer, where tsconfig's paths resolve #test-utils). Prints the timings as JSON.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random } from '@embedkit/core-math';
import { REPO_ROOT } from '#test-utils/fixtures.js';
import { act, openExplorer, pickFile, submit } from '../src/__tests__/explorer-page.js';

const [glove, second] = process.argv.slice(2);
if (glove === undefined || second === undefined) {
  throw new Error('usage: docs-figures.ts GLOVE_VECTORS SECOND_VECTORS');
}
const images = join(REPO_ROOT, 'docs', 'images');

/** A word2vec binary file of `words` random 100-dimensional vectors (words w0, w1, …). */
function syntheticModel(path: string, words: number, dim = 100): void {
  const random = new Random(1);
  const parts: Buffer[] = [Buffer.from(`${words} ${dim}\n`)];
  for (let i = 0; i < words; i++) {
    const row = Float32Array.from({ length: dim }, () => random.nextFloat() - 0.5);
    parts.push(Buffer.from(`w${i} `), Buffer.from(row.buffer), Buffer.from('\n'));
  }
  writeFileSync(path, Buffer.concat(parts));
}

const explorer = await openExplorer(glove);
const { page } = explorer;
await page.screenshot({ path: join(images, 'explorer-glove.png') });
await submit(page, 'neighbors-form', { word: 'war', k: '10' });
await page.selectOption('#solver', '3cosmul');
await submit(page, 'analogy-form', {
  'analogy-a': 'britain',
  'analogy-b': 'london',
  'analogy-c': 'paris',
});
await page.screenshot({ path: join(images, 'explorer-neighbours-analogy.png') });
await pickFile(page, second, '#second-file');
await submit(page, 'neighbors-form', { word: 'war', k: '10' });
await page.screenshot({ path: join(images, 'explorer-comparison.png') });
await explorer.close();

const timings: Record<string, number> = {};
const work = mkdtempSync(join(tmpdir(), 'explorer-figures-'));
try {
  for (const words of [100_000, 400_000]) {
    const file = join(work, `synthetic-${words}.bin`);
    syntheticModel(file, words);
    const started = performance.now();
    // The page opens the preloaded file, then lays out its top 2,000 words by PCA.
    const opened = await openExplorer(file);
    timings[`open ${words} x 100 and PCA of 2,000 words (ms)`] = Math.round(performance.now() - started);
    await opened.page.$eval(
      '#top',
      (e, n) => {
        (e as HTMLInputElement).value = String(n);
      },
      Math.min(words, 100_000),
    );
    const pca = performance.now();
    const done = act(opened.page, () => opened.page.click('#pca'), 600_000);
    // Meanwhile, how long the page takes to answer (it stays responsive: the work is in a worker).
    let slowest = 0;
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    while (!finished) {
      const asked = performance.now();
      await opened.page.evaluate(() => document.body.dataset.busy);
      slowest = Math.max(slowest, performance.now() - asked);
      await new Promise((wait) => setTimeout(wait, 100));
    }
    await done;
    timings[`${words} x 100: PCA of ${Math.min(words, 100_000)} words (ms)`] = Math.round(
      performance.now() - pca,
    );
    timings[`${words} x 100: slowest answer of the page during that PCA (ms)`] = Math.round(slowest);
    if (opened.errors.length > 0) throw new Error(opened.errors.join('\n'));
    await opened.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify(timings, null, 2));
