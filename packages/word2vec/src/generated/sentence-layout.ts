// Generated from assembly/sentence-layout.json by `pnpm --filter @embedkit/word2vec generate`; do not edit.
// src/__tests__/generated-files.test.ts fails when this differs from the definition.

/** The header of the tables block: word index of each field. */
export const TABLE_LAYOUT = {
  /** 0 skip-gram, 1 CBOW */
  architecture: 0,
  /** vector dimension */
  dim: 1,
  /** largest window */
  window: 2,
  /** 1: average the context rows, 0: sum them */
  cbowMean: 3,
  /** tokens (outputs) */
  vocabulary: 4,
  /** address of the input matrix */
  input: 5,
  /** 0 when token t is input row t */
  encoderOffsets: 6,
  /** address of the encoder's rows */
  encoderRows: 7,
  /** 0 when every token is kept */
  keep: 8,
  /** 0 without negative sampling */
  negative: 9,
  /** address of negative sampling's output rows */
  output: 10,
  /** per word: u32 threshold, i32 alias */
  aliasTable: 11,
  /** 0 without hierarchical softmax */
  treeOffsets: 13,
  /** every path, one int per step: inner node << 1 | branch */
  treePath: 14,
  /** 1: leave a node whose score is saturated as it is (word2vec, gensim) */
  treeSkipSaturated: 15,
  /** address of hierarchical softmax's node rows */
  nodes: 16,
  /** σ then log σ, size + 1 floats each */
  sigmoid: 17,
  /** entries of the sigmoid table */
  sigmoidSize: 18,
  /** f64 (two words) */
  maxExp: 20,
  /** f64 (two words) */
  factor: 22,
  /** 0, or negatives shared over a skip-gram window: context rows per block */
  sharedBlock: 12,
  /** 1: each block draws its own negatives and the target is predicted pair by pair ('block'); 0: one draw per window ('window') */
  sharedDraws: 19,
} as const;
/** Words of the the header of the tables block. */
export const TABLE_HEADER_WORDS = 24;

/** The header of a workspace: word index of each field. */
export const WORKSPACE_LAYOUT = {
  /** four words of xoshiro128** state */
  random: 0,
  /** 0, or what was wrong */
  status: 4,
  /** the next sentence to train */
  next: 5,
  /** tokens processed by the last call */
  words: 6,
  /** predictions of the last call */
  predictions: 7,
  /** address of dim floats */
  hidden: 8,
  /** address of dim floats */
  gradient: 9,
  /** address of the draws of two predictions: 2 · negative ints, or 2 · negative · blocks per window with sharedDraws */
  noise: 10,
  /** what drawNegatives read of the rows, stored so the reads stay */
  sink: 11,
  /** shared negatives: address of the block's input addresses, output addresses, updates and input updates */
  shared: 14,
} as const;
/** Words of the the header of a workspace. */
export const WORKSPACE_HEADER_WORDS = 16;
