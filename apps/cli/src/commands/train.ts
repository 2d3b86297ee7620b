import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
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
import { applyPhraseLayers, learnPhrasePasses, withReplayableCorpus } from '@embedkit/corpus';
import { type Command, Option } from 'commander';
import { kebabCase, parseAlgorithmOptions } from '../algorithm-options.js';
import { type CliIo, writeJson, writeLine } from '../cli-io.js';
import {
  describeFormatAliases,
  FILE_FORMATS,
  type FileFormat,
  formatForPath,
  parseFileFormat,
  STDOUT,
  vectorFormatOf,
} from '../formats.js';
import { examples, newCommand } from '../new-command.js';
import { nonNegativeInteger, positiveInteger, repeatable } from '../option-parsers.js';
import { ProgressDisplay, TrainProgress } from '../progress.js';
import { checkOutput, saveModel } from '../save-model.js';
import { cancellableBySignals } from '../signals.js';
import { UsageError } from '../usage-error.js';

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
  /** Rounds of phrase detection applied to the corpus before training (gensim's defaults). */
  readonly phrases?: number;
}

/** What `train` needs besides the command line. */
export interface TrainSetup {
  /** Built-in algorithms and those of the `--plugin` modules. */
  readonly registry: AlgorithmRegistry;
}

async function requireReadable(path: string): Promise<void> {
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    throw new IoError(
      path,
      `cannot read the corpus: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      error,
    );
  }
}

/** A trainer's ConfigError about an option given on the command line, renamed to its `--kebab-case` flag. */
function withFlagName(error: unknown, given: Readonly<Record<string, unknown>>): unknown {
  if (!(error instanceof ConfigError) || !Object.hasOwn(given, error.option)) return error;
  return new ConfigError(`--${kebabCase(error.option)}`, error.value, error.allowed);
}

/**
 * Trains `algorithmId` on `--input` with the algorithm options in `extra` (`--kebab-name value`),
 * shows progress on stderr, and writes the vectors (or the fastText model) to `--output` (`-`:
 * standard output, the summary then going to stderr). The output is checked before training
 * ({@link checkOutput}); a corpus that is a pipe is read once into a temporary file. Ctrl-C,
 * SIGTERM or SIGHUP, in training or while writing, cancels: an existing output is left as it was,
 * temporary files are removed, and the command fails with an `InterruptedError` (exit 130, 143, 129).
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
  await requireReadable(options.input);
  await checkOutput(io, options.output, format, [options.input]);

  const progress = new TrainProgress(new ProgressDisplay(io.stderr), algorithm.id);
  const started = performance.now();
  progress.start();
  let model: Embedder;
  try {
    model = await cancellableBySignals(async (signal) => {
      const context: TrainContext = {
        signal,
        onProgress: progress.report,
        ...(options.threads !== undefined ? { threads: options.threads } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
      };
      // A plug-in reads the corpus as it likes: give it one that can be read again, as the built-ins do.
      // Phrases are learned from, and applied to, that same re-readable corpus.
      const trained = await withReplayableCorpus(options.input, { signal }, async (corpus) =>
        algorithm.train(
          options.phrases === undefined
            ? corpus
            : applyPhraseLayers(corpus, await learnPhrasePasses(corpus, options.phrases)),
          algorithmOptions,
          context,
        ),
      );
      throwIfAborted(signal, 'training');
      await saveModel(io, options.output, format, trained, signal);
      return trained;
    });
  } catch (error) {
    progress.finishIfShown(
      isEmbeddingError(error, 'CANCELLED') ? `cancelled, ${options.output} not written` : 'failed',
    );
    throw withFlagName(error, algorithmOptions);
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
  // With --output - the vectors went to stdout: the summary goes to stderr.
  const report = options.output === STDOUT ? io.stderr : io.stdout;
  if (options.json) writeJson(report, summary);
  else
    writeLine(
      report,
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

/**
 * The options with `--input` and `--output`, which `train` requires.
 * @throws UsageError naming the missing ones and the command's shape
 */
function withFiles(options: Partial<TrainCommandOptions>): TrainCommandOptions {
  const { input, output } = options;
  if (input === undefined || output === undefined) {
    const missing = [
      ...(input === undefined ? ['--input FILE'] : []),
      ...(output === undefined ? ['--output FILE'] : []),
    ];
    throw new UsageError(
      `train needs ${missing.join(' and ')}: embedkit train ALGORITHM --input FILE --output FILE [options]`,
    );
  }
  return { ...options, input, output };
}

/** `embedkit train ALGORITHM --input FILE --output FILE [--format F] [algorithm options]`. */
export function trainCommand(io: CliIo, setup: TrainSetup): Command {
  return (
    newCommand('train')
      .summary('train word vectors with a registered algorithm')
      .description(
        'Trains word vectors with a registered algorithm. Algorithm options are spelled --kebab-case (--dim, --window, --min-count, --epochs, --lr, --negative, --hs, --minn, --bucket, --x-max, ...); an option the algorithm does not take is an error. Progress goes to stderr: a bar on a terminal, plain lines otherwise. The output is checked before training: an existing file is replaced atomically, never the corpus itself or a device, FIFO or directory; - writes to stdout. The corpus may be a pipe (/dev/stdin, a FIFO): it is read once into a temporary file. Ctrl-C, SIGTERM or SIGHUP stops cleanly, removes temporary files and leaves an existing output as it was (exit 130, 143, 129).',
      )
      .argument('<algorithm>', `algorithm id: ${setup.registry.ids().join(', ')}`)
      // Checked in the action (withFiles), so that a missing algorithm is reported before them.
      .option(
        '--input <file>',
        'corpus: one sentence per line, whitespace-separated tokens (required; a pipe such as /dev/stdin is read once into a temporary file)',
      )
      .option('--output <file>', 'file to write, replaced atomically, or - for standard output (required)')
      .addOption(
        new Option(
          '--format <format>',
          `output format (default from the extension: .vec fasttext-vec, .txt word2vec-text, .bin fasttext-bin for an algorithm whose models save as fasttext-bin and word2vec-binary otherwise; other names word2vec-binary; aliases ${describeFormatAliases()})`,
        )
          .choices(FILE_FORMATS)
          .argParser(parseFileFormat),
      )
      .option('--threads <n>', 'worker threads (default: the algorithm chooses)', positiveInteger)
      .option(
        '--seed <n>',
        'seed of every random choice (with --threads 1: identical vectors run after run)',
        nonNegativeInteger,
      )
      .option(
        '--phrases <n>',
        "join phrases first: N rounds of phrase detection with gensim's defaults (see `embedkit phrases`)",
        positiveInteger,
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
      .action((algorithmId: string, options: Partial<TrainCommandOptions>, command: Command) =>
        runTrain(io, setup, algorithmId, command.args.slice(1), withFiles(options)),
      )
  );
}
