import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CancelledError, type TrainingProgress } from '@embedkit/core-math';
import { describeIf } from '#test-utils/fixtures.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainWord2Vec } from '../index.js';
import { LEE_PATH } from './lee-corpus.js';
import { weightsNamed } from './objective-helpers.js';

/** The largest absolute difference of two arrays of one length (0: the same values). */
function largestDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let largest = 0;
  for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i]! - b[i]!));
  return largest;
}

let dir = '';
/** The Lee corpus three times over (about 180,000 tokens): a streamed epoch spans several blocks. */
let corpus = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embedkit-w2v-stream-'));
  corpus = join(dir, 'lee-x3.txt');
  const lee = readFileSync(LEE_PATH);
  writeFileSync(corpus, Buffer.concat([lee, lee, lee]));
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

/** The spill files (`embedkit-word2vec-*.ids`) under `folder` that a process holds open (Linux). */
function openSpillFiles(folder: string, pid: number | 'self' = 'self'): string[] {
  const open: string[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith(join(folder, 'embedkit-word2vec-'))) open.push(target);
    } catch {
      // The descriptor of readdirSync itself is gone by now.
    }
  }
  return open;
}

/** A new empty folder for spill files. */
function spillFolder(name: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  return folder;
}

describe('a streamed corpus (above maxInMemoryTokens)', () => {
  it.each([
    ['CBOW with negative sampling, ids spilled', { model: 'cbow' }, 'spill'],
    [
      'skip-gram with hierarchical softmax, ids spilled',
      { model: 'skipgram', hs: true, negative: 0 },
      'spill',
    ],
    ['CBOW, encoded again every epoch (spill: false)', { model: 'cbow' }, 'no spill'],
    ['CBOW, spill folder missing: falls back to encoding again', { model: 'cbow' }, 'missing folder'],
  ] as const)('trains exactly as in memory with one thread and a seed: %s', async (_, objective, spill) => {
    // Sentences of 50 tokens, cut at every block's end: blocks end in the middle of lines.
    const options = { ...objective, dim: 8, epochs: 2, minCount: 3, maxSentenceLength: 50 };
    const folder =
      spill === 'missing folder' ? join(dir, 'missing') : spillFolder(`spill-${objective.model}-${spill}`);
    const phases = new Set<string>();
    const messages: string[] = [];
    const streamed = await trainWord2Vec(
      corpus,
      { ...options, maxInMemoryTokens: 0, spill: spill !== 'no spill', tmpDir: folder },
      {
        threads: 1,
        seed: 5,
        onProgress: (p: TrainingProgress) => {
          phases.add(p.phase);
          if (p.message !== undefined) messages.push(p.message);
        },
      },
    );
    const inMemory = await trainWord2Vec(corpus, options, { threads: 1, seed: 5 });
    expect(streamed.vocabulary.totalCount).toBeGreaterThan(3 * (1 << 16) * 0.8);
    expect(phases.has('encoding')).toBe(false);
    expect(largestDifference(streamed.inputWeights, inMemory.inputWeights)).toBe(0);
    for (const name of ['output', 'nodes']) {
      const weights = weightsNamed(inMemory.objectives, name);
      if (weights !== null) {
        expect(largestDifference(weightsNamed(streamed.objectives, name)!, weights), name).toBe(0);
      }
    }
    if (spill === 'missing folder') {
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(
        /^.*missing\/embedkit-word2vec-[0-9a-f]{16}\.ids: cannot create the temporary file of encoded ids: ENOENT: no such file or directory; every epoch reads and encodes the corpus again/,
      );
      return;
    }
    expect(messages).toEqual([]);
    // The file is unlinked as soon as it is created, and closed when training ends.
    expect(readdirSync(folder)).toEqual([]);
    if (process.platform === 'linux') expect(openSpillFiles(folder)).toEqual([]);
  });
});

describeIf(process.platform === 'linux', 'open files are listed in /proc/self/fd (Linux)')(
  'the spill file of a streamed corpus',
  () => {
    it.each([
      // Slow (skip-gram, 100 dimensions, 20 noise words): the first report comes in the first epoch.
      ['first epoch, while it is written', 0, { dim: 100, window: 10, negative: 20, epochs: 3 }],
      // Fast (CBOW, 8 dimensions): many epochs, so that a report comes in a later one.
      ['later epoch, while it is read', 1, { model: 'cbow', dim: 8, epochs: 100 }],
    ] as const)('is closed and gone when training is cancelled in the %s', async (_, epoch, options) => {
      const folder = spillFolder(`cancel-${epoch}`);
      const controller = new AbortController();
      let openWhenCancelled: string[] = [];
      const training = trainWord2Vec(
        corpus,
        { ...options, minCount: 3, maxInMemoryTokens: 0, tmpDir: folder },
        {
          threads: 2,
          seed: 5,
          signal: controller.signal,
          onProgress: (p) => {
            const due = epoch === 0 ? p.epoch === 0 : (p.epoch ?? 0) >= epoch;
            if (due && (p.processed ?? 0) > 0 && !controller.signal.aborted) {
              openWhenCancelled = openSpillFiles(folder);
              controller.abort();
            }
          },
        },
      );
      await expect(training).rejects.toThrow(CancelledError);
      expect(openWhenCancelled).toHaveLength(1);
      expect(openSpillFiles(folder)).toEqual([]);
      expect(readdirSync(folder)).toEqual([]);
    });
  },
);

const builtIndex = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

describeIf(
  process.platform === 'linux' && existsSync(builtIndex),
  'needs /proc (Linux) and the built package (pnpm --filter @embedkit/word2vec build)',
)('the spill file when a signal ends the process (no handler of its own)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('leaves nothing behind after %s', async (signal) => {
    const folder = spillFolder(`signal-${signal}`);
    const script = `import { trainWord2Vec } from ${JSON.stringify(builtIndex)};
await trainWord2Vec(${JSON.stringify(corpus)},
  { model: 'cbow', dim: 8, epochs: 1000, minCount: 3, maxInMemoryTokens: 0, tmpDir: ${JSON.stringify(folder)} },
  { threads: 1, onProgress: (p) => { if ((p.epoch ?? 0) >= 1) console.log('epoch', p.epoch); } });`;
    const file = join(dir, `train-${signal}.mjs`);
    writeFileSync(file, script);
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(child, 'exit');
    // Training is in a later epoch, reading the spill file back.
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      exited.then(([code]) => reject(new Error(`training exited with ${code} before its second epoch`)));
    });
    const openWhenSignalled = openSpillFiles(folder, child.pid!);
    child.kill(signal);
    const [, received] = await exited;
    expect(received).toBe(signal);
    expect(openWhenSignalled).toHaveLength(1);
    expect(readdirSync(folder)).toEqual([]);
  });
});
