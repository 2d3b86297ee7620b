import { readFile } from 'node:fs/promises';
import { ConfigError, IoError } from '@embedkit/core-math';
import {
  type ClassificationReport,
  DEFAULT_LABEL_PREFIX,
  FastTextClassifier,
  formatPredictionLine,
  formatTestLabelReport,
  formatTestReport,
} from '@embedkit/fasttext-supervised';
import { type Command, Option } from 'commander';
import { type CliIo, writeJson, writeJsonLine } from '../cli-io.js';
import { loadModelFile } from '../model-file.js';
import { examples, newCommand } from '../new-command.js';
import { finiteNumber } from '../option-parsers.js';

/** Options `predict` and `test` share. */
export interface ClassifyOptions {
  /** Labels per line (fastText's `k`). */
  readonly k?: number;
  /** Smallest probability printed. */
  readonly threshold?: number;
  /** The label prefix of labels in the text. */
  readonly label?: string;
  /** JSON output. */
  readonly json?: boolean;
}

/**
 * The classifier in a supervised fastText `.bin`.
 *
 * @throws ConfigError naming the file when it holds word vectors or an unsupervised model
 */
async function loadClassifier(path: string, label: string | undefined): Promise<FastTextClassifier> {
  const loaded = await loadModelFile(path, {});
  const model = loaded.fastText;
  if (model === undefined || model.args.model !== 'supervised') {
    throw new ConfigError(
      'MODEL',
      `${path} (${model === undefined ? `${loaded.format} word vectors` : `a fastText ${model.args.model} model`})`,
      'a supervised fastText .bin (trained by `fasttext supervised` or `embedkit train fasttext-supervised`)',
    );
  }
  return new FastTextClassifier(model, label ?? DEFAULT_LABEL_PREFIX);
}

/** The whole text of `path`, or of stdin when it is undefined or `-`. */
async function readInput(path: string | undefined, io: CliIo): Promise<string> {
  if (path !== undefined && path !== '-') {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      throw new IoError(
        path,
        `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        error,
      );
    }
  }
  let text = '';
  io.stdin.setEncoding('utf8');
  for await (const chunk of io.stdin) text += chunk as string;
  return text;
}

/**
 * `fasttext predict` / `predict-prob`: one output line per input line, the `k` best labels (with
 * their prefix) whose probability is at least `threshold`; `prob` adds each probability.
 */
export async function runPredict(
  io: CliIo,
  modelPath: string,
  input: string | undefined,
  options: ClassifyOptions & { readonly prob?: boolean },
): Promise<void> {
  const classifier = await loadClassifier(modelPath, options.label);
  const lines = classifier.predictLines(await readInput(input, io), {
    ...(options.k === undefined ? {} : { k: options.k }),
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
  });
  for (const predictions of lines) {
    if (options.json) writeJsonLine(io.stdout, { predictions });
    else io.stdout.write(`${formatPredictionLine(predictions, options.prob === true)}\n`);
  }
}

/** The report as JSON: undefined figures (NaN) become `null`. */
function reportJson(report: ClassificationReport): unknown {
  return JSON.parse(JSON.stringify(report, (_, value) => (Number.isNaN(value) ? null : value)));
}

/** `fasttext test` (and `test-label` with `perLabel`) on a labelled file. */
export async function runTest(
  io: CliIo,
  modelPath: string,
  input: string,
  options: ClassifyOptions & { readonly perLabel?: boolean },
): Promise<void> {
  const classifier = await loadClassifier(modelPath, options.label);
  const report = classifier.test(await readInput(input, io), {
    file: input === '-' ? '<stdin>' : input,
    ...(options.k === undefined ? {} : { k: options.k }),
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
  });
  if (options.json) writeJson(io.stdout, reportJson(report));
  else io.stdout.write(options.perLabel ? formatTestLabelReport(report) : formatTestReport(report));
}

function classifyOptions(command: Command): Command {
  return (
    command
      // Any number here: the classifier checks the range, so `-k 0` names the option and what it allows.
      .addOption(new Option('-k <n>', 'labels per line (default 1)').argParser(finiteNumber))
      .addOption(
        new Option('--threshold <p>', 'smallest probability, 0 to 1 (default 0)').argParser(finiteNumber),
      )
      .option('--label <prefix>', `the label prefix of labels in the text (default ${DEFAULT_LABEL_PREFIX})`)
  );
}

/** `embedkit predict MODEL [FILE] -k N --threshold P [--prob]`. */
export function predictCommand(io: CliIo): Command {
  return classifyOptions(
    newCommand('predict')
      .summary("predict the labels of text lines with a supervised fastText model (fastText's predict)")
      .description(
        "Prints one line per input line: the k most probable labels with their prefix, as fastText's predict does; --prob adds each probability as predict-prob does. Reads FILE, or stdin when FILE is - or absent.",
      )
      .argument('<model>', 'supervised fastText .bin')
      .argument('[file]', 'text, one example per line (default: stdin)'),
  )
    .option('--prob', "print each label's probability (fastText's predict-prob)")
    .addHelpText(
      'after',
      examples(
        'embedkit predict model.bin test.txt -k 3 --prob',
        'echo "win a free cruise now" | embedkit predict model.bin',
      ),
    )
    .action((model: string, file: string | undefined, options: ClassifyOptions & { prob?: boolean }) =>
      runPredict(io, model, file, options),
    );
}

/** `embedkit test MODEL FILE -k N [--per-label]`. */
export function testCommand(io: CliIo): Command {
  return classifyOptions(
    newCommand('test')
      .summary("evaluate a supervised fastText model on labelled lines (fastText's test, test-label)")
      .description(
        "Prints N, P@k and R@k as fastText's test does; --per-label adds precision, recall and F1 of every label as test-label does. A label the model was never trained on is an error.",
      )
      .argument('<model>', 'supervised fastText .bin')
      .argument('<file>', 'labelled lines (__label__X text), or - for stdin'),
  )
    .option('--per-label', "precision, recall and F1 per label (fastText's test-label)")
    .addHelpText(
      'after',
      examples('embedkit test model.bin test.txt', 'embedkit test model.bin test.txt -k 2 --json'),
    )
    .action((model: string, file: string, options: ClassifyOptions & { perLabel?: boolean }) =>
      runTest(io, model, file, options),
    );
}
