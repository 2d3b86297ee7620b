import { extname } from 'node:path';
import { VECTOR_FORMATS, type VectorFormat } from '@embedkit/vector-io';
import { InvalidArgumentError } from 'commander';

/**
 * The file formats `train --format` and `convert --to` write, named as the library names them:
 * vector-io's formats and fastText's model `.bin`.
 */
export type FileFormat = VectorFormat | 'fasttext-bin';

/** The output name that means standard output. */
export const STDOUT = '-';

/** Every {@link FileFormat}, in the order help texts and completions list them. */
export const FILE_FORMATS: readonly FileFormat[] = [...VECTOR_FORMATS, 'fasttext-bin'];

/** The short names earlier versions of the CLI used, still accepted: alias -> format. */
export const FORMAT_ALIASES: ReadonlyMap<string, FileFormat> = new Map<string, FileFormat>([
  ['word2vec-bin', 'word2vec-binary'],
  ['word2vec-txt', 'word2vec-text'],
  ['vec', 'fasttext-vec'],
]);

/** The `alias = format` list help texts show. */
export function describeFormatAliases(): string {
  return [...FORMAT_ALIASES].map(([alias, format]) => `${alias} = ${format}`).join(', ');
}

/**
 * Commander's parser of a format option: a {@link FileFormat} or one of its {@link FORMAT_ALIASES}.
 * @throws InvalidArgumentError (a usage error) naming the formats and aliases
 */
export function parseFileFormat(value: string): FileFormat {
  const format = FORMAT_ALIASES.get(value) ?? FILE_FORMATS.find((name) => name === value);
  if (format === undefined) {
    throw new InvalidArgumentError(
      `Allowed formats are ${FILE_FORMATS.join(', ')} (aliases: ${describeFormatAliases()}).`,
    );
  }
  return format;
}

/** The vector-io format a {@link FileFormat} is written with (`undefined` for `fasttext-bin`). */
export function vectorFormatOf(format: FileFormat): VectorFormat | undefined {
  return format === 'fasttext-bin' ? undefined : format;
}

/**
 * The format `train` writes when `--format` is not given, from the output's extension: `.vec` ->
 * `fasttext-vec`, `.txt` -> `word2vec-text`, `.bin` -> `fasttext-bin` for a fastText model and
 * `word2vec-binary` otherwise; `-` (standard output) -> `word2vec-text`; any other name ->
 * `word2vec-binary`.
 */
export function formatForPath(path: string, fastText: boolean): FileFormat {
  if (path === STDOUT) return 'word2vec-text';
  switch (extname(path).toLowerCase()) {
    case '.vec':
      return 'fasttext-vec';
    case '.txt':
      return 'word2vec-text';
    case '.bin':
      return fastText ? 'fasttext-bin' : 'word2vec-binary';
    default:
      return 'word2vec-binary';
  }
}
