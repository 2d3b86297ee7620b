import { type Command, Option } from 'commander';
import { type CliIo, writeJson, writeLine } from '../cli-io.js';
import { FILE_FORMATS, type FileFormat, fileFormatOf } from '../formats.js';
import { examples, newCommand } from '../new-command.js';
import { saveModel } from '../save-model.js';
import { loadModelFile, type ModelFileOptions, modelFormatOption } from '../model-file.js';

/**
 * Converts a vector file or fastText `.bin` to another format (the input's format is detected).
 * `fasttext-bin` output needs a fastText `.bin` input.
 */
export async function runConvert(
  io: CliIo,
  input: string,
  output: string,
  options: ModelFileOptions & { readonly to: FileFormat; readonly json?: boolean },
): Promise<void> {
  const format = options.to;
  const model = await loadModelFile(input, options);
  await saveModel(output, format, model.embedder);
  const summary = {
    input,
    from: fileFormatOf(model.format),
    output,
    to: format,
    vocabulary: model.vectors.size,
    dim: model.vectors.dim,
  };
  if (options.json) writeJson(io.stdout, summary);
  else
    writeLine(
      io.stdout,
      `${input} (${summary.from}) -> ${output} (${format}): ${summary.vocabulary} vectors of dimension ${summary.dim}`,
    );
}

/** `embedkit convert IN OUT --to FORMAT`. */
export function convertCommand(io: CliIo): Command {
  return newCommand('convert')
    .summary('convert between vector formats and fastText .bin/.vec')
    .description(
      `Converts between vector formats (${FILE_FORMATS.join(', ')}); the input format is detected. A fastText .bin converts to any of them; fasttext-bin output needs a fastText .bin input.`,
    )
    .argument('<input>', 'vector file or fastText .bin')
    .argument('<output>', 'file to write (replaced atomically)')
    .addOption(modelFormatOption())
    .addOption(new Option('--to <format>', 'output format').choices(FILE_FORMATS).makeOptionMandatory())
    .addHelpText(
      'after',
      examples(
        'embedkit convert vectors.bin vectors.txt --to word2vec-txt',
        'embedkit convert model.bin model.vec --to vec               # fastText .bin -> .vec',
        'embedkit convert glove.txt glove.w2v.bin --to word2vec-bin',
      ),
    )
    .action((input: string, output: string, options: ModelFileOptions & { to: FileFormat; json?: boolean }) =>
      runConvert(io, input, output, options),
    );
}
