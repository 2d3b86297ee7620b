import { extname } from 'node:path';
import type { VectorFormat } from '@embedkit/vector-io';

/** The file formats `train --format` and `convert --to` write, spelled as on the command line. */
export type FileFormat = 'word2vec-bin' | 'word2vec-txt' | 'glove' | 'fasttext-bin' | 'vec';

/** The output name that means standard output. */
export const STDOUT = '-';

/** Every {@link FileFormat}. */
export const FILE_FORMATS: readonly FileFormat[] = [
  'word2vec-bin',
  'word2vec-txt',
  'glove',
  'fasttext-bin',
  'vec',
];

const VECTOR_FORMAT_OF: Readonly<Record<Exclude<FileFormat, 'fasttext-bin'>, VectorFormat>> = {
  'word2vec-bin': 'word2vec-binary',
  'word2vec-txt': 'word2vec-text',
  glove: 'glove',
  vec: 'fasttext-vec',
};

/** The vector-io format a {@link FileFormat} is written with (`undefined` for `fasttext-bin`). */
export function vectorFormatOf(format: FileFormat): VectorFormat | undefined {
  return format === 'fasttext-bin' ? undefined : VECTOR_FORMAT_OF[format];
}

/** The command-line name of a format {@link loadModel} reports. */
export function fileFormatOf(format: VectorFormat | 'fasttext-bin'): FileFormat {
  if (format === 'fasttext-bin') return format;
  const found = (Object.keys(VECTOR_FORMAT_OF) as (keyof typeof VECTOR_FORMAT_OF)[]).find(
    (name) => VECTOR_FORMAT_OF[name] === format,
  );
  return found ?? 'word2vec-txt';
}

/**
 * The format `train` writes when `--format` is not given, from the output's extension: `.vec` ->
 * `vec`, `.txt` -> `word2vec-txt`, `.bin` -> `fasttext-bin` for a fastText model and
 * `word2vec-bin` otherwise; `-` (standard output) -> `word2vec-txt`; any other name ->
 * `word2vec-bin`.
 */
export function formatForPath(path: string, fastText: boolean): FileFormat {
  if (path === STDOUT) return 'word2vec-txt';
  switch (extname(path).toLowerCase()) {
    case '.vec':
      return 'vec';
    case '.txt':
      return 'word2vec-txt';
    case '.bin':
      return fastText ? 'fasttext-bin' : 'word2vec-bin';
    default:
      return 'word2vec-bin';
  }
}
