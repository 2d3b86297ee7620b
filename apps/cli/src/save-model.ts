import { UsageError } from '@embedkit/bench';
import { IoError, type WordVectors } from '@embedkit/core-math';
import { type FastTextModel, serializeFastTextBin, writeFastTextBin } from '@embedkit/fasttext-subword';
import { checkOutputPath, serializeVectors, writeVectors } from '@embedkit/vector-io';
import type { CliIo } from './cli-io.js';
import { type FileFormat, STDOUT, vectorFormatOf } from './formats.js';

/** What can be saved: word vectors, and the fastText model they come from when there is one. */
export interface SavableModel {
  /** The in-vocabulary vectors. */
  readonly vectors: WordVectors;
  /** The fastText model (needed for `fasttext-bin`). */
  readonly fastText?: FastTextModel | undefined;
}

/** Formats whose files are bytes, not text: not written to a terminal. */
const BINARY_FORMATS: ReadonlySet<FileFormat> = new Set(['word2vec-bin', 'fasttext-bin']);

/**
 * Checks, before any long work, that `format` can be written to `output`: `-` (standard output)
 * takes every format except a binary one when standard output is a terminal; a file must pass
 * {@link checkOutputPath} (not a device, FIFO or directory, not one of `inputs`, writable).
 *
 * @throws UsageError for a binary format to a terminal; IoError for a refused file
 */
export async function checkOutput(
  io: CliIo,
  output: string,
  format: FileFormat,
  inputs: readonly string[],
): Promise<void> {
  if (output !== STDOUT) {
    await checkOutputPath(output, { inputs });
    return;
  }
  if (BINARY_FORMATS.has(format) && (io.stdout as { isTTY?: boolean }).isTTY === true) {
    throw new UsageError(
      `--format ${format} is binary and standard output is a terminal: redirect it (> file, | command) or choose word2vec-txt, vec or glove`,
    );
  }
}

function fastTextOf(model: SavableModel): FastTextModel {
  if (model.fastText === undefined) {
    throw new UsageError(
      'fasttext-bin holds a fastText model (subword rows and training arguments); only fasttext-skipgram, fasttext-cbow or a fastText .bin input can be written in it',
    );
  }
  return model.fastText;
}

function writeToStream(stream: NodeJS.WritableStream, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(bytes, (error) => {
      if (error) reject(new IoError('standard output', `cannot write: ${error.message}`, error));
      else resolve();
    });
  });
}

/**
 * Writes `model` to `path` in `format`: a file is written to a temporary file renamed into place, so
 * a failed or cancelled save leaves no partial file and an existing file as it was; `-` writes to
 * standard output.
 *
 * @throws UsageError for `fasttext-bin` without a fastText model; IoError when the file cannot be
 *   written; CancelledError when `signal` aborts
 */
export async function saveModel(
  io: CliIo,
  path: string,
  format: FileFormat,
  model: SavableModel,
  signal?: AbortSignal,
): Promise<void> {
  const vectorFormat = vectorFormatOf(format);
  if (path === STDOUT) {
    const bytes =
      vectorFormat === undefined
        ? serializeFastTextBin(fastTextOf(model))
        : serializeVectors(model.vectors, vectorFormat);
    await writeToStream(io.stdout, bytes);
  } else if (vectorFormat === undefined) {
    await writeFastTextBin(path, fastTextOf(model), signal ? { signal } : {});
  } else {
    await writeVectors(path, model.vectors, { format: vectorFormat, ...(signal ? { signal } : {}) });
  }
}
