import { EOS } from '@embedkit/fasttext-subword';

/** The bytes fastText's `Dictionary::readWord` splits on besides the newline. */
const SEPARATORS = /[ \t\r\v\f\0]+/;

/**
 * The tokens of each line of `text` as fastText reads them (`Dictionary::readWord`): split on
 * spaces, tabs, `\r`, `\v`, `\f` and NUL, with the end-of-sentence token `</s>` after every line
 * that ends with a newline (a last line without one gets none).
 */
export function fastTextLines(text: string): string[][] {
  const lines = text.split('\n');
  const last = lines.pop()!;
  const out = lines.map((line) => [...tokensOf(line), EOS]);
  if (last !== '') out.push(tokensOf(last));
  return out;
}

function tokensOf(line: string): string[] {
  return line.split(SEPARATORS).filter((token) => token !== '');
}
