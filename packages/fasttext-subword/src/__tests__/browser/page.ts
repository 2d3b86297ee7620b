// The test page of browser-training.test.ts: puts the browser entry's trainer where the test's
// `page.evaluate` calls it.
import { trainFastTextInBrowser } from '@embedkit/fasttext-subword';

(globalThis as { embedkit?: unknown }).embedkit = { trainFastTextInBrowser };
