import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSavableModel } from '@embedkit/core-math';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { fasttextCbow, fasttextSkipgram } from '../algorithms.js';
import { readFastTextBin } from '../fasttext-bin-read-node.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embedkit-ft-save-'));
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('FastTextModel as a SavableModel', () => {
  it('declares fasttext-bin, on the model and on the algorithms that train it', () => {
    expect(fasttextSkipgram.modelFormats).toEqual(['fasttext-bin']);
    expect(fasttextCbow.modelFormats).toEqual(['fasttext-bin']);
  });

  it('saves the .bin fastText wrote byte for byte', async () => {
    const reference = fixture('reference', 'ft-lee-sg.bin');
    const model = await readFastTextBin(reference);
    expect(isSavableModel(model)).toBe(true);
    expect(model.savableFormats).toEqual(['fasttext-bin']);
    await model.save(join(dir, 'copy.bin'), 'fasttext-bin');
    expect(Buffer.compare(await readFile(join(dir, 'copy.bin')), await readFile(reference))).toBe(0);
  });

  it('rejects a format of its own it does not have, and an aborted save, writing nothing', async () => {
    const model = await readFastTextBin(fixture('reference', 'ft-lee-sg.bin'));
    await expect(model.save(join(dir, 'x.vec'), 'word2vec-binary')).rejects.toThrow(
      /option format: got "?word2vec-binary"?, expected fasttext-bin/,
    );
    await expect(
      model.save(join(dir, 'x.bin'), 'fasttext-bin', { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect((await readdir(dir)).filter((name) => name.startsWith('x.'))).toEqual([]);
  });
});
