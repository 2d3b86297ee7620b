/** fastText's model kinds as stored in a `.bin` header (`model_name`: cbow 1, sg 2, sup 3). */
export type FastTextModelName = 'cbow' | 'skipgram' | 'supervised';

/** fastText's losses as stored in a `.bin` header (`loss_name`: hs 1, ns 2, softmax 3, ova 4). */
export type FastTextLossName = 'hs' | 'ns' | 'softmax' | 'ova';

/**
 * The training arguments a fastText `.bin` header stores (`Args::save`), with fastText's own
 * names. Only `dim`, `minn`, `maxn` and `bucket` affect the vectors a loaded model gives; the rest
 * is kept so a saved model says how it was trained.
 */
export interface FastTextArgs {
  /** Vector dimension (`-dim`). */
  readonly dim: number;
  /** Context window (`-ws`). */
  readonly ws: number;
  /** Passes over the corpus (`-epoch`). */
  readonly epoch: number;
  /** Minimum word count (`-minCount`). */
  readonly minCount: number;
  /** Negative samples (`-neg`). */
  readonly neg: number;
  /** Word n-grams (`-wordNgrams`; 1 for unsupervised models). */
  readonly wordNgrams: number;
  /** Loss (`-loss`). */
  readonly loss: FastTextLossName;
  /** Model kind. */
  readonly model: FastTextModelName;
  /** Hash buckets for character n-grams (`-bucket`). */
  readonly bucket: number;
  /** Shortest character n-gram (`-minn`). */
  readonly minn: number;
  /** Longest character n-gram (`-maxn`; 0 = no subwords). */
  readonly maxn: number;
  /** Learning-rate update interval in tokens (`-lrUpdateRate`). */
  readonly lrUpdateRate: number;
  /** Subsampling threshold (`-t`). */
  readonly t: number;
}

/** The `model_name` codes of a `.bin` header, in code order starting at 1. */
export const MODEL_CODES: readonly FastTextModelName[] = ['cbow', 'skipgram', 'supervised'];

/** The `loss_name` codes of a `.bin` header, in code order starting at 1. */
export const LOSS_CODES: readonly FastTextLossName[] = ['hs', 'ns', 'softmax', 'ova'];
