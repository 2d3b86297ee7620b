import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, FormatError, IoError, WordVectors } from '@embedkit/core-math';
import { wordFrequencies } from '@embedkit/datasets';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentFrequencies, WordFrequencies, readWordFrequencies } from '../index.js';

const folder = mkdtempSync(join(tmpdir(), 'text-pooling-frequencies-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

describe('WordFrequencies', () => {
  it('gives p(w) = count / total and 0 for an absent word', () => {
    const table = WordFrequencies.fromTokens([
      ['a', 'b', 'a'],
      ['constructor', 'a'],
    ]);
    expect(table.total).toBe(5);
    expect(table.probability('a')).toBe(3 / 5);
    expect(table.probability('constructor')).toBe(1 / 5);
    expect(table.probability('__proto__')).toBe(0);
  });

  it('takes a trained model’s counts, and refuses vectors without counts', () => {
    const vectors = new WordVectors(['x', 'y'], new Float32Array(4), 2, [6, 2]);
    expect(WordFrequencies.fromWordVectors(vectors).probability('x')).toBe(0.75);
    expect(() => WordFrequencies.fromWordVectors(new WordVectors(['x'], new Float32Array(2), 2))).toThrow(
      ConfigError,
    );
  });

  it('rejects negative counts and an empty table', () => {
    expect(() => new WordFrequencies(new Map([['a', -1]]))).toThrow(ConfigError);
    expect(() => new WordFrequencies(new Map())).toThrow(ConfigError);
  });

  it('survives a JSON round trip', () => {
    const table = new WordFrequencies(
      new Map([
        ['a', 2],
        ['b', 5],
      ]),
      10,
    );
    const copy = WordFrequencies.fromJSON(JSON.parse(JSON.stringify(table)));
    expect([...copy.entries()]).toEqual([...table.entries()]);
    expect(copy.total).toBe(10);
    expect(() => WordFrequencies.fromJSON({ words: ['a'], counts: [], total: 1 })).toThrow(FormatError);
  });
});

describe('readWordFrequencies', () => {
  it('reads "word count" lines, CRLF and blank lines included, adding repeated words', async () => {
    const path = file('ok.txt', 'the 10\r\nof 6\n\n  cat   3 \nthe 1\n');
    const table = await readWordFrequencies(path);
    expect(table.size).toBe(3);
    expect(table.count('the')).toBe(11);
    expect(table.total).toBe(20);
  });

  it('reports the file and line of a malformed line', async () => {
    const path = file('bad.txt', 'the 10\nof six\n');
    await expect(readWordFrequencies(path)).rejects.toThrow(FormatError);
    await expect(readWordFrequencies(path)).rejects.toMatchObject({ location: { file: path, line: 2 } });
    await expect(readWordFrequencies(file('three.txt', 'a b 3\n'))).rejects.toMatchObject({
      location: { line: 1 },
    });
    await expect(readWordFrequencies(file('empty.txt', '\n'))).rejects.toThrow(FormatError);
  });

  it('turns a missing file into IoError', async () => {
    await expect(readWordFrequencies(join(folder, 'absent.txt'))).rejects.toThrow(IoError);
  });

  it('stops with CancelledError when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      readWordFrequencies(file('tiny.txt', 'a 1\n'), { signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});

describe('readWordFrequencies on the SIF paper’s enwiki table', () => {
  it('reads all 188,033 lines', async () => {
    const table = await readWordFrequencies(await wordFrequencies.enwiki.path());
    expect(table.size).toBe(188033);
    expect(table.count('the')).toBe(167485604);
    // The total is the sum of the second column (computed with Python).
    expect(table.total).toBe(3484135472);
    expect(table.probability('the')).toBe(167485604 / 3484135472);
  });
});

describe('DocumentFrequencies', () => {
  const documents = [['a', 'b', 'a'], ['a'], ['c', 'b'], []];

  it('counts each word once per document and gives the smoothed idf', () => {
    const df = DocumentFrequencies.fit(documents);
    expect(df.documents).toBe(4);
    expect(df.frequency('a')).toBe(2);
    expect(df.frequency('b')).toBe(2);
    expect(df.frequency('c')).toBe(1);
    // scikit-learn smooth_idf: ln((1 + n) / (1 + df)) + 1
    expect(df.idf('a')).toBeCloseTo(Math.log(5 / 3) + 1, 12);
    expect(df.idf('c')).toBeCloseTo(Math.log(5 / 2) + 1, 12);
    expect(df.idf('never')).toBeCloseTo(Math.log(5) + 1, 12);
  });

  it('survives a JSON round trip and rejects a malformed state', () => {
    const df = DocumentFrequencies.fit(documents);
    const copy = DocumentFrequencies.fromJSON(JSON.parse(JSON.stringify(df)));
    for (const word of ['a', 'b', 'c', 'never']) expect(copy.idf(word)).toBe(df.idf(word));
    expect(() => DocumentFrequencies.fromJSON({ documents: 1, words: ['a'], frequencies: [2] })).toThrow(
      FormatError,
    );
    expect(() => DocumentFrequencies.fromJSON({ documents: -1, words: [], frequencies: [] })).toThrow(
      FormatError,
    );
  });
});
