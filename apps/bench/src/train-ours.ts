import { fileURLToPath } from 'node:url';
import { type ProgressDisplay, describeProgress } from './progress.js';
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
  display.start(spec.algo);
  let result: Extract<ChildMessage, { type: 'result' }> | undefined;
  let failure: string | undefined;
  const notes: string[] = [];
  const outcome = await runProcess(
    process.execPath,
    [childScript, JSON.stringify(spec)],
    (line, stream) => {
      if (stream !== 'stdout' || !line.startsWith(MESSAGE_PREFIX)) return;
      const message = JSON.parse(line.slice(MESSAGE_PREFIX.length)) as ChildMessage;
      if (message.type === 'progress') {
        const { progress } = message;
        if (progress.message !== undefined) notes.push(progress.message);
        if (progress.fraction !== undefined) display.update(progress.fraction, describeProgress(progress));
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
    display.finish(`failed: ${error}`);
    return { name: spec.algo, kind: 'ours', algo: spec.algo, options: spec.options, status: 'failed', error };
  }
  display.finish(
    `done in ${outcome.wallSeconds.toFixed(1)} s${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`,
  );
  return {
    name: spec.algo,
    kind: 'ours',
    algo: spec.algo,
    options: spec.options,
    status: 'ok',
    vectorsPath: spec.output,
    wallSeconds: outcome.wallSeconds,
    trainSeconds: result.trainSeconds,
    wordsPerSecond: (tokens * epochs) / outcome.wallSeconds,
    peakRssMb: result.peakRssMb,
    vocabulary: result.vocabulary,
  };
}
