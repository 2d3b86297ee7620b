/** A label's box on the canvas, in pixels (x, y: its top-left corner). */
export interface LabelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Which labels to draw so that none overlaps another: the boxes are taken in the order given
 * (most important first) and each is kept when it overlaps no box kept before it, up to `max`
 * labels. Kept boxes are filed in a grid of `cell`-pixel squares, so each test looks only at its
 * neighbourhood.
 *
 * @returns the indices of the kept boxes, in the order given
 */
export function placeLabels(boxes: readonly LabelBox[], max: number, cell = 32): number[] {
  const grid = new Map<number, LabelBox[]>();
  const key = (cx: number, cy: number) => cx * 1_000_003 + cy;
  const kept: number[] = [];
  for (let i = 0; i < boxes.length && kept.length < max; i++) {
    const box = boxes[i]!;
    const x0 = Math.floor(box.x / cell);
    const x1 = Math.floor((box.x + box.width) / cell);
    const y0 = Math.floor(box.y / cell);
    const y1 = Math.floor((box.y + box.height) / cell);
    let free = true;
    for (let cx = x0; cx <= x1 && free; cx++) {
      for (let cy = y0; cy <= y1 && free; cy++) {
        for (const other of grid.get(key(cx, cy)) ?? []) {
          if (overlaps(box, other)) {
            free = false;
            break;
          }
        }
      }
    }
    if (!free) continue;
    kept.push(i);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = grid.get(key(cx, cy));
        if (list === undefined) grid.set(key(cx, cy), [box]);
        else list.push(box);
      }
    }
  }
  return kept;
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
