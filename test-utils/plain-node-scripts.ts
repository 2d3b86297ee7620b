import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';

const execute = promisify(execFile);

/**
 * For tests of a package's built `dist/`: returns `run(name, script)`, which writes `script` as a
 * file of its own (`.mjs` or `.cjs` by `name`) in a temporary folder and runs it with plain Node (no
 * source conditions, no loader), returning the JSON it prints. The folder is made before the
 * calling file's tests and removed after them.
 */
export function plainNodeScripts(prefix: string): (name: string, script: string) => Promise<unknown> {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  return async (name, script) => {
    const path = join(folder, name);
    await writeFile(path, script);
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const { stdout } = await execute(process.execPath, [path], { env });
    return JSON.parse(stdout);
  };
}
