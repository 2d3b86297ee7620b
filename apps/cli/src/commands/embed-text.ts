import type { EmbeddingBatch } from '@embedkit/text-pooling';
import { formatFloat32 } from '@embedkit/vector-io';
import type { Command } from 'commander';
import { type CliIo, writeJsonLine, writeLine, writeNote } from '../cli-io.js';
import { examples, newCommand } from '../new-command.js';
import {
  addPoolingOptions,
  createTextEmbedder,
  needsFit,
  type PoolingCliOptions,
} from '../pooling-options.js';
import { readTextLines, textLines } from '../text-lines.js';
import {
  loadModelFile,
  type ModelFileOptions,
  modelEncodingOption,
  modelFormatOption,
  modelUnicodeErrorsOption,
} from '../model-file.js';

/** Options of {@link runEmbedText}. */
export interface EmbedTextOptions extends PoolingCliOptions, ModelFileOptions {
  /** Texts, one per line (default: stdin). */
  readonly input?: string;
  /** One JSON object per line instead of bare numbers. */
  readonly json?: boolean;
}

function writeBatch(io: CliIo, batch: EmbeddingBatch, json: boolean): void {
  const { vectors, dim } = batch;
  for (let row = 0; row < batch.count; row++) {
    const values = Array.from(vectors.subarray(row * dim, (row + 1) * dim), formatFloat32);
    if (json)
      writeJsonLine(io.stdout, {
        line: batch.offset + row + 1,
        empty: batch.empty[row],
        vector: values.map(Number),
      });
    else writeLine(io.stdout, values.join(' '));
  }
}

/**
 * Embeds texts read one per line (from `--input` or stdin) and writes one vector per line, in
 * input order, as space-separated numbers (the shortest decimals that read back to the same
 * float32). Methods that need fitting are fitted on `--fit`, or on the input itself. Warns on
 * stderr when more than half the input's tokens are out of the vocabulary.
 */
export async function runEmbedText(io: CliIo, path: string, options: EmbedTextOptions): Promise<void> {
  const model = await loadModelFile(path, options);
  const json = options.json === true;
  // A method fitted on the input itself needs the whole input first; otherwise texts are streamed.
  const input =
    needsFit(options.method) && options.fit === undefined
      ? await readTextLines(options.input, io.stdin)
      : undefined;
  const { textEmbedder, coverage } = await createTextEmbedder(
    model,
    options,
    async () => input ?? readTextLines(options.fit, io.stdin),
    (note) => writeNote(io.stderr, note),
  );
  const texts = coverage.counted(input ?? textLines(options.input, io.stdin));
  for await (const batch of textEmbedder.embedStream(texts)) writeBatch(io, batch, json);
  const warning = coverage.warning();
  if (warning !== undefined) writeNote(io.stderr, warning);
}

/** `embedkit embed-text VECTORS [--input FILE]`. */
export function embedTextCommand(io: CliIo): Command {
  return addPoolingOptions(
    newCommand('embed-text')
      .summary('embed texts (one per line) into vectors')
      .description(
        'Embeds texts, one per line, into one vector per line (space-separated numbers, input order): mean, unit-mean (fastText sentence vectors), tfidf, sif (Arora et al. 2017), max, mean-max pooling of word vectors.',
      )
      .argument('<vectors>', 'vector file or fastText .bin (which also embeds unknown words from subwords)')
      .addOption(modelFormatOption())
      .addOption(modelEncodingOption())
      .addOption(modelUnicodeErrorsOption())
      .option('--input <file>', 'texts, one per line (default: stdin)'),
    'the input texts',
  )
    .addHelpText(
      'after',
      examples(
        'embedkit embed-text vectors.bin --input sentences.txt > sentence-vectors.txt',
        'echo "the cat sat on the mat" | embedkit embed-text model.bin --method unit-mean',
        'embedkit embed-text vectors.bin --method sif --frequencies enwiki_vocab_min200.txt --input sts.txt',
      ),
    )
    .action((vectors: string, options: EmbedTextOptions) => runEmbedText(io, vectors, options));
}
