import { type ProgressDisplay, describeProgress } from '@embedkit/bench';
import type { TrainingProgress } from '@embedkit/core-math';

/** Feeds a trainer's progress reports to a {@link ProgressDisplay} and keeps its notes. */
export class TrainProgress {
  /** Warnings and notes the trainer reported (e.g. a clamped thread count), each once. */
  readonly notes: string[] = [];
  readonly #display: ProgressDisplay;
  readonly #label: string;
  #fraction = 0;
  #phase = '';

  constructor(display: ProgressDisplay, label: string) {
    this.#display = display;
    this.#label = label;
  }

  /** Shows the start of training. */
  start(): void {
    this.#display.start(this.#label);
  }

  /**
   * One report from the trainer. A trainer whose fraction starts again from 0 in a new phase (GloVe
   * counts co-occurrences, then trains) gets a new bar labelled with the phase, so a log shows the
   * progress of every phase.
   */
  readonly report = (progress: TrainingProgress): void => {
    if (progress.message !== undefined && !this.notes.includes(progress.message))
      this.notes.push(progress.message);
    if (progress.fraction === undefined) return;
    if (progress.fraction < this.#fraction && progress.phase !== this.#phase) {
      this.#display.finish(`${this.#phase} done`);
      this.#display.start(`${this.#label} ${progress.phase}`);
    }
    this.#fraction = progress.fraction;
    this.#phase = progress.phase;
    this.#display.update(progress.fraction, describeProgress(progress));
  };

  /** Ends the display with `summary` (and the notes, if any). */
  finish(summary: string): void {
    this.#display.finish(this.notes.length > 0 ? `${summary} (${this.notes.join('; ')})` : summary);
  }
}
