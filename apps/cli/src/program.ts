import { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { analogyCommand } from './commands/analogy.js';
import { predictCommand, testCommand } from './commands/classify.js';
import { completionCommand } from './commands/completion.js';
import { convertCommand } from './commands/convert.js';
import { embedTextCommand } from './commands/embed-text.js';
import { evalCommand } from './commands/eval.js';
import { exploreCommand } from './commands/explore.js';
import { infoCommand } from './commands/info.js';
import { neighborsCommand } from './commands/neighbors.js';
import { phrasesCommand } from './commands/phrases.js';
import { searchCommand } from './commands/search.js';
import { similarityCommand } from './commands/similarity.js';
import { type TrainSetup, trainCommand } from './commands/train.js';
import { doesntMatchCommand } from './commands/doesnt-match.js';
import { wmdCommand } from './commands/wmd.js';
import { wordVectorsCommand } from './commands/word-vectors.js';
import { examples } from './new-command.js';

/**
 * The `embedkit` program: every command, with errors thrown (not printed by commander's exit)
 * so that one place maps them to exit codes. Commander's own messages are printed as one line
 * `embedkit: …` on stderr.
 */
export function createProgram(io: CliIo, setup: TrainSetup, version: string): Command {
  const program = new Command('embedkit')
    .description(
      'Word and text embeddings on the command line: train word2vec, GloVe, fastText and more; query, evaluate and convert vectors.',
    )
    .version(version)
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      examples(
        'embedkit train word2vec-skipgram --input corpus.txt --output vectors.bin',
        'embedkit neighbors vectors.bin king',
        'embedkit eval vectors.bin --analogy questions-words.txt --similarity wordsim353.tsv',
        'embedkit <command> --help',
        'source <(embedkit completion bash)   # completion: bash, zsh or fish',
      ),
    );
  for (const command of [
    trainCommand(io, setup),
    neighborsCommand(io),
    analogyCommand(io),
    similarityCommand(io),
    evalCommand(io),
    convertCommand(io),
    embedTextCommand(io),
    searchCommand(io),
    infoCommand(io),
    doesntMatchCommand(io),
    wmdCommand(io),
    wordVectorsCommand(io),
    phrasesCommand(io),
    predictCommand(io),
    testCommand(io),
    exploreCommand(io),
  ]) {
    program.addCommand(command);
  }
  program.addCommand(completionCommand(io, program, new Map([['train', setup.registry.ids()]])));
  const output = {
    writeOut: (text: string) => io.stdout.write(text),
    writeErr: (text: string) => io.stderr.write(text),
    outputError: (text: string, write: (text: string) => void) =>
      write(
        `embedkit: ${text
          .replace(/^error: /, '')
          .replace(/\s*\n\s*/g, ' ')
          .trim()}\n`,
      ),
  };
  for (const command of [program, ...program.commands]) command.exitOverride().configureOutput(output);
  return program;
}
