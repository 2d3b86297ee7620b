import { isEmbeddingError } from '@embedkit/core-math';

/**
 * The one line the page shows for an error: an embedkit error's own message (it names the file,
 * option or word), otherwise the error's message marked as unexpected.
 */
export function errorMessage(error: unknown): string {
  if (isEmbeddingError(error)) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${text}`;
}
