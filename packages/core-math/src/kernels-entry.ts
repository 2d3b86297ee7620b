/**
 * `@embedkit/core-math/kernels` — the numeric kernels trainers and searches run on, for packages
 * that write a training loop: the {@link VectorKernels} interface with its TypeScript and
 * WebAssembly SIMD implementations and their selection, arrays in the kernels' memory (shared
 * between worker threads), the sigmoid table, the negative-sampling distribution,  and
 * {@link KernelModule}, which loads an engine's own WebAssembly training loop (word2vec's sentence
 * loop, GloVe's step) on the kernels' memory.
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
} from './kernel-selection.js';
export { allocateFloat32, allocateInt32, inKernelMemory, releaseArray } from './kernel-arrays.js';
export type { KernelMemory } from './wasm-runtime.js';
export { KernelModule } from './kernel-module.js';
export { wasmKernelsSupported } from './wasm-runtime.js';
export { SigmoidTable } from './sigmoid-table.js';
export { NoiseDistribution } from './noise-distribution.js';
