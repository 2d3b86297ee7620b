import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrainingCorpus } from '@embedkit/core-math';
import { CancelledError, ConfigError } from '@embedkit/core-math';
import { afterAll, describe, expect, it } from 'vitest';
import { sentencesOf, unicodeWordTokenizer } from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'embedkit-sentences-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(iterable: AsyncIterable<readonly string[]>): Promise<(readonly string[])[]> {
  const items: (readonly string[])[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const sentences = [['a', 'b', 'c', 'd', 'e'], [], ['f']];
const expected = [['a', 'b'], ['c', 'd'], ['e'], ['f']];

describe('sentencesOf', () => {
  it('reads a path as a file, with the given tokenizer', async () => {
    const path = join(dir, 'small.txt');
    writeFileSync(path, 'A b, C\n\nd\n');
    expect(
      await collect(sentencesOf(path, { tokenizer: unicodeWordTokenizer({ lowercase: true }) })),
    ).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it.each<[string, () => TrainingCorpus]>([
    ['an array', () => sentences],
    ['a Set', () => new Set(sentences)],
    [
      'a generator',
      function* () {
        yield* sentences;
      },
    ],
    [
      'an async generator',
      async function* () {
        for (const s of sentences) yield s;
      },
    ],
  ])('cuts long sentences and drops empty ones from %s', async (_name, make) => {
    expect(await collect(sentencesOf(make(), { maxSentenceLength: 2 }))).toEqual(expected);
  });

  it('passes short sentences through without copying, and can be iterated again', async () => {
    const corpus = [['x', 'y']];
    const reader = sentencesOf(corpus);
    const first = await collect(reader);
    expect(first[0]).toBe(corpus[0]);
    expect(await collect(reader)).toEqual(first);
  });

  it('rejects a corpus that is neither a path nor iterable at once, and a sentence that is not an array while reading', async () => {
    expect(() => sentencesOf(42 as unknown as TrainingCorpus)).toThrow(ConfigError);
    expect(() => sentencesOf(null as unknown as TrainingCorpus)).toThrow(/option corpus/);
    const strings = ['the cat sat'] as unknown as TrainingCorpus;
    await expect(collect(sentencesOf(strings))).rejects.toThrow(/arrays of string tokens/);
  });

  it('rejects invalid options at once', () => {
    expect(() => sentencesOf([], { maxSentenceLength: -1 })).toThrow(ConfigError);
  });

  it('stops with CancelledError when the signal aborts', async () => {
    const controller = new AbortController();
    const endless = {
      *[Symbol.iterator]() {
        for (;;) yield ['again'];
      },
    };
    let read = 0;
    const reading = (async () => {
      for await (const _ of sentencesOf(endless, { signal: controller.signal })) {
        if (++read === 3) controller.abort();
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(CancelledError);
    expect(read).toBe(3);
  });
});
