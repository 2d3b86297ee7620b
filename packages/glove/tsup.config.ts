import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker script is a second entry: dist/training-worker.js, started by both builds.
  entry: ['src/index.ts', 'src/training-worker.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // `import.meta.url` (which locates the worker script) in the CJS build.
  shims: true,
});
