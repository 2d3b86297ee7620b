import type { TrainingProgress } from '@embedkit/core-math';
import cliProgress from 'cli-progress';

/**
 * Live progress of one job at a time: a bar on a terminal, plain periodic lines otherwise (so logs
 * hold no control characters).
 */
export class ProgressDisplay {
  readonly #stream: NodeJS.WriteStream;
  readonly #interactive: boolean;
  #bar: cliProgress.SingleBar | undefined;
  #label = '';
  #lastDecile = -1;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.#stream = stream;
    this.#interactive = stream.isTTY === true && process.env.CI !== 'true';
  }

  /** Starts showing a job. */
  start(label: string): void {
    this.#label = label;
    this.#lastDecile = -1;
    if (this.#interactive) {
      this.#bar = new cliProgress.SingleBar(
        {
          format: `${label.padEnd(24)} {bar} {percentage}% | ETA {eta_formatted} | {detail}`,
          stream: this.#stream,
          hideCursor: true,
          clearOnComplete: true,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      this.#bar.start(100, 0, { detail: 'starting' });
    } else {
      this.#stream.write(`${label}: started\n`);
    }
  }

  /** Updates the job's fraction done (0..1) and a short detail text. */
  update(fraction: number, detail: string): void {
    const percent = Math.max(0, Math.min(100, fraction * 100));
    if (this.#bar) {
      this.#bar.update(Math.round(percent * 10) / 10, { detail });
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile > this.#lastDecile) {
      this.#lastDecile = decile;
      this.#stream.write(`${this.#label}: ${percent.toFixed(0)}% ${detail}\n`);
    }
  }

  /** Ends the job with a one-line summary. */
  finish(summary: string): void {
    this.#bar?.stop();
    this.#bar = undefined;
    this.#stream.write(`${this.#label}: ${summary}\n`);
  }
}

/** A short text for a progress report: phase, epoch, throughput, learning rate, loss. */
export function describeProgress(progress: TrainingProgress): string {
  const parts: string[] = [progress.phase];
  if (progress.epoch !== undefined && progress.epochs !== undefined) {
    parts.push(`epoch ${progress.epoch + 1}/${progress.epochs}`);
  }
  if (progress.perSecond !== undefined) {
    parts.push(`${Math.round(progress.perSecond).toLocaleString('en-US')} ${progress.unit ?? 'words'}/s`);
  }
  if (progress.learningRate !== undefined) parts.push(`lr ${progress.learningRate.toFixed(5)}`);
  if (progress.loss !== undefined) parts.push(`loss ${progress.loss.toFixed(4)}`);
  return parts.join(' ');
}
