import { describe, expect, it } from 'vitest';
import { KERNELS_BUILD, committedAndFresh } from '../../scripts/kernels-wasm-build.js';

describe('src/generated/kernels-wasm.ts', () => {
  it('is what assembly/kernels.ts compiles to now (else run `pnpm --filter @embedkit/core-math generate`)', async () => {
    const { committed, fresh } = await committedAndFresh(KERNELS_BUILD);
    expect(committed).toBe(fresh);
  });
});
