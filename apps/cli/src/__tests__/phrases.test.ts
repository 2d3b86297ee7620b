import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { requireBuiltCli, runCli } from './built-cli.js';

const CORPUS = fixture('corpora', 'lee_background.cor');
/** gensim 4.2's phrases on the same corpus with its defaults (fixtures/scripts/gensim_phrases_lee.py). */
const GENSIM = JSON.parse(readFileSync(fixture('reference', 'gensim-phrases-lee.json'), 'utf8')) as {
  default: { passes: [{ phrases: Record<string, number> }]; transformed: string[][] };
};

describe('embedkit phrases / train --phrases', () => {
  let dir: string;
  beforeAll(async () => {
    requireBuiltCli();
    dir = await mkdtemp(join(tmpdir(), 'embedkit-phrases-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes the corpus phrased as gensim's FrozenPhrases, and the phrases with --export", async () => {
    const output = join(dir, 'phrased.txt');
    const exported = join(dir, 'phrases.tsv');
    const result = await runCli([
      'phrases',
      '--input',
      CORPUS,
      '--output',
      output,
      '--min-count',
      '5',
      '--threshold',
      '10',
      '--export',
      exported,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expected = GENSIM.default;
    expect(result.stdout).toMatch(
      new RegExp(`^found ${Object.keys(expected.passes[0].phrases).length} phrases`),
    );
    const lines = (await readFile(output, 'utf8')).split('\n');
    expect(lines.slice(0, expected.transformed.length)).toEqual(expected.transformed.map((s) => s.join(' ')));
    const table = (await readFile(exported, 'utf8')).trimEnd().split('\n');
    expect(new Set(table.map((line) => line.split('\t')[0]))).toEqual(
      new Set(Object.keys(expected.passes[0].phrases)),
    );
  });

  it('trains on the phrased corpus with train --phrases 1', async () => {
    const output = join(dir, 'vectors.txt');
    const result = await runCli([
      'train',
      'word2vec-skipgram',
      '--input',
      CORPUS,
      '--output',
      output,
      '--phrases',
      '1',
      '--dim',
      '8',
      '--epochs',
      '1',
      '--threads',
      '1',
    ]);
    expect(result.code).toBe(0);
    const words = (await readFile(output, 'utf8')).split('\n').map((line) => line.split(' ')[0]);
    expect(words).toContain('New_South');
  });

  it.each([
    [['--threshold', '0'], 1, /option threshold: got 0, expected a finite number > 0 for default scoring/],
    [
      ['--scoring', 'npmi', '--threshold', '1.5'],
      1,
      /threshold: got 1\.5, expected a number in \(-1, 1\] for npmi/,
    ],
    [['--threshold', 'ten'], 2, /expected a number/],
    [['--passes', '0'], 2, /positive integer/],
  ])('refuses %j in one line (exit %i)', async (args, code, message) => {
    const result = await runCli(['phrases', '--input', CORPUS, '--output', join(dir, 'x.txt'), ...args]);
    expect(result.code).toBe(code);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
