import { IoError } from '@embedkit/core-math';
import type { EncodedCorpus } from '@embedkit/corpus';
import { describe, expect, it } from 'vitest';
import { type SpillFile, SpilledEpochs } from '../spilled-epochs.js';

/** Blocks of one sentence each, `ids` of block `b` being `[b, b + 1]`, as an encoder hands them. */
function encoder(blockCount: number): { blocks: AsyncIterable<EncodedCorpus>; passes: () => number } {
  let passes = 0;
  return {
    passes: () => passes,
    blocks: {
      async *[Symbol.asyncIterator]() {
        passes++;
        for (let b = 0; b < blockCount; b++) {
          yield { ids: Int32Array.of(b, b + 1), sentenceStarts: Int32Array.of(0, 2), tokens: 2 };
        }
      },
    },
  };
}

/** A spill file in memory whose `append` fails with `IoError` (a full disk) after `room` appends. */
class FillingFile implements SpillFile {
  readonly path = '/full/disk.ids';
  size = 0;
  closed = false;
  readonly #bytes: Uint8Array[] = [];
  #room: number;

  constructor(room: number) {
    this.#room = room;
  }

  append(parts: readonly Uint8Array[]): void {
    if (this.#room-- === 0) throw new IoError(this.path, 'cannot write: ENOSPC: no space left on device');
    for (const part of parts) {
      this.#bytes.push(part.slice());
      this.size += part.byteLength;
    }
  }

  read(target: Uint8Array, position: number): void {
    const all = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.#bytes) {
      all.set(part, at);
      at += part.byteLength;
    }
    target.set(all.subarray(position, position + target.byteLength));
  }

  close(): void {
    this.closed = true;
  }
}

async function idsOf(blocks: AsyncIterable<EncodedCorpus>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const block of blocks) out.push([...block.ids.subarray(0, block.tokens)]);
  return out;
}

describe('SpilledEpochs', () => {
  const expected = [
    [0, 1],
    [1, 2],
    [2, 3],
  ];

  it('encodes the first epoch once and reads the later ones back from the spill file', async () => {
    const { blocks, passes } = encoder(3);
    const file = new FillingFile(Number.POSITIVE_INFINITY);
    const warnings: string[] = [];
    const epochs = new SpilledEpochs({ blocks, createFile: () => file, warn: (m) => warnings.push(m) });
    for (let epoch = 0; epoch < 3; epoch++) expect(await idsOf(epochs.epoch())).toEqual(expected);
    expect(passes()).toBe(1);
    expect(warnings).toEqual([]);
    epochs.close();
    expect(file.closed).toBe(true);
  });

  it('falls back to encoding every epoch, with one warning, when the disk fills up', async () => {
    const { blocks, passes } = encoder(3);
    const file = new FillingFile(1);
    const warnings: string[] = [];
    const epochs = new SpilledEpochs({ blocks, createFile: () => file, warn: (m) => warnings.push(m) });
    for (let epoch = 0; epoch < 3; epoch++) expect(await idsOf(epochs.epoch())).toEqual(expected);
    expect(passes()).toBe(3);
    expect(file.closed).toBe(true);
    expect(warnings).toEqual([
      '/full/disk.ids: cannot write: ENOSPC: no space left on device; every epoch reads and encodes the corpus again (give tmpDir a writable folder with room for 4 bytes per token, or set spill to false)',
    ]);
  });

  it('encodes every epoch without a warning where there is no file system (the browser)', async () => {
    const { blocks, passes } = encoder(2);
    const warnings: string[] = [];
    const epochs = new SpilledEpochs({ blocks, createFile: () => undefined, warn: (m) => warnings.push(m) });
    for (let epoch = 0; epoch < 2; epoch++) expect(await idsOf(epochs.epoch())).toEqual(expected.slice(0, 2));
    expect(passes()).toBe(2);
    expect(warnings).toEqual([]);
  });

  it('closes the file of an epoch left unfinished (a cancelled run)', async () => {
    const { blocks } = encoder(3);
    const file = new FillingFile(Number.POSITIVE_INFINITY);
    const epochs = new SpilledEpochs({ blocks, createFile: () => file, warn: () => {} });
    for await (const _ of epochs.epoch()) break;
    expect(file.closed).toBe(true);
  });
});
