// Header layout of the WebAssembly sentence loop's tables and workspace (word indices).
export const TABLE_LAYOUT = {
  architecture: 0,
  dim: 1,
  window: 2,
  cbowMean: 3,
  vocabulary: 4,
  input: 5,
  encoderOffsets: 6,
  encoderRows: 7,
  keep: 8,
  negative: 9,
  output: 10,
  aliasTable: 11,
  treeOffsets: 13,
  treeNodes: 14,
  treeCodes: 15,
  nodes: 16,
  sigmoid: 17,
  sigmoidSize: 18,
  maxExp: 20,
  factor: 22,
} as const;
export const TABLE_HEADER_WORDS = 24;
export const WORKSPACE_LAYOUT = {
  random: 0,
  status: 4,
  next: 5,
  words: 6,
  predictions: 7,
  hidden: 8,
  gradient: 9,
  noise: 10,
  sink: 11,
} as const;
export const WORKSPACE_HEADER_WORDS = 16;
