import { UsageError } from '../usage-error.js';
import { doesntMatch, rankByCentrality } from '@embedkit/similarity';
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
import { vectorsOfWords } from '../word-query.js';

/**
 * Prints the word of `words` that goes least with the others (gensim's `doesnt_match`); words
 * the model has no vector for are skipped, with a note on stderr.
 */
export async function runDoesntMatch(
  io: CliIo,
  path: string,
  words: readonly string[],
  options: ModelFileOptions & { readonly json?: boolean },
): Promise<void> {
  if (words.length < 2) throw new UsageError(`doesnt-match takes at least two words, got ${words.length}`);
  const model = await loadModelFile(path, options);
  const vectors = vectorsOfWords(model, words);
  const odd = doesntMatch(vectors, words);
  const unknown = words.filter((word) => !vectors.has(word));
  if (unknown.length > 0) io.stderr.write(`embedkit: skipped words not in the model: ${unknown.join(' ')}\n`);
  if (options.json)
    writeJson(io.stdout, { words, odd, ranking: rankByCentrality(vectors, words), skipped: unknown });
  else writeLine(io.stdout, odd);
}

/** `embedkit doesnt-match VECTORS W1 W2 …`. */
export function doesntMatchCommand(io: CliIo): Command {
  return newCommand('doesnt-match')
    .summary("the word that goes least with the others (gensim's doesnt_match)")
    .description(
      "Prints the word farthest from the centroid of the words' unit vectors (gensim's doesnt_match). Words not in the model are skipped; a fastText .bin also answers them from subwords.",
    )
    .argument('<vectors>', 'vector file or fastText .bin')
    .argument('<words...>', 'at least two words')
    .addOption(modelFormatOption())
    .addOption(modelEncodingOption())
    .addOption(modelUnicodeErrorsOption())
    .addHelpText(
      'after',
      examples(
        'embedkit doesnt-match vectors.bin breakfast cereal dinner lunch   # -> cereal',
        'embedkit doesnt-match vectors.bin paris berlin london banana --json',
      ),
    )
    .action((vectors: string, words: string[], options: ModelFileOptions & { json?: boolean }) =>
      runDoesntMatch(io, vectors, words, options),
    );
}
