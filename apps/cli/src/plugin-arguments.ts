/**
 * The `--plugin` values of a `train` command line (`--plugin PATH` or `--plugin=PATH`). Plug-ins
 * are loaded before the command line is parsed, so that `train --help` lists their algorithms
 * and options too.
 */
export function pluginArguments(argv: readonly string[]): string[] {
  if (argv[0] !== 'train') return [];
  const plugins: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token === '--plugin' && i + 1 < argv.length) plugins.push(argv[++i]!);
    else if (token.startsWith('--plugin=')) plugins.push(token.slice('--plugin='.length));
  }
  return plugins;
}
