import { libraryConfig } from '../../tsup.base.js';

// The training workers are further entries beside index.js / index.cjs: dist/training-worker.js /
// .cjs (node:worker_threads) and dist/training-worker-browser.js (a Web Worker), where the two
// `#worker-transport` modules, also built here in both variants, start them (import.meta.url is
// shimmed in the CJS build); `#model-files` (saving and loading by path) and `#spill-file` (the
// temporary file of a streamed corpus's ids) likewise. The Web Worker of
// `trainWord2VecInBrowser` is dist/word2vec-browser-worker.js. `@embedkit/word2vec/engine` is a
// public subpath (dist/engine.*).
export default libraryConfig(
  [
    'src/training-worker.ts',
    'src/training-worker-browser.ts',
    'src/word2vec-browser-worker.ts',
    'src/worker-transport-node.ts',
    'src/worker-transport-browser.ts',
    'src/model-files-node.ts',
    'src/model-files-browser.ts',
    'src/spill-file-node.ts',
    'src/spill-file-browser.ts',
  ],
  { engine: 'src/engine-entry.ts' },
);
