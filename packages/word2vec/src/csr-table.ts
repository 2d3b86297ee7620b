import { ConfigError } from '@embedkit/core-math';

/**
 * Checks a table of compressed sparse rows (what the input encoder and the Huffman tree are): entry
 * `e` is `values[offsets[e]..offsets[e + 1])`, for `entries` entries, each value an index below
 * `limit`. The WebAssembly sentence loop reads these tables unchecked, so a malformed one is
 * reported here.
 *
 * @param name - the table's name in errors (`encoder`, `tree`)
 * @param valuesName - the name of `values` in errors (`rows`, `nodes`)
 * @throws ConfigError naming the offset or value that is wrong
 */
export function checkCsrTable(
  name: string,
  valuesName: string,
  offsets: Int32Array,
  values: Int32Array,
  entries: number,
  limit: number,
): void {
  if (offsets.length !== entries + 1 || offsets[0] !== 0 || offsets[entries] !== values.length) {
    throw new ConfigError(
      `${name}.offsets`,
      `${offsets.length} offsets`,
      `${entries + 1} offsets from 0 to ${valuesName}.length (${values.length})`,
    );
  }
  for (let e = 0; e < entries; e++) {
    if (offsets[e + 1]! < offsets[e]!) {
      throw new ConfigError(`${name}.offsets[${e + 1}]`, offsets[e + 1], 'non-decreasing offsets');
    }
  }
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!(value >= 0 && value < limit)) {
      throw new ConfigError(`${name}.${valuesName}[${i}]`, value, `an index from 0 to ${limit - 1}`);
    }
  }
}
