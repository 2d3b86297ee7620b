import { type LoadedModel, loadModel } from '@embedkit/algorithms';
import { UNICODE_ERRORS, type UnicodeErrors } from '@embedkit/vector-io';
import { Option } from 'commander';
import { FILE_FORMATS, type FileFormat, vectorFormatOf } from './formats.js';

/** The options of a command that reads a model file. */
export interface ModelFileOptions {
  /** The model file's format, overriding detection. */
  readonly format?: FileFormat;
  /** The words' encoding (gensim's `encoding`; default UTF-8). */
  readonly encoding?: string;
  /** Bytes invalid in the encoding (gensim's `unicode_errors`; default strict). */
  readonly unicodeErrors?: UnicodeErrors;
}

/** The `--format` option of every command that reads a model file: the format, when detection guesses wrong. */
export function modelFormatOption(): Option {
  return new Option(
    '--format <format>',
    "the model file's format (default: detected from its content)",
  ).choices(FILE_FORMATS);
}

/** The `--encoding` option of every command that reads a model file (gensim's `encoding`). */
export function modelEncodingOption(): Option {
  return new Option(
    '--encoding <name>',
    'encoding of the words in the model file: utf-8 (default) or a single-byte one such as cp852, cp1251, latin-1',
  );
}

/** The `--unicode-errors` option of every command that reads a model file (gensim's `unicode_errors`). */
export function modelUnicodeErrorsOption(): Option {
  return new Option(
    '--unicode-errors <policy>',
    'bytes invalid in the encoding: refuse the file (strict, default), or replace, ignore or backslashreplace them',
  ).choices(UNICODE_ERRORS);
}

/**
 * Loads the model file of a command, in the format `--format` names or else the detected one, with
 * the words decoded as `--encoding` and `--unicode-errors` say.
 */
export function loadModelFile(path: string, options: ModelFileOptions): Promise<LoadedModel> {
  const { format, encoding, unicodeErrors } = options;
  return loadModel(path, {
    ...(format === undefined ? {} : { format: vectorFormatOf(format) ?? 'fasttext-bin' }),
    ...(encoding === undefined ? {} : { encoding }),
    ...(unicodeErrors === undefined ? {} : { unicodeErrors }),
  });
}
