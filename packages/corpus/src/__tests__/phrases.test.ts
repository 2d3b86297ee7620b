import { readFileSync } from 'node:fs';
import { ConfigError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { describeIf, fixture, hasGensim, runRecorder } from '#test-utils/fixtures.js';
import {
  applyPhraseLayers,
  ENGLISH_CONNECTOR_WORDS,
  type FrozenPhrases,
  learnPhrasePasses,
  Phrases,
  type PhrasesOptions,
  readSentences,
} from '../index.js';

/** What gensim 4.2 gives on lee_background.cor (fixtures/scripts/gensim_phrases_lee.py). */
interface GensimPass {
  readonly args: Record<string, unknown>;
  readonly vocabularySize: number;
  readonly corpusWords: number;
  readonly phrases: Record<string, number>;
}
interface GensimCase {
  readonly passes: readonly GensimPass[];
  readonly transformed: readonly string[][];
}

const CORPUS = fixture('corpora', 'lee_background.cor');
const RECORDED = fixture('reference', 'gensim-phrases-lee.json');
const recorded = JSON.parse(readFileSync(RECORDED, 'utf8')) as Record<string, GensimCase>;

/** gensim's keyword arguments as our options. */
function optionsOf(args: Record<string, unknown>): PhrasesOptions {
  return {
    ...(args.min_count === undefined ? {} : { minCount: args.min_count as number }),
    ...(args.threshold === undefined ? {} : { threshold: args.threshold as number }),
    ...(args.scoring === undefined ? {} : { scoring: args.scoring as 'npmi' }),
    ...(args.max_vocab_size === undefined ? {} : { maxVocabSize: args.max_vocab_size as number }),
    ...(args.delimiter === undefined ? {} : { delimiter: args.delimiter as string }),
    ...(args.connector_words === undefined ? {} : { connectorWords: args.connector_words as string[] }),
  };
}

async function firstSentences(corpus: AsyncIterable<readonly string[]>, count: number): Promise<string[][]> {
  const out: string[][] = [];
  for await (const sentence of corpus) {
    if (out.length === count) break;
    out.push([...sentence]);
  }
  return out;
}

describe('Phrases against gensim 4.2 on lee_background.cor (recorded)', () => {
  it.each(Object.keys(recorded))(
    '%s: same counts, phrases, scores and transformed sentences',
    async (name) => {
      const expected = recorded[name]!;
      const layers: FrozenPhrases[] = [];
      for (const pass of expected.passes) {
        const phrases = await Phrases.learn(applyPhraseLayers(CORPUS, layers), optionsOf(pass.args));
        expect(phrases.vocabularySize).toBe(pass.vocabularySize);
        expect(phrases.corpusWords).toBe(pass.corpusWords);
        const frozen = phrases.freeze();
        expect(new Set(frozen.phrases.keys())).toEqual(new Set(Object.keys(pass.phrases)));
        for (const [phrase, score] of Object.entries(pass.phrases)) {
          expect(Math.abs(frozen.phrases.get(phrase)! - score)).toBeLessThanOrEqual(1e-12 * Math.abs(score));
        }
        layers.push(frozen);
      }
      const transformed = await firstSentences(
        applyPhraseLayers(CORPUS, layers),
        expected.transformed.length,
      );
      expect(transformed).toEqual(expected.transformed);
    },
  );
});

describeIf(hasGensim, 'gensim 4.2 (python3-gensim) is needed to re-record the phrases')(
  'Phrases against gensim 4.2 run now',
  () => {
    it('gensim still gives the recorded phrases', () => {
      const live = runRecorder('fixtures/scripts/gensim_phrases_lee.py') as Record<string, GensimCase>;
      expect(live).toEqual(recorded);
    });
  },
);

describe('Phrases', () => {
  // "new york" 3 times; "new" 4, "york" 3 in total; 6 distinct words, 9 distinct pairs; 18 tokens.
  const corpus = [
    ['new', 'york', 'is', 'big'],
    ['new', 'york', 'city'],
    ['i', 'love', 'new', 'york'],
    ['new', 'big', 'city', 'love', 'big', 'new', 'city'],
  ];

  it('scores a pair as word2vec does: (count(ab) - minCount) / (count(a) count(b)) * |vocab|', async () => {
    const phrases = await Phrases.learn(corpus, { minCount: 1, threshold: 1 });
    expect(phrases.count('new')).toBe(5);
    expect(phrases.count('york')).toBe(3);
    expect(phrases.count('new_york')).toBe(3);
    const entries = phrases.vocabularySize;
    expect(phrases.score('new', 'york')).toBeCloseTo(((3 - 1) / (5 * 3)) * entries, 12);
    expect(phrases.freeze().transform(['i', 'love', 'new', 'york', 'city'])).toEqual([
      'i',
      'love',
      'new_york',
      'city',
    ]);
  });

  it('scores npmi as log(p(ab) / (p(a) p(b))) / -log(p(ab))', async () => {
    const phrases = await Phrases.learn(corpus, { minCount: 1, threshold: 0.1, scoring: 'npmi' });
    const total = phrases.corpusWords;
    const [pa, pb, pab] = [5 / total, 3 / total, 3 / total];
    expect(phrases.score('new', 'york')).toBeCloseTo(Math.log(pab / (pa * pb)) / -Math.log(pab), 12);
  });

  it('lets connector words sit inside a phrase but never start or end one', async () => {
    const sentences = Array.from({ length: 6 }, () => ['bank', 'of', 'america', 'of', 'the']);
    const frozen = (
      await Phrases.learn(sentences, { minCount: 1, threshold: 0.1, connectorWords: ENGLISH_CONNECTOR_WORDS })
    ).freeze();
    expect([...frozen.phrases.keys()]).toEqual(['bank_of_america']);
    expect(frozen.transform(['the', 'bank', 'of', 'america', 'of', 'the'])).toEqual([
      'the',
      'bank_of_america',
      'of',
      'the',
    ]);
  });

  it('finds longer phrases in a second pass', async () => {
    const sentences = Array.from({ length: 8 }, () => ['the', 'new', 'york', 'times', 'said']);
    sentences.push(['new', 'york'], ['times', 'square'], ['old', 'york'], ['new', 'times']);
    const layers = await learnPhrasePasses(sentences, 2, { minCount: 1, threshold: 0.5 });
    const [phrased] = await firstSentences(applyPhraseLayers(sentences, layers), 1);
    expect(phrased!.some((token) => token.split('_').length >= 3)).toBe(true);
  });

  it('streams a file corpus the same as its sentences in memory', async () => {
    const inMemory = await firstSentences(readSentences(CORPUS), 1_000);
    const [fromFile, fromArrays] = await Promise.all([Phrases.learn(CORPUS), Phrases.learn(inMemory)]);
    expect(fromArrays.freeze().phrases).toEqual(fromFile.freeze().phrases);
  });

  it.each<[PhrasesOptions, RegExp]>([
    [{ threshold: 0 }, /threshold.*> 0 for default scoring/],
    [{ threshold: -3 }, /threshold/],
    [{ scoring: 'npmi', threshold: -1 }, /threshold.*\(-1, 1\] for npmi/],
    [{ scoring: 'npmi', threshold: 1.5 }, /threshold.*\(-1, 1\]/],
    [{ scoring: 'npmi' }, /threshold.*got 10/],
    [{ threshold: Number.NaN }, /threshold/],
    [{ minCount: 0 }, /minCount/],
    [{ maxVocabSize: 0 }, /maxVocabSize/],
    [{ delimiter: '' }, /delimiter/],
    [{ delimiter: ' ' }, /delimiter/],
    [{ scoring: 'pmi' as 'npmi' }, /scoring/],
    [{ connectorWords: 'the' as unknown as string[] }, /connectorWords/],
  ])('refuses %j with a ConfigError', (options, message) => {
    expect(() => new Phrases(options)).toThrow(ConfigError);
    expect(() => new Phrases(options)).toThrow(message);
  });

  it('accepts npmi threshold 1 (nothing passes) and handles empty input', async () => {
    const phrases = await Phrases.learn(corpus, { scoring: 'npmi', threshold: 1, minCount: 1 });
    expect(phrases.freeze().phrases.size).toBe(0);
    const empty = await Phrases.learn([]);
    expect(empty.vocabularySize).toBe(0);
    expect(empty.freeze().transform([])).toEqual([]);
    await expect(learnPhrasePasses(corpus, 0)).rejects.toThrow(/passes/);
  });

  it('treats __proto__ and constructor as ordinary words', async () => {
    const sentences = Array.from({ length: 10 }, () => ['__proto__', 'constructor', 'x']);
    const frozen = (await Phrases.learn(sentences, { minCount: 1, threshold: 0.1, delimiter: '+' })).freeze();
    expect(frozen.phrases.has('__proto__+constructor')).toBe(true);
    expect(frozen.transform(['__proto__', 'constructor'])).toEqual(['__proto__+constructor']);
  });
});
