import { ConfigError } from './errors.js';
import { kernelsWasmBase64 } from './generated/kernels-wasm.js';

/**
 * A shared `WebAssembly.Memory`, as far as embedkit uses it: typed structurally so the package
 * needs no DOM typings (a real `WebAssembly.Memory` is one). Its `buffer` is a
 * `SharedArrayBuffer`; it never detaches, but after a `grow` (by any thread) `buffer` returns a new,
 * longer `SharedArrayBuffer` over the same bytes.
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export interface KernelMemory {
  /** The memory's bytes: re-read after growth to see the new length. */
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  /** Grows the memory by `delta` pages of 64 KiB and returns the former size in pages. */
  grow(delta: number): number;
}

/** The exports of `assembly/kernels.ts`: byte addresses in the memory, counts in floats. */
export interface KernelExports {
  dot(x: number, y: number, n: number): number;
  axpy(alpha: number, x: number, y: number, n: number): void;
  scale(alpha: number, x: number, n: number): void;
  matVec(matrix: number, rows: number, dim: number, x: number, out: number): void;
  matMul(
    matrix: number,
    rows: number,
    dim: number,
    terms: number,
    termCount: number,
    out: number,
    outStride: number,
  ): void;
  weightedSumAbove(
    a: number,
    wa: number,
    b: number,
    wb: number,
    c: number,
    wc: number,
    n: number,
    threshold: number,
    scores: number,
    indices: number,
  ): number;
  logisticStep(
    hidden: number,
    output: number,
    gradient: number,
    dim: number,
    label: number,
    lr: number,
    table: number,
    size: number,
    maxExp: number,
    factor: number,
  ): number;
}

/** The part of the global `WebAssembly` object used here. */
interface WebAssemblyApi {
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => KernelMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
  validate(bytes: Uint8Array): boolean;
}

/** Bytes in one WebAssembly page. */
export const PAGE_BYTES = 65_536;
/** The most pages the module's memory import allows (4 GiB, all a 32-bit address can reach). */
export const MAXIMUM_PAGES = 65_536;
/** Pages a new kernel memory starts with (1 MiB); it grows as arrays are allocated. */
const INITIAL_PAGES = 16;

const webAssembly = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
let compiled: object | undefined;
let supported: boolean | undefined;

/** The bytes of a base64-encoded module. */
function moduleBytes(base64: string = kernelsWasmBase64): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Whether this runtime can run the WebAssembly SIMD kernels: it has WebAssembly with the SIMD and
 * threads features (the kernels module validates) and `SharedArrayBuffer`. Checked once per thread.
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function wasmKernelsSupported(): boolean {
  supported ??=
    webAssembly !== undefined &&
    typeof SharedArrayBuffer === 'function' &&
    webAssembly.validate(moduleBytes());
  return supported;
}

function api(): WebAssemblyApi {
  if (webAssembly === undefined)
    throw new ConfigError('kernels', 'wasm', "'ts' (this runtime has no WebAssembly)");
  return webAssembly;
}

/** A new, empty shared memory of {@link INITIAL_PAGES} pages that may grow to 4 GiB. */
export function createMemory(): KernelMemory {
  return new (api().Memory)({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES, shared: true });
}

/**
 * Instantiates the kernels module on `memory` (synchronously: the module is a few KB, which
 * every runtime compiles synchronously; it is compiled once per thread).
 */
export function instantiateKernels(memory: KernelMemory): KernelExports {
  compiled ??= compileModule(kernelsWasmBase64);
  return instantiateModule(compiled, memory) as KernelExports;
}

/** Compiles a base64-encoded module (synchronously: a few KB). */
export function compileModule(base64: string): object {
  return new (api().Module)(moduleBytes(base64));
}

/** Instantiates a compiled module whose one import is `env.memory` on `memory`; returns its exports. */
export function instantiateModule(module: object, memory: KernelMemory): object {
  return new (api().Instance)(module, { env: { memory } }).exports;
}
