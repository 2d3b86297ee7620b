import {
  applyPhraseLayers,
  ENGLISH_CONNECTOR_WORDS,
  type FrozenPhrases,
  learnPhrasePasses,
  PHRASES_DEFAULTS,
  type PhraseScoring,
  type PhrasesOptions,
} from '@embedkit/corpus';
import { writeFileAtomic } from '@embedkit/vector-io';
import { type Command, Option } from 'commander';
import { type CliIo, writeJson, writeLine } from '../cli-io.js';
import { examples, newCommand } from '../new-command.js';
import { finiteNumber, positiveInteger } from '../option-parsers.js';

/** The options of `embedkit phrases`. */
export interface PhrasesCommandOptions {
  readonly input: string;
  readonly output: string;
  readonly minCount: number;
  readonly threshold: number;
  readonly scoring: PhraseScoring;
  readonly maxVocabSize: number;
  readonly delimiter: string;
  /** `english` (gensim's set) or a comma-separated list. */
  readonly connectorWords?: string;
  readonly passes: number;
  /** Also write each phrase and its score (tab-separated, best first). */
  readonly export?: string;
  readonly json?: boolean;
}

/** The connector words `--connector-words` names: `english`, or words separated by commas. */
export function connectorWordsOf(value: string | undefined): ReadonlySet<string> {
  if (value === undefined) return new Set();
  if (value === 'english') return ENGLISH_CONNECTOR_WORDS;
  return new Set(value.split(',').filter((word) => word.length > 0));
}

const encoder = new TextEncoder();

/** Sentences as lines of space-separated tokens, encoded in batches. */
async function* lines(sentences: AsyncIterable<readonly string[]>): AsyncGenerator<Uint8Array> {
  let batch = '';
  for await (const sentence of sentences) {
    batch += `${sentence.join(' ')}\n`;
    if (batch.length >= 1 << 16) {
      yield encoder.encode(batch);
      batch = '';
    }
  }
  if (batch.length > 0) yield encoder.encode(batch);
}

/** Every phrase of every pass with its score, best first. */
function phraseTable(layers: readonly FrozenPhrases[]): Array<[string, number]> {
  return layers.flatMap((layer) => [...layer.phrases]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * Learns phrases from `--input` (gensim's `Phrases`, `--passes` times) and writes the corpus with
 * them joined to `--output`, one sentence per line.
 */
export async function runPhrases(io: CliIo, options: PhrasesCommandOptions): Promise<void> {
  const started = performance.now();
  const phraseOptions: PhrasesOptions = {
    minCount: options.minCount,
    threshold: options.threshold,
    scoring: options.scoring,
    maxVocabSize: options.maxVocabSize,
    delimiter: options.delimiter,
    connectorWords: connectorWordsOf(options.connectorWords),
  };
  const layers = await learnPhrasePasses(options.input, options.passes, phraseOptions);
  await writeFileAtomic(options.output, lines(applyPhraseLayers(options.input, layers)));
  const table = phraseTable(layers);
  if (options.export !== undefined) {
    const text = table.map(([phrase, score]) => `${phrase}\t${score}\n`).join('');
    await writeFileAtomic(options.export, [encoder.encode(text)]);
  }
  const seconds = (performance.now() - started) / 1000;
  const perPass = layers.map((layer) => layer.phrases.size);
  if (options.json) {
    writeJson(io.stdout, {
      input: options.input,
      output: options.output,
      phrases: perPass,
      top: table.slice(0, 10).map(([phrase, score]) => ({ phrase, score })),
      seconds,
    });
  } else {
    writeLine(
      io.stdout,
      `found ${perPass.join(' + ')} phrases (${perPass.length} pass${perPass.length > 1 ? 'es' : ''}); wrote ${options.output} in ${seconds.toFixed(1)} s`,
    );
  }
}

/** `embedkit phrases --input FILE --output FILE [options]`. */
export function phrasesCommand(io: CliIo): Command {
  return newCommand('phrases')
    .summary("join frequent word pairs into phrases (gensim's Phrases, word2vec's word2phrase)")
    .description(
      "Learns phrases such as new_york from a corpus (one sentence per line, whitespace-separated tokens) with gensim 4.2's Phrases semantics, and writes the corpus with them joined, one sentence per line (lines longer than 10,000 tokens are cut, as gensim's LineSentence cuts them). --passes 2 applies it twice for phrases of up to four words.",
    )
    .requiredOption('--input <file>', 'corpus: one sentence per line, whitespace-separated tokens')
    .requiredOption('--output <file>', 'phrased corpus to write (replaced atomically)')
    .option(
      '--min-count <n>',
      'ignore words and pairs seen fewer times',
      positiveInteger,
      PHRASES_DEFAULTS.minCount,
    )
    .option(
      '--threshold <x>',
      'join pairs scoring above this (> 0 for default scoring, in (-1, 1] for npmi)',
      finiteNumber,
      PHRASES_DEFAULTS.threshold,
    )
    .addOption(
      new Option('--scoring <name>', "word2vec's score (default) or normalised PMI (npmi)")
        .choices(['default', 'npmi'])
        .default(PHRASES_DEFAULTS.scoring),
    )
    .option(
      '--max-vocab-size <n>',
      'most words and pairs counted at once; rarer ones are pruned beyond it',
      positiveInteger,
      PHRASES_DEFAULTS.maxVocabSize,
    )
    .option('--delimiter <text>', 'joins the words of a phrase', PHRASES_DEFAULTS.delimiter)
    .option(
      '--connector-words <words>',
      "words allowed inside a phrase but never at its ends: 'english' (gensim's set: a, the, of, …) or a comma-separated list",
    )
    .option('--passes <n>', 'rounds of phrase detection (2: up to four-word phrases)', positiveInteger, 1)
    .option('--export <file>', 'also write each phrase and its score, tab-separated, best first')
    .addHelpText(
      'after',
      examples(
        'embedkit phrases --input corpus.txt --output phrased.txt --min-count 5 --threshold 10',
        'embedkit phrases --input corpus.txt --output phrased.txt --scoring npmi --threshold 0.5 --connector-words english',
        'embedkit train word2vec-skipgram --input corpus.txt --output vectors.bin --phrases 2',
      ),
    )
    .action((options: PhrasesCommandOptions) => runPhrases(io, options));
}
