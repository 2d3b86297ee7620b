import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { describeIf, hasGensim } from '#test-utils/fixtures.js';
import type { GraphReport } from '../graph-task.js';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'embedkit-bench-graph-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const small = ['--walk-length', '20', '--walks-per-node', '4', '--dim', '16', '--threads', '1'];

/** Runs the built bench's graph task on the karate club (one seed, small walks) into `folder`. */
async function karateTask(folder: string, extra: readonly string[]): Promise<GraphReport> {
  const args = ['--task', 'graph', '--graphs', 'karate', '--seeds', '1', ...extra, ...small, '--out', folder];
  await run(process.execPath, [main, ...args]);
  return JSON.parse(readFileSync(join(folder, 'graph-report.json'), 'utf8')) as GraphReport;
}

describe('bench --task graph (built), karate club', () => {
  it('writes the table and the PCA plot of the factions without the reference', async () => {
    expect(existsSync(main), 'the bench must be built first (pnpm build)').toBe(true);
    const folder = join(out, 'ours');
    const report = await karateTask(folder, ['--no-reference']);
    expect(report.rows).toHaveLength(1);
    const [row] = report.rows;
    expect(row).toMatchObject({
      graph: 'karate',
      nodes: 34,
      edges: 78,
      pipeline: 'embedkit node2vec',
      seeds: 1,
    });
    // Walks this short train little (quality is checked in packages/graph's reference-quality test).
    expect(row!.microF1).toBeGreaterThanOrEqual(0);
    expect(row!.microF1).toBeLessThanOrEqual(1);
    expect(row!.hadamardAuc).toBeGreaterThan(0);
    expect(row!.perSeed).toEqual([expect.objectContaining({ seed: 1, hadamardAuc: row!.hadamardAuc })]);
    const svg = readFileSync(join(folder, 'karate-pca.svg'), 'utf8');
    expect(svg.match(/<circle /g)).toHaveLength(34 + 2);
    expect(svg).toContain('Mr. Hi');
    expect(svg).toContain('Officer');
    expect(readFileSync(join(folder, 'graph-report.md'), 'utf8')).toContain(
      '| karate | 34 | 78 | embedkit node2vec |',
    );
  });

  it('passes --set node2vec.negativeSharing=window to our pipeline and rejects another algorithm', async () => {
    const report = await karateTask(join(out, 'shared'), [
      '--no-reference',
      '--set',
      'node2vec.negativeSharing=window',
    ]);
    expect(report.options.oursOnly).toEqual({ negativeSharing: 'window' });
    expect(report.rows[0]!.hadamardAuc).toBeGreaterThan(0);
    // A value the option does not take reaches the training and fails it.
    const bad = await karateTask(join(out, 'shared-bad'), [
      '--no-reference',
      '--set',
      'node2vec.negativeSharing=pair',
    ]).catch((error: unknown) => error);
    expect(bad).toMatchObject({ stderr: expect.stringMatching(/negativeSharing/) });
    await expect(
      run(process.execPath, [
        main,
        ...['--task', 'graph', '--set', 'glove.xMax=10', '--out', join(out, 'bad')],
      ]),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/--set glove.xMax=10: the graph task takes node2vec.option=value/),
    });
  });

  it('rejects an unknown graph name in one line', async () => {
    await expect(
      run(process.execPath, [main, '--task', 'graph', '--graphs', 'petersen', '--out', join(out, 'bad')]),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/unknown graph petersen; known: karate, lesmis, sotu, sbm/),
    });
  });
});

describeIf(hasGensim, 'gensim and networkx are needed for the reference pipeline')(
  'bench --task graph with the reference',
  () => {
    it('runs the reference pipeline beside ours with the same options', async () => {
      const folder = join(out, 'both');
      const report = await karateTask(folder, []);
      expect(report.rows.map((row) => row.pipeline)).toEqual([
        'embedkit node2vec',
        'reference (networkx + gensim)',
      ]);
      expect(report.rows[1]!.hadamardAuc).toBeGreaterThan(0);
      expect(report.rows[0]!.timeRatio).toBeGreaterThan(0);
      expect(existsSync(join(folder, 'karate-pca-reference.svg'))).toBe(true);
    });
  },
);
