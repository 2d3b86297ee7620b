/**
 * Text in the report's SVG: escaping, and widths measured from Helvetica's advance widths (Adobe's
 * AFM metrics, in thousandths of the font size), so the layout fits its labels without a browser.
 * Arial has the same advance widths. Characters outside the table count as a wide 0.72 em, bold
 * text as 8 % wider, so a measurement errs on the long side.
 */

const WIDTHS = new Map<string, number>();
const GROUPS: ReadonlyArray<readonly [string, number]> = [
  [' !,./:;I[\\]fijlt', 278],
  ['ijl', 222],
  ["'", 191],
  ['"', 355],
  ['()-`r{}', 333],
  ['*^', 389],
  ['|', 260],
  ['#$0123456789?L_abdeghnopqu', 556],
  ['Jcksvxyz', 500],
  ['+<=>~', 584],
  ['%', 889],
  ['&ABEKPSVXY', 667],
  ['FTZ', 611],
  ['CDHNRUw', 722],
  ['GOQ', 778],
  ['Mm', 833],
  ['@', 1015],
  ['W', 944],
  ['—', 1000],
  ['–', 556],
  ['ρ', 570],
  ['×', 584],
];
for (const [chars, width] of GROUPS) for (const char of chars) WIDTHS.set(char, width);

/** The width of `text` in the report's font at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let thousandths = 0;
  for (const char of text) thousandths += WIDTHS.get(char) ?? 720;
  return (thousandths / 1000) * fontSize * (bold ? 1.08 : 1);
}

/** `text` with the five XML special characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A `<text>` element; `anchor` is where `x` is: the start, middle or end of the text. */
export function svgText(
  x: number,
  y: number,
  text: string,
  options: { size: number; bold?: boolean; anchor?: 'start' | 'middle' | 'end'; fill?: string },
): string {
  const attributes = [`x="${x.toFixed(1)}"`, `y="${y.toFixed(1)}"`, `font-size="${options.size}"`];
  if (options.bold) attributes.push('font-weight="bold"');
  if (options.anchor && options.anchor !== 'start') attributes.push(`text-anchor="${options.anchor}"`);
  if (options.fill) attributes.push(`fill="${options.fill}"`);
  return `<text ${attributes.join(' ')}>${escapeXml(text)}</text>`;
}
