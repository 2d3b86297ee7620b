import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { type CliIo, writeJson, writeLine } from '../cli-io.js';
import { examples, newCommand } from '../new-command.js';
import { formatTable } from '../table.js';
import {
  loadModelFile,
  type ModelFileOptions,
  modelEncodingOption,
  modelFormatOption,
  modelUnicodeErrorsOption,
} from '../model-file.js';

/** Words shown as a sample of the vocabulary. */
const SAMPLE = 10;

/** Prints what a vector file or fastText model holds: format, vocabulary, dimension, fastText arguments. */
export async function runInfo(
  io: CliIo,
  path: string,
  options: ModelFileOptions & { readonly json?: boolean },
): Promise<void> {
  const model = await loadModelFile(path, options);
  const { size: bytes } = await stat(path);
  const { vectors, fastText } = model;
  const firstWords = vectors.keyList().slice(0, SAMPLE);
  const info = {
    file: path,
    bytes,
    format: model.format,
    vocabulary: vectors.size,
    dim: vectors.dim,
    firstWords,
    ...(fastText
      ? {
          fastText: {
            args: fastText.args,
            tokens: fastText.ntokens,
            inputRows: fastText.inputMatrix.length / fastText.dim,
            outputRows: fastText.outputMatrix.length / fastText.dim,
          },
        }
      : {}),
  };
  if (options.json) {
    writeJson(io.stdout, info);
    return;
  }
  const rows: string[][] = [
    ['file', path],
    ['bytes', bytes.toLocaleString('en-US')],
    ['format', info.format],
    ['vocabulary', vectors.size.toLocaleString('en-US')],
    ['dimension', String(vectors.dim)],
    ['first words', firstWords.join(' ')],
  ];
  if (info.fastText) {
    rows.push(
      ['tokens', info.fastText.tokens.toLocaleString('en-US')],
      ['input rows', `${info.fastText.inputRows.toLocaleString('en-US')} (words + buckets)`],
      ['output rows', info.fastText.outputRows.toLocaleString('en-US')],
      ...Object.entries(info.fastText.args).map(([name, value]) => [`args.${name}`, String(value)]),
    );
  }
  writeLine(io.stdout, formatTable(rows, ['left', 'left']));
}

/** `embedkit info VECTORS|MODEL`. */
export function infoCommand(io: CliIo): Command {
  return newCommand('info')
    .summary('format, vocabulary size and dimension of a vector file or model')
    .description(
      'What a vector file or fastText .bin holds: format, vocabulary size, dimension; the header arguments of a fastText model.',
    )
    .argument('<file>', 'vector file (word2vec binary/text, GloVe, .vec) or fastText .bin')
    .addOption(modelFormatOption())
    .addOption(modelEncodingOption())
    .addOption(modelUnicodeErrorsOption())
    .addHelpText('after', examples('embedkit info vectors.bin', 'embedkit info model.bin --json'))
    .action((file: string, options: ModelFileOptions & { json?: boolean }) => runInfo(io, file, options));
}
