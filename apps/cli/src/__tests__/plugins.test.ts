import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectFormat, readVectors } from '@embedkit/vector-io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, REPO_ROOT } from '#test-utils/fixtures.js';
import { type CliResult, requireBuiltCli, runCli } from './built-cli.js';

const CORPUS = fixture('corpora', 'lee_background.cor');
/** The complete plug-in docs/plugins.md shows. */
const RANDOM_INDEXING = join(REPO_ROOT, 'apps', 'bench', 'examples', 'random-indexing.mjs');

/** A plug-in package of one ESM file, exported under the `import` condition only. */
const TOY_PACKAGE = {
  'package.json': JSON.stringify({
    name: 'toy-embedkit-plugin',
    version: '1.0.0',
    type: 'module',
    exports: { '.': { import: './toy.js' } },
  }),
  'toy.js': `export default {
  id: 'toy-package',
  description: 'vectors of the first words (test plug-in package)',
  defaults: { dim: 2 },
  async train() {
    const keys = ['alpha', 'beta'];
    const rows = { alpha: new Float32Array([1, 0]), beta: new Float32Array([0, 1]) };
    return { dim: 2, size: 2, keys: () => keys.values(), has: (k) => keys.includes(k), vector: (k) => rows[k] };
  },
};`,
};

let dir = '';

/** `embedkit train random-indexing --plugin … --input CORPUS --output OUTPUT EXTRA…`. */
function trainRandomIndexing(output: string, ...extra: string[]): Promise<CliResult> {
  return runCli([
    'train',
    'random-indexing',
    '--plugin',
    RANDOM_INDEXING,
    '--input',
    CORPUS,
    '--output',
    output,
    ...extra,
  ]);
}

beforeAll(async () => {
  requireBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'embedkit-plugins-'));
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('embedkit train with plug-ins (built CLI)', () => {
  it("writes a plug-in's .bin as word2vec binary (the docs/plugins.md command)", async () => {
    const output = join(dir, 'vectors.bin');
    const result = await trainRandomIndexing(output, '--dim', '16');
    expect(result.stderr).not.toMatch(/^embedkit: /m);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\(word2vec-binary\)/);
    expect(await detectFormat(output)).toBe('word2vec-binary');
    const vectors = await readVectors(output);
    expect(vectors.dim).toBe(16);
    expect(vectors.has('government')).toBe(true);
  });

  it('refuses fasttext-bin for a plug-in that declares no such format, before training (exit 2)', async () => {
    const result = await trainRandomIndexing(join(dir, 'no.bin'), '--format', 'fasttext-bin');
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd()).toMatch(
      /^embedkit: --format fasttext-bin cannot hold what random-indexing trains; it saves word vectors$/,
    );
  });

  it("resolves --plugin NAME from the working directory's node_modules first", async () => {
    const project = join(dir, 'project');
    const packageDir = join(project, 'node_modules', 'toy-embedkit-plugin');
    await mkdir(packageDir, { recursive: true });
    for (const [file, text] of Object.entries(TOY_PACKAGE)) await writeFile(join(packageDir, file), text);
    const result = await runCli(
      ['train', 'toy-package', '--plugin', 'toy-embedkit-plugin', '--input', CORPUS, '--output', 'toy.txt'],
      { cwd: project },
    );
    expect(result.stderr).not.toMatch(/^embedkit: /m);
    expect(result.code).toBe(0);
    const vectors = await readVectors(join(project, 'toy.txt'));
    expect(vectors.keyList()).toEqual(['alpha', 'beta']);
  });
});
