const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Longest excerpt of the input quoted in an error message. */
const MAX_EXCERPT = 40;

/** Bytes quoted for an error message: JSON-escaped, shortened to a readable excerpt. */
export function describeBytes(bytes: Uint8Array, start: number, end: number): string {
  const shown = Math.min(end, start + MAX_EXCERPT * 4);
  let text = lenientDecoder.decode(bytes.subarray(start, shown));
  const cut = text.length > MAX_EXCERPT || shown < end;
  if (text.length > MAX_EXCERPT) text = text.slice(0, MAX_EXCERPT);
  return `${JSON.stringify(text)}${cut ? '…' : ''}`;
}
