import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readVectors } from '@embedkit/vector-io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { requireBuiltCli, runCli } from './built-cli.js';

let dir = '';
beforeAll(async () => {
  requireBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'embedkit-cli-graph-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('embedkit train node2vec / deepwalk (built CLI, karate club)', () => {
  it('trains node2vec on an edge list with the walk options and writes one vector per node', async () => {
    const output = join(dir, 'nodes.vec');
    const result = await runCli([
      'train',
      'node2vec',
      '--input',
      fixture('graphs', 'karate.edgelist'),
      '--p',
      '1',
      '--q',
      '0.5',
      '--walk-length',
      '20',
      '--walks-per-node',
      '5',
      '--dim',
      '16',
      '--output',
      output,
      '--threads',
      '1',
      '--json',
    ]);
    expect(result.stderr).not.toMatch(/Error:|\n\s+at /);
    expect(result.code).toBe(0);
    const vectors = await readVectors(output);
    expect([vectors.size, vectors.dim]).toEqual([34, 16]);
    expect(vectors.has('33')).toBe(true);
  });

  it('reports a bad weight with the file and line, and p <= 0, in one line each', async () => {
    const bad = join(dir, 'bad.edgelist');
    await writeFile(bad, 'a b 1\nb c -2\n');
    const weight = await runCli(['train', 'deepwalk', '--input', bad, '--output', join(dir, 'x.vec')]);
    expect(weight.code).not.toBe(0);
    expect(weight.stderr).toMatch(/bad\.edgelist.*line 2.*above 0/);
    expect(weight.stderr).not.toMatch(/\n\s+at /);
    const p = await runCli([
      'train',
      'node2vec',
      '--input',
      fixture('graphs', 'karate.edgelist'),
      '--p',
      '0',
      '--output',
      join(dir, 'y.vec'),
    ]);
    expect(p.code).not.toBe(0);
    expect(p.stderr).toMatch(/option --p: got 0, expected a finite number above 0/);
  });
});
