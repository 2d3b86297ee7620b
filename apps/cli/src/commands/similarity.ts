import { cosineSimilarity } from '@embedkit/similarity';
import type { Command } from 'commander';
import { type CliIo, writeJson, writeLine } from '../cli-io.js';
import { examples, newCommand } from '../new-command.js';
import { wordVector } from '../word-query.js';
import {
  loadModelFile,
  type ModelFileOptions,
  modelEncodingOption,
  modelFormatOption,
  modelUnicodeErrorsOption,
} from '../model-file.js';

/** Prints the cosine similarity of two words. */
export async function runSimilarity(
  io: CliIo,
  path: string,
  first: string,
  second: string,
  options: ModelFileOptions & { readonly json?: boolean },
): Promise<void> {
  const model = await loadModelFile(path, options);
  const score = cosineSimilarity(wordVector(model, first), wordVector(model, second));
  if (options.json) writeJson(io.stdout, { first, second, similarity: score });
  else writeLine(io.stdout, score.toFixed(6));
}

/** `embedkit similarity VECTORS W1 W2`. */
export function similarityCommand(io: CliIo): Command {
  return newCommand('similarity')
    .summary('cosine similarity of two words')
    .description('Cosine similarity of two words (in [-1, 1]).')
    .argument('<vectors>', 'vector file or fastText .bin')
    .argument('<word1>', 'first word')
    .argument('<word2>', 'second word')
    .addOption(modelFormatOption())
    .addOption(modelEncodingOption())
    .addOption(modelUnicodeErrorsOption())
    .addHelpText(
      'after',
      examples(
        'embedkit similarity vectors.bin cat dog',
        'embedkit similarity model.bin cat dogz --json   # fastText .bin: subwords',
      ),
    )
    .action((vectors: string, word1: string, word2: string, options: ModelFileOptions & { json?: boolean }) =>
      runSimilarity(io, vectors, word1, word2, options),
    );
}
