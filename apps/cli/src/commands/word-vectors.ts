import { printedWordVector } from '@embedkit/fasttext-subword';
import type { Command } from 'commander';
import { type CliIo, writeJsonLine } from '../cli-io.js';
import { examples, newCommand } from '../new-command.js';
import {
  loadModelFile,
  type ModelFileOptions,
  modelEncodingOption,
  modelFormatOption,
  modelUnicodeErrorsOption,
} from '../model-file.js';
import { textLines } from '../text-lines.js';

/** What separates words for C++'s `std::cin >> word`: the C locale's white space. */
const C_WHITESPACE = /[ \t\n\v\f\r]+/;

/**
 * fastText's `print-word-vectors`: reads words from stdin (separated by any white space) and
 * prints `word v1 … vd` for each, in fastText's own number format. A fastText `.bin` gives words
 * outside its vocabulary their subword vector; a word with no vector (or a plain vector file's
 * unknown word) prints zeros, as fastText does for a word without subwords.
 */
export async function runWordVectors(
  io: CliIo,
  path: string,
  options: ModelFileOptions & { readonly json?: boolean },
): Promise<void> {
  const model = await loadModelFile(path, options);
  const dim = model.vectors.dim;
  for await (const line of textLines(undefined, io.stdin)) {
    for (const word of line.split(C_WHITESPACE)) {
      if (word === '') continue;
      const vector = model.fastText?.vector(word) ?? model.vectors.vector(word) ?? new Float32Array(dim);
      if (options.json) writeJsonLine(io.stdout, { word, vector: Array.from(vector) });
      else io.stdout.write(printedWordVector(word, vector));
    }
  }
}

/** `embedkit word-vectors MODEL < words.txt`. */
export function wordVectorsCommand(io: CliIo): Command {
  return newCommand('word-vectors')
    .summary("print word vectors for words read from stdin (fastText's print-word-vectors)")
    .description(
      "Reads words from stdin and prints 'word v1 ... vd' for each, byte for byte as fastText's print-word-vectors does (5 significant digits). A fastText .bin answers words outside its vocabulary from subwords; an unknown word prints zeros.",
    )
    .argument('<model>', 'fastText .bin (or any vector file embedkit reads)')
    .addOption(modelFormatOption())
    .addOption(modelEncodingOption())
    .addOption(modelUnicodeErrorsOption())
    .addHelpText(
      'after',
      examples(
        'echo "king queen unbelievably" | embedkit word-vectors model.bin',
        'embedkit word-vectors model.bin < queries.txt > vectors.txt',
      ),
    )
    .action((model: string, options: ModelFileOptions & { json?: boolean }) =>
      runWordVectors(io, model, options),
    );
}
