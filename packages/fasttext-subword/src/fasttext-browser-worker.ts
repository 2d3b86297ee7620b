/**
 * The Web Worker of {@link trainFastTextInBrowser}: trains fastText on the page's corpus and sends
 * the model back as the bytes of a `.bin` (transferred, not copied). Built as
 * `dist/fasttext-browser-worker.js`.
 */
import { serveTrainingJob } from '@embedkit/word2vec/engine';
import { serializeFastTextBin } from './fasttext-bin-write.js';
import { trainFastText } from './train-fasttext.js';
import type { FastTextTrainOptionsInput } from './train-options.js';

serveTrainingJob<Uint8Array>(async (corpus, options, context) => {
  const model = await trainFastText(corpus, options as FastTextTrainOptionsInput, context);
  const bytes = serializeFastTextBin(model);
  return { result: bytes, transfer: [bytes.buffer as ArrayBuffer] };
});
