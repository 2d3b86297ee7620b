import { AlgorithmRegistry } from '@embedkit/core-math';
import { fasttextCbow, fasttextSkipgram } from '@embedkit/fasttext-subword';
import { fasttextSupervised } from '@embedkit/fasttext-supervised';
import { glove } from '@embedkit/glove';
import { deepwalk, node2vec } from '@embedkit/graph';
import { word2vecCbow, word2vecSkipgram } from '@embedkit/word2vec';
import { ppmiSvd } from './ppmi-svd.js';
import { loadPlugin } from './plugins.js';

/**
 * A registry holding every built-in algorithm — `word2vec-skipgram`, `word2vec-cbow`, `glove`,
 * `fasttext-skipgram`, `fasttext-cbow`, the count-based `ppmi-svd` baseline and the graph algorithms
 * `deepwalk` and `node2vec` (their corpus is an edge list) — plus the
 * algorithms of each plug-in module in `plugins`.
 */
export async function createRegistry(plugins: readonly string[] = []): Promise<AlgorithmRegistry> {
  const registry = new AlgorithmRegistry()
    .register(word2vecSkipgram)
    .register(word2vecCbow)
    .register(glove)
    .register(fasttextSkipgram)
    .register(fasttextCbow)
    .register(fasttextSupervised)
    .register(ppmiSvd)
    .register(deepwalk)
    .register(node2vec);
  for (const plugin of plugins) await loadPlugin(plugin, registry);
  return registry;
}
