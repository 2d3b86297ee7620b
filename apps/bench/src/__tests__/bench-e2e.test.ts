import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { describeIf, EVAL_DIR, fixture, hasFastText, hasGensim } from '#test-utils/fixtures.js';
import { PERF_BEGIN, PERF_END } from '../perf-doc.js';
import type { PerfResult } from '../perf-result.js';
import type { BenchReport } from '../results.js';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const perf = fileURLToPath(new URL('../../dist/perf.js', import.meta.url));
const docsDir = fileURLToPath(new URL('../../../../docs/', import.meta.url));
/** The environment of a child run: no terminal, and no Stanford GloVe tools unless a test says so. */
const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', ...extra };
  if (extra.GLOVE_TOOLS_DIR === undefined) delete env.GLOVE_TOOLS_DIR;
  return env;
};
const plugin = fileURLToPath(new URL('../../examples/random-indexing.mjs', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'embedkit-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('bench end to end on lee_background.cor', () => {
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
        fixture('corpora', 'lee_background.cor'),
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
        EVAL_DIR,
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

describeIf(hasGensim && hasFastText, 'needs gensim and fastText')('bench with peers', () => {
  it('runs gensim and fastText on the same configuration and states our time as a ratio to theirs', async () => {
    const peersOut = join(out, 'peers');
    await run(
      process.execPath,
      [
        main,
        '--corpus',
        fixture('corpora', 'lee_background.cor'),
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
});

describe('bench defaults and a run without evaluation sets', () => {
  it('uses the quick defaults, says so, and says how to add the standard sets when there are none', async () => {
    const noData = join(out, 'no-data');
    mkdirSync(noData, { recursive: true });
    const defaultsOut = join(out, 'defaults');
    const { stderr } = await run(
      process.execPath,
      [
        main,
        '--corpus',
        fixture('corpora', 'lee_background.cor'),
        '--algos',
        'word2vec-cbow,fasttext-cbow',
        '--set',
        'fasttext-cbow.minn=2',
        '--data',
        noData,
        '--out',
        defaultsOut,
      ],
      { maxBuffer: 1 << 26, env: childEnv() },
    );
    expect(stderr).toContain('no evaluation sets: pass --data DIR (a folder with questions-words.txt');
    expect(stderr).toContain(
      'bench defaults in use (sized for a few minutes on 2 cores; flags override them): dim 50, epochs 3, fasttext-cbow.bucket=200000',
    );
    const report = JSON.parse(readFileSync(join(defaultsOut, 'report.json'), 'utf8')) as BenchReport;
    expect(report.config.common).toMatchObject({ dim: 50, epochs: 3 });
    expect(report.rows.map((row) => row.status)).toEqual(['ok', 'ok']);
    expect(report.rows[1]!.options).toMatchObject({ bucket: 200_000, minn: 2, epochs: 3, dim: 50 });
    expect(report.rows[0]!.cpuSeconds).toBeGreaterThan(0);
    expect(report.rows[0]!.evaluation!.analogy).toEqual([]);
    expect(Object.keys(report.rows[0]!.evaluation!.neighbors).length).toBeGreaterThan(0);
    expect(readFileSync(join(defaultsOut, 'report.md'), 'utf8')).toContain('## Notes');
  });

  it('says nothing about defaults when the flags set them', async () => {
    const { stderr } = await run(
      process.execPath,
      [
        main,
        '--corpus',
        fixture('corpora', 'lee_background.cor'),
        '--algos',
        'word2vec-cbow,glove',
        '--dim',
        '8',
        '--epochs',
        '1',
        '--set',
        'glove.xMax=5',
        '--out',
        join(out, 'explicit'),
      ],
      { maxBuffer: 1 << 26, env: childEnv() },
    );
    expect(stderr).not.toContain('bench defaults in use');
    const report = JSON.parse(readFileSync(join(out, 'explicit', 'report.json'), 'utf8')) as BenchReport;
    expect(report.rows[1]!.options).toMatchObject({ epochs: 1, xMax: 5, dim: 8 });
  });
});

describeIf(hasGensim && hasFastText, 'needs gensim and fastText')(
  'perf preset (CI-sized: lee_background.cor, tiny dimensions)',
  () => {
    it('measures every row, writes perf.json, the generated block of performance.md and benchmarks.md', async () => {
      const perfOut = join(out, 'perf');
      const docs = join(out, 'docs');
      mkdirSync(docs, { recursive: true });
      copyFileSync(join(docsDir, 'performance.md'), join(docs, 'performance.md'));
      const before = readFileSync(join(docs, 'performance.md'), 'utf8');
      const { stderr } = await run(
        process.execPath,
        [
          perf,
          '--corpus',
          fixture('corpora', 'lee_background.cor'),
          '--reference',
          fixture('reference', 'w2v-lee-sg.bin'),
          '--dim',
          '8',
          '--epochs',
          '1',
          '--bucket',
          '20000',
          '--load-words',
          '2000',
          '--rounds',
          '1',
          '--seeds',
          '2',
          '--out',
          perfOut,
          '--write-docs',
          '--docs-dir',
          docs,
        ],
        { maxBuffer: 1 << 26, env: childEnv() },
      );
      expect(stderr).toContain('peer glove skipped: no Stanford GloVe tools given');
      const result = JSON.parse(readFileSync(join(perfOut, 'perf.json'), 'utf8')) as PerfResult;
      expect(result.seeds).toBe(2);
      expect(existsSync(join(perfOut, 'bench-seed-2', 'report.json'))).toBe(true);
      expect(result.rows.map((row) => row.name.split(',')[0])).toEqual([
        'word2vec skip-gram training',
        'word2vec CBOW training',
        'fastText skip-gram (subwords 3–6) training',
        'fastText CBOW (subwords 3–6) training',
        'GloVe training (whole pipeline)',
        'word2vec skip-gram (hierarchical softmax) training',
        'word2vec CBOW (hierarchical softmax) training',
        'analogy evaluation of w2v-lee-sg.bin (questions-words.txt',
        'loading a GloVe text file of 2',
        'peak memory',
        'time per epoch',
        // whole process and training phase of skip-gram, CBOW and fastText skip-gram
        ...Array<string>(6).fill('thread scaling'),
        'text classification',
        'text classification',
      ]);
      const [
        skipgram,
        ,
        ,
        fasttextCbow,
        glove,
        hsSkipgram,
        hsCbow,
        analogy,
        loading,
        memory,
        epoch,
        threads,
        phase,
        ...rest
      ] = result.rows;
      const scaling = [threads!, phase!, ...rest.slice(0, 4)];
      const classification = rest.slice(4);
      expect(fasttextCbow!.peerLabel).toMatch(/^fastText 0\.9/);
      expect(fasttextCbow!.target).toBe('time ≤ 0.33×, analogy ≥ peer − 0.5 points, WS-353 ≥ peer − 0.01');
      expect(glove!.target).toBe(
        "peak memory ≤ peer's, time ≤ 0.5×, analogy ≥ peer − 0.5 points, WS-353 ≥ peer − 0.01",
      );
      for (const row of classification) {
        expect(row.ours!.seconds, row.name).toBeGreaterThan(0);
        expect(row.peer!.seconds, row.name).toBeGreaterThan(0);
        expect(row.ratio, row.name).toBeGreaterThan(0);
      }
      for (const row of [skipgram!, hsSkipgram!, hsCbow!, analogy!, loading!, memory!, threads!]) {
        expect(row.ours!.seconds, row.name).toBeGreaterThan(0);
        expect(row.peer!.seconds, row.name).toBeGreaterThan(0);
        expect(row.ours!.peakRssMb, row.name).toBeGreaterThan(10);
        expect(row.ratio, row.name).toBeCloseTo(
          row.name.startsWith('peak memory')
            ? row.ours!.peakRssMb! / row.peer!.peakRssMb!
            : row.ours!.seconds / row.peer!.seconds,
          10,
        );
      }
      // One epoch streamed against one in memory: the training phase over the epochs, compared the same way.
      expect(epoch!.ours!.seconds).toBeGreaterThan(0);
      expect(epoch!.peer!.seconds).toBeGreaterThan(0);
      expect(epoch!.ratio).toBeCloseTo(epoch!.ours!.seconds / epoch!.peer!.seconds, 10);
      expect(epoch!.met).toBe(epoch!.ratio! <= 1.1);
      // The training phase alone: shorter than the whole process on both sides, compared the same way.
      for (let i = 0; i < scaling.length; i += 2) {
        const [whole, training] = [scaling[i]!, scaling[i + 1]!];
        expect(training.name).toContain('training phase');
        expect(training.ours!.seconds).toBeLessThan(whole.ours!.seconds);
        expect(training.peer!.seconds).toBeLessThan(whole.peer!.seconds);
        expect(training.ratio).toBeCloseTo(training.ours!.seconds / training.peer!.seconds, 10);
        expect(training.met).toBe(training.peer!.seconds / training.ours!.seconds >= 1.85);
      }
      // The roofline: every training row's FLOPs counted from the work its trainer reported.
      const roofline = result.roofline!;
      expect(roofline.peak.cacheGflops).toBeGreaterThan(roofline.peak.memoryGflops);
      expect(roofline.rows.map((row) => row.name)).toEqual([
        'word2vec skip-gram training',
        'word2vec CBOW training',
        'fastText skip-gram (subwords 3–6) training',
        'fastText CBOW (subwords 3–6) training',
        'GloVe training (whole pipeline)',
      ]);
      for (const row of roofline.rows) {
        expect(row.flops, row.name).toBeGreaterThan(0);
        expect(row.gflops, row.name).toBeCloseTo(row.flops! / row.seconds! / 1e9, 10);
      }
      expect(skipgram!.peerLabel).toMatch(/^gensim 4\./);
      expect(skipgram!.target).toBe('time ≤ 0.4×, analogy ≥ peer − 0.5 points, WS-353 ≥ peer − 0.01');
      // The hierarchical-softmax rows: gensim hs=1 negative=0, issue 20's margins.
      for (const row of [hsSkipgram!, hsCbow!]) {
        expect(row.peerLabel, row.name).toMatch(/^gensim 4\./);
        expect(row.target).toBe('time ≤ 0.67×, analogy ≥ peer − 0.5 points, WS-353 ≥ peer − 0.01');
        expect(row.ours!.quality, row.name).toMatch(/^analogy \d+\.\d %, WS-353 -?\d\.\d{3}$/);
      }
      const hsReport = JSON.parse(
        readFileSync(join(perfOut, 'bench-hs', 'report.json'), 'utf8'),
      ) as BenchReport;
      for (const row of hsReport.rows) expect(row.options, row.name).toMatchObject({ hs: true, negative: 0 });
      expect(glove!.peer).toBeUndefined();
      expect(glove!.met).toBeUndefined();
      // Our analogy evaluation reproduces gensim's exactly.
      expect(analogy!.ours!.quality).toBe(analogy!.peer!.quality);
      expect(loading!.ours!.quality).toBe('2000 × 100');
      expect(loading!.peer!.quality).toBe('2000 × 100');

      const doc = readFileSync(join(docs, 'performance.md'), 'utf8');
      expect(doc.indexOf(PERF_BEGIN)).toBeGreaterThan(0);
      expect(doc).toContain('| thread scaling, word2vec skip-gram, 1 epoch, whole process |');
      expect(doc).toContain('### Roofline: achieved GFLOP/s against the kernel');
      expect(doc.indexOf('### Roofline')).toBeLessThan(doc.indexOf(PERF_END));
      expect(doc).toContain(
        '| thread scaling, word2vec skip-gram, 1 epoch, training phase (after counting and encoding) |',
      );
      // Everything outside the generated block is the hand-written text, unchanged.
      const handWritten = (text: string): string => {
        const begin = text.indexOf(PERF_BEGIN);
        const outside =
          begin < 0 ? text : text.slice(0, begin) + text.slice(text.indexOf(PERF_END) + PERF_END.length);
        return outside.replace(/\n{2,}/g, '\n\n').trim();
      };
      expect(handWritten(doc)).toBe(handWritten(before));
      expect(doc).toContain('## Vector kernels (core-math)');
      const benchmarks = readFileSync(join(docs, 'benchmarks.md'), 'utf8');
      expect(benchmarks).toContain('| model | kind |');
      // The command line of the bench run alone, and the preset's.
      expect(benchmarks).toMatch(
        /- Command: `embedkit-bench --corpus \S+lee_background.cor --algos word2vec-skipgram,word2vec-cbow,fasttext-skipgram,fasttext-cbow,glove,ppmi-svd --dim 8 --epochs 1 --window 5 --min-count 5 --set word2vec-skipgram.lr=0.025 .* --set glove.epochs=1 --data \S+ --restrict-vocab 30000 --sts \S+ --frequencies \S+ --threads 2 --seed 1 --peers gensim,fasttext,glove --out \S+ \(the bench run of: embedkit-bench-perf --corpus /,
      );
      // The whole preset (two bench runs with peers, then a dozen child processes) on a shared machine.
    }, 600_000);
  },
);

describeIf(
  process.env.GLOVE_TOOLS_DIR !== undefined,
  'set GLOVE_TOOLS_DIR to a folder with the Stanford GloVe tools built from source',
)('glove peer', () => {
  it("runs the Stanford tools' pipeline on the same configuration", async () => {
    const gloveOut = join(out, 'glove-peer');
    await run(
      process.execPath,
      [
        main,
        '--corpus',
        fixture('corpora', 'lee_background.cor'),
        '--algos',
        'glove',
        '--peers',
        'glove',
        '--dim',
        '8',
        '--epochs',
        '2',
        '--out',
        gloveOut,
      ],
      { maxBuffer: 1 << 26, env: childEnv({ GLOVE_TOOLS_DIR: process.env.GLOVE_TOOLS_DIR! }) },
    );
    const report = JSON.parse(readFileSync(join(gloveOut, 'report.json'), 'utf8')) as BenchReport;
    const [ours, tools] = report.rows;
    expect(tools!.name).toBe('Stanford tools glove');
    expect(tools!.status).toBe('ok');
    expect(tools!.cpuSeconds).toBeGreaterThan(0);
    // Same vocabulary (the tools' file has one more row: the averaged <unk> vector).
    expect(tools!.vocabulary).toBe(ours!.vocabulary);
    expect(ours!.ratio!.peer).toBe('Stanford tools glove');
    expect(existsSync(join(gloveOut, 'vectors', 'glove-glove-work'))).toBe(false);
  });
});
