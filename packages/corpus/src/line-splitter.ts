import type { Tokenizer } from './tokenizers.js';
import { isWhitespaceCode } from './tokenizers.js';

/**
 * Turns decoded text, pushed piece by piece, into sentences: one per line (LF or CRLF), lines
 * longer than `maxSentenceLength` tokens cut into pieces, empty lines dropped.
 *
 * A line is never held whole: after each push, the text up to the last whitespace is tokenized at
 * once, so only a partial token waits for the next piece. This is why a tokenizer must not return
 * tokens that span whitespace.
 */
export class LineSplitter {
  readonly #tokenizer: Tokenizer;
  readonly #maxSentenceLength: number;
  /**
   * Text of the current line not tokenized yet: whitespace (or nothing), then a partial token, in
   * the pieces it arrived in (joined once, when the token ends: appending to one string and
   * scanning it at each push made a long token quadratic).
   */
  #pending: string[] = [];
  /** Tokens of the current line not emitted yet (fewer than `maxSentenceLength`). */
  #sentence: string[] = [];

  constructor(tokenizer: Tokenizer, maxSentenceLength: number) {
    this.#tokenizer = tokenizer;
    this.#maxSentenceLength = maxSentenceLength;
  }

  /** Adds the next piece of text; complete sentences are appended to `out`. */
  push(text: string, out: string[][]): void {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      this.#addText(stripCarriageReturn(this.#takePending(text.slice(start, newline))));
      this.#endLine(out);
      start = newline + 1;
    }
    const rest = start === 0 ? text : text.slice(start);
    if (rest.length === 0) return;
    // The pending text holds no whitespace after its start: only the new piece is searched.
    const cut = lastWhitespace(rest, 0);
    if (cut > 0 || (cut === 0 && this.#pending.length > 0)) {
      this.#addText(this.#takePending(rest.slice(0, cut)));
      this.#pending.push(rest.slice(cut));
      this.#emitFullPieces(out);
    } else {
      this.#pending.push(rest);
    }
  }

  /** Ends the text: the last line, even without a final newline, is appended to `out`. */
  end(out: string[][]): void {
    this.#addText(stripCarriageReturn(this.#takePending('')));
    this.#endLine(out);
  }

  /** The pending text followed by `text`; nothing is pending afterwards. */
  #takePending(text: string): string {
    if (this.#pending.length === 0) return text;
    this.#pending.push(text);
    const joined = this.#pending.join('');
    this.#pending = [];
    return joined;
  }

  #addText(text: string): void {
    if (text.length === 0) return;
    const sentence = this.#sentence;
    for (const token of this.#tokenizer(text)) sentence.push(token);
  }

  #emitFullPieces(out: string[][]): void {
    const max = this.#maxSentenceLength;
    const sentence = this.#sentence;
    let offset = 0;
    for (; sentence.length - offset >= max; offset += max) out.push(sentence.slice(offset, offset + max));
    if (offset > 0) this.#sentence = sentence.slice(offset);
  }

  #endLine(out: string[][]): void {
    this.#emitFullPieces(out);
    if (this.#sentence.length > 0) {
      out.push(this.#sentence);
      this.#sentence = [];
    }
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Index of the last whitespace character of `text` at or after `from`, or -1. */
function lastWhitespace(text: string, from: number): number {
  for (let i = text.length - 1; i >= from; i--) {
    if (isWhitespaceCode(text.charCodeAt(i))) return i;
  }
  return -1;
}
