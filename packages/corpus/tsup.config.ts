import { libraryConfig } from '../../tsup.base.js';

// `src/browser.ts` is the entry of the `browser` export condition: dist/browser.js / .d.ts.
// `#file-chunks` (reading a corpus file) is built beside it in both variants, Node and browser.
export default libraryConfig(['src/file-chunks.ts', 'src/file-chunks-browser.ts'], {
  browser: 'src/browser.ts',
});
