/**
 * Trains a subword skip-gram model with @embedkit/fasttext-subword and with the `fasttext` binary
 * (0.9.2) on the same corpus and settings, evaluates both with the same evaluator (gensim 4.2's
 * `evaluate_word_analogies` restricted to 30,000 words, `evaluate_word_pairs` on WordSim-353 and
 * SimLex-999, on the `.vec` files), and ranks the right word among the nearest neighbours of the
 * out-of-vocabulary vector of a few misspellings in both models. Prints Markdown tables.
 *
 *   pnpm --filter @embedkit/fasttext-subword compare:fasttext [corpus] [--threads 2] [--seed 1]
 *
 * Settings: skip-gram, dim 100, ws 5, neg 5, t 1e-4, epoch 5, minCount 5, lr 0.025, minn 3,
 * maxn 6, bucket 2,000,000. Default corpus: text8-head from `@embedkit/datasets`. Needs `fasttext` on the PATH and `/usr/bin/python3` with gensim. Model files go
 * to a temporary folder that is removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { kernels } from '@embedkit/core-math/kernels';
import { analogySets, corpora, similaritySets } from '@embedkit/datasets';
import {
  type FastTextModel,
  readFastTextBin,
  trainFastText,
  writeFastTextBin,
  writeFastTextVec,
} from '../src/index.js';

/** The shipped evaluation sets, as plain files gensim can read. */
const evaluationSets = [
  await analogySets.google.path(),
  await similaritySets.wordsim353.path(),
  await similaritySets.simlex999.path(),
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { threads: { type: 'string', default: '2' }, seed: { type: 'string', default: '1' } },
});
const corpus = resolve(positionals[0] ?? (await corpora.text8Head.path()));
const threads = Number(values.threads);
const seed = Number(values.seed);
const settings = {
  model: 'skipgram',
  dim: 100,
  window: 5,
  negative: 5,
  sample: 1e-4,
  epochs: 5,
  minCount: 5,
  lr: 0.025,
  minn: 3,
  maxn: 6,
  bucket: 2_000_000,
} as const;

/** Misspellings (none of them in text8-head's vocabulary) and the word each one means. */
const MISSPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ['goverment', 'government'],
  ['internatinal', 'international'],
  ['univercity', 'university'],
  ['computre', 'computer'],
  ['langauge', 'language'],
  ['populaton', 'population'],
  ['philosphy', 'philosophy'],
  ['politcal', 'political'],
  ['economc', 'economic'],
  ['chemisty', 'chemistry'],
];

const GENSIM_EVALUATE = `
import json, sys
from gensim.models import KeyedVectors
vectors, questions, wordsim, simlex = sys.argv[1:5]
kv = KeyedVectors.load_word2vec_format(vectors)
analogy, _ = kv.evaluate_word_analogies(questions, restrict_vocab=30000)
ws = kv.evaluate_word_pairs(wordsim)
sl = kv.evaluate_word_pairs(simlex)
print(json.dumps({"analogy": analogy, "wordsim353": ws[1][0], "simlex999": sl[1][0]}))
`;

interface Row {
  readonly name: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly analogy: number;
  readonly wordsim353: number;
  readonly simlex999: number;
  readonly ranks: readonly number[];
}

function evaluate(vec: string): Pick<Row, 'analogy' | 'wordsim353' | 'simlex999'> {
  const output = execFileSync('/usr/bin/python3', ['-c', GENSIM_EVALUATE, vec, ...evaluationSets]);
  return JSON.parse(output.toString());
}

/** For each misspelling: how many vocabulary words are closer (cosine) to its vector than the right word. */
function misspellingRanks(model: FastTextModel): number[] {
  const vectors = model.wordVectors;
  const unit = vectors.unitMatrix();
  const scores = new Float32Array(vectors.size);
  return MISSPELLINGS.map(([typo, word]) => {
    if (model.has(typo)) throw new Error(`${typo} is in the vocabulary: not a misspelling test`);
    kernels().matVec(unit, 0, vectors.size, model.dim, model.vector(typo), 0, scores, 0);
    const target = scores[vectors.requireIndex(word)]!;
    return scores.filter((score) => score > target).length;
  });
}

async function trainOurs(folder: string): Promise<Row> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const model = await trainFastText(corpus, settings, { threads, seed });
  const seconds = (performance.now() - started) / 1000;
  // Worker threads run in this process, so its CPU time includes theirs.
  const cpu = process.cpuUsage(cpuBefore);
  const vec = join(folder, 'ours.vec');
  await writeFastTextVec(vec, model);
  await writeFastTextBin(join(folder, 'ours.bin'), model);
  const reloaded = await readFastTextBin(join(folder, 'ours.bin'));
  return {
    name: `embedkit (${kernels().name} kernels)`,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    ...evaluate(vec),
    ranks: misspellingRanks(reloaded),
  };
}

async function trainFastTextBinary(folder: string): Promise<Row> {
  const output = join(folder, 'fasttext');
  const args = [
    'skipgram',
    ...['-input', corpus, '-output', output, '-dim', String(settings.dim), '-ws', String(settings.window)],
    ...['-neg', String(settings.negative), '-t', String(settings.sample), '-epoch', String(settings.epochs)],
    ...['-minCount', String(settings.minCount), '-lr', String(settings.lr), '-minn', String(settings.minn)],
    ...['-maxn', String(settings.maxn), '-bucket', String(settings.bucket), '-thread', String(threads)],
    ...['-seed', String(seed), '-verbose', '0'],
  ];
  // /usr/bin/time is not always installed: measure the child's CPU time through Python.
  const measure = `
import json, resource, subprocess, sys, time
start = time.time()
subprocess.run(sys.argv[1:], check=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.time() - start, "cpuSeconds": usage.ru_utime + usage.ru_stime}))
`;
  const timing = JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', measure, 'fasttext', ...args]).toString(),
  );
  const model = await readFastTextBin(`${output}.bin`);
  return { name: 'fastText 0.9.2', ...timing, ...evaluate(`${output}.vec`), ranks: misspellingRanks(model) };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'fasttext-vs-fasttext-'));
  try {
    console.error('training and evaluating @embedkit/fasttext-subword…');
    const ours = await trainOurs(folder);
    console.error(`… ${ours.seconds.toFixed(1)} s; training and evaluating fastText…`);
    const theirs = await trainFastTextBinary(folder);
    const lines = [
      `corpus: ${corpus}; skip-gram, dim 100, ws 5, neg 5, t 1e-4, epoch 5, minCount 5, lr 0.025, minn 3, maxn 6, bucket 2,000,000, threads ${threads}, seed ${seed}`,
      '',
      '| implementation | wall s | wall / fastText | CPU s | CPU / fastText | analogy % (30k) | WS-353 ρ | SimLex-999 ρ |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...[ours, theirs].map(
        (row) =>
          `| ${[
            row.name,
            row.seconds.toFixed(1),
            (row.seconds / theirs.seconds).toFixed(2),
            row.cpuSeconds.toFixed(1),
            (row.cpuSeconds / theirs.cpuSeconds).toFixed(2),
            (row.analogy * 100).toFixed(2),
            row.wordsim353.toFixed(3),
            row.simlex999.toFixed(3),
          ].join(' | ')} |`,
      ),
      '',
      'Out-of-vocabulary misspellings: words closer to the misspelling than the right word (0 = nearest)',
      '',
      `| implementation | ${MISSPELLINGS.map(([typo, word]) => `${typo} → ${word}`).join(' | ')} |`,
      `| --- | ${MISSPELLINGS.map(() => '---:').join(' | ')} |`,
      ...[ours, theirs].map((row) => `| ${row.name} | ${row.ranks.join(' | ')} |`),
    ];
    console.log(lines.join('\n'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
