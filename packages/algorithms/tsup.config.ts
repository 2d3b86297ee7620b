import { libraryConfig } from '../../tsup.base.js';

// `src/browser.ts` is the entry of the `browser` export condition: dist/browser.js / .d.ts.
export default libraryConfig([], { browser: 'src/browser.ts' });
