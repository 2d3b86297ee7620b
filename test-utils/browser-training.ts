/**
 * Helpers for the tests that train in headless Chromium (Debian's `chromium`, driven by
 * `playwright-core`): bundle a page and its worker scripts from the sources with esbuild as a
 * consumer's bundler would (`--platform=browser`), serve them on 127.0.0.1 with or without the
 * COOP/COEP headers of cross-origin isolation, and run a training function of the page twice
 * (one run to the end, one cancelled at its first progress report).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import { type Browser, type Page, chromium } from 'playwright-core';

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
const CONTENT_TYPES = new Map([
  ['.html', 'text/html'],
  ['.js', 'text/javascript'],
]);

/** How a job trained, as the page reports it. */
export interface ReportedRuntime {
  readonly threads: number;
  readonly kernels: string;
  readonly shared: boolean;
}

/** What {@link BrowserTrainingHarness.trainAndCancel} saw in the page. */
export interface TrainingOutcome {
  /** Whether the page was cross-origin isolated. */
  readonly isolated: boolean;
  /** The runtime the finished run resolved with. */
  readonly runtime: ReportedRuntime;
  /** The runtimes of its progress reports. */
  readonly progressRuntimes: ReportedRuntime[];
  /** The `fraction` of each of its training progress reports, in order. */
  readonly fractions: number[];
  /** The trained embedder's size and dimension, and whether it has a vector for an unseen word. */
  readonly size: number;
  readonly dim: number;
  readonly unseenWordHasVector: boolean;
  /** `name: message` of the cancelled run's rejection. */
  readonly cancelled: string;
  /** Console errors and uncaught errors of the page and its workers. */
  readonly errors: string[];
}

/** A bundled page, its two servers (isolated or not) and a headless Chromium. */
export class BrowserTrainingHarness {
  readonly #root: string;
  readonly #browser: Browser;
  readonly #servers: Server[] = [];

  private constructor(root: string, browser: Browser) {
    this.#root = root;
    this.#browser = browser;
  }

  /**
   * Bundles `entries` (output name -> source file; `page` is the page's module, which must set
   * `globalThis.embedkit`) into a temporary folder with an `index.html`, and launches Chromium.
   */
  static async start(entries: Readonly<Record<string, string>>): Promise<BrowserTrainingHarness> {
    const root = mkdtempSync(join(tmpdir(), 'embedkit-browser-'));
    await build({
      entryPoints: entries,
      outdir: root,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: ['@embedkit/source'],
      logLevel: 'silent',
    });
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><meta charset="utf-8"><title>embedkit</title><link rel="icon" href="data:,">' +
        '<script type="module" src="page.js"></script>',
    );
    const executablePath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
    const browser = await chromium.launch({
      executablePath,
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    return new BrowserTrainingHarness(root, browser);
  }

  /**
   * Opens the page (served with the COOP/COEP headers when `isolated`), runs
   * `globalThis.embedkit[trainer](text, options, { threads, seed, onProgress })` to the end, then
   * again with `cancelOptions`, aborting at the first training progress report.
   */
  async trainAndCancel(
    isolated: boolean,
    trainer: string,
    text: string,
    options: object,
    cancelOptions: object,
  ): Promise<TrainingOutcome> {
    const page = await this.#open(isolated);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('worker', (worker) => worker.on('console', (m) => m.type() === 'error' && errors.push(m.text())));
    await page.goto(this.#url(isolated));
    await page.waitForFunction(() => 'embedkit' in globalThis);
    const outcome = await page.evaluate(runInPage, { trainer, text, options, cancelOptions });
    await page.close();
    return { ...outcome, errors };
  }

  /** Closes Chromium and the servers and removes the bundle. */
  async stop(): Promise<void> {
    await this.#browser.close();
    for (const server of this.#servers) server.close();
    rmSync(this.#root, { recursive: true, force: true });
  }

  #urls = new Map<boolean, string>();

  #url(isolated: boolean): string {
    const url = this.#urls.get(isolated);
    if (url === undefined) throw new Error('not served');
    return url;
  }

  async #open(isolated: boolean): Promise<Page> {
    if (!this.#urls.has(isolated)) {
      const server = createServer((request, response) => {
        const path = (request.url ?? '/').split('?')[0]!;
        const name = path === '/' ? 'index.html' : normalize(path).replace(/^(\.\.[/\\])+/, '');
        let body: Buffer;
        try {
          body = readFileSync(join(this.#root, name));
        } catch {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, {
          'Content-Type': CONTENT_TYPES.get(extname(name)) ?? 'application/octet-stream',
          ...(isolated ? ISOLATION_HEADERS : {}),
        });
        response.end(body);
      });
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      this.#servers.push(server);
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('the server has no port');
      this.#urls.set(isolated, `http://127.0.0.1:${address.port}/`);
    }
    return this.#browser.newPage();
  }
}

/** Runs in the page (serialised by `page.evaluate`): one run to the end, one cancelled. */
async function runInPage(job: {
  trainer: string;
  text: string;
  options: object;
  cancelOptions: object;
}): Promise<Omit<TrainingOutcome, 'errors'>> {
  type Embedder = { size: number; dim: number; vector(word: string): unknown };
  type Train = (
    corpus: string,
    options: object,
    context: object,
  ) => Promise<{ vectors?: Embedder; model?: Embedder; runtime: ReportedRuntime }>;
  type Progress = { phase: string; fraction?: number; runtime: ReportedRuntime };
  const train = (globalThis as unknown as { embedkit: Record<string, Train> }).embedkit[job.trainer]!;
  const fractions: number[] = [];
  const progressRuntimes: ReportedRuntime[] = [];
  const result = await train(job.text, job.options, {
    threads: 2,
    seed: 1,
    onProgress: (progress: Progress) => {
      if (progress.phase === 'training' && progress.fraction !== undefined) fractions.push(progress.fraction);
      progressRuntimes.push(progress.runtime);
    },
  });
  const embedder = (result.vectors ?? result.model)!;
  const controller = new AbortController();
  let cancelled = 'not cancelled';
  try {
    await train(job.text, job.cancelOptions, {
      signal: controller.signal,
      onProgress: (progress: Progress) => {
        if (progress.phase === 'training') controller.abort();
      },
    });
  } catch (error) {
    cancelled = `${(error as Error).name}: ${(error as Error).message}`;
  }
  return {
    isolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
    runtime: result.runtime,
    progressRuntimes,
    fractions,
    size: embedder.size,
    dim: embedder.dim,
    unseenWordHasVector: embedder.vector('qqzzxxunseen') !== undefined,
    cancelled,
  };
}
