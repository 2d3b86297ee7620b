import { ConfigError } from '@embedkit/core-math';
import { planMemory } from './memory-plan.js';

/** Which vectors a trained model exposes: `sum` is W + W̃ (the tools' `-model 2`), `word` is W (`-model 1`). */
export type GloveOutput = 'sum' | 'word';

/** Options of the co-occurrence count (the Stanford `cooccur` tool's). */
export interface CooccurrenceOptions {
  /** Context words on each side (on the left only when `symmetric` is false). Default 10. */
  readonly window?: number;
  /** Count right contexts too (`cooccur -symmetric 1`); `false` counts left contexts only. Default true. */
  readonly symmetric?: boolean;
  /**
   * Memory budget of the run, in megabytes (2^20 bytes), like `cooccur -memory` (which takes
   * gigabytes): the counting stores are planned as `cooccur` plans half of it, the training entries
   * (16 bytes per non-zero co-occurrence) then reuse their bytes. When the sparse counts outgrow
   * their share, sorted runs spill to temporary files that are merged at the end. Default 1024.
   */
  readonly memory?: number;
  /** Directory for the spilled runs (a private subdirectory is created and removed). Default `os.tmpdir()`. */
  readonly tmpDir?: string;
}

/** Every option of GloVe training, spelled as everywhere in embedkit. */
export interface GloveOptions extends CooccurrenceOptions {
  /** Vector dimension (`glove -vector-size`). Default 100. */
  readonly dim?: number;
  /** Words seen fewer times are dropped (`vocab_count -min-count`). Default 5. */
  readonly minCount?: number;
  /** Keep at most this many most frequent words (`vocab_count -max-vocab`). Default: no limit. */
  readonly maxVocab?: number;
  /** Passes over the co-occurrence matrix (`glove -iter`). Default 25. */
  readonly epochs?: number;
  /** Initial AdaGrad learning rate (`glove -eta`). Default 0.05. */
  readonly lr?: number;
  /** Cutoff of the weighting function f(x) = min(1, (x / xMax)^alpha) (`glove -x-max`). Default 100. */
  readonly xMax?: number;
  /** Exponent of the weighting function (`glove -alpha`). Default 0.75. */
  readonly alpha?: number;
  /** Each gradient component is clipped to [-gradClip, gradClip] (`glove -grad-clip`). Default 100. */
  readonly gradClip?: number;
  /** Which vectors the model exposes and saves. Default `sum`. */
  readonly output?: GloveOutput;
}

/** {@link CooccurrenceOptions} with defaults applied and values checked. */
export interface ResolvedCooccurrenceOptions {
  readonly window: number;
  readonly symmetric: boolean;
  readonly memory: number;
  readonly tmpDir: string | undefined;
}

/** {@link GloveOptions} with defaults applied and values checked. */
export interface ResolvedGloveOptions extends ResolvedCooccurrenceOptions {
  readonly dim: number;
  readonly minCount: number;
  readonly maxVocab: number | undefined;
  readonly epochs: number;
  readonly lr: number;
  readonly xMax: number;
  readonly alpha: number;
  readonly gradClip: number;
  readonly output: GloveOutput;
}

/** The defaults of every GloVe option (`maxVocab` and `tmpDir` are unset: no limit, `os.tmpdir()`). */
export const GLOVE_DEFAULTS = Object.freeze({
  dim: 100,
  window: 10,
  symmetric: true,
  minCount: 5,
  maxVocab: undefined,
  epochs: 25,
  lr: 0.05,
  xMax: 100,
  alpha: 0.75,
  gradClip: 100,
  memory: 1024,
  tmpDir: undefined,
  output: 'sum',
} as const);

const KNOWN_OPTIONS = Object.keys(GLOVE_DEFAULTS);

function integer(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(option, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

function atLeast(option: string, value: unknown, min: number, inclusive: boolean): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (inclusive ? value >= min : value > min);
  if (!ok) {
    throw new ConfigError(
      option,
      value,
      `a finite number ${inclusive ? 'of at least' : 'greater than'} ${min}`,
    );
  }
  return value;
}

/**
 * Applies the defaults of {@link CooccurrenceOptions} and checks them, the memory budget included
 * (it must hold the pairs one token adds); throws `ConfigError`.
 */
export function resolveCooccurrenceOptions(options: CooccurrenceOptions = {}): ResolvedCooccurrenceOptions {
  const symmetric = options.symmetric ?? GLOVE_DEFAULTS.symmetric;
  if (typeof symmetric !== 'boolean') throw new ConfigError('symmetric', symmetric, 'true or false');
  const tmpDir = options.tmpDir;
  if (tmpDir !== undefined && (typeof tmpDir !== 'string' || tmpDir === '')) {
    throw new ConfigError('tmpDir', tmpDir, 'a directory path');
  }
  const window = integer('window', options.window ?? GLOVE_DEFAULTS.window, 1, 1000);
  const memory = atLeast('memory', options.memory ?? GLOVE_DEFAULTS.memory, 0, false);
  planMemory(memory, symmetric ? 2 * window : window, 1);
  return { window, symmetric, memory, tmpDir };
}

/**
 * Applies {@link GLOVE_DEFAULTS} to `options` and checks every value; throws `ConfigError` naming
 * the option, the value and what is allowed (an unknown option name is an error too).
 */
export function resolveGloveOptions(options: GloveOptions = {}): ResolvedGloveOptions {
  for (const [key, value] of Object.entries(options)) {
    if (!KNOWN_OPTIONS.includes(key)) {
      throw new ConfigError(key, value, `an option glove takes: ${KNOWN_OPTIONS.join(', ')}`);
    }
  }
  const output = options.output ?? GLOVE_DEFAULTS.output;
  if (output !== 'sum' && output !== 'word') throw new ConfigError('output', output, '"sum" or "word"');
  return {
    ...resolveCooccurrenceOptions(options),
    dim: integer('dim', options.dim ?? GLOVE_DEFAULTS.dim, 1, 100_000),
    minCount: integer('minCount', options.minCount ?? GLOVE_DEFAULTS.minCount, 1, Number.MAX_SAFE_INTEGER),
    // Keys pack (row, column) as row * V + column in a float64: V^2 must stay below 2^53.
    maxVocab: options.maxVocab === undefined ? undefined : integer('maxVocab', options.maxVocab, 1, 2 ** 26),
    epochs: integer('epochs', options.epochs ?? GLOVE_DEFAULTS.epochs, 1, 1_000_000),
    lr: atLeast('lr', options.lr ?? GLOVE_DEFAULTS.lr, 0, false),
    xMax: atLeast('xMax', options.xMax ?? GLOVE_DEFAULTS.xMax, 0, false),
    alpha: atLeast('alpha', options.alpha ?? GLOVE_DEFAULTS.alpha, 0, true),
    gradClip: atLeast('gradClip', options.gradClip ?? GLOVE_DEFAULTS.gradClip, 0, false),
    output,
  };
}
