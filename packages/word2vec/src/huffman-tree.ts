import { ConfigError } from '@embedkit/core-math';

/**
 * The Huffman tree of hierarchical softmax (Morin and Bengio 2005; Mikolov et al. 2013), stored
 * as data so worker threads can share it: for word `w`, entries `offsets[w]` up to
 * `offsets[w + 1]` of `nodes` list the inner nodes on the path from the root to the word's leaf,
 * and the same entries of `codes` say which branch (0 or 1) the path takes at each of them.
 *
 * Inner nodes are numbered 0..size-2 in the order they were created; the root is `size - 2`, and
 * row `n` of the hierarchical-softmax weights belongs to inner node `n`.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface HuffmanTree {
  /** `size + 1` offsets into `nodes` and `codes`; word `w`'s path is `offsets[w]..offsets[w+1]`. */
  readonly offsets: Int32Array;
  /** Inner-node indices on each word's path, from the root down. */
  readonly nodes: Int32Array;
  /** The branch taken at the matching entry of `nodes`: 0 or 1. */
  readonly codes: Uint8Array;
}

/**
 * Builds the Huffman tree of `counts` (one leaf per word): frequent words get short paths. With
 * one word the tree has no inner node and the word's path is empty.
 *
 * The two least frequent subtrees are merged repeatedly, as word2vec's `CreateBinaryTree` does,
 * with the two-queue method: the leaves sorted by ascending count, then the inner nodes in the
 * order they were made (their counts ascend too). As in word2vec, a leaf is merged before an inner
 * node only when its count is smaller, and leaves of equal count go in descending index order, so
 * a vocabulary sorted by descending count gives word2vec's tree; the second subtree of a merge
 * gets code 1.
 *
 * @throws ConfigError when `counts` is empty or holds a negative or non-finite count
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function buildHuffmanTree(counts: ArrayLike<number>): HuffmanTree {
  const size = counts.length;
  if (size === 0) throw new ConfigError('counts', '[]', 'at least one count');
  for (let i = 0; i < size; i++) {
    const count = counts[i]!;
    if (!(count >= 0 && count < Number.POSITIVE_INFINITY)) {
      throw new ConfigError(`counts[${i}]`, count, 'a finite number >= 0');
    }
  }
  // Leaves by ascending count; ties by descending index (word2vec walks its sorted vocabulary
  // from the end).
  const leaves = Int32Array.from({ length: size }, (_, i) => size - 1 - i);
  leaves.sort((a, b) => counts[a]! - counts[b]! || b - a);

  const innerCount = size - 1;
  const innerWeight = new Float64Array(innerCount);
  // parent[v] for v < size is a leaf's parent; v >= size is inner node v - size.
  const parent = new Int32Array(size + innerCount);
  const branch = new Uint8Array(size + innerCount);
  let nextLeaf = 0;
  let nextInner = 0;
  const takeSmallest = (made: number): number => {
    const leafAvailable = nextLeaf < size;
    const innerAvailable = nextInner < made;
    if (leafAvailable && (!innerAvailable || counts[leaves[nextLeaf]!]! < innerWeight[nextInner]!)) {
      return leaves[nextLeaf++]!;
    }
    return size + nextInner++;
  };
  const weightOf = (vertex: number): number =>
    vertex < size ? counts[vertex]! : innerWeight[vertex - size]!;
  for (let made = 0; made < innerCount; made++) {
    const first = takeSmallest(made);
    const second = takeSmallest(made);
    innerWeight[made] = weightOf(first) + weightOf(second);
    parent[first] = made;
    parent[second] = made;
    branch[second] = 1;
  }

  if (innerCount === 0)
    return { offsets: new Int32Array(2), nodes: new Int32Array(0), codes: new Uint8Array(0) };
  const rootVertex = size + innerCount - 1;
  const depth = new Int32Array(size);
  let total = 0;
  for (let word = 0; word < size; word++) {
    let length = 0;
    for (let vertex = word; vertex !== rootVertex; vertex = size + parent[vertex]!) length++;
    depth[word] = length;
    total += length;
  }
  const offsets = new Int32Array(size + 1);
  for (let word = 0; word < size; word++) offsets[word + 1] = offsets[word]! + depth[word]!;
  const nodes = new Int32Array(total);
  const codes = new Uint8Array(total);
  for (let word = 0; word < size; word++) {
    // Walk up from the leaf, filling the path from its end.
    let at = offsets[word + 1]!;
    for (let vertex = word; vertex !== rootVertex; vertex = size + parent[vertex]!) {
      at--;
      nodes[at] = parent[vertex]!;
      codes[at] = branch[vertex]!;
    }
  }
  return { offsets, nodes, codes };
}
