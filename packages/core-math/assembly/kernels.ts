// The WebAssembly SIMD vector kernels of @embedkit/core-math (AssemblyScript).
//
// Every pointer is a byte address in the imported shared memory; vectors hold f32 values and may
// start at any multiple of 4 (v128 loads and stores need no alignment). Loops take 8 floats per
// step in two f32x4 accumulators, then 4, then single floats for the tail. Dot products add the
// lanes and the tail in f64. Ranges must not partially overlap (an identical range is fine).
// Compiled by `pnpm --filter @embedkit/core-math generate` into src/generated/kernels-wasm.ts.

import { dotProduct, finishDot, fusedLogisticStep } from './inlined';

/** The dot product of the n floats at x and at y. */
export function dot(x: usize, y: usize, n: i32): f64 {
  return dotProduct(x, y, n);
}

/** y += alpha · x over n floats. */
export function axpy(alpha: f32, x: usize, y: usize, n: i32): void {
  const a = f32x4.splat(alpha);
  const bytes = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 32 <= bytes; i += 32) {
    v128.store(y + i, f32x4.add(v128.load(y + i), f32x4.mul(a, v128.load(x + i))));
    v128.store(y + i, f32x4.add(v128.load(y + i, 16), f32x4.mul(a, v128.load(x + i, 16))), 16);
  }
  if (i + 16 <= bytes) {
    v128.store(y + i, f32x4.add(v128.load(y + i), f32x4.mul(a, v128.load(x + i))));
    i += 16;
  }
  for (; i < bytes; i += 4) store<f32>(y + i, load<f32>(y + i) + alpha * load<f32>(x + i));
}

/** x *= alpha over n floats. */
export function scale(alpha: f32, x: usize, n: i32): void {
  const a = f32x4.splat(alpha);
  const bytes = (<usize>n) << 2;
  let i: usize = 0;
  for (; i + 16 <= bytes; i += 16) v128.store(x + i, f32x4.mul(a, v128.load(x + i)));
  for (; i < bytes; i += 4) store<f32>(x + i, alpha * load<f32>(x + i));
}

/** out[r] = dot(row r of the row-major block at matrix, x) for r in 0..rows. */
export function matVec(matrix: usize, rows: i32, dim: i32, x: usize, out: usize): void {
  const rowBytes = (<usize>dim) << 2;
  for (let r: usize = 0; r < <usize>rows; r++) {
    store<f32>(out + (r << 2), <f32>dot(matrix + r * rowBytes, x, dim));
  }
}

/**
 * out[t · outStride + r] = dot(row r of the block at matrix, row t of terms) for r in 0..rows and
 * t in 0..termCount (outStride in floats): a block × terms product, two rows by two terms at a
 * time so each loaded row and term chunk serves two products. Every product is summed exactly as
 * `dot` sums it, so the results are matVec's bit for bit.
 */
export function matMul(
  matrix: usize,
  rows: i32,
  dim: i32,
  terms: usize,
  termCount: i32,
  out: usize,
  outStride: i32,
): void {
  const rowBytes = (<usize>dim) << 2;
  const strideBytes = (<usize>outStride) << 2;
  const bytes = rowBytes;
  const evenRows = <usize>(rows & ~1);
  const evenTerms = <usize>(termCount & ~1);
  for (let t: usize = 0; t < evenTerms; t += 2) {
    const y0 = terms + t * rowBytes;
    const y1 = y0 + rowBytes;
    const out0 = out + t * strideBytes;
    const out1 = out0 + strideBytes;
    for (let r: usize = 0; r < evenRows; r += 2) {
      const x0 = matrix + r * rowBytes;
      const x1 = x0 + rowBytes;
      let a00 = f32x4.splat(0);
      let b00 = f32x4.splat(0);
      let a01 = f32x4.splat(0);
      let b01 = f32x4.splat(0);
      let a10 = f32x4.splat(0);
      let b10 = f32x4.splat(0);
      let a11 = f32x4.splat(0);
      let b11 = f32x4.splat(0);
      let i: usize = 0;
      for (; i + 32 <= bytes; i += 32) {
        const r0 = v128.load(x0 + i);
        const r1 = v128.load(x1 + i);
        const s0 = v128.load(y0 + i);
        const s1 = v128.load(y1 + i);
        a00 = f32x4.add(a00, f32x4.mul(r0, s0));
        a01 = f32x4.add(a01, f32x4.mul(r0, s1));
        a10 = f32x4.add(a10, f32x4.mul(r1, s0));
        a11 = f32x4.add(a11, f32x4.mul(r1, s1));
        const q0 = v128.load(x0 + i, 16);
        const q1 = v128.load(x1 + i, 16);
        const u0 = v128.load(y0 + i, 16);
        const u1 = v128.load(y1 + i, 16);
        b00 = f32x4.add(b00, f32x4.mul(q0, u0));
        b01 = f32x4.add(b01, f32x4.mul(q0, u1));
        b10 = f32x4.add(b10, f32x4.mul(q1, u0));
        b11 = f32x4.add(b11, f32x4.mul(q1, u1));
      }
      store<f32>(out0 + (r << 2), <f32>finishDot(a00, b00, x0, y0, i, bytes));
      store<f32>(out1 + (r << 2), <f32>finishDot(a01, b01, x0, y1, i, bytes));
      store<f32>(out0 + ((r + 1) << 2), <f32>finishDot(a10, b10, x1, y0, i, bytes));
      store<f32>(out1 + ((r + 1) << 2), <f32>finishDot(a11, b11, x1, y1, i, bytes));
    }
    if (evenRows < <usize>rows) {
      const x = matrix + evenRows * rowBytes;
      store<f32>(out0 + (evenRows << 2), <f32>dot(x, y0, dim));
      store<f32>(out1 + (evenRows << 2), <f32>dot(x, y1, dim));
    }
  }
  if (evenTerms < <usize>termCount) {
    matVec(matrix, rows, dim, terms + evenTerms * rowBytes, out + evenTerms * strideBytes);
  }
}

/**
 * The i in 0..n where s = wa·a[i] + wb·b[i] + wc·c[i] (products and sums in f64, in that order,
 * rounded to f32) exceeds threshold: writes i to indices and s to scores, in order, and returns how
 * many. Four rows per step, each lane pair in f64x2; rows below the threshold are only compared.
 */
export function weightedSumAbove(
  a: usize,
  wa: f64,
  b: usize,
  wb: f64,
  c: usize,
  wc: f64,
  n: i32,
  threshold: f32,
  scores: usize,
  indices: usize,
): i32 {
  const wa2 = f64x2.splat(wa);
  const wb2 = f64x2.splat(wb);
  const wc2 = f64x2.splat(wc);
  const limit = f32x4.splat(threshold);
  const bytes = (<usize>n) << 2;
  let count: i32 = 0;
  let i: usize = 0;
  for (; i + 16 <= bytes; i += 16) {
    const va = v128.load(a + i);
    const vb = v128.load(b + i);
    const vc = v128.load(c + i);
    const low = f64x2.add(
      f64x2.add(f64x2.mul(wa2, f64x2.promote_low_f32x4(va)), f64x2.mul(wb2, f64x2.promote_low_f32x4(vb))),
      f64x2.mul(wc2, f64x2.promote_low_f32x4(vc)),
    );
    const ha = v128.shuffle<f32>(va, va, 2, 3, 0, 1);
    const hb = v128.shuffle<f32>(vb, vb, 2, 3, 0, 1);
    const hc = v128.shuffle<f32>(vc, vc, 2, 3, 0, 1);
    const high = f64x2.add(
      f64x2.add(f64x2.mul(wa2, f64x2.promote_low_f32x4(ha)), f64x2.mul(wb2, f64x2.promote_low_f32x4(hb))),
      f64x2.mul(wc2, f64x2.promote_low_f32x4(hc)),
    );
    const sums = v128.shuffle<f32>(f32x4.demote_f64x2_zero(low), f32x4.demote_f64x2_zero(high), 0, 1, 4, 5);
    if (v128.any_true(f32x4.gt(sums, limit))) {
      const row = <i32>(i >> 2);
      count = keepAbove(f32x4.extract_lane(sums, 0), threshold, row, scores, indices, count);
      count = keepAbove(f32x4.extract_lane(sums, 1), threshold, row + 1, scores, indices, count);
      count = keepAbove(f32x4.extract_lane(sums, 2), threshold, row + 2, scores, indices, count);
      count = keepAbove(f32x4.extract_lane(sums, 3), threshold, row + 3, scores, indices, count);
    }
  }
  for (; i < bytes; i += 4) {
    const sum = <f32>(wa * <f64>load<f32>(a + i) + wb * <f64>load<f32>(b + i) + wc * <f64>load<f32>(c + i));
    count = keepAbove(sum, threshold, <i32>(i >> 2), scores, indices, count);
  }
  return count;
}

/** Appends (row, score) to the candidates when score > threshold; returns the new count. */
function keepAbove(score: f32, threshold: f32, row: i32, scores: usize, indices: usize, count: i32): i32 {
  if (!(score > threshold)) return count;
  const at = (<usize>count) << 2;
  store<f32>(scores + at, score);
  store<i32>(indices + at, row);
  return count + 1;
}

/**
 * One negative-sampling / hierarchical-softmax step of word2vec, fused: score = dot(hidden,
 * output), g = (label - σ(score)) · lr, gradient += g · output (the row before its update),
 * output += g · hidden. table holds σ then log σ (2 · (size + 1) floats) and factor is
 * size / maxExp / 2. Returns the pair's loss: -log σ(score) for label 1, -log σ(-score) otherwise.
 */
export function logisticStep(
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
  return fusedLogisticStep(hidden, output, gradient, dim, label, lr, table, size, maxExp, factor);
}

