import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BlockScorer, blockedTopK } from '../blocked-top-k.js';
import { rankAll } from './fixtures.js';

/** A scorer over a fixed table of scores (queries x rows), recording the blocks it was given. */
function tableScorer(table: number[][], exclude: number[][]): BlockScorer & { blocks: [number, number][] } {
  const blocks: [number, number][] = [];
  let blockStart = 0;
  return {
    blocks,
    queryCount: table.length,
    prepareBlock: (rowStart, rows) => {
      blockStart = rowStart;
      blocks.push([rowStart, rows]);
    },
    scoreAbove: (q, offset, rows, threshold, scores, indices) => {
      let count = 0;
      for (let r = 0; r < rows; r++) {
        const score = table[q]![blockStart + offset + r]!;
        if (score > threshold) {
          scores[count] = score;
          indices[count++] = r;
        }
      }
      return count;
    },
    excludedRows: (q) => exclude[q]!,
  };
}

describe('blockedTopK', () => {
  it('walks the rows in blocks and keeps the best k per query, ties by lower row (property)', () => {
    const score = fc.integer({ min: -4, max: 4 }).map((n) => n / 4); // few values: many ties
    const arbitrary = fc
      .record({ rows: fc.integer({ min: 1, max: 40 }), queries: fc.integer({ min: 1, max: 4 }) })
      .chain(({ rows, queries }) =>
        fc.record({
          table: fc.array(fc.array(score, { minLength: rows, maxLength: rows }), {
            minLength: queries,
            maxLength: queries,
          }),
          exclude: fc.array(fc.uniqueArray(fc.nat({ max: rows + 2 }), { maxLength: 5 }), {
            minLength: queries,
            maxLength: queries,
          }),
          k: fc.integer({ min: 0, max: 8 }),
          blockRows: fc.integer({ min: 1, max: rows + 3 }),
          chunkRows: fc.integer({ min: 1, max: rows + 3 }),
        }),
      );
    fc.assert(
      fc.property(arbitrary, ({ table, exclude, k, blockRows, chunkRows }) => {
        const rows = table[0]!.length;
        const scorer = tableScorer(table, exclude);
        const best = blockedTopK(scorer, rows, k, blockRows, undefined, chunkRows);
        expect(scorer.blocks.map(([start]) => start)).toEqual(
          Array.from({ length: Math.ceil(rows / blockRows) }, (_, i) => i * blockRows),
        );
        table.forEach((scores, q) => {
          const expected = rankAll(scores, (r) => exclude[q]!.includes(r)).slice(0, k);
          const count = best.counts[q]!;
          expect([...best.indices.subarray(q * k, q * k + count)]).toEqual(expected);
          expect([...best.scores.subarray(q * k, q * k + count)]).toEqual(expected.map((r) => scores[r]));
        });
      }),
      { numRuns: 300 },
    );
  });
});
