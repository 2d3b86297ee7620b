/**
 * Issue 15, items 4, 6, 7, 8 and 9 through the built CLI: a closed or full standard output, model
 * paths that are not regular files, huge `-k`, `--format` on the reading commands, and the
 * smaller defects, each answered with one line on stderr and the documented exit code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WordVectors } from '@embedkit/core-math';
import { writeVectors } from '@embedkit/vector-io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { CLI, requireBuiltCli, runCli } from './built-cli.js';

const VECTORS = fixture('reference', 'w2v-lee-cbow.txt');
const CORPUS = fixture('corpora', 'lee_background.cor');
const folder = mkdtempSync(join(tmpdir(), 'embedkit-cli-reading-'));
const inFolder = (name: string) => join(folder, name);

beforeAll(requireBuiltCli);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The lines a run printed on stderr. */
function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** Runs `embedkit args…` with standard output written to /dev/full. */
function runToFullDisk(args: readonly string[]): { code: number | null; stderr: string } {
  const full = openSync('/dev/full', 'w');
  try {
    const run = spawnSync(process.execPath, [CLI, ...args], {
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
    });
    return { code: run.status, stderr: run.stderr };
  } finally {
    closeSync(full);
  }
}

/** Runs `embedkit args…` and closes its standard output after the first chunk, as `| head -1` does. */
function runIntoClosedPipe(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdout.once('data', () => child.stdout.destroy());
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed or full standard output (item 4)', () => {
  beforeAll(() => {
    writeFileSync(inFolder('texts.txt'), 'the government said\npolice in Israel\n'.repeat(2000));
  });

  it('ends quietly with exit 0 when the reader goes away (embed-text | head -1)', async () => {
    const result = await runIntoClosedPipe(['embed-text', VECTORS, '--input', inFolder('texts.txt')]);
    expect(result).toEqual({ code: 0, stderr: '' });
  });

  it('prints one line and exits 1 on a full disk, in every command that prints results', () => {
    for (const args of [
      ['info', VECTORS],
      ['neighbors', VECTORS, 'government'],
      ['search', VECTORS, '--docs', inFolder('texts.txt'), 'police'],
      ['embed-text', VECTORS, '--input', inFolder('texts.txt')],
    ]) {
      const result = runToFullDisk(args);
      expect({ args, code: result.code, stderr: lines(result.stderr) }).toEqual({
        args,
        code: 1,
        stderr: ['embedkit: cannot write to standard output: no space left on device (ENOSPC)'],
      });
    }
  });
});

describe('model paths that are not regular files (items 6 and 7)', () => {
  it('refuses a directory, a FIFO without a writer and a pipe from <(…) with the path named', async () => {
    const fifo = inFolder('fifo');
    spawnSync('mkfifo', [fifo]);
    const directory = await runCli(['info', folder]);
    expect(directory.code).toBe(1);
    expect(lines(directory.stderr)).toEqual([
      `embedkit: ${folder}: is a directory, not a regular file; give the path of a file (save piped data to a file first)`,
    ]);
    const named = await runCli(['neighbors', fifo, 'government']);
    expect(named.code).toBe(1);
    expect(lines(named.stderr)).toEqual([
      expect.stringContaining(`${fifo}: is a pipe (FIFO), not a regular file`),
    ]);
    const substituted = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" info <(cat "${VECTORS}")`], {
      encoding: 'utf8',
    });
    expect(substituted.status).toBe(1);
    expect(lines(substituted.stderr)).toEqual([
      expect.stringMatching(/^embedkit: \/dev\/fd\/\d+: is a pipe \(FIFO\)/),
    ]);
  });

  it('clamps -k above the vocabulary size instead of failing to allocate', async () => {
    const result = await runCli(['neighbors', VECTORS, 'government', '-k', '10000000000', '--json']);
    expect(result.stderr).toBe('');
    const [answer] = JSON.parse(result.stdout) as [{ neighbors: unknown[] }];
    const { vocabulary } = JSON.parse((await runCli(['info', VECTORS, '--json'])).stdout) as {
      vocabulary: number;
    };
    expect(answer.neighbors).toHaveLength(vocabulary - 1);
  });
});

describe('--format on every command that reads a model (item 8)', () => {
  it('reads a binary file whose first word is longer than 1 MiB, detected or named', async () => {
    const word = 'w'.repeat(1 << 21);
    const path = inFolder('long-word.bin');
    await writeVectors(path, new WordVectors([word, 'x'], Float32Array.of(1, 0, 0, 1), 2), {
      format: 'word2vec-binary',
    });
    for (const extra of [[], ['--format', 'word2vec-bin']]) {
      const result = await runCli(['neighbors', path, 'x', '-k', '1', '--json', ...extra]);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual([{ query: 'x', neighbors: [{ word, score: 0 }] }]);
    }
  });

  it('overrides detection in each reading command, and a wrong format is a FormatError', async () => {
    const vec = fixture('reference', 'ft-lee-nosub.vec');
    const info = JSON.parse((await runCli(['info', vec, '--format', 'vec', '--json'])).stdout) as {
      format: string;
    };
    expect(info.format).toBe('fasttext-vec'); // the alias names the library's format
    for (const command of [
      'neighbors',
      'analogy',
      'similarity',
      'eval',
      'convert',
      'embed-text',
      'search',
      'info',
      'doesnt-match',
      'word-vectors',
      'wmd',
    ]) {
      const help = await runCli([command, '--help']);
      expect({ command, help: help.stdout.includes('--format <format>') }).toEqual({ command, help: true });
    }
    const wrong = await runCli(['info', VECTORS, '--format', 'fasttext-bin']);
    expect(wrong.code).toBe(1);
    expect(lines(wrong.stderr)).toEqual([
      expect.stringContaining(`embedkit: ${VECTORS}, byte 0: expected the fastText magic number`),
    ]);
  });
});

describe('the smaller defects (item 9)', () => {
  it('eval refuses a similarity score that is not finite, naming the line', async () => {
    for (const score of ['nan', '1e999']) {
      const set = inFolder(`pairs-${score}.tsv`);
      writeFileSync(set, `government\tpolice\t5.5\npolice\tIsrael\t${score}\n`);
      const result = await runCli(['eval', VECTORS, '--similarity', set]);
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([
        `embedkit: ${set}, line 2: expected a finite similarity score, found "${score}"`,
      ]);
    }
  });

  it('says a file with a broken fastText magic number is none of the formats', async () => {
    const path = inFolder('bad-magic.bin');
    const bytes = readFileSync(fixture('reference', 'ft-lee-nosub.bin'));
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(path, bytes);
    const result = await runCli(['info', path]);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      expect.stringContaining('so it is not a fastText, word2vec or GloVe file'),
    ]);
  });

  it('train validates the options before announcing the start (--dim 0)', async () => {
    const result = await runCli([
      'train',
      'word2vec-skipgram',
      '--input',
      CORPUS,
      '--output',
      inFolder('v.bin'),
      '--dim',
      '0',
    ]);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      'embedkit: option --dim: got 0, expected an integer from 1 to 10000',
    ]);
  });

  it('ppmi-svd refuses a dimension above the vocabulary size instead of writing zero columns', async () => {
    const corpus = inFolder('small.txt');
    writeFileSync(corpus, 'a b c d e f a b c d e f\n'.repeat(20));
    const result = await runCli([
      'train',
      'ppmi-svd',
      '--input',
      corpus,
      '--output',
      inFolder('p.txt'),
      '--dim',
      '5000',
      '--min-count',
      '1',
    ]);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      'embedkit: option --dim: got 5000, expected at most 6, the vocabulary size (PPMI-SVD gives at most one dimension per word)',
    ]);
  });

  it('names the plug-in whose train returns something that is not an Embedder', async () => {
    const plugin = inFolder('broken-plugin.mjs');
    writeFileSync(
      plugin,
      "export const broken = { id: 'broken', description: 'returns a number', defaults: {}, async train() { return 42; } };\n",
    );
    const result = await runCli([
      'train',
      'broken',
      '--plugin',
      plugin,
      '--input',
      CORPUS,
      '--output',
      inFolder('b.txt'),
    ]);
    expect(result.code).toBe(1);
    expect(lines(result.stderr).at(-1)).toBe(
      `embedkit: option plugin: got "${plugin}", expected an algorithm whose train() resolves to an Embedder (dim, size, vector, has, keys); broken's resolved to number`,
    );
  });
});
