import { readFile } from 'node:fs/promises';
import { isEmbeddingError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { detectFormat, readVectors } from '../index.js';
import { openForReading as openInBrowser } from '../open-file-browser.js';

/** Reading from a `Blob`, `File` or `ReadableStream` (the browser's sources) gives what the path gives. */
const FILES = ['w2v-lee-sg.bin', 'glove-lee.txt', 'ft-lee-sg.vec'] as const;

function streamOf(bytes: Uint8Array, chunk: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}

describe('Blob, File and ReadableStream sources', () => {
  it.each(FILES)('%s reads the same from a path, a File and a stream', async (name) => {
    const path = fixture('reference', name);
    const bytes = new Uint8Array(await readFile(path));
    const fromPath = await readVectors(path);
    const fromFile = await readVectors(new File([bytes], name), { chunkSize: 4096 });
    const fromStream = await readVectors(streamOf(bytes, 1000));
    for (const read of [fromFile, fromStream]) {
      expect([...read.keys()]).toEqual([...fromPath.keys()]);
      expect(read.matrix).toEqual(fromPath.matrix);
    }
    expect(await detectFormat(new Blob([bytes]))).toBe(await detectFormat(path));
  });

  it("names a truncated File in the error and a Blob without a name as '<blob>'", async () => {
    const bytes = new Uint8Array(await readFile(fixture('reference', 'w2v-lee-sg.bin')));
    const cut = bytes.subarray(0, bytes.length - 100);
    await expect(readVectors(new File([cut], 'cut.bin'))).rejects.toThrow(/cut\.bin/);
    await expect(readVectors(new Blob([cut]))).rejects.toThrow(/<blob>/);
  });

  it('refuses a value that is no source, and a path in the browser build, with a ConfigError', async () => {
    const notASource = readVectors(42 as unknown as string);
    await expect(notASource).rejects.toSatisfy((e) => isEmbeddingError(e, 'CONFIG'));
    await expect(openInBrowser('vectors.bin')).rejects.toThrow(
      /option source: got "vectors.bin".*needs Node/,
    );
  });
});
