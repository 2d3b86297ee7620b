import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import {
  describeIf,
  describeWithSharedData,
  hasFastText,
  hasGensim,
  hasSharedData,
  sharedData,
} from '#test-utils/shared-data.js';
import type { BenchReport } from '../results.js';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const plugin = fileURLToPath(new URL('../../examples/random-indexing.mjs', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'embedkit-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describeWithSharedData('bench end to end on lee_background.cor', () => {
  it('trains every algorithm and the plug-in, evaluates them, and writes the three reports', async () => {
    expect(existsSync(main), 'the bench must be built first (pnpm build)').toBe(true);
    const algos = [
      'word2vec-skipgram',
      'word2vec-cbow',
      'glove',
      'fasttext-skipgram',
      'fasttext-cbow',
      'ppmi-svd',
      'random-indexing',
    ];
    const { stdout, stderr } = await run(
      process.execPath,
      [
        main,
        '--corpus',
        sharedData('corpora', 'lee_background.cor'),
        '--algos',
        algos.join(','),
        '--plugin',
        plugin,
        '--dim',
        '16',
        '--epochs',
        '2',
        '--threads',
        '2',
        '--set',
        'fasttext-skipgram.bucket=20000',
        '--set',
        'fasttext-cbow.bucket=20000',
        '--data',
        sharedData('eval'),
        '--restrict-vocab',
        '30000',
        '--out',
        out,
      ],
      { maxBuffer: 1 << 26, env: { ...process.env, CI: 'true' } },
    );
    expect(stderr.includes(String.fromCharCode(27))).toBe(false); // no escape sequences off a terminal
    expect(stdout).toContain('| model | kind |');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as BenchReport;
    expect(report.corpus.tokens).toBeGreaterThan(50_000);
    expect(report.config.analogySets).toEqual(['questions-words.txt']);
    expect(report.config.similaritySets).toEqual(['wordsim353.tsv', 'simlex999.txt']);
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.rows.map((row) => row.name)).toEqual(algos);
    for (const row of report.rows) {
      expect(row.status, `${row.name}: ${row.error}`).toBe('ok');
      expect(row.wallSeconds).toBeGreaterThan(0);
      expect(Number.isFinite(row.wordsPerSecond)).toBe(true);
      expect(row.peakRssMb).toBeGreaterThan(10);
      const evaluation = row.evaluation!;
      expect(evaluation.analogy).toHaveLength(1);
      expect(evaluation.analogy[0]!.questions).toBeGreaterThan(0);
      expect(Number.isFinite(evaluation.analogy[0]!.total)).toBe(true);
      for (const similarity of evaluation.similarity) {
        expect(Number.isFinite(similarity.spearman), `${row.name} ${similarity.set}`).toBe(true);
        expect(similarity.oovPercent).toBeGreaterThan(0);
      }
    }
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('word2vec-skipgram');
    expect(readFileSync(join(out, 'report.svg'), 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*<rect[\s\S]*<\/svg>\n$/);
  });

  it('reports a bad call with exit code 2 and one line', async () => {
    const failure = await run(process.execPath, [main, '--algos', 'no-such-algo', '--out', out]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect((failure as { code: number }).code).toBe(2);
    expect((failure as { stderr: string }).stderr).toMatch(
      /^embedkit-bench: unknown algorithm no-such-algo; registered: word2vec-skipgram/,
    );
  });
});

it('docs/plugins.md shows the example plug-in the end-to-end test loads, verbatim', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../../docs/plugins.md', import.meta.url)), 'utf8');
  expect(doc).toContain(readFileSync(plugin, 'utf8'));
});

describeIf(hasSharedData && hasGensim && hasFastText, 'needs ../shared/data, gensim and fastText')(
  'bench with peers',
  () => {
    it('runs gensim and fastText on the same configuration and states our time as a ratio to theirs', async () => {
      const peersOut = join(out, 'peers');
      await run(
        process.execPath,
        [
          main,
          '--corpus',
          sharedData('corpora', 'lee_background.cor'),
          '--algos',
          'word2vec-skipgram,fasttext-cbow',
          '--peers',
          'gensim,fasttext',
          '--dim',
          '16',
          '--epochs',
          '1',
          '--set',
          'fasttext-cbow.bucket=20000',
          '--out',
          peersOut,
        ],
        { maxBuffer: 1 << 26, env: { ...process.env, CI: 'true' } },
      );
      const report = JSON.parse(readFileSync(join(peersOut, 'report.json'), 'utf8')) as BenchReport;
      expect(report.rows.map((row) => [row.name, row.kind, row.status])).toEqual([
        ['word2vec-skipgram', 'ours', 'ok'],
        ['fasttext-cbow', 'ours', 'ok'],
        ['gensim word2vec-skipgram', 'peer', 'ok'],
        ['fasttext fasttext-cbow', 'peer', 'ok'],
      ]);
      const [ours, oursFastText, gensim, fastText] = report.rows;
      expect(gensim!.version).toMatch(/^4\./);
      expect(ours!.ratio!.peer).toBe('gensim word2vec-skipgram');
      expect(ours!.ratio!.time).toBeCloseTo(ours!.wallSeconds! / gensim!.wallSeconds!, 10);
      expect(oursFastText!.ratio!.time).toBeCloseTo(oursFastText!.wallSeconds! / fastText!.wallSeconds!, 10);
      // Same corpus and minCount: the vocabularies agree (fastText counts its end-of-line token too).
      expect(Math.abs(gensim!.vocabulary! - ours!.vocabulary!)).toBeLessThanOrEqual(1);
      expect(Math.abs(fastText!.vocabulary! - oursFastText!.vocabulary!)).toBeLessThanOrEqual(1);
    });
  },
);
