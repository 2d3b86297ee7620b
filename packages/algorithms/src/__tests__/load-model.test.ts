import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, FormatError, IoError } from '@embedkit/core-math';
import { readFastTextBin } from '@embedkit/fasttext-subword';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { loadModel } from '../load-model.js';

describe('loadModel', () => {
  it('recognises a fastText .bin by its magic number and embeds out-of-vocabulary words', async () => {
    const model = await loadModel(fixture('reference', 'ft-lee-sg.bin'));
    expect(model.format).toBe('fasttext-bin');
    expect(model.fastText).toBeDefined();
    expect(model.embedder.has('zzyzxq')).toBe(false);
    expect(model.embedder.vector('zzyzxq')).toHaveLength(16);
    expect(model.vectors.dim).toBe(16);
  });

  it.each([
    ['w2v-lee-sg.bin', 'word2vec-binary'],
    ['w2v-lee-cbow.txt', 'word2vec-text'],
    ['glove-lee.txt', 'glove'],
  ])('detects %s as %s', async (file, format) => {
    const model = await loadModel(fixture('reference', file));
    expect(model.format).toBe(format);
    expect(model.vectors.size).toBeGreaterThan(1000);
    expect(model.fastText).toBeUndefined();
  });

  it('rejects a file that is no model with a FormatError', async () => {
    await expect(loadModel(fixture('reference', 'oov-probe-words.txt'))).rejects.toBeInstanceOf(FormatError);
  });

  it('names the path of a directory or a FIFO instead of a bare EISDIR or a hang (issue 15)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'embedkit-load-model-'));
    try {
      const fifo = join(folder, 'fifo');
      execFileSync('mkfifo', [fifo]);
      await expect(loadModel(folder)).rejects.toThrow(
        new IoError(
          folder,
          'is a directory, not a regular file; give the path of a file (save piped data to a file first)',
        ),
      );
      await expect(readFastTextBin(folder)).rejects.toBeInstanceOf(IoError);
      await expect(loadModel(fifo)).rejects.toThrow(`${fifo}: is a pipe (FIFO), not a regular file`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('reads the format it is given instead of detecting one', async () => {
    const vec = await loadModel(fixture('reference', 'ft-lee-nosub.vec'), { format: 'fasttext-vec' });
    expect(vec.format).toBe('fasttext-vec');
    const bin = await loadModel(fixture('reference', 'ft-lee-nosub.bin'), { format: 'fasttext-bin' });
    expect(bin.fastText).toBeDefined();
    await expect(
      loadModel(fixture('reference', 'w2v-lee-sg.bin'), { format: 'glove' }),
    ).rejects.toBeInstanceOf(FormatError);
    await expect(
      loadModel(fixture('reference', 'w2v-lee-sg.bin'), { format: 'csv' as never }),
    ).rejects.toBeInstanceOf(ConfigError);
  });
});
