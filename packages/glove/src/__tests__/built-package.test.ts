import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeIf } from '#test-utils/fixtures.js';
import { afterAll, beforeAll, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const built = ['index.js', 'index.cjs', 'training-worker.js'].every((file) => existsSync(dist + file));

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'glove-built-package-test-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Runs `script` (saved as `name`: .mjs or .cjs) in a fresh Node process and parses what it prints. */
async function trainThroughBuild(
  name: string,
  script: string,
): Promise<{ size: number; threads: number; costs: number[] }> {
  const path = join(directory, name);
  await writeFile(path, script);
  const output = execFileSync(process.execPath, [path], { encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(output) as { size: number; threads: number; costs: number[] };
}

const body = `
  const corpus = Array.from({ length: 200 }, (_, s) => Array.from({ length: 10 }, (_, i) => 'w' + ((s * 7 + i * i) % 30)));
  const run = (m) => console.log(JSON.stringify({ size: m.size, threads: m.training.threads, costs: m.training.costs }));
  trainGlove(corpus, { dim: 8, window: 3, minCount: 1, epochs: 3 }, { threads: 2, seed: 1 }).then(run);
`;

describeIf(built, 'dist/ is absent: run `pnpm --filter @embedkit/glove build` first')(
  'the built package',
  () => {
    it('starts its worker threads from the ESM build', async () => {
      const script = `import { trainGlove } from ${JSON.stringify(`${dist}index.js`)};${body}`;
      const result = await trainThroughBuild('esm.mjs', script);
      expect(result).toMatchObject({ size: 30, threads: 2 });
      expect(result.costs.at(-1)).toBeLessThan(result.costs[0]!);
    });

    it('starts its worker threads from the CommonJS build', async () => {
      const script = `const { trainGlove } = require(${JSON.stringify(`${dist}index.cjs`)});${body}`;
      const result = await trainThroughBuild('cjs.cjs', script);
      expect(result).toMatchObject({ size: 30, threads: 2 });
      expect(result.costs.at(-1)).toBeLessThan(result.costs[0]!);
    });
  },
);
