/**
 * The train panel's job: trains word2vec (skip-gram, CBOW) or fastText on pasted text or the
 * bundled SOTU slice in Web Workers (`trainWord2VecInBrowser`, `trainFastTextInBrowser`) and gives
 * the model back as the bytes of a vector file, which the page then opens like a picked file.
 */
import { serializeFastTextBin, trainFastTextInBrowser } from '@embedkit/fasttext-subword';
import { serializeVectors } from '@embedkit/vector-io';
import { type BrowserTrainContext, type TrainingRuntime, trainWord2VecInBrowser } from '@embedkit/word2vec';

/** The algorithms of the train panel. */
export type PageTrainer = 'skipgram' | 'cbow' | 'fasttext';

/** What the panel asks for. */
export interface PageTrainRequest {
  readonly trainer: PageTrainer;
  readonly text: string;
  readonly dim: number;
  readonly epochs: number;
  readonly minCount: number;
}

/** A trained model as an opened file would be, and how it trained. */
export interface PageTrainResult {
  readonly file: File;
  readonly runtime: TrainingRuntime;
}

/** Trains `request` (threads: as many as the page allows) and serializes the model. */
export async function trainInPage(
  request: PageTrainRequest,
  context: BrowserTrainContext,
): Promise<PageTrainResult> {
  const { trainer, text, dim, epochs, minCount } = request;
  const threads = Math.max(1, Math.min(navigator.hardwareConcurrency || 1, 4));
  if (trainer === 'fasttext') {
    const options = { model: 'skipgram' as const, dim, epochs, minCount };
    const { model, runtime } = await trainFastTextInBrowser(text, options, { ...context, threads });
    const bytes = serializeFastTextBin(model);
    return { file: new File([bytes as Uint8Array<ArrayBuffer>], 'trained-fasttext.bin'), runtime };
  }
  const options = { model: trainer, dim, epochs, minCount };
  const { vectors, runtime } = await trainWord2VecInBrowser(text, options, { ...context, threads });
  const bytes = serializeVectors(vectors, 'word2vec-binary');
  return { file: new File([bytes as Uint8Array<ArrayBuffer>], `trained-${trainer}.bin`), runtime };
}
