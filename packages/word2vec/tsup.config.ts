import { defineConfig } from 'tsup';

export default defineConfig({
  // The training worker is its own entry: the pool starts it from dist/ beside index.js / index.cjs.
  entry: ['src/index.ts', 'src/training-worker.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
  // import.meta.url (which locates the worker) in the CommonJS build.
  shims: true,
});
