import { Command } from 'commander';

/** A sub-command with the options every command has: `--json` and `--debug`. */
export function newCommand(name: string): Command {
  return new Command(name)
    .option('--json', 'machine-readable output (JSON)')
    .option('--debug', 'print the stack trace of an error');
}

/** The `Examples:` section of a command's help. */
export function examples(...lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}
