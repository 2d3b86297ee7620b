import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { IoError } from '@embedkit/core-math';

/**
 * The lines of a text file, or of `stdin` when `path` is undefined or `-`, without their line
 * breaks (`\n` or `\r\n`); a last line without a break counts, an empty file has no lines.
 *
 * @throws IoError when the file cannot be read
 */
export async function* textLines(
  path: string | undefined,
  stdin: NodeJS.ReadableStream,
): AsyncGenerator<string> {
  const fromStdin = path === undefined || path === '-';
  const input = fromStdin ? stdin : createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    yield* lines;
  } catch (error) {
    throw new IoError(fromStdin ? '<stdin>' : path, `cannot read: ${(error as Error).message}`, error);
  } finally {
    lines.close();
    if (!fromStdin) (input as ReturnType<typeof createReadStream>).destroy();
  }
}

/** All lines of a file (or stdin), see {@link textLines}. */
export async function readTextLines(
  path: string | undefined,
  stdin: NodeJS.ReadableStream,
): Promise<string[]> {
  const all: string[] = [];
  for await (const line of textLines(path, stdin)) all.push(line);
  return all;
}
