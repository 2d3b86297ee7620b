import { describe, expect, it } from 'vitest';
import { committedAndFresh } from '../../../core-math/scripts/kernels-wasm-build.js';
import { GLOVE_BUILD } from '../../scripts/glove-wasm-build.js';

describe('src/generated/glove-wasm.ts', () => {
  it('is what assembly/glove.ts compiles to now (else run `pnpm --filter @embedkit/glove generate`)', async () => {
    const { committed, fresh } = await committedAndFresh(GLOVE_BUILD);
    expect(committed).toBe(fresh);
  });
});
