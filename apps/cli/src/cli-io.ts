/** The streams a command reads and writes; the process's own ones in `main`, others in tests. */
export interface CliIo {
  /** Where interactive queries and piped texts come from. */
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  /** Results. */
  readonly stdout: NodeJS.WritableStream;
  /** Progress, notes and errors. */
  readonly stderr: NodeJS.WriteStream;
}

/** The process's standard streams. */
export function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** Writes `text` followed by a line break to `stream`. */
export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

/** Writes a note or warning as one line `embedkit: text` (on stderr, beside progress). */
export function writeNote(stream: NodeJS.WritableStream, text: string): void {
  stream.write(`embedkit: ${text}\n`);
}

/** Writes `value` as indented JSON (one document) to `stream`. */
export function writeJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes `value` as one line of JSON (for JSON Lines output). */
export function writeJsonLine(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`);
}
