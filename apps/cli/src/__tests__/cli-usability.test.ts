/**
 * The built CLI's usability features: shell completion, analogy in fastText's order, and the
 * vocabulary-coverage help of embed-text and search (automatic --lowercase, the OOV warning).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeIf, fixture, hasFastText } from '#test-utils/fixtures.js';
import { requireBuiltCli, runCli } from './built-cli.js';

const FT_MODEL = fixture('reference', 'ft-lee-sg.bin');
const W2V_MODEL = fixture('reference', 'w2v-lee-sg.bin');

let dir = '';
const inDir = (file: string) => join(dir, file);

beforeAll(async () => {
  requireBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'embedkit-cli-usability-'));
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

async function stdoutOf(args: readonly string[], stdin?: string): Promise<string> {
  const result = await runCli(args, stdin === undefined ? {} : { stdin });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('embedkit completion', () => {
  /** What bash completes for the words of a command line (the last one being completed). */
  function bashCompletes(script: string, words: readonly string[]): string[] {
    const program = `${script}
COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=()
_embedkit
printf '%s\\n' "\${COMPREPLY[@]}"`;
    return execFileSync('bash', ['-c', program], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean);
  }

  it('bash: commands, options, option values, algorithm ids and files', async () => {
    const script = await stdoutOf(['completion', 'bash']);
    execFileSync('bash', ['-n'], { input: script });
    await writeFile(inDir('corpus.txt'), 'a b\n');
    expect(bashCompletes(script, ['embedkit', 'co'])).toEqual(['convert', 'completion']);
    expect(bashCompletes(script, ['embedkit', 'train', 'word2vec-'])).toEqual([
      'word2vec-skipgram',
      'word2vec-cbow',
    ]);
    expect(bashCompletes(script, ['embedkit', 'train', 'glove', '--in'])).toEqual(['--input']);
    expect(bashCompletes(script, ['embedkit', 'train', 'glove', '--input', 'cor'])).toEqual(['corpus.txt']);
    expect(bashCompletes(script, ['embedkit', 'convert', 'a', 'b', '--to', 'fasttext-'])).toEqual([
      'fasttext-vec',
      'fasttext-bin',
    ]);
    expect(bashCompletes(script, ['embedkit', 'analogy', 'v.bin', '--order', ''])).toEqual([
      'word2vec',
      'fasttext',
    ]);
    expect(bashCompletes(script, ['embedkit', 'search', 'v.bin', '--no-'])).toEqual(['--no-lowercase']);
    expect(bashCompletes(script, ['embedkit', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('zsh and fish: every command with its options and values, quoted for the shell', async () => {
    const zsh = await stdoutOf(['completion', 'zsh']);
    const fish = await stdoutOf(['completion', 'fish']);
    expect(zsh.startsWith('#compdef embedkit\n')).toBe(true);
    expect(zsh).toContain("'analogy:A is to B as C is to ? (like word2vec'\\''s word-analogy)'");
    expect(zsh).toContain(
      'train:--format) compadd -- word2vec-text word2vec-binary glove fasttext-vec fasttext-bin;',
    );
    expect(zsh).toMatch(
      /^ {4}train\) opts=\(.*--input --output --format .*\); args=\(word2vec-skipgram word2vec-cbow glove /m,
    );
    expect(zsh).toContain('compdef _embedkit embedkit');
    expect(fish).toContain(
      "complete -c embedkit -n __fish_use_subcommand -a analogy -d 'A is to B as C is to ? (like word2vec\\'s word-analogy)'",
    );
    expect(fish).toContain(
      "complete -c embedkit -n '__fish_seen_subcommand_from convert' -l to -x -a 'word2vec-text word2vec-binary glove fasttext-vec fasttext-bin'",
    );
    expect(fish).toContain(
      "complete -c embedkit -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'",
    );
    expect(fish).not.toContain("'\\''");
    for (const command of [
      'train',
      'neighbors',
      'analogy',
      'similarity',
      'eval',
      'convert',
      'embed-text',
      'search',
      'info',
      'completion',
    ]) {
      expect(zsh).toContain(`'${command}:`);
      expect(fish).toContain(`__fish_use_subcommand -a ${command} `);
    }
  });

  it('rejects another shell as a usage error', async () => {
    const result = await runCli(['completion', 'powershell']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^embedkit: .*'powershell' is invalid.*bash, zsh, fish/);
  });
});

describe('embedkit train: usage errors in the order of the command line', () => {
  it('asks for the algorithm first, then for the files', async () => {
    for (const [args, message] of [
      [['train'], "embedkit: missing required argument 'algorithm'\n"],
      [['train', '--input', 'corpus.txt'], "embedkit: missing required argument 'algorithm'\n"],
      [
        ['train', 'glove'],
        'embedkit: train needs --input FILE and --output FILE: embedkit train ALGORITHM --input FILE --output FILE [options]\n',
      ],
      [
        ['train', 'glove', '--input', 'corpus.txt'],
        'embedkit: train needs --output FILE: embedkit train ALGORITHM --input FILE --output FILE [options]\n',
      ],
    ] as const) {
      const result = await runCli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(message);
    }
  });
});

interface AnalogyAnswer {
  readonly word: string;
  readonly score: number;
}

async function analogy(
  model: string,
  words: readonly string[],
  extra: readonly string[],
): Promise<AnalogyAnswer[]> {
  const output = await stdoutOf(['analogy', model, ...words, '--json', ...extra]);
  return (JSON.parse(output) as { answers: AnalogyAnswer[] }).answers;
}

/** fastText's answers recorded in ft-lee-sg.analogies.txt: triplet -> answers. */
function parseFastTextAnalogies(text: string): Map<string, AnalogyAnswer[]> {
  const queries = new Map<string, AnalogyAnswer[]>();
  let answers: AnalogyAnswer[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const parts = line.split(' ');
    if (parts.length === 3) {
      answers = [];
      queries.set(line, answers);
    } else answers.push({ word: parts[0]!, score: Number(parts[1]) });
  }
  return queries;
}

/** Our A - B + C answers agree with fastText's: the same first answer, and each of its answers among our ten with its score. */
async function expectFastTextAnswers(triplet: string, expected: readonly AnalogyAnswer[]): Promise<void> {
  const ours = await analogy(FT_MODEL, triplet.split(' '), ['--order', 'fasttext', '-k', '10']);
  expect(ours[0]!.word).toBe(expected[0]!.word);
  for (const { word, score } of expected) {
    const found = ours.find((answer) => answer.word === word);
    expect(found, `${triplet}: ${word}`).toBeDefined();
    expect(Math.abs(found!.score - score)).toBeLessThan(2e-6);
  }
}

describe('embedkit analogy --order', () => {
  it('fasttext reads A B C as A - B + C: word2vec order with A and B swapped', async () => {
    for (const [a, b, c] of [
      ['police', 'government', 'fire'],
      ['Israel', 'Palestinian', 'Australia'],
    ] as const) {
      const fastTextOrder = await analogy(W2V_MODEL, [a, b, c], ['--order', 'fasttext']);
      expect(fastTextOrder).toEqual(await analogy(W2V_MODEL, [b, a, c], []));
      expect(fastTextOrder).not.toEqual(await analogy(W2V_MODEL, [a, b, c], []));
    }
    expect(
      await stdoutOf([
        'analogy',
        W2V_MODEL,
        'police',
        'government',
        'fire',
        '--order',
        'fasttext',
        '-k',
        '1',
      ]),
    ).toMatch(/^police - government \+ fire = \?\n/);
  });

  it('gives the answers fasttext analogies printed for ft-lee-sg.bin (recorded)', async () => {
    const recorded = parseFastTextAnalogies(
      await readFile(fixture('reference', 'ft-lee-sg.analogies.txt'), 'utf8'),
    );
    expect(recorded.size).toBe(4);
    for (const [triplet, answers] of recorded) await expectFastTextAnswers(triplet, answers);
  });
});

/**
 * The first five answers `fasttext analogies FT_MODEL 5` prints for `triplet`. fastText 0.9.2 keeps
 * prompting after the end of its input, so the process is ended once the answers are in.
 */
function fastTextAnalogies(triplet: string): Promise<AnalogyAnswer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('fasttext', ['analogies', FT_MODEL, '5'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let printed = '';
    const answers = (): AnalogyAnswer[] =>
      printed
        .split('\n')
        .map((line) => line.replace(/^Query triplet \(A - B \+ C\)\? /, ''))
        .filter((line) => /^\S+ [\d.e-]+$/.test(line))
        .slice(0, 5)
        .map((line) => ({ word: line.split(' ')[0]!, score: Number(line.split(' ')[1]) }));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      printed += chunk;
      if (answers().length === 5) {
        child.kill();
        resolve(answers());
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve(answers()));
    child.stdin.end(`${triplet}\n`);
  });
}

describeIf(hasFastText, 'fasttext is not installed')(
  'embedkit analogy --order fasttext against fastText 0.9.2',
  () => {
    it('gives the answers fasttext analogies prints now', async () => {
      for (const triplet of ['police government fire', 'week day year']) {
        const answers = await fastTextAnalogies(triplet);
        expect(answers).toHaveLength(5);
        await expectFastTextAnswers(triplet, answers);
      }
    });
  },
);

describe('embed-text and search: vocabulary coverage', () => {
  /** A lower-case vocabulary: the, cat, sat. */
  async function lowerCaseVectors(): Promise<string> {
    const path = inDir('lower.txt');
    await writeFile(path, '3 2\nthe 1 0\ncat 0 1\nsat 1 1\n');
    return path;
  }

  it('lower-case the texts by themselves when the vocabulary has no upper-case word, and say so', async () => {
    const vectors = await lowerCaseVectors();
    const auto = await runCli(['embed-text', vectors], { stdin: 'The Cat\n' });
    expect(auto.code).toBe(0);
    expect(auto.stdout).toBe('0.5 0.5\n');
    expect(auto.stderr).toBe(
      'embedkit: the vocabulary has no upper-case word: lower-casing the texts (as --lowercase; --no-lowercase keeps the case)\n',
    );
    expect(await stdoutOf(['embed-text', vectors, '--lowercase'], 'The Cat\n')).toBe('0.5 0.5\n');
  });

  it('warn when more than half the tokens are out of the vocabulary, suggesting what is not in use', async () => {
    const vectors = await lowerCaseVectors();
    const kept = await runCli(['embed-text', vectors, '--no-lowercase'], {
      stdin: 'The Cat sat\nthe Cat.\n',
    });
    expect(kept.code).toBe(0);
    expect(kept.stdout).toBe('1.0 1.0\n1.0 0.0\n');
    expect(kept.stderr).toBe(
      'embedkit: warning: 3 of 5 tokens (60.0%) are not in the vocabulary, so their texts are embedded from the rest; try --lowercase and --tokenizer unicode-word\n',
    );
    // Half unknown is not more than half: no warning.
    expect(await stdoutOf(['embed-text', vectors, '--no-lowercase'], 'The cat\n')).toBe('0.0 1.0\n');

    const docs = inDir('docs.txt');
    await writeFile(docs, 'police zzyzxq qqxxzz\nfire wwvvyy\n');
    const search = await runCli(['search', W2V_MODEL, '--docs', docs, 'police', '--json']);
    expect(search.code).toBe(0);
    expect(JSON.parse(search.stdout)[0].hits[0].line).toBe(1);
    // w2v-lee-sg.bin has upper-case words (Israel): the case is kept, and no lower-casing note.
    expect(search.stderr).toBe(
      'embedkit: warning: 3 of 5 tokens (60.0%) are not in the vocabulary, so their texts are embedded from the rest; try --lowercase and --tokenizer unicode-word\n',
    );
  });
});
