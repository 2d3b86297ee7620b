import {
  type AlgorithmRegistry,
  ConfigError,
  type EmbeddingAlgorithm,
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
 * @throws ConfigError when the module cannot be loaded or exports no algorithm
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
      registry.register(algorithm);
    } catch (error) {
      throw new ConfigError('plugin', path, `algorithms with new ids (${(error as Error).message})`);
    }
  }
  return found.map((algorithm) => algorithm.id);
}
