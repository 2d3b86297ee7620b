import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProgressDisplay } from '@embedkit/cli';
import type { ModelRow } from './results.js';
import { runProcess } from './run-process.js';

/** The peers the bench can run beside ours, and which of our algorithms each one mirrors. */
export const PEER_ALGOS: Readonly<Record<string, readonly string[]>> = {
  gensim: ['word2vec-skipgram', 'word2vec-cbow'],
  fasttext: ['fasttext-skipgram', 'fasttext-cbow'],
  glove: ['glove'],
};

/** The programs of the Stanford GloVe tools the `glove` peer runs, in pipeline order. */
export const GLOVE_TOOLS = ['vocab_count', 'cooccur', 'shuffle', 'glove'] as const;

/** Where the peers' programs are, when they are not on the PATH. */
export interface PeerSetup {
  /**
   * Folder with the Stanford GloVe tools' binaries (`--glove-tools DIR` or `GLOVE_TOOLS_DIR`),
   * built locally from https://github.com/stanfordnlp/GloVe; never part of this repository.
   */
  readonly gloveTools?: string | undefined;
}

/** The Python that runs the peers' scripts (the system one, where apt installs gensim). */
export const PYTHON = '/usr/bin/python3';
const peersDir = fileURLToPath(new URL('../peers/', import.meta.url));

/** The path of one of the bench's peer scripts (`peers/<name>`). */
export function peerScript(name: string): string {
  return `${peersDir}${name}`;
}

/** Why a peer cannot run here, or undefined when it can. */
export function peerUnavailable(peer: string, setup: PeerSetup = {}): string | undefined {
  if (peer === 'gensim') {
    const probe = spawnSync(PYTHON, ['-c', 'import gensim'], { stdio: 'ignore' });
    return probe.status === 0 ? undefined : 'gensim is not installed (apt-get install -y python3-gensim)';
  }
  if (peer === 'fasttext') {
    const probe = spawnSync('fasttext', [], { stdio: 'ignore' });
    return probe.error ? 'fastText is not installed (apt-get install -y fasttext)' : undefined;
  }
  if (peer === 'glove') {
    const build =
      'build them from https://github.com/stanfordnlp/GloVe (make) and pass --glove-tools DIR or set GLOVE_TOOLS_DIR';
    if (setup.gloveTools === undefined) return `no Stanford GloVe tools given: ${build}`;
    const missing = GLOVE_TOOLS.filter((tool) => !existsSync(join(setup.gloveTools!, tool)));
    return missing.length === 0 ? undefined : `${setup.gloveTools} lacks ${missing.join(', ')}: ${build}`;
  }
  return `unknown peer ${peer} (known: ${Object.keys(PEER_ALGOS).join(', ')})`;
}

/** A peer run of the configuration ours used for `algo`. */
export interface PeerJob {
  readonly peer: string;
  readonly algo: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly corpus: string;
  readonly threads: number;
  readonly seed: number;
  readonly output: string;
  readonly tokens: number;
  /** Where the peers' programs are. */
  readonly setup: PeerSetup;
}

function num(options: Readonly<Record<string, unknown>>, key: string): number {
  const value = options[key];
  if (typeof value !== 'number') throw new Error(`option ${key} has no numeric value for the peer run`);
  return value;
}

function gensimArgs(job: PeerJob): string[] {
  const o = job.options;
  const spec = {
    corpus: job.corpus,
    model: job.algo === 'word2vec-cbow' ? 'cbow' : 'skipgram',
    dim: num(o, 'dim'),
    window: num(o, 'window'),
    minCount: num(o, 'minCount'),
    epochs: num(o, 'epochs'),
    negative: num(o, 'negative'),
    hs: o.hs === true,
    sample: num(o, 'sample'),
    lr: num(o, 'lr'),
    minLr: num(o, 'minLr'),
    threads: job.threads,
    seed: job.seed,
    output: job.output,
  };
  return [`${peersDir}gensim_train.py`, JSON.stringify(spec)];
}

function fasttextArgs(job: PeerJob, prefix: string): string[] {
  const o = job.options;
  const args = [
    'fasttext',
    job.algo === 'fasttext-cbow' ? 'cbow' : 'skipgram',
    '-input',
    job.corpus,
    '-output',
    prefix,
    '-dim',
    String(num(o, 'dim')),
    '-ws',
    String(num(o, 'window')),
    '-epoch',
    String(num(o, 'epochs')),
    '-minCount',
    String(num(o, 'minCount')),
    '-neg',
    String(num(o, 'negative')),
    '-lr',
    String(num(o, 'lr')),
    '-t',
    String(num(o, 'sample')),
    '-minn',
    String(num(o, 'minn')),
    '-maxn',
    String(num(o, 'maxn')),
    '-bucket',
    String(num(o, 'bucket')),
    '-thread',
    String(job.threads),
    '-seed',
    String(job.seed),
    '-verbose',
    '2',
  ];
  if (typeof o.lrUpdateRate === 'number') args.push('-lrUpdateRate', String(o.lrUpdateRate));
  if (o.hs === true) args.push('-loss', 'hs');
  return [`${peersDir}measure.py`, ...args];
}

/** One process of a peer run: its arguments to Python and how to read progress from its stderr. */
interface PeerStep {
  readonly args: readonly string[];
  /** Fraction done (0..1) and a detail text from one stderr line, when the line tells. */
  readonly progress: (line: string) => { fraction: number; detail: string } | undefined;
}

function gensimSteps(job: PeerJob): PeerStep[] {
  const epochs = num(job.options, 'epochs');
  return [
    {
      args: gensimArgs(job),
      // "EPOCH 2 - PROGRESS: at 45.67% examples"
      progress: (line) => {
        const match = /EPOCH (\d+)(?: - PROGRESS: at ([\d.]+)%)?/.exec(line);
        if (!match) return undefined;
        const epoch = Number(match[1]);
        const within = match[2] === undefined ? 1 : Number(match[2]) / 100;
        return { fraction: (epoch - 1 + within) / epochs, detail: `epoch ${epoch}/${epochs}` };
      },
    },
  ];
}

function fasttextSteps(job: PeerJob): PeerStep[] {
  return [
    {
      args: fasttextArgs(job, job.output.replace(/\.vec$/, '')),
      // "Progress:  45.3% words/sec/thread: ..."
      progress: (line) => {
        const match = /Progress:\s*([\d.]+)%\s*words\/sec\/thread:\s*(\d+)/.exec(line);
        return match
          ? { fraction: Number(match[1]) / 100, detail: `${Number(match[2]) * job.threads} words/s` }
          : undefined;
      },
    },
  ];
}

/** Runs one peer job with live progress; the row says what happened. */
export async function runPeer(
  job: PeerJob,
  display: ProgressDisplay,
  signal?: AbortSignal,
): Promise<ModelRow> {
  const name = `${job.peer === 'glove' ? 'Stanford tools' : job.peer} ${job.algo}`;
  // The GloVe pipeline's intermediate files (vocabulary, co-occurrences), removed afterwards.
  const work = join(dirname(job.output), `${job.peer}-${job.algo}-work`);
  const steps =
    job.peer === 'gensim'
      ? gensimSteps(job)
      : job.peer === 'fasttext'
        ? fasttextSteps(job)
        : gloveSteps(job, work);
  if (job.peer === 'glove') await mkdir(work, { recursive: true });
  try {
    return await runSteps(job, name, steps, display, signal, work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function runSteps(
  job: PeerJob,
  name: string,
  steps: readonly PeerStep[],
  display: ProgressDisplay,
  signal: AbortSignal | undefined,
  work: string,
): Promise<ModelRow> {
  display.start(name);
  let wallSeconds = 0;
  let cpuSeconds = 0;
  let peakRssMb = 0;
  let reported: { train_seconds?: number; version?: string } = {};
  for (const step of steps) {
    const outcome = await runProcess(
      PYTHON,
      step.args,
      (line, stream) => {
        const progress = stream === 'stderr' ? step.progress(line) : undefined;
        if (progress) display.update(progress.fraction, progress.detail);
      },
      signal,
    );
    const last = outcome.stdout.at(-1);
    if (outcome.status !== 0 || last === undefined) {
      const error = outcome.stderrTail.slice(-3).join(' | ') || `exit status ${outcome.status}`;
      display.finish(`failed: ${error}`);
      return { name, kind: 'peer', algo: job.algo, options: job.options, status: 'failed', error };
    }
    const figures = JSON.parse(last) as {
      cpu_seconds: number;
      peak_rss_mb: number;
      train_seconds?: number;
      version?: string;
    };
    wallSeconds += outcome.wallSeconds;
    cpuSeconds += figures.cpu_seconds;
    peakRssMb = Math.max(peakRssMb, figures.peak_rss_mb);
    reported = figures;
  }
  display.finish(`done in ${wallSeconds.toFixed(1)} s`);
  const epochs = num(job.options, 'epochs');
  return {
    name,
    kind: 'peer',
    algo: job.algo,
    options: job.options,
    status: 'ok',
    vectorsPath: job.output,
    wallSeconds,
    cpuSeconds,
    ...(reported.train_seconds === undefined ? {} : { trainSeconds: reported.train_seconds }),
    wordsPerSecond: (job.tokens * epochs) / wallSeconds,
    peakRssMb,
    ...(job.peer === 'glove' ? { vocabulary: lineCount(join(work, 'vocab.txt')) } : {}),
    version: reported.version ?? peerVersion(job),
  };
}

/**
 * The Stanford tools' whole pipeline with our GloVe options: `vocab_count`, `cooccur`, `shuffle`
 * and `glove`, each through measure.py (so time, CPU and peak memory are the tools' own), writing
 * GloVe text (`-write-header 0`: with a header the tools count the appended `<unk>` row wrong).
 * Intermediate files go to a work folder beside the output.
 */
function gloveSteps(job: PeerJob, work: string): PeerStep[] {
  const o = job.options;
  const tool = (name: (typeof GLOVE_TOOLS)[number]): string => join(job.setup.gloveTools ?? '', name);
  const vocab = join(work, 'vocab.txt');
  const cooccurrences = join(work, 'cooccurrence.bin');
  const shuffled = join(work, 'cooccurrence.shuf.bin');
  const memoryGb = String(num(o, 'memory') / 1024);
  const epochs = num(o, 'epochs');
  const model = o.output === 'word' ? '1' : '2';
  const measured = (redirect: string[], args: string[]): readonly string[] => [
    `${peersDir}measure.py`,
    ...redirect,
    ...args,
  ];
  const phase = (detail: string) => () => ({ fraction: 0, detail });
  const maxVocab = typeof o.maxVocab === 'number' && o.maxVocab > 0 ? ['-max-vocab', String(o.maxVocab)] : [];
  return [
    {
      args: measured(
        ['--stdin', job.corpus, '--stdout', vocab],
        [tool('vocab_count'), '-min-count', String(num(o, 'minCount')), ...maxVocab, '-verbose', '2'],
      ),
      progress: phase('vocab_count'),
    },
    {
      args: measured(
        ['--stdin', job.corpus, '--stdout', cooccurrences],
        [
          tool('cooccur'),
          '-memory',
          memoryGb,
          '-vocab-file',
          vocab,
          '-verbose',
          '2',
          '-window-size',
          String(num(o, 'window')),
          '-symmetric',
          o.symmetric === false ? '0' : '1',
          '-overflow-file',
          join(work, 'overflow'),
        ],
      ),
      progress: phase('cooccur'),
    },
    {
      args: measured(
        ['--stdin', cooccurrences, '--stdout', shuffled],
        [
          tool('shuffle'),
          '-memory',
          memoryGb,
          '-verbose',
          '2',
          '-temp-file',
          join(work, 'temp_shuffle'),
          '-seed',
          String(job.seed),
        ],
      ),
      progress: phase('shuffle'),
    },
    {
      args: measured(
        [],
        [
          tool('glove'),
          '-save-file',
          job.output.replace(/\.txt$/, ''),
          '-threads',
          String(job.threads),
          '-input-file',
          shuffled,
          '-x-max',
          String(num(o, 'xMax')),
          '-alpha',
          String(num(o, 'alpha')),
          '-eta',
          String(num(o, 'lr')),
          '-grad-clip',
          String(num(o, 'gradClip')),
          '-iter',
          String(epochs),
          '-vector-size',
          String(num(o, 'dim')),
          '-vocab-file',
          vocab,
          '-model',
          model,
          '-binary',
          '0',
          '-write-header',
          '0',
          '-seed',
          String(job.seed),
          '-verbose',
          '2',
        ],
      ),
      // "..., iter: 003, cost: 0.0312"
      progress: (line) => {
        const match = /iter: (\d+), cost: ([\d.]+)/.exec(line);
        return match
          ? {
              fraction: Number(match[1]) / epochs,
              detail: `iteration ${Number(match[1])}/${epochs} cost ${match[2]}`,
            }
          : undefined;
      },
    },
  ];
}

function lineCount(file: string): number {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '').length;
}

function peerVersion(job: PeerJob): string | undefined {
  if (job.peer === 'fasttext') return fasttextVersion();
  if (job.peer === 'glove') return `Stanford GloVe tools in ${job.setup.gloveTools}`;
  return undefined;
}

function fasttextVersion(): string {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const probe = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'fasttext'], { encoding: 'utf8' });
  return probe.status === 0 ? `fastText ${probe.stdout.trim()}` : 'fastText';
}
