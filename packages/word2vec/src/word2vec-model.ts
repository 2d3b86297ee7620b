import {
  ConfigError,
  type Embedder,
  FormatError,
  Random,
  type TrainContext,
  type TrainingCorpus,
  WordVectors,
  isEmbeddingError,
} from '@embedkit/core-math';
import { releaseArray } from '@embedkit/core-math/kernels';
import { type EncodedCorpus, Vocabulary, withReplayableCorpus } from '@embedkit/corpus';
import type { VectorFormat } from '@embedkit/vector-io';
import { assertReiterable, prepareCorpus } from './corpus-source.js';
import { readModelFile, writeModelFile, writeVectors } from '#model-files';
import type { NegativeSharing } from './objectives/negative-sampling.js';
import { type ObjectiveSetup, objectiveMatrices } from './objectives/registry.js';
import {
  type Word2VecOptions,
  type Word2VecOptionsInput,
  resolveRunSettings,
  resolveWord2VecOptions,
} from './options.js';
import { type EncodedSentences, type EngineCorpus, type EngineRunResult, runEngine } from './run-engine.js';
import { objectivesForOptions } from './options-objectives.js';
import { sharedFloat32Array } from './shared-arrays.js';
import type { EngineSetup } from './training-state.js';
import { withPrestartedWorkers } from './training-worker-pool.js';

/** Learning-rate and epoch overrides for {@link Word2VecModel.train} (defaults: the model's options). */
export interface ContinueTrainingOptions {
  /** Passes over the new corpus. */
  readonly epochs?: number;
  /** Start learning rate of this run. */
  readonly lr?: number;
  /** Final learning rate of this run. */
  readonly minLr?: number;
}

/** What one training run did. */
export interface TrainingReport {
  /** Words processed (corpus tokens in the vocabulary, all epochs, before subsampling). */
  readonly words: number;
  /** Wall-clock seconds of the training phase (without vocabulary building and encoding). */
  readonly seconds: number;
  /** Mean loss per prediction over the run. */
  readonly loss: number;
}

/** The complete trainable state of a model, as {@link Word2VecModel.load} restores it. */
interface ModelState {
  readonly options: Word2VecOptions;
  readonly vocabulary: Vocabulary;
  readonly inputWeights: Float32Array;
  readonly objectives: ObjectiveSetup;
  readonly random: Random;
  readonly epochsTrained: number;
}

const FORMAT = 'embedkit-word2vec';
/** word2vec's exponent of the noise distribution. */
const NOISE_POWER = 0.75;

/**
 * word2vec's objectives for `options` (see objectivesForOptions): noise counts to the power 0.75,
 * and hierarchical-softmax nodes with a saturated score skipped, as word2vec and gensim do.
 */
function word2vecObjectives(
  options: { readonly hs: boolean; readonly negative: number; readonly negativeSharing?: NegativeSharing },
  counts: Float64Array,
  weightsOf: (name: string, rows: number) => Float32Array,
): ObjectiveSetup {
  return objectivesForOptions({ ...options, skipSaturated: true }, counts, NOISE_POWER, weightsOf);
}
const VERSION = 1;

/**
 * A word2vec model: the vocabulary with counts, the input vectors (the word vectors) and the output
 * weights of its objective, with the options it was trained with. It is an {@link Embedder}
 * (through {@link Word2VecModel.wordVectors}), can keep training on more text
 * ({@link Word2VecModel.train}) and saves its full state ({@link Word2VecModel.save}), like gensim's
 * `Word2Vec`. The weights live in shared memory so worker threads can train them in place.
 */
export class Word2VecModel implements Embedder {
  /** The options the model was created with. */
  readonly options: Word2VecOptions;
  /** The vocabulary: words by descending count, with their counts. */
  readonly vocabulary: Vocabulary;
  /** The input matrix (`vocabulary.size x dim`): the word vectors. */
  readonly inputWeights: Float32Array;
  /**
   * The objectives the options select (hierarchical softmax, negative sampling), each with its
   * weights, as the engine trains them.
   */
  readonly objectives: ObjectiveSetup;
  /** The word vectors: rows in vocabulary order, counts attached (a view of `inputWeights`). */
  readonly wordVectors: WordVectors;
  #random: Random;
  #epochsTrained: number;
  #training = false;
  #countedCorpus: TrainingCorpus | undefined;
  /** The counted corpus, encoded during counting; taken by the first run on it. */
  #encodedCorpus: EncodedCorpus | undefined;

  private constructor(state: ModelState, countedCorpus?: TrainingCorpus, encodedCorpus?: EncodedCorpus) {
    this.#countedCorpus = countedCorpus;
    this.#encodedCorpus = countedCorpus === undefined ? undefined : encodedCorpus;
    this.options = state.options;
    this.vocabulary = state.vocabulary;
    this.inputWeights = state.inputWeights;
    this.objectives = state.objectives;
    this.#random = state.random;
    this.#epochsTrained = state.epochsTrained;
    this.wordVectors = new WordVectors(
      state.vocabulary.words,
      state.inputWeights,
      state.options.dim,
      state.vocabulary.counts,
    );
  }

  /**
   * An untrained model over `vocabulary`: input vectors uniform in [-1/dim, 1/dim] (as gensim 4 and
   * fastText; the word2vec C tool uses [-0.5/dim, 0.5/dim]), output weights zero. Train it with
   * {@link Word2VecModel.train}.
   *
   * @param settings.seed - seed of the initial vectors and of later training runs (default 1)
   * @param settings.countedCorpus - the corpus `vocabulary` was counted on: training on it then
   *   skips the pass that counts its tokens
   * @param settings.encodedCorpus - `countedCorpus` encoded with `vocabulary` (from
   *   `Vocabulary.buildAndEncode`): the first training run on it then skips the encoding pass
   */
  static initialize(
    vocabulary: Vocabulary,
    options: Word2VecOptions,
    settings: {
      readonly seed?: number;
      readonly countedCorpus?: TrainingCorpus;
      readonly encodedCorpus?: EncodedCorpus;
    } = {},
  ): Word2VecModel {
    const resolved = resolveWord2VecOptions(options);
    const { dim } = resolved;
    const random = new Random(settings.seed ?? 1);
    const inputWeights = sharedFloat32Array(vocabulary.size * dim);
    // gensim 4's and fastText's range; the C tool's is half as wide (see docs/word2vec.md).
    for (let i = 0; i < inputWeights.length; i++) inputWeights[i] = (2 * random.nextFloat() - 1) / dim;
    return new Word2VecModel(
      {
        options: resolved,
        vocabulary,
        inputWeights,
        objectives: word2vecObjectives(resolved, vocabulary.counts, (_name, rows) =>
          sharedFloat32Array(rows * dim),
        ),
        random,
        epochsTrained: 0,
      },
      settings.countedCorpus,
      settings.encodedCorpus,
    );
  }

  /** The vectors' dimension. */
  get dim(): number {
    return this.options.dim;
  }

  /** Number of words. */
  get size(): number {
    return this.vocabulary.size;
  }

  /** Epochs trained so far, over all runs. */
  get epochsTrained(): number {
    return this.#epochsTrained;
  }

  /** The vector of `token` (a view of the model's weights), or `undefined` when it is not in the vocabulary. */
  vector(token: string): Float32Array | undefined {
    return this.wordVectors.vector(token);
  }

  /** Whether `token` is in the vocabulary. */
  has(token: string): boolean {
    return this.wordVectors.has(token);
  }

  /** The vocabulary, most frequent word first. */
  keys(): IterableIterator<string> {
    return this.wordVectors.keys();
  }

  /**
   * Trains further on `corpus` with the model's vocabulary (words it does not know are skipped, as
   * in gensim's `train` after `build_vocab` without `update`). The learning rate decays from `lr` to
   * `minLr` over this run's epochs. Without `context.seed` the run continues the model's own random
   * stream, so a saved and reloaded model continues exactly as the original would.
   *
   * @throws ConfigError for a bad option or a one-shot iterator as corpus
   * @throws CancelledError when `context.signal` aborts (the weights then hold a partial update)
   * @throws NumericError when training diverges
   */
  async train(
    corpus: TrainingCorpus,
    options: ContinueTrainingOptions = {},
    context: TrainContext = {},
  ): Promise<TrainingReport> {
    const schedule = this.#schedule(options, context);
    const signal = context.signal === undefined ? {} : { signal: context.signal };
    return withReplayableCorpus(corpus, signal, (replayable) => {
      assertReiterable(replayable);
      const counted = replayable === this.#countedCorpus;
      const encoded = counted ? this.#encodedCorpus : undefined;
      this.#encodedCorpus = undefined;
      return this.#run(schedule, context, async () => {
        const { maxSentenceLength, maxInMemoryTokens, spill, tmpDir } = this.options;
        const plan = await prepareCorpus(replayable, this.vocabulary, {
          tokens: counted ? this.vocabulary.totalCount : undefined,
          encoded,
          maxSentenceLength,
          maxInMemoryTokens,
          // One epoch would write a file that nothing reads.
          spill: spill && schedule.epochs > 1,
          tmpDir,
          signal: context.signal,
          onProgress: context.onProgress,
        });
        return plan.corpus;
      });
    });
  }

  /**
   * Trains further on sentences already encoded with this model's vocabulary ids (id `i` is
   * `vocabulary.word(i)`), held in memory: no text, no file, no encoding pass. Walks on a graph
   * and item sequences come this way (see `@embedkit/graph`). Otherwise as {@link Word2VecModel.train}.
   *
   * @throws ConfigError for a bad option, an id outside the vocabulary or malformed sentence starts
   * @throws CancelledError when `context.signal` aborts
   * @throws NumericError when training diverges
   */
  async trainEncoded(
    sentences: EncodedSentences,
    options: ContinueTrainingOptions = {},
    context: TrainContext = {},
  ): Promise<TrainingReport> {
    const schedule = this.#schedule(options, context);
    return this.#run(schedule, context, async () => ({ kind: 'in-memory', sentences }));
  }

  /** The learning-rate schedule of one run; reseeds the model's random stream when `context.seed` is set. */
  #schedule(
    options: ContinueTrainingOptions,
    context: TrainContext,
  ): { epochs: number; lr: number; minLr: number } {
    for (const key of Object.keys(options)) {
      if (key !== 'epochs' && key !== 'lr' && key !== 'minLr') {
        throw new ConfigError(key, (options as Record<string, unknown>)[key], 'one of epochs, lr, minLr');
      }
    }
    const { epochs, lr, minLr } = resolveWord2VecOptions({
      ...this.options,
      lr: options.lr ?? this.options.lr,
      minLr:
        options.minLr ??
        (options.lr === undefined ? this.options.minLr : Math.min(this.options.minLr, options.lr)),
      epochs: options.epochs ?? this.options.epochs,
    });
    if (context.seed !== undefined) this.#random = new Random(resolveRunSettings(context).seed);
    return { epochs, lr, minLr };
  }

  async #run(
    schedule: { epochs: number; lr: number; minLr: number },
    context: TrainContext,
    corpusOf: () => Promise<EngineCorpus>,
  ): Promise<TrainingReport> {
    const { threads } = resolveRunSettings(context);
    if (this.#training)
      throw new ConfigError('train', 'a second run', 'one training run at a time per model');
    this.#training = true;
    try {
      const result: EngineRunResult = await withPrestartedWorkers(threads, async () =>
        runEngine({
          setup: this.#engineSetup(),
          corpus: await corpusOf(),
          ...schedule,
          threads,
          seed: this.#random.nextUint32(),
          onProgress: context.onProgress,
          signal: context.signal,
        }),
      );
      this.#epochsTrained += schedule.epochs;
      return result;
    } finally {
      this.wordVectors.invalidateNorms();
      this.#training = false;
    }
  }

  #engineSetup(): EngineSetup {
    const { options, vocabulary } = this;
    return {
      architecture: options.model,
      dim: options.dim,
      window: options.window,
      cbowMean: options.model === 'cbow' ? options.cbowMean : true,
      inputWeights: this.inputWeights,
      encoder: null,
      objectives: this.objectives,
      keepProbabilities: options.sample > 0 ? vocabulary.keepProbabilities(options.sample) : null,
      sigmoid: { size: 1000, maxExp: 6 },
    };
  }

  /**
   * Saves the full trainable state (options, vocabulary with counts, input and output weights,
   * random state) to `path`, through a temporary file renamed into place. The format is described
   * in docs/word2vec.md; {@link Word2VecModel.load} reads it.
   *
   * @throws IoError when the file cannot be written
   */
  async save(path: string): Promise<void> {
    const { dim } = this.options;
    const size = this.vocabulary.size;
    const matrices = [{ name: 'input', rows: size, cols: dim, data: this.inputWeights }];
    for (const { name, weights } of objectiveMatrices(this.objectives)) {
      matrices.push({ name, rows: weights.length / dim, cols: dim, data: weights });
    }
    await writeModelFile(
      path,
      {
        format: FORMAT,
        version: VERSION,
        options: this.options,
        vocabulary: this.vocabulary.toJSON(),
        random: this.#random.state(),
        epochsTrained: this.#epochsTrained,
      },
      matrices,
    );
  }

  /**
   * Loads a model saved with {@link Word2VecModel.save}, ready to use or to train further.
   *
   * @throws FormatError when the file is not a valid model (what is wrong, and where)
   * @throws IoError when it cannot be read
   */
  static async load(path: string): Promise<Word2VecModel> {
    const { header, matrices } = await readModelFile(path);
    try {
      return Word2VecModel.#fromFile(path, header, matrices);
    } catch (error) {
      for (const matrix of matrices.values()) releaseArray(matrix);
      throw error;
    }
  }

  static #fromFile(
    path: string,
    header: Record<string, unknown>,
    matrices: ReadonlyMap<string, Float32Array>,
  ): Word2VecModel {
    const where = { file: path, offset: 12 };
    if (header.format !== FORMAT || header.version !== VERSION) {
      throw new FormatError(where, `format "${FORMAT}" version ${VERSION} in the header`);
    }
    let options: Word2VecOptions;
    let vocabulary: Vocabulary;
    let random: Random;
    try {
      options = resolveWord2VecOptions(header.options as Word2VecOptions);
      vocabulary = Vocabulary.fromJSON(header.vocabulary);
      random = Random.fromState(header.random as number[]);
    } catch (error) {
      if (!isEmbeddingError(error)) throw error;
      throw new FormatError(where, 'valid options, vocabulary and random state in the header', error.message);
    }
    const epochsTrained = header.epochsTrained;
    if (typeof epochsTrained !== 'number' || !Number.isSafeInteger(epochsTrained) || epochsTrained < 0) {
      throw new FormatError(where, 'epochsTrained: a non-negative integer', String(epochsTrained));
    }
    const { dim } = options;
    const size = vocabulary.size;
    const matrix = (name: string, rows: number): Float32Array => {
      const data = matrices.get(name);
      if (data?.length !== rows * dim) {
        throw new FormatError(
          where,
          `a "${name}" matrix of ${rows} x ${dim}`,
          data && `${data.length} floats`,
        );
      }
      return data;
    };
    const inputWeights = matrix('input', size);
    const objectives = word2vecObjectives(options, vocabulary.counts, matrix);
    const expected = ['input', ...objectiveMatrices(objectives).map(({ name }) => name)];
    for (const name of matrices.keys()) {
      if (!expected.includes(name)) {
        throw new FormatError(
          where,
          `only the matrices ${expected.join(', ')} for these options`,
          JSON.stringify(name),
        );
      }
    }
    return new Word2VecModel({ options, vocabulary, inputWeights, objectives, random, epochsTrained });
  }

  /**
   * Gives the weight arrays back to the kernel memory they were allocated in (core-math's
   * `releaseArray`; with the WebAssembly kernels that memory is shared and never shrinks by
   * itself, so a long-running process that trains many models should dispose of the ones it no
   * longer needs). Neither the model nor anything taken from it (its word vectors, a vector view)
   * may be used afterwards.
   */
  dispose(): void {
    releaseArray(this.inputWeights);
    for (const { weights } of objectiveMatrices(this.objectives)) releaseArray(weights);
  }

  /**
   * Writes the word vectors to `path` in a word2vec / GloVe format (default word2vec text, as
   * gensim's `save_word2vec_format`), through @embedkit/vector-io.
   */
  async saveVectors(path: string, format: VectorFormat = 'word2vec-text'): Promise<void> {
    await writeVectors(path, this.wordVectors, { format });
  }
}

/**
 * Trains word2vec on `corpus` (a file path, read as a stream with one sentence per line, or
 * sentences of tokens; it is read several times, so not a generator object): builds the vocabulary,
 * initialises the vectors (see {@link Word2VecModel.initialize}) and trains with `context.threads` worker
 * threads (default: all cores; 1 with a fixed `context.seed` gives bit-identical vectors).
 *
 * @example
 * ```ts
 * const model = await trainWord2Vec('corpus.txt', { model: 'skipgram', dim: 100 }, { threads: 4 });
 * model.vector('king');
 * ```
 * @throws ConfigError for a bad option
 * @throws EmptyVocabularyError when no word occurs `minCount` times
 * @throws CancelledError when `context.signal` aborts
 * @throws NumericError when training diverges (lower `lr`)
 */
export async function trainWord2Vec(
  corpus: TrainingCorpus,
  options: Word2VecOptionsInput = {},
  context: TrainContext = {},
): Promise<Word2VecModel> {
  const resolved = resolveWord2VecOptions(options);
  const { seed, threads } = resolveRunSettings(context);
  assertReiterable(corpus);
  const signal = context.signal === undefined ? {} : { signal: context.signal };
  return withReplayableCorpus(corpus, signal, (replayable) =>
    withPrestartedWorkers(threads, async () => {
      const { vocabulary, encoded } = await Vocabulary.buildAndEncode(replayable, {
        minCount: resolved.minCount,
        maxSentenceLength: resolved.maxSentenceLength,
        maxEncodedTokens: resolved.maxInMemoryTokens,
        ...(resolved.maxVocab === undefined ? {} : { maxVocab: resolved.maxVocab }),
        ...signal,
        ...(context.onProgress === undefined ? {} : { onProgress: context.onProgress }),
      });
      const model = Word2VecModel.initialize(vocabulary, resolved, {
        ...(seed === undefined ? {} : { seed }),
        countedCorpus: replayable,
        ...(encoded === undefined ? {} : { encodedCorpus: encoded }),
      });
      await model.train(replayable, {}, { ...context, seed: undefined });
      return model;
    }),
  );
}
