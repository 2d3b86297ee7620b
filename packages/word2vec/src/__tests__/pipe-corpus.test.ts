import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainWord2Vec } from '../index.js';
import { LEE_PATH } from './lee-corpus.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embedkit-w2v-pipe-'));
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('trainWord2Vec on a pipe', () => {
  it('streams a FIFO corpus (read several times) exactly as the file, leaving no copy', async () => {
    const options = { model: 'skipgram', dim: 8, epochs: 2, maxInMemoryTokens: 0 } as const;
    const fromFile = await trainWord2Vec(LEE_PATH, options, { threads: 1, seed: 3 });
    const fifo = join(dir, 'corpus.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', LEE_PATH, fifo]);
    const written = new Promise((resolve) => writer.on('close', resolve));
    // The copy goes to os.tmpdir(): a folder of this test's own, to see that it is removed.
    const copies = join(dir, 'tmp');
    await mkdir(copies);
    const systemTmp = process.env.TMPDIR;
    process.env.TMPDIR = copies;
    const fromPipe = await trainWord2Vec(fifo, options, { threads: 1, seed: 3 }).finally(() => {
      if (systemTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = systemTmp;
    });
    expect(await written).toBe(0);
    expect(fromPipe.wordVectors.size).toBe(fromFile.wordVectors.size);
    expect(fromPipe.wordVectors.matrix).toEqual(fromFile.wordVectors.matrix);
    expect((await readdir(copies)).filter((name) => name.startsWith('embedkit-'))).toEqual([]);
  });
});
