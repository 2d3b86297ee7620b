#!/usr/bin/env node
// Phrase learning, embedkit vs gensim 4.2 in one run, on text8-head (or --input FILE): learning
// time (wall and CPU), freeze time, peak memory, and the Jaccard overlap of the phrase sets.
// Each side runs in its own process, one after the other. Needs `pnpm build` and python3-gensim.
// Usage: node scripts/phrases-vs-gensim.mjs [--input FILE] [--scoring npmi --threshold 0.5] [--english]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    scoring: { type: 'string', default: 'default' },
    threshold: { type: 'string' },
    'min-count': { type: 'string', default: '5' },
    english: { type: 'boolean', default: false },
    ours: { type: 'boolean', default: false },
  },
});
const scoring = values.scoring;
const task = {
  minCount: Number(values['min-count']),
  threshold: Number(values.threshold ?? (scoring === 'npmi' ? 0.5 : 10)),
  scoring,
  english: values.english,
};
const corpus = new URL('../packages/corpus/dist/index.js', import.meta.url);

async function ours(input) {
  const { ENGLISH_CONNECTOR_WORDS, Phrases } = await import(corpus);
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const cpuBefore = cpu();
  const started = performance.now();
  const phrases = await Phrases.learn(input, {
    minCount: task.minCount,
    threshold: task.threshold,
    scoring: task.scoring,
    ...(task.english ? { connectorWords: ENGLISH_CONNECTOR_WORDS } : {}),
  });
  const learnSeconds = (performance.now() - started) / 1000;
  const learnCpuSeconds = cpu() - cpuBefore;
  const frozenAt = performance.now();
  const frozen = phrases.freeze();
  const freezeSeconds = (performance.now() - frozenAt) / 1000;
  return {
    learnSeconds,
    learnCpuSeconds,
    freezeSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    vocabularySize: phrases.vocabularySize,
    corpusWords: phrases.corpusWords,
    phrases: Object.fromEntries(frozen.phrases),
  };
}

if (values.ours) {
  process.stdout.write(JSON.stringify(await ours(values.input)));
} else {
  let input = values.input;
  if (input === undefined) {
    const { corpora } = await import(new URL('../packages/datasets/dist/index.js', import.meta.url));
    input = await corpora.text8Head.path();
  }
  const self = fileURLToPath(import.meta.url);
  const run = (command, args) => JSON.parse(execFileSync(command, args, { maxBuffer: 1 << 30 }).toString());
  const flags = [
    '--input',
    input,
    '--scoring',
    scoring,
    '--threshold',
    String(task.threshold),
    '--min-count',
    String(task.minCount),
  ];
  const a = run(process.execPath, [self, '--ours', ...flags, ...(task.english ? ['--english'] : [])]);
  const script = fileURLToPath(new URL('./gensim_phrases.py', import.meta.url));
  const g = run('/usr/bin/python3', [script, JSON.stringify({ input, ...task })]);
  const ourSet = new Set(Object.keys(a.phrases));
  const theirs = Object.keys(g.phrases);
  const common = theirs.filter((p) => ourSet.has(p));
  const maxScoreDiff = Math.max(0, ...common.map((p) => Math.abs(a.phrases[p] - g.phrases[p])));
  const jaccard = common.length / (ourSet.size + theirs.length - common.length || 1);
  const row = (name, r) =>
    `| ${name} | ${r.learnSeconds.toFixed(2)} | ${r.learnCpuSeconds.toFixed(2)} | ${r.freezeSeconds.toFixed(2)} | ${r.peakRssMb.toFixed(0)} | ${r.vocabularySize} | ${Object.keys(r.phrases).length} |`;
  console.log(`corpus ${input}: ${a.corpusWords} tokens (gensim ${g.corpusWords}); ${JSON.stringify(task)}`);
  console.log('| | learn s | learn CPU s | freeze s | peak RSS MB | counted entries | phrases |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(row('embedkit', a));
  console.log(row(`gensim ${g.version}`, g));
  console.log(
    `Jaccard ${jaccard.toFixed(4)} (${common.length} common of ${ourSet.size} / ${theirs.length}); max |score diff| ${maxScoreDiff.toExponential(2)}; learning time ratio ${(a.learnSeconds / g.learnSeconds).toFixed(2)} (CPU ${(a.learnCpuSeconds / g.learnCpuSeconds).toFixed(2)})`,
  );
}
