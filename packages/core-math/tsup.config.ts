import { libraryConfig } from '../../tsup.base.js';

// `@embedkit/core-math/kernels` is a second public entry: dist/kernels.js / .cjs / .d.ts.
// `#regular-file` (opening a path) is built beside index.js in both variants, Node and browser.
export default libraryConfig(['src/regular-file-node.ts', 'src/regular-file-browser.ts'], {
  kernels: 'src/kernels-entry.ts',
});
