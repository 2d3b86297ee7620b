import type { TrainingCorpus } from '@embedkit/core-math';
import { type ScannedTokens, readsFileBytes, scanFile } from './byte-scanner.js';
import { ByteStringTable, grow } from './byte-string-table.js';
import type { EncodedCorpus } from './encode-corpus.js';
import { type SentenceOptions, resolveSentenceOptions } from './options.js';
import { sentencesOf } from './sentences-of.js';
import type { Vocabulary } from './vocabulary.js';

/** Tokens (in the vocabulary) from which a block is handed on, at the end of a sentence. */
const BLOCK_TOKENS = 1 << 16;

/**
 * The ids of complete sentences and of the sentence being written, in arrays reused from block to
 * block: {@link BlockWriter.block} views the complete sentences, {@link BlockWriter.dropBlock}
 * then moves the unfinished sentence to the front.
 */
export class BlockWriter {
  #ids = new Int32Array(BLOCK_TOKENS);
  #starts = new Int32Array(1024);
  /** Ids written, the unfinished sentence's included. */
  #length = 0;
  #sentences = 0;
  /** Tokens read, before the ones outside the vocabulary were dropped. */
  read = 0;

  /** Appends a token's id to the sentence being written. */
  push(id: number): void {
    if (this.#length === this.#ids.length) this.#ids = grow(this.#ids);
    this.#ids[this.#length++] = id;
  }

  /** Ends the sentence being written; a sentence left without ids is dropped. */
  endSentence(): void {
    if (this.#length === this.#starts[this.#sentences]) return;
    if (this.#sentences + 1 === this.#starts.length) this.#starts = grow(this.#starts);
    this.#starts[++this.#sentences] = this.#length;
  }

  /** Whether the complete sentences make a block. */
  get full(): boolean {
    return this.#starts[this.#sentences]! >= BLOCK_TOKENS;
  }

  /** Whether there is a complete sentence. */
  get hasSentences(): boolean {
    return this.#sentences > 0;
  }

  /** The complete sentences, as views valid until the next call of another method. */
  block(): EncodedCorpus {
    const tokens = this.#starts[this.#sentences]!;
    return {
      ids: this.#ids.subarray(0, tokens),
      sentenceStarts: this.#starts.subarray(0, this.#sentences + 1),
      tokens,
    };
  }

  /** Forgets the complete sentences, keeping the one being written. */
  dropBlock(): void {
    const tokens = this.#starts[this.#sentences]!;
    this.#ids.copyWithin(0, tokens, this.#length);
    this.#length -= tokens;
    this.#sentences = 0;
  }
}

/**
 * Vocabulary ids by UTF-8 bytes: each distinct byte string is decoded and looked up the first time
 * it appears, then found by its bytes (a {@link ByteStringTable}), so a token costs no string.
 * Byte strings that decode to the same text (invalid UTF-8 becomes U+FFFD) get the same id.
 */
export class ByteIds {
  readonly #vocabulary: Vocabulary;
  readonly #decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  readonly #table = new ByteStringTable();
  /** The id of each entry of the table, -1 for a word outside the vocabulary. */
  #idOf = new Int32Array(1 << 15);

  constructor(vocabulary: Vocabulary) {
    this.#vocabulary = vocabulary;
  }

  /** The id of the word `bytes[start..end)`, or -1 when it is not in the vocabulary. */
  id(bytes: Uint8Array, start: number, end: number): number {
    const entry = this.#table.find(bytes, start, end);
    if (entry >= 0) return this.#idOf[entry]!;
    const id = this.#vocabulary.id(this.#decoder.decode(bytes.subarray(start, end)));
    const added = this.#table.insert(bytes, start, end);
    if (added === this.#idOf.length) this.#idOf = grow(this.#idOf);
    this.#idOf[added] = id;
    return id;
  }
}

/** Writes the ids of the tokens a scanner hands over. */
class ByteEncoder implements ScannedTokens {
  readonly #ids: ByteIds;
  readonly #writer: BlockWriter;

  constructor(ids: ByteIds, writer: BlockWriter) {
    this.#ids = ids;
    this.#writer = writer;
  }

  token(bytes: Uint8Array, start: number, end: number): void {
    const writer = this.#writer;
    writer.read++;
    const id = this.#ids.id(bytes, start, end);
    if (id >= 0) writer.push(id);
  }

  endSentence(): void {
    this.#writer.endSentence();
  }
}

/**
 * One pass over `corpus` as blocks of encoded sentences written by `writer` (each block valid until
 * the next is asked for): a file split on whitespace is read on its bytes, with `byteIds`; any
 * other corpus sentence by sentence.
 */
export async function* encodedBlocks(
  corpus: TrainingCorpus,
  vocabulary: Vocabulary,
  options: SentenceOptions,
  writer: BlockWriter,
  byteIds: ByteIds | undefined,
): AsyncGenerator<EncodedCorpus> {
  if (byteIds !== undefined && readsFileBytes(corpus, options)) {
    const encoder = new ByteEncoder(byteIds, writer);
    for await (const _ of scanFile(corpus, resolveSentenceOptions(options), encoder)) {
      if (!writer.full) continue;
      yield writer.block();
      writer.dropBlock();
    }
  } else {
    for await (const sentence of sentencesOf(corpus, options)) {
      writer.read += sentence.length;
      for (const token of sentence) {
        const id = vocabulary.id(token);
        if (id >= 0) writer.push(id);
      }
      writer.endSentence();
      if (!writer.full) continue;
      yield writer.block();
      writer.dropBlock();
    }
  }
  if (writer.hasSentences) yield writer.block();
}

/**
 * The byte lookup of {@link encodedBlocks} for `corpus` when it is read on its bytes (kept from
 * pass to pass, so a later pass decodes nothing), else `undefined`.
 */
export function byteIdsFor(
  corpus: TrainingCorpus,
  vocabulary: Vocabulary,
  options: SentenceOptions,
): ByteIds | undefined {
  return readsFileBytes(corpus, options) ? new ByteIds(vocabulary) : undefined;
}
