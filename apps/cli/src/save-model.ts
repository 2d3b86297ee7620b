import { type Embedder, IoError, isSavableModel, WordVectors } from '@embedkit/core-math';
import { checkOutputPath, serializeVectors, writeVectors } from '@embedkit/vector-io';
import type { CliIo } from './cli-io.js';
import { FILE_FORMATS, type FileFormat, STDOUT, vectorFormatOf } from './formats.js';
import { UsageError } from './usage-error.js';

/** A model's word vectors: itself, the `wordVectors` it exposes (fastText), or a copy of every key's vector. */
function vectorsOf(model: Embedder): WordVectors {
  if (model instanceof WordVectors) return model;
  const { wordVectors } = model as { wordVectors?: unknown };
  return wordVectors instanceof WordVectors ? wordVectors : WordVectors.fromEmbedder(model);
}

/**
 * Checks, before any long work, that `format` can be written to `output`: `-` (standard output)
 * takes the vector formats (`word2vec-binary` only when standard output is not a terminal); a file
 * must pass {@link checkOutputPath} (not a device, FIFO or directory, not one of `inputs`,
 * writable).
 *
 * @throws UsageError for a format standard output cannot take; IoError for a refused file
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
  if (vectorFormatOf(format) === undefined) {
    throw new UsageError(
      `--output - (standard output) takes the vector formats, not ${format}: give a file name`,
    );
  }
  if (format === 'word2vec-binary' && (io.stdout as { isTTY?: boolean }).isTTY === true) {
    throw new UsageError(
      'word2vec-binary is binary and standard output is a terminal: redirect it (> file, | command) or choose word2vec-text, fasttext-vec or glove',
    );
  }
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
 * Writes `model` to `path` in `format` (to a temporary file renamed into place, so a failed or
 * cancelled save leaves no partial file and an existing file as it was; `-`: to standard output):
 * its word vectors for a vector format, otherwise the model saves itself when it declares
 * `format` ({@link SavableModel}).
 * @throws UsageError when `format` is neither a vector format nor one the model saves itself in
 * @throws IoError when the file cannot be written; CancelledError when `signal` aborts
 */
export async function saveModel(
  io: CliIo,
  path: string,
  format: FileFormat,
  model: Embedder,
  signal?: AbortSignal,
): Promise<void> {
  const vectorFormat = vectorFormatOf(format);
  if (vectorFormat !== undefined) {
    if (path === STDOUT) await writeToStream(io.stdout, serializeVectors(vectorsOf(model), vectorFormat));
    else await writeVectors(path, vectorsOf(model), { format: vectorFormat, ...(signal ? { signal } : {}) });
    return;
  }
  const own = isSavableModel(model) ? model.savableFormats : [];
  if (!isSavableModel(model) || !own.includes(format)) {
    const writable = FILE_FORMATS.filter((name) => vectorFormatOf(name) !== undefined || own.includes(name));
    throw new UsageError(`${format} cannot hold this model; it can be written as ${writable.join(', ')}`);
  }
  await model.save(path, format, signal ? { signal } : {});
}
