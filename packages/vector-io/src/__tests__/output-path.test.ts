import { execFileSync } from 'node:child_process';
import { link, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { isEmbeddingError } from '@embedkit/core-math';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutputPath, writeFileAtomic } from '../index.js';
import { temporaryPathFor } from '../write-file-atomic.js';

let dir = '';
const inDir = (name: string) => join(dir, name);

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isEmbeddingError(error, 'IO')).toBe(true);
  return (error as Error).message;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embedkit-output-path-'));
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('checkOutputPath', () => {
  it('accepts a new file and returns the file a symbolic link names', async () => {
    expect(await checkOutputPath(inDir('new.txt'))).toBe(inDir('new.txt'));
    await writeFile(inDir('target.txt'), 'x');
    await symlink(inDir('target.txt'), inDir('link.txt'));
    expect(await checkOutputPath(inDir('link.txt'))).toBe(inDir('target.txt'));
  });

  it('refuses an input under its own name, a symbolic link or a hard link', async () => {
    await writeFile(inDir('corpus.txt'), 'a b\n');
    await symlink(inDir('corpus.txt'), inDir('corpus-link.txt'));
    await link(inDir('corpus.txt'), inDir('corpus-hard.txt'));
    for (const output of ['corpus.txt', 'corpus-link.txt', 'corpus-hard.txt']) {
      expect(await refusal(checkOutputPath(inDir(output), { inputs: [inDir('corpus.txt')] }))).toMatch(
        /is the input .*corpus\.txt \(the same file\)/,
      );
    }
  });

  it('refuses a device, a FIFO, a directory, a missing folder and a name over 255 bytes', async () => {
    execFileSync('mkfifo', [inDir('pipe')]);
    await mkdir(inDir('folder'));
    expect(await refusal(checkOutputPath('/dev/null'))).toMatch(/^\/dev\/null: is a character device/);
    expect(await refusal(checkOutputPath(inDir('pipe')))).toMatch(/is a named pipe \(FIFO\)/);
    expect(await refusal(checkOutputPath(inDir('folder')))).toMatch(/is a directory/);
    expect(await refusal(checkOutputPath(inDir('no/such/file.txt')))).toMatch(
      /cannot create a file in .*: ENOENT/,
    );
    expect(await refusal(checkOutputPath(inDir('a'.repeat(256))))).toMatch(/ENAMETOOLONG/);
  });
});

describe('writeFileAtomic', () => {
  it('names its temporary file within 255 bytes, cutting the name on a character boundary', () => {
    for (const name of ['v.bin', 'é'.repeat(127), `${'a'.repeat(240)}😀😀😀😀`]) {
      const temporary = basename(temporaryPathFor(join(dir, name)));
      expect(Buffer.byteLength(temporary)).toBeLessThanOrEqual(255);
      expect(temporary).toMatch(/^\..*\.[0-9a-f]{8}\.tmp$/);
      expect(temporary.includes('\uFFFD')).toBe(false);
      expect(Buffer.from(temporary).toString()).toBe(temporary);
    }
  });

  it('writes a 255-byte name, keeps a symbolic link, and refuses to replace a device', async () => {
    const longest = inDir(`${'é'.repeat(125)}a.txt`);
    await writeFileAtomic(longest, [new TextEncoder().encode('long\n')]);
    expect(await readFile(longest, 'utf8')).toBe('long\n');
    await writeFile(inDir('kept.txt'), 'old');
    await symlink(inDir('kept.txt'), inDir('kept-link.txt'));
    await writeFileAtomic(inDir('kept-link.txt'), [new TextEncoder().encode('new')]);
    expect((await lstat(inDir('kept-link.txt'))).isSymbolicLink()).toBe(true);
    expect(await readFile(inDir('kept.txt'), 'utf8')).toBe('new');
    expect(await refusal(writeFileAtomic('/dev/null', [new Uint8Array(1)]))).toMatch(/character device/);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('checks the signal once more before the rename, leaving the old file', async () => {
    await writeFile(inDir('old.txt'), 'old');
    const controller = new AbortController();
    async function* abortAfterLastChunk(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('new');
      controller.abort();
    }
    const error = await writeFileAtomic(inDir('old.txt'), abortAfterLastChunk(), {
      signal: controller.signal,
    }).catch((caught: unknown) => caught);
    expect(isEmbeddingError(error, 'CANCELLED')).toBe(true);
    expect(await readFile(inDir('old.txt'), 'utf8')).toBe('old');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
