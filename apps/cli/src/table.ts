import stringWidth from 'string-width';

/** How a column is aligned. */
export type Alignment = 'left' | 'right';

/**
 * Lays out rows as a plain-text table: columns padded to their widest cell, separated by two
 * spaces, the first row being the header (no trailing spaces). Widths are display widths (a CJK
 * character or an emoji takes two terminal columns, a combining mark none), so columns line up
 * whatever the words' scripts.
 */
export function formatTable(rows: readonly (readonly string[])[], alignments: readonly Alignment[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, stringWidth(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, column) => {
          const pad = ' '.repeat((widths[column] ?? 0) - stringWidth(cell));
          return alignments[column] === 'right' ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A similarity score with four decimals, the precision the tables show. */
export function formatScore(score: number): string {
  return score.toFixed(4);
}
