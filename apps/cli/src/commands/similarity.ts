import { loadModel } from '@embedkit/algorithms';
import { cosineSimilarity } from '@embedkit/similarity';
import type { Command } from 'commander';
import { type CliIo, writeJson, writeLine } from '../cli-io.js';
import { encodingOf, newModelCommand, type EncodingCliOptions } from '../encoding-options.js';
import { examples } from '../new-command.js';
import { wordVector } from '../word-query.js';

/** Prints the cosine similarity of two words. */
export async function runSimilarity(
  io: CliIo,
  path: string,
  first: string,
  second: string,
  options: { readonly json?: boolean } & EncodingCliOptions,
): Promise<void> {
  const model = await loadModel(path, encodingOf(options));
  const score = cosineSimilarity(wordVector(model, first), wordVector(model, second));
  if (options.json) writeJson(io.stdout, { first, second, similarity: score });
  else writeLine(io.stdout, score.toFixed(6));
}

/** `embedkit similarity VECTORS W1 W2`. */
export function similarityCommand(io: CliIo): Command {
  return newModelCommand('similarity')
    .summary('cosine similarity of two words')
    .description('Cosine similarity of two words (in [-1, 1]).')
    .argument('<vectors>', 'vector file or fastText .bin')
    .argument('<word1>', 'first word')
    .argument('<word2>', 'second word')
    .addHelpText(
      'after',
      examples(
        'embedkit similarity vectors.bin cat dog',
        'embedkit similarity model.bin cat dogz --json   # fastText .bin: subwords',
      ),
    )
    .action(
      (vectors: string, word1: string, word2: string, options: { json?: boolean } & EncodingCliOptions) =>
        runSimilarity(io, vectors, word1, word2, options),
    );
}
