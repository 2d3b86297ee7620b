import type { EmbeddingAlgorithm } from '@embedkit/core-math';
import type { GloveOptions } from './options.js';
import { GLOVE_DEFAULTS } from './options.js';
import { trainGlove } from './train-glove.js';

/**
 * GloVe as an {@link EmbeddingAlgorithm} (id `glove`) for the algorithm registry: `train` is
 * {@link trainGlove} and resolves to a {@link GloveModel}.
 */
export const glove: EmbeddingAlgorithm<GloveOptions> = {
  id: 'glove',
  description:
    'GloVe: global vectors from weighted least squares on word co-occurrence counts, trained with AdaGrad (Pennington, Socher and Manning, 2014)',
  defaults: GLOVE_DEFAULTS,
  train: (corpus, options, context) => trainGlove(corpus, options, context),
};
