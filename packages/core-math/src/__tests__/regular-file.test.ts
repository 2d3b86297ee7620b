import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IoError, openRegularFile } from '../index.js';

const folder = mkdtempSync(join(tmpdir(), 'embedkit-regular-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The IoError `openRegularFile(path)` rejects with. */
async function refusal(path: string): Promise<IoError> {
  const error = await openRegularFile(path).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(IoError);
  return error as IoError;
}

describe('openRegularFile', () => {
  it('opens a regular file and reports its size', async () => {
    const path = join(folder, 'file.txt');
    writeFileSync(path, 'hello');
    const { handle, size } = await openRegularFile(path);
    await handle.close();
    expect(size).toBe(5);
  });

  it('refuses a directory before reading it (no bare EISDIR)', async () => {
    const error = await refusal(folder);
    expect(error.message).toBe(
      `${folder}: is a directory, not a regular file; give the path of a file (save piped data to a file first)`,
    );
  });

  it('refuses a FIFO without a writer at once instead of blocking in open', async () => {
    const fifo = join(folder, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const error = await refusal(fifo);
    expect(error.message).toContain(`${fifo}: is a pipe (FIFO), not a regular file`);
  });

  it('refuses a device such as /dev/zero', async () => {
    expect((await refusal('/dev/zero')).message).toContain('/dev/zero: is a device');
  });

  it('names the path of a file that does not exist', async () => {
    const missing = join(folder, 'missing.bin');
    expect((await refusal(missing)).message).toMatch(new RegExp(`^${missing}: cannot open the file: ENOENT`));
  });
});
