import { readFileSync } from 'node:fs';
import { readFastTextBin } from '@embedkit/fasttext-subword';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import {
  FastTextClassifier,
  formatPredictionLine,
  formatTestLabelReport,
  formatTestReport,
} from '../index.js';

const read = (name: string): string => readFileSync(fixture('reference', name), 'utf8');

/** Parses a `predict-prob` line into labels and probabilities. */
function parsePredictProb(line: string): { labels: string[]; probabilities: number[] } {
  const parts = line.split(' ').filter((part) => part !== '');
  const labels: string[] = [];
  const probabilities: number[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    labels.push(parts[i]!);
    probabilities.push(Number(parts[i + 1]));
  }
  return { labels, probabilities };
}

const cases = [
  { loss: 'softmax', test: 'sup-lee-test.txt', prefix: '__label__' },
  { loss: 'softmax', model: 'sup-lee-softmax.ftz', test: 'sup-lee-test.txt', prefix: '__label__' },
  { loss: 'hs', test: 'sup-lee-test.txt', prefix: '__label__' },
  { loss: 'ns', test: 'sup-lee-test.txt', prefix: '__label__' },
  { loss: 'ova', test: 'sup-lee-test-at.txt', prefix: '@@' },
] as ReadonlyArray<{ loss: string; model?: string; test: string; prefix: string }>;

describe('supervised models written by fastText 0.9.2', () => {
  for (const { loss, model: file = `sup-lee-${loss}.bin`, test, prefix } of cases) {
    it(`${file} (${loss}): predicts the labels and probabilities of fasttext predict-prob`, async () => {
      const model = await readFastTextBin(fixture('reference', file));
      expect(model.args.loss).toBe(loss);
      const classifier = new FastTextClassifier(model, prefix);
      const expected = read(
        file.replace(/\.bin$/, '.predict-prob.txt').replace(/\.ftz$/, '.ftz.predict-prob.txt'),
      )
        .trimEnd()
        .split('\n');
      const ours = classifier.predictLines(read(test), { k: 3 });
      expect(ours).toHaveLength(expected.length);
      let sameLabels = 0;
      expected.forEach((line, i) => {
        const want = parsePredictProb(line);
        const got = ours[i]!;
        expect(got.map((p) => p.probability)).toEqual(want.probabilities.map((p) => expect.closeTo(p, 5)));
        if (got.map((p) => p.label).join(' ') === want.labels.join(' ')) sameLabels++;
      });
      // Labels of (nearly) tied probabilities may come in either order.
      expect(sameLabels).toBe(expected.length);
    });
  }

  it('prints predict-prob lines as fastText does', async () => {
    const classifier = new FastTextClassifier(
      await readFastTextBin(fixture('reference', 'sup-lee-softmax.bin')),
    );
    const expected = read('sup-lee-softmax.predict-prob.txt').split('\n');
    const lines = classifier.predictLines(read('sup-lee-test.txt'), { k: 3 });
    const same = lines.filter((p, i) => formatPredictionLine(p, true) === expected[i]).length;
    // A few probabilities differ in the 6th digit (float sums in another order).
    expect(same).toBeGreaterThanOrEqual(Math.floor(lines.length * 0.9));
  });

  it('tests as fasttext test and test-label print', async () => {
    const softmax = new FastTextClassifier(
      await readFastTextBin(fixture('reference', 'sup-lee-softmax.bin')),
    );
    const report = softmax.test(read('sup-lee-test.txt'));
    expect(formatTestReport(report)).toBe(read('sup-lee-softmax.test.txt'));
    const printed = formatTestLabelReport(report).split('\n');
    const fastText = read('sup-lee-softmax.test-label.txt').split('\n');
    // fastText 0.9.2 counts no per-label gold in test-label: its precision column and the totals are comparable.
    const precisionOf = (line: string) => line.split('Precision : ')[1]?.slice(0, 8);
    expect(printed.map(precisionOf)).toEqual(fastText.map(precisionOf));
    expect(printed.slice(-4)).toEqual(fastText.slice(-4));
    for (const label of report.labels) {
      if (label.gold > 0) expect(label.recall).toBeCloseTo(label.correct / label.gold, 12);
    }
    const ova = new FastTextClassifier(await readFastTextBin(fixture('reference', 'sup-lee-ova.bin')), '@@');
    expect(formatTestReport(ova.test(read('sup-lee-test-at.txt'), { k: 2, threshold: 0.3 }))).toBe(
      read('sup-lee-ova.test-k2.txt'),
    );
  });
});
