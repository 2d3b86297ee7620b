// GloVe's AdaGrad training step (Pennington, Socher and Manning, 2014, as the Stanford tools'
// glove.c computes it) over a block of co-occurrence entries, in WebAssembly SIMD (AssemblyScript).
// Its own module, instantiated on the kernels' shared memory (core-math's KernelModule, from
// src/generated/glove-wasm.ts); the TypeScript reference is GloveKernel's TypeScript path (src/glove-kernel.ts).

import { dotProduct } from '../../core-math/assembly/inlined';

/** Bytes per training entry: row (i32), column (i32), log X (f32), f(X) (f32). */
const ENTRY_BYTES: usize = 16;

/** How many entries ahead the rows are touched, so their cache misses overlap this entry's work. */
const PREFETCH: usize = 2;

/**
 * Trains on the `count` entries at `entries`, in order, and returns their summed cost
 * Σ ½·f(X)·diff² (each before its entry's update). `weights` and `gradsq` hold 2·vocabSize rows of
 * dim + 1 floats (word rows w_i, b_i, then context rows w̃_j, b̃_j; AdaGrad sums of squared
 * gradients alike); `scratch` holds 2·dim floats. Per entry: diff = w_i·w̃_j + b_i + b̃_j − log X,
 * fdiff = f(X)·diff (the entry is skipped when not finite); each gradient component fdiff·w̃_j
 * (resp. fdiff·w_i) clipped to ±gradClip and times lr, divided by the square root of its sum, which
 * then grows by its square; both vector updates applied only when every step is finite; biases
 * stepped by fdiff / sqrt(sum) when finite (no lr), their sums growing by fdiff².
 */
export function gloveAdaGrad(
  weights: usize,
  gradsq: usize,
  entries: usize,
  count: i32,
  scratch: usize,
  vocabSize: i32,
  dim: i32,
  lr: f32,
  gradClip: f32,
): f64 {
  const rowBytes = (<usize>dim + 1) << 2;
  const contextBase = <usize>vocabSize * rowBytes;
  const bytes = (<usize>dim) << 2;
  const vectorBytes = bytes & ~(<usize>15);
  const wordSteps = scratch;
  const contextSteps = scratch + bytes;
  const lo = f32x4.splat(-gradClip);
  const hi = f32x4.splat(gradClip);
  const rate = f32x4.splat(lr);
  let cost: f64 = 0;
  let touched: i32 = 0;
  const end = entries + <usize>count * ENTRY_BYTES;
  for (let entry = entries; entry < end; entry += ENTRY_BYTES) {
    const ahead = entry + PREFETCH * ENTRY_BYTES;
    if (ahead < end) {
      const nextWord = <usize>load<i32>(ahead) * rowBytes;
      const nextContext = contextBase + <usize>load<i32>(ahead, 4) * rowBytes;
      for (let o: usize = 0; o < rowBytes; o += 64) {
        touched +=
          load<i32>(weights + nextWord + o) +
          load<i32>(weights + nextContext + o) +
          load<i32>(gradsq + nextWord + o) +
          load<i32>(gradsq + nextContext + o);
      }
    }
    const word = <usize>load<i32>(entry) * rowBytes;
    const context = contextBase + <usize>load<i32>(entry, 4) * rowBytes;
    const w = weights + word;
    const c = weights + context;
    const diff =
      dotProduct(w, c, dim) + <f64>load<f32>(w + bytes) + <f64>load<f32>(c + bytes) - <f64>load<f32>(entry, 8);
    const fdiff = <f64>load<f32>(entry, 12) * diff;
    if (!Number.isFinite(fdiff)) continue;
    cost += 0.5 * fdiff * diff;
    const gw = gradsq + word;
    const gc = gradsq + context;
    const f = <f32>fdiff;
    const fs = f32x4.splat(f);
    // Finite steps subtract to 0; a non-finite one makes `bad` NaN.
    let bad = f32x4.splat(0);
    let i: usize = 0;
    for (; i < vectorBytes; i += 16) {
      const wordGrad = f32x4.mul(f32x4.min(f32x4.max(f32x4.mul(fs, v128.load(c + i)), lo), hi), rate);
      const contextGrad = f32x4.mul(f32x4.min(f32x4.max(f32x4.mul(fs, v128.load(w + i)), lo), hi), rate);
      const wordSumSq = v128.load(gw + i);
      const contextSumSq = v128.load(gc + i);
      const wordStep = f32x4.div(wordGrad, f32x4.sqrt(wordSumSq));
      const contextStep = f32x4.div(contextGrad, f32x4.sqrt(contextSumSq));
      v128.store(wordSteps + i, wordStep);
      v128.store(contextSteps + i, contextStep);
      v128.store(gw + i, f32x4.add(wordSumSq, f32x4.mul(wordGrad, wordGrad)));
      v128.store(gc + i, f32x4.add(contextSumSq, f32x4.mul(contextGrad, contextGrad)));
      bad = f32x4.add(bad, f32x4.add(f32x4.sub(wordStep, wordStep), f32x4.sub(contextStep, contextStep)));
    }
    let badTail: f32 = 0;
    for (; i < bytes; i += 4) {
      const wordGrad = min(max(f * load<f32>(c + i), -gradClip), gradClip) * lr;
      const contextGrad = min(max(f * load<f32>(w + i), -gradClip), gradClip) * lr;
      const wordSumSq = load<f32>(gw + i);
      const contextSumSq = load<f32>(gc + i);
      const wordStep = wordGrad / sqrt<f32>(wordSumSq);
      const contextStep = contextGrad / sqrt<f32>(contextSumSq);
      store<f32>(wordSteps + i, wordStep);
      store<f32>(contextSteps + i, contextStep);
      store<f32>(gw + i, wordSumSq + wordGrad * wordGrad);
      store<f32>(gc + i, contextSumSq + contextGrad * contextGrad);
      badTail += wordStep - wordStep + (contextStep - contextStep);
    }
    const finite =
      f32x4.extract_lane(bad, 0) +
        f32x4.extract_lane(bad, 1) +
        f32x4.extract_lane(bad, 2) +
        f32x4.extract_lane(bad, 3) +
        badTail ===
      0;
    if (finite) {
      for (i = 0; i < vectorBytes; i += 16) {
        v128.store(w + i, f32x4.sub(v128.load(w + i), v128.load(wordSteps + i)));
        v128.store(c + i, f32x4.sub(v128.load(c + i), v128.load(contextSteps + i)));
      }
      for (; i < bytes; i += 4) {
        store<f32>(w + i, load<f32>(w + i) - load<f32>(wordSteps + i));
        store<f32>(c + i, load<f32>(c + i) - load<f32>(contextSteps + i));
      }
    }
    const wordBiasSumSq = <f64>load<f32>(gw + bytes);
    const contextBiasSumSq = <f64>load<f32>(gc + bytes);
    const wordBiasStep = fdiff / Math.sqrt(wordBiasSumSq);
    const contextBiasStep = fdiff / Math.sqrt(contextBiasSumSq);
    if (Number.isFinite(wordBiasStep)) store<f32>(w + bytes, <f32>(<f64>load<f32>(w + bytes) - wordBiasStep));
    if (Number.isFinite(contextBiasStep))
      store<f32>(c + bytes, <f32>(<f64>load<f32>(c + bytes) - contextBiasStep));
    const square = fdiff * fdiff;
    store<f32>(gw + bytes, <f32>(wordBiasSumSq + square));
    store<f32>(gc + bytes, <f32>(contextBiasSumSq + square));
  }
  // Keeps the look-ahead loads (their values do not matter; the scratch is free to overwrite).
  store<i32>(scratch, touched);
  return cost;
}
