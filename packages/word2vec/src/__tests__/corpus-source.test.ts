import { readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@embedkit/core-math';
import { Vocabulary } from '@embedkit/corpus';
import { describe, expect, it } from 'vitest';
import { assertReiterable, prepareCorpus } from '../corpus-source.js';
import type { EncodedSentences } from '../run-engine.js';

const sentences = [
  ['a', 'b', 'c', 'a', 'b', 'x'],
  ['c', 'a'],
];

/** The sentences of every block of one pass. */
async function collect(blocks: AsyncIterable<EncodedSentences>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const { ids, sentenceStarts } of blocks) {
    for (let s = 0; s + 1 < sentenceStarts.length; s++) {
      out.push([...ids.subarray(sentenceStarts[s], sentenceStarts[s + 1])]);
    }
  }
  return out;
}

describe('prepareCorpus', () => {
  const base = {
    signal: undefined,
    onProgress: undefined,
    encoded: undefined,
    spill: false,
    tmpDir: undefined,
  };

  it('encodes a corpus that fits into memory, cutting sentences at maxSentenceLength', async () => {
    const vocab = await Vocabulary.build(sentences, { minCount: 1 });
    const plan = await prepareCorpus(sentences, vocab, {
      ...base,
      tokens: undefined,
      maxSentenceLength: 4,
      maxInMemoryTokens: 100,
    });
    expect(plan.tokens).toBe(8);
    expect(plan.corpus.kind).toBe('in-memory');
    if (plan.corpus.kind !== 'in-memory') return;
    expect([...plan.corpus.sentences.sentenceStarts]).toEqual([0, 4, 6, 8]);
  });

  it('streams a corpus above maxInMemoryTokens, encoding it again for every epoch', async () => {
    const vocab = await Vocabulary.build(sentences, { minCount: 2 });
    const progress: string[] = [];
    const plan = await prepareCorpus(sentences, vocab, {
      tokens: undefined,
      encoded: undefined,
      maxSentenceLength: 10,
      maxInMemoryTokens: 3,
      spill: false,
      tmpDir: undefined,
      signal: undefined,
      onProgress: (p) => progress.push(p.phase),
    });
    // 'x' is not in the vocabulary: 7 tokens remain, counted in a first pass.
    expect(plan.tokens).toBe(7);
    expect(progress).toEqual(['counting']);
    expect(plan.corpus.kind).toBe('stream');
    if (plan.corpus.kind !== 'stream') return;
    const signal = new AbortController().signal;
    const first = await collect(plan.corpus.epoch(signal));
    expect(first.map((ids) => ids.map((id) => vocab.word(id)))).toEqual([
      ['a', 'b', 'c', 'a', 'b'],
      ['c', 'a'],
    ]);
    expect(await collect(plan.corpus.epoch(signal))).toEqual(first);
  });

  it.each([
    [true, 'reads the later epochs from its spill file (the corpus file changed meanwhile)'],
    [false, 'reads and encodes the corpus file again'],
  ])('streams with spill %s: %s', async (spill) => {
    const folder = await mkdtemp(join(tmpdir(), 'embedkit-w2v-spill-'));
    try {
      const file = join(folder, 'corpus.txt');
      writeFileSync(file, 'a b c a b x\nc a\n');
      const vocab = await Vocabulary.build(file, { minCount: 2 });
      const plan = await prepareCorpus(file, vocab, {
        ...base,
        spill,
        tmpDir: folder,
        tokens: vocab.totalCount,
        maxSentenceLength: 10,
        maxInMemoryTokens: 0,
      });
      if (plan.corpus.kind !== 'stream') throw new Error('expected a streamed corpus');
      const { epoch } = plan.corpus;
      const run = new AbortController();
      const words = async (): Promise<string[][]> =>
        (await collect(epoch(run.signal))).map((ids) => ids.map((id) => vocab.word(id)));
      expect(await words()).toEqual([
        ['a', 'b', 'c', 'a', 'b'],
        ['c', 'a'],
      ]);
      writeFileSync(file, 'c c\n');
      expect(await words()).toEqual(
        spill
          ? [
              ['a', 'b', 'c', 'a', 'b'],
              ['c', 'a'],
            ]
          : [['c', 'c']],
      );
      run.abort();
      // The spill file was unlinked when it was created: only the corpus is in the folder.
      expect(readdirSync(folder)).toEqual(['corpus.txt']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('takes a corpus encoded while counting instead of encoding it again', async () => {
    const { vocabulary, encoded } = await Vocabulary.buildAndEncode(sentences, { minCount: 1 });
    const progress: string[] = [];
    const plan = await prepareCorpus(sentences, vocabulary, {
      ...base,
      onProgress: (p) => progress.push(p.phase),
      tokens: vocabulary.totalCount,
      encoded,
      maxSentenceLength: 10,
      maxInMemoryTokens: 100,
    });
    expect(progress).toEqual([]);
    expect(plan.corpus).toEqual({ kind: 'in-memory', sentences: encoded });
  });

  it('uses a known token count without a counting pass', async () => {
    const vocab = await Vocabulary.build(sentences, { minCount: 1 });
    const plan = await prepareCorpus(sentences, vocab, {
      ...base,
      tokens: vocab.totalCount,
      maxSentenceLength: 10,
      maxInMemoryTokens: 0,
    });
    expect(plan).toMatchObject({ tokens: 8, corpus: { kind: 'stream', tokensPerEpoch: 8 } });
  });
});

describe('assertReiterable', () => {
  it('rejects one-shot iterators and accepts re-readable corpora', () => {
    function* generate(): Generator<string[]> {
      yield ['a'];
    }
    expect(() => assertReiterable(generate())).toThrow(ConfigError);
    expect(() => assertReiterable([['a']])).not.toThrow();
    expect(() => assertReiterable('corpus.txt')).not.toThrow();
    expect(() => assertReiterable({ *[Symbol.iterator]() {} })).not.toThrow();
  });
});
