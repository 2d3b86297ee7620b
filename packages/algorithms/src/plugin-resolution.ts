import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The conditions an ESM `import` of a plug-in package matches in its `exports` map, in order. */
const IMPORT_CONDITIONS = ['node', 'import', 'default'] as const;

/** `@scope/name/sub/path` -> `['@scope/name', './sub/path']`; `name` -> `['name', '.']`. */
function splitPackageSpecifier(specifier: string): [name: string, subpath: string] {
  const parts = specifier.split('/');
  const length = specifier.startsWith('@') ? 2 : 1;
  const rest = parts.slice(length).join('/');
  return [parts.slice(0, length).join('/'), rest === '' ? '.' : `./${rest}`];
}

/** The file an `exports` entry leads to under {@link IMPORT_CONDITIONS}, or undefined. */
function exportTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) {
    for (const item of entry) {
      const target = exportTarget(item);
      if (target !== undefined) return target;
    }
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null) return undefined;
  const conditions = new Map(Object.entries(entry));
  for (const condition of IMPORT_CONDITIONS) {
    if (conditions.has(condition)) return exportTarget(conditions.get(condition));
  }
  return undefined;
}

/** The entry file of the package in `root` for `subpath` (`.` or `./sub`), or undefined when it exports none. */
function packageEntry(root: string, subpath: string): string | undefined {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports?: unknown;
    module?: unknown;
    main?: unknown;
  };
  const { exports } = manifest;
  if (exports !== undefined) {
    const isSubpathMap =
      typeof exports === 'object' &&
      exports !== null &&
      !Array.isArray(exports) &&
      Object.keys(exports).every((key) => key.startsWith('.'));
    const entry = isSubpathMap
      ? new Map(Object.entries(exports)).get(subpath)
      : subpath === '.'
        ? exports
        : undefined;
    const target = exportTarget(entry);
    return target === undefined ? undefined : join(root, target);
  }
  if (subpath !== '.') return join(root, subpath);
  const main = typeof manifest.module === 'string' ? manifest.module : manifest.main;
  return join(root, typeof main === 'string' ? main : 'index.js');
}

/**
 * The specifier to `import()` for a `--plugin` argument: a path (`./x.mjs`, `/abs/x.mjs`, `C:\x.mjs`)
 * is a file relative to `cwd`; a package name is looked up in the `node_modules` folders of `cwd`
 * and its parents first (the user's project), as Node looks up an import written in that folder,
 * and left to the caller's own resolution (the CLI's install folder) when no such folder has it.
 */
export function pluginSpecifier(plugin: string, cwd: string = process.cwd()): string {
  if (/^[./]|^[A-Za-z]:[\\/]/.test(plugin)) return pathToFileURL(resolve(cwd, plugin)).href;
  const [name, subpath] = splitPackageSpecifier(plugin);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const root = join(dir, 'node_modules', name);
    if (existsSync(join(root, 'package.json'))) {
      const entry = packageEntry(root, subpath);
      if (entry !== undefined) return pathToFileURL(entry).href;
    }
    if (dirname(dir) === dir) return plugin;
  }
}
