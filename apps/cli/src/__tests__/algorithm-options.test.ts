import { UsageError } from '../usage-error.js';
import type { EmbeddingAlgorithm } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { camelCase, kebabCase, parseAlgorithmOptions } from '../algorithm-options.js';

const plugin: EmbeddingAlgorithm<object> = {
  id: 'my-plugin',
  description: 'test algorithm',
  defaults: {
    dim: 10,
    minCount: 5,
    maxVocab: undefined,
    hs: false,
    cbowMean: true,
    tmpDir: undefined,
    output: 'sum',
  },
  train: () => Promise.reject(new Error('not trained in this test')),
};

describe('parseAlgorithmOptions', () => {
  it('maps --kebab-case flags to camelCase keys typed by the defaults', () => {
    expect(
      parseAlgorithmOptions(plugin, [
        '--dim',
        '50',
        '--min-count=2',
        '--max-vocab',
        '1e4',
        '--tmp-dir',
        '/tmp/x',
        '--output',
        'mean',
      ]),
    ).toEqual({ dim: 50, minCount: 2, maxVocab: 10000, tmpDir: '/tmp/x', output: 'mean' });
  });

  it('reads booleans alone, with true/false, and negated', () => {
    expect(parseAlgorithmOptions(plugin, ['--hs', '--dim', '3'])).toEqual({ hs: true, dim: 3 });
    expect(parseAlgorithmOptions(plugin, ['--hs', 'false', '--cbow-mean=false'])).toEqual({
      hs: false,
      cbowMean: false,
    });
    expect(parseAlgorithmOptions(plugin, ['--no-cbow-mean', '--hs'])).toEqual({ cbowMean: false, hs: true });
  });

  it('takes a negative number as a value', () => {
    expect(parseAlgorithmOptions(plugin, ['--dim', '-3'])).toEqual({ dim: -3 });
  });

  it('rejects an option the algorithm does not take, naming the algorithm and its options', () => {
    expect(() => parseAlgorithmOptions(plugin, ['--negative', '5'])).toThrow(
      new UsageError(
        'my-plugin does not take --negative; it takes --dim, --min-count, --max-vocab, --hs, --cbow-mean, --tmp-dir, --output',
      ),
    );
    expect(() => parseAlgorithmOptions(plugin, ['--no-dim'])).toThrow(/does not take --no-dim/);
  });

  it('rejects missing or mistyped values and stray arguments', () => {
    expect(() => parseAlgorithmOptions(plugin, ['--dim'])).toThrow(/--dim for my-plugin needs a value/);
    expect(() => parseAlgorithmOptions(plugin, ['--dim', '--hs'])).toThrow(
      /--dim for my-plugin needs a value/,
    );
    expect(() => parseAlgorithmOptions(plugin, ['--dim', 'ten'])).toThrow(
      /--dim for my-plugin is a number, not "ten"/,
    );
    expect(() => parseAlgorithmOptions(plugin, ['--hs=yes'])).toThrow(/--hs for my-plugin is true or false/);
    expect(() => parseAlgorithmOptions(plugin, ['stray'])).toThrow(/unexpected argument "stray"/);
  });

  it('converts names both ways', () => {
    expect(kebabCase('maxInMemoryTokens')).toBe('max-in-memory-tokens');
    expect(camelCase('max-in-memory-tokens')).toBe('maxInMemoryTokens');
    expect(camelCase(kebabCase('xMax'))).toBe('xMax');
  });
});
