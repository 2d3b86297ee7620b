import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { requireBuiltCli, runCli } from './built-cli.js';

let dir = '';
beforeAll(async () => {
  requireBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'embedkit-cli-classify-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const test = fixture('reference', 'sup-lee-test.txt');
const fastTextModel = fixture('reference', 'sup-lee-softmax.bin');

describe('embedkit train fasttext-supervised, predict, test (built CLI)', () => {
  it('trains with fastText options in kebab case and reports the skipped unlabelled line', async () => {
    const output = join(dir, 'model.bin');
    const result = await runCli([
      'train',
      'fasttext-supervised',
      '--input',
      fixture('reference', 'sup-lee-train.txt'),
      '--output',
      output,
      '--dim',
      '8',
      '--epochs',
      '5',
      '--lr',
      '0.5',
      '--word-ngrams',
      '2',
      '--bucket',
      '1000',
      '--loss',
      'hs',
      '--threads',
      '1',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/skipped 1 lines without a label/);
    const tested = await runCli(['test', output, test, '--json']);
    expect(JSON.parse(tested.stdout)).toMatchObject({ examples: 60, k: 1 });
  });

  it('prints what fasttext predict-prob, test and test-label print for a model fastText wrote', async () => {
    const predicted = await runCli(['predict', fastTextModel, test, '-k', '3', '--prob']);
    expect(predicted.code).toBe(0);
    const expected = (await readFile(fixture('reference', 'sup-lee-softmax.predict-prob.txt'), 'utf8')).split(
      '\n',
    );
    const lines = predicted.stdout.split('\n');
    expect(lines).toHaveLength(expected.length);
    // Labels agree everywhere; a probability may differ in its 6th digit.
    expect(lines.map((line) => line.replace(/ [\d.e-]+/g, ''))).toEqual(
      expected.map((line) => line.replace(/ [\d.e-]+/g, '')),
    );
    const labelsOnly = await runCli(['predict', fastTextModel, test]);
    expect(labelsOnly.stdout.split('\n')[0]).toBe(expected[0]!.split(' ')[0]);
    const tested = await runCli(['test', fastTextModel, test]);
    expect(tested.stdout).toBe(await readFile(fixture('reference', 'sup-lee-softmax.test.txt'), 'utf8'));
    const perLabel = await runCli(['test', fastTextModel, test, '--per-label']);
    expect(perLabel.stdout).toMatch(
      /^F1-Score : [\d.]+ {2}Precision : [\d.]+ {2}Recall : [\d.]+ {3}__label__other\n/,
    );
  });

  it('reads stdin and writes JSON lines', async () => {
    const result = await runCli(['predict', fastTextModel, '-', '-k', '2', '--json'], {
      stdin: 'police court charged\n',
    });
    const [line] = result.stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text));
    expect(line.predictions).toHaveLength(2);
    expect(line.predictions[0]).toMatchObject({ label: expect.stringMatching(/^__label__/) });
  });

  it('says in one line what is wrong: k 0, threshold 2, an unsupervised model, an unseen label, no labelled line', async () => {
    const cases: Array<[string[], string | undefined, RegExp]> = [
      [['predict', fastTextModel, test, '-k', '0'], undefined, /option k: got 0, expected an integer >= 1/],
      [
        ['predict', fastTextModel, test, '--threshold', '2'],
        undefined,
        /option threshold: got 2, expected a probability from 0 to 1/,
      ],
      [
        ['predict', fixture('reference', 'ft-lee-tiny.bin'), test],
        undefined,
        /ft-lee-tiny\.bin \(a fastText skipgram model\).*expected a supervised fastText \.bin/,
      ],
      [
        ['test', fastTextModel, '-'],
        '__label__weather rain today\n',
        /<stdin>, line 1: .*found __label__weather, a label never seen in training/,
      ],
    ];
    const unlabelled = join(dir, 'unlabelled.txt');
    await writeFile(unlabelled, 'no label here\nnor here\n');
    cases.push([
      ['train', 'fasttext-supervised', '--input', unlabelled, '--output', join(dir, 'x.bin')],
      undefined,
      /unlabelled\.txt: expected lines with at least one label .*found 2 lines and no label/,
    ]);
    for (const [args, stdin, message] of cases) {
      const result = await runCli(args, stdin === undefined ? {} : { stdin });
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
