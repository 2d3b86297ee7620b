import { libraryConfig } from '../../tsup.base.js';

// The training worker is a second entry: dist/supervised-worker.js / .cjs beside index.js / index.cjs.
export default libraryConfig(['src/supervised-worker.ts']);
