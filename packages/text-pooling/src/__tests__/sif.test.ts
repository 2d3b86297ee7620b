import { Random, WordVectors } from '@embedkit/core-math';
import { kernels } from '@embedkit/core-math/kernels';
import { describeIf, hasGensim, runPython } from '#test-utils/fixtures.js';
import { describe, expect, it } from 'vitest';
import { TextEmbedder } from '../index.js';
import { expectClose } from './toy-embedders.js';

const dim = 8;
const random = new Random(42);
const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
// Word vectors sharing a common direction, as real embeddings do: SIF's first component.
const common = Array.from({ length: dim }, () => random.nextFloat() * 2);
const matrix = new Float32Array(words.length * dim);
for (let i = 0; i < matrix.length; i++) matrix[i] = random.nextFloat() - 0.5 + common[i % dim]!;
const vectors = new WordVectors(words, matrix, dim);

function randomText(length: number): string {
  // Zipf-like: low ids are frequent.
  return Array.from({ length }, () => words[Math.floor(words.length * random.nextFloat() ** 2)]!).join(' ');
}
const fitTexts = Array.from({ length: 40 }, (_, i) => randomText(3 + (i % 7)));
const otherTexts = Array.from({ length: 10 }, () => randomText(5));

describe('SIF common component removal', () => {
  it('makes every pooled vector orthogonal to the fitted components, fitted texts or not', () => {
    for (const components of [1, 3]) {
      const embedder = new TextEmbedder(vectors, { method: 'sif', a: 0.01, components }).fit(fitTexts);
      const pcs = embedder.principalComponents!;
      expect(pcs.length).toBe(components * dim);
      const batch = embedder.embedMany([...fitTexts, ...otherTexts]);
      for (let row = 0; row < batch.count; row++) {
        for (let c = 0; c < components; c++) {
          const along = kernels().dot(batch.vectors, row * dim, pcs, c * dim, dim);
          expect(Math.abs(along)).toBeLessThan(1e-5);
        }
      }
    }
  });

  it('removes the direction that dominates the weighted averages', () => {
    const embedder = new TextEmbedder(vectors, { method: 'sif', a: 0.01 }).fit(fitTexts);
    const pc = embedder.principalComponents!;
    const norm = Math.hypot(...common);
    const cos = common.reduce((sum, value, j) => sum + value * pc[j]!, 0) / norm;
    expect(Math.abs(cos)).toBeGreaterThan(0.95);
  });
});

describeIf(hasGensim, 'numpy (installed with gensim) is needed')(
  'SIF against a numpy transcription of the paper',
  () => {
    it('gives the vectors of the SIF paper’s get_weighted_average + remove_pc (SVD, uncentred)', () => {
      const a = 0.01;
      const embedder = new TextEmbedder(vectors, { method: 'sif', a }).fit(fitTexts);
      const ours = embedder.embedMany(fitTexts).vectors;
      const input = JSON.stringify({
        vectors: Object.fromEntries(
          words.map((word, i) => [word, Array.from(matrix.subarray(i * dim, (i + 1) * dim))]),
        ),
        texts: fitTexts.map((text) => text.split(' ')),
        a,
      });
      const output = runPython(
        `
import json, sys, collections
import numpy as np
data = json.loads(sys.argv[1])
texts, a = data['texts'], data['a']
counts = collections.Counter(w for t in texts for w in t)
total = sum(counts.values())
weight = {w: a / (a + c / total) for w, c in counts.items()}
X = np.array([np.mean([weight[w] * np.array(data['vectors'][w], dtype=np.float64) for w in t], axis=0) for t in texts])
_, _, vt = np.linalg.svd(X, full_matrices=False)
pc = vt[:1]
print(json.dumps((X - X.dot(pc.T) * pc).ravel().tolist()))
`,
        [input],
      );
      expectClose(ours, JSON.parse(output) as number[], 1e-5);
    });
  },
);

describe('SIF fitted on texts without a word (issue 15, item 9)', () => {
  it('says the texts hold no word instead of "option total: got 0"', () => {
    const embedder = new TextEmbedder(vectors, { method: 'sif' });
    expect(() => embedder.fit(['', '   ', '\t'])).toThrow(
      'option texts: got "3 texts without a word", expected at least one text with a word, to count the word frequencies SIF weights by (or give a frequencies table)',
    );
  });
});
