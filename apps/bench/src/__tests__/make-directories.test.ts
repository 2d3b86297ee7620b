import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { makeDirectories } from '../make-directories.js';

describe('makeDirectories', () => {
  it('fails at once under /proc, where a recursive mkdir never returns (bench --out /proc/x)', async () => {
    await expect(makeDirectories('/proc/embedkit-x/vectors')).rejects.toThrow(
      new IoError(
        '/proc/embedkit-x',
        "cannot create the folder: ENOENT: no such file or directory, mkdir '/proc/embedkit-x'",
      ),
    );
  });

  it('creates the missing levels, accepts existing folders and refuses a file on the way', async () => {
    const root = await mkdtemp(join(tmpdir(), 'embedkit-make-directories-'));
    try {
      await makeDirectories(join(root, 'a', 'b', 'c'));
      await makeDirectories(join(root, 'a', 'b'));
      expect((await stat(join(root, 'a', 'b', 'c'))).isDirectory()).toBe(true);
      await writeFile(join(root, 'file'), '');
      await expect(makeDirectories(join(root, 'file', 'd'))).rejects.toThrow(
        `${join(root, 'file')}: not a folder`,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
