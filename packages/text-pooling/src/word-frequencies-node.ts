import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { FormatError, IoError, isEmbeddingError, throwIfAborted } from '@embedkit/core-math';
import { WordFrequencies } from './word-frequencies.js';

/** Options of {@link readWordFrequencies}. */
export interface ReadWordFrequenciesOptions {
  /** Stops reading; the promise then rejects with `CancelledError`. */
  readonly signal?: AbortSignal;
}

/**
 * Reads a frequency table with one `word count` pair per line (whitespace separated), such as
 * `enwiki_vocab_min200.txt` from the SIF paper's code. Blank lines are ignored; a word listed
 * twice has its counts added. The file is streamed line by line.
 *
 * @throws FormatError (with the line) when a line is not `word count` with a non-negative count
 * @throws IoError when the file cannot be read
 */
export async function readWordFrequencies(
  path: string,
  options: ReadWordFrequenciesOptions = {},
): Promise<WordFrequencies> {
  const counts = new Map<string, number>();
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if ((lineNumber & 0xffff) === 0) throwIfAborted(options.signal, `reading ${path}`);
      const fields = line.trim().split(/\s+/u);
      if (fields.length === 1 && fields[0] === '') continue;
      const count = fields.length === 2 ? Number(fields[1]) : Number.NaN;
      if (!Number.isFinite(count) || count < 0) {
        throw new FormatError(
          { file: path, line: lineNumber },
          '"word count" with a count of at least 0',
          line,
        );
      }
      const word = fields[0]!;
      counts.set(word, (counts.get(word) ?? 0) + count);
    }
  } catch (error) {
    if (isEmbeddingError(error)) throw error;
    throw new IoError(path, error instanceof Error ? error.message : String(error), error);
  } finally {
    lines.close();
    stream.destroy();
  }
  throwIfAborted(options.signal, `reading ${path}`);
  if (counts.size === 0) throw new FormatError({ file: path }, 'at least one "word count" line', 'none');
  return new WordFrequencies(counts);
}
