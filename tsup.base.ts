import { basename, extname } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * The build every library package shares: ESM + CJS + declarations for `src/index.ts`, source
 * maps, Node 20. `workers` are extra entries (worker-thread scripts) built beside index.js /
 * index.cjs, `import.meta.url` is shimmed in the CJS build so a module can locate the files beside it.
 * `subpaths` are further public entries, `{ engine: 'src/engine-entry.ts' }` -> `dist/engine.js`,
 * `.cjs` and `.d.ts` / `.d.cts`, for the package.json `exports` entry `./engine`. Code shared
 * between entries goes into chunks in both formats (`splitting`), so the root and a subpath share
 * one copy of each module: one kernel selection, one class per error.
 * Imports of package-internal specifiers (`#name`, the package.json `imports` map) stay imports:
 * the runtime or the consumer's bundler picks the Node or the browser module by export condition,
 * so a module list such modules among `workers` to have them built beside index.js.
 */
export function libraryConfig(
  workers: readonly string[] = [],
  subpaths: Readonly<Record<string, string>> = {},
): ReturnType<typeof defineConfig> {
  const publicEntries = { index: 'src/index.ts', ...subpaths };
  const options: Options = {
    entry: {
      ...publicEntries,
      ...Object.fromEntries(workers.map((file) => [basename(file, extname(file)), file])),
    },
    format: ['esm', 'cjs'],
    dts: { entry: publicEntries },
    splitting: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    shims: true,
    external: [/^#/],
  };
  return defineConfig(options);
}
