/**
 * Issue 15, items 1-3, through the BUILT CLI: a corpus read from a pipe, outputs that must not be
 * replaced, and SIGINT / SIGTERM / SIGHUP during training, the GloVe spill and the write.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmod,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpora } from '@embedkit/datasets';
import { readVectors } from '@embedkit/vector-io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { CLI, type CliResult, finished, requireBuiltCli } from './built-cli.js';

const CORPUS = fixture('corpora', 'lee_background.cor');

let dir = '';
/** The TMPDIR of every run: a folder of its own, so that leftovers can be seen. */
let temporaryFolder = '';
const inDir = (file: string) => join(dir, file);

/** Starts the built CLI with its own TMPDIR; `as` runs it as another user (`setpriv` arguments). */
function start(
  args: readonly string[],
  options: { stdin?: string; as?: readonly string[] } = {},
): ChildProcess {
  const command = [...(options.as ?? []), process.execPath, CLI, ...args];
  const child = spawn(command[0]!, command.slice(1), {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: temporaryFolder },
  });
  child.stdin?.end(options.stdin ?? '');
  return child;
}

function run(args: readonly string[], options: { stdin?: string; as?: readonly string[] } = {}) {
  return finished(start(args, options));
}

function expectOk(result: CliResult): void {
  expect(result.stderr.includes('embedkit:') ? result.stderr : '').toBe('');
  expect(result.code).toBe(0);
}

/** A refusal before any work: exit 1, one `embedkit:` line, nothing trained. */
function expectRefusedBeforeTraining(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(/started/);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^embedkit: /);
  expect(lines[0]).toMatch(pattern);
}

/** What training files a test leaves: temporary outputs, corpus copies, GloVe spill folders. */
async function leftovers(): Promise<string[]> {
  const inOutput = (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
  return [...inOutput, ...(await readdir(temporaryFolder))];
}

const SMALL = ['--dim', '8', '--threads', '1', '--seed', '5'];

/** Every trainer, with small settings (under which reading a pipe twice used to train on nothing). */
const TRAINERS = [
  { algorithm: 'word2vec-skipgram', args: [...SMALL, '--epochs', '1', '--max-in-memory-tokens', '0'] },
  { algorithm: 'word2vec-cbow', args: [...SMALL, '--epochs', '1'] },
  { algorithm: 'fasttext-skipgram', args: [...SMALL, '--epochs', '1', '--bucket', '2000'] },
  { algorithm: 'glove', args: [...SMALL, '--epochs', '1'] },
  { algorithm: 'ppmi-svd', args: SMALL },
] as const;

beforeAll(async () => {
  requireBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'embedkit-rel-io-'));
  temporaryFolder = join(dir, 'tmp');
  await mkdir(temporaryFolder);
  // The non-root runs need to enter and write these folders.
  await chmod(dir, 0o777);
  await chmod(temporaryFolder, 0o777);
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('a corpus read from a pipe (issue 15, item 1)', () => {
  /** `cat CORPUS | embedkit train ALGORITHM --input /dev/stdin …`, as the issue ran it. */
  const trainFromPipe = (args: readonly string[]) =>
    finished(
      spawn(
        'sh',
        ['-c', 'corpus="$1"; shift; cat "$corpus" | "$@"', 'sh', CORPUS, process.execPath, CLI, ...args],
        {
          env: { ...process.env, TMPDIR: temporaryFolder },
        },
      ),
    );

  it.each(TRAINERS)('$algorithm trains on /dev/stdin exactly as on the file', async ({ algorithm, args }) => {
    const fromFile = inDir(`${algorithm}-file.txt`);
    const fromPipe = inDir(`${algorithm}-pipe.txt`);
    expectOk(await run(['train', algorithm, '--input', CORPUS, '--output', fromFile, ...args]));
    expectOk(
      await trainFromPipe(['train', algorithm, '--input', '/dev/stdin', '--output', fromPipe, ...args]),
    );
    expect(await readFile(fromPipe, 'utf8')).toBe(await readFile(fromFile, 'utf8'));
    expect(await leftovers()).toEqual([]);
  });

  it('reads the standard input a parent process gives as a socket', async () => {
    const fromFile = inDir('socket-file.txt');
    const fromSocket = inDir('socket.txt');
    const train = ['train', 'word2vec-skipgram', '--output', fromFile, ...TRAINERS[0].args];
    expectOk(await run([...train, '--input', CORPUS]));
    const result = await run(
      ['train', 'word2vec-skipgram', '--input', '/dev/stdin', '--output', fromSocket, ...TRAINERS[0].args],
      { stdin: await readFile(CORPUS, 'utf8') },
    );
    expectOk(result);
    expect(await readFile(fromSocket, 'utf8')).toBe(await readFile(fromFile, 'utf8'));
    expect(await leftovers()).toEqual([]);
  });

  it('reads a FIFO once, then removes its copy', async () => {
    const fifo = inDir('corpus.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = finished(spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', CORPUS, fifo]));
    const output = inDir('fifo.txt');
    const result = await run([
      'train',
      'word2vec-skipgram',
      '--input',
      fifo,
      '--output',
      output,
      ...TRAINERS[0].args,
    ]);
    expectOk(result);
    expect((await writer).code).toBe(0);
    const vectors = await readVectors(output);
    expect(vectors.has('government')).toBe(true);
    expect(await leftovers()).toEqual([]);
  });

  it('Ctrl-C while the pipe has no data yet cancels at once (130), removing the copy', async () => {
    const fifo = inDir('stalled.fifo');
    execFileSync('mkfifo', [fifo]);
    // A writer that sends one line and then keeps the pipe open: the read waits.
    const writer = spawn('sh', ['-c', 'exec 3>"$1"; echo "a b c" >&3; exec sleep 60', 'sh', fifo]);
    const args = ['train', 'word2vec-skipgram', '--input', fifo, '--output', inDir('stalled.txt')];
    const child = start(args);
    const result = finished(child);
    while (!(await readdir(temporaryFolder)).some((name) => name.startsWith('embedkit-corpus-'))) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGINT');
    expect((await result).code).toBe(130);
    writer.kill();
    expect(await leftovers()).toEqual([]);
  });

  it('refuses a device that never ends, before training', async () => {
    const result = await run([
      'train',
      'word2vec-skipgram',
      '--input',
      '/dev/zero',
      '--output',
      inDir('zero.bin'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^embedkit: \/dev\/zero: is a device, not a corpus/m);
  });
});

describe('outputs that must not be replaced (issue 15, item 2)', () => {
  const train = (input: string, output: string, as?: readonly string[]) =>
    run(
      ['train', 'word2vec-skipgram', '--input', input, '--output', output, ...TRAINERS[0].args],
      as ? { as } : {},
    );

  it('refuses the corpus itself as the output, under its name, a symbolic link or a hard link', async () => {
    const corpus = inDir('own-corpus.txt');
    await writeFile(corpus, await readFile(CORPUS));
    await symlink(corpus, inDir('soft-link.txt'));
    await link(corpus, inDir('hard-link.txt'));
    for (const output of [corpus, inDir('soft-link.txt'), inDir('hard-link.txt')]) {
      expectRefusedBeforeTraining(await train(corpus, output), /is the input .* \(the same file\)/);
    }
    expect(await readFile(corpus, 'utf8')).toBe(await readFile(CORPUS, 'utf8'));
  });

  it('convert X X is refused and leaves X as it was', async () => {
    const model = inDir('convert-self.txt');
    expectOk(await train(CORPUS, model));
    const before = await readFile(model);
    const result = await run(['convert', model, model, '--to', 'word2vec-bin']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^embedkit: .*is the input/);
    expect(await readFile(model)).toEqual(before);
  });

  it('refuses a character device, a FIFO, a directory and a link to /proc/self/fd/1', async () => {
    const fifo = inDir('out.fifo');
    execFileSync('mkfifo', [fifo]);
    await symlink('/proc/self/fd/1', inDir('stdout-link'));
    await mkdir(inDir('a-folder'));
    const cases: readonly [string, RegExp][] = [
      ['/dev/null', /\/dev\/null: is a character device/],
      [fifo, /is a named pipe/],
      // Node gives a child process sockets for its standard streams; a shell gives pipes.
      [inDir('stdout-link'), /stdout-link: is a (socket|named pipe)/],
      [inDir('a-folder'), /is a directory/],
    ];
    for (const [output, pattern] of cases) expectRefusedBeforeTraining(await train(CORPUS, output), pattern);
    expect((await lstat(inDir('stdout-link'))).isSymbolicLink()).toBe(true);
    expect((await stat(fifo)).isFIFO()).toBe(true);
  });

  it('replaces the file a symbolic link names, keeping the link', async () => {
    const target = inDir('linked-target.txt');
    await writeFile(target, 'old\n');
    await symlink(target, inDir('link-to-target.txt'));
    expectOk(await train(CORPUS, inDir('link-to-target.txt')));
    expect((await lstat(inDir('link-to-target.txt'))).isSymbolicLink()).toBe(true);
    expect((await readVectors(target)).has('government')).toBe(true);
  });

  it('- writes a text format to standard output and the summary to stderr', async () => {
    const result = await run([
      'train',
      'word2vec-skipgram',
      '--input',
      CORPUS,
      '--output',
      '-',
      ...TRAINERS[0].args,
    ]);
    expect(result.code).toBe(0);
    const [header, first] = result.stdout.split('\n');
    expect(header).toMatch(/^\d+ 8$/);
    expect(first?.split(' ')).toHaveLength(9);
    expect(result.stderr).toMatch(/wrote \d+ vectors of dimension 8 to - \(word2vec-text\)/);
  });

  it('writes a name of 255 bytes (the temporary name stays within the limit) and refuses 256 before training', async () => {
    const longest = inDir(`${'é'.repeat(125)}a.txt`);
    expect(Buffer.byteLength(longest.slice(dir.length + 1))).toBe(255);
    expectOk(await train(CORPUS, longest));
    expect((await readVectors(longest)).dim).toBe(8);
    expectRefusedBeforeTraining(await train(CORPUS, inDir(`${'a'.repeat(252)}.txt`)), /ENAMETOOLONG/);
  });

  const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] as const;
  // As root, the runs drop to uid 65534, which must be able to run the CLI from this checkout (a
  // clone inside a private folder, such as one made by mktemp -d, is not readable by it).
  let canDropPrivileges = false;
  try {
    canDropPrivileges =
      process.getuid?.() === 0 &&
      execFileSync('setpriv', [...NOBODY.slice(1), 'id', '-u'])
        .toString()
        .trim() === '65534' &&
      execFileSync('setpriv', [...NOBODY.slice(1), process.execPath, CLI, '--version'], { stdio: 'pipe' })
        .length > 0;
  } catch {
    canDropPrivileges = false;
  }
  const asUser = process.getuid?.() === 0 ? NOBODY : [];
  const describePermissions =
    process.getuid?.() !== 0 || canDropPrivileges ? describe : (describe.skip as typeof describe);
  if (process.getuid?.() === 0 && !canDropPrivileges) {
    console.warn(
      'skipping the permission tests: running as root, and setpriv cannot run the CLI as uid 65534 (is the checkout readable by it?)',
    );
  }

  describePermissions('as a user without root rights', () => {
    it('refuses a read-only output and an unwritable folder before training', async () => {
      const readOnly = inDir('read-only.txt');
      await writeFile(readOnly, 'keep\n');
      await chmod(readOnly, 0o444);
      expectRefusedBeforeTraining(
        await train(CORPUS, readOnly, asUser),
        /read-only\.txt: cannot replace the file: EACCES/,
      );
      expect(await readFile(readOnly, 'utf8')).toBe('keep\n');
      const closed = inDir('closed');
      await mkdir(closed);
      await chmod(closed, 0o555);
      expectRefusedBeforeTraining(
        await train(CORPUS, join(closed, 'out.txt'), asUser),
        /cannot create a file in .*closed: EACCES/,
      );
    });
  });
});

/** Starts a run, sends `signal` once `ready` holds, and returns the finished run. */
async function interrupt(
  args: readonly string[],
  signal: NodeJS.Signals,
  ready: (stderr: string) => Promise<boolean>,
): Promise<CliResult> {
  const child = start(args);
  const result = finished(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer | string) => {
    stderr += String(chunk);
  });
  let ended = false;
  void result.then(() => {
    ended = true;
  });
  while (!ended && !(await ready(stderr))) await new Promise((resolve) => setTimeout(resolve, 5));
  if (ended) throw new Error(`the run ended before it could be interrupted: ${(await result).stderr}`);
  child.kill(signal);
  return result;
}

const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const;

describe('signals: clean up, leave the old output, exit 128 + n (issue 15, item 3)', () => {
  const OLD = 'the old output\n';

  it.each(SIGNALS)('%s during training', async (signal, code) => {
    const output = inDir(`training-${signal}.bin`);
    await writeFile(output, OLD);
    const args = [
      'train',
      'word2vec-skipgram',
      '--input',
      await corpora.text8Head.path(),
      '--output',
      output,
    ];
    const result = await interrupt([...args, '--dim', '10', '--threads', '1'], signal, async (stderr) =>
      /% training/.test(stderr),
    );
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(new RegExp(`^embedkit: .*cancelled \\(${signal}\\)$`, 'm'));
    expect(await readFile(output, 'utf8')).toBe(OLD);
    expect(await leftovers()).toEqual([]);
  });

  it.each(SIGNALS)('%s during the GloVe spill', async (signal, code) => {
    const output = inDir(`spill-${signal}.txt`);
    await writeFile(output, OLD);
    const args = ['train', 'glove', '--input', CORPUS, '--output', output, '--memory', '0.01', ...SMALL];
    const result = await interrupt(args, signal, async () =>
      (await readdir(temporaryFolder)).some((name) => name.startsWith('embedkit-glove-')),
    );
    expect(result.code).toBe(code);
    expect(await readFile(output, 'utf8')).toBe(OLD);
    expect(await leftovers()).toEqual([]);
  });

  it.each(SIGNALS)('%s during the write', async (signal, code) => {
    const output = inDir(`write-${signal}.bin`);
    await writeFile(output, OLD);
    // A fastText .bin with 2 million buckets: 80 MB to write and flush.
    const args = ['train', 'fasttext-skipgram', '--input', CORPUS, '--output', output, '--dim', '10'];
    const result = await interrupt([...args, '--epochs', '1', '--threads', '1'], signal, async () =>
      (await readdir(dir)).some((name) => name.startsWith(`.write-${signal}.bin.`)),
    );
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(new RegExp(`^embedkit: writing .* was cancelled \\(${signal}\\)$`, 'm'));
    expect(await readFile(output, 'utf8')).toBe(OLD);
    expect(await leftovers()).toEqual([]);
  });
});
