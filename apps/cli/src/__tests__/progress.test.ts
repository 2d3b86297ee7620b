import type { TrainingProgress } from '@embedkit/core-math';
import cliProgress from 'cli-progress';
import { describe, expect, it } from 'vitest';
import { ProgressDisplay, TrainProgress, formatEta } from '../progress.js';

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

describe('TrainProgress', () => {
  function logOf(reports: readonly TrainingProgress[]): string[] {
    const lines: string[] = [];
    const stream = { isTTY: false, write: (text: string) => lines.push(text.trimEnd()) };
    const progress = new TrainProgress(new ProgressDisplay(stream as unknown as NodeJS.WriteStream), 'glove');
    progress.start();
    for (const report of reports) progress.report(report);
    progress.finish('done in 1.0 s');
    return lines;
  }

  it.each([3, 1])(
    'starts each phase of a two-phase trainer once, as GloVe reports them (%i epochs)',
    (epochs) => {
      const lines = logOf([
        { phase: 'training', message: 'threads: 4 requested, using 2 (the cores this machine has)' },
        { phase: 'cooccurrence', fraction: 0.5, processed: 1, total: 2, unit: 'words' },
        { phase: 'cooccurrence', fraction: 1, processed: 2, total: 2, unit: 'words' },
        ...Array.from({ length: epochs }, (_, epoch) => ({
          phase: 'training',
          epoch,
          epochs,
          fraction: (epoch + 1) / epochs,
          loss: 0.1,
        })),
      ]);
      expect(lines.filter((line) => line.endsWith(': started'))).toEqual([
        'glove: started',
        'glove training: started',
      ]);
      expect(lines).toContain('glove: cooccurrence done');
      expect(lines.at(-1)).toBe(
        'glove training: done in 1.0 s (threads: 4 requested, using 2 (the cores this machine has))',
      );
    },
  );
});
