import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleEntry, checkBrowserBundles } from '../check-browser-bundles.mjs';

/** The CI check of the browser entries, run on the sources (`.ci/run` runs it on the built dist/ too). */
describe('browser bundles', () => {
  it('every library package has a browser entry that bundles without a Node built-in', async () => {
    const { ok, lines } = await checkBrowserBundles('source');
    console.log(lines.join('\n'));
    expect(lines.filter((line) => line.startsWith('FAIL'))).toEqual([]);
    expect(ok).toBe(true);
    expect(lines.filter((line) => line.startsWith('ok ')).length).toBeGreaterThanOrEqual(11);
  });

  it('fails on a module that imports a Node built-in, naming the built-in and the importer', async () => {
    const file = fileURLToPath(new URL('../../packages/core-math/src/regular-file-node.ts', import.meta.url));
    const result = await bundleEntry({ file }, 'source');
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      'packages/core-math/src/regular-file-node.ts: imports the Node built-in "node:fs/promises"',
    );
  });
});
