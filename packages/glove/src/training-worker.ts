/**
 * Entry point of a GloVe training worker thread (Hogwild, as `glove -threads`): on each epoch
 * request it reshuffles its slice of the shared entries, trains on it with its own updater, and
 * reports the slice's cost.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Random } from '@embedkit/core-math';
import { GloveUpdater } from './glove-updater.js';
import { shuffleEntries, viewEntries } from './training-entries.js';
import type { EpochRequest, EpochResult, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const entries = viewEntries(setup.entries);
const random = Random.fromState(setup.random);
const updater = new GloveUpdater(
  {
    vocabSize: setup.vocabSize,
    dim: setup.dim,
    weights: new Float32Array(setup.weights),
    gradsq: new Float32Array(setup.gradsq),
  },
  entries,
  setup.lr,
  setup.gradClip,
);

parentPort?.on('message', ({ epoch }: EpochRequest) => {
  shuffleEntries(entries, setup.start, setup.end, setup.start + 1, random);
  const { cost, skipped } = updater.train(setup.start, setup.end);
  const result: EpochResult = { epoch, cost, skipped };
  parentPort?.postMessage(result);
});
