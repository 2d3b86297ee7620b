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

/** The pooling methods the commands offer: all but `weighted`, whose weights cannot be given here. */
const CLI_POOLING_METHODS: readonly PoolingMethod[] = POOLING_METHODS.filter(
  (method) => method !== 'weighted',
);

/** How texts are cut into tokens: `--tokenizer` and `--lowercase`, as commander parses them. */
export interface TokenizerCliOptions {
  /** How texts are cut into tokens. */
  readonly tokenizer: 'whitespace' | 'unicode-word';
  /** Lower-case texts first. */
  readonly lowercase?: boolean;
}

/** Adds `--tokenizer` and `--lowercase` to a command. */
export function addTokenizerOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--tokenizer <name>',
        'whitespace (as word2vec/fastText read text) or unicode-word (no punctuation)',
      )
        .choices(['whitespace', 'unicode-word'])
        .default('whitespace'),
    )
    .option('--lowercase', 'lower-case texts before tokenizing (for lower-case vectors)');
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

/** Adds `--method`, `--fit`, `--frequencies`, `--tokenizer` and `--lowercase` to a command. */
export function addPoolingOptions(command: Command, fitDefault: string): Command {
  command
    .addOption(
      new Option('--method <method>', 'how word vectors become a text vector')
        .choices(CLI_POOLING_METHODS)
        .default('mean'),
    )
    .option('--fit <file>', `texts (one per line) that tfidf and sif are fitted on (default: ${fitDefault})`)
    .option('--frequencies <file>', 'sif: "word count" lines giving p(w), e.g. enwiki_vocab_min200.txt');
  return addTokenizerOptions(command);
}

/** Whether `method` must be fitted on a collection before it embeds. */
export function needsFit(method: PoolingMethod): boolean {
  return method === 'tfidf' || method === 'sif';
}

/**
 * A text embedder over `model` with the command-line options; `tfidf` and `sif` are fitted on
 * `fitTexts`. SIF's word probabilities come from `--frequencies`, else from the counts the model
 * carries (a fastText `.bin`), else from the fitting texts. A fastText `.bin` embeds unknown words
 * from their subwords.
 *
 * @throws UsageError when `--fit` or `--frequencies` is given for a method that does not use it
 */
export async function createTextEmbedder(
  model: LoadedModel,
  options: PoolingCliOptions,
  fitTexts: () => Promise<readonly string[]>,
): Promise<TextEmbedder> {
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
  const embedderOptions: TextEmbedderOptions = {
    method,
    tokenizer: options.tokenizer,
    lowercase: options.lowercase === true,
    oov: model.fastText ? 'subword' : 'skip',
    ...(frequencies ? { frequencies } : {}),
  };
  const textEmbedder = new TextEmbedder(model.embedder, embedderOptions);
  if (needsFit(method)) textEmbedder.fit(await fitTexts());
  return textEmbedder;
}
