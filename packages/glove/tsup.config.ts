import { libraryConfig } from '../../tsup.base.js';

// The worker script is a further entry: dist/training-worker.js, started by both builds.
// `#run-store` (the temporary run files of a count that outgrows its memory budget) is built
// beside it in both variants, Node and browser. `src/browser.ts` is the entry of the `browser`
// export condition: dist/browser.js / .d.ts.
export default libraryConfig(
  ['src/training-worker.ts', 'src/run-store-node.ts', 'src/run-store-browser.ts'],
  {
    browser: 'src/browser.ts',
  },
);
