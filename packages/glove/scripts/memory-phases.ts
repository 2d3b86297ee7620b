/**
 * Peak resident memory of a GloVe run per phase (vocabulary, co-occurrence counting, training),
 * with the bench's GloVe settings by default (text8-head, dim 100, window 10, xMax 10, minCount 5,
 * 2 threads, `memory` 1024 MB):
 *
 *   npx tsx packages/glove/scripts/memory-phases.ts [--corpus FILE] [--epochs 15] [--memory 1024]
 *
 * It runs the built package (`pnpm build` first), as a user does. The resident set is sampled every 10 ms; a sample counts towards the phase of the next progress
 * report (a report comes at the end of a stretch of work). Prints a Markdown table, and the
 * process's own peak (`maxRSS`), which also covers what happens between samples.
 */
import { parseArgs } from 'node:util';
import { corpora } from '@embedkit/datasets';
import { trainGlove } from '@embedkit/glove';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    epochs: { type: 'string', default: '15' },
    memory: { type: 'string', default: '1024' },
    threads: { type: 'string', default: '2' },
  },
});
const corpus = values.corpus ?? (await corpora.text8Head.path());
const megabytes = (bytes: number): number => Math.round(bytes / 2 ** 20);
const peaks = new Map<string, number>();
let pending = 0;
const sample = (): void => {
  pending = Math.max(pending, process.memoryUsage.rss());
};
const timer = setInterval(sample, 10);
const started = performance.now();
await trainGlove(
  corpus,
  {
    dim: 100,
    epochs: Number(values.epochs),
    window: 10,
    xMax: 10,
    minCount: 5,
    memory: Number(values.memory),
  },
  {
    threads: Number(values.threads),
    seed: 1,
    onProgress: ({ phase }) => {
      sample();
      peaks.set(phase, Math.max(peaks.get(phase) ?? 0, pending));
      pending = 0;
    },
  },
);
clearInterval(timer);
const seconds = (performance.now() - started) / 1000;
process.stdout.write('| phase | peak resident MB |\n| --- | ---: |\n');
for (const [phase, bytes] of peaks) process.stdout.write(`| ${phase} | ${megabytes(bytes)} |\n`);
process.stdout.write(
  `| whole process (maxRSS) | ${Math.round(process.resourceUsage().maxRSS / 1024)} |\n\n${seconds.toFixed(1)} s\n`,
);
