import { createReadStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { FormatError, IoError, isEmbeddingError, throwIfAborted } from '@embedkit/core-math';
import { Vocabulary } from '@embedkit/corpus';

const VOCAB_LINE = /^(\S+) (\d+)$/;

/**
 * Reads a vocabulary file as Stanford `vocab_count` writes it (`word count` per line, one space,
 * most frequent first) into a {@link Vocabulary} that keeps the file's order. Carriage returns at
 * line ends are ignored.
 *
 * @throws FormatError (with the line) for a line that is not `word count`, a count below 1 or a repeated word
 * @throws IoError when the file cannot be read
 * @throws CancelledError when `signal` aborts
 */
export async function readGloveVocabulary(
  path: string,
  options: { readonly signal?: AbortSignal } = {},
): Promise<Vocabulary> {
  const words: string[] = [];
  const counts: number[] = [];
  const seen = new Set<string>();
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      if (line % 65_536 === 0) throwIfAborted(options.signal, 'reading a vocabulary file');
      const match = VOCAB_LINE.exec(text.endsWith('\r') ? text.slice(0, -1) : text);
      const count = match === null ? 0 : Number(match[2]);
      if (match === null || !Number.isSafeInteger(count) || count < 1) {
        throw new FormatError(
          { file: path, line },
          'a line "word count" (one space, a count of at least 1)',
          JSON.stringify(text.slice(0, 80)),
        );
      }
      const word = match[1]!;
      if (seen.has(word))
        throw new FormatError({ file: path, line }, 'each word once', `${JSON.stringify(word)} again`);
      seen.add(word);
      words.push(word);
      counts.push(count);
    }
  } catch (error) {
    if (isEmbeddingError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new IoError(path, `cannot read the vocabulary file: ${reason}`, error);
  } finally {
    lines.close();
  }
  throwIfAborted(options.signal, 'reading a vocabulary file');
  return Vocabulary.fromCounts(words, counts);
}

/**
 * Writes `vocabulary` as the tools' vocabulary file (`word count` per line, in id order), through a
 * temporary file renamed into place.
 *
 * @throws IoError when the file cannot be written
 */
export async function writeGloveVocabulary(path: string, vocabulary: Vocabulary): Promise<void> {
  const lines = vocabulary.words.map((word, id) => `${word} ${vocabulary.count(id)}\n`);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, lines.join(''), 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new IoError(path, `cannot write the vocabulary file: ${reason}`, error);
  }
}
