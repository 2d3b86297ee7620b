import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LabelBox, placeLabels } from '../label-placement.js';

const box = (x: number, y: number, width = 40, height = 14): LabelBox => ({ x, y, width, height });

describe('placeLabels', () => {
  it('keeps the first of two overlapping labels and any label clear of the others', () => {
    expect(placeLabels([box(0, 0), box(30, 5), box(50, 0), box(0, 20)], 10)).toEqual([0, 2, 3]);
  });

  it('stops at max labels', () => {
    expect(placeLabels([box(0, 0), box(100, 0), box(200, 0)], 2)).toEqual([0, 1]);
  });

  it('never keeps two overlapping boxes, and keeps a box that overlaps none it follows', () => {
    const boxArb = fc.record({
      x: fc.integer({ min: -50, max: 500 }),
      y: fc.integer({ min: -50, max: 500 }),
      width: fc.integer({ min: 1, max: 120 }),
      height: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(boxArb, { maxLength: 60 }), (boxes) => {
        const kept = placeLabels(boxes, 1000);
        const overlap = (a: LabelBox, b: LabelBox) =>
          a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        for (let i = 0; i < kept.length; i++)
          for (let j = i + 1; j < kept.length; j++)
            expect(overlap(boxes[kept[i]!]!, boxes[kept[j]!]!)).toBe(false);
        boxes.forEach((b, i) => {
          if (!kept.includes(i)) expect(kept.some((k) => k < i && overlap(boxes[k]!, b))).toBe(true);
        });
      }),
    );
  });
});
