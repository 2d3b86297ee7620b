import { kernels } from '@embedkit/core-math';
import type { GloveParameters } from './glove-parameters.js';
import type { TrainingEntries } from './training-entries.js';
import { ENTRY_SLOTS } from './training-entries.js';

/** What one pass over a range of entries did. */
export interface RangeResult {
  /** Σ ½ f(X_ij) (w_iᵀw̃_j + b_i + b̃_j − log X_ij)² over the entries, before each entry's update. */
  readonly cost: number;
  /** Entries whose error was not finite and were skipped (as `glove.c` skips them). */
  readonly skipped: number;
}

/**
 * The AdaGrad step of `glove.c` for one thread, with its own scratch buffers: for each entry, the
 * weighted error fdiff = f(X)·(w·w̃ + b + b̃ − log X); each gradient component clipped to
 * ±gradClip and scaled by the learning rate, divided by the square root of its running sum of
 * squares (then added to that sum); the vector updates applied only when they are all finite; the
 * biases stepped by fdiff / sqrt(sum) — without the learning rate, exactly as `glove.c` does.
 */
export class GloveUpdater {
  readonly #parameters: GloveParameters;
  readonly #entries: TrainingEntries;
  readonly #lr: number;
  readonly #gradClip: number;
  readonly #wordStep: Float32Array;
  readonly #contextStep: Float32Array;

  constructor(parameters: GloveParameters, entries: TrainingEntries, lr: number, gradClip: number) {
    this.#parameters = parameters;
    this.#entries = entries;
    this.#lr = lr;
    this.#gradClip = gradClip;
    this.#wordStep = new Float32Array(parameters.dim);
    this.#contextStep = new Float32Array(parameters.dim);
  }

  /** Trains on the entries in [start, end), in order. */
  train(start: number, end: number): RangeResult {
    const { dim, vocabSize, weights, gradsq } = this.#parameters;
    const { ints, floats } = this.#entries;
    const lr = this.#lr;
    const clip = this.#gradClip;
    const wordStep = this.#wordStep;
    const contextStep = this.#contextStep;
    const k = kernels();
    const stride = dim + 1;
    const contextBase = vocabSize * stride;
    let cost = 0;
    let skipped = 0;
    for (let e = start; e < end; e++) {
      const entry = e * ENTRY_SLOTS;
      const word = ints[entry]! * stride;
      const context = contextBase + ints[entry + 1]! * stride;
      const diff =
        k.dot(weights, word, weights, context, dim) +
        weights[word + dim]! +
        weights[context + dim]! -
        floats[entry + 2]!;
      const fdiff = floats[entry + 3]! * diff;
      if (!Number.isFinite(fdiff)) {
        skipped++;
        continue;
      }
      cost += 0.5 * fdiff * diff;
      let wordSum = 0;
      let contextSum = 0;
      for (let b = 0; b < dim; b++) {
        const wordGrad = Math.min(Math.max(fdiff * weights[context + b]!, -clip), clip) * lr;
        const contextGrad = Math.min(Math.max(fdiff * weights[word + b]!, -clip), clip) * lr;
        const ws = wordGrad / Math.sqrt(gradsq[word + b]!);
        const cs = contextGrad / Math.sqrt(gradsq[context + b]!);
        wordStep[b] = ws;
        contextStep[b] = cs;
        wordSum += ws;
        contextSum += cs;
        gradsq[word + b]! += wordGrad * wordGrad;
        gradsq[context + b]! += contextGrad * contextGrad;
      }
      if (Number.isFinite(wordSum) && Number.isFinite(contextSum)) {
        k.axpy(-1, wordStep, 0, weights, word, dim);
        k.axpy(-1, contextStep, 0, weights, context, dim);
      }
      const wordBiasStep = fdiff / Math.sqrt(gradsq[word + dim]!);
      const contextBiasStep = fdiff / Math.sqrt(gradsq[context + dim]!);
      if (Number.isFinite(wordBiasStep)) weights[word + dim]! -= wordBiasStep;
      if (Number.isFinite(contextBiasStep)) weights[context + dim]! -= contextBiasStep;
      const square = fdiff * fdiff;
      gradsq[word + dim]! += square;
      gradsq[context + dim]! += square;
    }
    return { cost, skipped };
  }
}
