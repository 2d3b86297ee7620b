import type { SentenceKernel } from './sentence-kernel.js';
import { SYNC_WORDS, type TrainingState } from './training-state.js';
import type { SharedChunks } from './worker-protocol.js';

/**
 * Trains on sentences `first` up to `end - 1` of an encoded corpus: sentence `s` is
 * `ids[sentenceStarts[s]]` up to `ids[sentenceStarts[s + 1] - 1]`, token ids of the engine's
 * vocabulary. Each sentence is subsampled, then every remaining word draws its window size from
 * 1..window and is trained with the setup's architecture and objective. Every
 * {@link SYNC_WORDS} words the state publishes its progress and takes the current learning rate;
 * the caller syncs once more at the end of its work.
 *
 * When the state has a sentence kernel and `ids`, `sentenceStarts` and `sentenceBuffer` (room for
 * the longest sentence) are views of the kernel memory (core-math's `allocateInt32`), the whole loop
 * runs in WebAssembly, one call per {@link SYNC_WORDS} words, with the same random draws;
 * otherwise it runs in TypeScript.
 *
 * @throws NumericError (from {@link TrainingState.sync}) when the weights stop being finite
 */
export function trainSentences(
  state: TrainingState,
  ids: Int32Array,
  sentenceStarts: Int32Array,
  first: number,
  end: number,
  sentenceBuffer?: Int32Array,
): void {
  const kernel = state.sentenceKernel;
  if (
    kernel !== null &&
    sentenceBuffer !== undefined &&
    kernel.accepts(ids, sentenceStarts, sentenceBuffer)
  ) {
    trainWithKernel(state, kernel, ids, sentenceStarts, first, end, sentenceBuffer);
    return;
  }
  const skipGram = state.setup.architecture === 'skipgram';
  const trainSkipGram = state.contextRows === null ? skipGramSentence : skipGramSharedSentence;
  for (let s = first; s < end; s++) {
    const length = subsample(state, ids, sentenceStarts[s]!, sentenceStarts[s + 1]!);
    // A word alone has no context to train with.
    if (length > 1) {
      if (skipGram) trainSkipGram(state, length);
      else cbowSentence(state, length);
    }
    if (state.wordsSinceSync >= SYNC_WORDS) state.sync();
  }
}

/**
 * Takes chunks of sentences from the run's shared cursor and trains them ({@link trainSentences}),
 * until `passes` passes over all chunks are taken: the workers of a run train the corpus in order,
 * side by side, as gensim's workers take jobs from one queue. Each chunk tells the state where it
 * starts in the run ({@link TrainingState.startChunk}), so the thread's learning rate follows its
 * position in the run, as a gensim job's rate follows its place in the queue.
 */
export function trainChunks(
  state: TrainingState,
  ids: Int32Array,
  sentenceStarts: Int32Array,
  chunks: SharedChunks,
  passes: number,
  sentenceBuffer?: Int32Array,
): void {
  const count = chunks.starts.length - 1;
  const total = BigInt(count) * BigInt(passes);
  const first = sentenceStarts[chunks.starts[0]!]!;
  const tokensPerPass = sentenceStarts[chunks.starts[count]!]! - first;
  for (;;) {
    const taken = Atomics.add(chunks.cursor, 0, 1n);
    if (taken >= total) return;
    const chunk = Number(taken % BigInt(count));
    const pass = Number(taken / BigInt(count));
    state.startChunk(pass * tokensPerPass + sentenceStarts[chunks.starts[chunk]!]! - first);
    trainSentences(
      state,
      ids,
      sentenceStarts,
      chunks.starts[chunk]!,
      chunks.starts[chunk + 1]!,
      sentenceBuffer,
    );
  }
}

/** {@link trainSentences} in WebAssembly: the kernel stops at each sync point, as the loop below does. */
function trainWithKernel(
  state: TrainingState,
  kernel: SentenceKernel,
  ids: Int32Array,
  sentenceStarts: Int32Array,
  first: number,
  end: number,
  sentenceBuffer: Int32Array,
): void {
  let s = first;
  while (s < end) {
    s = kernel.train(
      ids,
      sentenceStarts,
      s,
      end,
      sentenceBuffer,
      state.lr,
      SYNC_WORDS - state.wordsSinceSync,
    );
    state.wordsSinceSync += kernel.words;
    state.lossSinceSync += kernel.loss;
    state.predictionsSinceSync += kernel.predictions;
    if (state.wordsSinceSync >= SYNC_WORDS) state.sync();
  }
}

/**
 * Copies the kept tokens of `ids[start..stop)` into the state's sentence buffer (word2vec's
 * subsampling: a token is kept with its keep probability) and counts the tokens as processed.
 *
 * @returns how many tokens were kept
 */
function subsample(state: TrainingState, ids: Int32Array, start: number, stop: number): number {
  const sentence = state.reserveSentence(stop - start);
  const keep = state.setup.keepProbabilities;
  state.wordsSinceSync += stop - start;
  if (keep === null) {
    sentence.set(ids.subarray(start, stop));
    return stop - start;
  }
  const random = state.random;
  let length = 0;
  for (let i = start; i < stop; i++) {
    const id = ids[i]!;
    const p = keep[id]!;
    if (p < 1 && random.nextFloat() >= p) continue;
    sentence[length++] = id;
  }
  return length;
}

/**
 * Skip-gram: every pair of a word and a word of its window is one prediction. Without an encoder
 * the pair is trained as the word2vec tool and gensim do: the context word's input row predicts
 * the word. With an encoder it is trained as fastText does: the mean of the word's input rows
 * (recomputed before each prediction) predicts the context word, and the update goes to every one
 * of those rows.
 */
function skipGramSentence(state: TrainingState, length: number): void {
  const { setup, math, random, gradient, hidden, objective, lr, target } = state;
  const { dim, window, encoder, inputWeights } = setup;
  const sentence = state.sentence;
  let loss = 0;
  let predictions = 0;
  for (let i = 0; i < length; i++) {
    const word = sentence[i]!;
    const reach = window - random.nextInt(window);
    const from = Math.max(0, i - reach);
    const to = Math.min(length, i + reach + 1);
    for (let j = from; j < to; j++) {
      if (j === i) continue;
      gradient.fill(0);
      if (encoder === null) {
        const row = sentence[j]! * dim;
        target[0] = word;
        loss += objective.update(inputWeights, row, target, 1, 0, lr, gradient);
        math.axpy(1, gradient, 0, inputWeights, row, dim);
      } else {
        const first = encoder.offsets[word]!;
        const end = encoder.offsets[word + 1]!;
        if (first === end) continue;
        hidden.fill(0);
        for (let k = first; k < end; k++) math.axpy(1, inputWeights, encoder.rows[k]! * dim, hidden, 0, dim);
        math.scale(1 / (end - first), hidden, 0, dim);
        target[0] = sentence[j]!;
        loss += objective.update(hidden, 0, target, 1, 0, lr, gradient);
        for (let k = first; k < end; k++)
          math.axpy(1, gradient, 0, inputWeights, encoder.rows[k]! * dim, dim);
      }
      predictions++;
    }
  }
  state.lossSinceSync += loss;
  state.predictionsSinceSync += predictions;
}

/**
 * Skip-gram with shared negatives (`sharing: 'window'` or `'block'`, no encoder): a word draws its
 * window, then the input rows of its context words predict it against one draw of noise outputs
 * per window or per block of rows (the objective's `updateWindow`), instead of one draw per pair.
 */
function skipGramSharedSentence(state: TrainingState, length: number): void {
  const { setup, random, objective, lr } = state;
  const { dim, window, inputWeights } = setup;
  const sentence = state.sentence;
  const rows = state.contextRows!;
  let loss = 0;
  let predictions = 0;
  for (let i = 0; i < length; i++) {
    const reach = window - random.nextInt(window);
    const from = Math.max(0, i - reach);
    const to = Math.min(length, i + reach + 1);
    let count = 0;
    for (let j = from; j < to; j++) if (j !== i) rows[count++] = sentence[j]! * dim;
    loss += objective.updateWindow!(inputWeights, rows, count, sentence[i]!, lr, state.inputUpdates!);
    predictions += count;
  }
  state.lossSinceSync += loss;
  state.predictionsSinceSync += predictions;
}

/**
 * CBOW: the input rows of a word's window (without the word) are averaged (`cbowMean`, word2vec's
 * `-cbow 1`; over all rows summed when there is an encoder, as fastText does) or summed (gensim's
 * `cbow_mean=0`) and predict the word. The hidden vector's update is added to every one of those
 * rows: whole when averaging, as word2vec, gensim and fastText do; divided by the number of rows
 * when summing, as gensim does.
 */
function cbowSentence(state: TrainingState, length: number): void {
  const { setup, math, random, gradient, hidden, objective, lr, target } = state;
  const { dim, window, encoder, inputWeights, cbowMean } = setup;
  const sentence = state.sentence;
  let loss = 0;
  let predictions = 0;
  for (let i = 0; i < length; i++) {
    const reach = window - random.nextInt(window);
    const from = Math.max(0, i - reach);
    const to = Math.min(length, i + reach + 1);
    hidden.fill(0);
    let rows = 0;
    for (let j = from; j < to; j++) {
      if (j === i) continue;
      const context = sentence[j]!;
      if (encoder === null) {
        math.axpy(1, inputWeights, context * dim, hidden, 0, dim);
        rows++;
      } else {
        const end = encoder.offsets[context + 1]!;
        for (let k = encoder.offsets[context]!; k < end; k++) {
          math.axpy(1, inputWeights, encoder.rows[k]! * dim, hidden, 0, dim);
          rows++;
        }
      }
    }
    if (rows === 0) continue;
    if (cbowMean) math.scale(1 / rows, hidden, 0, dim);
    gradient.fill(0);
    target[0] = sentence[i]!;
    loss += objective.update(hidden, 0, target, 1, 0, lr, gradient);
    // gensim's cbow_mean=0 spreads the update over the summed rows.
    if (!cbowMean) math.scale(1 / rows, gradient, 0, dim);
    predictions++;
    for (let j = from; j < to; j++) {
      if (j === i) continue;
      const context = sentence[j]!;
      if (encoder === null) {
        math.axpy(1, gradient, 0, inputWeights, context * dim, dim);
      } else {
        const end = encoder.offsets[context + 1]!;
        for (let k = encoder.offsets[context]!; k < end; k++) {
          math.axpy(1, gradient, 0, inputWeights, encoder.rows[k]! * dim, dim);
        }
      }
    }
  }
  state.lossSinceSync += loss;
  state.predictionsSinceSync += predictions;
}
