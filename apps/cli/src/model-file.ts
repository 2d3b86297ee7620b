import { type LoadedModel, loadModel } from '@embedkit/algorithms';
import { Option } from 'commander';
import { FILE_FORMATS, type FileFormat, vectorFormatOf } from './formats.js';

/** The options of a command that reads a model file. */
export interface ModelFileOptions {
  /** The model file's format, overriding detection. */
  readonly format?: FileFormat;
}

/** The `--format` option of every command that reads a model file: the format, when detection guesses wrong. */
export function modelFormatOption(): Option {
  return new Option(
    '--format <format>',
    "the model file's format (default: detected from its content)",
  ).choices(FILE_FORMATS);
}

/** Loads the model file of a command, in the format `--format` names or else the detected one. */
export function loadModelFile(path: string, options: ModelFileOptions): Promise<LoadedModel> {
  const { format } = options;
  if (format === undefined) return loadModel(path);
  return loadModel(path, { format: vectorFormatOf(format) ?? 'fasttext-bin' });
}
