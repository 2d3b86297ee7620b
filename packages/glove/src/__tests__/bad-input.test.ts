import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError, ConfigError, EmptyVocabularyError, IoError } from '@embedkit/core-math';
import { Vocabulary } from '@embedkit/corpus';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countCooccurrences, trainGlove } from '../index.js';
import { topicCorpus } from './topic-corpus.js';

const corpus = topicCorpus(200);
const quick = { dim: 4, window: 3, minCount: 1, epochs: 1 } as const;

let root: string;
let runs: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'glove-bad-input-test-'));
});
beforeEach(async () => {
  runs = await mkdtemp(join(root, 'runs-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('options are checked before any work', () => {
  it.each([
    ['window', { window: 0 }],
    ['xMax', { xMax: 0 }],
    ['xMax', { xMax: -1 }],
    ['dim', { dim: 0 }],
    ['lr', { lr: Number.NaN }],
    ['epochs', { epochs: 1.5 }],
    ['alpha', { alpha: -1 }],
    ['output', { output: 'context' }],
    ['xmax', { xmax: 10 }],
  ])('rejects a bad %s with ConfigError naming it', async (option, options) => {
    const error = await trainGlove(corpus, options as object).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).option).toBe(option);
  });

  it('states the minimum of a memory budget too small to hold one run', async () => {
    const error = await trainGlove(corpus, { ...quick, window: 10, memory: 0.0001 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).option).toBe('memory');
    expect((error as Error).message).toMatch(
      /at least 0\.000916 MB \(960 bytes\): one run must hold the 20 co-occurrences a single token adds/,
    );
  });

  it('rejects threads 0 and a seed that is not a safe integer', async () => {
    await expect(trainGlove(corpus, quick, { threads: 0 })).rejects.toBeInstanceOf(ConfigError);
    await expect(trainGlove(corpus, quick, { seed: 0.5 })).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('bad corpora', () => {
  it('rejects an empty corpus with EmptyVocabularyError', async () => {
    await expect(trainGlove([], quick)).rejects.toBeInstanceOf(EmptyVocabularyError);
    await expect(trainGlove([[], []], quick)).rejects.toBeInstanceOf(EmptyVocabularyError);
  });

  it('rejects a corpus without any co-occurrence', async () => {
    const error = await trainGlove([['alone'], ['again'], ['alone']], quick).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/no co-occurrence/);
  });

  it('rejects a corpus that can be read only once (a generator object)', async () => {
    function* once(): Generator<string[]> {
      yield* corpus;
    }
    const error = await trainGlove(once(), quick).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/same sentences every time/);
  });
});

describe('temporary runs', () => {
  const vocabulary = Vocabulary.fromCounts(
    Array.from({ length: 25 }, (_, i) => `w${i}`),
    Array.from({ length: 25 }, () => 1),
  );
  const sentences = Array.from({ length: 120 }, (_, s) =>
    Array.from({ length: 20 }, (_, i) => `w${(s * 3 + i * 7) % 25}`),
  );
  const spilling = { window: 3, memory: 0.004 };

  /** The sentences, calling `onSentence(index)` before each one (which may throw or abort). */
  function watched(onSentence: (index: number) => void): Iterable<string[]> {
    return {
      *[Symbol.iterator]() {
        for (const [index, sentence] of sentences.entries()) {
          onSentence(index);
          yield sentence;
        }
      },
    };
  }

  it('are removed after success', async () => {
    const matrix = await countCooccurrences(sentences, vocabulary, { ...spilling, tmpDir: runs });
    expect(matrix.stats.spilledRuns).toBeGreaterThan(3);
    expect(await readdir(runs)).toEqual([]);
  });

  it('are removed after a failure while counting', async () => {
    let sawRuns = false;
    const failing = watched((index) => {
      if (index === 90) {
        sawRuns = readdirSync(runs).length > 0;
        throw new Error('the corpus broke');
      }
    });
    await expect(countCooccurrences(failing, vocabulary, { ...spilling, tmpDir: runs })).rejects.toThrow(
      'the corpus broke',
    );
    expect(sawRuns).toBe(true);
    expect(await readdir(runs)).toEqual([]);
  });

  it('are removed after cancellation', async () => {
    const controller = new AbortController();
    const cancelled = watched((index) => {
      if (index === 90) controller.abort();
    });
    await expect(
      countCooccurrences(cancelled, vocabulary, { ...spilling, tmpDir: runs, signal: controller.signal }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(await readdir(runs)).toEqual([]);
  });

  it('fail with IoError naming a tmpDir that does not exist', async () => {
    const missing = join(runs, 'missing');
    const error = await countCooccurrences(sentences, vocabulary, { ...spilling, tmpDir: missing }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IoError);
    expect((error as IoError).file).toBe(missing);
    expect((error as Error).message).toMatch(/tmpDir must be an existing, writable directory.*ENOENT/);
  });

  it('fail with IoError when tmpDir is a file, leaving nothing behind', async () => {
    const file = join(runs, 'not-a-directory');
    await writeFile(file, 'x');
    const error = await trainGlove(sentences, { ...quick, ...spilling, tmpDir: file }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IoError);
    expect((error as Error).message).toMatch(/ENOTDIR/);
    expect(await readdir(runs)).toEqual(['not-a-directory']);
  });

  it('are not needed when the counts fit: no directory is created', async () => {
    const inside = join(runs, 'unused');
    await mkdir(inside);
    await countCooccurrences(sentences, vocabulary, { window: 3, tmpDir: inside });
    expect(await readdir(inside)).toEqual([]);
  });
});
