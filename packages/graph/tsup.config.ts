import { libraryConfig } from '../../tsup.base.js';

// The walk worker is a second entry: dist/walk-worker.js / .cjs beside index.js / index.cjs.
export default libraryConfig(['src/walk-worker.ts']);
