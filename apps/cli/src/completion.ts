import type { Command, Option } from 'commander';

/** The shells `embedkit completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** One of {@link SHELLS}. */
export type Shell = (typeof SHELLS)[number];

/** An option as completion sees it. */
interface OptionSpec {
  /** `--name` and, when it has one, `-n`. */
  readonly flags: readonly string[];
  /** It takes a value. */
  readonly takesValue: boolean;
  /** The values it accepts, when they are a fixed list. */
  readonly choices: readonly string[];
  /** Its help text. */
  readonly description: string;
}

/** A sub-command as completion sees it. */
interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  /** The words its first argument takes (an algorithm id, a shell), or none for a file. */
  readonly firstArgument: readonly string[];
}

/** Commander's `-h, --help`, which every command has. */
const HELP: OptionSpec = {
  flags: ['--help', '-h'],
  takesValue: false,
  choices: [],
  description: 'display help for command',
};

function optionSpec(option: Option): OptionSpec {
  return {
    flags: [option.long, option.short].filter((flag): flag is string => flag !== undefined),
    takesValue: option.required || option.optional,
    choices: option.argChoices ?? [],
    description: option.description,
  };
}

/**
 * What completion offers, read from the program itself so it never drifts from the commands:
 * every visible sub-command with its summary and options (with their fixed values), and the
 * words of each command's first argument — its choices, or `firstArguments` (e.g. `train`'s
 * algorithm ids, which may grow with plug-ins and so are not commander choices).
 */
function commandSpecs(
  program: Command,
  firstArguments: ReadonlyMap<string, readonly string[]>,
): CommandSpec[] {
  return program.commands.map((command) => ({
    name: command.name(),
    summary: command.summary() || command.description(),
    options: [...command.options.filter((option) => !option.hidden).map(optionSpec), HELP],
    firstArgument: command.registeredArguments[0]?.argChoices ?? firstArguments.get(command.name()) ?? [],
  }));
}

/** `text` in single quotes for bash and zsh (`'` becomes `'\''`). */
function quoted(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** `text` in single quotes for fish (which escapes `'` and `\` with a backslash inside them). */
function fishQuoted(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

/** The words of `specs`' options with a value list, as `case` branches `command:--flag) words`. */
function choiceCases(
  specs: readonly CommandSpec[],
  indent: string,
  branch: (words: string) => string,
): string[] {
  return specs.flatMap((spec) =>
    spec.options
      .filter((option) => option.choices.length > 0)
      .map(
        (option) =>
          `${indent}${option.flags.map((flag) => `${spec.name}:${flag}`).join('|')}) ${branch(option.choices.join(' '))} ;;`,
      ),
  );
}

function bashScript(specs: readonly CommandSpec[]): string {
  const valueOptions = specs.map(
    (spec) =>
      `    ${spec.name}) opts=${quoted(spec.options.flatMap((o) => o.flags).join(' '))}; args=${quoted(spec.firstArgument.join(' '))}; valued=${quoted(
        spec.options
          .filter((o) => o.takesValue)
          .flatMap((o) => o.flags)
          .join(' '),
      )} ;;`,
  );
  return `# bash completion for embedkit. Load it with
#   source <(embedkit completion bash)
# in ~/.bashrc, or save it as ~/.local/share/bash-completion/completions/embedkit
_embedkit() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W ${quoted(specs.map((spec) => spec.name).join(' '))} -- "$cur"))
    return
  fi
  local command=\${COMP_WORDS[1]} opts='' args='' valued=''
  case "$command:$prev" in
${choiceCases(specs, '    ', (words) => `COMPREPLY=($(compgen -W ${quoted(words)} -- "$cur")); return`).join('\n')}
  esac
  case "$command" in
${valueOptions.join('\n')}
  esac
  case " $valued " in
    *" $prev "*) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [ "$COMP_CWORD" -eq 2 ] && [ -n "$args" ]; then
    COMPREPLY=($(compgen -W "$args" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -o bashdefault -F _embedkit embedkit
`;
}

function zshScript(specs: readonly CommandSpec[]): string {
  const commands = specs.map((spec) => `    ${quoted(`${spec.name}:${spec.summary}`)}`);
  const perCommand = specs.map(
    (spec) =>
      `    ${spec.name}) opts=(${spec.options.flatMap((o) => o.flags).join(' ')}); args=(${spec.firstArgument.join(' ')}) ;;`,
  );
  return `#compdef embedkit
# zsh completion for embedkit. Load it with
#   source <(embedkit completion zsh)
# in ~/.zshrc (after compinit), or save it as _embedkit in a folder of $fpath
_embedkit() {
  local -a commands opts args
  commands=(
${commands.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "\${words[2]}:\${words[CURRENT-1]}" in
${choiceCases(specs, '    ', (list) => `compadd -- ${list}; return`).join('\n')}
  esac
  local command=\${words[2]}
  case $command in
${perCommand.join('\n')}
  esac
  if [[ \${words[CURRENT]} == -* ]]; then
    compadd -- $opts
  elif (( CURRENT == 3 && \${#args} > 0 )); then
    compadd -- $args
  else
    _files
  fi
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _embedkit "$@"
else
  compdef _embedkit embedkit
fi
`;
}

function fishScript(specs: readonly CommandSpec[]): string {
  const lines = [
    '# fish completion for embedkit. Load it with',
    '#   embedkit completion fish | source',
    '# or save it as ~/.config/fish/completions/embedkit.fish',
    'complete -c embedkit -f',
  ];
  for (const spec of specs) {
    lines.push(
      `complete -c embedkit -n __fish_use_subcommand -a ${spec.name} -d ${fishQuoted(spec.summary)}`,
    );
  }
  for (const spec of specs) {
    const when = `-n ${fishQuoted(`__fish_seen_subcommand_from ${spec.name}`)}`;
    if (spec.firstArgument.length > 0) {
      lines.push(`complete -c embedkit ${when} -a ${fishQuoted(spec.firstArgument.join(' '))}`);
    } else {
      lines.push(`complete -c embedkit ${when} -F`);
    }
    for (const option of spec.options) {
      const names = option.flags
        .map((flag) => (flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`))
        .join(' ');
      const value =
        option.choices.length > 0
          ? ` -x -a ${fishQuoted(option.choices.join(' '))}`
          : option.takesValue
            ? ' -r -F'
            : '';
      lines.push(`complete -c embedkit ${when} ${names}${value} -d ${fishQuoted(option.description)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The completion script for `shell`: sub-commands, their options, the fixed values of options such
 * as `--format` and `--method`, `train`'s algorithm ids, and file names everywhere else.
 */
export function completionScript(
  shell: Shell,
  program: Command,
  firstArguments: ReadonlyMap<string, readonly string[]> = new Map(),
): string {
  const specs = commandSpecs(program, firstArguments);
  switch (shell) {
    case 'bash':
      return bashScript(specs);
    case 'zsh':
      return zshScript(specs);
    case 'fish':
      return fishScript(specs);
  }
}
