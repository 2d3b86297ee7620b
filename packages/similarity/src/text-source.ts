import { FormatError } from '@embedkit/core-math';
import { readFileBytes } from '#read-file';

/** The text of an evaluation file and the name to report in errors. */
export interface LoadedText {
  /** The decoded text (UTF-8, without a leading byte-order mark). */
  readonly text: string;
  /** The file's path, or `<text>` when the text was given directly. */
  readonly file: string;
}

/**
 * Reads an evaluation set given as a path or as its text: a string with a line break is the
 * text itself (every evaluation file has more than one line), anything else is a path.
 */
export async function loadText(pathOrText: string): Promise<LoadedText> {
  if (pathOrText.includes('\n')) return { text: stripBom(pathOrText), file: '<text>' };
  const bytes = await readFileBytes(pathOrText);
  return { text: stripBom(decodeUtf8(bytes, pathOrText)), file: pathOrText };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes strict UTF-8 (as Python does); on invalid bytes, reports the first bad line. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        strictUtf8.decode(bytes.subarray(start, i));
      } catch {
        throw new FormatError({ file, line, offset: start }, 'UTF-8 text', 'invalid UTF-8 bytes');
      }
      line++;
      start = i + 1;
    }
    throw new FormatError({ file }, 'UTF-8 text', 'invalid UTF-8 bytes');
  }
}

/**
 * Splits text into lines at `\n` (the ends of a file opened in binary mode, as gensim reads
 * analogy files) or at `\n`, `\r\n` and `\r` (Python's universal newlines, as gensim reads
 * word-pair files). A final line break does not start another line.
 */
export function splitLines(text: string, universalNewlines: boolean): string[] {
  const lines = text.split(universalNewlines ? /\r\n|\r|\n/ : '\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
