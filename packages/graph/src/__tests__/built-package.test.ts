import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeIf } from '#test-utils/fixtures.js';
import { plainNodeScripts } from '#test-utils/plain-node-scripts.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

const run = plainNodeScripts('embedkit-graph-dist-');

// 2,000 nodes (1,997 with an edge) × 10 walks × 120 steps: enough steps for the walks to go to worker threads.
const WALK = `
const { graph } = stochasticBlockModel({ nodes: 2000, blocks: 4, pIn: 0.01, pOut: 0.001, seed: 1 });
const options = { walkLength: 120, walksPerNode: 10, q: 0.5 };
const one = await generateWalks(graph, options, { seed: 2, threads: 1 });
const two = await generateWalks(graph, options, { seed: 2, threads: 2 });
console.log(JSON.stringify({ steps: two.ids.length, same: one.ids.every((id, i) => id === two.ids[i]) }));
`;

describeIf(existsSync(`${dist}index.js`), 'the package is not built (pnpm --filter @embedkit/graph build)')(
  'the built package',
  () => {
    it('starts its walk workers from dist/ as ESM', async () => {
      const script = `import { generateWalks, stochasticBlockModel } from ${JSON.stringify(`${dist}index.js`)};\n${WALK}`;
      expect(await run('walk.mjs', script)).toEqual({ steps: 2_396_400, same: true });
    });

    it('starts its walk workers from dist/ as CommonJS', async () => {
      const script = `const { generateWalks, stochasticBlockModel } = require(${JSON.stringify(`${dist}index.cjs`)});\n(async () => {${WALK}})();`;
      expect(await run('walk.cjs', script)).toEqual({ steps: 2_396_400, same: true });
    });
  },
);
