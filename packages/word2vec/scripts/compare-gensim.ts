/**
 * Trains word2vec with @embedkit/word2vec and with gensim 4.2 on the same corpus and settings, and
 * evaluates both vector files with the same evaluator (gensim's `evaluate_word_analogies` and
 * `evaluate_word_pairs`), so the comparison is fair. Prints a Markdown table.
 *
 *   pnpm --filter @embedkit/word2vec compare:gensim [corpus] [--models skipgram,cbow] [--threads 2]
 *
 * Default corpus: ../shared/data/corpora/text8-head.txt (from the repository root). Needs
 * `/usr/bin/python3` with gensim. Vector files go to a temporary folder that is removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kernels } from '@embedkit/core-math';
import { trainWord2Vec } from '../src/index.js';

const repository = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const shared = resolve(repository, '../shared/data');

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
}

const corpus = resolve(
  process.argv[2]?.startsWith('--') === false ? process.argv[2] : join(shared, 'corpora/text8-head.txt'),
);
const models = argument('models', 'skipgram,cbow').split(',') as Array<'skipgram' | 'cbow'>;
const threads = Number(argument('threads', '2'));
const settings = { dim: 100, window: 5, negative: 5, hs: false, sample: 1e-4, epochs: 5, minCount: 5 };
const learningRate = { skipgram: 0.025, cbow: 0.05 } as const;

const GENSIM_TRAIN = `
import json, sys, time
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence
corpus, out, sg, alpha, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
start = time.time()
model = Word2Vec(LineSentence(corpus), vector_size=100, window=5, negative=5, hs=0, sample=1e-4, epochs=5,
                 min_count=5, sg=sg, alpha=alpha, min_alpha=1e-4, workers=threads, seed=1)
seconds = time.time() - start
model.wv.save_word2vec_format(out, binary=True)
print(json.dumps({"seconds": seconds, "words": model.corpus_total_words}))
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

interface Row {
  readonly model: string;
  readonly implementation: string;
  readonly seconds: number;
  readonly cpuSeconds?: number;
  readonly analogy: number;
  readonly wordsim353: number;
  readonly simlex999: number;
  readonly size: number;
}

function evaluate(vectors: string): { analogy: number; wordsim353: number; simlex999: number; size: number } {
  const output = execFileSync('/usr/bin/python3', [
    '-c',
    GENSIM_EVALUATE,
    vectors,
    join(shared, 'eval/questions-words.txt'),
    join(shared, 'eval/wordsim353.tsv'),
    join(shared, 'eval/simlex999.txt'),
  ]);
  return JSON.parse(output.toString());
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'word2vec-vs-gensim-'));
  const rows: Row[] = [];
  try {
    for (const model of models) {
      const ours = join(folder, `ours-${model}.bin`);
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const trained = await trainWord2Vec(
        corpus,
        { ...settings, model, lr: learningRate[model] },
        { threads, seed: 1 },
      );
      const seconds = (performance.now() - started) / 1000;
      // Worker threads run in this process, so its CPU time includes theirs.
      const cpu = process.cpuUsage(cpuBefore);
      await trained.saveVectors(ours, 'word2vec-binary');
      rows.push({
        model,
        implementation: `embedkit (${kernels().name} kernels)`,
        seconds,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        ...evaluate(ours),
      });

      const theirs = join(folder, `gensim-${model}.bin`);
      const gensim = JSON.parse(
        execFileSync('/usr/bin/python3', [
          '-c',
          GENSIM_TRAIN,
          corpus,
          theirs,
          model === 'skipgram' ? '1' : '0',
          String(learningRate[model]),
          String(threads),
        ]).toString(),
      ) as { seconds: number };
      rows.push({ model, implementation: 'gensim 4.2', seconds: gensim.seconds, ...evaluate(theirs) });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const lines = [
    `corpus: ${corpus}; dim 100, window 5, negative 5, hs off, sample 1e-4, 5 epochs, minCount 5, threads ${threads}`,
    '',
    '| model | implementation | train s | time / gensim | analogy (30k) | WS-353 ρ | SimLex-999 ρ | words |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const peer = rows.find((r) => r.model === row.model && r.implementation === 'gensim 4.2')!;
    lines.push(
      `| ${row.model} | ${row.implementation} | ${row.seconds.toFixed(1)} | ${(row.seconds / peer.seconds).toFixed(2)} | ${(100 * row.analogy).toFixed(2)} % | ${row.wordsim353.toFixed(3)} | ${row.simlex999.toFixed(3)} | ${row.size} |`,
    );
  }
  const report = lines.join('\n');
  writeFileSync(1, `${report}\n`);
  writeFileSync(
    1,
    `${JSON.stringify(rows.map(({ model, implementation, cpuSeconds }) => ({ model, implementation, cpuSeconds })))}\n`,
  );
}

main().catch((error: unknown) => {
  process.exitCode = 1;
  throw error;
});
