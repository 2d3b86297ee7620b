import { IoError, throwIfAborted } from '@embedkit/core-math';
import { createWordDecoder, type TextEncodingOptions, type WordDecoder } from '@embedkit/vector-io';
import { MAX_FLOAT32_LENGTH } from '#array-limits';
import { ByteReader, memorySource } from './byte-reader.js';
import {
  ARGS_BYTES,
  ENTRY_LABEL,
  ENTRY_WORD,
  FASTTEXT_MAGIC,
  MAX_DIM,
  MIN_ENTRY_BYTES,
} from './bin-layout.js';
import { type FastTextArgs, LOSS_CODES, MODEL_CODES } from './fasttext-args.js';
import { FastTextModel } from './fasttext-model.js';

/** Options of `readFastTextBin` and {@link parseFastTextBin}. */
export interface ReadFastTextBinOptions extends TextEncodingOptions {
  /** Stops loading between chunks of the matrices; loading then rejects with `CancelledError`. */
  readonly signal?: AbortSignal;
  /** The name errors give for an in-memory buffer (default `<buffer>`). */
  readonly file?: string;
}

/**
 * Parses a fastText `.bin` model held in memory (in a browser, the bytes of a dropped `File`),
 * with the same checks as `readFastTextBin`, which reads a file on disk: version 12 (fastText
 * 0.9.x, gensim's `save_facebook_model`), version 11, and the older layout without magic number.
 * Words are UTF-8 unless `encoding` names another encoding; `unicodeErrors: 'backslashreplace'`
 * reads invalid bytes as gensim does (`\xNN`).
 *
 * @throws FormatError naming the byte offset of the first thing that is wrong
 */
export async function parseFastTextBin(
  bytes: Uint8Array,
  options: ReadFastTextBinOptions = {},
): Promise<FastTextModel> {
  const reader = new ByteReader(memorySource(bytes), options.file ?? '<buffer>');
  return decodeFastTextBin(reader, createWordDecoder(options), options.signal);
}

/** Decodes a `.bin` model from `reader` (a file or a buffer), checking `signal` between chunks. */
export async function decodeFastTextBin(
  reader: ByteReader,
  decoder: WordDecoder,
  signal: AbortSignal | undefined,
): Promise<FastTextModel> {
  throwIfAborted(signal, 'loading the model');
  await reader.ensure(8, 'the header');
  const first = reader.i32();
  let modern: boolean;
  let version = 0;
  let dim: number;
  let ws: number;
  if (first === FASTTEXT_MAGIC) {
    version = reader.i32();
    if (version !== 11 && version !== 12) {
      throw reader.error('fastText .bin version 11 or 12', String(version), 4);
    }
    modern = true;
    await reader.ensure(ARGS_BYTES, 'the arguments');
    dim = reader.i32();
    ws = reader.i32();
  } else {
    // fastText before May 2017 wrote no magic number: the file starts with dim and ws.
    if (first < 1 || first > MAX_DIM) {
      throw reader.error(
        `the fastText magic number ${FASTTEXT_MAGIC} (0x2F4F16BA), or a vector dimension (1 to ${MAX_DIM}) for the old layout without magic`,
        String(first),
        0,
      );
    }
    modern = false;
    dim = first;
    ws = reader.i32();
    await reader.ensure(ARGS_BYTES - 8, 'the arguments');
  }
  const args = readArgs(reader, dim, ws);
  const dictionary = await readDictionary(reader, modern, decoder);
  const nwords = dictionary.words.length;
  const inputMatrix = await readAnyMatrix(reader, modern, 'input', nwords + args.bucket, dim, signal);
  const outputRows = args.model === 'supervised' ? dictionary.labels.length : nwords;
  const outputMatrix = await readAnyMatrix(reader, modern, 'output', outputRows, dim, signal);
  if (reader.remaining > 0) {
    throw reader.error('the end of the file after the output matrix', `${reader.remaining} more bytes`);
  }
  // fastText gave `</s>` n-grams until version 12; keep them for older models as they were trained.
  const eosHasNgrams = version < 12;
  const { words, counts, ntokens, labels, labelCounts } = dictionary;
  return new FastTextModel({
    args,
    words,
    counts,
    ntokens,
    inputMatrix,
    outputMatrix,
    eosHasNgrams,
    labels,
    labelCounts,
  });
}

function readArgs(reader: ByteReader, dim: number, ws: number): FastTextArgs {
  const fieldsAt = reader.offset;
  const epoch = reader.i32();
  const minCount = reader.i32();
  const neg = reader.i32();
  const wordNgrams = reader.i32();
  const lossAt = reader.offset;
  const lossCode = reader.i32();
  const modelAt = reader.offset;
  const modelCode = reader.i32();
  const bucketAt = reader.offset;
  const bucket = reader.i32();
  const minn = reader.i32();
  const maxn = reader.i32();
  const lrUpdateRate = reader.i32();
  const tAt = reader.offset;
  const t = reader.f64();
  const loss = LOSS_CODES[lossCode - 1];
  if (loss === undefined)
    throw reader.error('a loss code from 1 to 4 (hs, ns, softmax, ova)', String(lossCode), lossAt);
  const model = MODEL_CODES[modelCode - 1];
  if (model === undefined)
    throw reader.error('a model code from 1 to 3 (cbow, sg, sup)', String(modelCode), modelAt);
  if (dim < 1 || dim > MAX_DIM)
    throw reader.error(`a dimension from 1 to ${MAX_DIM}`, String(dim), fieldsAt - 8);
  if (bucket < 0) throw reader.error('a bucket count >= 0', String(bucket), bucketAt);
  if (minn < 0 || maxn < 0)
    throw reader.error('minn and maxn >= 0', `minn ${minn}, maxn ${maxn}`, bucketAt + 4);
  if (!Number.isFinite(t) || t < 0) throw reader.error('a finite sampling threshold t >= 0', String(t), tAt);
  return { dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn, lrUpdateRate, t };
}

interface Dictionary {
  /** The words (entries before the labels). */
  words: string[];
  counts: Float64Array;
  ntokens: number;
  /** The labels (entries after the words). */
  labels: string[];
  labelCounts: Float64Array;
}

async function readDictionary(
  reader: ByteReader,
  modern: boolean,
  decoder: WordDecoder,
): Promise<Dictionary> {
  await reader.ensure(modern ? 28 : 20, 'the dictionary header');
  const sizeAt = reader.offset;
  const size = reader.i32();
  const nwords = reader.i32();
  const nlabels = reader.i32();
  if (nwords < 0 || nlabels < 0 || size !== nwords + nlabels) {
    throw reader.error(
      'dictionary sizes with size = nwords + nlabels, none negative',
      `size ${size}, nwords ${nwords}, nlabels ${nlabels}`,
      sizeAt,
    );
  }
  const ntokens = reader.i64('ntokens', 0);
  if (modern) {
    const pruneAt = reader.offset;
    const pruneidxSize = reader.i64('pruneidx_size', -1, 2 ** 31);
    if (pruneidxSize !== -1) {
      throw reader.error(
        'pruneidx_size -1 (a dictionary that was not pruned)',
        `${pruneidxSize}: a dictionary pruned by \`fasttext quantize -cutoff\` (its n-gram buckets renumbered), which is not supported; quantize without -cutoff`,
        pruneAt,
      );
    }
  }
  if (size * MIN_ENTRY_BYTES > reader.remaining) {
    throw reader.error(
      `at most ${Math.floor(reader.remaining / MIN_ENTRY_BYTES)} dictionary entries (the rest of the file is ${reader.remaining} bytes)`,
      `${size} entries (a corrupt header or a truncated file)`,
      sizeAt,
    );
  }
  const words: string[] = new Array(nwords);
  const counts = new Float64Array(nwords);
  const labels: string[] = new Array(nlabels);
  const labelCounts = new Float64Array(nlabels);
  const seen = new Set<string>();
  for (let i = 0; i < size; i++) {
    const wordAt = reader.offset;
    const bytes = await reader.cString(`entry ${i}`);
    const word = decoder.decode(bytes, 0, bytes.length);
    if (word === undefined) {
      throw reader.error(
        `entry ${i} in ${decoder.encoding}`,
        `bytes that are not valid ${decoder.encoding}`,
        wordAt,
      );
    }
    if (seen.has(word))
      throw reader.error(`distinct entries (entry ${i})`, `${JSON.stringify(word)} again`, wordAt);
    seen.add(word);
    if (reader.buffered < 9) await reader.ensure(9, `the count and type of entry ${i}`);
    const count = reader.i64(`the count of entry ${i}`, 0);
    const typeAt = reader.offset;
    const type = reader.u8();
    const expectedType = i < nwords ? ENTRY_WORD : ENTRY_LABEL;
    if (type !== expectedType) {
      throw reader.error(
        `entry type ${expectedType} for entry ${i} (words first, then labels)`,
        String(type),
        typeAt,
      );
    }
    if (i < nwords) {
      words[i] = word;
      counts[i] = count;
    } else {
      labels[i - nwords] = word;
      labelCounts[i - nwords] = count;
    }
  }
  return { words, counts, ntokens, labels, labelCounts };
}

/**
 * A matrix after its quantization flag (version 11 and 12 files): dense, or product-quantized as
 * `fasttext quantize` writes it (a `.ftz`), which is decoded into a dense matrix.
 */
async function readAnyMatrix(
  reader: ByteReader,
  modern: boolean,
  which: 'input' | 'output',
  rows: number,
  dim: number,
  signal: AbortSignal | undefined,
): Promise<Float32Array> {
  if (!modern) return readMatrix(reader, which, rows, dim, signal);
  await reader.ensure(1, `the ${which} matrix's quantization flag`);
  const flagAt = reader.offset;
  const flag = reader.u8();
  if (flag === 0) return readMatrix(reader, which, rows, dim, signal);
  if (flag !== 1)
    throw reader.error(`quantization flag 0 or 1 before the ${which} matrix`, String(flag), flagAt);
  return readQuantizedMatrix(reader, which, rows, dim);
}

/** Centroids per sub-quantizer of fastText's product quantizer (8 bits per code). */
const CENTROIDS = 256;

/** A product quantizer's layout (fastText's `ProductQuantizer::load`) and its centroids. */
interface ProductQuantizer {
  readonly nsubq: number;
  readonly dsub: number;
  readonly lastdsub: number;
  readonly centroids: Float32Array;
}

async function readProductQuantizer(
  reader: ByteReader,
  what: string,
  dim: number,
): Promise<ProductQuantizer> {
  await reader.ensure(16, `the ${what}'s product quantizer`);
  const at = reader.offset;
  const pqDim = reader.i32();
  const nsubq = reader.i32();
  const dsub = reader.i32();
  const lastdsub = reader.i32();
  const valid =
    pqDim === dim && dsub >= 1 && nsubq === Math.ceil(dim / dsub) && lastdsub === dim - (nsubq - 1) * dsub;
  if (!valid) {
    throw reader.error(
      `a product quantizer of dimension ${dim} (sub-vectors of dsub values, the last one the rest)`,
      `dim ${pqDim}, nsubq ${nsubq}, dsub ${dsub}, lastdsub ${lastdsub}`,
      at,
    );
  }
  if (dim * CENTROIDS * 4 > reader.remaining) {
    throw reader.error(
      `${dim * CENTROIDS * 4} bytes of centroids`,
      `end of file after ${reader.remaining} bytes (truncated file)`,
    );
  }
  const centroids = new Float32Array(dim * CENTROIDS);
  await reader.floats(centroids, `the ${what}'s centroids`);
  return { nsubq, dsub, lastdsub, centroids };
}

async function readBytes(reader: ByteReader, length: number, what: string): Promise<Uint8Array> {
  await reader.ensure(length, what);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = reader.u8();
  return out;
}

/**
 * A product-quantized matrix (fastText's `QuantMatrix::load`), decoded into `rows x dim` floats:
 * row `i` is, per sub-quantizer, the centroid its code names, times the row's quantized norm when
 * the norms are quantized too (`-qnorm`) — the values fastText adds when it reads the row.
 */
async function readQuantizedMatrix(
  reader: ByteReader,
  which: 'input' | 'output',
  rows: number,
  dim: number,
): Promise<Float32Array> {
  const what = `the quantized ${which} matrix`;
  await reader.ensure(21, what);
  const qnormAt = reader.offset;
  const qnorm = reader.u8();
  if (qnorm > 1) throw reader.error(`a norm-quantization flag 0 or 1 in ${what}`, String(qnorm), qnormAt);
  const shapeAt = reader.offset;
  const m = reader.i64(`${which} matrix rows`, 0);
  const n = reader.i64(`${which} matrix columns`, 0);
  if (m !== rows || n !== dim)
    throw reader.error(`a ${which} matrix of ${rows} x ${dim}`, `${m} x ${n}`, shapeAt);
  const codesAt = reader.offset;
  const codeSize = reader.i32();
  if (codeSize < 0 || codeSize > reader.remaining) {
    throw reader.error(`a code size within the ${reader.remaining} bytes left`, String(codeSize), codesAt);
  }
  const codes = await readBytes(reader, codeSize, `the codes of ${what}`);
  const pq = await readProductQuantizer(reader, what, dim);
  if (codeSize !== m * pq.nsubq) {
    throw reader.error(
      `${m * pq.nsubq} codes (${m} rows x ${pq.nsubq} sub-quantizers)`,
      String(codeSize),
      codesAt,
    );
  }
  let norms: Float32Array | undefined;
  if (qnorm === 1) {
    const normCodes = await readBytes(reader, m, `the norm codes of ${what}`);
    const npq = await readProductQuantizer(reader, `${what}'s norms`, 1);
    norms = Float32Array.from(normCodes, (code) => npq.centroids[code]!);
  }
  const { nsubq, dsub, lastdsub, centroids } = pq;
  if (m * dim > MAX_FLOAT32_LENGTH) {
    throw new IoError(
      reader.file,
      `the ${which} matrix decodes to ${m * dim} floats, more than one Float32Array holds in this runtime (${MAX_FLOAT32_LENGTH})`,
    );
  }
  const out = new Float32Array(m * dim);
  for (let row = 0; row < m; row++) {
    const norm = norms === undefined ? 1 : norms[row]!;
    for (let sub = 0; sub < nsubq; sub++) {
      const code = codes[row * nsubq + sub]!;
      const last = sub === nsubq - 1;
      const length = last ? lastdsub : dsub;
      const from = last ? sub * CENTROIDS * dsub + code * lastdsub : (sub * CENTROIDS + code) * dsub;
      const to = row * dim + sub * dsub;
      for (let j = 0; j < length; j++) out[to + j] = Math.fround(centroids[from + j]! * norm);
    }
  }
  return out;
}

async function readMatrix(
  reader: ByteReader,
  which: 'input' | 'output',
  rows: number,
  dim: number,
  signal: AbortSignal | undefined,
): Promise<Float32Array> {
  await reader.ensure(16, `the ${which} matrix's shape`);
  const shapeAt = reader.offset;
  const m = reader.i64(`${which} matrix rows`, 0);
  const n = reader.i64(`${which} matrix columns`, 0);
  if (m !== rows || n !== dim) {
    throw reader.error(`a ${which} matrix of ${rows} x ${dim}`, `${m} x ${n}`, shapeAt);
  }
  const bytes = m * n * 4;
  if (bytes > reader.remaining) {
    throw reader.error(
      `${bytes} bytes of ${which} matrix data`,
      `end of file after ${reader.remaining} bytes (truncated file)`,
      reader.offset,
    );
  }
  if (m * n > MAX_FLOAT32_LENGTH) {
    throw new IoError(
      reader.file,
      `the ${which} matrix holds ${m * n} floats, more than one Float32Array holds in this runtime (${MAX_FLOAT32_LENGTH}); Node 22 and later hold more`,
    );
  }
  const dataAt = reader.offset;
  const matrix = new Float32Array(m * n);
  await reader.floats(matrix, `the ${which} matrix`, signal);
  for (let i = 0; i < matrix.length; i++) {
    if (!Number.isFinite(matrix[i]!)) {
      throw reader.error(`finite numbers in the ${which} matrix`, String(matrix[i]), dataAt + i * 4);
    }
  }
  return matrix;
}
