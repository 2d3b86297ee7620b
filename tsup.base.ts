import { defineConfig, type Options } from 'tsup';

/**
 * The build every library package shares: ESM + CJS + declarations for `src/index.ts`, source
 * maps, Node 20. `workers` are extra entries (worker-thread scripts) built beside index.js /
 * index.cjs, with `import.meta.url` shimmed in the CJS build so the pool can locate them.
 */
export function libraryConfig(workers: readonly string[] = []): ReturnType<typeof defineConfig> {
  const options: Options = {
    entry: ['src/index.ts', ...workers],
    format: ['esm', 'cjs'],
    dts: { entry: 'src/index.ts' },
    clean: true,
    sourcemap: true,
    target: 'node20',
    shims: workers.length > 0,
  };
  return defineConfig(options);
}
