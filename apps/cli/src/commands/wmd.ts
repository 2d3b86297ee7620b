import { wmDistance } from '@embedkit/similarity';
import type { Command } from 'commander';
import { type CliIo, writeJson, writeLine } from '../cli-io.js';
import { examples, newCommand } from '../new-command.js';
import {
  loadModelFile,
  type ModelFileOptions,
  modelEncodingOption,
  modelFormatOption,
  modelUnicodeErrorsOption,
} from '../model-file.js';
import { addTokenizerOptions, cliTokens, type TokenizerCliOptions } from '../pooling-options.js';
import { vectorsOfWords } from '../word-query.js';

/** Options of {@link runWmd}. */
export interface WmdCliOptions extends TokenizerCliOptions, ModelFileOptions {
  /** Unit-length word vectors (gensim's `norm=True`); `--no-normalize` uses them as they are. */
  readonly normalize: boolean;
  /** JSON output. */
  readonly json?: boolean;
}

/**
 * Prints the Word Mover's Distance between two texts (gensim's `wmdistance`): `inf` when one of
 * them has no word the model knows, as gensim.
 */
export async function runWmd(
  io: CliIo,
  path: string,
  text1: string,
  text2: string,
  options: WmdCliOptions,
): Promise<void> {
  const model = await loadModelFile(path, options);
  const tokens1 = cliTokens(text1, options);
  const tokens2 = cliTokens(text2, options);
  const vectors = vectorsOfWords(model, [...tokens1, ...tokens2]);
  const distance = wmDistance(vectors, tokens1, tokens2, { normalize: options.normalize });
  if (!Number.isFinite(distance)) {
    io.stderr.write('embedkit: a text has no word in the model: the distance is infinite (as in gensim)\n');
  }
  // JSON has no infinity: an infinite distance is null there.
  if (options.json)
    writeJson(io.stdout, { text1, text2, distance: Number.isFinite(distance) ? distance : null });
  else writeLine(io.stdout, Number.isFinite(distance) ? distance.toFixed(6) : 'inf');
}

/** `embedkit wmd VECTORS "TEXT 1" "TEXT 2"`. */
export function wmdCommand(io: CliIo): Command {
  const command = newCommand('wmd')
    .summary("Word Mover's Distance between two texts (gensim's wmdistance)")
    .description(
      "Word Mover's Distance (Kusner et al. 2015) between two texts, as gensim's wmdistance: the least total distance their normalised bags of words travel to become each other. Words not in the model are dropped; a text left without words is at distance inf.",
    )
    .argument('<vectors>', 'vector file or fastText .bin')
    .argument('<text1>', 'first text')
    .argument('<text2>', 'second text')
    .addOption(modelFormatOption())
    .addOption(modelEncodingOption())
    .addOption(modelUnicodeErrorsOption())
    .option('--no-normalize', 'use the word vectors as they are, not scaled to unit length');
  return addTokenizerOptions(command)
    .addHelpText(
      'after',
      examples(
        'embedkit wmd vectors.bin "Obama speaks to the media in Illinois" "The president greets the press in Chicago"',
        'embedkit wmd glove.txt "A girl is styling her hair." "A girl is brushing her hair." --tokenizer unicode-word --lowercase',
      ),
    )
    .action((vectors: string, text1: string, text2: string, options: WmdCliOptions) =>
      runWmd(io, vectors, text1, text2, options),
    );
}
