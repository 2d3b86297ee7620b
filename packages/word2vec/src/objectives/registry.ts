import { ConfigError } from '@embedkit/core-math';
import { type HierarchicalSoftmaxConfig, hierarchicalSoftmax } from './hierarchical-softmax.js';
import { type NegativeSamplingConfig, negativeSampling } from './negative-sampling.js';
import type { Objective, ObjectiveDescriptor, ObjectiveMatrix, ObjectiveTools } from './objective.js';
import { type OneVsAllConfig, oneVsAll } from './one-vs-all.js';
import { type SoftmaxConfig, softmax } from './softmax.js';

/**
 * The setup of one objective: plain data (typed arrays, numbers) that can be posted to worker
 * threads, told apart by `kind`. A new objective adds its config here and its descriptor to
 * {@link OBJECTIVES}.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export type ObjectiveConfig =
  | NegativeSamplingConfig
  | HierarchicalSoftmaxConfig
  | SoftmaxConfig
  | OneVsAllConfig;

/**
 * The objectives a run trains, in the order their updates are applied to each prediction (their
 * gradients add up: word2vec's `-hs 1 -negative N` is hierarchical softmax, then negative sampling).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export type ObjectiveSetup = ReadonlyArray<ObjectiveConfig>;

/**
 * Every objective the engine knows, by kind (worker threads look descriptors up here, since code
 * cannot be posted to them).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export const OBJECTIVES: ReadonlyMap<ObjectiveConfig['kind'], ObjectiveDescriptor<ObjectiveConfig>> = new Map(
  [negativeSampling, hierarchicalSoftmax, softmax, oneVsAll].map((descriptor) => [
    descriptor.kind,
    descriptor as ObjectiveDescriptor<ObjectiveConfig>,
  ]),
);

/**
 * The descriptor of `config`.
 *
 * @throws ConfigError when its kind is not one of {@link OBJECTIVES}
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function descriptorOf<Config extends ObjectiveConfig>(config: Config): ObjectiveDescriptor<Config> {
  const descriptor = OBJECTIVES.get(config.kind);
  if (descriptor === undefined) {
    throw new ConfigError('objective', String(config.kind), [...OBJECTIVES.keys()].join(', '));
  }
  return descriptor as ObjectiveDescriptor<Config>;
}

/**
 * Checks every objective of `setup` and that they all predict over the same outputs.
 *
 * @returns the number of outputs
 * @throws ConfigError when `setup` is empty, an objective is invalid or two disagree
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function validateObjectives(setup: ObjectiveSetup, dim: number): number {
  if (!Array.isArray(setup) || setup.length === 0) {
    throw new ConfigError('objectives', 'none', `at least one of ${[...OBJECTIVES.keys()].join(', ')}`);
  }
  let outputs: number | undefined;
  for (const config of setup) {
    const count = descriptorOf(config).validate(config, dim);
    if (outputs !== undefined && count !== outputs) {
      throw new ConfigError(config.kind, `${count} outputs`, `the ${outputs} outputs of ${setup[0]!.kind}`);
    }
    outputs = count;
  }
  return outputs!;
}

/**
 * The weight matrices of every objective of `setup`, with the objective's kind.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function objectiveMatrices(
  setup: ObjectiveSetup,
): Array<ObjectiveMatrix & { readonly kind: ObjectiveConfig['kind'] }> {
  return setup.flatMap((config) =>
    descriptorOf(config)
      .matrices(config)
      .map((matrix) => ({ ...matrix, kind: config.kind })),
  );
}

/**
 * `setup` with every weight matrix replaced by `replace(matrix)` (same size).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function mapObjectiveMatrices(
  setup: ObjectiveSetup,
  replace: (weights: Float32Array) => Float32Array,
): ObjectiveSetup {
  return setup.map((config) => {
    const descriptor = descriptorOf(config);
    return descriptor.withMatrices(
      config,
      descriptor.matrices(config).map((matrix) => replace(matrix.weights)),
    );
  });
}

/**
 * Whether every objective of `setup` has a WebAssembly packing (otherwise a run trains with the
 * TypeScript loop).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function runsInWasm(setup: ObjectiveSetup): boolean {
  return setup.every((config) => descriptorOf(config).wasm !== null);
}

/** The objectives of `setup` summed into one, in order. */
class SummedObjectives implements Objective {
  readonly #parts: ReadonlyArray<Objective>;

  constructor(parts: ReadonlyArray<Objective>) {
    this.#parts = parts;
  }

  update(
    hidden: Float32Array,
    hiddenOffset: number,
    targets: Int32Array,
    targetCount: number,
    targetIndex: number,
    lr: number,
    gradient: Float32Array,
  ): number {
    let loss = 0;
    for (const part of this.#parts) {
      loss += part.update(hidden, hiddenOffset, targets, targetCount, targetIndex, lr, gradient);
    }
    return loss;
  }
}

/**
 * Builds the objective `setup` describes for one thread (several objectives add their gradients).
 *
 * @throws ConfigError when the setup is invalid (see {@link validateObjectives})
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function createObjective(setup: ObjectiveSetup, dim: number, tools: ObjectiveTools): Objective {
  validateObjectives(setup, dim);
  const parts = setup.map((config) => descriptorOf(config).create(config, dim, tools));
  return parts.length === 1 ? parts[0]! : new SummedObjectives(parts);
}
