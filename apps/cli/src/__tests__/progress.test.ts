import type { TrainingProgress } from '@embedkit/core-math';
import cliProgress from 'cli-progress';
import { describe, expect, it } from 'vitest';
import {
  ProgressDisplay,
  TrainProgress,
  describeProgress,
  formatEta,
  takesCursorControl,
} from '../progress.js';

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

describe('describeProgress', () => {
  it("groups the rate's digits in threes as toLocaleString('en-US') does", () => {
    for (const perSecond of [0, 7, 999, 1000, 12_345.6, 999_999.5, 1_051_578, 123_456_789_012]) {
      expect(describeProgress({ phase: 'training', perSecond, unit: 'words' })).toBe(
        `training ${Math.round(perSecond).toLocaleString('en-US')} words/s`,
      );
    }
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

describe('ProgressDisplay on a terminal', () => {
  function output(term: string | undefined): string {
    let written = '';
    const stream = {
      isTTY: true,
      columns: 80,
      write: (text: string) => {
        written += text;
        return true;
      },
      on: () => stream,
      removeListener: () => stream,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    };
    const saved = { TERM: process.env.TERM, CI: process.env.CI };
    process.env.TERM = term;
    delete process.env.CI;
    try {
      const display = new ProgressDisplay(stream as unknown as NodeJS.WriteStream);
      display.start('word2vec-skipgram');
      for (const fraction of [0.25, 0.5, 1]) display.update(fraction, 'training');
      display.finish('done in 1.0 s');
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    return written;
  }

  it('writes plain lines, no escape sequence or carriage return, when TERM=dumb', () => {
    expect(output('dumb')).toBe(
      [
        'word2vec-skipgram: started',
        'word2vec-skipgram: 25% training',
        'word2vec-skipgram: 50% training',
        'word2vec-skipgram: 100% training',
        'word2vec-skipgram: done in 1.0 s',
        '',
      ].join('\n'),
    );
  });

  it('draws a bar with cursor control on any other terminal', () => {
    expect(output('xterm-256color')).toContain('\u001b[');
  });

  it('takesCursorControl: a TTY whose TERM is not dumb', () => {
    expect(takesCursorControl({ isTTY: true }, { TERM: 'xterm' })).toBe(true);
    expect(takesCursorControl({ isTTY: true }, {})).toBe(true);
    expect(takesCursorControl({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(takesCursorControl({ isTTY: false }, { TERM: 'xterm' })).toBe(false);
    expect(takesCursorControl({}, { TERM: 'xterm' })).toBe(false);
  });
});
