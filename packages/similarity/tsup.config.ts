import { libraryConfig } from '../../tsup.base.js';

// `#read-file` (reading an evaluation file by path) is built beside index.js in both variants,
// Node and browser; the root entry is the `browser` condition's entry too.
export default libraryConfig(['src/read-file.ts', 'src/read-file-browser.ts']);
