import { ConfigError } from '@embedkit/core-math';
import { ENTRY_LABEL, ENTRY_WORD, FASTTEXT_MAGIC, FASTTEXT_VERSION } from './bin-layout.js';
import { LOSS_CODES, MODEL_CODES } from './fasttext-args.js';
import type { FastTextModel } from './fasttext-model.js';

const encoder = new TextEncoder();
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The chunks of `model` as a fastText 0.9.x `.bin` file (version 12): magic and version, the
 * arguments, the dictionary, then the input and output matrices, each after a "not quantized"
 * flag. The matrices are passed as views, not copied (on little-endian machines).
 *
 * @throws ConfigError when a word holds a NUL character (the format ends words with NUL)
 */
export function fastTextBinChunks(model: FastTextModel): Uint8Array[] {
  const entries = [...model.words, ...model.labels];
  const encoded = entries.map((word) => {
    if (word.includes('\0')) throw new ConfigError('words', word, 'words without NUL characters');
    return encoder.encode(word);
  });
  const headerBytes = 8 + 56 + 28 + encoded.reduce((sum, word) => sum + word.length + 10, 0) + 17;
  const header = new Uint8Array(headerBytes);
  const view = new DataView(header.buffer);
  let at = 0;
  const i32 = (value: number): void => {
    view.setInt32(at, value, true);
    at += 4;
  };
  const i64 = (value: number): void => {
    view.setBigInt64(at, BigInt(value), true);
    at += 8;
  };
  const { args } = model;
  i32(FASTTEXT_MAGIC);
  i32(FASTTEXT_VERSION);
  for (const value of [args.dim, args.ws, args.epoch, args.minCount, args.neg, args.wordNgrams]) i32(value);
  i32(LOSS_CODES.indexOf(args.loss) + 1);
  i32(MODEL_CODES.indexOf(args.model) + 1);
  for (const value of [args.bucket, args.minn, args.maxn, args.lrUpdateRate]) i32(value);
  view.setFloat64(at, args.t, true);
  at += 8;
  i32(entries.length);
  i32(model.size);
  i32(model.labels.length);
  i64(model.ntokens);
  i64(-1);
  for (let i = 0; i < encoded.length; i++) {
    header.set(encoded[i]!, at);
    at += encoded[i]!.length + 1;
    const isWord = i < model.size;
    i64(isWord ? model.counts[i]! : model.labelCounts[i - model.size]!);
    header[at++] = isWord ? ENTRY_WORD : ENTRY_LABEL;
  }
  header[at++] = 0;
  i64(model.size + args.bucket);
  i64(args.dim);
  const outputHeader = new Uint8Array(17);
  const outputView = new DataView(outputHeader.buffer);
  const outputRows = args.model === 'supervised' ? model.labels.length : model.size;
  outputView.setBigInt64(1, BigInt(outputRows), true);
  outputView.setBigInt64(9, BigInt(args.dim), true);
  return [header, floatBytes(model.inputMatrix), outputHeader, floatBytes(model.outputMatrix)];
}

/** The whole `.bin` file of `model` in one buffer (see {@link fastTextBinChunks}). */
export function serializeFastTextBin(model: FastTextModel): Uint8Array {
  const chunks = fastTextBinChunks(model);
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function floatBytes(matrix: Float32Array): Uint8Array {
  if (littleEndian) return new Uint8Array(matrix.buffer, matrix.byteOffset, matrix.byteLength);
  const bytes = new Uint8Array(matrix.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < matrix.length; i++) view.setFloat32(i * 4, matrix[i]!, true);
  return bytes;
}
