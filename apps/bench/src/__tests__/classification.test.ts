import { describe, expect, it } from 'vitest';
import { messageBody, splitLines } from '../classification-data.js';
import { classificationPerfRows } from '../classification-perf.js';
import {
  type ClassificationBenchReport,
  macroF1,
  renderClassificationMarkdown,
} from '../classification-task.js';

describe('classification task', () => {
  it('keeps a message body without its headers', () => {
    expect(messageBody('From: a@b\nSubject: hi\n\nHello there\n\nBye\n')).toBe('Hello there\n\nBye');
    expect(messageBody('From: a@b\r\nSubject: hi\r\n\r\nBody')).toBe('Body');
    expect(messageBody('only headers, no blank line')).toBe('');
  });

  it('splits 80/20 with a fixed seed: the same split every run, every line once', () => {
    const lines = Array.from({ length: 101 }, (_, i) => `__label__${i % 3} word${i}`);
    const first = splitLines(lines);
    expect(splitLines(lines)).toEqual(first);
    expect([first.train.length, first.test.length]).toEqual([81, 20]);
    expect([...first.train, ...first.test].sort()).toEqual([...lines].sort());
    expect(first.train.slice(0, 5)).not.toEqual(lines.slice(0, 5));
  });

  it('averages F1 over the labels, an undefined F1 counting 0', () => {
    const label = (f1: number) => ({
      label: 'x',
      gold: 0,
      predicted: 0,
      correct: 0,
      precision: 0,
      recall: 0,
      f1,
    });
    expect(
      macroF1({
        examples: 3,
        k: 1,
        precision: 1,
        recall: 1,
        labels: [label(1), label(0.5), label(Number.NaN)],
      }),
    ).toBe(0.5);
  });

  it('reports both tools per set, with the targets met or not', () => {
    const report: ClassificationBenchReport = {
      date: '2026-12-03T12:00:00.000Z',
      command: 'embedkit-bench --task classification',
      machine: { cpu: 'cpu', cores: 2, memoryGb: 8, node: '20', platform: 'linux' },
      options: { sets: ['spam'], threads: 2, train: {}, out: 'out' },
      sets: [
        {
          name: 'spam',
          description: 'spam vs ham',
          train: 't',
          test: 'u',
          trainLines: 8,
          testLines: 2,
          labels: { __label__spam: 4, __label__ham: 6 },
        },
      ],
      rows: [
        {
          set: 'spam',
          tool: 'embedkit fasttext-supervised',
          accuracy: 0.96,
          macroF1: 0.95,
          trainSeconds: 2,
          peakRssMb: 300,
          timeRatio: 0.5,
        },
        {
          set: 'spam',
          tool: 'fastText supervised',
          accuracy: 0.962,
          macroF1: 0.955,
          trainSeconds: 4,
          peakRssMb: 170,
        },
      ],
      notes: [],
    };
    const markdown = renderClassificationMarkdown(report);
    expect(markdown).toContain(
      '| spam | embedkit fasttext-supervised | 96.00 % | 0.9500 | 2.00 | 300 | 0.50× |',
    );
    expect(markdown).toContain('spam 4, ham 6');
    const [row] = classificationPerfRows(report);
    expect(row).toMatchObject({ ratio: 0.5, met: true });
    const slower = classificationPerfRows({
      ...report,
      rows: [{ ...report.rows[0]!, timeRatio: 0.8 }, report.rows[1]!],
    });
    expect(slower[0]!.met).toBe(false);
  });
});
