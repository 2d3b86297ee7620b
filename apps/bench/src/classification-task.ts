import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ProgressDisplay } from '@embedkit/cli';
import { readFastTextBin } from '@embedkit/fasttext-subword';
import { type ClassificationReport, FastTextClassifier } from '@embedkit/fasttext-supervised';
import { writeFileAtomic } from '@embedkit/vector-io';
import { type ClassificationSet, prepareClassificationSets } from './classification-data.js';
import { type BenchMachine, machineInfo } from './machine.js';
import { PYTHON, peerScript, peerUnavailable } from './peers.js';
import { runProcess } from './run-process.js';
import { trainOurs } from './train-ours.js';

/** What `embedkit-bench --task classification` runs. */
export interface ClassificationBenchOptions {
  /** Set names (see CLASSIFICATION_SETS). */
  readonly sets: readonly string[];
  /** Threads of both trainers. */
  readonly threads: number;
  /** Training options given to both (embedkit names; fastText's supervised defaults otherwise). */
  readonly train: Readonly<Record<string, number>>;
  /** Output folder. */
  readonly out: string;
  /** Also write the Markdown report here. */
  readonly reportCopy?: string | undefined;
}

/** One classifier's figures on one set. */
export interface ClassificationRow {
  readonly set: string;
  readonly tool: 'embedkit fasttext-supervised' | 'fastText supervised';
  /** P@1 on the test split (the accuracy: every line has one label). */
  readonly accuracy: number;
  /** The mean F1 over the labels. */
  readonly macroF1: number;
  /** Seconds of the whole training process (start-up, reading, training, writing the .bin). */
  readonly trainSeconds: number;
  readonly peakRssMb: number;
  /** Our seconds / fastText's (on our row). */
  readonly timeRatio?: number | undefined;
  /** Why a tool has no figures. */
  readonly error?: string;
}

/** The classification task's report. */
export interface ClassificationBenchReport {
  readonly date: string;
  readonly command: string;
  readonly machine: BenchMachine;
  readonly options: ClassificationBenchOptions;
  readonly sets: readonly ClassificationSet[];
  readonly rows: readonly ClassificationRow[];
  readonly notes: readonly string[];
}

/** fastText's flags for the embedkit option names. */
const FASTTEXT_FLAGS: Readonly<Record<string, string>> = {
  dim: '-dim',
  epochs: '-epoch',
  lr: '-lr',
  minCount: '-minCount',
  wordNgrams: '-wordNgrams',
  bucket: '-bucket',
  minn: '-minn',
  maxn: '-maxn',
  negative: '-neg',
};

/** The mean of the labels' F1 (a label never predicted nor present counts 0). */
export function macroF1(report: ClassificationReport): number {
  const scores = report.labels.map((label) => (Number.isFinite(label.f1) ? label.f1 : 0));
  return scores.reduce((sum, f1) => sum + f1, 0) / Math.max(1, scores.length);
}

async function evaluate(model: string, set: ClassificationSet): Promise<ClassificationReport> {
  const classifier = new FastTextClassifier(await readFastTextBin(model));
  return classifier.test(await readFile(set.test, 'utf8'), { file: set.test });
}

/**
 * The classification task: for each labelled set, trains embedkit's `fasttext-supervised` and
 * `fasttext supervised` on the same training split with the same settings and threads, scores both
 * models on the same test split with the same code (accuracy = P@1, macro-F1), and reports the
 * training process's time and peak memory. Writes classification-report.{md,json} into `options.out`.
 */
export async function runClassificationBench(
  options: ClassificationBenchOptions,
  command: string,
): Promise<ClassificationBenchReport> {
  const out = resolve(options.out);
  const display = new ProgressDisplay();
  const notes: string[] = [];
  const sets = await prepareClassificationSets(options.sets, join(out, 'classification'));
  const missing = peerUnavailable('fasttext');
  if (missing !== undefined) notes.push(`fastText rows skipped: ${missing}`);
  const rows: ClassificationRow[] = [];
  for (const set of sets) {
    const oursPath = join(out, 'classification', `${set.name}.embedkit.bin`);
    const ours = await trainOurs(
      {
        algo: 'fasttext-supervised',
        plugins: [],
        corpus: set.train,
        options: options.train,
        threads: options.threads,
        seed: 1,
        output: oursPath,
        modelFormat: 'fasttext-bin',
      },
      0,
      display,
    );
    let peer: ClassificationRow | undefined;
    if (missing === undefined) {
      const prefix = join(out, 'classification', `${set.name}.fasttext`);
      const flags = Object.entries(options.train).flatMap(([key, value]) => {
        const flag = FASTTEXT_FLAGS[key];
        if (flag === undefined) throw new Error(`option ${key} has no fastText flag here`);
        return [flag, String(value)];
      });
      display.start(`fastText supervised ${set.name}`);
      const args = [
        peerScript('measure.py'),
        'fasttext',
        'supervised',
        '-input',
        set.train,
        '-output',
        prefix,
      ];
      args.push(...flags, '-thread', String(options.threads), '-seed', '1', '-verbose', '0');
      const run = await runProcess(PYTHON, args, () => {});
      const figures = JSON.parse(run.stdout.at(-1) ?? '{}') as { peak_rss_mb?: number };
      if (run.status !== 0) {
        display.finish('failed');
        peer = {
          set: set.name,
          tool: 'fastText supervised',
          accuracy: Number.NaN,
          macroF1: Number.NaN,
          trainSeconds: Number.NaN,
          peakRssMb: Number.NaN,
          error: run.stderrTail.join(' | '),
        };
      } else {
        display.finish(`done in ${run.wallSeconds.toFixed(1)} s`);
        const report = await evaluate(`${prefix}.bin`, set);
        const own = await runProcess('fasttext', ['test', `${prefix}.bin`, set.test], () => {});
        const ownP1 = Number(/P@1\t(\S+)/.exec(own.stdout.join('\n'))?.[1]);
        if (Math.abs(ownP1 - report.precision) > 0.0005) {
          notes.push(
            `${set.name}: fasttext test gives P@1 ${ownP1} for its model, embedkit's test ${report.precision.toFixed(4)}`,
          );
        }
        peer = {
          set: set.name,
          tool: 'fastText supervised',
          accuracy: report.precision,
          macroF1: macroF1(report),
          trainSeconds: run.wallSeconds,
          peakRssMb: figures.peak_rss_mb ?? Number.NaN,
        };
      }
    }
    if (ours.status !== 'ok' || ours.wallSeconds === undefined) {
      rows.push({
        set: set.name,
        tool: 'embedkit fasttext-supervised',
        accuracy: Number.NaN,
        macroF1: Number.NaN,
        trainSeconds: Number.NaN,
        peakRssMb: Number.NaN,
        error: ours.error ?? 'failed',
      });
    } else {
      const report = await evaluate(oursPath, set);
      rows.push({
        set: set.name,
        tool: 'embedkit fasttext-supervised',
        accuracy: report.precision,
        macroF1: macroF1(report),
        trainSeconds: ours.wallSeconds,
        peakRssMb: ours.peakRssMb ?? Number.NaN,
        timeRatio: peer?.trainSeconds === undefined ? undefined : ours.wallSeconds / peer.trainSeconds,
      });
    }
    if (peer !== undefined) rows.push(peer);
  }
  const report: ClassificationBenchReport = {
    date: new Date().toISOString(),
    command,
    machine: machineInfo(),
    options,
    sets,
    rows,
    notes,
  };
  await writeFileAtomic(join(out, 'classification-report.json'), [
    new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`),
  ]);
  const markdown = renderClassificationMarkdown(report);
  await writeFile(join(out, 'classification-report.md'), markdown);
  if (options.reportCopy !== undefined) await writeFile(options.reportCopy, markdown);
  return report;
}

const percent = (value: number): string => (Number.isFinite(value) ? `${(value * 100).toFixed(2)} %` : '–');
const fixed = (value: number | undefined, digits: number): string =>
  value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : '–';

/** The report as Markdown: the sets, then one row per set and tool. */
export function renderClassificationMarkdown(report: ClassificationBenchReport): string {
  const { machine, options } = report;
  const lines = [
    `# Text classification: embedkit fasttext-supervised vs fastText supervised (${report.date.slice(0, 10)})`,
    '',
    `- Command: \`${report.command}\``,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`,
    `- Settings of both: fastText's supervised defaults${
      Object.keys(options.train).length > 0
        ? `, with ${Object.entries(options.train)
            .map(([key, value]) => `${key} ${value}`)
            .join(', ')}`
        : ''
    }; ${options.threads} threads, seed 1. Both models are scored by the same code (embedkit's \`test\`, which gives what \`fasttext test\` gives). Train time is the whole training process (start-up, reading, training, writing the \`.bin\`).`,
    '',
    '| set | train / test lines | labels |',
    '| --- | ---: | --- |',
    ...report.sets.map(
      (set) =>
        `| ${set.name}: ${set.description} | ${set.trainLines} / ${set.testLines} | ${Object.entries(
          set.labels,
        )
          .map(([label, count]) => `${label.replace('__label__', '')} ${count}`)
          .join(', ')} |`,
    ),
    '',
    '| set | classifier | accuracy (P@1) | macro-F1 | train s | peak MB | time ratio |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...report.rows.map(
      (row) =>
        `| ${row.set} | ${row.tool}${row.error === undefined ? '' : ` (failed: ${row.error})`} | ${percent(row.accuracy)} | ${fixed(row.macroF1, 4)} | ${fixed(row.trainSeconds, 2)} | ${fixed(row.peakRssMb, 0)} | ${row.timeRatio === undefined ? '' : `${row.timeRatio.toFixed(2)}×`} |`,
    ),
    '',
    "Targets: accuracy at least fastText's minus 0.5 points on each set, train time ≤ 0.67× fastText's.",
    ...report.notes.map((note) => `- ${note}`),
    '',
  ];
  return lines.join('\n');
}
