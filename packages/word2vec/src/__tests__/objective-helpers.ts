import { objectiveMatrices, type ObjectiveSetup } from '../objectives/registry.js';
import { objectivesForOptions } from '../options-objectives.js';
import { sharedFloat32Array } from '../shared-arrays.js';

/** word2vec's objectives over `counts` (hierarchical softmax when `hs`, then negative sampling), weights zero. */
export function testObjectives(
  counts: ArrayLike<number>,
  options: { readonly hs?: boolean; readonly negative?: number },
  dim: number,
): ObjectiveSetup {
  return objectivesForOptions(
    { hs: options.hs ?? false, negative: options.negative ?? 0, skipSaturated: true },
    Float64Array.from(counts),
    0.75,
    (_name, rows) => sharedFloat32Array(rows * dim),
  );
}

/** The weight matrix named `name` (`output`, `nodes`) of `objectives`, or `null` when none has it. */
export function weightsNamed(objectives: ObjectiveSetup, name: string): Float32Array | null {
  return objectiveMatrices(objectives).find((matrix) => matrix.name === name)?.weights ?? null;
}
