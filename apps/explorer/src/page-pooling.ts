import { POOLING_METHODS, type PoolingMethod } from '@embedkit/text-pooling';

/** The pooling methods the page offers: all but `weighted`, which needs a weight per word. */
export const PAGE_POOLING_METHODS: readonly PoolingMethod[] = POOLING_METHODS.filter((m) => m !== 'weighted');
