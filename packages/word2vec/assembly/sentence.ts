// The word2vec / fastText sentence loop of @embedkit/word2vec in WebAssembly (AssemblyScript):
// subsampling, the dynamic window, skip-gram or CBOW, negative sampling and/or hierarchical
// softmax, an optional input encoder. It makes exactly the random draws, in the same order, that
// the TypeScript loop (src/engine.ts, src/objectives/) makes with core-math's Random
// (xoshiro128**) and NoiseDistribution (alias table), so both train the same pairs.
//
// It is its own module, instantiated on the kernels' shared memory (core-math's KernelModule);
// core-math's kernels it calls are inlined. Two blocks in the shared memory drive it;
// src/sentence-kernel.ts writes them; the word index of every header field comes from
// sentence-layout.json, generated for both sides (assembly/generated, src/generated):
// - the tables (read-only, shared by all threads): a header of settings and byte addresses, then
//   the tables themselves;
// - one workspace per thread: the random state, the results of the last call, then the hidden
//   vector and its update (dim floats each) and the negatives drawn for two predictions.

import {
  dotProduct,
  dotProducts,
  dotScore0,
  dotScore1,
  dotScore2,
  dotScore3,
  fusedUpdates,
  tableLogSigmoid,
  tableSigmoid,
} from '../../core-math/assembly/inlined';
import { axpy, scale } from '../../core-math/assembly/kernels';
import {
  T_ALIAS_TABLE,
  T_ARCHITECTURE,
  T_CBOW_MEAN,
  T_DIM,
  T_ENCODER_OFFSETS,
  T_ENCODER_ROWS,
  T_FACTOR,
  T_INPUT,
  T_KEEP,
  T_MAX_EXP,
  T_NEGATIVE,
  T_NODES,
  T_OUTPUT,
  T_SIGMOID,
  T_SHARED_BLOCK,
  T_SHARED_DRAWS,
  T_SIGMOID_SIZE,
  T_TREE_OFFSETS,
  T_TREE_PATH,
  T_TREE_SKIP_SATURATED,
  T_VOCABULARY,
  T_WINDOW,
  W_GRADIENT,
  W_HIDDEN,
  W_NEXT,
  W_NOISE,
  W_PREDICTIONS,
  W_RANDOM,
  W_SHARED,
  W_SINK,
  W_STATUS,
  W_WORDS,
} from './generated/sentence-layout';

// Status codes.
const OK: i32 = 0;
const SENTENCE_TOO_LONG: i32 = 1;
const BAD_ID: i32 = 2;
const BAD_STARTS: i32 = 3;

// This thread's random state while a call runs (each thread has its own instance).
let s0: u32 = 0;
let s1: u32 = 0;
let s2: u32 = 0;
let s3: u32 = 0;

// Settings of the current call, loaded from the table header.
let dim: i32 = 0;
let window: u32 = 0;
let input: usize = 0;
let encoderOffsets: usize = 0;
let encoderRows: usize = 0;
let negative: i32 = 0;
let output: usize = 0;
let aliasTable: usize = 0;
let noiseDraws: usize = 0;
let sink: v128 = i32x4.splat(0);
let vocabulary: u32 = 0;
let treeOffsets: usize = 0;
let treePath: usize = 0;
let treeSkipSaturated: bool = false;
let nodes: usize = 0;
let sigmoid: usize = 0;
let sigmoidSize: i32 = 0;
let maxExp: f64 = 0;
let factor: f64 = 0;
let hidden: usize = 0;
let gradient: usize = 0;
let rowBytes: usize = 0;
// Negatives shared over a skip-gram window: context rows per block (0: not shared), and the
// block's scratch in the workspace: input row addresses, output row addresses (target first),
// 16 zero bytes, the update factor of every (input, output) pair (each in the four lanes of a
// v128), the inputs' updates (sharedBlock x dim floats).
let sharedBlock: i32 = 0;
// Whether each block draws its own negatives and the target is predicted pair by pair, before the
// block (negativeSharing 'block'), rather than one draw per window with the target in the block.
let sharedDraws: bool = false;
let blockInputs: usize = 0;
let blockOutputs: usize = 0;
let blockZero: usize = 0;
let blockUpdates: usize = 0;
let blockInputUpdates: usize = 0;

function word(block: usize, index: i32): i32 {
  return load<i32>(block + ((<usize>index) << 2));
}

/** xoshiro128**, as Random.nextUint32. */
function nextUint32(): u32 {
  const result = rotl<u32>(s1 * 5, 7) * 9;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl<u32>(s3, 11);
  return result;
}

/** Random.nextInt(n): Lemire's multiply-and-shift up to 2^21, rejection plus remainder above. */
function nextInt(n: u32): u32 {
  if (n <= 1 << 21) {
    let product = <u64>nextUint32() * <u64>n;
    if (<u32>product < n) {
      const rejectBelow = <u32>(0x100000000 % <u64>n);
      while (<u32>product < rejectBelow) product = <u64>nextUint32() * <u64>n;
    }
    return <u32>(product >> 32);
  }
  const rejectBelow = <u32>(0x100000000 % <u64>n);
  let x = nextUint32();
  while (x < rejectBelow) x = nextUint32();
  return x % n;
}

/** NoiseDistribution.sample: a column, then a 32-bit coin against its threshold. */
function sampleNoise(): i32 {
  const entry = aliasTable + ((<usize>nextInt(vocabulary)) << 3);
  const coin = nextUint32();
  return coin < load<u32>(entry) ? <i32>((entry - aliasTable) >> 3) : load<i32>(entry, 4);
}

/** Zeroes one row (a v128 loop: memory.fill calls out of the module, costly for 400 bytes). */
function zero(address: usize): void {
  const zeros = f32x4.splat(0);
  let i: usize = 0;
  for (; i + 16 <= rowBytes; i += 16) v128.store(address + i, zeros);
  for (; i < rowBytes; i += 4) store<f32>(address + i, 0);
}

/**
 * Draws the negatives of one prediction into `draws` and reads their rows, so they load while the
 * previous prediction's steps run. The steps draw nothing, so drawing a prediction's negatives
 * before the previous one trains keeps the random stream in the TypeScript loop's order.
 */
function drawNegatives(draws: usize): void {
  const count = negative;
  for (let d = 0; d < count; d++) store<i32>(draws + ((<usize>d) << 2), sampleNoise());
  // The reads of all rows in one short run, so their cache misses overlap.
  const bytes = rowBytes;
  let seen = sink;
  for (let d = 0; d < count; d++) {
    const row = output + <usize>load<i32>(draws + ((<usize>d) << 2)) * bytes;
    for (let i: usize = 0; i < bytes; i += 64) seen = v128.or(seen, v128.load(row + i));
  }
  sink = seen;
}

// The outputs of the prediction being trained, as outputRow and outputLabel read them: hierarchical
// softmax's path (outputsOnPath; outputsAt: its packed entries, node << 1 | branch) or negative
// sampling's target (outputsTarget) then its draws (outputsAt).
let outputsOnPath = false;
let outputsAt: usize = 0;
let outputsTarget: i32 = 0;

/** The row of output k of the prediction, or 0 for none (a draw that hits the target). */
function outputRow(k: i32): usize {
  if (outputsOnPath) return nodes + (<usize>(word(outputsAt, k) >>> 1)) * rowBytes;
  if (k === 0) return output + <usize>outputsTarget * rowBytes;
  const noise = word(outputsAt, k - 1);
  // A draw that hits the target is not a negative example.
  return noise === outputsTarget ? 0 : output + <usize>noise * rowBytes;
}

/** The label of output k: word2vec's branch 0 on a path, the target against its negatives. */
function outputLabel(k: i32): f64 {
  if (outputsOnPath) return <f64>(1 - (word(outputsAt, k) & 1));
  return k === 0 ? 1 : 0;
}

/** Whether output `at`'s row is already the row of one of outputs from..at - 1. */
function repeatsRow(from: i32, at: i32): bool {
  const row = outputRow(at);
  if (row === 0) return false;
  for (let k = from; k < at; k++) if (outputRow(k) === row) return true;
  return false;
}

// The outputs one batched step trains at most.
const BATCH: i32 = 4;

// The loss summed by scoredGain, in the order of the outputs.
let batchLoss: f64 = 0;
// The update scoredGain computed.
let gain: f32 = 0;

/**
 * One output of a batched step, scored: adds its loss to batchLoss, leaves its update in `gain`,
 * and returns its row, or 0 when it is not updated (no row; or a node whose score is saturated, at
 * or beyond ±maxExp, under treeSkipSaturated: word2vec's and gensim's rule, its loss still counts).
 */
function scoredGain(row: usize, score: f64, label: f64, lr: f64): usize {
  if (row === 0) return 0;
  const logTable = sigmoid + ((<usize>sigmoidSize + 1) << 2);
  batchLoss -= tableLogSigmoid(label === 1 ? score : -score, logTable, maxExp, factor);
  if (outputsOnPath && treeSkipSaturated && (score <= -maxExp || score >= maxExp)) return 0;
  gain = <f32>((label - tableSigmoid(score, sigmoid, maxExp, factor)) * lr);
  return row;
}

/**
 * Outputs first..first + count - 1 (at most BATCH, distinct rows) in one batched step, with the
 * bits of one logistic step per output in turn: every score comes from the rows before any update
 * (no row comes twice, so the same scores), then one pass updates the gradient and the rows.
 */
function batchedStep(hiddenAt: usize, first: i32, count: i32, lr: f64): void {
  const r0 = outputRow(first);
  const r1 = count > 1 ? outputRow(first + 1) : 0;
  const r2 = count > 2 ? outputRow(first + 2) : 0;
  const r3 = count > 3 ? outputRow(first + 3) : 0;
  // A missing row reads the hidden vector instead; its score is not used.
  dotProducts(
    hiddenAt,
    r0 !== 0 ? r0 : hiddenAt,
    r1 !== 0 ? r1 : hiddenAt,
    r2 !== 0 ? r2 : hiddenAt,
    r3 !== 0 ? r3 : hiddenAt,
    count,
    dim,
  );
  const u0 = scoredGain(r0, dotScore0, outputLabel(first), lr);
  const g0 = gain;
  const u1 = count > 1 ? scoredGain(r1, dotScore1, outputLabel(first + 1), lr) : 0;
  const g1 = gain;
  const u2 = count > 2 ? scoredGain(r2, dotScore2, outputLabel(first + 2), lr) : 0;
  const g2 = gain;
  const u3 = count > 3 ? scoredGain(r3, dotScore3, outputLabel(first + 3), lr) : 0;
  const g3 = gain;
  if ((u0 | u1 | u2 | u3) !== 0) fusedUpdates(hiddenAt, gradient, dim, u0, g0, u1, g1, u2, g2, u3, g3);
}

/**
 * The logistic steps of the prediction's `count` outputs (outputRow), in batched steps of up to
 * BATCH outputs; a row that comes again (a noise word drawn twice) starts a new batch, so it is
 * scored after its first update, as in the TypeScript loop. Returns `loss` plus their losses.
 */
function trainOutputs(hiddenAt: usize, count: i32, lr: f64, loss: f64): f64 {
  batchLoss = loss;
  for (let first = 0; first < count; ) {
    let end = first + 1;
    while (end < count && end - first < BATCH && !repeatsRow(first, end)) end++;
    batchedStep(hiddenAt, first, end - first, lr);
    first = end;
  }
  return batchLoss;
}

/** The objective: hierarchical softmax along the target's path, then the negatives in `draws`. */
function objective(hiddenAt: usize, target: i32, lr: f64, draws: usize): f64 {
  let loss: f64 = 0;
  if (treeOffsets !== 0) {
    const from = word(treeOffsets, target);
    outputsOnPath = true;
    outputsAt = treePath + ((<usize>from) << 2);
    loss = trainOutputs(hiddenAt, word(treeOffsets, target + 1) - from, lr, loss);
  }
  if (negative > 0) {
    outputsOnPath = false;
    outputsAt = draws;
    outputsTarget = target;
    loss = trainOutputs(hiddenAt, negative + 1, lr, loss);
  }
  return loss;
}

function inputRow(row: i32): usize {
  return input + <usize>row * rowBytes;
}

/** Whether token `token` has input rows (always, without an encoder). */
function hasRows(token: i32): bool {
  return encoderOffsets === 0 || word(encoderOffsets, token) !== word(encoderOffsets, token + 1);
}

// The skip-gram walk: the pair after the current one (centre i, context j, window end to), with
// the window of a new centre drawn as the walk reaches it.
let walkCenter: i32 = 0;
let walkContext: i32 = 0;
let walkTo: i32 = 0;

/** Moves the skip-gram walk to its first pair (centre 0). */
function startWalk(length: i32): void {
  walkCenter = -1;
  walkTo = 0;
  walkContext = 0;
  nextCenter(length);
}

/** Moves the walk to the first pair of the next centre, drawing its window (none past the end). */
function nextCenter(length: i32): void {
  walkCenter++;
  if (walkCenter >= length) return;
  const reach = <i32>(window - nextInt(window));
  walkContext = max(0, walkCenter - reach);
  walkTo = min(length, walkCenter + reach + 1);
  if (walkContext === walkCenter) walkContext++;
}

/** Moves the walk to its next pair. */
function advanceWalk(length: i32): void {
  walkContext++;
  if (walkContext === walkCenter) walkContext++;
  if (walkContext >= walkTo) nextCenter(length);
}

/**
 * Skip-gram over the kept sentence (see engine.ts: word2vec's pairs, or fastText's with an
 * encoder), one pair ahead: the next pair's window and negatives are drawn before this pair trains.
 */
function skipGram(sentence: usize, length: i32, lr: f64, workspace: usize): f64 {
  let loss: f64 = 0;
  let predictions = 0;
  let draws = noiseDraws;
  let nextDraws = noiseDraws + ((<usize>negative) << 2);
  startWalk(length);
  // The pair the walk is at trains when its centre has rows; only then are its negatives drawn.
  let trains = hasRows(word(sentence, walkCenter));
  if (trains) drawNegatives(draws);
  while (walkCenter < length) {
    const centerAt = walkCenter;
    const center = word(sentence, centerAt);
    const j = walkContext;
    advanceWalk(length);
    const nextTrains = walkCenter < length && hasRows(word(sentence, walkCenter));
    if (nextTrains) drawNegatives(nextDraws);
    if (trains) {
      zero(gradient);
      if (encoderOffsets === 0) {
        const row = inputRow(word(sentence, j));
        loss += objective(row, center, lr, draws);
        axpy(1, gradient, row, dim);
      } else {
        // fastText's pairs: the centre's rows (the word and its subwords) predict the context word.
        sumInputRows(sentence, centerAt, centerAt + 1, -1, hidden);
        scale(<f32>(1 / <f64>(endEntry(center) - firstEntry(center))), hidden, dim);
        loss += objective(hidden, word(sentence, j), lr, draws);
        addToInputRows(sentence, centerAt, centerAt + 1, -1, gradient);
      }
      predictions++;
    }
    trains = nextTrains;
    const swap = draws;
    draws = nextDraws;
    nextDraws = swap;
  }
  store<i32>(workspace + (W_PREDICTIONS << 2), word(workspace, W_PREDICTIONS) + predictions);
  return loss;
}

/** Output rows whose accumulators sharedBlockStep keeps in registers at once. */
const OUTPUT_GROUP: i32 = 4;

/** The address of output row `o` of the block (blockOutputs[o]). */
function blockOutput(o: i32): usize {
  return load<usize>(blockOutputs + ((<usize>o) << 2));
}

/** The address of input row `c` of the block (blockInputs[c]). */
function blockInput(c: i32): usize {
  return load<usize>(blockInputs + ((<usize>c) << 2));
}

/**
 * How many outputs from `first` on train together as a group: up to OUTPUT_GROUP, ending before
 * a row already in the group (an output drawn twice takes its second update from its updated row,
 * so the two are in different groups, trained one after the other).
 */
function outputGroup(first: i32, outputCount: i32): i32 {
  const end = min(outputCount, first + OUTPUT_GROUP);
  for (let o = first + 1; o < end; o++) {
    const row = blockOutput(o);
    for (let p = first; p < o; p++) if (blockOutput(p) === row) return o - first;
  }
  return end - first;
}

/**
 * The update factor g = (label − σ(score)) · lr of output `o` (label 1 for the target, output 0;
 * 0 for a negative), stored in all four lanes of the v128 at `at`; returns `loss` minus the
 * prediction's log σ.
 */
// @ts-ignore: decorator
@inline
function storeBlockUpdate(score: f64, o: i32, at: usize, lr: f64, loss: f64): f64 {
  const isTarget = o === 0 && !sharedDraws;
  const label: f64 = isTarget ? 1 : 0;
  v128.store(at, f32x4.splat(<f32>((label - tableSigmoid(score, sigmoid, maxExp, factor)) * lr)));
  const logTable = sigmoid + ((<usize>sigmoidSize + 1) << 2);
  return loss - tableLogSigmoid(isTarget ? score : -score, logTable, maxExp, factor);
}

/**
 * The scores of input row `inputAt` against the n (1 to OUTPUT_GROUP, a constant where inlined)
 * outputs from `first`, in one pass over the input (`dotProducts`: dotProduct's bits for each).
 * Stores the outputs' update factors from `updatesAt` on and returns `loss` minus their log σ, in
 * order.
 */
// @ts-ignore: decorator
@inline
function scoreGroup(inputAt: usize, first: i32, n: i32, updatesAt: usize, lr: f64, loss: f64): f64 {
  const t0 = blockOutput(first);
  const t1 = n > 1 ? blockOutput(first + 1) : t0;
  const t2 = n > 2 ? blockOutput(first + 2) : t0;
  const t3 = n > 3 ? blockOutput(first + 3) : t0;
  dotProducts(inputAt, t0, t1, t2, t3, n, dim);
  loss = storeBlockUpdate(dotScore0, first, updatesAt, lr, loss);
  if (n > 1) loss = storeBlockUpdate(dotScore1, first + 1, updatesAt + 16, lr, loss);
  if (n > 2) loss = storeBlockUpdate(dotScore2, first + 2, updatesAt + 32, lr, loss);
  if (n > 3) loss = storeBlockUpdate(dotScore3, first + 3, updatesAt + 48, lr, loss);
  return loss;
}

/**
 * The updates of the n (1 to OUTPUT_GROUP, a constant where inlined) distinct outputs from
 * `first`, chunk by chunk: each output's chunk stays in a register, before (for the inputs'
 * updates) and after (its own update); per input, its chunk and each g (pre-splatted) are loaded
 * once, adding g · old output to the input's update (in output order, from the previous group's
 * sum, or from zero for the first group) and g · input to the output (in input order). Every float
 * takes the float32 operations of the TypeScript objective's axpy calls, in their order.
 */
// @ts-ignore: decorator
@inline
function updateGroup(first: i32, n: i32, count: i32, outputCount: i32): void {
  const t0 = blockOutput(first);
  const t1 = n > 1 ? blockOutput(first + 1) : t0;
  const t2 = n > 2 ? blockOutput(first + 2) : t0;
  const t3 = n > 3 ? blockOutput(first + 3) : t0;
  const updateStride = (<usize>outputCount) << 4;
  const updates = blockUpdates + ((<usize>first) << 4);
  // The first group's sums start from zero (one chunk of zeros, read for every input), or with
  // sharedDraws from the target's updates (predictTargetByPairs).
  const fromZero = first === 0 && !sharedDraws;
  const sumsFrom = fromZero ? blockZero : blockInputUpdates;
  const sumsStride = fromZero ? 0 : rowBytes;
  let i: usize = 0;
  for (; i + 16 <= rowBytes; i += 16) {
    const old0 = v128.load(t0 + i);
    const old1 = n > 1 ? v128.load(t1 + i) : old0;
    const old2 = n > 2 ? v128.load(t2 + i) : old0;
    const old3 = n > 3 ? v128.load(t3 + i) : old0;
    let new0 = old0;
    let new1 = old1;
    let new2 = old2;
    let new3 = old3;
    let g = updates;
    let from = sumsFrom + (fromZero ? 0 : i);
    let into = blockInputUpdates + i;
    for (let c = 0; c < count; c++) {
      const x = v128.load(blockInput(c) + i);
      const g0 = v128.load(g);
      let sum = f32x4.add(v128.load(from), f32x4.mul(g0, old0));
      new0 = f32x4.add(new0, f32x4.mul(g0, x));
      if (n > 1) {
        const g1 = v128.load(g, 16);
        sum = f32x4.add(sum, f32x4.mul(g1, old1));
        new1 = f32x4.add(new1, f32x4.mul(g1, x));
      }
      if (n > 2) {
        const g2 = v128.load(g, 32);
        sum = f32x4.add(sum, f32x4.mul(g2, old2));
        new2 = f32x4.add(new2, f32x4.mul(g2, x));
      }
      if (n > 3) {
        const g3 = v128.load(g, 48);
        sum = f32x4.add(sum, f32x4.mul(g3, old3));
        new3 = f32x4.add(new3, f32x4.mul(g3, x));
      }
      v128.store(into, sum);
      g += updateStride;
      from += sumsStride;
      into += rowBytes;
    }
    v128.store(t0 + i, new0);
    if (n > 1) v128.store(t1 + i, new1);
    if (n > 2) v128.store(t2 + i, new2);
    if (n > 3) v128.store(t3 + i, new3);
  }
  // The last floats of a dimension that is not a multiple of 4, one at a time (lane 0 of each g).
  for (; i < rowBytes; i += 4) {
    for (let k = 0; k < n; k++) {
      const outputAt = blockOutput(first + k) + i;
      const old = load<f32>(outputAt);
      let updated = old;
      for (let c = 0; c < count; c++) {
        const g = load<f32>(updates + ((<usize>k) << 4) + <usize>c * updateStride);
        const into = blockInputUpdates + <usize>c * rowBytes + i;
        const sum = fromZero && k === 0 ? load<f32>(blockZero) : load<f32>(into);
        store<f32>(into, sum + g * old);
        updated += g * load<f32>(blockInput(c) + i);
      }
      store<f32>(outputAt, updated);
    }
  }
}

/**
 * The block of `count` input rows at blockInputs against the `outputCount` output rows at
 * blockOutputs (the target first, label 1, unless sharedDraws; then the negatives, label 0), as the
 * TypeScript objective's #trainBlock, with the same bits: every score from the current weights (up
 * to OUTPUT_GROUP outputs per pass over an input); per group of distinct outputs, their shares of
 * the inputs' updates (added, with sharedDraws, to the target's from predictTargetByPairs) and
 * their own updates; then the inputs' updates.
 */
function sharedBlockStep(count: i32, outputCount: i32, lr: f64): f64 {
  let loss: f64 = 0;
  for (let c = 0; c < count; c++) {
    const inputAt = blockInput(c);
    const updatesAt = blockUpdates + ((<usize>(c * outputCount)) << 4);
    for (let o = 0; o < outputCount; ) {
      const n = min(OUTPUT_GROUP, outputCount - o);
      const at = updatesAt + ((<usize>o) << 4);
      if (n === 4) loss = scoreGroup(inputAt, o, 4, at, lr, loss);
      else if (n === 3) loss = scoreGroup(inputAt, o, 3, at, lr, loss);
      else if (n === 2) loss = scoreGroup(inputAt, o, 2, at, lr, loss);
      else loss = scoreGroup(inputAt, o, 1, at, lr, loss);
      o += n;
    }
  }
  for (let o = 0; o < outputCount; ) {
    const n = outputGroup(o, outputCount);
    if (n === 4) updateGroup(o, 4, count, outputCount);
    else if (n === 3) updateGroup(o, 3, count, outputCount);
    else if (n === 2) updateGroup(o, 2, count, outputCount);
    else updateGroup(o, 1, count, outputCount);
    o += n;
  }
  for (let c = 0; c < count; c++) axpy(1, blockInputUpdates + <usize>c * rowBytes, blockInput(c), dim);
  return loss;
}

/**
 * With sharedDraws, the target's logistic step for each of the block's `count` inputs in turn, as
 * the TypeScript objective's #predictTarget: the input's update (g · the target row) goes to its
 * slot of blockInputUpdates, and the target row takes g · the input at once, so the next input is
 * scored against it; the inputs change only after the block's negatives (sharedBlockStep).
 */
function predictTargetByPairs(count: i32, target: i32, lr: f64): f64 {
  const targetAt = output + <usize>target * rowBytes;
  const logTable = sigmoid + ((<usize>sigmoidSize + 1) << 2);
  let loss: f64 = 0;
  for (let c = 0; c < count; c++) {
    const inputAt = blockInput(c);
    dotProducts(inputAt, targetAt, targetAt, targetAt, targetAt, 1, dim);
    loss -= tableLogSigmoid(dotScore0, logTable, maxExp, factor);
    const g = <f32>((1 - tableSigmoid(dotScore0, sigmoid, maxExp, factor)) * lr);
    targetPairUpdate(g, inputAt, targetAt, blockInputUpdates + <usize>c * rowBytes);
  }
  return loss;
}

/**
 * One pass for a target pair's two updates, with the bits of the TypeScript objective's zero fill
 * and two axpys: the input's update 0 + g · target (into `updateAt`) and target += g · input.
 */
function targetPairUpdate(g: f32, inputAt: usize, targetAt: usize, updateAt: usize): void {
  const gs = f32x4.splat(g);
  const zeros = f32x4.splat(0);
  let i: usize = 0;
  for (; i + 16 <= rowBytes; i += 16) {
    const target = v128.load(targetAt + i);
    v128.store(updateAt + i, f32x4.add(zeros, f32x4.mul(gs, target)));
    v128.store(targetAt + i, f32x4.add(target, f32x4.mul(gs, v128.load(inputAt + i))));
  }
  for (; i < rowBytes; i += 4) {
    const target = load<f32>(targetAt + i);
    store<f32>(updateAt + i, <f32>0 + g * target);
    store<f32>(targetAt + i, target + g * load<f32>(inputAt + i));
  }
}

/**
 * The output rows of one block at blockOutputs: the target (unless sharedDraws), then the
 * `negative` draws at `draws` that are not the target; returns how many.
 */
function storeBlockOutputs(target: i32, draws: usize): i32 {
  let outputCount = 0;
  if (!sharedDraws) {
    store<usize>(blockOutputs, output + <usize>target * rowBytes);
    outputCount = 1;
  }
  for (let d = 0; d < negative; d++) {
    const noise = load<i32>(draws + ((<usize>d) << 2));
    // A draw that hits the target is not a negative example.
    if (noise === target) continue;
    store<usize>(blockOutputs + ((<usize>outputCount) << 2), output + <usize>noise * rowBytes);
    outputCount++;
  }
  return outputCount;
}

/** The blocks of `count` context rows that draw negatives: one per window, or one per block. */
function drawingBlocks(count: i32): i32 {
  return sharedDraws ? (count + sharedBlock - 1) / sharedBlock : 1;
}

/**
 * Skip-gram with shared negatives (no encoder), as engine.ts's skipGramSharedSentence: per word
 * its window, then its context rows against the word and the negatives, in blocks of sharedBlock
 * rows: one draw for the window, or (sharedDraws) one draw per block, the word predicted before
 * each block pair by pair.
 */
function skipGramShared(sentence: usize, length: i32, lr: f64, workspace: usize): f64 {
  let loss: f64 = 0;
  let predictions = 0;
  // Each half of the draws holds a word's draws: one per block of its largest window.
  const wordDraws = <usize>(negative * drawingBlocks(2 * <i32>window)) << 2;
  const blockDraws = (<usize>negative) << 2;
  let draws = noiseDraws;
  let nextDraws = noiseDraws + wordDraws;
  let nextReach = <i32>(window - nextInt(window));
  let nextBlocks = drawingBlocks(min(length - 1, nextReach));
  for (let b = 0; b < nextBlocks; b++) drawNegatives(draws + <usize>b * blockDraws);
  for (let i = 0; i < length; i++) {
    const reach = nextReach;
    const from = max(0, i - reach);
    const to = min(length, i + reach + 1);
    // One word ahead, as skipGram: the next word's window and negatives are drawn (and their rows
    // read) before this word trains, which draws nothing, so the random stream keeps its order.
    if (i + 1 < length) {
      nextReach = <i32>(window - nextInt(window));
      const next = i + 1;
      nextBlocks = drawingBlocks(min(length, next + nextReach + 1) - max(0, next - nextReach) - 1);
      for (let b = 0; b < nextBlocks; b++) drawNegatives(nextDraws + <usize>b * blockDraws);
    }
    const target = word(sentence, i);
    let blockAt = draws;
    let outputCount = storeBlockOutputs(target, blockAt);
    let count = 0;
    for (let j = from; j < to; j++) {
      if (j === i) continue;
      store<usize>(blockInputs + ((<usize>count) << 2), inputRow(word(sentence, j)));
      count++;
      if (count === sharedBlock) {
        loss += trainSharedBlock(count, outputCount, target, lr);
        count = 0;
        if (sharedDraws && j + 1 < to) {
          blockAt += blockDraws;
          outputCount = storeBlockOutputs(target, blockAt);
        }
      }
    }
    if (count > 0) loss += trainSharedBlock(count, outputCount, target, lr);
    predictions += to - from - 1;
    const swap = draws;
    draws = nextDraws;
    nextDraws = swap;
  }
  store<i32>(workspace + (W_PREDICTIONS << 2), word(workspace, W_PREDICTIONS) + predictions);
  return loss;
}

/** One block of shared negatives: the target pair by pair first with sharedDraws, then the block. */
function trainSharedBlock(count: i32, outputCount: i32, target: i32, lr: f64): f64 {
  const loss = sharedDraws ? predictTargetByPairs(count, target, lr) : 0;
  return loss + sharedBlockStep(count, outputCount, lr);
}

// The input rows of words of a sentence: for each word, row `token` itself or, with
// an encoder, its encoder entries (the word and its subwords).

/** The first of token `token`'s entries. */
// @ts-ignore: decorator
@inline
function firstEntry(token: i32): i32 {
  return encoderOffsets === 0 ? token : word(encoderOffsets, token);
}

/** The end of token `token`'s entries. */
// @ts-ignore: decorator
@inline
function endEntry(token: i32): i32 {
  return encoderOffsets === 0 ? token + 1 : word(encoderOffsets, token + 1);
}

/** The address of entry `k`'s input row. */
// @ts-ignore: decorator
@inline
function entryRow(k: i32): usize {
  return inputRow(encoderOffsets === 0 ? k : word(encoderRows, k));
}

/**
 * `into` = the sum of the input rows of the words from..to of the sentence (without i), for each
 * float from zero in the rows' order with the float32 operations of `axpy(1, row, into)` (the same
 * bits). 64 bytes of `into` stay in registers while every row goes by: each row is read
 * once and `into` written once, not read and written once per row.
 */
function sumInputRows(sentence: usize, from: i32, to: i32, i: i32, into: usize): void {
  let offset: usize = 0;
  for (; offset + 64 <= rowBytes; offset += 64) {
    let a = f32x4.splat(0);
    let b = f32x4.splat(0);
    let c = f32x4.splat(0);
    let d = f32x4.splat(0);
    for (let j = from; j < to; j++) {
      if (j === i) continue;
      const context = word(sentence, j);
      const end = endEntry(context);
      for (let k = firstEntry(context); k < end; k++) {
        const row = entryRow(k) + offset;
        a = f32x4.add(a, v128.load(row));
        b = f32x4.add(b, v128.load(row, 16));
        c = f32x4.add(c, v128.load(row, 32));
        d = f32x4.add(d, v128.load(row, 48));
      }
    }
    v128.store(into + offset, a);
    v128.store(into + offset, b, 16);
    v128.store(into + offset, c, 32);
    v128.store(into + offset, d, 48);
  }
  if (offset === rowBytes) return;
  for (let f = offset; f < rowBytes; f += 4) store<f32>(into + f, 0);
  addTails(sentence, from, to, i, into, offset, false);
}

/**
 * Adds x to every input row of the words from..to of the sentence (without i), each float as
 * `axpy(1, x, row)` adds it (the same bits), with 64 bytes of x in registers while every row goes by.
 */
function addToInputRows(sentence: usize, from: i32, to: i32, i: i32, x: usize): void {
  let offset: usize = 0;
  for (; offset + 64 <= rowBytes; offset += 64) {
    const a = v128.load(x + offset);
    const b = v128.load(x + offset, 16);
    const c = v128.load(x + offset, 32);
    const d = v128.load(x + offset, 48);
    for (let j = from; j < to; j++) {
      if (j === i) continue;
      const context = word(sentence, j);
      const end = endEntry(context);
      for (let k = firstEntry(context); k < end; k++) {
        const row = entryRow(k) + offset;
        v128.store(row, f32x4.add(v128.load(row), a));
        v128.store(row, f32x4.add(v128.load(row, 16), b), 16);
        v128.store(row, f32x4.add(v128.load(row, 32), c), 32);
        v128.store(row, f32x4.add(v128.load(row, 48), d), 48);
      }
    }
  }
  if (offset === rowBytes) return;
  addTails(sentence, from, to, i, x, offset, true);
}

/**
 * The part past the 64-byte groups (from `offset`) of every input row of the words from..to
 * (without i): added to `vector` (intoRows false) or `vector` added to it (intoRows true).
 */
function addTails(sentence: usize, from: i32, to: i32, i: i32, vector: usize, offset: usize, intoRows: bool): void {
  for (let j = from; j < to; j++) {
    if (j === i) continue;
    const context = word(sentence, j);
    const end = endEntry(context);
    for (let k = firstEntry(context); k < end; k++) {
      if (intoRows) addTail(vector, entryRow(k), offset);
      else addTail(entryRow(k), vector, offset);
    }
  }
}

/** y += x over the bytes from `offset` to the row's end (the part of a row past its 64-byte groups). */
function addTail(x: usize, y: usize, offset: usize): void {
  let f = offset;
  for (; f + 16 <= rowBytes; f += 16) v128.store(y + f, f32x4.add(v128.load(y + f), v128.load(x + f)));
  for (; f < rowBytes; f += 4) store<f32>(y + f, load<f32>(y + f) + load<f32>(x + f));
}

/** The number of input rows of the context words from..to (without i). */
function contextRows(sentence: usize, from: i32, to: i32, i: i32): i32 {
  if (encoderOffsets === 0) return to - from - 1;
  let rows = 0;
  for (let j = from; j < to; j++) {
    if (j === i) continue;
    const context = word(sentence, j);
    rows += word(encoderOffsets, context + 1) - word(encoderOffsets, context);
  }
  return rows;
}

/**
 * CBOW over the kept sentence (see engine.ts: mean or sum of the context rows predicts the word),
 * one prediction ahead: the next word's window and negatives are drawn before this word trains.
 */
function cbow(sentence: usize, length: i32, lr: f64, cbowMean: bool, workspace: usize): f64 {
  let loss: f64 = 0;
  let predictions = 0;
  let draws = noiseDraws;
  let nextDraws = noiseDraws + ((<usize>negative) << 2);
  let reach = <i32>(window - nextInt(window));
  let rows = contextRows(sentence, max(0, -reach), min(length, reach + 1), 0);
  if (rows !== 0) drawNegatives(draws);
  for (let i = 0; i < length; i++) {
    const from = max(0, i - reach);
    const to = min(length, i + reach + 1);
    const currentRows = rows;
    if (i + 1 < length) {
      reach = <i32>(window - nextInt(window));
      rows = contextRows(sentence, max(0, i + 1 - reach), min(length, i + 1 + reach + 1), i + 1);
      if (rows !== 0) drawNegatives(nextDraws);
    }
    if (currentRows !== 0) {
      sumInputRows(sentence, from, to, i, hidden);
      if (cbowMean) scale(<f32>(1 / <f64>currentRows), hidden, dim);
      zero(gradient);
      loss += objective(hidden, word(sentence, i), lr, draws);
      if (!cbowMean) scale(<f32>(1 / <f64>currentRows), gradient, dim);
      predictions++;
      addToInputRows(sentence, from, to, i, gradient);
    }
    const swap = draws;
    draws = nextDraws;
    nextDraws = swap;
  }
  store<i32>(workspace + (W_PREDICTIONS << 2), word(workspace, W_PREDICTIONS) + predictions);
  return loss;
}

/**
 * Trains sentences first, first + 1, ... of an encoded corpus (sentence s is the ids at
 * ids[starts[s]] up to ids[starts[s + 1] - 1], idsLength ids in all), stopping after `end - 1` or
 * after the first sentence that brings the words processed in this call to `budget`. Each sentence
 * is subsampled into `sentence` (room for `capacity` ids), then trained at learning rate lr.
 * Writes the status, the next sentence, the words processed and the predictions made into the
 * workspace, keeps the random state there, and returns the loss summed over the predictions.
 */
export function trainSentences(
  tables: usize,
  workspace: usize,
  ids: usize,
  idsLength: i32,
  starts: usize,
  first: i32,
  end: i32,
  sentence: usize,
  capacity: i32,
  budget: i32,
  lr: f64,
): f64 {
  dim = word(tables, T_DIM);
  rowBytes = (<usize>dim) << 2;
  window = <u32>word(tables, T_WINDOW);
  vocabulary = <u32>word(tables, T_VOCABULARY);
  input = <usize>word(tables, T_INPUT);
  encoderOffsets = <usize>word(tables, T_ENCODER_OFFSETS);
  encoderRows = <usize>word(tables, T_ENCODER_ROWS);
  negative = word(tables, T_NEGATIVE);
  output = <usize>word(tables, T_OUTPUT);
  aliasTable = <usize>word(tables, T_ALIAS_TABLE);
  noiseDraws = <usize>word(workspace, W_NOISE);
  treeOffsets = <usize>word(tables, T_TREE_OFFSETS);
  treePath = <usize>word(tables, T_TREE_PATH);
  treeSkipSaturated = word(tables, T_TREE_SKIP_SATURATED) !== 0;
  nodes = <usize>word(tables, T_NODES);
  sigmoid = <usize>word(tables, T_SIGMOID);
  sigmoidSize = word(tables, T_SIGMOID_SIZE);
  maxExp = load<f64>(tables + (T_MAX_EXP << 2));
  factor = load<f64>(tables + (T_FACTOR << 2));
  hidden = <usize>word(workspace, W_HIDDEN);
  gradient = <usize>word(workspace, W_GRADIENT);
  sharedBlock = word(tables, T_SHARED_BLOCK);
  sharedDraws = word(tables, T_SHARED_DRAWS) !== 0;
  if (sharedBlock !== 0) {
    blockInputs = <usize>word(workspace, W_SHARED);
    blockOutputs = blockInputs + ((<usize>sharedBlock) << 2);
    // 16-byte aligned, as the workspace is.
    blockZero = (blockOutputs + ((<usize>(negative + 1)) << 2) + 15) & ~(<usize>15);
    v128.store(blockZero, f32x4.splat(0));
    blockUpdates = blockZero + 16;
    blockInputUpdates = blockUpdates + ((<usize>(sharedBlock * (negative + 1))) << 4);
  }
  const keep = <usize>word(tables, T_KEEP);
  const skipGramModel = word(tables, T_ARCHITECTURE) === 0;
  const cbowMean = word(tables, T_CBOW_MEAN) !== 0;
  s0 = <u32>word(workspace, W_RANDOM);
  s1 = <u32>word(workspace, W_RANDOM + 1);
  s2 = <u32>word(workspace, W_RANDOM + 2);
  s3 = <u32>word(workspace, W_RANDOM + 3);
  store<i32>(workspace + (W_PREDICTIONS << 2), 0);

  let status = OK;
  let words = 0;
  let loss: f64 = 0;
  let s = first;
  while (s < end) {
    const start = word(starts, s);
    const stop = word(starts, s + 1);
    if (start < 0 || stop < start || stop > idsLength) {
      status = BAD_STARTS;
      break;
    }
    if (stop - start > capacity) {
      status = SENTENCE_TOO_LONG;
      break;
    }
    let length = 0;
    let bad = false;
    for (let i = start; i < stop; i++) {
      const id = word(ids, i);
      if (<u32>id >= vocabulary) {
        bad = true;
        break;
      }
      if (keep !== 0) {
        const p = <f64>load<f32>(keep + ((<usize>id) << 2));
        if (p < 1 && <f64>nextUint32() * (1.0 / 4294967296.0) >= p) continue;
      }
      store<i32>(sentence + ((<usize>length) << 2), id);
      length++;
    }
    if (bad) {
      status = BAD_ID;
      break;
    }
    words += stop - start;
    // A word alone has no context to train with.
    if (length > 1) {
      loss += !skipGramModel
        ? cbow(sentence, length, lr, cbowMean, workspace)
        : sharedBlock !== 0
          ? skipGramShared(sentence, length, lr, workspace)
          : skipGram(sentence, length, lr, workspace);
    }
    s++;
    if (words >= budget) break;
  }

  store<u32>(workspace + (W_RANDOM << 2), s0);
  store<u32>(workspace + ((W_RANDOM + 1) << 2), s1);
  store<u32>(workspace + ((W_RANDOM + 2) << 2), s2);
  store<u32>(workspace + ((W_RANDOM + 3) << 2), s3);
  store<i32>(workspace + (W_SINK << 2), i32x4.extract_lane(sink, 0));
  store<i32>(workspace + (W_STATUS << 2), status);
  store<i32>(workspace + (W_NEXT << 2), s);
  store<i32>(workspace + (W_WORDS << 2), words);
  return loss;
}
