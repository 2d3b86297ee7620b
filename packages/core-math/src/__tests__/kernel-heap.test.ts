import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../index.js';
import { KernelHeap, MAX_BLOCK_BYTES } from '../kernel-heap.js';
import { createMemory } from '../wasm-runtime.js';

interface Live {
  address: number;
  bytes: number;
  mark: number;
}

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('allocate' as const),
    bytes: fc.oneof(fc.nat({ max: 64 }), fc.nat({ max: 70_000 })),
  }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
);

describe('KernelHeap', () => {
  it('hands out aligned, zero-filled, disjoint blocks that keep their contents, and reuses released ones', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const heap = KernelHeap.create(createMemory());
        const live: Live[] = [];
        let mark = 1;
        for (const op of operations) {
          if (op.kind === 'allocate') {
            const address = heap.allocate(op.bytes);
            const bytes = new Uint8Array(heap.buffer(address + op.bytes), address, op.bytes);
            expect(address % 16).toBe(0);
            expect(address).toBeGreaterThanOrEqual(80);
            expect(bytes.every((b) => b === 0)).toBe(true);
            const value = (mark++ % 255) + 1;
            bytes.fill(value);
            live.push({ address, bytes: op.bytes, mark: value });
          } else if (live.length > 0) {
            const [gone] = live.splice(op.pick % live.length, 1);
            heap.release(gone!.address, gone!.bytes);
          }
          const sorted = [...live].sort((a, b) => a.address - b.address);
          for (let i = 1; i < sorted.length; i++) {
            expect(sorted[i]!.address).toBeGreaterThanOrEqual(
              sorted[i - 1]!.address + sorted[i - 1]!.bytes + 16,
            );
          }
        }
        const buffer = heap.buffer(0);
        for (const block of live) {
          expect(new Uint8Array(buffer, block.address, block.bytes).every((b) => b === block.mark)).toBe(
            true,
          );
        }
        // With everything released, the blocks merge back into the top: the next block is the first.
        for (const block of live) heap.release(block.address, block.bytes);
        expect(heap.allocate(100)).toBe(80);
      }),
      { numRuns: 40 },
    );
  });

  it('grows the memory, and buffers from before the growth still belong to it', () => {
    const memory = createMemory();
    const heap = KernelHeap.create(memory);
    const before = memory.buffer;
    const address = heap.allocate(3 * 1024 * 1024);
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(address + 3 * 1024 * 1024);
    expect(memory.buffer).not.toBe(before);
    expect(heap.owns(before)).toBe(true);
    expect(heap.owns(memory.buffer)).toBe(true);
    expect(heap.owns(new SharedArrayBuffer(1 << 16))).toBe(false);
    expect(heap.owns(new ArrayBuffer(1 << 16))).toBe(false);
  });

  it('tells two memories apart', () => {
    const one = KernelHeap.create(createMemory());
    const other = KernelHeap.create(createMemory());
    expect(one.owns(other.memory.buffer)).toBe(false);
    expect(other.owns(one.memory.buffer)).toBe(false);
  });

  it('refuses a double release, a release of what it never handed out, and blocks beyond 4 GiB', () => {
    const heap = KernelHeap.create(createMemory());
    const address = heap.allocate(40);
    heap.allocate(16);
    expect(() => heap.release(address + 16, 8)).toThrow(ConfigError);
    expect(() => heap.release(address, 64)).toThrow(ConfigError);
    heap.release(address, 40);
    expect(() => heap.release(address, 40)).toThrow(/not released yet/);
    expect(() => heap.allocate(MAX_BLOCK_BYTES)).toThrow(ConfigError);
  });

  it('attaches only to a memory a heap was set up in', () => {
    const memory = createMemory();
    expect(() => KernelHeap.attach(memory)).toThrow(ConfigError);
    const heap = KernelHeap.create(memory);
    const attached = KernelHeap.attach(memory);
    const address = attached.allocate(32);
    expect(heap.allocate(32)).toBeGreaterThanOrEqual(address + 32);
  });
});
