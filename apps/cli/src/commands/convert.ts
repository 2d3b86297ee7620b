import { type Command, Option } from 'commander';
import { type CliIo, writeJson, writeLine } from '../cli-io.js';
import { describeFormatAliases, FILE_FORMATS, type FileFormat, parseFileFormat, STDOUT } from '../formats.js';
import { examples, newCommand } from '../new-command.js';
import { checkOutput, saveModel } from '../save-model.js';
import {
  loadModelFile,
  type ModelFileOptions,
  modelEncodingOption,
  modelFormatOption,
  modelUnicodeErrorsOption,
} from '../model-file.js';
import { cancellableBySignals } from '../signals.js';

/**
 * Converts a vector file or fastText `.bin` to another format (the input's format is detected).
 * `fasttext-bin` output needs a fastText `.bin` input. The output is checked first (not the input
 * itself, not a device; `-` is standard output); Ctrl-C, SIGTERM or SIGHUP cancels the write and
 * leaves an existing output as it was.
 */
export async function runConvert(
  io: CliIo,
  input: string,
  output: string,
  options: ModelFileOptions & { readonly to: FileFormat; readonly json?: boolean },
): Promise<void> {
  const format = options.to;
  await checkOutput(io, output, format, [input]);
  const model = await cancellableBySignals(async (signal) => {
    const loaded = await loadModelFile(input, options);
    await saveModel(io, output, format, loaded.embedder, signal);
    return loaded;
  });
  const summary = {
    input,
    from: model.format,
    output,
    to: format,
    vocabulary: model.vectors.size,
    dim: model.vectors.dim,
  };
  // With `-` as the output the vectors went to stdout: the summary goes to stderr.
  const report = output === STDOUT ? io.stderr : io.stdout;
  if (options.json) writeJson(report, summary);
  else
    writeLine(
      report,
      `${input} (${summary.from}) -> ${output} (${format}): ${summary.vocabulary} vectors of dimension ${summary.dim}`,
    );
}

/** `embedkit convert IN OUT --to FORMAT`. */
export function convertCommand(io: CliIo): Command {
  return newCommand('convert')
    .summary('convert between vector formats and fastText .bin/.vec')
    .description(
      `Converts between vector formats (${FILE_FORMATS.join(', ')}; aliases ${describeFormatAliases()}); the input format is detected. A fastText .bin converts to any of them; fasttext-bin output needs a fastText .bin input.`,
    )
    .argument('<input>', 'vector file or fastText .bin')
    .argument('<output>', 'file to write (replaced atomically; never the input), or - for standard output')
    .addOption(modelFormatOption())
    .addOption(modelEncodingOption())
    .addOption(modelUnicodeErrorsOption())
    .addOption(
      new Option('--to <format>', 'output format')
        .choices(FILE_FORMATS)
        .argParser(parseFileFormat)
        .makeOptionMandatory(),
    )
    .addHelpText(
      'after',
      examples(
        'embedkit convert vectors.bin vectors.txt --to word2vec-text',
        'embedkit convert model.bin model.vec --to fasttext-vec      # fastText .bin -> .vec',
        'embedkit convert glove.txt glove.w2v.bin --to word2vec-binary',
      ),
    )
    .action((input: string, output: string, options: ModelFileOptions & { to: FileFormat; json?: boolean }) =>
      runConvert(io, input, output, options),
    );
}
