/** A mistake in how a command was called (reported with exit code 2 by `embedkit` and the bench). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
