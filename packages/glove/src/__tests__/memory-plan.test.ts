import { describe, expect, it } from 'vitest';
import { cellsFor } from '../dense-region.js';
import { planMemory } from '../memory-plan.js';
import { SPARSE_SLOT_BYTES } from '../sparse-table.js';

const MEGABYTE = 2 ** 20;
/** A slot (16 bytes), its share of the half-size table while it doubles (8), its sorted key at a spill (8 · 0.7). */
const PEAK_SLOT_BYTES = 30;

describe('planMemory', () => {
  it('plans the counting stores as cooccur plans half the budget, within that half', () => {
    for (const [memory, vocabSize] of [
      [1024, 22_541],
      [256, 71_290],
      [4096, 400_000],
    ] as const) {
      const plan = planMemory(memory, 20, vocabSize);
      const records = (0.5 * 0.85 * memory * MEGABYTE) / 16;
      const storeBytes = plan.denseCells * 8 + plan.sparseCapacity * SPARSE_SLOT_BYTES;
      expect(storeBytes).toBeLessThanOrEqual((memory * MEGABYTE) / 2);
      // The dense region is cooccur's: rank products up to n with n (ln n + 0.1544) = records.
      let n = 1e5;
      for (let i = 0; i < 100; i++) n = records / (Math.log(n) + 0.1544313298);
      expect(plan.denseCells).toBe(Math.min(vocabSize * vocabSize, cellsFor(vocabSize, Math.floor(n))));
      // The sparse table: the largest power of two of slots within a sixth of the records' bytes.
      expect(plan.sparseCapacity * PEAK_SLOT_BYTES).toBeLessThanOrEqual((records / 6) * 16);
      expect(plan.sparseCapacity * 2 * PEAK_SLOT_BYTES).toBeGreaterThan((records / 6) * 16);
    }
  });

  it('keeps a vocabulary smaller than the region whole (V² cells)', () => {
    expect(planMemory(1024, 20, 1000).denseCells).toBe(1000 * 1000);
  });
});
