import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../index.js';
import {
  allocateFloat32,
  allocateInt32,
  inKernelMemory,
  kernelMemory,
  releaseArray,
  tsKernels,
  useKernels,
  wasmKernels,
} from '../kernels-entry.js';

describe('allocateFloat32 / allocateInt32 with the Wasm kernels', () => {
  beforeEach(() => useKernels(wasmKernels()));

  it('return zero-filled, 16-byte aligned views of the kernel memory', () => {
    const floats = allocateFloat32(37);
    const ints = allocateInt32(5);
    for (const array of [floats, ints]) {
      expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(array.byteOffset % 16).toBe(0);
      expect(inKernelMemory(array)).toBe(true);
      expect(Array.from(array).every((v) => v === 0)).toBe(true);
    }
    expect(floats.length).toBe(37);
    expect(ints).toBeInstanceOf(Int32Array);
    expect(kernelMemory()).not.toBeNull();
  });

  it('reuse released arrays, zero-filled again', () => {
    const first = allocateFloat32(100).fill(4);
    const offset = first.byteOffset;
    releaseArray(first);
    const second = allocateFloat32(100);
    expect(second.byteOffset).toBe(offset);
    expect(Array.from(second).every((v) => v === 0)).toBe(true);
    releaseArray(second);
  });

  it('refuse to release a subarray or the same array twice', () => {
    const array = allocateFloat32(64);
    expect(() => releaseArray(array.subarray(8))).toThrow(ConfigError);
    releaseArray(array);
    expect(() => releaseArray(array)).toThrow(ConfigError);
  });

  it('validate the length', () => {
    for (const length of [-1, 1.5, Number.NaN, 2 ** 30]) {
      expect(() => allocateFloat32(length)).toThrow(ConfigError);
      expect(() => allocateInt32(length)).toThrow(ConfigError);
    }
    expect(allocateFloat32(0).length).toBe(0);
  });
});

describe('allocateFloat32 with the TypeScript kernels', () => {
  afterEach(() => useKernels(wasmKernels()));

  it('returns arrays over their own SharedArrayBuffer, which releaseArray leaves to the collector', () => {
    useKernels(tsKernels);
    const array = allocateFloat32(10);
    expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(array.byteOffset).toBe(0);
    expect(array.buffer.byteLength).toBe(40);
    expect(inKernelMemory(array)).toBe(false);
    expect(kernelMemory()).toBeNull();
    releaseArray(array);
    expect(allocateInt32(3)).toEqual(new Int32Array(3));
  });

  it('still lets releaseArray give back an array allocated while the Wasm kernels were in use', () => {
    useKernels(wasmKernels());
    const array = allocateFloat32(100);
    useKernels(tsKernels);
    releaseArray(array);
    useKernels(wasmKernels());
    expect(allocateFloat32(100).byteOffset).toBe(array.byteOffset);
  });
});
