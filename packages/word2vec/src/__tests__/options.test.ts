import { ConfigError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import {
  CBOW_DEFAULTS,
  SKIPGRAM_DEFAULTS,
  type Word2VecOptionsInput,
  resolveWord2VecOptions,
} from '../index.js';
import { resolveRunSettings } from '../engine-entry.js';

describe('resolveWord2VecOptions', () => {
  it('applies the documented defaults (skip-gram unless model says cbow)', () => {
    expect(resolveWord2VecOptions()).toEqual({ model: 'skipgram', ...SKIPGRAM_DEFAULTS });
    expect(resolveWord2VecOptions({ model: 'cbow' })).toEqual({ model: 'cbow', ...CBOW_DEFAULTS });
    expect(SKIPGRAM_DEFAULTS).toMatchObject({
      dim: 100,
      window: 5,
      minCount: 5,
      sample: 1e-3,
      lr: 0.025,
      minLr: 1e-4,
      epochs: 5,
      negative: 5,
      hs: false,
      maxSentenceLength: 10_000,
    });
    expect(CBOW_DEFAULTS).toMatchObject({ lr: 0.05, cbowMean: true });
  });

  it('keeps given values', () => {
    const options = resolveWord2VecOptions({
      model: 'cbow',
      dim: 7,
      window: 2,
      cbowMean: false,
      hs: true,
      negative: 0,
    });
    expect(options).toMatchObject({
      model: 'cbow',
      dim: 7,
      window: 2,
      cbowMean: false,
      hs: true,
      negative: 0,
    });
  });

  const bad: Array<[string, Record<string, unknown>]> = [
    ['dim', { dim: 0 }],
    ['dim', { dim: 10_001 }],
    ['dim', { dim: 2.5 }],
    ['window', { window: 0 }],
    ['negative', { negative: -1 }],
    ['negative', { negative: 0 }],
    ['lr', { lr: 0 }],
    ['lr', { lr: -0.1 }],
    ['lr', { lr: Number.NaN }],
    ['lr', { lr: Number.POSITIVE_INFINITY }],
    ['minLr', { minLr: 0.5 }],
    ['minLr', { minLr: -1 }],
    ['sample', { sample: -1e-3 }],
    ['epochs', { epochs: 0 }],
    ['minCount', { minCount: -1 }],
    ['maxVocab', { maxVocab: 0 }],
    ['hs', { hs: 'yes' }],
    ['maxSentenceLength', { maxSentenceLength: 0 }],
    ['maxInMemoryTokens', { maxInMemoryTokens: -1 }],
    ['spill', { spill: 'no' }],
    ['tmpDir', { tmpDir: '' }],
    ['tmpDir', { tmpDir: 2026 }],
    ['size', { size: 100 }],
    ['cbowMean', { cbowMean: false }],
    ['model', { model: 'glove' }],
  ];
  for (const [option, input] of bad) {
    it(`rejects ${JSON.stringify(input)} with a ConfigError naming ${option}`, () => {
      let error: unknown;
      try {
        resolveWord2VecOptions(input as Word2VecOptionsInput);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).option).toBe(option);
    });
  }

  it('explains the missing objective', () => {
    expect(() => resolveWord2VecOptions({ negative: 0 })).toThrow(/hs is false/);
    expect(resolveWord2VecOptions({ negative: 0, hs: true }).negative).toBe(0);
  });
});

describe('resolveRunSettings', () => {
  it('defaults threads to the machine and leaves the seed open', () => {
    expect(resolveRunSettings().threads).toBeGreaterThanOrEqual(1);
    expect(resolveRunSettings({ threads: 3, seed: 9 })).toEqual({ threads: 3, seed: 9 });
  });

  it('rejects bad threads and seeds', () => {
    expect(() => resolveRunSettings({ threads: 0 })).toThrow(ConfigError);
    expect(() => resolveRunSettings({ threads: 1.5 })).toThrow(ConfigError);
    expect(() => resolveRunSettings({ seed: 0.5 })).toThrow(ConfigError);
  });
});
