import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isEmbeddingError, type TrainingCorpus } from '@embedkit/core-math';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { Vocabulary, withReplayableCorpus } from '../index.js';

const LEE = fixture('corpora', 'lee_background.cor');

let dir = '';
let copies = '';
let fifos = 0;

/** A new FIFO that a child process fills with `file` once. */
function fifoOf(file: string): { path: string; writer: ChildProcess } {
  const path = join(dir, `corpus-${++fifos}.fifo`);
  execFileSync('mkfifo', [path]);
  return { path, writer: spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', file, path]) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embedkit-replayable-'));
  copies = join(dir, 'copies');
  execFileSync('mkdir', [copies]);
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('withReplayableCorpus', () => {
  it('copies a FIFO once, so two passes read the same words, and removes the copy afterwards', async () => {
    const { path } = fifoOf(LEE);
    const [first, second] = await withReplayableCorpus(path, { tmpDir: copies }, async (corpus) => {
      expect(corpus).not.toBe(path);
      return [await Vocabulary.build(corpus), await Vocabulary.build(corpus)];
    });
    const direct = await Vocabulary.build(LEE);
    expect(first!.totalCount).toBe(direct.totalCount);
    expect(second!.totalCount).toBe(direct.totalCount);
    expect(await readdir(copies)).toEqual([]);
  });

  it('removes the copy when training fails', async () => {
    const { path } = fifoOf(LEE);
    const failing = withReplayableCorpus(path, { tmpDir: copies }, async (corpus) => {
      expect(await readFile(corpus as string, 'utf8')).toBe(await readFile(LEE, 'utf8'));
      throw new Error('training failed');
    });
    await expect(failing).rejects.toThrow('training failed');
    expect(await readdir(copies)).toEqual([]);
  });

  it('stops copying when cancelled, removing the copy', async () => {
    const { path, writer } = fifoOf(LEE);
    const controller = new AbortController();
    controller.abort();
    const error = await withReplayableCorpus(
      path,
      { tmpDir: copies, signal: controller.signal },
      async () => 0,
    ).catch((caught: unknown) => caught);
    expect(isEmbeddingError(error, 'CANCELLED')).toBe(true);
    expect(await readdir(copies)).toEqual([]);
    writer.kill();
  });

  it('passes a regular file, a missing path and in-memory sentences as they are', async () => {
    const sentences: TrainingCorpus = [['a', 'b']];
    for (const corpus of [LEE, join(dir, 'missing.txt'), sentences]) {
      expect(await withReplayableCorpus(corpus, { tmpDir: copies }, async (given) => given)).toBe(corpus);
    }
  });

  it('refuses a device that is not a terminal, naming it', async () => {
    const error = await withReplayableCorpus('/dev/zero', {}, async () => 0).catch(
      (caught: unknown) => caught,
    );
    expect(isEmbeddingError(error, 'IO')).toBe(true);
    expect((error as Error).message).toBe(
      '/dev/zero: is a device, not a corpus: give a text file, a pipe or a terminal',
    );
  });
});
