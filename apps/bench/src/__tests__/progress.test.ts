import cliProgress from 'cli-progress';
import { describe, expect, it } from 'vitest';
import { formatEta } from '../progress.js';

describe('formatEta', () => {
  const options = { autopaddingChar: '0' } as cliProgress.Options;

  it('shows -- while cli-progress has no estimate (its placeholders at 0 %)', () => {
    for (const placeholder of ['0', 'INF', 'NULL', Number.POSITIVE_INFINITY, Number.NaN, -1]) {
      expect(formatEta(placeholder, options, 5)).toBe('--');
    }
  });

  it("formats a real estimate as cli-progress's own time format does", () => {
    for (const seconds of [0, 7, 42, 125, 4000]) {
      expect(formatEta(seconds, options, 5)).toBe(cliProgress.Format.TimeFormat(seconds, options, 5));
    }
    expect(formatEta(125, options, 5)).toBe('02m05s');
  });
});
