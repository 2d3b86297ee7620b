import type { ClassificationBenchReport } from './classification-task.js';
import type { PerfRow } from './perf-result.js';

/** Points of accuracy ours may be below fastText's, and the train-time ratio to meet (issue 16). */
const ACCURACY_MARGIN = 0.005;
const TIME_RATIO = 0.67;

/**
 * The `bench:perf` rows of a classification run: per set, ours against fastText supervised
 * (process time, peak memory, accuracy and macro-F1 as the quality).
 */
export function classificationPerfRows(report: ClassificationBenchReport): PerfRow[] {
  return report.sets.map((set) => {
    const ours = report.rows.find(
      (row) => row.set === set.name && row.tool === 'embedkit fasttext-supervised',
    );
    const peer = report.rows.find((row) => row.set === set.name && row.tool === 'fastText supervised');
    const measure = (row: typeof ours) =>
      row === undefined || row.error !== undefined
        ? undefined
        : {
            seconds: row.trainSeconds,
            peakRssMb: row.peakRssMb,
            quality: `accuracy ${(row.accuracy * 100).toFixed(2)} %, macro-F1 ${row.macroF1.toFixed(4)}`,
          };
    const ratio = ours?.timeRatio;
    return {
      name: `text classification, ${set.name} (${set.trainLines} / ${set.testLines} lines), fastText's supervised defaults, whole training process`,
      oursLabel: 'fasttext-supervised',
      peerLabel: 'fasttext supervised',
      ours: measure(ours),
      peer: measure(peer),
      ratio,
      target: `time ≤ ${TIME_RATIO}×, accuracy ≥ fastText's − ${ACCURACY_MARGIN * 100} points`,
      met:
        ratio === undefined || ours === undefined || peer === undefined
          ? undefined
          : ratio <= TIME_RATIO && ours.accuracy >= peer.accuracy - ACCURACY_MARGIN,
      note: [ours?.error, peer?.error].filter((error) => error !== undefined).join('; ') || undefined,
    };
  });
}
