import { AlgorithmRegistry } from '@embedkit/core-math';
import { fasttextCbow, fasttextSkipgram } from '@embedkit/fasttext-subword';
import { word2vecCbow, word2vecSkipgram } from '@embedkit/word2vec';
import { ppmiSvd } from './ppmi-svd.js';

/**
 * A registry of the built-in algorithms that train in a browser page as in Node —
 * `word2vec-skipgram`, `word2vec-cbow`, `fasttext-skipgram`, `fasttext-cbow` (on Web Workers) and
 * `ppmi-svd` — for an app that lists them. `glove` (its training runs on `node:worker_threads`),
 * the graph algorithms and plug-ins loaded from paths are in {@link createRegistry} only.
 */
export function createBrowserRegistry(): AlgorithmRegistry {
  return new AlgorithmRegistry()
    .register(word2vecSkipgram)
    .register(word2vecCbow)
    .register(fasttextSkipgram)
    .register(fasttextCbow)
    .register(ppmiSvd);
}
