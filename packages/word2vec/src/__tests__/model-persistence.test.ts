import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormatError, IoError } from '@embedkit/core-math';
import { readVectors } from '@embedkit/vector-io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Word2VecModel, trainWord2Vec } from '../index.js';
import { MODEL_MAGIC } from '../model-file.js';
import { leeSentences } from './lee-corpus.js';
import { weightsNamed } from './objective-helpers.js';

function bytes(array: Float32Array | null): Buffer {
  return array === null ? Buffer.alloc(0) : Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'embedkit-word2vec-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('save, load and continue training', () => {
  it('restores the full state, and the reloaded model continues exactly as the original', async () => {
    const corpus = leeSentences();
    const options = { model: 'cbow', dim: 8, epochs: 1, hs: true, negative: 3, cbowMean: false } as const;
    const original = await trainWord2Vec(corpus, options, { threads: 1, seed: 11 });
    const path = join(folder, 'lee.w2v');
    await original.save(path);
    expect((await readFile(path)).subarray(0, 8).toString('ascii')).toBe(MODEL_MAGIC);

    const loaded = await Word2VecModel.load(path);
    expect(loaded.options).toEqual(original.options);
    expect(loaded.vocabulary.words).toEqual(original.vocabulary.words);
    expect(loaded.vocabulary.counts).toEqual(original.vocabulary.counts);
    expect(loaded.epochsTrained).toBe(1);
    expect(bytes(loaded.inputWeights).equals(bytes(original.inputWeights))).toBe(true);
    for (const name of ['output', 'nodes']) {
      const saved = weightsNamed(original.objectives, name);
      expect(saved).not.toBeNull();
      expect(bytes(weightsNamed(loaded.objectives, name)).equals(bytes(saved))).toBe(true);
    }

    const more = corpus.slice(0, 150);
    const reportA = await original.train(more, { epochs: 2 }, { threads: 1 });
    const reportB = await loaded.train(more, { epochs: 2 }, { threads: 1 });
    expect(reportA.words).toBe(2 * more.flat().filter((w) => original.has(w)).length);
    expect(reportB).toMatchObject({ words: reportA.words, loss: reportA.loss });
    expect(bytes(loaded.inputWeights).equals(bytes(original.inputWeights))).toBe(true);
    expect(loaded.epochsTrained).toBe(3);
    // The vectors moved, and the cached norms followed.
    const reloaded = await Word2VecModel.load(path);
    expect(bytes(reloaded.inputWeights).equals(bytes(loaded.inputWeights))).toBe(false);
    const row = loaded.wordVectors.requireIndex('the');
    const v = loaded.wordVectors.row(row);
    expect(loaded.wordVectors.norms()[row]).toBeCloseTo(Math.hypot(...v), 5);
  });

  it('writes the word vectors through vector-io', async () => {
    const model = await trainWord2Vec(leeSentences(), { dim: 6, epochs: 1 }, { threads: 1 });
    const path = join(folder, 'lee.bin');
    await model.saveVectors(path, 'word2vec-binary');
    const read = await readVectors(path);
    expect(read.keyList()).toEqual(model.vocabulary.words);
    expect(bytes(read.matrix).equals(bytes(model.wordVectors.matrix))).toBe(true);
  });
});

describe('loading broken files', () => {
  let valid: Buffer;
  beforeAll(async () => {
    const model = await trainWord2Vec(
      [['a', 'b', 'c', 'a']],
      { dim: 3, epochs: 1, minCount: 1 },
      { threads: 1 },
    );
    const path = join(folder, 'tiny.w2v');
    await model.save(path);
    valid = await readFile(path);
  });

  const broken: Array<[string, (file: Buffer) => Buffer]> = [
    ['another magic', (file) => Buffer.concat([Buffer.from('NOTAMODL'), file.subarray(8)])],
    ['a truncated matrix', (file) => file.subarray(0, file.length - 4)],
    ['extra bytes', (file) => Buffer.concat([file, Buffer.alloc(4)])],
    [
      'a header longer than the file',
      (file) => {
        const copy = Buffer.from(file);
        copy.writeUInt32LE(0xffffffff, 8);
        return copy;
      },
    ],
    [
      'a header that is not JSON',
      (file) => {
        const copy = Buffer.from(file);
        copy.write('}', 12);
        return copy;
      },
    ],
    ['an empty file', () => Buffer.alloc(0)],
  ];
  for (const [name, corrupt] of broken) {
    it(`rejects ${name} with FormatError`, async () => {
      const path = join(folder, 'broken.w2v');
      await writeFile(path, corrupt(valid));
      await expect(Word2VecModel.load(path)).rejects.toThrow(FormatError);
    });
  }

  it('rejects a header whose matrices do not fit the options', async () => {
    const headerLength = valid.readUInt32LE(8);
    const header = JSON.parse(valid.subarray(12, 12 + headerLength).toString('utf8'));
    header.options.dim = 4;
    const text = JSON.stringify(header);
    // Same shapes in the matrix list, so the file size still matches: only the options disagree.
    const prefix = Buffer.alloc(Math.ceil((12 + text.length) / 4) * 4);
    prefix.write('EKW2VEC1');
    prefix.writeUInt32LE(text.length, 8);
    prefix.write(text, 12);
    const data = valid.subarray(Math.ceil((12 + headerLength) / 4) * 4);
    const path = join(folder, 'mismatch.w2v');
    await writeFile(path, Buffer.concat([prefix, data]));
    await expect(Word2VecModel.load(path)).rejects.toThrow(/"input" matrix of 3 x 4/);
  });

  it('reports a missing file, and a failed save leaves the old file in place', async () => {
    await expect(Word2VecModel.load(join(folder, 'missing.w2v'))).rejects.toThrow(IoError);
    const model = await Word2VecModel.load(join(folder, 'tiny.w2v'));
    await expect(model.save(join(folder, 'no-such-folder', 'x.w2v'))).rejects.toThrow(IoError);
    expect((await readFile(join(folder, 'tiny.w2v'))).equals(valid)).toBe(true);
  });
});
