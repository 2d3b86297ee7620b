/** GloVe's AdaGrad step as its own WebAssembly module: shared by the `generate` script and its test. */
import { fileURLToPath } from 'node:url';
import type { WasmModuleBuild } from '../../core-math/scripts/kernels-wasm-build.js';

/** The GloVe step's WebAssembly module. */
export const GLOVE_BUILD: WasmModuleBuild = {
  packageRoot: fileURLToPath(new URL('..', import.meta.url)),
  source: 'assembly/glove.ts',
  generated: 'src/generated/glove-wasm.ts',
  exportName: 'gloveWasmBase64',
  packageName: '@embedkit/glove',
  test: 'src/__tests__/glove-wasm-generated.test.ts',
};
