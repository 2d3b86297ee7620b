import { ConfigError, cosine, FormatError, pearson, spearman } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { evaluateWordPairs } from '../index.js';
import { handVectors } from './fixtures.js';

const vectors = handVectors([
  ['cat', [1, 0.2]],
  ['dog', [0.9, 0.4]],
  ['car', [0.1, 1]],
  ['Cat', [-1, 0]],
  ['wheel', [0.3, 0.9]],
  ['void', [0, 0]],
]);
const cos = (a: string, b: string) => cosine(vectors.vector(a)!, vectors.vector(b)!);

const tabFile = [
  '# Word 1\tWord 2\tHuman (mean)',
  'cat\tdog\t8.5',
  'CAT\tcar\t1_0.5e-1',
  'car\twheel\t7',
  'cat\tunicorn\t3',
  'cat dog 9',
  'dog\tcar\tvery',
  '',
  '   ',
  'void\tcar\t2\r',
  ' # not a comment\tdog\t1',
  'wheel\tdog\t2.25',
].join('\n');

describe('evaluateWordPairs', () => {
  it('follows gensim: comments, invalid lines, OOV pairs, upper-cased words (first case variant wins)', async () => {
    const result = await evaluateWordPairs(vectors, tabFile);
    const gold = [8.5, 1.05, 7, 2, 2.25];
    const model = [cos('cat', 'dog'), cos('cat', 'car'), cos('car', 'wheel'), 0, cos('wheel', 'dog')];
    expect(result).toEqual({
      pearson: expect.closeTo(pearson(gold, model), 6),
      spearman: expect.closeTo(spearman(gold, model), 12),
      oovRatio: (2 / 7) * 100,
      pairs: 5,
      oov: 2,
      skipped: 2,
      skippedLines: [6, 7],
    });
  });

  it('compares exact keys when caseInsensitive is false, and respects restrictVocab', async () => {
    const sensitive = await evaluateWordPairs(vectors, tabFile, { caseInsensitive: false });
    expect(sensitive).toMatchObject({ pairs: 4, oov: 3 });
    const restricted = await evaluateWordPairs(vectors, tabFile, { restrictVocab: 3 });
    expect(restricted).toMatchObject({ pairs: 2, oov: 5, oovRatio: (5 / 7) * 100 });
  });

  it('reads whitespace-delimited files (auto) and takes an explicit delimiter', async () => {
    const spaced = 'cat  dog 8.5\ncar wheel\t7\ncat car 1\nwheel dog 2.25\ndog\n';
    const auto = await evaluateWordPairs(vectors, spaced);
    expect(auto).toMatchObject({ pairs: 4, skipped: 1, skippedLines: [5] });
    const explicit = await evaluateWordPairs(vectors, spaced, { delimiter: 'whitespace' });
    expect(explicit).toEqual(auto);
    const tabbed = await evaluateWordPairs(vectors, tabFile, { delimiter: '\t' });
    expect(tabbed).toEqual(await evaluateWordPairs(vectors, tabFile));
    const commas = await evaluateWordPairs(vectors, 'cat,dog,3\ncar,wheel,2\ndog,car,1\n', {
      delimiter: ',',
    });
    expect(commas.pairs).toBe(3);
    await expect(evaluateWordPairs(vectors, 'a\tb\t1\n', { delimiter: '' })).rejects.toThrow(ConfigError);
  });

  it('fails clearly when no pair can be used', async () => {
    await expect(evaluateWordPairs(vectors, 'x\ty\t1\nbad line\n')).rejects.toThrow(FormatError);
    await expect(evaluateWordPairs(vectors, 'x\ty\t1\nbad line\n')).rejects.toThrow(
      /1 valid pairs \(1 with unknown/,
    );
  });
});
