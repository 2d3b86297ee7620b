import {
  type AlgorithmRegistry,
  ConfigError,
  type EmbeddingAlgorithm,
  isEmbedder,
  isEmbeddingAlgorithm,
} from '@embedkit/core-math';
import { pluginSpecifier } from './plugin-resolution.js';

/**
 * Loads a plug-in module and registers every `EmbeddingAlgorithm` it exports: named exports,
 * the default export, or arrays of algorithms in either.
 *
 * @param path - a file path (relative to the working directory) or a package name, looked up in the
 *   working directory's `node_modules` first ({@link pluginSpecifier})
 * @returns the ids it registered
 * @throws ConfigError when the module cannot be loaded or exports no algorithm; its algorithms'
 *   `train` rejects with a ConfigError naming the plug-in when it resolves to something that is
 *   not an `Embedder`
 */
export async function loadPlugin(path: string, registry: AlgorithmRegistry): Promise<string[]> {
  const specifier = pluginSpecifier(path);
  let module: Record<string, unknown>;
  try {
    module = (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError('plugin', path, `a module that loads (${(error as Error).message})`);
  }
  const found: EmbeddingAlgorithm<object>[] = [];
  for (const value of Object.values(module)) {
    const candidates = Array.isArray(value) ? value : [value];
    for (const candidate of candidates) {
      if (isEmbeddingAlgorithm(candidate) && !found.includes(candidate)) found.push(candidate);
    }
  }
  if (found.length === 0) {
    throw new ConfigError(
      'plugin',
      path,
      'a module exporting at least one EmbeddingAlgorithm (an object with id, description, defaults and train)',
    );
  }
  for (const algorithm of found) {
    try {
      registry.register(checkingResult(algorithm, path));
    } catch (error) {
      throw new ConfigError('plugin', path, `algorithms with new ids (${(error as Error).message})`);
    }
  }
  return found.map((algorithm) => algorithm.id);
}

/** `algorithm` with a `train` that refuses a result that is not an `Embedder`, naming the plug-in. */
function checkingResult(algorithm: EmbeddingAlgorithm<object>, path: string): EmbeddingAlgorithm<object> {
  return {
    id: algorithm.id,
    description: algorithm.description,
    defaults: algorithm.defaults,
    async train(corpus, options, context) {
      const model: unknown = await algorithm.train(corpus, options, context);
      if (isEmbedder(model)) return model;
      const got = model === null ? 'null' : typeof model === 'object' ? 'an object' : typeof model;
      throw new ConfigError(
        'plugin',
        path,
        `an algorithm whose train() resolves to an Embedder (dim, size, vector, has, keys); ${algorithm.id}'s resolved to ${got}`,
      );
    },
  };
}
