import { defineConfig, type Options } from 'tsup';

/**
 * The build every library package shares: ESM + CJS + declarations for `src/index.ts`, source
 * maps, Node 20. `workers` are extra entries (worker-thread scripts) built beside index.js /
 * index.cjs, `import.meta.url` is shimmed in the CJS build so a module can locate the files beside it.
 */
export function libraryConfig(workers: readonly string[] = []): ReturnType<typeof defineConfig> {
  const options: Options = {
    entry: ['src/index.ts', ...workers],
    format: ['esm', 'cjs'],
    dts: { entry: 'src/index.ts' },
    clean: true,
    sourcemap: true,
    target: 'node20',
    shims: true,
  };
  return defineConfig(options);
}
