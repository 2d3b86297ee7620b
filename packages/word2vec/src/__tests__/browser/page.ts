// The test page of browser-training.test.ts: puts the browser entry's trainer where the test's
// `page.evaluate` calls it.
import { trainWord2VecInBrowser } from '@embedkit/word2vec';

(globalThis as { embedkit?: unknown }).embedkit = { trainWord2VecInBrowser };
