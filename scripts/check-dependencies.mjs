#!/usr/bin/env node
// Checks every workspace package's declared dependencies against what its files import:
// - a file that ships (src/ outside __tests__, and the scripts a package's `files` publish) imports
//   only packages in `dependencies` / `peerDependencies` / `optionalDependencies`;
// - a test, script or config file imports only those, its `devDependencies` or the root's;
// - every package in `dependencies` is imported by a file that ships, and every devDependency is
//   named by one of the package's files (`@types/x` counts when `x` is imported).
// A shipped file may locate (`require.resolve`, not import) a root devDependency: the trainers find
// `tsx` that way to start their workers from TypeScript sources, which only the repository's tests do.
// Usage: node scripts/check-dependencies.mjs (exits 1 and lists every mismatch).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.turbo', 'generated']);
const BUILTINS = new Set(builtinModules);

/** Every source file below `dir`, without build output and dependencies. */
function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIPPED_FOLDERS.has(name) ? [] : sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** The code of `text` without comments (TSDoc examples are not imports). */
function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const IMPORT_PATTERNS = [
  /\bfrom\s*['"]([^'"\s]+)['"]/g,
  /^\s*import\s*['"]([^'"\s]+)['"]/gm,
  /\bimport\(\s*['"]([^'"\s]+)['"]\s*\)/g,
  /\brequire\(\s*['"]([^'"\s]+)['"]\s*\)/g,
];
const RESOLVE_PATTERN = /\.resolve\(\s*['"]([^'"\s]+)['"]\s*\)/g;

/** The package a bare specifier names (`@scope/name/sub` -> `@scope/name`), or undefined for others. */
function packageOf(specifier) {
  if (/^[./#]/.test(specifier) || specifier.startsWith('node:') || BUILTINS.has(specifier)) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUILTINS.has(name) ? undefined : name;
}

/** The packages `code` names through `patterns`. */
function packagesMatching(code, patterns) {
  const names = new Set();
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const name = packageOf(match[1]);
      if (name !== undefined) names.add(name);
    }
  }
  return names;
}

/** Whether `file` (relative to its package) ships: src/ outside tests, or a script the `files` list names. */
function ships(file, manifest) {
  if (file.split('/').includes('__tests__')) return false;
  if (file.startsWith('src/')) return true;
  return (manifest.files ?? []).some(
    (entry) => !entry.startsWith('!') && entry !== 'dist' && (file === entry || file.startsWith(`${entry}/`)),
  );
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const rootManifest = readJson(join(ROOT, 'package.json'));
const rootDev = new Set(Object.keys(rootManifest.devDependencies ?? {}));
const packageDirs = ['packages', 'apps'].flatMap((group) =>
  existsSync(join(ROOT, group))
    ? readdirSync(join(ROOT, group))
        .map((name) => join(ROOT, group, name))
        .filter((dir) => existsSync(join(dir, 'package.json')))
    : [],
);

const problems = [];
for (const dir of packageDirs) {
  const manifest = readJson(join(dir, 'package.json'));
  const runtime = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const dev = new Set(Object.keys(manifest.devDependencies ?? {}));
  const importedByShipped = new Set();
  const namedAnywhere = new Set();
  for (const file of sourceFiles(dir)) {
    const path = relative(dir, file);
    const shipped = ships(path, manifest);
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const name of dev)
      if (code.includes(`'${name}`) || code.includes(`"${name}`)) namedAnywhere.add(name);
    const imported = packagesMatching(code, IMPORT_PATTERNS);
    for (const name of packagesMatching(code, [RESOLVE_PATTERN])) {
      if (!(shipped && rootDev.has(name) && !runtime.has(name))) imported.add(name);
    }
    for (const name of imported) {
      namedAnywhere.add(name);
      if (name === manifest.name) continue;
      if (shipped) {
        importedByShipped.add(name);
        if (!runtime.has(name)) {
          problems.push(`${manifest.name}: ${path} imports ${name}, which is not in dependencies`);
        }
      } else if (!runtime.has(name) && !dev.has(name) && !rootDev.has(name)) {
        problems.push(
          `${manifest.name}: ${path} imports ${name}, which is declared nowhere (devDependencies)`,
        );
      }
    }
  }
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    if (!importedByShipped.has(name)) {
      problems.push(`${manifest.name}: dependency ${name} is never imported by a published file`);
    }
  }
  for (const name of dev) {
    const typed = name.startsWith('@types/') ? name.slice('@types/'.length) : undefined;
    const used =
      namedAnywhere.has(name) || (typed !== undefined && (namedAnywhere.has(typed) || runtime.has(typed)));
    if (!used) problems.push(`${manifest.name}: devDependency ${name} is named by none of its files`);
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`\n${problems.length} dependency problem(s): declare what is imported, remove what is not.`);
  process.exit(1);
}
console.log(`dependencies: ${packageDirs.length} packages declare exactly what they import`);
