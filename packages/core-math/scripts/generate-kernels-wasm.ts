/**
 * Regenerates src/generated/kernels-wasm.ts from assembly/kernels.ts (run after editing the
 * assembly source: `pnpm --filter @embedkit/core-math generate`).
 */
import { KERNELS_BUILD, generateWasmModule } from './kernels-wasm-build.js';

await generateWasmModule(KERNELS_BUILD);
