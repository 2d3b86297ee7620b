import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { requireBuiltCli, runCli } from './built-cli.js';

const REFERENCE = (file: string) => fixture('reference', file);
const GLOVE = REFERENCE('glove6b100-subset.bin');
/** gensim 4.2's answers on the GloVe subset, recorded by fixtures/scripts/gensim_keyedvectors.py. */
const gensim = JSON.parse(readFileSync(REFERENCE('gensim-keyedvectors.json'), 'utf8')) as {
  doesnt_match: [string[], string][];
  wmdistance: [string[], string[], number | 'inf'][];
  wmdistance_unnormalized: [string[], string[], number][];
  most_similar_restrict_vocab: [string, number, [string, number][]][];
};

describe('gensim KeyedVectors commands and print-word-vectors (built CLI)', () => {
  beforeAll(requireBuiltCli);

  it("doesnt-match prints gensim's odd word, skipping unknown words with a note", async () => {
    for (const [words, odd] of gensim.doesnt_match) {
      const result = await runCli(['doesnt-match', GLOVE, ...words]);
      expect(result.code, words.join(' ')).toBe(0);
      expect(result.stdout).toBe(`${odd}\n`);
    }
    const noted = await runCli(['doesnt-match', GLOVE, 'paris', 'london', 'notaword', 'money', '--json']);
    expect(JSON.parse(noted.stdout)).toMatchObject({ odd: 'money', skipped: ['notaword'] });
    expect(noted.stderr).toBe('embedkit: skipped words not in the model: notaword\n');
    // A fastText .bin gives words outside its vocabulary their subword vectors instead.
    const fastText = await runCli([
      'doesnt-match',
      REFERENCE('ft-lee-sg.bin'),
      'police',
      'zzyzxq',
      'government',
      '--json',
    ]);
    expect([fastText.code, fastText.stderr]).toEqual([0, '']);
    expect(JSON.parse(fastText.stdout).ranking).toHaveLength(3);
  });

  it('doesnt-match needs two known words: one word is a usage error, one known word bad input', async () => {
    const one = await runCli(['doesnt-match', GLOVE, 'paris']);
    expect([one.code, one.stderr]).toEqual([2, 'embedkit: doesnt-match takes at least two words, got 1\n']);
    const lonely = await runCli(['doesnt-match', GLOVE, 'paris', 'notaword']);
    expect(lonely.code).toBe(1);
    expect(lonely.stderr).toMatch(
      /^embedkit: option words: got "paris notaword", expected at least two words/,
    );
  });

  it("wmd prints gensim's wmdistance for texts, and inf against a text without known words", async () => {
    const [a, b, distance] = gensim.wmdistance[1]!;
    const result = await runCli(['wmd', GLOVE, a.join(' '), b.join(' ')]);
    expect(result.code).toBe(0);
    expect(Number(result.stdout)).toBeCloseTo(distance as number, 5);
    const [c, d, raw] = gensim.wmdistance_unnormalized[3]!;
    const unnormalized = await runCli(['wmd', GLOVE, c.join(' '), d.join(' '), '--no-normalize', '--json']);
    expect(JSON.parse(unnormalized.stdout).distance).toBeCloseTo(raw, 5);
    const cased = await runCli(['wmd', GLOVE, 'A girl is styling her hair.', 'A girl is brushing her hair.']);
    const lowered = await runCli(
      ['wmd', GLOVE, 'A girl is styling her hair.', 'A girl is brushing her hair.'].concat([
        '--tokenizer',
        'unicode-word',
        '--lowercase',
      ]),
    );
    expect(Number(lowered.stdout)).toBeCloseTo(gensim.wmdistance[0]![2] as number, 5);
    expect(cased.stdout).not.toBe(lowered.stdout);
    const empty = await runCli(['wmd', GLOVE, 'police government', '']);
    expect([empty.code, empty.stdout]).toEqual([0, 'inf\n']);
    expect(empty.stderr).toMatch(/infinite \(as in gensim\)/);
  });

  it("neighbors --restrict-vocab gives gensim's most_similar(restrict_vocab=N)", async () => {
    for (const [word, restrictVocab, found] of gensim.most_similar_restrict_vocab) {
      const args = [
        'neighbors',
        GLOVE,
        word,
        '-k',
        String(found.length),
        '--restrict-vocab',
        String(restrictVocab),
      ];
      const result = await runCli([...args, '--json']);
      expect(result.code).toBe(0);
      const [{ neighbors }] = JSON.parse(result.stdout) as [{ neighbors: { word: string; score: number }[] }];
      expect(neighbors.map((n) => n.word)).toEqual(found.map(([w]) => w));
      neighbors.forEach((n, i) => {
        expect(n.score).toBeCloseTo(found[i]![1], 5);
      });
    }
  });

  it('word-vectors prints what fastText print-word-vectors printed, byte for byte, OOV words included', async () => {
    const words = readFileSync(REFERENCE('oov-probe-words.txt'), 'utf8');
    for (const name of ['ft-lee-sg', 'ft-lee-cbow', 'ft-lee-nosub']) {
      const result = await runCli(['word-vectors', REFERENCE(`${name}.bin`)], { stdin: words });
      expect(result.code, name).toBe(0);
      expect(result.stdout, name).toBe(readFileSync(REFERENCE(`${name}.print-word-vectors.txt`), 'utf8'));
    }
    // Words split on any white space, as std::cin >> word; a plain vector file prints zeros for unknown words.
    const plain = await runCli(['word-vectors', GLOVE], { stdin: 'king\tnotaword\n\n  queen' });
    const lines = plain.stdout.split('\n');
    expect(lines.map((line) => line.split(' ')[0])).toEqual(['king', 'notaword', 'queen', '']);
    expect(lines[1]).toBe(`notaword ${'0 '.repeat(100)}`);
    expect(lines[0]!.split(' ')).toHaveLength(102);
  });
});
