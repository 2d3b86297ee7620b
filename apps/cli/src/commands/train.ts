import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ProgressDisplay, TrainProgress } from '../progress.js';
import { UsageError } from '../usage-error.js';
import {
  type AlgorithmRegistry,
  ConfigError,
  type EmbeddingAlgorithm,
  IoError,
  isEmbeddingError,
  type TrainContext,
  throwIfAborted,
  type Embedder,
} from '@embedkit/core-math';
import { type Command, Option } from 'commander';
import { kebabCase, parseAlgorithmOptions } from '../algorithm-options.js';
import { type CliIo, writeJson, writeLine } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { FILE_FORMATS, type FileFormat, formatForPath, vectorFormatOf } from '../formats.js';
import { examples, newCommand } from '../new-command.js';
import { nonNegativeInteger, positiveInteger, repeatable } from '../option-parsers.js';
import { saveModel } from '../save-model.js';

/** The options `train` itself takes (the algorithm's options come as extra tokens). */
export interface TrainCommandOptions {
  /** The corpus: one sentence per line, whitespace-separated tokens. */
  readonly input: string;
  /** The file to write. */
  readonly output: string;
  /** The output format (default: from the output's extension). */
  readonly format?: FileFormat;
  /** Worker threads (TrainContext). */
  readonly threads?: number;
  /** Seed of every random choice (TrainContext). */
  readonly seed?: number;
  /** JSON summary on stdout. */
  readonly json?: boolean;
}

/** What `train` needs besides the command line. */
export interface TrainSetup {
  /** Built-in algorithms and those of the `--plugin` modules. */
  readonly registry: AlgorithmRegistry;
}

async function requireAccess(path: string, mode: number, what: string): Promise<void> {
  try {
    await access(path, mode);
  } catch (error) {
    throw new IoError(
      path,
      `cannot ${what}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      error,
    );
  }
}

/** A trainer's ConfigError about an option given on the command line, renamed to its `--kebab-case` flag. */
function withFlagName(error: unknown, given: Readonly<Record<string, unknown>>): unknown {
  if (!(error instanceof ConfigError) || !Object.hasOwn(given, error.option)) return error;
  return new ConfigError(`--${kebabCase(error.option)}`, error.value, error.allowed);
}

/** Runs `onInterrupt` on the first Ctrl-C; a second Ctrl-C exits at once. */
function onCtrlC(onInterrupt: () => void): () => void {
  let interrupted = false;
  const handler = (): void => {
    if (interrupted) process.exit(EXIT.interrupted);
    interrupted = true;
    onInterrupt();
  };
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

/**
 * Trains `algorithmId` on `--input` with the algorithm options in `extra` (`--kebab-name value`),
 * shows progress on stderr, and writes the vectors (or the fastText model) to `--output`. Ctrl-C
 * aborts the training signal: nothing is written and the command fails with `CancelledError`.
 */
export async function runTrain(
  io: CliIo,
  setup: TrainSetup,
  algorithmId: string,
  extra: readonly string[],
  options: TrainCommandOptions,
): Promise<void> {
  if (algorithmId.startsWith('-')) {
    throw new UsageError(
      'the algorithm comes first: embedkit train ALGORITHM --input FILE --output FILE [options]',
    );
  }
  const algorithm = setup.registry.get(algorithmId);
  if (algorithm === undefined) {
    throw new UsageError(`unknown algorithm ${algorithmId}; registered: ${setup.registry.ids().join(', ')}`);
  }
  const algorithmOptions = parseAlgorithmOptions(algorithm, extra);
  const modelFormats = algorithm.modelFormats ?? [];
  const format = options.format ?? formatForPath(options.output, modelFormats.includes('fasttext-bin'));
  if (vectorFormatOf(format) === undefined && !modelFormats.includes(format)) {
    throw new UsageError(
      `--format ${format} cannot hold what ${algorithm.id} trains; it saves word vectors${modelFormats.map((name) => ` or ${name}`).join('')}`,
    );
  }
  await requireAccess(options.input, constants.R_OK, 'read the corpus');
  await requireAccess(dirname(resolve(options.output)), constants.W_OK, 'write into the output folder');

  const controller = new AbortController();
  const progress = new TrainProgress(new ProgressDisplay(io.stderr), algorithm.id);
  const context: TrainContext = {
    signal: controller.signal,
    onProgress: progress.report,
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  };
  const started = performance.now();
  const stopListening = onCtrlC(() => controller.abort());
  progress.start();
  let model: Embedder;
  try {
    model = await algorithm.train(options.input, algorithmOptions, context);
    throwIfAborted(controller.signal, 'training');
    await saveModel(options.output, format, model, controller.signal);
  } catch (error) {
    progress.finishIfShown(
      isEmbeddingError(error, 'CANCELLED') ? `cancelled, ${options.output} not written` : 'failed',
    );
    throw withFlagName(error, algorithmOptions);
  } finally {
    stopListening();
  }
  const seconds = (performance.now() - started) / 1000;
  progress.finish(`done in ${seconds.toFixed(1)} s`);
  const summary = {
    algorithm: algorithm.id,
    input: options.input,
    output: options.output,
    format,
    vocabulary: model.size,
    dim: model.dim,
    seconds,
    options: algorithmOptions,
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  };
  if (options.json) writeJson(io.stdout, summary);
  else
    writeLine(
      io.stdout,
      `wrote ${model.size} vectors of dimension ${model.dim} to ${options.output} (${format}) in ${seconds.toFixed(1)} s`,
    );
}

function describeDefault(value: unknown): string {
  return value === undefined ? '' : ` ${String(value)}`;
}

/** The help section listing each algorithm with its options and their defaults. */
function algorithmsHelp(registry: AlgorithmRegistry): string {
  const blocks = registry.list().map((algorithm: EmbeddingAlgorithm<object>) => {
    const options = Object.entries(algorithm.defaults).map(
      ([key, value]) => `--${kebabCase(key)}${describeDefault(value)}`,
    );
    return `  ${algorithm.id}\n    ${algorithm.description}\n    options (defaults): ${options.join(', ')}`;
  });
  return `\nAlgorithms (ids as registered; --plugin adds more):\n${blocks.join('\n')}\n`;
}

/** `embedkit train ALGORITHM --input FILE --output FILE [--format F] [algorithm options]`. */
export function trainCommand(io: CliIo, setup: TrainSetup): Command {
  return newCommand('train')
    .summary('train word vectors with a registered algorithm')
    .description(
      'Trains word vectors with a registered algorithm. Algorithm options are spelled --kebab-case (--dim, --window, --min-count, --epochs, --lr, --negative, --hs, --minn, --bucket, --x-max, ...); an option the algorithm does not take is an error. Progress goes to stderr: a bar on a terminal, plain lines otherwise. Ctrl-C stops cleanly and writes nothing.',
    )
    .argument('<algorithm>', `algorithm id: ${setup.registry.ids().join(', ')}`)
    .requiredOption('--input <file>', 'corpus: one sentence per line, whitespace-separated tokens')
    .requiredOption('--output <file>', 'file to write (replaced atomically)')
    .addOption(
      new Option(
        '--format <format>',
        'output format (default from the extension: .vec vec, .txt word2vec-txt, .bin fasttext-bin for an algorithm whose models save as fasttext-bin and word2vec-bin otherwise; other names word2vec-bin)',
      ).choices(FILE_FORMATS),
    )
    .option('--threads <n>', 'worker threads (default: the algorithm chooses)', positiveInteger)
    .option(
      '--seed <n>',
      'seed of every random choice (with --threads 1: identical vectors run after run)',
      nonNegativeInteger,
    )
    .option('--plugin <module>', 'module exporting EmbeddingAlgorithms (repeatable)', repeatable)
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText('after', algorithmsHelp(setup.registry))
    .addHelpText(
      'after',
      examples(
        'embedkit train word2vec-skipgram --input corpus.txt --output vectors.bin --dim 100 --epochs 5',
        'embedkit train fasttext-skipgram --input corpus.txt --output model.bin --minn 3 --maxn 6   # fastText .bin',
        'embedkit train glove --input corpus.txt --output glove.txt --format glove --x-max 10 --threads 2',
        'embedkit train my-algo --plugin ./my-algo.mjs --input corpus.txt --output my.vec',
      ),
    )
    .action((algorithmId: string, options: TrainCommandOptions, command: Command) =>
      runTrain(io, setup, algorithmId, command.args.slice(1), options),
    );
}
