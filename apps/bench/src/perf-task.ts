/**
 * Child process of the perf preset: one timed operation of ours — evaluating analogies on a model,
 * or loading a vector file — so its time, CPU time and peak memory are its own. Reads a PerfTask
 * (JSON) from argv[2] and prints one PerfTaskResult as JSON on stdout; peers/gensim_perf.py does
 * the same for gensim.
 */
import { loadModel } from '@embedkit/algorithms';
import { evaluateWordAnalogies } from '@embedkit/similarity';
import { readVectors } from '@embedkit/vector-io';
import type { PerfTask, PerfTaskResult } from './perf-result.js';

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

async function timed(operation: () => Promise<Record<string, number>>): Promise<PerfTaskResult> {
  const cpuBefore = cpuSeconds();
  const started = performance.now();
  const figures = await operation();
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    cpuSeconds: cpuSeconds() - cpuBefore,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    figures,
  };
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '{}') as PerfTask;
  let result: PerfTaskResult;
  if (task.kind === 'analogy') {
    const { vectors } = await loadModel(task.vectors);
    result = await timed(async () => {
      const evaluation = await evaluateWordAnalogies(vectors, task.questions, {
        restrictVocab: task.restrictVocab,
      });
      const total = evaluation.sections.find((section) => section.section === 'Total accuracy');
      return {
        accuracy: evaluation.accuracy,
        correct: total?.correct ?? 0,
        incorrect: total?.incorrect ?? 0,
      };
    });
  } else {
    result = await timed(async () => {
      const vectors = await readVectors(task.vectors, { format: 'glove' });
      return { words: vectors.size, dim: vectors.dim };
    });
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
