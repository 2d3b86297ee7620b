import type { LoadedModel } from '@embedkit/algorithms';
import { unicodeWordTokenizer, whitespaceTokenizer } from '@embedkit/corpus';
import { UsageError } from './usage-error.js';
import {
  POOLING_METHODS,
  type PoolingMethod,
  TextEmbedder,
  type TextEmbedderOptions,
  WordFrequencies,
  readWordFrequencies,
} from '@embedkit/text-pooling';
import { type Command, Option } from 'commander';
import { hasUpperCaseWord, TokenCoverage } from './token-coverage.js';

/** The pooling methods the commands offer: all but `weighted`, whose weights cannot be given here. */
const CLI_POOLING_METHODS: readonly PoolingMethod[] = POOLING_METHODS.filter(
  (method) => method !== 'weighted',
);

/** How texts are cut into tokens: `--tokenizer` and `--lowercase`, as commander parses them. */
export interface TokenizerCliOptions {
  /** How texts are cut into tokens. */
  readonly tokenizer: 'whitespace' | 'unicode-word';
  /**
   * Lower-case texts first: `true` for `--lowercase`, `false` for `--no-lowercase`; undefined when
   * neither is given (embed-text and search then lower-case exactly when the vocabulary has no
   * upper-case word).
   */
  readonly lowercase?: boolean;
}

/**
 * Adds `--tokenizer` and `--lowercase` to a command; with `automaticLowercase` (embed-text,
 * search), also `--no-lowercase`, and the help says that texts are lower-cased by default when the
 * vocabulary has no upper-case word.
 */
export function addTokenizerOptions(command: Command, automaticLowercase = false): Command {
  command
    .addOption(
      new Option(
        '--tokenizer <name>',
        'whitespace (as word2vec/fastText read text) or unicode-word (no punctuation)',
      )
        .choices(['whitespace', 'unicode-word'])
        .default('whitespace'),
    )
    .option(
      '--lowercase',
      automaticLowercase
        ? 'lower-case texts before tokenizing (the default when the vocabulary has no upper-case word)'
        : 'lower-case texts before tokenizing (for lower-case vectors)',
    );
  return automaticLowercase
    ? command.option(
        '--no-lowercase',
        'keep the case of the texts even when the vocabulary is all lower case',
      )
    : command;
}

/** A command's text embedder and the coverage of the texts it embeds. */
export interface TextEmbedderSetup {
  /** Embeds the texts. */
  readonly textEmbedder: TextEmbedder;
  /** Counts the tokens the texts have and how many the vocabulary lacks (feed it the texts). */
  readonly coverage: TokenCoverage;
}

/** The tokens of `text` under the `--tokenizer` and `--lowercase` options. */
export function cliTokens(text: string, options: TokenizerCliOptions): string[] {
  const input = options.lowercase === true ? text.toLowerCase() : text;
  return options.tokenizer === 'unicode-word' ? unicodeWordTokenizer()(input) : whitespaceTokenizer(input);
}

/** The pooling options of `embed-text` and `search`, as commander parses them. */
export interface PoolingCliOptions extends TokenizerCliOptions {
  /** The pooling method. */
  readonly method: PoolingMethod;
  /** A file of texts (one per line) that `tfidf` and `sif` are fitted on. */
  readonly fit?: string;
  /** A `word count` table for SIF's word probabilities. */
  readonly frequencies?: string;
}

/** Adds `--method`, `--fit`, `--frequencies`, `--tokenizer` and `--[no-]lowercase` to a command. */
export function addPoolingOptions(command: Command, fitDefault: string): Command {
  command
    .addOption(
      new Option('--method <method>', 'how word vectors become a text vector')
        .choices(CLI_POOLING_METHODS)
        .default('mean'),
    )
    .option('--fit <file>', `texts (one per line) that tfidf and sif are fitted on (default: ${fitDefault})`)
    .option('--frequencies <file>', 'sif: "word count" lines giving p(w), e.g. enwiki_vocab_min200.txt');
  return addTokenizerOptions(command, true);
}

/** Whether `method` must be fitted on a collection before it embeds. */
export function needsFit(method: PoolingMethod): boolean {
  return method === 'tfidf' || method === 'sif';
}

/**
 * A text embedder over `model` with the command-line options; `tfidf` and `sif` are fitted on
 * `fitTexts`. SIF's word probabilities come from `--frequencies`, else from the counts the model
 * carries (a fastText `.bin`), else from the fitting texts. A fastText `.bin` embeds unknown words
 * from their subwords. Without `--lowercase` or `--no-lowercase`, texts are lower-cased when the
 * vocabulary has no upper-case word, and `note` says so.
 *
 * @throws UsageError when `--fit` or `--frequencies` is given for a method that does not use it
 */
export async function createTextEmbedder(
  model: LoadedModel,
  options: PoolingCliOptions,
  fitTexts: () => Promise<readonly string[]>,
  note: (text: string) => void,
): Promise<TextEmbedderSetup> {
  const { method } = options;
  if (options.fit !== undefined && !needsFit(method)) {
    throw new UsageError(`--fit applies to --method tfidf and sif, not ${method}`);
  }
  if (options.frequencies !== undefined && method !== 'sif') {
    throw new UsageError(`--frequencies applies to --method sif, not ${method}`);
  }
  let frequencies: WordFrequencies | undefined;
  if (method === 'sif') {
    if (options.frequencies !== undefined) frequencies = await readWordFrequencies(options.frequencies);
    else if (model.vectors.counts !== undefined) frequencies = WordFrequencies.fromWordVectors(model.vectors);
  }
  const lowercase = options.lowercase ?? !hasUpperCaseWord(model.vectors);
  if (options.lowercase === undefined && lowercase) {
    note(
      'the vocabulary has no upper-case word: lower-casing the texts (as --lowercase; --no-lowercase keeps the case)',
    );
  }
  const embedderOptions: TextEmbedderOptions = {
    method,
    tokenizer: options.tokenizer,
    lowercase,
    oov: model.fastText ? 'subword' : 'skip',
    ...(frequencies ? { frequencies } : {}),
  };
  const textEmbedder = new TextEmbedder(model.embedder, embedderOptions);
  if (needsFit(method)) textEmbedder.fit(await fitTexts());
  const coverage = new TokenCoverage(textEmbedder, model.vectors, {
    lowercase,
    tokenizer: options.tokenizer,
  });
  return { textEmbedder, coverage };
}
