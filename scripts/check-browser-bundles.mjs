#!/usr/bin/env node
// Bundles every library package's browser entry (the `browser` export condition) with esbuild
// `--platform=browser` and fails on any Node built-in it reaches, naming the module that imports
// it. Prints each entry's minified and gzipped size. Usage:
//   node scripts/check-browser-bundles.mjs          # the built dist/ files a consumer gets (after pnpm build)
//   node scripts/check-browser-bundles.mjs --source # the TypeScript sources (no build needed)
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Packages without a browser entry, and why; any other package without one fails the check. */
export const NODE_ONLY = new Map([
  ['@embedkit/datasets', 'evaluation sets and corpora as files on disk, for the bench and the tests'],
  ['@embedkit/fasttext-supervised', 'trains on the word2vec engine (node:worker_threads)'],
  ['@embedkit/graph', 'random walks run on a node:worker_threads pool and training on the word2vec engine'],
]);

/** The `browser` target of one `exports` entry, from the sources or from dist/; undefined when it has none. */
function browserTarget(entry, from) {
  if (entry === null || typeof entry !== 'object') return undefined;
  if (from === 'source') {
    const source = entry['@embedkit/source'];
    if (entry.browser === undefined) return undefined;
    return typeof source === 'string' ? source : source?.browser;
  }
  const target = entry.browser;
  return typeof target === 'string' ? target : target?.default;
}

/** Every browser entry of the library packages: `{ name, subpath, file }`, and the packages lacking one. */
export function browserEntries(from = 'dist') {
  const entries = [];
  const missing = [];
  for (const dir of readdirSync(join(ROOT, 'packages')).sort()) {
    const packageDir = join(ROOT, 'packages', dir);
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const found = Object.entries(manifest.exports ?? {})
      .map(([subpath, entry]) => ({ subpath, target: browserTarget(entry, from) }))
      .filter(({ target }) => target !== undefined);
    if (found.length === 0 && !NODE_ONLY.has(manifest.name)) missing.push(manifest.name);
    for (const { subpath, target } of found) {
      entries.push({ name: manifest.name, subpath, file: join(packageDir, target) });
    }
  }
  return { entries, missing };
}

/** Turns every import of a Node built-in into a build error naming it. */
const refuseNodeBuiltins = {
  name: 'refuse-node-builtins',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, ({ path }) =>
      isBuiltin(path) ? { errors: [{ text: `imports the Node built-in "${path}"` }] } : undefined,
    );
  },
};

/**
 * Bundles one browser entry as a consumer's bundler would (platform browser, `browser` condition,
 * minified) and returns its size, or the Node built-ins it reaches with the files that import them.
 */
export async function bundleEntry({ file }, from = 'dist') {
  try {
    const result = await build({
      stdin: { contents: `export * from ${JSON.stringify(file)};`, resolveDir: ROOT, loader: 'js' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      minify: true,
      write: false,
      logLevel: 'silent',
      conditions: from === 'source' ? ['@embedkit/source'] : [],
      plugins: [refuseNodeBuiltins],
    });
    const bytes = result.outputFiles[0].contents;
    return { ok: true, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  } catch (error) {
    const problems = (error.errors ?? [{ text: String(error) }]).map((e) =>
      e.location ? `${e.location.file.replace(`${ROOT}/`, '')}: ${e.text}` : e.text,
    );
    return { ok: false, problems: [...new Set(problems)] };
  }
}

/** Checks every browser entry; returns the report lines and whether all passed. */
export async function checkBrowserBundles(from = 'dist') {
  const { entries, missing } = browserEntries(from);
  const lines = [];
  let ok = missing.length === 0;
  for (const name of missing) lines.push(`FAIL ${name}: no browser entry (a "browser" export condition)`);
  for (const entry of entries) {
    const label = entry.subpath === '.' ? entry.name : `${entry.name}/${entry.subpath.slice(2)}`;
    const result = await bundleEntry(entry, from);
    if (result.ok) {
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      lines.push(
        `ok   ${label.padEnd(28)} ${kb(result.bytes).padStart(9)} minified ${kb(result.gzipBytes).padStart(9)} gzip`,
      );
    } else {
      ok = false;
      lines.push(`FAIL ${label}`, ...result.problems.map((p) => `       ${p}`));
    }
  }
  for (const [name, reason] of NODE_ONLY) lines.push(`--   ${name.padEnd(28)} Node only: ${reason}`);
  return { ok, lines };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const from = process.argv.includes('--source') ? 'source' : 'dist';
  const { ok, lines } = await checkBrowserBundles(from);
  console.log(`browser bundles (esbuild --platform=browser, from ${from}):`);
  for (const line of lines) console.log(line);
  process.exit(ok ? 0 : 1);
}
