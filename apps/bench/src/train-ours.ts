import { fileURLToPath } from 'node:url';
import { type ProgressDisplay, TrainProgress } from '@embedkit/cli';
import { type ChildMessage, MESSAGE_PREFIX, type TrainSpec } from './protocol.js';
import type { ModelRow } from './results.js';
import { runProcess } from './run-process.js';

const childScript = fileURLToPath(new URL('./train-one.js', import.meta.url));

/**
 * Trains one of our algorithms in a child process (its own time and peak memory; a crash stays
 * in its row) with live progress.
 */
export async function trainOurs(
  spec: TrainSpec,
  tokens: number,
  display: ProgressDisplay,
  signal?: AbortSignal,
): Promise<ModelRow> {
  const progress = new TrainProgress(display, spec.algo);
  progress.start();
  let result: Extract<ChildMessage, { type: 'result' }> | undefined;
  let failure: string | undefined;
  const outcome = await runProcess(
    process.execPath,
    [childScript, JSON.stringify(spec)],
    (line, stream) => {
      if (stream !== 'stdout' || !line.startsWith(MESSAGE_PREFIX)) return;
      const message = JSON.parse(line.slice(MESSAGE_PREFIX.length)) as ChildMessage;
      if (message.type === 'progress') {
        progress.report(message.progress);
      } else if (message.type === 'result') {
        result = message;
      } else {
        failure = message.code === undefined ? message.message : `${message.code}: ${message.message}`;
      }
    },
    signal,
  );
  const epochs = typeof spec.options.epochs === 'number' ? spec.options.epochs : 1;
  if (result === undefined || outcome.status !== 0) {
    const error = failure ?? (outcome.stderrTail.slice(-3).join(' | ') || `exit status ${outcome.status}`);
    progress.finish(`failed: ${error}`);
    return { name: spec.algo, kind: 'ours', algo: spec.algo, options: spec.options, status: 'failed', error };
  }
  progress.finish(`done in ${outcome.wallSeconds.toFixed(1)} s`);
  return {
    name: spec.algo,
    kind: 'ours',
    algo: spec.algo,
    options: spec.options,
    status: 'ok',
    vectorsPath: spec.output,
    wallSeconds: outcome.wallSeconds,
    trainSeconds: result.trainSeconds,
    ...(result.trainingPhaseSeconds === undefined
      ? {}
      : { trainingPhaseSeconds: result.trainingPhaseSeconds }),
    ...(result.trainingWork === undefined ? {} : { trainingWork: result.trainingWork }),
    cpuSeconds: result.cpuSeconds,
    wordsPerSecond: (tokens * epochs) / outcome.wallSeconds,
    peakRssMb: result.peakRssMb,
    vocabulary: result.vocabulary,
  };
}
