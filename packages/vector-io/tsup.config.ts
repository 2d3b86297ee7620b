import { libraryConfig } from '../../tsup.base.js';

// `src/browser.ts` is the entry of the `browser` export condition: dist/browser.js / .d.ts.
// `#open-file` (opening a path) is built beside it in both variants, Node and browser.
export default libraryConfig(['src/open-file.ts', 'src/open-file-browser.ts'], { browser: 'src/browser.ts' });
