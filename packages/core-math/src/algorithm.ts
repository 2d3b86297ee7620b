import type { Embedder } from './embedder.js';
import type { SavableModel } from './savable-model.js';

/**
 * A training corpus: a file path (read as a stream, one sentence per line; a one-line corpus such
 * as text8 is split into pieces), or sentences of tokens, synchronous or asynchronous.
 */
export type TrainingCorpus = string | Iterable<readonly string[]> | AsyncIterable<readonly string[]>;

/** One progress report from a long-running job; fields a job does not compute are absent. */
export interface TrainingProgress {
  /** What the job is doing now, e.g. `vocabulary`, `training`, `cooccurrence`. */
  readonly phase: string;
  /** 0-based epoch, during training. */
  readonly epoch?: number;
  /** Total epochs. */
  readonly epochs?: number;
  /** Work done so far in this run (tokens or co-occurrence entries, see `unit`). */
  readonly processed?: number;
  /** Work expected in the whole run, when known. */
  readonly total?: number;
  /** What `processed` / `total` count, e.g. `words`, `pairs`. */
  readonly unit?: string;
  /** Fraction of the whole run done, 0..1. */
  readonly fraction?: number;
  /** Current learning rate. */
  readonly learningRate?: number;
  /** Throughput in `unit`s per second since the start of this phase. */
  readonly perSecond?: number;
  /** Mean loss (or cost) over the latest reporting interval, where computed. */
  readonly loss?: number;
  /**
   * Predictions made so far in this run (calls of the objective: one per skip-gram pair or CBOW
   * window), where the trainer counts them; with the objective's steps per prediction this gives the
   * floating-point work done.
   */
  readonly predictions?: number;
  /** A warning or note for the user (e.g. an option that was clamped). */
  readonly message?: string;
}

/** What a caller hands a trainer besides its options. */
export interface TrainContext {
  /** Called at a bounded rate with progress; must not throw. */
  readonly onProgress?: (progress: TrainingProgress) => void;
  /** Stops training promptly; the trainer then rejects with `CancelledError`. */
  readonly signal?: AbortSignal;
  /** Worker threads to use (clamped to the machine, with a warning through `onProgress`). */
  readonly threads?: number;
  /** Seed of every random choice; with `threads: 1` the same seed gives bit-identical vectors. */
  readonly seed?: number;
}

/** Options shared by every algorithm, spelled the same in the bench, the CLI and the packages. */
export interface CommonTrainOptions {
  /** Vector dimension. */
  readonly dim?: number;
  /** Context window (words on each side). */
  readonly window?: number;
  /** Words seen fewer times are dropped from the vocabulary. */
  readonly minCount?: number;
  /** Keep at most this many most frequent words. */
  readonly maxVocab?: number;
  /** Passes over the corpus. */
  readonly epochs?: number;
}

/**
 * The plug-in point: an embedding algorithm the bench and the CLI can discover through a registry.
 * A researcher adds one by registering an object of this shape.
 */
export interface EmbeddingAlgorithm<Options extends object = Record<string, unknown>> {
  /** Stable id, e.g. `word2vec-skipgram`; lower case, digits and dashes. */
  readonly id: string;
  /** One line saying what it is, with the paper it implements. */
  readonly description: string;
  /** The defaults of every option it takes; the keys are the options it accepts. */
  readonly defaults: Readonly<Options>;
  /**
   * The formats its trained models save themselves in besides word vectors (see
   * {@link SavableModel}), e.g. `['fasttext-bin']`; known before training, so that an app can pick
   * and check an output format up front. Absent or empty: its models are saved as word vectors only.
   */
  readonly modelFormats?: readonly string[];
  /** Trains on `corpus` and returns the resulting embedder. */
  train(corpus: TrainingCorpus, options: Partial<Options>, context?: TrainContext): Promise<Embedder>;
}

/** A named set of algorithms, looked up by id. */
export class AlgorithmRegistry {
  readonly #byId = new Map<string, EmbeddingAlgorithm<object>>();

  /** Adds `algorithm`; throws when its id is taken or malformed. */
  register<O extends object>(algorithm: EmbeddingAlgorithm<O>): this {
    if (!/^[a-z][a-z0-9-]*$/.test(algorithm.id)) {
      throw new TypeError(
        `algorithm id ${JSON.stringify(algorithm.id)} must be lower case letters, digits and dashes`,
      );
    }
    if (this.#byId.has(algorithm.id))
      throw new TypeError(`algorithm id ${algorithm.id} is already registered`);
    this.#byId.set(algorithm.id, algorithm as unknown as EmbeddingAlgorithm<object>);
    return this;
  }

  /** The algorithm registered under `id`, or `undefined`. */
  get(id: string): EmbeddingAlgorithm<object> | undefined {
    return this.#byId.get(id);
  }

  /** Whether `id` is registered. */
  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** Registered ids in registration order. */
  ids(): string[] {
    return [...this.#byId.keys()];
  }

  /** Registered algorithms in registration order. */
  list(): EmbeddingAlgorithm<object>[] {
    return [...this.#byId.values()];
  }
}

/** Whether `value` has the shape of an {@link EmbeddingAlgorithm} (for loading plug-ins). */
export function isEmbeddingAlgorithm(value: unknown): value is EmbeddingAlgorithm<object> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<EmbeddingAlgorithm<object>>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.description === 'string' &&
    typeof candidate.defaults === 'object' &&
    candidate.defaults !== null &&
    typeof candidate.train === 'function'
  );
}
