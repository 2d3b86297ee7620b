import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATA_DIR,
  allDataFiles,
  analogySets,
  corpora,
  dataFile,
  similaritySets,
  stsBenchmark,
  wordFrequencies,
} from '../index.js';

let cache: string;
beforeAll(async () => {
  cache = await mkdtemp(join(tmpdir(), 'embedkit-datasets-test-'));
  process.env.EMBEDKIT_DATA_CACHE = cache;
});
afterAll(async () => {
  delete process.env.EMBEDKIT_DATA_CACHE;
  await rm(cache, { recursive: true, force: true });
});

describe('every shipped file', () => {
  it('is listed once, and every file in data/ is listed (or is a licence/readme)', async () => {
    const ids = allDataFiles.map((file) => file.id);
    expect(new Set(ids).size).toBe(ids.length);
    const stored = new Set(allDataFiles.map((file) => file.file));
    const onDisk: string[] = [];
    for (const folder of await readdir(DATA_DIR)) {
      for (const name of await readdir(join(DATA_DIR, folder))) onDisk.push(`${folder}/${name}`);
    }
    const unlisted = onDisk.filter((file) => !stored.has(file) && !/LICENSE|readme/i.test(file));
    expect(unlisted).toEqual([]);
  });

  for (const file of allDataFiles) {
    it(`${file.id}: its plain text has the listed size, through path() and text(); it has a source`, async () => {
      const path = await file.path();
      expect((await stat(path)).size).toBe(file.bytes);
      expect(Buffer.byteLength(await file.text())).toBe(file.bytes);
      expect(file.source.origin.length).toBeGreaterThan(0);
      expect(file.source.citation.length).toBeGreaterThan(0);
      expect(file.source.licence.length).toBeGreaterThan(0);
      expect(dataFile(file.id)).toBe(file);
    });
  }
});

describe('the parsers', () => {
  it('reads the Google analogy set: 19,544 questions in 14 sections', async () => {
    const parsed = await analogySets.google.read();
    expect(parsed.sections).toHaveLength(14);
    expect(parsed.sections.reduce((n, s) => n + s.questions.length, 0)).toBe(19_544);
    expect(parsed.invalidLines).toEqual([]);
  });

  it.each([
    ['wordsim353', 353],
    ['simlex999', 999],
    ['ws353All', 353],
    ['simlex999Faruqui', 999],
    ['rg65', 65],
    ['mc30', 30],
  ] as const)('reads %s: %i pairs, none invalid', async (name, pairs) => {
    const parsed = await similaritySets[name].read();
    expect(parsed.pairs).toHaveLength(pairs);
    expect(parsed.invalidLines).toEqual([]);
  });

  it('reads the STS Benchmark splits: 5,749 / 1,500 / 1,379 pairs', async () => {
    expect((await stsBenchmark.train.read()).pairs).toHaveLength(5_749);
    expect((await stsBenchmark.dev.read()).pairs).toHaveLength(1_500);
    expect((await stsBenchmark.test.read()).pairs).toHaveLength(1_379);
  });

  it('decompresses text8-head once: 2,139,748 tokens; a cached copy of the wrong size is written again', async () => {
    const path = await corpora.text8Head.path();
    expect(relative(cache, path).startsWith('..')).toBe(false);
    const text = await readFile(path, 'utf8');
    expect(text.split(' ').filter((t) => t.trim() !== '').length).toBe(2_139_748);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, 'truncated');
    expect((await stat(await corpora.text8Head.path())).size).toBe(corpora.text8Head.bytes);
    expect((await wordFrequencies.enwiki.text()).startsWith('the ')).toBe(true);
  });
});

describe('the packed package', () => {
  it('holds only the sets, the licences, dist/, src/ and the README', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json'], {
      cwd: join(DATA_DIR, '..'),
      encoding: 'utf8',
    });
    const [{ files }] = JSON.parse(output) as [{ files: { path: string }[] }];
    const paths = files.map((file) => file.path);
    const unexpected = paths.filter(
      (path) => !/^(data|licences|dist|src)\/|^(package\.json|README\.md|LICENSE)$/.test(path),
    );
    expect(unexpected).toEqual([]);
    expect(paths.filter((path) => path.includes('__tests__'))).toEqual([]);
    for (const file of allDataFiles) expect(paths).toContain(`data/${file.file}`);
    expect(paths).toContain('data/sts/LICENSE.txt');
  });
});
