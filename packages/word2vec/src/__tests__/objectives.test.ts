import { ConfigError, Random } from '@embedkit/core-math';
import {
  SigmoidTable,
  allocateFloat32,
  tsKernels,
  useKernels,
  wasmKernels,
} from '@embedkit/core-math/kernels';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHuffmanTree } from '../huffman-tree.js';
import type { OneVsAllConfig } from '../objectives/one-vs-all.js';
import {
  OBJECTIVES,
  createObjective,
  descriptorOf,
  runsInWasm,
  validateObjectives,
} from '../objectives/registry.js';
import type { SoftmaxConfig } from '../objectives/softmax.js';
import { createSentenceTables } from '../sentence-kernel.js';
import type { EngineSetup } from '../training-state.js';
import { testObjectives } from './objective-helpers.js';

const wasm = wasmKernels();
afterAll(() => useKernels(wasm));

const tools = { math: tsKernels, sigmoid: new SigmoidTable(512, 8), random: new Random(1) };
const hidden = Float32Array.from([0.5, -0.25]);
const initial = [0.1, 0.2, -0.3, 0.4, 0.05, -0.1];

/** fastText's SoftmaxLoss::forward on plain numbers, in double precision. */
function softmaxReference(
  target: number,
  lr: number,
): { weights: number[]; gradient: number[]; loss: number } {
  const weights = [...initial];
  const scores = [0, 1, 2].map((i) => weights[2 * i]! * hidden[0]! + weights[2 * i + 1]! * hidden[1]!);
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const z = exps.reduce((a, b) => a + b, 0);
  const output = exps.map((e) => e / z);
  const gradient = [0, 0];
  for (let i = 0; i < 3; i++) {
    const alpha = lr * ((i === target ? 1 : 0) - output[i]!);
    for (let d = 0; d < 2; d++) gradient[d]! += alpha * weights[2 * i + d]!;
    for (let d = 0; d < 2; d++) weights[2 * i + d]! += alpha * hidden[d]!;
  }
  return { weights, gradient, loss: -Math.log(output[target]! + 1e-5) };
}

describe('objective descriptors', () => {
  it('lists the four objectives by kind', () => {
    expect([...OBJECTIVES.keys()].sort()).toEqual([
      'hierarchical-softmax',
      'negative-sampling',
      'one-vs-all',
      'softmax',
    ]);
  });

  it('softmax trains as fastText’s SoftmaxLoss::forward', () => {
    const config: SoftmaxConfig = { kind: 'softmax', outputWeights: Float32Array.from(initial) };
    const objective = createObjective([config], 2, tools);
    const gradient = new Float32Array(2);
    const loss = objective.update(hidden, 0, Int32Array.of(2, 0), 2, 0, 0.1, gradient);
    const expected = softmaxReference(2, 0.1);
    expect(loss).toBeCloseTo(expected.loss, 5);
    for (const [i, w] of [...config.outputWeights].entries()) expect(w).toBeCloseTo(expected.weights[i]!, 6);
    for (const [i, g] of [...gradient].entries()) expect(g).toBeCloseTo(expected.gradient[i]!, 6);
  });

  it('one-vs-all pushes every positive label up and every other label down', () => {
    const config: OneVsAllConfig = { kind: 'one-vs-all', outputWeights: Float32Array.from(initial) };
    const objective = createObjective([config], 2, tools);
    const gradient = new Float32Array(2);
    // Labels 0 and 2 are positive, 1 is not.
    const loss = objective.update(hidden, 0, Int32Array.of(0, 2), 2, 0, 0.1, gradient);
    const expectedGradient = [0, 0];
    let expectedLoss = 0;
    for (let i = 0; i < 3; i++) {
      const row = initial.slice(2 * i, 2 * i + 2);
      const score = row[0]! * hidden[0]! + row[1]! * hidden[1]!;
      const label = i === 1 ? 0 : 1;
      const alpha = 0.1 * (label - tools.sigmoid.sigmoid(score));
      for (let d = 0; d < 2; d++) {
        expectedGradient[d]! += alpha * row[d]!;
        // To the sigmoid table's step (a float32 score may fall in the neighbouring entry).
        expect(config.outputWeights[2 * i + d]).toBeCloseTo(row[d]! + alpha * hidden[d]!, 3);
      }
      expectedLoss += label === 1 ? -tools.sigmoid.logSigmoid(score) : -tools.sigmoid.logSigmoid(-score);
    }
    expect(loss).toBeCloseTo(expectedLoss, 2);
    for (const [i, g] of [...gradient].entries()) expect(g).toBeCloseTo(expectedGradient[i]!, 3);
    // Moving label 1 down and 0, 2 up: the positive labels now score higher.
    const scores = [0, 1, 2].map(
      (i) => config.outputWeights[2 * i]! * 0.5 - config.outputWeights[2 * i + 1]! * 0.25,
    );
    const before = [0, 1, 2].map((i) => initial[2 * i]! * 0.5 - initial[2 * i + 1]! * 0.25);
    expect(scores[0]! - before[0]!).toBeGreaterThan(0);
    expect(scores[1]! - before[1]!).toBeLessThan(0);
    expect(scores[2]! - before[2]!).toBeGreaterThan(0);
  });

  it('hierarchical softmax leaves a saturated node as it is when asked (word2vec, gensim), not otherwise (fastText)', () => {
    const sigmoid = new SigmoidTable(1000, 6);
    // Three words: a root (row 0) and one inner node (row 1). Scores with hidden (1, 1): row 0 at 7
    // (saturated), row 1 at 0.5.
    const tree = buildHuffmanTree([1, 1, 2]);
    const start = [3.5, 3.5, 0.25, 0.25];
    const target = tree.offsets.findIndex((offset, w) => tree.offsets[w + 1]! - offset === 2);
    const train = (skipSaturated: boolean) => {
      const nodeWeights = Float32Array.from(start);
      const objective = createObjective(
        [{ kind: 'hierarchical-softmax', tree, nodeWeights, skipSaturated }],
        2,
        { ...tools, sigmoid },
      );
      const gradient = new Float32Array(2);
      const loss = objective.update(Float32Array.of(1, 1), 0, Int32Array.of(target), 1, 0, 0.1, gradient);
      return { nodeWeights, gradient, loss };
    };
    const path = [tree.offsets[target]!, tree.offsets[target]! + 1];
    expect(path.map((k) => tree.nodes[k])).toEqual([1, 0]);
    const labels = path.map((k) => 1 - tree.codes[k]!);
    // The saturated root is on the wrong side (label 0 at score 7): fastText moves it, gensim does not.
    expect(labels).toEqual([1, 0]);
    // Node 1, not saturated: the same step either way.
    const g1 = 0.1 * (labels[0]! - sigmoid.sigmoid(0.5));
    const saturatedLoss = -sigmoid.logSigmoid(labels[1] === 1 ? 7 : -7);
    const skipped = train(true);
    expect([...skipped.nodeWeights]).toEqual([3.5, 3.5, ...[0.25, 0.25].map((w) => Math.fround(w + g1))]);
    expect(skipped.gradient[0]).toBeCloseTo(g1 * 0.25, 7);
    expect(skipped.loss).toBeCloseTo(-sigmoid.logSigmoid(labels[0] === 1 ? 0.5 : -0.5) + saturatedLoss, 6);
    // Without skipping, the root moves by (label - 1) · lr: nothing for label 1, a full step for 0.
    const updated = train(false);
    const g0 = 0.1 * (labels[1]! - 1);
    expect(updated.nodeWeights[0]).toBeCloseTo(3.5 + g0, 6);
    expect(updated.gradient[0]).toBeCloseTo(g1 * 0.25 + g0 * 3.5, 6);
    expect(updated.loss).toBeCloseTo(skipped.loss, 6);
  });

  it('rejects an unknown kind, no objective, a ragged matrix and objectives over different outputs', () => {
    expect(() => descriptorOf({ kind: 'hinge' } as never)).toThrow(/objective.*negative-sampling/);
    expect(() => validateObjectives([], 2)).toThrow(ConfigError);
    expect(() => validateObjectives([{ kind: 'softmax', outputWeights: new Float32Array(5) }], 2)).toThrow(
      /outputWeights/,
    );
    expect(() =>
      validateObjectives(
        [
          { kind: 'softmax', outputWeights: new Float32Array(6) },
          { kind: 'one-vs-all', outputWeights: new Float32Array(4) },
        ],
        2,
      ),
    ).toThrow(/one-vs-all/);
  });

  it('a run with an objective without WebAssembly trains with the TypeScript loop', () => {
    useKernels(wasm);
    const dim = 2;
    const base: Omit<EngineSetup, 'objectives'> = {
      architecture: 'skipgram',
      dim,
      window: 1,
      cbowMean: true,
      inputWeights: allocateFloat32(3 * dim),
      encoder: null,
      keepProbabilities: null,
      sigmoid: { size: 512, maxExp: 8 },
    };
    const withNs: EngineSetup = { ...base, objectives: testObjectives([3, 2, 1], { negative: 2 }, dim) };
    const ns = withNs.objectives[0]!;
    const kernelNs = { ...ns, outputWeights: allocateFloat32(3 * dim) };
    const softmax: SoftmaxConfig = { kind: 'softmax', outputWeights: allocateFloat32(3 * dim) };
    expect(runsInWasm([kernelNs])).toBe(true);
    expect(createSentenceTables({ ...base, objectives: [kernelNs] }, 3)).not.toBeNull();
    expect(runsInWasm([softmax])).toBe(false);
    expect(descriptorOf(softmax).wasm).toBeNull();
    expect(createSentenceTables({ ...base, objectives: [softmax] }, 3)).toBeNull();
    expect(createSentenceTables({ ...base, objectives: [kernelNs, softmax] }, 3)).toBeNull();
  });
});
