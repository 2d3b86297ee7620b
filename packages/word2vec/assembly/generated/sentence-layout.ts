// Generated from assembly/sentence-layout.json by `pnpm --filter @embedkit/word2vec generate`; do not edit.
// src/__tests__/generated-files.test.ts fails when this differs from the definition.

// Table header words.
export const T_ARCHITECTURE: i32 = 0; // 0 skip-gram, 1 CBOW
export const T_DIM: i32 = 1; // vector dimension
export const T_WINDOW: i32 = 2; // largest window
export const T_CBOW_MEAN: i32 = 3; // 1: average the context rows, 0: sum them
export const T_VOCABULARY: i32 = 4; // tokens (outputs)
export const T_INPUT: i32 = 5; // address of the input matrix
export const T_ENCODER_OFFSETS: i32 = 6; // 0 when token t is input row t
export const T_ENCODER_ROWS: i32 = 7; // address of the encoder's rows
export const T_KEEP: i32 = 8; // 0 when every token is kept
export const T_NEGATIVE: i32 = 9; // 0 without negative sampling
export const T_OUTPUT: i32 = 10; // address of negative sampling's output rows
export const T_ALIAS_TABLE: i32 = 11; // per word: u32 threshold, i32 alias
export const T_TREE_OFFSETS: i32 = 13; // 0 without hierarchical softmax
export const T_TREE_PATH: i32 = 14; // every path, one int per step: inner node << 1 | branch
export const T_TREE_SKIP_SATURATED: i32 = 15; // 1: leave a node whose score is saturated as it is (word2vec, gensim)
export const T_NODES: i32 = 16; // address of hierarchical softmax's node rows
export const T_SIGMOID: i32 = 17; // σ then log σ, size + 1 floats each
export const T_SIGMOID_SIZE: i32 = 18; // entries of the sigmoid table
export const T_MAX_EXP: i32 = 20; // f64 (two words)
export const T_FACTOR: i32 = 22; // f64 (two words)
export const T_SHARED_BLOCK: i32 = 12; // 0, or negatives shared over a skip-gram window: context rows per block
export const T_SHARED_DRAWS: i32 = 19; // 1: each block draws its own negatives and the target is predicted pair by pair ('block'); 0: one draw per window ('window')

// Workspace words.
export const W_RANDOM: i32 = 0; // four words of xoshiro128** state
export const W_STATUS: i32 = 4; // 0, or what was wrong
export const W_NEXT: i32 = 5; // the next sentence to train
export const W_WORDS: i32 = 6; // tokens processed by the last call
export const W_PREDICTIONS: i32 = 7; // predictions of the last call
export const W_HIDDEN: i32 = 8; // address of dim floats
export const W_GRADIENT: i32 = 9; // address of dim floats
export const W_NOISE: i32 = 10; // address of the draws of two predictions: 2 · negative ints, or 2 · negative · blocks per window with sharedDraws
export const W_SINK: i32 = 11; // what drawNegatives read of the rows, stored so the reads stay
export const W_SHARED: i32 = 14; // shared negatives: address of the block's input addresses, output addresses, updates and input updates
