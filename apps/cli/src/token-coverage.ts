import type { Embedder, WordVectors } from '@embedkit/core-math';
import type { TextEmbedder } from '@embedkit/text-pooling';

/**
 * Whether any word of `vectors` has an upper-case letter (`Paris`, `NASA`). GloVe's and many
 * published vectors are all lower case: texts must then be lower-cased, or every capitalised word
 * is out of the vocabulary.
 */
export function hasUpperCaseWord(vectors: WordVectors): boolean {
  for (const word of vectors.keyList()) {
    if (word !== word.toLowerCase()) return true;
  }
  return false;
}

/** The settings a coverage warning suggests changing. */
export interface TokenizingSettings {
  /** Texts are lower-cased. */
  readonly lowercase: boolean;
  /** The tokenizer in use. */
  readonly tokenizer: 'whitespace' | 'unicode-word';
}

/**
 * Counts the tokens of the texts a command embeds, as its text embedder cuts them, and how many
 * of them the model's vocabulary lacks, to warn when most of a text's words cannot be embedded.
 */
export class TokenCoverage {
  readonly #textEmbedder: TextEmbedder;
  readonly #vocabulary: Pick<Embedder, 'has'>;
  readonly #settings: TokenizingSettings;
  #tokens = 0;
  #unknown = 0;

  /** Counts tokens as `textEmbedder` cuts them (with `settings`) against `vocabulary`. */
  constructor(textEmbedder: TextEmbedder, vocabulary: Pick<Embedder, 'has'>, settings: TokenizingSettings) {
    this.#textEmbedder = textEmbedder;
    this.#vocabulary = vocabulary;
    this.#settings = settings;
  }

  /** Counts the tokens of `text`. */
  count(text: string): void {
    for (const token of this.#textEmbedder.tokenize(text)) {
      this.#tokens++;
      if (!this.#vocabulary.has(token)) this.#unknown++;
    }
  }

  /** Passes `texts` through, counting each. */
  async *counted(texts: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
    for await (const text of texts) {
      this.count(text);
      yield text;
    }
  }

  /**
   * A warning when more than half the tokens counted are out of the vocabulary, suggesting the
   * settings not in use yet (`--lowercase`, `--tokenizer unicode-word`); `undefined` otherwise.
   */
  warning(): string | undefined {
    const settings = this.#settings;
    if (this.#unknown * 2 <= this.#tokens) return undefined;
    const percent = ((100 * this.#unknown) / this.#tokens).toFixed(1);
    const suggestions = [
      ...(settings.lowercase ? [] : ['--lowercase']),
      ...(settings.tokenizer === 'unicode-word' ? [] : ['--tokenizer unicode-word']),
    ];
    const advice =
      suggestions.length > 0
        ? `; try ${suggestions.join(' and ')}`
        : '; the texts and the vectors may not be in the same language or tokenization';
    return `warning: ${this.#unknown.toLocaleString('en-US')} of ${this.#tokens.toLocaleString('en-US')} tokens (${percent}%) are not in the vocabulary, so their texts are embedded from the rest${advice}`;
  }
}
