import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormatError, IoError } from '@embedkit/core-math';
import { Vocabulary } from '@embedkit/corpus';
import { readVectors } from '@embedkit/vector-io';
import { describeIf, fixture, hasGensim, runPython } from '#test-utils/fixtures.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GloveModel } from '../index.js';
import { readGloveVocabulary, trainGlove, writeGloveVocabulary } from '../index.js';
import { topicCorpus } from './topic-corpus.js';

let directory: string;
let model: GloveModel;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'glove-files-test-'));
  model = await trainGlove(topicCorpus(100), { dim: 6, window: 4, minCount: 1, epochs: 2 }, { seed: 2 });
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('GloveModel.save', () => {
  it.each(['glove', 'word2vec-text', 'word2vec-binary'] as const)(
    'writes %s that vector-io reads back',
    async (format) => {
      const path = join(directory, `vectors.${format}`);
      await model.save(path, { format });
      const loaded = await readVectors(path, { format });
      expect(loaded.keyList()).toEqual(model.wordVectors.keyList());
      expect(loaded.matrix).toEqual(model.wordVectors.matrix);
    },
  );

  it('writes GloVe text by default: no header, `word v1 … vD` per line', async () => {
    const path = join(directory, 'default.txt');
    await model.save(path);
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(model.size);
    expect(lines[0]!.split(' ')).toHaveLength(1 + model.dim);
    expect(lines[0]!.split(' ')[0]).toBe(model.vocabulary.word(0));
  });
});

describe('vocabulary files (the tools\u2019 `word count` lines)', () => {
  it('round-trips a vocabulary through writeGloveVocabulary / readGloveVocabulary', async () => {
    const path = join(directory, 'vocab.txt');
    await model.saveVocabulary(path);
    const read = await readGloveVocabulary(path);
    expect(read.words).toEqual(model.vocabulary.words);
    expect(read.counts).toEqual(model.vocabulary.counts);
    expect((await readFile(path, 'utf8')).split('\n')[0]).toBe(`${read.word(0)} ${read.count(0)}`);
  });

  it('keeps words like __proto__ and constructor, and CRLF line ends', async () => {
    const path = join(directory, 'crlf.txt');
    await writeFile(path, '__proto__ 7\r\nconstructor 3\r\n');
    const read = await readGloveVocabulary(path);
    expect(read.words).toEqual(['__proto__', 'constructor']);
    expect([...read.counts]).toEqual([7, 3]);
  });

  it.each([
    ['the 3\nof\n', 2],
    ['the 3\nof -1\n', 2],
    ['the 3\nof 0\n', 2],
    ['the 3\nthe 2\n', 2],
    ['the  3\n', 1],
  ])('rejects a malformed file with FormatError at the line (%j)', async (text, line) => {
    const path = join(directory, 'bad.txt');
    await writeFile(path, text);
    const error = await readGloveVocabulary(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).location).toEqual({ file: path, line });
  });

  it('fails with IoError when the file cannot be written', async () => {
    const path = join(directory, 'missing-dir', 'vocab.txt');
    const error = await writeGloveVocabulary(path, model.vocabulary).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IoError);
    expect((error as Error).message).toMatch(/cannot write the vocabulary file/);
  });
});

describe('files of the Stanford GloVe tools (fixtures/reference)', () => {
  it('loads glove-lee.txt (the tools\u2019 vectors, with <unk>) through vector-io', async () => {
    const vectors = await readVectors(fixture('reference', 'glove-lee.txt'), { format: 'glove' });
    expect(vectors.dim).toBe(15);
    expect(vectors.size).toBe(1763);
    expect(vectors.keyAt(0)).toBe('the');
    expect(vectors.keyAt(1762)).toBe('<unk>');
  });

  it('reads glove-lee-vocab.txt, and builds the same vocabulary from lee_background.cor', async () => {
    const tools = await readGloveVocabulary(fixture('reference', 'glove-lee-vocab.txt'));
    expect(tools.size).toBe(1762);
    expect([tools.word(0), tools.count(0)]).toEqual(['the', 3523]);
    const ours = await Vocabulary.build(fixture('corpora', 'lee_background.cor'), { minCount: 5 });
    const asMap = (v: Vocabulary): Map<string, number> => new Map(v.words.map((w, i) => [w, v.count(i)]));
    expect(asMap(ours)).toEqual(asMap(tools));
  });
});

describeIf(hasGensim, 'gensim 4.2 is not installed (/usr/bin/python3 -c "import gensim")')('gensim', () => {
  it('loads the GloVe text we write with KeyedVectors.load_word2vec_format(no_header=True)', async () => {
    const path = join(directory, 'for-gensim.txt');
    await model.save(path);
    const output = runPython(
      'import sys, json\nfrom gensim.models import KeyedVectors\n' +
        'kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=False, no_header=True)\n' +
        'print(json.dumps({"size": len(kv.index_to_key), "first": kv.index_to_key[0], "vector": [float(x) for x in kv["sea3"]]}))',
      [path],
    );
    const result = JSON.parse(output) as { size: number; first: string; vector: number[] };
    expect(result.size).toBe(model.size);
    expect(result.first).toBe(model.vocabulary.word(0));
    expect(result.vector).toEqual([...model.vector('sea3')!].map((v) => expect.closeTo(v, 6)));
  });
});
