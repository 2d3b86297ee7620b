/**
 * Trains word2vec with @embedkit/word2vec and with gensim 4.2 on the same corpus and settings, and
 * evaluates both vector files with the same evaluator (gensim's `evaluate_word_analogies` and
 * `evaluate_word_pairs`), so the comparison is fair. Prints a Markdown table.
 *
 *   pnpm --filter @embedkit/word2vec compare:gensim [corpus] [--models skipgram,cbow] [--threads 2] [--runs 1] [--objective ns|hs] [--negative-sharing auto,none,window]
 *
 * `--objective ns` (the default) trains negative sampling (negative 5, hs off); `--objective hs`
 * hierarchical softmax alone (hs on, negative 0; gensim `hs=1, negative=0`).
 * `--negative-sharing none,window` trains our skip-gram once per listed `negativeSharing` (one row
 * each; default `auto`, the library's default; CBOW always `none`).
 * With `--runs N` each side trains N times (seeds 1..N; with several threads both are
 * nondeterministic anyway) and the table gives the mean with the range in brackets.
 * Default corpus: text8-head from `@embedkit/datasets`. Needs
 * `/usr/bin/python3` with gensim. Vector files go to a temporary folder that is removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { kernels } from '@embedkit/core-math/kernels';
import { analogySets, corpora, similaritySets } from '@embedkit/datasets';
import { type NegativeSharingInput, trainWord2Vec } from '../src/index.js';
import { NEGATIVE_SHARINGS, isNegativeSharing } from '../src/objectives/negative-sampling.js';

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
}

/** The shipped evaluation sets, as plain files gensim can read. */
const evaluationSets = [
  await analogySets.google.path(),
  await similaritySets.wordsim353.path(),
  await similaritySets.simlex999.path(),
];

const corpus = resolve(
  process.argv[2]?.startsWith('--') === false ? process.argv[2] : await corpora.text8Head.path(),
);
const models = argument('models', 'skipgram,cbow').split(',') as Array<'skipgram' | 'cbow'>;
const threads = Number(argument('threads', '2'));
const runs = Number(argument('runs', '1'));
const objective = argument('objective', 'ns');
if (objective !== 'ns' && objective !== 'hs') throw new Error(`--objective ${objective}: use ns or hs`);
const hs = objective === 'hs';
const sharings = argument('negative-sharing', 'auto').split(',') as NegativeSharingInput[];
for (const sharing of sharings) {
  if (sharing !== 'auto' && !isNegativeSharing(sharing))
    throw new Error(`--negative-sharing ${sharing}: use auto, ${NEGATIVE_SHARINGS.join(', ')}`);
}
const settings = { dim: 100, window: 5, negative: hs ? 0 : 5, hs, sample: 1e-4, epochs: 5, minCount: 5 };
const learningRate = { skipgram: 0.025, cbow: 0.05 } as const;

const GENSIM_TRAIN = `
import json, resource, sys, time
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence
corpus, out, sg, alpha, threads, seed, hs, negative = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
start, cpu_start = time.time(), cpu()
model = Word2Vec(LineSentence(corpus), vector_size=100, window=5, negative=negative, hs=hs, sample=1e-4, epochs=5,
                 min_count=5, sg=sg, alpha=alpha, min_alpha=1e-4, workers=threads, seed=seed)
seconds, cpu_seconds = time.time() - start, cpu() - cpu_start
model.wv.save_word2vec_format(out, binary=True)
print(json.dumps({"seconds": seconds, "cpuSeconds": cpu_seconds}))
`;

const GENSIM_EVALUATE = `
import json, sys
from gensim.models import KeyedVectors
vectors, questions, wordsim, simlex = sys.argv[1:5]
kv = KeyedVectors.load_word2vec_format(vectors, binary=True)
analogy, _ = kv.evaluate_word_analogies(questions, restrict_vocab=30000)
ws = kv.evaluate_word_pairs(wordsim)
sl = kv.evaluate_word_pairs(simlex)
print(json.dumps({"analogy": analogy, "wordsim353": ws[1][0], "simlex999": sl[1][0], "size": len(kv)}))
`;

interface Run {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly analogy: number;
  readonly wordsim353: number;
  readonly simlex999: number;
  readonly size: number;
}

function evaluate(vectors: string): Omit<Run, 'seconds' | 'cpuSeconds'> {
  const output = execFileSync('/usr/bin/python3', ['-c', GENSIM_EVALUATE, vectors, ...evaluationSets]);
  return JSON.parse(output.toString());
}

async function trainOurs(
  folder: string,
  model: 'skipgram' | 'cbow',
  seed: number,
  negativeSharing: NegativeSharingInput,
): Promise<Run> {
  const vectors = join(folder, `ours-${model}-${seed}.bin`);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const trained = await trainWord2Vec(
    corpus,
    model === 'skipgram'
      ? { ...settings, model, lr: learningRate[model], negativeSharing }
      : { ...settings, model, lr: learningRate[model] },
    { threads, seed },
  );
  const seconds = (performance.now() - started) / 1000;
  // Worker threads run in this process, so its CPU time includes theirs.
  const cpu = process.cpuUsage(cpuBefore);
  await trained.saveVectors(vectors, 'word2vec-binary');
  trained.dispose();
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, ...evaluate(vectors) };
}

function trainGensim(folder: string, model: 'skipgram' | 'cbow', seed: number): Run {
  const vectors = join(folder, `gensim-${model}-${seed}.bin`);
  const sg = model === 'skipgram' ? '1' : '0';
  const args = [
    corpus,
    vectors,
    sg,
    String(learningRate[model]),
    String(threads),
    String(seed),
    hs ? '1' : '0',
    String(settings.negative),
  ];
  const output = execFileSync('/usr/bin/python3', ['-c', GENSIM_TRAIN, ...args]).toString();
  const { seconds, cpuSeconds } = JSON.parse(output) as { seconds: number; cpuSeconds: number };
  return { seconds, cpuSeconds, ...evaluate(vectors) };
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** `mean (min-max)` of `values · scale`, or just the value for one run. */
function summary(values: number[], digits: number, scale = 1): string {
  const scaled = values.map((v) => v * scale);
  if (scaled.length === 1) return mean(scaled).toFixed(digits);
  const range = `${Math.min(...scaled).toFixed(digits)}-${Math.max(...scaled).toFixed(digits)}`;
  return `${mean(scaled).toFixed(digits)} (${range})`;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'word2vec-vs-gensim-'));
  const lines = [
    `corpus: ${corpus}; dim 100, window 5, negative ${settings.negative}, hs ${hs ? 'on' : 'off'}, sample 1e-4, 5 epochs, minCount 5, threads ${threads}, ${runs} run(s) each (seeds 1-${runs}): mean (min-max)`,
    '',
    '| model | implementation | wall s | wall / gensim | CPU s | CPU / gensim | analogy % (30k) | WS-353 ρ | SimLex-999 ρ |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  try {
    for (const model of models) {
      const modes: NegativeSharingInput[] = model === 'skipgram' ? sharings : ['none'];
      const ours = new Map<NegativeSharingInput, Run[]>(modes.map((mode) => [mode, []]));
      const theirs: Run[] = [];
      for (let seed = 1; seed <= runs; seed++) {
        for (const mode of modes) ours.get(mode)!.push(await trainOurs(folder, model, seed, mode));
        theirs.push(trainGensim(folder, model, seed));
      }
      const peerSeconds = mean(theirs.map((r) => r.seconds));
      const peerCpu = mean(theirs.map((r) => r.cpuSeconds));
      const rows: Array<readonly [string, Run[]]> = [
        ...modes.map(
          (mode) =>
            [
              `embedkit (${kernels().name} kernels${model === 'skipgram' ? `, negativeSharing ${mode}` : ''})`,
              ours.get(mode)!,
            ] as const,
        ),
        ['gensim 4.2', theirs],
      ];
      for (const [name, results] of rows) {
        const column = (pick: (run: Run) => number): number[] => results.map(pick);
        const cells = [
          model,
          name,
          summary(
            column((r) => r.seconds),
            1,
          ),
          (mean(column((r) => r.seconds)) / peerSeconds).toFixed(2),
          summary(
            column((r) => r.cpuSeconds),
            1,
          ),
          (mean(column((r) => r.cpuSeconds)) / peerCpu).toFixed(2),
          summary(
            column((r) => r.analogy),
            2,
            100,
          ),
          summary(
            column((r) => r.wordsim353),
            3,
          ),
          summary(
            column((r) => r.simlex999),
            3,
          ),
        ];
        lines.push(`| ${cells.join(' | ')} |`);
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  writeFileSync(1, `${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.exitCode = 1;
  throw error;
});
