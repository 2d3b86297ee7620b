import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIf } from '#test-utils/fixtures.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const execute = promisify(execFile);

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'embedkit-word2vec-dist-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Runs `script` as a file of its own with plain Node (no source conditions, no loader). */
async function run(name: string, script: string): Promise<unknown> {
  const path = join(folder, name);
  await writeFile(path, script);
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const { stdout } = await execute(process.execPath, [path], { env });
  return JSON.parse(stdout);
}

const TRAIN = `
const corpus = Array.from({ length: 40 }, (_, i) => ['a', 'b', 'c', 'w' + (i % 5), 'd']);
const model = await trainWord2Vec(corpus, { dim: 4, epochs: 2, minCount: 1 }, { threads: 2, seed: 1 });
console.log(JSON.stringify({ size: model.size, finite: model.inputWeights.every(Number.isFinite) }));
`;

describeIf(
  existsSync(`${dist}index.js`),
  'the package is not built (pnpm --filter @embedkit/word2vec build)',
)('the built package', () => {
  it('starts its workers from dist/ as ESM', async () => {
    const script = `import { trainWord2Vec } from ${JSON.stringify(`${dist}index.js`)};\n${TRAIN}`;
    expect(await run('train.mjs', script)).toEqual({ size: 9, finite: true });
  });

  it('starts its workers from dist/ as CommonJS', async () => {
    const script = `const { trainWord2Vec } = require(${JSON.stringify(`${dist}index.cjs`)});\n(async () => {${TRAIN}})();`;
    expect(await run('train.cjs', script)).toEqual({ size: 9, finite: true });
  });
});
