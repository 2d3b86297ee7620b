/**
 * Child process of the bench: trains one algorithm on one corpus and writes its vectors, so each
 * algorithm's time and peak memory are its own and one that crashes cannot take the others down.
 * Reads a TrainSpec (JSON) from argv[2]; reports through MESSAGE_PREFIX lines on stdout.
 */
import { checkOptions, createRegistry } from '@embedkit/algorithms';
import {
  type Embedder,
  type TrainingProgress,
  WordVectors,
  isEmbeddingError,
  isSavableModel,
} from '@embedkit/core-math';
import { writeVectors } from '@embedkit/vector-io';
import { type ChildMessage, MESSAGE_PREFIX, type TrainSpec, type TrainingWork } from './protocol.js';

function send(message: ChildMessage): void {
  process.stdout.write(`${MESSAGE_PREFIX}${JSON.stringify(message)}\n`);
}

function vectorsOf(model: Embedder): WordVectors {
  const withVectors = model as Embedder & { wordVectors?: unknown };
  if (withVectors.wordVectors instanceof WordVectors) return withVectors.wordVectors;
  if (model instanceof WordVectors) return model;
  return WordVectors.fromEmbedder(model);
}

/** User + system CPU seconds this process has used so far (all its threads). */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** The work done so far that a training progress report states, if it states any. */
function workOf(progress: TrainingProgress): TrainingWork | undefined {
  if (progress.processed === undefined || progress.unit === undefined) return undefined;
  return {
    unit: progress.unit,
    processed: progress.processed,
    ...(progress.predictions === undefined ? {} : { predictions: progress.predictions }),
  };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as TrainSpec;
  const controller = new AbortController();
  process.once('SIGTERM', () => controller.abort());
  process.once('SIGINT', () => controller.abort());
  const registry = await createRegistry(spec.plugins);
  const algorithm = registry.get(spec.algo);
  if (!algorithm) throw new Error(`unknown algorithm ${spec.algo}; registered: ${registry.ids().join(', ')}`);
  checkOptions(algorithm, spec.options);
  const started = performance.now();
  let trainingStarted: number | undefined;
  let trainingWork: TrainingWork | undefined;
  const model = await algorithm.train(spec.corpus, spec.options, {
    threads: spec.threads,
    seed: spec.seed,
    signal: controller.signal,
    onProgress: (progress) => {
      if (progress.phase === 'training') {
        trainingStarted ??= performance.now();
        trainingWork = workOf(progress) ?? trainingWork;
      }
      send({ type: 'progress', progress });
    },
  });
  const finished = performance.now();
  const trainSeconds = (finished - started) / 1000;
  const vectors = vectorsOf(model);
  if (spec.modelFormat !== undefined && isSavableModel(model))
    await model.save(spec.output, spec.modelFormat);
  else await writeVectors(spec.output, vectors, { format: 'word2vec-binary' });
  send({
    type: 'result',
    trainSeconds,
    ...(trainingStarted === undefined ? {} : { trainingPhaseSeconds: (finished - trainingStarted) / 1000 }),
    ...(trainingWork === undefined ? {} : { trainingWork }),
    cpuSeconds: cpuSeconds(),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    vocabulary: vectors.size,
    dim: vectors.dim,
  });
}

main().catch((error: unknown) => {
  send({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
    ...(isEmbeddingError(error) ? { code: error.code } : {}),
  });
  process.exitCode = 1;
});
