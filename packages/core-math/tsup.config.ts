import { libraryConfig } from '../../tsup.base.js';

// `@embedkit/core-math/kernels` is a second public entry: dist/kernels.js / .cjs / .d.ts.
export default libraryConfig([], { kernels: 'src/kernels-entry.ts' });
