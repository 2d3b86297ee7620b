import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIf, fixture, hasFastText } from '#test-utils/fixtures.js';
import { ConfigError, IoError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import {
  type FastTextModel,
  parseFastTextBin,
  readFastTextBin,
  serializeFastTextBin,
  writeFastTextBin,
} from '../index.js';
import { asPrinted, parsePrintedVectors, runFastText } from './printed-vectors.js';
import { tinyModel, tinyWords } from './tiny-model.js';

const probes = [...tinyWords, 'oov', 'naive', 'naïveté', '日本', 'zzyzxq', 'ab', 'x'];

function expectSameModel(actual: FastTextModel, expected: FastTextModel): void {
  expect(actual.args).toEqual(expected.args);
  expect(actual.words).toEqual(expected.words);
  expect(actual.counts).toEqual(expected.counts);
  expect(actual.ntokens).toBe(expected.ntokens);
  expect(actual.inputMatrix).toEqual(expected.inputMatrix);
  expect(actual.outputMatrix).toEqual(expected.outputMatrix);
}

describe('.bin round trip', () => {
  it('parses what it serializes', async () => {
    for (const model of [tinyModel(), tinyModel({ maxn: 0, bucket: 0, loss: 'hs', model: 'cbow' })]) {
      expectSameModel(await parseFastTextBin(serializeFastTextBin(model)), model);
    }
  });

  it('writes through a temporary file and keeps the old file when a save fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-bin-'));
    const path = join(dir, 'model.bin');
    writeFileSync(path, 'old contents');
    const bad = tinyModel({}, ['ok', 'bad\0word']);
    await expect(writeFastTextBin(path, bad)).rejects.toThrow(ConfigError);
    expect(readFileSync(path, 'utf8')).toBe('old contents');
    await expect(writeFastTextBin(join(dir, 'missing', 'model.bin'), tinyModel())).rejects.toThrow(IoError);
    await writeFastTextBin(path, tinyModel());
    expectSameModel(await readFastTextBin(path), tinyModel());
    expect(readdirSync(dir)).toEqual(['model.bin']);
  });
});

describe('.bin files of the real tools', () => {
  for (const name of ['ft-lee-sg.bin', 'ft-lee-cbow.bin', 'ft-lee-nosub.bin', 'gensim-lee-fasttext.bin']) {
    it(`re-serializes ${name} byte for byte`, async () => {
      const bytes = new Uint8Array(readFileSync(fixture('reference', name)));
      const model = await parseFastTextBin(bytes);
      expect(Buffer.from(serializeFastTextBin(model)).equals(bytes)).toBe(true);
    });
  }
});

describeIf(hasFastText, 'fastText is not installed')('fastText 0.9.2 loads the .bin we write', () => {
  const cases: Array<[string, FastTextModel]> = [
    ['skip-gram with n-grams', tinyModel()],
    ['cbow without n-grams', tinyModel({ maxn: 0, bucket: 0, model: 'cbow', loss: 'hs' })],
    ['whole-word n-grams (maxn longer than the words)', tinyModel({ minn: 1, maxn: 12, bucket: 31 })],
  ];
  for (const [label, model] of cases) {
    it(`print-word-vectors prints our vectors: ${label}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ft-bin-'));
      const path = join(dir, 'ours.bin');
      await writeFastTextBin(path, model);
      const printed = parsePrintedVectors(runFastText(['print-word-vectors', path], probes.join('\n')));
      expect(printed.size).toBe(probes.length);
      for (const word of probes) expect(asPrinted(model.vector(word)), word).toEqual(printed.get(word));
    });
  }
});
