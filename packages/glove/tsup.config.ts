import { libraryConfig } from '../../tsup.base.js';

// The worker script is a second entry: dist/training-worker.js, started by both builds.
export default libraryConfig(['src/training-worker.ts']);
