import type { TrainingProgress } from '@embedkit/core-math';
import cliProgress from 'cli-progress';

/**
 * cli-progress's time format for the ETA, except while there is no estimate yet: at 0 % (and
 * without measurable progress) cli-progress holds the strings `'0'`, `'INF'` or `'NULL'`, which
 * its own format turns into texts such as "NFs".
 */
export function formatEta(seconds: unknown, options: cliProgress.Options, roundTo: number): string {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
    ? cliProgress.Format.TimeFormat(seconds, options, roundTo)
    : '--';
}

/**
 * Whether `stream` is a terminal that understands cursor control: a TTY whose `TERM` is not `dumb`
 * (Emacs shells, some CI runners and editors' consoles set `TERM=dumb` and show escapes as text).
 */
export function takesCursorControl(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * Live progress of one job at a time: a bar on a terminal that takes cursor control, plain
 * periodic lines otherwise (a pipe, a file, `TERM=dumb`, CI), so logs hold no control characters.
 */
export class ProgressDisplay {
  readonly #stream: NodeJS.WriteStream;
  readonly #interactive: boolean;
  #bar: cliProgress.SingleBar | undefined;
  #label = '';
  #lastDecile = -1;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.#stream = stream;
    this.#interactive = takesCursorControl(stream) && process.env.CI !== 'true';
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
          formatTime: formatEta,
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

/**
 * `value` (an integer) with commas between groups of three digits, as `toLocaleString('en-US')`
 * writes it, without the first call's cost of loading the locale data (tens of milliseconds, on
 * the main thread while the training workers wait for their first block).
 */
function groupThousands(value: number): string {
  const digits = String(Math.abs(value));
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let at = head; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return value < 0 ? `-${grouped}` : grouped;
}

/** A short text for a progress report: phase, epoch, throughput, learning rate, loss. */
export function describeProgress(progress: TrainingProgress): string {
  const parts: string[] = [progress.phase];
  if (progress.epoch !== undefined && progress.epochs !== undefined) {
    parts.push(`epoch ${progress.epoch + 1}/${progress.epochs}`);
  }
  if (progress.perSecond !== undefined) {
    parts.push(`${groupThousands(Math.round(progress.perSecond))} ${progress.unit ?? 'words'}/s`);
  }
  if (progress.learningRate !== undefined) parts.push(`lr ${progress.learningRate.toFixed(5)}`);
  if (progress.loss !== undefined) parts.push(`loss ${progress.loss.toFixed(4)}`);
  return parts.join(' ');
}

/** Feeds a trainer's progress reports to a {@link ProgressDisplay} and keeps its notes. */
export class TrainProgress {
  /** Warnings and notes the trainer reported (e.g. a clamped thread count), each once. */
  readonly notes: string[] = [];
  readonly #display: ProgressDisplay;
  readonly #label: string;
  #fraction = 0;
  #phase = '';
  /** Started but not shown yet: the start is shown with the first report (or the finish). */
  #pending = false;

  constructor(display: ProgressDisplay, label: string) {
    this.#display = display;
    this.#label = label;
  }

  /**
   * Marks the start of training. It is shown with the trainer's first report, so a trainer that
   * refuses its options at once (before reporting) announces nothing before its error.
   */
  start(): void {
    this.#pending = true;
  }

  #show(): void {
    if (!this.#pending) return;
    this.#pending = false;
    this.#display.start(this.#label);
  }

  /**
   * One report from the trainer. A trainer whose fraction starts again in a new phase (GloVe counts
   * co-occurrences, then trains; with one epoch its first training report is already at 100 %) gets
   * a new bar labelled with the phase, so a log shows the progress of every phase.
   */
  readonly report = (progress: TrainingProgress): void => {
    this.#show();
    if (progress.message !== undefined && !this.notes.includes(progress.message))
      this.notes.push(progress.message);
    if (progress.fraction === undefined) return;
    if (this.#phase !== '' && progress.phase !== this.#phase && progress.fraction <= this.#fraction) {
      this.#display.finish(`${this.#phase} done`);
      this.#display.start(`${this.#label} ${progress.phase}`);
    }
    this.#fraction = progress.fraction;
    this.#phase = progress.phase;
    this.#display.update(progress.fraction, describeProgress(progress));
  };

  /** Ends the display with `summary` (and the notes, if any). */
  finish(summary: string): void {
    this.#show();
    this.#display.finish(this.notes.length > 0 ? `${summary} (${this.notes.join('; ')})` : summary);
  }

  /** {@link TrainProgress.finish} when the start was shown; otherwise shows nothing (the caller reports the error). */
  finishIfShown(summary: string): void {
    if (this.#pending) this.#pending = false;
    else this.finish(summary);
  }
}
