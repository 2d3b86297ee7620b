import { checkOptions } from '@embedkit/algorithms';
import { UsageError } from './usage-error.js';
import { type EmbeddingAlgorithm, isEmbeddingError } from '@embedkit/core-math';

/** `minCount` -> `min-count`: the command-line spelling of an option key. */
export function kebabCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** `min-count` -> `minCount`: the option key of a command-line name. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The `--kebab-case` flags an algorithm takes, in the order of its defaults. */
function optionFlags(algorithm: EmbeddingAlgorithm<object>): string[] {
  return Object.keys(algorithm.defaults).map((key) => `--${kebabCase(key)}`);
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Converts a command-line value to the type of the option's default: a number, `true`/`false`, or
 * a string. An option whose default is `undefined` (e.g. `maxVocab`) takes a number when the
 * value reads as one, a string otherwise.
 */
function typed(
  algorithm: EmbeddingAlgorithm<object>,
  flag: string,
  defaultValue: unknown,
  raw: string | true,
): unknown {
  const kind = typeof defaultValue;
  if (kind === 'boolean') {
    if (raw === true || raw === 'true') return true;
    if (raw === 'false') return false;
    throw new UsageError(`${flag} for ${algorithm.id} is true or false, not ${JSON.stringify(raw)}`);
  }
  if (raw === true) throw new UsageError(`${flag} for ${algorithm.id} needs a value`);
  if (kind === 'number' || (defaultValue === undefined && NUMBER.test(raw))) {
    if (!NUMBER.test(raw))
      throw new UsageError(`${flag} for ${algorithm.id} is a number, not ${JSON.stringify(raw)}`);
    return Number(raw);
  }
  if (kind === 'string' || defaultValue === undefined) return raw;
  throw new UsageError(`${flag} cannot be given on the command line (${algorithm.id} expects a ${kind})`);
}

function isFlag(token: string): boolean {
  return token.startsWith('--') && token.length > 2;
}

/**
 * Reads an algorithm's options from command-line tokens, generically: `--kebab-name value` or
 * `--kebab-name=value` becomes the camelCase key typed like the key's default; a boolean option
 * may stand alone (`--hs`), take `true`/`false`, or be negated (`--no-hs`). Plug-in algorithms'
 * options work the same way.
 *
 * @throws UsageError for a stray argument, a missing or mistyped value, or an option the algorithm
 *   does not take (naming the algorithm and the options it takes)
 */
export function parseAlgorithmOptions(
  algorithm: EmbeddingAlgorithm<object>,
  tokens: readonly string[],
): Record<string, unknown> {
  const defaults = algorithm.defaults as Readonly<Record<string, unknown>>;
  const options: Record<string, unknown> = {};
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isFlag(token)) throw new UsageError(`unexpected argument ${JSON.stringify(token)}`);
    const equals = token.indexOf('=');
    let name = token.slice(2, equals < 0 ? undefined : equals);
    let raw: string | true | undefined = equals < 0 ? undefined : token.slice(equals + 1);
    let key = camelCase(name);
    if (!Object.hasOwn(defaults, key) && name.startsWith('no-') && raw === undefined) {
      const positive = camelCase(name.slice(3));
      if (typeof defaults[positive] === 'boolean') {
        name = name.slice(3);
        key = positive;
        raw = 'false';
      }
    }
    const flag = `--${name}`;
    if (!Object.hasOwn(defaults, key)) {
      throw new UsageError(
        `${algorithm.id} does not take ${flag}; it takes ${optionFlags(algorithm).join(', ')}`,
      );
    }
    if (raw === undefined) {
      const next = tokens[i + 1];
      const takesNext =
        next !== undefined &&
        (typeof defaults[key] === 'boolean' ? next === 'true' || next === 'false' : !isFlag(next));
      raw = takesNext ? next : true;
      if (takesNext) i++;
    }
    options[key] = typed(algorithm, flag, defaults[key], raw);
  }
  try {
    checkOptions(algorithm, options);
  } catch (error) {
    if (isEmbeddingError(error, 'CONFIG')) throw new UsageError(error.message);
    throw error;
  }
  return options;
}
