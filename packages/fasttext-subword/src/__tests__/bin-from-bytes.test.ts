import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { parseFastTextBin, serializeFastTextBin } from '../browser.js';
import { readFastTextBin } from '../index.js';

/** A page reads a dropped `.bin` from its bytes: the same model as from the file, OOV words included. */
describe('a fastText .bin from bytes (the browser entry)', () => {
  it('parses ft-lee-sg.bin (written by fastText 0.9.2) like readFastTextBin, and writes it back byte for byte', async () => {
    const path = fixture('reference', 'ft-lee-sg.bin');
    const bytes = new Uint8Array(await readFile(path));
    const fromBytes = await parseFastTextBin(bytes, { file: 'ft-lee-sg.bin' });
    const fromFile = await readFastTextBin(path);
    expect(fromBytes.inputMatrix).toEqual(fromFile.inputMatrix);
    expect(fromBytes.vector('policemen')).toEqual(fromFile.vector('policemen'));
    expect(fromBytes.vector('xyzzyplugh')).toEqual(fromFile.vector('xyzzyplugh'));
    expect(serializeFastTextBin(fromBytes)).toEqual(bytes);
  });

  it('names the buffer in the error for truncated bytes', async () => {
    const bytes = new Uint8Array(await readFile(fixture('reference', 'ft-lee-sg.bin')));
    await expect(parseFastTextBin(bytes.subarray(0, 5000), { file: 'dropped.bin' })).rejects.toThrow(
      /dropped\.bin.*truncated/,
    );
  });
});
