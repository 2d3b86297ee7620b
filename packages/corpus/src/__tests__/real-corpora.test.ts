import { fixture, hasFastText, hasGensim, runPython } from '#test-utils/fixtures.js';
import { execFileSync } from 'node:child_process';
import { corpora } from '@embedkit/datasets';
import { describe, expect, it } from 'vitest';
import { Vocabulary, encodeCorpus, readSentences, whitespaceTokenizer } from '../index.js';

const lee = fixture('corpora', 'lee_background.cor');
const text8Head = await corpora.text8Head.path();

describe('lee_background.cor', () => {
  it('reads 300 documents and 59,890 whitespace tokens (the figures of the data README)', async () => {
    let sentences = 0;
    let tokens = 0;
    for await (const sentence of readSentences(lee)) {
      sentences++;
      tokens += sentence.length;
    }
    expect(sentences).toBe(300);
    expect(tokens).toBe(59_890);
    const vocab = await Vocabulary.build(lee, { minCount: 1 });
    expect(vocab.tokensSeen).toBe(59_890);
    expect(vocab.totalCount).toBe(59_890);
    expect(vocab.distinctSeen).toBe(vocab.size);
  });

  it('encodes every occurrence of every kept word, and nothing else', async () => {
    const vocab = await Vocabulary.build(lee);
    const { ids, sentenceStarts, tokens } = await encodeCorpus(lee, vocab);
    expect(tokens).toBe(vocab.totalCount);
    expect(sentenceStarts).toHaveLength(301);
    const counts = new Float64Array(vocab.size);
    for (const id of ids) counts[id]!++;
    expect(counts).toEqual(vocab.counts);
  });

  it.runIf(hasGensim)(
    'has the words, counts and keep probabilities of gensim 4.2 (min_count 5, sample 1e-3)',
    async () => {
      const gensim = JSON.parse(
        runPython(
          [
            'import json, sys',
            'from gensim.models import Word2Vec',
            'from gensim.models.word2vec import LineSentence',
            'm = Word2Vec(min_count=5, sample=1e-3)',
            'm.build_vocab(LineSentence(sys.argv[1]))',
            "print(json.dumps({w: [int(m.wv.get_vecattr(w, 'count')), int(m.wv.get_vecattr(w, 'sample_int')) / 2**32] for w in m.wv.index_to_key}))",
          ].join('\n'),
          [lee],
        ),
      ) as Record<string, [number, number]>;
      const vocab = await Vocabulary.build(lee, { minCount: 5 });
      const keep = vocab.keepProbabilities(1e-3);
      const gensimWords = new Map(Object.entries(gensim));
      expect(vocab.size).toBe(gensimWords.size);
      for (let id = 0; id < vocab.size; id++) {
        const expected = gensimWords.get(vocab.word(id));
        expect(expected, vocab.word(id)).toBeDefined();
        expect(vocab.count(id)).toBe(expected![0]);
        expect(keep[id]).toBeCloseTo(expected![1], 6);
      }
    },
  );

  it.runIf(hasFastText)(
    'has the words and counts of fastText 0.9.2 (ft-lee-sg.bin, minCount 3)',
    async () => {
      const dump = execFileSync('fasttext', ['dump', fixture('reference', 'ft-lee-sg.bin'), 'dict'], {
        encoding: 'utf8',
      });
      const fastText = new Map<string, number>();
      for (const line of dump.trim().split('\n').slice(1)) {
        const [word, count] = line.split(' ');
        // fastText adds an end-of-sentence token per line; embedkit does not.
        if (word !== '</s>') fastText.set(word!, Number(count));
      }
      const vocab = await Vocabulary.build(lee, { minCount: 3 });
      expect(new Map(vocab.words.map((word, id) => [word, vocab.count(id)]))).toEqual(fastText);
    },
  );

  it.runIf(hasGensim)('has the words of the word2vec C tool (w2v-lee-sg.bin, -min-count 5)', async () => {
    const words = await word2vecWords(fixture('reference', 'w2v-lee-sg.bin'));
    const vocab = await Vocabulary.build(lee, { minCount: 5 });
    let lastToken = '';
    for await (const sentence of readSentences(lee)) lastToken = sentence.at(-1)!;
    // The C tool adds '</s>' for line ends, and drops the last word of a file that does not end with
    // a newline (it checks feof before counting the word it just read).
    const ours = new Set(vocab.words);
    expect([...words].filter((w) => !ours.has(w))).toEqual(['</s>']);
    expect(vocab.words.filter((w) => !words.has(w))).toEqual([lastToken]);
  });
});

describe('text8-head.txt', () => {
  it('streams the one-line corpus in pieces of 10,000 tokens: 2,139,748 tokens in all', async () => {
    const lengths: number[] = [];
    for await (const sentence of readSentences(text8Head)) lengths.push(sentence.length);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(2_139_748);
    expect(lengths.slice(0, -1).every((length) => length === 10_000)).toBe(true);
    expect(lengths).toHaveLength(Math.ceil(2_139_748 / 10_000));
  });

  it('is counted and encoded on its bytes exactly as through the decoded text', async () => {
    const options = { minCount: 5 };
    const fromBytes = await Vocabulary.buildAndEncode(text8Head, options);
    // A tokenizer other than the default (the same splitting) takes the text path.
    const fromText = await Vocabulary.buildAndEncode(text8Head, {
      ...options,
      tokenizer: (text) => whitespaceTokenizer(text),
    });
    expect(fromBytes.vocabulary.toJSON()).toEqual(fromText.vocabulary.toJSON());
    expect(fromBytes.encoded).toEqual(fromText.encoded);
  });

  it.runIf(hasGensim)('keeps the same words as gensim with min_count 5', async () => {
    const words = await word2vecWords(fixture('reference', 'gensim-text8head-sg25.bin'));
    words.delete('</s>');
    const vocab = await Vocabulary.build(text8Head, { minCount: 5 });
    expect(vocab.size).toBe(words.size);
    expect(vocab.words.every((w) => words.has(w))).toBe(true);
  });
});

/** The words of a word2vec binary model, as gensim loads them. */
async function word2vecWords(path: string): Promise<Set<string>> {
  const json = runPython(
    [
      'import json, sys',
      'from gensim.models import KeyedVectors',
      'print(json.dumps(KeyedVectors.load_word2vec_format(sys.argv[1], binary=True).index_to_key))',
    ].join('\n'),
    [path],
  );
  return new Set(JSON.parse(json) as string[]);
}
