import { readFile } from 'node:fs/promises';
import { FormatError, IoError } from '@embedkit/core-math';

/**
 * Reads node labels: one `node<TAB>label` (or `node label`) per line, the label being the rest of
 * the line; blank lines and lines starting with `#` are skipped.
 *
 * @example
 * ```ts
 * const labels = await readNodeLabels('karate.labels'); // Map { '0' => 'Mr. Hi', … }
 * ```
 * @throws FormatError naming the file and line for a line without a label or a node given twice
 * @throws IoError when the file cannot be read
 */
export async function readNodeLabels(path: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new IoError(path, `cannot read the labels: ${(error as Error).message}`, error);
  }
  const labels = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const match = /^(\S+)\s+(.+)$/.exec(trimmed);
    const where = { file: path, line: index + 1 };
    if (match === null) throw new FormatError(where, '"node label"', JSON.stringify(trimmed));
    const [, node, label] = match as unknown as [string, string, string];
    if (labels.has(node)) throw new FormatError(where, 'each node once', `${node} again`);
    labels.set(node, label);
  });
  return labels;
}
