import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Random } from '@embedkit/core-math';
import { writeFileAtomic } from '@embedkit/vector-io';
import type { PerfMeasure, PerfRow, PerfTask, PerfTaskResult } from './perf-result.js';
import { PYTHON, peerScript } from './peers.js';
import type { ProgressDisplay } from '@embedkit/cli';
import type { BenchReport, ModelRow } from './results.js';
import { runProcess } from './run-process.js';

const perfTaskScript = fileURLToPath(new URL('./perf-task.js', import.meta.url));

/** The issue-9 target of the training rows: time and quality against the peer. */
export const TRAINING_TARGET = { time: 0.67, analogyPoints: 1, wordSim: 0.02 } as const;

/** A training row's target against its peer: time ratio, quality margins, and peak memory where set. */
export interface TrainingTarget {
  readonly time: number;
  readonly analogyPoints: number;
  readonly wordSim: number;
  /** Peak resident memory at most the peer's. */
  readonly peakMemory?: boolean;
}

/**
 * Issue 20's targets where they differ from {@link TRAINING_TARGET}: word2vec with negative
 * sampling at most 0.4× gensim 4.2's time; fastText's subword models at most 0.33× fastText
 * 0.9.2's time; GloVe at most the Stanford tools' peak memory and 0.5× their
 * pipeline's time; quality within 0.5 analogy points and 0.01 of WS-353 ρ.
 */
export const ISSUE_20_TARGETS: ReadonlyMap<string, TrainingTarget> = new Map([
  ['word2vec-skipgram', { time: 0.4, analogyPoints: 0.5, wordSim: 0.01 }],
  ['word2vec-cbow', { time: 0.4, analogyPoints: 0.5, wordSim: 0.01 }],
  ['fasttext-skipgram', { time: 0.33, analogyPoints: 0.5, wordSim: 0.01 }],
  ['fasttext-cbow', { time: 0.33, analogyPoints: 0.5, wordSim: 0.01 }],
  ['glove', { time: 0.5, analogyPoints: 0.5, wordSim: 0.01, peakMemory: true }],
]);

function targetText({ time, analogyPoints, wordSim, peakMemory }: TrainingTarget): string {
  const memory = peakMemory ? "peak memory ≤ peer's, " : '';
  const points = analogyPoints === 1 ? 'point' : 'points';
  return `${memory}time ≤ ${time}×, analogy ≥ peer − ${analogyPoints} ${points}, WS-353 ≥ peer − ${wordSim}`;
}

/**
 * Issue 20's target of the hierarchical-softmax rows (word2vec skip-gram and CBOW against gensim
 * `hs=1, negative=0`): at most 0.67× gensim's time, quality within 0.5 analogy points and 0.01 of WS-353 ρ.
 */
export const HS_TARGETS: ReadonlyMap<string, TrainingTarget> = new Map(
  ['word2vec-skipgram', 'word2vec-cbow'].map((algo) => [
    algo,
    { time: 0.67, analogyPoints: 0.5, wordSim: 0.01 },
  ]),
);

const pct = (value: number | undefined): string =>
  value === undefined ? '–' : `${(value * 100).toFixed(1)} %`;

function analogyOf(row: ModelRow): number | undefined {
  return row.evaluation?.analogy[0]?.total;
}

function wordSimOf(row: ModelRow): number | undefined {
  return row.evaluation?.similarity.find((entry) => entry.set === 'wordsim353.tsv')?.spearman;
}

/** `gensim 4.2.0`, `fastText 0.9.2…`, `Stanford GloVe tools in DIR`: the tool and its version. */
function peerLabel(peer: ModelRow): string {
  const tool = peer.name.split(' ')[0] ?? peer.name;
  if (peer.version === undefined) return tool;
  return peer.version.toLowerCase().includes(tool.toLowerCase()) ? peer.version : `${tool} ${peer.version}`;
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/** The mean of the figures the rows have, or undefined when none has one. */
function meanOf(
  rows: readonly ModelRow[],
  figure: (row: ModelRow) => number | undefined,
): number | undefined {
  const values = rows.map(figure).filter((value): value is number => value !== undefined);
  return values.length === 0 ? undefined : mean(values);
}

/** One side of a training row over the seeds: mean time and quality, the highest peak memory. */
function trainingMeasure(rows: readonly ModelRow[]): PerfMeasure | undefined {
  if (rows.length === 0) return undefined;
  const wordSim = meanOf(rows, wordSimOf);
  const peaks = rows.flatMap((row) => row.peakRssMb ?? []);
  return {
    seconds: mean(rows.map((row) => row.wallSeconds!)),
    cpuSeconds: meanOf(rows, (row) => row.cpuSeconds),
    peakRssMb: peaks.length === 0 ? undefined : Math.max(...peaks),
    quality: `analogy ${pct(meanOf(rows, analogyOf))}, WS-353 ${wordSim === undefined ? '–' : wordSim.toFixed(3)}`,
  };
}

/**
 * The training rows of the table, from bench reports with peers, one per seed: for each of our
 * algorithms that has a peer, time and quality side by side (each the mean over the seeds) against
 * its algorithm's target in `targets` ({@link ISSUE_20_TARGETS} by default), else
 * {@link TRAINING_TARGET}. A seed whose run failed on either side is left out of both sides' means
 * and named in the row's note.
 */
export function trainingRows(
  reports: readonly BenchReport[],
  titles: ReadonlyMap<string, string>,
  targets: ReadonlyMap<string, TrainingTarget> = ISSUE_20_TARGETS,
): PerfRow[] {
  const rows: PerfRow[] = [];
  for (const [algo, title] of titles) {
    const pairs = reports.map((report) => ({
      ours: report.rows.find((row) => row.kind === 'ours' && row.algo === algo),
      peer: report.rows.find((row) => row.kind === 'peer' && row.algo === algo),
    }));
    const complete = (row: ModelRow | undefined): row is ModelRow =>
      row?.status === 'ok' && row.wallSeconds !== undefined;
    const paired = pairs.filter(({ ours, peer }) => complete(ours) && complete(peer));
    const ours = paired.map((pair) => pair.ours!);
    const peers = paired.map((pair) => pair.peer!);
    const oursMeasure = trainingMeasure(ours);
    const peerMeasure = trainingMeasure(peers);
    const ratio = oursMeasure && peerMeasure ? oursMeasure.seconds / peerMeasure.seconds : undefined;
    const target: TrainingTarget = targets.get(algo) ?? TRAINING_TARGET;
    const { time, analogyPoints, wordSim } = target;
    let met: boolean | undefined;
    if (ratio !== undefined && oursMeasure && peerMeasure) {
      const quality =
        (meanOf(ours, analogyOf) ?? 0) >= (meanOf(peers, analogyOf) ?? 0) - analogyPoints / 100 &&
        (meanOf(ours, wordSimOf) ?? 0) >= (meanOf(peers, wordSimOf) ?? 0) - wordSim;
      const memory =
        !target.peakMemory ||
        (oursMeasure.peakRssMb ?? Number.POSITIVE_INFINITY) <= (peerMeasure.peakRssMb ?? 0);
      met = ratio <= time && quality && memory;
    }
    const missing = pairs.flatMap(({ ours, peer }, seed) =>
      [ours, peer]
        .filter((row) => row !== undefined && row.status !== 'ok')
        .map(
          (row) =>
            `${reports.length > 1 ? `seed ${reports[seed]!.config.seed}: ` : ''}${row!.name} ${row!.status}${row!.error ? `: ${row!.error}` : ''}`,
        ),
    );
    const peer = pairs.find((pair) => pair.peer !== undefined)?.peer;
    rows.push({
      name: title,
      oursLabel: 'embedkit',
      peerLabel: peer ? peerLabel(peer) : 'no peer run',
      ours: oursMeasure,
      peer: peerMeasure,
      ratio,
      target: targetText(target),
      met,
      note: missing.length > 0 ? missing.join('; ') : undefined,
    });
  }
  return rows;
}

async function runTask(
  command: string,
  args: readonly string[],
  signal?: AbortSignal,
): Promise<PerfTaskResult> {
  const outcome = await runProcess(command, args, () => {}, signal);
  const last = outcome.stdout.at(-1);
  if (outcome.status !== 0 || last === undefined) {
    throw new Error(outcome.stderrTail.slice(-3).join(' | ') || `exit status ${outcome.status}`);
  }
  return JSON.parse(last) as PerfTaskResult;
}

/** Runs a timed operation of ours and of gensim `rounds` times, alternating; keeps each side's fastest. */
export async function compareTask(
  task: PerfTask,
  rounds: number,
  display: ProgressDisplay,
  withGensim: boolean,
  signal?: AbortSignal,
): Promise<{ ours: PerfTaskResult; gensim: PerfTaskResult | undefined }> {
  let ours: PerfTaskResult | undefined;
  let gensim: PerfTaskResult | undefined;
  const fastest = (best: PerfTaskResult | undefined, next: PerfTaskResult): PerfTaskResult =>
    best === undefined || next.seconds < best.seconds
      ? { ...next, peakRssMb: Math.max(next.peakRssMb, best?.peakRssMb ?? 0) }
      : { ...best, peakRssMb: Math.max(next.peakRssMb, best.peakRssMb) };
  for (let round = 1; round <= rounds; round++) {
    display.update((round - 1) / rounds, `round ${round}/${rounds}: embedkit`);
    ours = fastest(ours, await runTask(process.execPath, [perfTaskScript, JSON.stringify(task)], signal));
    if (!withGensim) continue;
    display.update((round - 0.5) / rounds, `round ${round}/${rounds}: gensim`);
    gensim = fastest(
      gensim,
      await runTask(PYTHON, [peerScript('gensim_perf.py'), JSON.stringify(task)], signal),
    );
  }
  return { ours: ours!, gensim };
}

/**
 * A GloVe text file of `words` × `dim` values from a seeded random stream (words of 3–12 random
 * letters, made unique by a suffix; values with 5 decimals, as in the published GloVe files). Kept
 * in place and reused when a file of the same shape exists.
 */
export async function syntheticGloveFile(
  path: string,
  words: number,
  dim: number,
  seed: number,
): Promise<void> {
  const marker = `${path}.shape`;
  const shape = `${words} ${dim} ${seed}`;
  if (existsSync(path) && existsSync(marker) && (await readFile(marker, 'utf8')) === shape) return;
  const random = new Random(seed);
  const utf8 = new TextEncoder();
  async function* lines(): AsyncGenerator<Uint8Array> {
    const batch: string[] = [];
    for (let word = 0; word < words; word++) {
      let key = '';
      const length = 3 + random.nextInt(10);
      for (let i = 0; i < length; i++) key += String.fromCharCode(97 + random.nextInt(26));
      const values = new Array<string>(dim);
      for (let i = 0; i < dim; i++) values[i] = ((random.nextFloat() - 0.5) * 1.6).toFixed(5);
      batch.push(`${key}${word.toString(36)} ${values.join(' ')}\n`);
      if (batch.length === 2000 || word === words - 1) {
        yield utf8.encode(batch.join(''));
        batch.length = 0;
      }
    }
  }
  await writeFileAtomic(path, lines());
  await writeFileAtomic(marker, [utf8.encode(shape)]);
}

/** A measure of one of our training runs (time, CPU, peak memory), or undefined when it failed. */
export function measureOf(row: ModelRow): PerfMeasure | undefined {
  return row.status === 'ok' && row.wallSeconds !== undefined
    ? { seconds: row.wallSeconds, cpuSeconds: row.cpuSeconds, peakRssMb: row.peakRssMb }
    : undefined;
}

/** The training phase alone of a training row (after counting and encoding), where the trainer reports it. */
export function trainingPhaseOf(row: ModelRow): PerfMeasure | undefined {
  return row.status === 'ok' && row.trainingPhaseSeconds !== undefined
    ? { seconds: row.trainingPhaseSeconds }
    : undefined;
}

/** The training phase of a training row divided by its `epochs`: the time of one epoch. */
export function epochTimeOf(row: ModelRow, epochs: number): PerfMeasure | undefined {
  const phase = trainingPhaseOf(row);
  return phase && { seconds: phase.seconds / epochs, peakRssMb: row.peakRssMb };
}

/** The errors of the training rows that failed, joined for a row's note; undefined when none did. */
export function failureNote(rows: readonly ModelRow[]): string | undefined {
  return (
    rows
      .filter((row) => row.status !== 'ok')
      .map((row) => row.error)
      .join('; ') || undefined
  );
}
