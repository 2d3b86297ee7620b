import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ProgressDisplay } from './progress.js';
import type { ModelRow } from './results.js';
import { runProcess } from './run-process.js';

/** The peers the bench can run beside ours, and which of our algorithms each one mirrors. */
export const PEER_ALGOS: Readonly<Record<string, readonly string[]>> = {
  gensim: ['word2vec-skipgram', 'word2vec-cbow'],
  fasttext: ['fasttext-skipgram', 'fasttext-cbow'],
};

const PYTHON = '/usr/bin/python3';
const peersDir = fileURLToPath(new URL('../peers/', import.meta.url));

/** Why a peer cannot run here, or undefined when it can. */
export function peerUnavailable(peer: string): string | undefined {
  if (peer === 'gensim') {
    const probe = spawnSync(PYTHON, ['-c', 'import gensim'], { stdio: 'ignore' });
    return probe.status === 0 ? undefined : 'gensim is not installed (apt-get install -y python3-gensim)';
  }
  if (peer === 'fasttext') {
    const probe = spawnSync('fasttext', [], { stdio: 'ignore' });
    return probe.error ? 'fastText is not installed (apt-get install -y fasttext)' : undefined;
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

/** Runs one peer job with live progress; the row says what happened. */
export async function runPeer(
  job: PeerJob,
  display: ProgressDisplay,
  signal?: AbortSignal,
): Promise<ModelRow> {
  const name = `${job.peer} ${job.algo}`;
  const isGensim = job.peer === 'gensim';
  const prefix = job.output.replace(/\.vec$/, '');
  const args = isGensim ? gensimArgs(job) : fasttextArgs(job, prefix);
  const epochs = num(job.options, 'epochs');
  display.start(name);
  const outcome = await runProcess(
    PYTHON,
    args,
    (line, stream) => {
      if (stream !== 'stderr') return;
      // gensim: "EPOCH 2 - PROGRESS: at 45.67% examples"; fastText: "Progress:  45.3% words/sec/thread: ..."
      const gensimMatch = /EPOCH (\d+)(?: - PROGRESS: at ([\d.]+)%)?/.exec(line);
      if (isGensim && gensimMatch) {
        const epoch = Number(gensimMatch[1]);
        const within = gensimMatch[2] === undefined ? 1 : Number(gensimMatch[2]) / 100;
        display.update((epoch - 1 + within) / epochs, `epoch ${epoch}/${epochs}`);
        return;
      }
      const ftMatch = /Progress:\s*([\d.]+)%\s*words\/sec\/thread:\s*(\d+)/.exec(line);
      if (ftMatch) {
        display.update(Number(ftMatch[1]) / 100, `${Number(ftMatch[2]) * job.threads} words/s`);
      }
    },
    signal,
  );
  const last = outcome.stdout.at(-1);
  if (outcome.status !== 0 || last === undefined) {
    const error = outcome.stderrTail.slice(-3).join(' | ') || `exit status ${outcome.status}`;
    display.finish(`failed: ${error}`);
    return { name, kind: 'peer', algo: job.algo, options: job.options, status: 'failed', error };
  }
  const reported = JSON.parse(last) as { train_seconds?: number; peak_rss_mb: number; version?: string };
  display.finish(`done in ${outcome.wallSeconds.toFixed(1)} s`);
  return {
    name,
    kind: 'peer',
    algo: job.algo,
    options: job.options,
    status: 'ok',
    vectorsPath: job.output,
    wallSeconds: outcome.wallSeconds,
    ...(reported.train_seconds === undefined ? {} : { trainSeconds: reported.train_seconds }),
    wordsPerSecond: (job.tokens * epochs) / outcome.wallSeconds,
    peakRssMb: reported.peak_rss_mb,
    version: reported.version ?? (isGensim ? undefined : fasttextVersion()),
  };
}

function fasttextVersion(): string {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const probe = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'fasttext'], { encoding: 'utf8' });
  return probe.status === 0 ? `fastText ${probe.stdout.trim()}` : 'fastText';
}
