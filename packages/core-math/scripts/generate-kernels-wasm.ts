/**
 * Regenerates src/generated/kernels-wasm.ts from assembly/kernels.ts (run after editing the
 * assembly source: `pnpm --filter @embedkit/core-math generate`). Writes a temporary file and
 * renames it into place.
 */
import { rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { GENERATED_MODULE, compileKernelsWasm, renderKernelsWasmModule } from './kernels-wasm-build.js';

const target = fileURLToPath(new URL(`../${GENERATED_MODULE}`, import.meta.url));
const temporary = `${target}.${process.pid}.tmp`;
const { wasm, version } = await compileKernelsWasm();
await writeFile(temporary, renderKernelsWasmModule(wasm, version));
await rename(temporary, target);
