import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeIf } from '#test-utils/fixtures.js';
import { plainNodeScripts } from '#test-utils/plain-node-scripts.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

const run = plainNodeScripts('embedkit-word2vec-dist-');

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
