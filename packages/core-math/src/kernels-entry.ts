/**
 * `@embedkit/core-math/kernels` — the numeric kernels trainers and searches run on, for packages
 * that write a training loop: the {@link VectorKernels} interface with its TypeScript and
 * WebAssembly SIMD implementations and their selection, arrays in the kernels' memory (shared
 * between worker threads), the sigmoid table, the negative-sampling distribution, and the raw
 * WebAssembly module for the engines' own drivers of the loops compiled into it (word2vec's
 * sentence loop, GloVe's step).
 *
 * @experimental The kernels follow the trainers' needs and may change in a minor release; users
 * of the trainers never need them.
 * @packageDocumentation
 */
export type { VectorKernels } from './kernels.js';
export { tsKernels } from './kernels.js';
export {
  attachKernels,
  kernelMemory,
  kernels,
  kernelsName,
  useKernels,
  wasmKernels,
  wasmModuleHolding,
} from './kernel-selection.js';
export { allocateFloat32, allocateInt32, inKernelMemory, releaseArray } from './kernel-arrays.js';
export type { KernelExports, KernelMemory } from './wasm-runtime.js';
export { wasmKernelsSupported } from './wasm-runtime.js';
export { SigmoidTable } from './sigmoid-table.js';
export { NoiseDistribution } from './noise-distribution.js';
export type { GloveKernelSetup } from './glove-kernel.js';
export { GLOVE_ENTRY_SLOTS, GloveKernel } from './glove-kernel.js';
