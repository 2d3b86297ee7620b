import { buildHuffmanTree } from './huffman-tree.js';
import type { NegativeSharing } from './objectives/negative-sampling.js';
import type { ObjectiveSetup } from './objectives/registry.js';

/**
 * The objectives that word2vec's and fastText's `hs` and `negative` options select over a
 * vocabulary: hierarchical softmax (when `hs`), then negative sampling (when `negative > 0`), in
 * the order word2vec applies them; `negativeSharing: 'window'` or `'block'` makes negative sampling share its
 * draws over skip-gram windows. `skipSaturated` (word2vec and gensim: `true`; fastText: absent)
 * leaves hierarchical-softmax nodes with a saturated score as they are.
 *
 * @param counts - the vocabulary's counts (the Huffman tree and the noise distribution)
 * @param noisePower - the noise distribution's exponent: 0.75 in word2vec, 0.5 in fastText
 * @param weightsOf - the weight matrix named `name` (`nodes`, `output`) of `rows` rows: new zeros
 *   for a new model, read from the file for a saved one
 */
export function objectivesForOptions(
  options: {
    readonly hs: boolean;
    readonly negative: number;
    readonly negativeSharing?: NegativeSharing;
    readonly skipSaturated?: boolean;
  },
  counts: Float64Array,
  noisePower: number,
  weightsOf: (name: string, rows: number) => Float32Array,
): ObjectiveSetup {
  const size = counts.length;
  const objectives: ObjectiveSetup[number][] = [];
  if (options.hs) {
    objectives.push({
      kind: 'hierarchical-softmax',
      tree: buildHuffmanTree(counts),
      nodeWeights: weightsOf('nodes', size - 1),
      skipSaturated: options.skipSaturated === true,
    });
  }
  if (options.negative > 0) {
    objectives.push({
      kind: 'negative-sampling',
      negative: options.negative,
      noiseCounts: counts,
      noisePower,
      outputWeights: weightsOf('output', size),
      ...(options.negativeSharing !== undefined && options.negativeSharing !== 'none'
        ? { sharing: options.negativeSharing }
        : {}),
    });
  }
  return objectives;
}
