import { libraryConfig } from '../../tsup.base.js';

// The training worker is a second entry: dist/training-worker.js / .cjs beside index.js / index.cjs,
// where the worker pool starts it (import.meta.url is shimmed in the CJS build).
export default libraryConfig(['src/training-worker.ts']);
