import { ConfigError, type EmbeddingAlgorithm } from '@embedkit/core-math';

/**
 * Checks that every key of `options` is one the algorithm takes (a key of its `defaults`) and
 * that its type matches the default's type.
 *
 * @throws ConfigError naming the algorithm and the options it takes
 */
export function checkOptions(
  algorithm: EmbeddingAlgorithm<object>,
  options: Readonly<Record<string, unknown>>,
): void {
  const defaults = algorithm.defaults as Record<string, unknown>;
  const known = Object.keys(defaults);
  for (const [key, value] of Object.entries(options)) {
    if (!Object.hasOwn(defaults, key)) {
      throw new ConfigError(key, value, `an option ${algorithm.id} takes: ${known.join(', ')}`);
    }
    const expected = defaults[key];
    if (expected !== undefined && value !== undefined && typeof expected !== typeof value) {
      throw new ConfigError(key, value, `a ${typeof expected} for ${algorithm.id}`);
    }
  }
}
