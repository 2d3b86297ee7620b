import { ConfigError } from './errors.js';
import { KernelHeap } from './kernel-heap.js';
import { type VectorKernels, tsKernels } from './kernels.js';
import { WasmKernels } from './wasm-kernels.js';
import { type KernelMemory, createMemory, wasmKernelsSupported } from './wasm-runtime.js';

// Per thread (module state is per thread): the kernels in use, and this thread's Wasm kernels.
let active: VectorKernels | undefined;
let threadWasm: WasmKernels | undefined;

/** The environment variable that selects the kernels at start-up: `ts`, `wasm`, or unset (auto). */
const SELECTION_VARIABLE = 'EMBEDKIT_KERNELS';

function selectionFromEnvironment(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[SELECTION_VARIABLE];
}

function startupKernels(): VectorKernels {
  const selection = selectionFromEnvironment() ?? '';
  if (selection === 'ts') return tsKernels;
  if (selection === 'wasm') return wasmKernels();
  if (selection === '' || selection === 'auto') {
    try {
      return wasmKernels();
    } catch {
      return tsKernels;
    }
  }
  throw new ConfigError(SELECTION_VARIABLE, selection, "'ts', 'wasm', 'auto' or unset");
}

/**
 * The kernels in use in this thread. On the first call they are chosen: the WebAssembly SIMD
 * kernels when the runtime supports them ({@link wasmKernelsSupported}), else {@link tsKernels};
 * the environment variable `EMBEDKIT_KERNELS=ts|wasm` forces one. {@link useKernels} and
 * {@link attachKernels} change the choice.
 *
 * @throws ConfigError when `EMBEDKIT_KERNELS` has another value, or is `wasm` where the runtime
 *   cannot run the Wasm kernels
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function kernels(): VectorKernels {
  active ??= startupKernels();
  return active;
}

/**
 * The `name` of the kernels in use in this thread (`ts` or `wasm-simd`), for reports.
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function kernelsName(): string {
  return kernels().name;
}

/**
 * Selects the kernel implementation every caller of {@link kernels} in this thread gets from now
 * on, e.g. `useKernels(tsKernels)` or `useKernels(wasmKernels())` to measure one against the other.
 * Arrays from {@link allocateFloat32} live in the memory of the kernels in use when they are
 * allocated.
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function useKernels(implementation: VectorKernels): void {
  active = implementation;
}

/**
 * This thread's WebAssembly SIMD kernels: the ones {@link attachKernels} attached, or else kernels
 * on a new shared memory, set up on the first call. Selecting them is up to the caller
 * (`useKernels(wasmKernels())`).
 *
 * @throws ConfigError when the runtime cannot run them (no WebAssembly SIMD or shared memory, or
 *   no address space left for a new memory)
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function wasmKernels(): VectorKernels {
  if (threadWasm === undefined) {
    if (!wasmKernelsSupported()) {
      throw new ConfigError(
        'kernels',
        'wasm',
        "'ts' (this runtime lacks WebAssembly SIMD, threads or SharedArrayBuffer)",
      );
    }
    let memory: KernelMemory;
    try {
      memory = createMemory();
    } catch (error) {
      throw new ConfigError(
        'kernels',
        'wasm',
        `'ts' (no shared WebAssembly memory could be created: ${error})`,
      );
    }
    threadWasm = new WasmKernels(KernelHeap.create(memory));
  }
  return threadWasm;
}

/**
 * The shared `WebAssembly.Memory` the kernels in use work on, or `null` when they are not the
 * Wasm kernels. Post it to a worker thread (in `workerData` or a message, with the arrays) and
 * call {@link attachKernels} there, so the worker runs the same kernels on the same arrays.
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function kernelMemory(): KernelMemory | null {
  const current = kernels();
  return current instanceof WasmKernels ? current.memory : null;
}

/**
 * For a worker thread: selects kernels that work on the arrays of the thread that sent `memory`
 * (what its {@link kernelMemory} returned): the Wasm kernels on that same memory, or
 * {@link tsKernels} for `null`. Arrays this thread allocates afterwards live in that memory too.
 *
 * @returns the kernels now in use in this thread
 * @throws ConfigError when `memory` is not a kernel memory
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function attachKernels(memory: KernelMemory | null): VectorKernels {
  if (memory === null) {
    active = tsKernels;
  } else {
    if (threadWasm?.memory !== memory) threadWasm = new WasmKernels(KernelHeap.attach(memory));
    active = threadWasm;
  }
  return active;
}

/** This thread's Wasm kernels, if {@link wasmKernels} or {@link attachKernels} set them up. */
export function threadWasmKernels(): WasmKernels | undefined {
  return threadWasm;
}

/** The Wasm kernels in use in this thread, if those are in use. */
export function activeWasmKernels(): WasmKernels | undefined {
  const current = kernels();
  return current instanceof WasmKernels ? current : undefined;
}
