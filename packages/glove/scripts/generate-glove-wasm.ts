/**
 * Regenerates src/generated/glove-wasm.ts from assembly/glove.ts (run after editing the assembly
 * source: `pnpm --filter @embedkit/glove generate`).
 */
import { generateWasmModule } from '../../core-math/scripts/kernels-wasm-build.js';
import { GLOVE_BUILD } from './glove-wasm-build.js';

await generateWasmModule(GLOVE_BUILD);
