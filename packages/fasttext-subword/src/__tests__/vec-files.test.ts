import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from '#test-utils/fixtures.js';
import { describe, expect, it } from 'vitest';
import { readFastTextBin, readFastTextVec, writeFastTextVec } from '../index.js';
import { asPrinted } from './printed-vectors.js';
import { tinyModel } from './tiny-model.js';

it('writes the in-vocabulary vectors as .vec and reads them back exactly', async () => {
  const model = tinyModel();
  const path = join(mkdtempSync(join(tmpdir(), 'ft-vec-')), 'tiny.vec');
  await writeFastTextVec(path, model);
  expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(`${model.size} ${model.dim}`);
  const vectors = await readFastTextVec(path);
  expect([...vectors.keys()]).toEqual(model.words);
  expect(vectors.matrix).toEqual(model.wordVectors.matrix);
});

describe('.vec written by fastText', () => {
  it('reads ft-lee-sg.vec with the vectors the .bin gives', async () => {
    const model = await readFastTextBin(fixture('reference', 'ft-lee-sg.bin'));
    const vectors = await readFastTextVec(fixture('reference', 'ft-lee-sg.vec'));
    expect([...vectors.keys()]).toEqual(model.words);
    for (const word of ['the', 'government', '</s>']) {
      expect(asPrinted(vectors.vector(word)!)).toEqual(asPrinted(model.vector(word)));
    }
  });
});
