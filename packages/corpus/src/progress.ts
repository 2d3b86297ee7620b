import type { TrainingProgress } from '@embedkit/core-math';

/** Shortest time between two progress reports, in milliseconds. */
const REPORT_INTERVAL_MS = 200;

/**
 * Turns a stream of "so many items done" updates into at most one progress report every
 * {@link REPORT_INTERVAL_MS} milliseconds, plus a final one.
 */
export class ProgressThrottle {
  readonly #phase: string;
  readonly #unit: string;
  readonly #onProgress: ((progress: TrainingProgress) => void) | undefined;
  readonly #start = performance.now();
  #lastReport = this.#start;

  constructor(phase: string, unit: string, onProgress: ((progress: TrainingProgress) => void) | undefined) {
    this.#phase = phase;
    this.#unit = unit;
    this.#onProgress = onProgress;
  }

  /** Reports `processed` when the last report is old enough. */
  update(processed: number): void {
    if (this.#onProgress === undefined) return;
    const now = performance.now();
    if (now - this.#lastReport >= REPORT_INTERVAL_MS) this.#report(processed, now);
  }

  /** Reports `processed` as the final figure of the phase. */
  finish(processed: number): void {
    if (this.#onProgress !== undefined) this.#report(processed, performance.now());
  }

  #report(processed: number, now: number): void {
    this.#lastReport = now;
    const seconds = (now - this.#start) / 1000;
    this.#onProgress?.({
      phase: this.#phase,
      processed,
      unit: this.#unit,
      ...(seconds > 0 ? { perSecond: processed / seconds } : {}),
    });
  }
}
