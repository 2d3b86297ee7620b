import { createInterface } from 'node:readline';
import { takesCursorControl } from './progress.js';
import { UsageError } from './usage-error.js';
import { isEmbeddingError } from '@embedkit/core-math';
import type { CliIo } from './cli-io.js';

/**
 * An interactive loop like the word2vec tools' `distance` and `word-analogy`: reads one query per
 * line until end of input or a line `EXIT`, and answers each with `answer`. The prompt is shown
 * only when the input is a terminal, so piped queries give clean output; line editing (which
 * moves the cursor) only on a terminal that takes cursor control (not `TERM=dumb`). A query that fails with
 * an embedkit error (a word not in the model, say) or a
 * malformed line (UsageError) prints `embedkit: …` on stderr and the loop
 * goes on; other errors end it.
 */
export async function promptLoop(io: CliIo, prompt: string, answer: (line: string) => void): Promise<void> {
  const interactive = io.stdin.isTTY === true;
  const lines = createInterface({
    input: io.stdin,
    ...(interactive ? { output: io.stderr, prompt } : {}),
    terminal: interactive && takesCursorControl(io.stdin),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  try {
    if (interactive) lines.prompt();
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === 'EXIT') break;
      if (line !== '') {
        try {
          answer(line);
        } catch (error) {
          if (!isEmbeddingError(error) && !(error instanceof UsageError)) throw error;
          io.stderr.write(`embedkit: ${error.message}\n`);
        }
      }
      if (interactive) lines.prompt();
    }
  } finally {
    lines.close();
  }
}
