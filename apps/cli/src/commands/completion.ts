import { Argument, type Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { completionScript, SHELLS, type Shell } from '../completion.js';
import { examples, newCommand } from '../new-command.js';

/**
 * `embedkit completion bash|zsh|fish`: prints the shell's completion script for `program` (its
 * commands, options and option values; `firstArguments` gives the words of a command's first
 * argument that are not commander choices, such as `train`'s algorithm ids).
 */
export function completionCommand(
  io: CliIo,
  program: Command,
  firstArguments: ReadonlyMap<string, readonly string[]>,
): Command {
  return newCommand('completion')
    .summary('print the shell completion script (bash, zsh or fish)')
    .description(
      'Prints a completion script for bash, zsh or fish: commands, options, the values of options such as --format and --method, algorithm ids, and file names elsewhere.',
    )
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText(
      'after',
      examples(
        'source <(embedkit completion bash)                # in ~/.bashrc',
        'source <(embedkit completion zsh)                 # in ~/.zshrc, after compinit',
        'embedkit completion fish > ~/.config/fish/completions/embedkit.fish',
      ),
    )
    .action((shell: Shell) => {
      io.stdout.write(completionScript(shell, program, firstArguments));
    });
}
