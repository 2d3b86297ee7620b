import { libraryConfig } from '../../tsup.base.js';

// The training worker is a second entry: dist/training-worker.js / .cjs beside index.js / index.cjs,
// where the worker pool starts it (import.meta.url is shimmed in the CJS build).
// `@embedkit/word2vec/engine` is a public subpath: dist/engine.js / .cjs / .d.ts.
export default libraryConfig(['src/training-worker.ts'], { engine: 'src/engine-entry.ts' });
