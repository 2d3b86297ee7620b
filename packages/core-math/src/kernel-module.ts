import { activeWasmKernels } from './kernel-selection.js';
import type { WasmKernels } from './wasm-kernels.js';
import { compileModule, instantiateModule } from './wasm-runtime.js';

/**
 * A WebAssembly module that an engine builds for its own training loop (word2vec's sentence loop,
 * GloVe's AdaGrad step), compiled with the kernels' flags (AssemblyScript, SIMD, the stub runtime,
 * one import: the shared `env.memory`, no data segments). It is compiled once per thread and
 * instantiated on the memory of the thread's WebAssembly kernels, so its functions read and write
 * the arrays `allocateFloat32` / `allocateInt32` return, by byte address.
 *
 * @example
 * ```ts
 * const sentenceLoop = new KernelModule<{ trainSentences(...args: number[]): number }>(base64);
 * const module = sentenceLoop.holding([weights, ids]); // undefined: use the TypeScript loop
 * module?.exports.trainSentences(weights.byteOffset, ids.byteOffset);
 * ```
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export class KernelModule<Exports extends object> {
  readonly #base64: string;
  #compiled: object | undefined;
  readonly #instances = new WeakMap<WasmKernels, { readonly exports: Exports }>();

  /** @param base64 - the module's bytes, base64-encoded (a generated source file holds them) */
  constructor(base64: string) {
    this.#base64 = base64;
  }

  /**
   * The module instantiated on this thread's kernel memory (the same object on every call in a
   * thread), when the WebAssembly kernels are in use here and every array of `arrays` (`null`
   * entries are skipped) is a view of their memory.
   *
   * @returns the instance, or `undefined`: then train with a TypeScript loop
   */
  holding(arrays: ReadonlyArray<ArrayBufferView | null>): { readonly exports: Exports } | undefined {
    const wasm = activeWasmKernels();
    if (wasm === undefined || !arrays.every((array) => array === null || wasm.holds(array))) return undefined;
    let instance = this.#instances.get(wasm);
    if (instance === undefined) {
      this.#compiled ??= compileModule(this.#base64);
      instance = { exports: instantiateModule(this.#compiled, wasm.memory) as Exports };
      this.#instances.set(wasm, instance);
    }
    return instance;
  }
}
