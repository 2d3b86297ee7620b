import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '@embedkit/algorithms';
import { corpora } from '@embedkit/datasets';
import { readVectors } from '@embedkit/vector-io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalSet, fixture } from '#test-utils/fixtures.js';
import { type CliResult, finished, requireBuiltCli, runCli, startCli } from './built-cli.js';

const CORPUS = fixture('corpora', 'lee_background.cor');
const REFERENCE = (file: string) => fixture('reference', file);
const EVAL = (file: string) => evalSet(file);

/** Words of lee_background.cor that every small model keeps (count >= 5). */
const LEE_WORDS = ['government', 'police', 'Israel'] as const;

/** Tiny settings: the tests check the command line, the trainers' own tests check quality. */
const TRAININGS = [
  {
    algorithm: 'word2vec-skipgram',
    output: 'sg.bin',
    format: 'word2vec-binary',
    args: ['--dim', '12', '--epochs', '1'],
  },
  {
    algorithm: 'word2vec-cbow',
    output: 'cbow.txt',
    format: 'word2vec-text',
    args: ['--dim', '12', '--epochs', '1', '--hs', '--negative', '0'],
  },
  {
    algorithm: 'glove',
    output: 'glove.txt',
    format: 'glove',
    args: ['--format', 'glove', '--dim', '12', '--epochs', '2', '--x-max', '10'],
  },
  {
    algorithm: 'fasttext-skipgram',
    output: 'ft.bin',
    format: 'fasttext-bin',
    args: ['--dim', '12', '--epochs', '1', '--bucket', '20000'],
  },
  {
    algorithm: 'fasttext-cbow',
    output: 'ftc.vec',
    format: 'fasttext-vec',
    args: ['--dim', '12', '--epochs', '1', '--bucket', '20000', '--minn', '2', '--maxn', '4'],
  },
  {
    algorithm: 'ppmi-svd',
    output: 'ppmi.bin',
    format: 'word2vec-binary',
    args: ['--dim', '12', '--window', '3'],
  },
] as const;

/** Whether `text` holds what a progress bar writes on a terminal: escape sequences or carriage returns. */
function hasControlCharacters(text: string): boolean {
  return text.includes('\u001b') || text.includes('\r');
}

let dir = '';
const inDir = (file: string) => join(dir, file);

/**
 * The largest difference between two vectors, relative to max(1, |b|): one number to assert on
 * instead of one assertion per value (Infinity when the lengths differ).
 */
function largestDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let largest = 0;
  for (let i = 0; i < a.length; i++)
    largest = Math.max(largest, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return largest;
}

function expectOk(result: CliResult): void {
  expect(result.stderr.includes('embedkit:') ? result.stderr : '').toBe('');
  expect(result.code).toBe(0);
}

/** The one-line failure message every error gives: `embedkit: …`, no stack trace. */
function expectOneLineError(result: CliResult, code: number, pattern: RegExp): void {
  expect(result.code).toBe(code);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^embedkit: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(async () => {
  requireBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'embedkit-cli-'));
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('embedkit train (built CLI, lee_background.cor)', () => {
  it.each(TRAININGS)('trains $algorithm and writes $format', async ({ algorithm, output, format, args }) => {
    const result = await runCli([
      'train',
      algorithm,
      '--input',
      CORPUS,
      '--output',
      inDir(output),
      '--threads',
      '1',
      '--seed',
      '3',
      '--json',
      ...args,
    ]);
    expectOk(result);
    const summary = JSON.parse(result.stdout) as {
      algorithm: string;
      format: string;
      vocabulary: number;
      dim: number;
    };
    expect(summary).toMatchObject({ algorithm, format, dim: 12 });
    const model = await loadModel(inDir(output));
    expect(model.vectors.size).toBe(summary.vocabulary);
    expect(model.vectors.dim).toBe(12);
    expect(model.fastText !== undefined).toBe(format === 'fasttext-bin');
    for (const word of LEE_WORDS) expect(model.vectors.has(word)).toBe(true);
    // Not a TTY: plain progress lines, never a control character of a progress bar.
    expect(result.stderr).toMatch(new RegExp(`^${algorithm}[a-z ]*: \\d+% `, 'm'));
    expect(result.stderr).toMatch(new RegExp(`^${algorithm}[a-z ]*: done in `, 'm'));
    expect(hasControlCharacters(result.stderr)).toBe(false);
  });

  it('prints the trainer progress (percent, words/s, learning rate, loss) as lines', async () => {
    const result = await runCli([
      'train',
      'word2vec-skipgram',
      '--input',
      CORPUS,
      '--output',
      inDir('progress.txt'),
      '--dim',
      '8',
      '--epochs',
      '1',
      '--threads',
      '1',
    ]);
    expectOk(result);
    expect(result.stderr).toMatch(
      /^word2vec-skipgram: \d+% training epoch 1\/1 [\d,]+ words\/s lr 0\.\d+ loss \d+\.\d+$/m,
    );
    expect(hasControlCharacters(result.stderr)).toBe(false);
    expect(result.stdout).toMatch(/^wrote \d+ vectors of dimension 8 to .*progress\.txt \(word2vec-text\)/);
  });

  it.each(TRAININGS)('answers neighbors and analogy on the $algorithm model', async ({ output }) => {
    const neighbors = await runCli(['neighbors', inDir(output), 'police', '-k', '4', '--json']);
    expectOk(neighbors);
    const [result] = JSON.parse(neighbors.stdout) as {
      query: string;
      neighbors: { word: string; score: number }[];
    }[];
    expect(result!.query).toBe('police');
    expect(result!.neighbors).toHaveLength(4);
    expect(result!.neighbors.map((n) => n.word)).not.toContain('police');
    const scores = result!.neighbors.map((n) => n.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const analogy = await runCli(['analogy', inDir(output), ...LEE_WORDS, '-k', '3']);
    expectOk(analogy);
    const lines = analogy.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('government is to police as Israel is to ?');
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S+ +-?\d\.\d{4}$/);
  });

  it('rejects an option the algorithm does not take, and fasttext-bin for a non-fastText model (exit 2)', async () => {
    expectOneLineError(
      await runCli(['train', 'glove', '--input', CORPUS, '--output', inDir('x.bin'), '--negative', '5']),
      2,
      /glove does not take --negative; it takes --dim, --window/,
    );
    for (const [format, message] of [
      ['fasttext-bin', /fasttext-bin .*word2vec-cbow/],
      [
        'bin',
        /argument 'bin' is invalid\. Allowed formats are word2vec-text, .* \(aliases: word2vec-bin = word2vec-binary/,
      ],
    ] as const) {
      expectOneLineError(
        await runCli([
          'train',
          'word2vec-cbow',
          '--input',
          CORPUS,
          '--output',
          inDir('x.bin'),
          '--format',
          format,
        ]),
        2,
        message,
      );
    }
    expectOneLineError(
      await runCli([
        'train',
        'word2vec-cbow',
        '--input',
        CORPUS,
        '--output',
        inDir('x.bin'),
        '--dim',
        'wide',
      ]),
      2,
      /--dim for word2vec-cbow is a number/,
    );
    expect((await readdir(dir)).filter((name) => name.startsWith('x.'))).toEqual([]);
  });

  it('reports an option out of range as bad input (exit 1) with its --flag name', async () => {
    const result = await runCli([
      'train',
      'word2vec-cbow',
      '--input',
      CORPUS,
      '--output',
      inDir('x.bin'),
      '--dim',
      '0',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^embedkit: option --dim: got 0, expected /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops cleanly on Ctrl-C: exit 130, no output file, no temporary file', async () => {
    const child = startCli([
      'train',
      'word2vec-skipgram',
      '--input',
      await corpora.text8Head.path(),
      '--output',
      inDir('interrupted.bin'),
      '--dim',
      '10',
      '--threads',
      '1',
    ]);
    const run = finished(child);
    const training = new Promise<void>((resolve) => {
      let seen = '';
      child.stderr?.on('data', (chunk: Buffer | string) => {
        seen += String(chunk);
        if (/% training/.test(seen)) resolve();
      });
    });
    await Promise.race([
      training,
      run.then((early) => {
        throw new Error(`training ended before it could be interrupted: ${early.stderr}`);
      }),
    ]);
    child.kill('SIGINT');
    const result = await run;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/cancelled, .*interrupted\.bin not written/);
    expect(result.stderr).toMatch(/^embedkit: .*cancelled \(SIGINT\)$/m);
    expect((await readdir(dir)).filter((name) => name.includes('interrupted'))).toEqual([]);
  });

  it('trains a plug-in algorithm, mapping its own --kebab-case options to typed keys', async () => {
    const plugin = inDir('toy-plugin.mjs');
    await writeFile(
      plugin,
      `import { readFileSync } from 'node:fs';
export const toy = {
  id: 'toy-vectors',
  description: 'one-hot-ish vectors of the first words (test plug-in)',
  defaults: { dim: 4, wordLimit: 10, scale: 1, upperCase: false, label: 'x' },
  async train(corpus, options) {
    const words = [...new Set(readFileSync(corpus, 'utf8').split(/\\s+/).filter(Boolean))].slice(0, options.wordLimit);
    const keys = words.map((w) => (options.upperCase ? w.toUpperCase() : w) + options.label);
    const dim = options.dim;
    return {
      dim, size: keys.length, keys: () => keys.values(), has: (k) => keys.includes(k),
      vector: (k) => { const i = keys.indexOf(k); if (i < 0) return undefined; const v = new Float32Array(dim); v[i % dim] = options.scale; return v; },
    };
  },
};`,
    );
    const result = await runCli([
      'train',
      'toy-vectors',
      '--plugin',
      plugin,
      '--input',
      CORPUS,
      '--output',
      inDir('toy.txt'),
      '--dim',
      '3',
      '--word-limit',
      '5',
      '--scale',
      '2.5',
      '--upper-case',
      '--label=_t',
    ]);
    expectOk(result);
    const vectors = await readVectors(inDir('toy.txt'));
    expect(vectors.size).toBe(5);
    expect(vectors.dim).toBe(3);
    expect(vectors.keyAt(0)).toMatch(/^[A-Z0-9_]+_t$/);
    expect(Math.max(...vectors.row(0))).toBe(2.5);

    const help = await runCli(['train', '--plugin', plugin, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /toy-vectors\n.*\n\s+options \(defaults\): --dim 4, --word-limit 10, --scale 1, --upper-case false, --label x/,
    );
    expectOneLineError(
      await runCli([
        'train',
        'toy-vectors',
        '--plugin',
        plugin,
        '--input',
        CORPUS,
        '--output',
        inDir('toy2.txt'),
        '--window',
        '5',
      ]),
      2,
      /toy-vectors does not take --window/,
    );
  });
});

describe('embedkit on the reference models (built CLI)', () => {
  const text8Model = REFERENCE('gensim-text8head-sg25.bin');

  it('eval gives the figures gensim gives on gensim-text8head-sg25.bin', async () => {
    const expected = JSON.parse(await readFile(REFERENCE('gensim-text8head-sg25.gensim-eval.json'), 'utf8'));
    const result = await runCli([
      'eval',
      text8Model,
      '--analogy',
      EVAL('questions-words.txt'),
      '--similarity',
      EVAL('wordsim353.tsv'),
      '--similarity',
      EVAL('simlex999.txt'),
      '--restrict-vocab',
      '30000',
      '--json',
    ]);
    expectOk(result);
    const report = JSON.parse(result.stdout);
    const gensimAnalogy = expected.analogy['restrict_vocab=30000'];
    expect(report.analogy[0].accuracy).toBeCloseTo(gensimAnalogy.accuracy, 12);
    expect(
      report.analogy[0].sections.map((s: { section: string; correct: number; incorrect: number }) => [
        s.section,
        s.correct,
        s.incorrect,
      ]),
    ).toEqual(
      gensimAnalogy.sections.map((s: { section: string; correct: number; incorrect: number }) => [
        s.section,
        s.correct,
        s.incorrect,
      ]),
    );
    for (const [i, file] of ['wordsim353.tsv', 'simlex999.txt'].entries()) {
      const gensim = expected.similarity[file];
      expect(report.similarity[i].spearman).toBeCloseTo(gensim.spearman, 4);
      expect(report.similarity[i].pearson).toBeCloseTo(gensim.pearson, 4);
      expect(report.similarity[i].oovRatio).toBeCloseTo(gensim.oov_ratio_percent, 6);
    }
  });

  it('eval prints a per-section table with the total and the correlations', async () => {
    // gensim-expected.json holds gensim's figures for w2v-lee-sg.bin (default restrict_vocab).
    const expected = JSON.parse(await readFile(REFERENCE('gensim-expected.json'), 'utf8'));
    const result = await runCli([
      'eval',
      REFERENCE('w2v-lee-sg.bin'),
      '--analogy',
      EVAL('questions-words.txt'),
      '--similarity',
      EVAL('wordsim353.tsv'),
    ]);
    expectOk(result);
    for (const { section, correct, incorrect } of expected.evaluate_word_analogies.sections) {
      const accuracy = correct + incorrect === 0 ? 0 : (100 * correct) / (correct + incorrect);
      expect(result.stdout).toMatch(
        new RegExp(`^${section} +${correct} +${correct + incorrect} +${accuracy.toFixed(2)}%$`, 'm'),
      );
    }
    const pairs = expected.evaluate_word_pairs_wordsim353;
    expect(result.stdout).toMatch(
      new RegExp(
        `^wordsim353\\.tsv +\\d+ +${pairs.pearson.toFixed(4)} +${pairs.spearman.toFixed(4)} +${pairs.oov_ratio_percent.toFixed(2)}$`,
        'm',
      ),
    );
  });

  it('neighbors and analogy agree with gensim most_similar and most_similar_cosmul', async () => {
    const expected = JSON.parse(await readFile(REFERENCE('gensim-text8head-sg25.gensim-eval.json'), 'utf8'));
    const neighbors = await runCli(['neighbors', text8Model, 'king', 'france', '--json']);
    expectOk(neighbors);
    const results = JSON.parse(neighbors.stdout) as {
      query: string;
      neighbors: { word: string; score: number }[];
    }[];
    for (const { query, neighbors: found } of results) {
      const gensim = expected.most_similar[query] as [string, number][];
      expect(found.map((n) => n.word)).toEqual(gensim.map(([word]) => word));
      for (const [i, n] of found.entries()) expect(n.score).toBeCloseTo(gensim[i]![1], 5);
    }
    for (const method of ['3cosadd', '3cosmul'] as const) {
      const analogy = await runCli([
        'analogy',
        text8Model,
        'man',
        'king',
        'woman',
        '--method',
        method,
        '--json',
      ]);
      expectOk(analogy);
      const gensim = expected[`analogy_${method}_king_man_woman`] as [string, number][];
      const { answers } = JSON.parse(analogy.stdout) as { answers: { word: string; score: number }[] };
      expect(answers.map((a) => a.word)).toEqual(gensim.map(([word]) => word));
      for (const [i, a] of answers.entries()) expect(a.score).toBeCloseTo(gensim[i]![1], 5);
    }
  });

  it('neighbors reads queries from stdin like distance, one per line, and goes on after an unknown word', async () => {
    const result = await runCli(['neighbors', REFERENCE('w2v-lee-sg.bin'), '-k', '3'], {
      stdin: 'police\nzzyzxq\n\ngovernment police\nEXIT\nfire\n',
    });
    expect(result.code).toBe(0);
    const blocks = result.stdout.trimEnd().split('\n');
    expect(blocks).toHaveLength(8);
    expect(blocks[0]).toBe('police');
    expect(blocks[4]).toBe('government police');
    expect(blocks.filter((line) => line.startsWith('  '))).toHaveLength(6);
    expect(result.stdout).not.toMatch(/fire|Enter/);
    expect(result.stderr.trimEnd()).toBe('embedkit: word "zzyzxq" is not in the vocabulary');
  });

  it('analogy reads A B C per line from stdin like word-analogy', async () => {
    const result = await runCli(['analogy', REFERENCE('w2v-lee-sg.bin'), '-k', '2', '--json'], {
      stdin: 'government police Israel\nonly two\n',
    });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ a: 'government', b: 'police', c: 'Israel', method: '3cosadd' });
    expect(lines[0].answers).toHaveLength(2);
    expect(result.stderr).toMatch(/^embedkit: expected three words A B C/);
  });

  it('similarity prints the cosine; a fastText .bin also answers unseen words from subwords', async () => {
    const plain = await runCli(['similarity', REFERENCE('w2v-lee-sg.bin'), 'police', 'government']);
    expectOk(plain);
    expect(plain.stdout).toMatch(/^-?\d\.\d{6}\n$/);
    const vectors = await readVectors(REFERENCE('w2v-lee-sg.bin'));
    const [a, b] = [vectors.vector('police')!, vectors.vector('government')!];
    let dot = 0;
    let aa = 0;
    let bb = 0;
    for (let i = 0; i < a.length; i++) {
      dot += a[i]! * b[i]!;
      aa += a[i]! * a[i]!;
      bb += b[i]! * b[i]!;
    }
    expect(Number(plain.stdout)).toBeCloseTo(dot / Math.sqrt(aa * bb), 6);
    const subword = await runCli([
      'similarity',
      REFERENCE('ft-lee-sg.bin'),
      'police',
      'policemen-ish',
      '--json',
    ]);
    expectOk(subword);
    expect(JSON.parse(subword.stdout).similarity).toBeGreaterThan(0.5);
  });

  it('info describes a word2vec file and a fastText model with its header arguments', async () => {
    const w2v = await runCli(['info', REFERENCE('w2v-lee-sg.bin'), '--json']);
    expectOk(w2v);
    expect(JSON.parse(w2v.stdout)).toMatchObject({ format: 'word2vec-binary', vocabulary: 1762, dim: 20 });
    const ft = await runCli(['info', REFERENCE('ft-lee-sg.bin')]);
    expectOk(ft);
    expect(ft.stdout).toMatch(/^format +fasttext-bin$/m);
    expect(ft.stdout).toMatch(/^vocabulary +3,028$/m);
    expect(ft.stdout).toMatch(/^dimension +16$/m);
    expect(ft.stdout).toMatch(/^args\.bucket +20000$/m);
    expect(ft.stdout).toMatch(/^args\.minn +3$/m);
    expect(ft.stdout).toMatch(/^args\.maxn +6$/m);
    expect(ft.stdout).toMatch(/^args\.model +skipgram$/m);
  });

  it('convert round-trips every vector format with equal values (library names and the short aliases)', async () => {
    const original = await readVectors(REFERENCE('w2v-lee-sg.bin'));
    let previous = REFERENCE('w2v-lee-sg.bin');
    for (const [format, file] of [
      ['word2vec-text', 'rt.txt'],
      ['glove', 'rt.glove'],
      ['fasttext-vec', 'rt.vec'],
      ['word2vec-txt', 'rt2.txt'],
      ['vec', 'rt2.vec'],
      ['word2vec-bin', 'rt.bin'],
      ['word2vec-binary', 'rt2.bin'],
    ] as const) {
      expectOk(await runCli(['convert', previous, inDir(file), '--to', format]));
      const converted = await readVectors(inDir(file));
      expect(converted.keyList()).toEqual(original.keyList());
      expect(largestDifference(converted.matrix, original.matrix)).toBe(0);
      previous = inDir(file);
    }
    for (const file of ['rt.bin', 'rt2.bin']) {
      expect(Buffer.compare(await readFile(inDir(file)), await readFile(REFERENCE('w2v-lee-sg.bin')))).toBe(
        0,
      );
    }
  });

  it('convert turns a fastText .bin into .vec (as fastText wrote it) and into an identical .bin', async () => {
    expectOk(await runCli(['convert', REFERENCE('ft-lee-sg.bin'), inDir('ft.vec'), '--to', 'vec']));
    const ours = await readVectors(inDir('ft.vec'));
    const fastText = await readVectors(REFERENCE('ft-lee-sg.vec'));
    expect(ours.keyList()).toEqual(fastText.keyList());
    // fastText prints 5 significant digits.
    expect(largestDifference(ours.matrix, fastText.matrix)).toBeLessThan(1e-4);
    expectOk(
      await runCli(['convert', REFERENCE('ft-lee-sg.bin'), inDir('ft-copy.bin'), '--to', 'fasttext-bin']),
    );
    expect(
      Buffer.compare(await readFile(inDir('ft-copy.bin')), await readFile(REFERENCE('ft-lee-sg.bin'))),
    ).toBe(0);
    expectOneLineError(
      await runCli(['convert', REFERENCE('w2v-lee-sg.bin'), inDir('no.bin'), '--to', 'fasttext-bin']),
      2,
      /fasttext-bin/,
    );
  });

  it("embed-text writes one vector per input line, in order; unit-mean on a fastText .bin is fastText's sentence vector", async () => {
    const probe = await readFile(REFERENCE('sentence-probe.txt'), 'utf8');
    const result = await runCli(['embed-text', REFERENCE('ft-lee-sg.bin'), '--method', 'unit-mean'], {
      stdin: probe,
    });
    expectOk(result);
    const ours = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(' ').map(Number));
    const fastText = (await readFile(REFERENCE('ft-lee-sg.print-sentence-vectors.txt'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number));
    expect(ours).toHaveLength(fastText.length);
    for (const [i, vector] of ours.entries()) {
      expect(vector).toHaveLength(16);
      expect(largestDifference(Float32Array.from(vector), Float32Array.from(fastText[i]!))).toBeLessThan(
        1e-4,
      );
    }

    const texts = inDir('texts.txt');
    await writeFile(texts, 'police\n\nzzyzxq\ngovernment police\n');
    const mean = await runCli(['embed-text', REFERENCE('w2v-lee-sg.bin'), '--input', texts]);
    expectOk(mean);
    const rows = mean.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(' ').map((x) => Math.fround(Number(x))));
    const vectors = await readVectors(REFERENCE('w2v-lee-sg.bin'));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(Array.from(vectors.vector('police')!));
    expect(rows[1]).toEqual(new Array(20).fill(0));
    expect(rows[2]).toEqual(new Array(20).fill(0));
    const police = vectors.vector('police')!;
    const government = vectors.vector('government')!;
    expect(
      largestDifference(
        Float32Array.from(rows[3]!),
        police.map((x, j) => (x + government[j]!) / 2),
      ),
    ).toBeLessThan(1e-6);
  });

  it('search ranks a document first for its own text, reporting its line number', async () => {
    const lines = (await readFile(CORPUS, 'utf8')).split('\n');
    const query = lines[52]!;
    const result = await runCli([
      'search',
      REFERENCE('w2v-lee-sg.bin'),
      '--docs',
      CORPUS,
      query,
      'police fire',
      '-k',
      '3',
      '--method',
      'tfidf',
      '--json',
    ]);
    expectOk(result);
    const [first, second] = JSON.parse(result.stdout) as {
      query: string;
      hits: { line: number; score: number; text: string }[];
    }[];
    expect(first!.hits[0]).toMatchObject({ line: 53, text: query });
    expect(first!.hits[0]!.score).toBeCloseTo(1, 5);
    expect(second!.hits).toHaveLength(3);
    expect(second!.hits[0]!.score).toBeGreaterThanOrEqual(second!.hits[2]!.score);
  });

  it('gives exit 2 and one line for usage errors, exit 1 and one line for bad files', async () => {
    expectOneLineError(await runCli(['frobnicate']), 2, /unknown command 'frobnicate'/);
    expectOneLineError(
      await runCli(['neighbors', REFERENCE('w2v-lee-sg.bin'), 'x', '--colour']),
      2,
      /unknown option '--colour'/,
    );
    expectOneLineError(
      await runCli(['similarity', REFERENCE('w2v-lee-sg.bin'), 'x']),
      2,
      /missing required argument 'word2'/,
    );
    expectOneLineError(
      await runCli(['eval', REFERENCE('w2v-lee-sg.bin')]),
      2,
      /--analogy FILE or --similarity FILE/,
    );
    expectOneLineError(
      await runCli(['info', CORPUS]),
      1,
      /lee_background\.cor, line 1: expected a finite number/,
    );
    expectOneLineError(
      await runCli(['info', inDir('does-not-exist.bin')]),
      1,
      /does-not-exist\.bin: cannot open/,
    );
    expectOneLineError(
      await runCli(['similarity', REFERENCE('w2v-lee-sg.bin'), 'police', 'zzyzxq']),
      1,
      /"zzyzxq" is not in the vocabulary/,
    );
    const debug = await runCli(['info', CORPUS, '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
