import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_MODULE,
  compileKernelsWasm,
  renderKernelsWasmModule,
} from '../../scripts/kernels-wasm-build.js';
import { kernelsWasmBase64 } from '../generated/kernels-wasm.js';

describe('src/generated/kernels-wasm.ts', () => {
  it('is what assembly/kernels.ts compiles to now (else run `pnpm --filter @embedkit/core-math generate`)', async () => {
    const { wasm, version } = await compileKernelsWasm();
    const committed = await readFile(new URL(`../../${GENERATED_MODULE}`, import.meta.url), 'utf8');
    expect(committed).toBe(renderKernelsWasmModule(wasm, version));
    expect(Buffer.from(kernelsWasmBase64, 'base64').equals(Buffer.from(wasm))).toBe(true);
  });
});
