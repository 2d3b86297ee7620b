import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError } from '@embedkit/core-math';
import { afterEach, describe, expect, it } from 'vitest';
import { TemporaryIdsFile } from '../spill-file-node.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'embedkit-spill-'));
  folders.push(made);
  return made;
}

describe('the temporary file of encoded ids (Node)', () => {
  it('reads back what it appended and leaves no file in its folder, even while open', () => {
    const dir = folder();
    const file = new TemporaryIdsFile(dir);
    file.append([Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5)]);
    expect(readdirSync(dir)).toEqual([]);
    const back = new Uint8Array(4);
    file.read(back, 1);
    expect([...back]).toEqual([2, 3, 4, 5]);
    file.close();
    expect(() => file.read(back, 0)).toThrow(IoError);
  });

  it('refuses to grow past its budget (by default half the free space), keeping what it holds', () => {
    const file = new TemporaryIdsFile(folder(), 10);
    file.append([new Uint8Array(8).fill(7)]);
    expect(() => file.append([new Uint8Array(4)])).toThrow(/would take more than its 10 bytes/);
    expect(file.size).toBe(8);
    const back = new Uint8Array(8);
    file.read(back, 0);
    expect([...back]).toEqual(Array(8).fill(7));
    file.close();
  });

  it('fails with IoError naming the folder when it cannot be created there', () => {
    expect(() => new TemporaryIdsFile(join(folder(), 'missing'))).toThrow(/missing.*cannot create/);
  });
});
