import type { TextEncodingOptions, UnicodeErrors } from '@embedkit/vector-io';
import { UNICODE_ERRORS } from '@embedkit/vector-io';
import { Option } from 'commander';
import { newCommand } from './new-command.js';

/** The options `--encoding` and `--unicode-errors` give a command that reads a model file. */
export interface EncodingCliOptions {
  readonly encoding?: string;
  readonly unicodeErrors?: UnicodeErrors;
}

/**
 * A sub-command that reads a model file: {@link newCommand}'s options plus `--encoding` and
 * `--unicode-errors` (gensim's `encoding` and `unicode_errors`) for the words of the file.
 */
export function newModelCommand(name: string): ReturnType<typeof newCommand> {
  return newCommand(name)
    .option(
      '--encoding <name>',
      'encoding of the words in the model file: utf-8 (default) or a single-byte one such as cp852, cp1251, latin-1',
    )
    .addOption(
      new Option(
        '--unicode-errors <policy>',
        'bytes invalid in the encoding: refuse the file (strict, default), or replace, ignore or backslashreplace them',
      ).choices(UNICODE_ERRORS),
    );
}

/** The reader options of {@link EncodingCliOptions} (only those given). */
export function encodingOf(options: EncodingCliOptions): TextEncodingOptions {
  return {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.unicodeErrors === undefined ? {} : { unicodeErrors: options.unicodeErrors }),
  };
}
