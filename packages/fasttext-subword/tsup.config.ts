import { libraryConfig } from '../../tsup.base.js';

// `src/browser.ts` is the entry of the `browser` export condition: dist/browser.js / .d.ts.
// `#array-limits` (the largest Float32Array) and `#write-bin` (saving a `.bin` to a path) are built
// beside it in both variants, Node and browser; dist/fasttext-browser-worker.js is the Web Worker of
// `trainFastTextInBrowser`.
export default libraryConfig(
  [
    'src/array-limits.ts',
    'src/array-limits-browser.ts',
    'src/fasttext-bin-write-node.ts',
    'src/fasttext-bin-write-browser.ts',
    'src/fasttext-browser-worker.ts',
  ],
  { browser: 'src/browser.ts' },
);
