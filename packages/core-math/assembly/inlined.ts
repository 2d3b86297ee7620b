// The bodies of the hot kernels, inlined where they are called (AssemblyScript's `@inline`): the
// exported kernels in kernels.ts call them once, the engines' own loops (word2vec's
// assembly/sentence.ts, glove's assembly/glove.ts, separate modules that import this file) once per
// step, so a training step is one stretch of code without calls. Exports here are not module exports.

/** The dot product of the n floats at x and at y (see `dot`). */
// @ts-ignore: decorator
@inline
export function dotProduct(x: usize, y: usize, n: i32): f64 {
  let a = f32x4.splat(0);
  let b = f32x4.splat(0);
  const bytes = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 32 <= bytes; i += 32) {
    a = f32x4.add(a, f32x4.mul(v128.load(x + i), v128.load(y + i)));
    b = f32x4.add(b, f32x4.mul(v128.load(x + i, 16), v128.load(y + i, 16)));
  }
  return finishDot(a, b, x, y, i, bytes);
}

/** The two accumulators and the tail of `dot`, summed exactly as `dot` sums them. */
export function finishDot(a: v128, b: v128, x: usize, y: usize, i: usize, bytes: usize): f64 {
  if (i + 16 <= bytes) {
    a = f32x4.add(a, f32x4.mul(v128.load(x + i), v128.load(y + i)));
    i += 16;
  }
  a = f32x4.add(a, b);
  let sum =
    <f64>f32x4.extract_lane(a, 0) +
    <f64>f32x4.extract_lane(a, 1) +
    (<f64>f32x4.extract_lane(a, 2) + <f64>f32x4.extract_lane(a, 3));
  for (; i < bytes; i += 4) sum += <f64>load<f32>(x + i) * <f64>load<f32>(y + i);
  return sum;
}

/**
 * The logistic function read from a SigmoidTable's entries at table (size + 1 floats): clamped
 * to 1 above maxExp and 0 below -maxExp, NaN for NaN, exactly as SigmoidTable.sigmoid.
 */
export function tableSigmoid(x: f64, table: usize, maxExp: f64, factor: f64): f64 {
  if (x >= -maxExp && x <= maxExp)
    return <f64>load<f32>(table + ((<usize>(<i32>((x + maxExp) * factor))) << 2));
  return x > maxExp ? 1 : x < -maxExp ? 0 : NaN;
}

/** log σ from the log table at logTable, as SigmoidTable.logSigmoid: 0 above maxExp, x below -maxExp. */
export function tableLogSigmoid(x: f64, logTable: usize, maxExp: f64, factor: f64): f64 {
  if (x >= -maxExp && x <= maxExp) {
    return <f64>load<f32>(logTable + ((<usize>(<i32>((x + maxExp) * factor))) << 2));
  }
  return x > maxExp ? 0 : x;
}

/** One logistic step (see `logisticStep`). */
// @ts-ignore: decorator
@inline
export function fusedLogisticStep(
  hidden: usize,
  output: usize,
  gradient: usize,
  dim: i32,
  label: f64,
  lr: f64,
  table: usize,
  size: i32,
  maxExp: f64,
  factor: f64,
): f64 {
  const score = dotProduct(hidden, output, dim);
  return logisticUpdate(score, hidden, output, gradient, dim, label, lr, table, size, maxExp, factor);
}

/**
 * The update of one logistic step whose score (the dot product of hidden and output) is known:
 * adds g · output to gradient, then g · hidden to output, and returns the loss, as `logisticStep`.
 */
// @ts-ignore: decorator
@inline
export function logisticUpdate(
  score: f64,
  hidden: usize,
  output: usize,
  gradient: usize,
  dim: i32,
  label: f64,
  lr: f64,
  table: usize,
  size: i32,
  maxExp: f64,
  factor: f64,
): f64 {
  const g = <f32>((label - tableSigmoid(score, table, maxExp, factor)) * lr);
  const gs = f32x4.splat(g);
  const bytes = (<usize>dim) << 2;
  let i: usize = 0;
  for (; i + 32 <= bytes; i += 32) {
    const row = v128.load(output + i);
    const row2 = v128.load(output + i, 16);
    v128.store(gradient + i, f32x4.add(v128.load(gradient + i), f32x4.mul(gs, row)));
    v128.store(gradient + i, f32x4.add(v128.load(gradient + i, 16), f32x4.mul(gs, row2)), 16);
    v128.store(output + i, f32x4.add(row, f32x4.mul(gs, v128.load(hidden + i))));
    v128.store(output + i, f32x4.add(row2, f32x4.mul(gs, v128.load(hidden + i, 16))), 16);
  }
  if (i + 16 <= bytes) {
    const row = v128.load(output + i);
    v128.store(gradient + i, f32x4.add(v128.load(gradient + i), f32x4.mul(gs, row)));
    v128.store(output + i, f32x4.add(row, f32x4.mul(gs, v128.load(hidden + i))));
    i += 16;
  }
  for (; i < bytes; i += 4) {
    const row = load<f32>(output + i);
    store<f32>(gradient + i, load<f32>(gradient + i) + g * row);
    store<f32>(output + i, row + g * load<f32>(hidden + i));
  }
  const logTable = table + ((<usize>size + 1) << 2);
  return -tableLogSigmoid(label === 1 ? score : -score, logTable, maxExp, factor);
}
