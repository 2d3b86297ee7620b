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

// What `dotProducts` leaves: the score of x against each of its rows (module globals, not memory).
export let dotScore0: f64 = 0;
export let dotScore1: f64 = 0;
export let dotScore2: f64 = 0;
export let dotScore3: f64 = 0;

/**
 * The dot products of the n floats at x with the n floats at each of y0..y3, `count` of them (1 to
 * 4; the rows past count are not read), left in dotScore0..dotScore3. Every 4-float chunk of x is
 * loaded once for all rows, and each row keeps `dotProduct`'s two accumulators and `finishDot`'s
 * sum, so every score has the bits `dotProduct(x, y, n)` gives.
 */
// @ts-ignore: decorator
@inline
export function dotProducts(x: usize, y0: usize, y1: usize, y2: usize, y3: usize, count: i32, n: i32): void {
  let a0 = f32x4.splat(0);
  let b0 = f32x4.splat(0);
  let a1 = f32x4.splat(0);
  let b1 = f32x4.splat(0);
  let a2 = f32x4.splat(0);
  let b2 = f32x4.splat(0);
  let a3 = f32x4.splat(0);
  let b3 = f32x4.splat(0);
  const bytes = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 32 <= bytes; i += 32) {
    const x0 = v128.load(x + i);
    const x1 = v128.load(x + i, 16);
    a0 = f32x4.add(a0, f32x4.mul(x0, v128.load(y0 + i)));
    b0 = f32x4.add(b0, f32x4.mul(x1, v128.load(y0 + i, 16)));
    if (count > 1) {
      a1 = f32x4.add(a1, f32x4.mul(x0, v128.load(y1 + i)));
      b1 = f32x4.add(b1, f32x4.mul(x1, v128.load(y1 + i, 16)));
    }
    if (count > 2) {
      a2 = f32x4.add(a2, f32x4.mul(x0, v128.load(y2 + i)));
      b2 = f32x4.add(b2, f32x4.mul(x1, v128.load(y2 + i, 16)));
    }
    if (count > 3) {
      a3 = f32x4.add(a3, f32x4.mul(x0, v128.load(y3 + i)));
      b3 = f32x4.add(b3, f32x4.mul(x1, v128.load(y3 + i, 16)));
    }
  }
  dotScore0 = finishDot(a0, b0, x, y0, i, bytes);
  if (count > 1) dotScore1 = finishDot(a1, b1, x, y1, i, bytes);
  if (count > 2) dotScore2 = finishDot(a2, b2, x, y2, i, bytes);
  if (count > 3) dotScore3 = finishDot(a3, b3, x, y3, i, bytes);
}

/**
 * The updates of up to four logistic steps of `hidden` against distinct rows r0..r3 (0: no row)
 * with gains g0..g3, in one pass: per 4-float chunk the gradient stays in a register and takes
 * g · row (the row before its update) for each row in order, then each row takes g · hidden and
 * is stored once. The same float32 operations in the same order as `logisticUpdate` on each row in
 * turn, so the same bits, as long as no row is hidden or gradient and no row comes twice.
 */
// @ts-ignore: decorator
@inline
export function fusedUpdates(
  hidden: usize,
  gradient: usize,
  dim: i32,
  r0: usize,
  g0: f32,
  r1: usize,
  g1: f32,
  r2: usize,
  g2: f32,
  r3: usize,
  g3: f32,
): void {
  const s0 = f32x4.splat(g0);
  const s1 = f32x4.splat(g1);
  const s2 = f32x4.splat(g2);
  const s3 = f32x4.splat(g3);
  const bytes = (<usize>dim) << 2;
  let i: usize = 0;
  for (; i + 16 <= bytes; i += 16) {
    const h = v128.load(hidden + i);
    let sum = v128.load(gradient + i);
    if (r0 !== 0) {
      const row = v128.load(r0 + i);
      sum = f32x4.add(sum, f32x4.mul(s0, row));
      v128.store(r0 + i, f32x4.add(row, f32x4.mul(s0, h)));
    }
    if (r1 !== 0) {
      const row = v128.load(r1 + i);
      sum = f32x4.add(sum, f32x4.mul(s1, row));
      v128.store(r1 + i, f32x4.add(row, f32x4.mul(s1, h)));
    }
    if (r2 !== 0) {
      const row = v128.load(r2 + i);
      sum = f32x4.add(sum, f32x4.mul(s2, row));
      v128.store(r2 + i, f32x4.add(row, f32x4.mul(s2, h)));
    }
    if (r3 !== 0) {
      const row = v128.load(r3 + i);
      sum = f32x4.add(sum, f32x4.mul(s3, row));
      v128.store(r3 + i, f32x4.add(row, f32x4.mul(s3, h)));
    }
    v128.store(gradient + i, sum);
  }
  for (; i < bytes; i += 4) {
    const h = load<f32>(hidden + i);
    let sum = load<f32>(gradient + i);
    if (r0 !== 0) {
      const row = load<f32>(r0 + i);
      sum += g0 * row;
      store<f32>(r0 + i, row + g0 * h);
    }
    if (r1 !== 0) {
      const row = load<f32>(r1 + i);
      sum += g1 * row;
      store<f32>(r1 + i, row + g1 * h);
    }
    if (r2 !== 0) {
      const row = load<f32>(r2 + i);
      sum += g2 * row;
      store<f32>(r2 + i, row + g2 * h);
    }
    if (r3 !== 0) {
      const row = load<f32>(r3 + i);
      sum += g3 * row;
      store<f32>(r3 + i, row + g3 * h);
    }
    store<f32>(gradient + i, sum);
  }
}
