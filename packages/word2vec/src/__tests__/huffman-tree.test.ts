import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHuffmanTree } from '../huffman-tree.js';

function path(tree: ReturnType<typeof buildHuffmanTree>, word: number): { nodes: number[]; codes: number[] } {
  const from = tree.offsets[word]!;
  const to = tree.offsets[word + 1]!;
  return { nodes: [...tree.nodes.subarray(from, to)], codes: [...tree.codes.subarray(from, to)] };
}

/** Cost of an optimal prefix code: the sum of all merged weights (computed independently). */
function optimalCost(counts: number[]): number {
  const queue = [...counts];
  let cost = 0;
  while (queue.length > 1) {
    queue.sort((a, b) => a - b);
    const merged = queue.shift()! + queue.shift()!;
    cost += merged;
    queue.push(merged);
  }
  return cost;
}

describe('buildHuffmanTree', () => {
  it('builds word2vec’s tree for a small vocabulary (hand-computed)', () => {
    // Leaves 2 (1) and 1 (2) merge into inner node 0 (3); on the tie with word 0 (3) the inner
    // node goes first, as in word2vec, so the root (node 1) has children node 0 (code 0) and word 0 (code 1).
    const tree = buildHuffmanTree([3, 2, 1]);
    expect(path(tree, 0)).toEqual({ nodes: [1], codes: [1] });
    expect(path(tree, 1)).toEqual({ nodes: [1, 0], codes: [0, 1] });
    expect(path(tree, 2)).toEqual({ nodes: [1, 0], codes: [0, 0] });
  });

  it('gives the only word of a one-word vocabulary an empty path', () => {
    const tree = buildHuffmanTree([7]);
    expect([...tree.offsets]).toEqual([0, 0]);
    expect(tree.nodes.length).toBe(0);
  });

  it('rejects empty and invalid counts', () => {
    expect(() => buildHuffmanTree([])).toThrow(/at least one count/);
    expect(() => buildHuffmanTree([1, -1])).toThrow(/counts\[1\]/);
    expect(() => buildHuffmanTree([1, Number.NaN])).toThrow(/counts\[1\]/);
  });

  it('is an optimal, complete prefix code whose paths start at the root', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 60 }), (counts) => {
        const tree = buildHuffmanTree(counts);
        const size = counts.length;
        const codes = counts.map((_, w) => path(tree, w).codes.join(''));
        let kraft = 0;
        let cost = 0;
        for (let w = 0; w < size; w++) {
          const { nodes } = path(tree, w);
          expect(nodes.length).toBeGreaterThan(0);
          expect(nodes[0]).toBe(size - 2);
          for (const node of nodes) expect(node >= 0 && node < size - 1).toBe(true);
          kraft += 2 ** -nodes.length;
          cost += counts[w]! * nodes.length;
          for (let v = 0; v < size; v++) {
            if (v !== w) expect(codes[v]!.startsWith(codes[w]!)).toBe(false);
          }
        }
        expect(kraft).toBeCloseTo(1, 12);
        expect(cost).toBe(optimalCost(counts));
      }),
    );
  });
});
