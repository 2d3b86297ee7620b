import { BinaryVectorParser } from './binary-parser.js';
import { TextVectorParser } from './text-parser.js';
import type { VectorFormat } from './vector-format.js';
import type { ParserInput, VectorParser } from './vector-parser.js';

/** Whether reading `format` needs an upper bound on the number of lines first (no header to size the matrix). */
export function needsLineCount(format: VectorFormat): boolean {
  return format === 'glove';
}

/**
 * The parser for `format`. A headerless (GloVe) file also needs `maxLines`, an upper bound on its
 * number of lines (see {@link needsLineCount}).
 */
export function createParser(format: VectorFormat, input: ParserInput, maxLines: number): VectorParser {
  switch (format) {
    case 'word2vec-binary':
      return new BinaryVectorParser(input);
    case 'glove':
      return new TextVectorParser({ ...input, header: false, maxLines });
    case 'word2vec-text':
    case 'fasttext-vec':
      return new TextVectorParser({ ...input, header: true });
  }
}
