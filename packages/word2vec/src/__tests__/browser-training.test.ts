import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeIf, fixture, hasChromium } from '#test-utils/fixtures.js';

// trainWord2VecInBrowser in headless Chromium (Debian's `chromium`): the page and its two worker
// scripts are bundled from the sources with esbuild as a consumer's bundler would (the `browser`
// condition), served with and without the COOP/COEP headers of cross-origin isolation.

const src = fileURLToPath(new URL('..', import.meta.url));
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
const TYPES = new Map([
  ['.html', 'text/html'],
  ['.js', 'text/javascript'],
]);

/** A static server of `root` on 127.0.0.1; `isolated` adds the COOP/COEP headers. */
async function serve(root: string, isolated: boolean): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const name = (request.url ?? '/').split('?')[0] === '/' ? 'index.html' : (request.url ?? '').slice(1);
    let body: Buffer;
    try {
      body = readFileSync(join(root, name.replace(/\.\.+/g, '')));
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES.get(extname(name)) ?? 'application/octet-stream',
      ...(isolated ? ISOLATION_HEADERS : {}),
    });
    response.end(body);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

interface RunOutcome {
  readonly runtime: { threads: number; kernels: string; shared: boolean };
  readonly progressRuntimes: Array<{ threads: number; kernels: string; shared: boolean }>;
  readonly fractions: number[];
  readonly size: number;
  readonly dim: number;
  readonly cancelled: string;
  readonly isolated: boolean;
}

/** Trains a tiny model in the page, then starts a longer one and cancels it at its first progress report. */
async function trainInPage(page: Page, text: string): Promise<RunOutcome> {
  return page.evaluate(async (corpus) => {
    type Train = (
      corpus: string,
      options: object,
      context: object,
    ) => Promise<{ vectors: { size: number; dim: number }; runtime: RunOutcome['runtime'] }>;
    const { trainWord2VecInBrowser } = (
      globalThis as unknown as { embedkit: { trainWord2VecInBrowser: Train } }
    ).embedkit;
    const fractions: number[] = [];
    const progressRuntimes: RunOutcome['runtime'][] = [];
    const { vectors, runtime } = await trainWord2VecInBrowser(
      corpus,
      { model: 'skipgram', dim: 16, epochs: 2, minCount: 2, negative: 3 },
      {
        threads: 2,
        seed: 1,
        onProgress: (progress: { phase: string; fraction?: number; runtime: RunOutcome['runtime'] }) => {
          if (progress.phase === 'training' && progress.fraction !== undefined)
            fractions.push(progress.fraction);
          progressRuntimes.push(progress.runtime);
        },
      },
    );
    const controller = new AbortController();
    let cancelled = 'not cancelled';
    try {
      await trainWord2VecInBrowser(
        corpus,
        { model: 'cbow', dim: 16, epochs: 200, minCount: 2 },
        {
          signal: controller.signal,
          onProgress: (progress: { phase: string }) => {
            if (progress.phase === 'training') controller.abort();
          },
        },
      );
    } catch (error) {
      cancelled = `${(error as Error).name}: ${(error as Error).message}`;
    }
    return {
      runtime,
      progressRuntimes,
      fractions,
      size: vectors.size,
      dim: vectors.dim,
      cancelled,
      isolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
    };
  }, text);
}

describeIf(hasChromium, 'Chromium (Debian package chromium) is not installed')(
  'trainWord2VecInBrowser in headless Chromium',
  () => {
    let root: string;
    let browser: Browser;
    const servers: Server[] = [];
    const text = readFileSync(fixture('corpora', 'lee_background.cor'), 'utf8');

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'embedkit-browser-training-'));
      await build({
        entryPoints: {
          page: join(src, '__tests__/browser/page.ts'),
          'word2vec-browser-worker': join(src, 'word2vec-browser-worker.ts'),
          'training-worker-browser': join(src, 'training-worker-browser.ts'),
        },
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
        '<!doctype html><meta charset="utf-8"><title>embedkit</title><link rel="icon" href="data:,"><script type="module" src="page.js"></script>',
      );
      const executablePath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
      browser = await chromium.launch({
        executablePath,
        args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
      });
    });

    afterAll(async () => {
      await browser?.close();
      for (const server of servers) server.close();
      if (root !== undefined) rmSync(root, { recursive: true, force: true });
    });

    async function openPage(isolated: boolean): Promise<{ page: Page; errors: string[] }> {
      const { server, url } = await serve(root, isolated);
      servers.push(server);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      await page.waitForFunction(() => 'embedkit' in globalThis);
      return { page, errors };
    }

    test('cross-origin isolated: several workers share memory and run the Wasm SIMD kernels', async () => {
      const { page, errors } = await openPage(true);
      const outcome = await trainInPage(page, text);
      expect(outcome.isolated).toBe(true);
      expect(outcome.runtime).toEqual({ threads: 2, kernels: 'wasm-simd', shared: true });
      expect(outcome.progressRuntimes.every((r) => r.shared && r.kernels === 'wasm-simd')).toBe(true);
      expect(outcome.fractions.at(-1)).toBe(1);
      expect(outcome.size).toBeGreaterThan(1000);
      expect(outcome.dim).toBe(16);
      expect(outcome.cancelled).toMatch(/^CancelledError: /);
      expect(errors).toEqual([]);
      await page.close();
    });

    test('not isolated: one worker, TypeScript kernels, no shared memory', async () => {
      const { page, errors } = await openPage(false);
      const outcome = await trainInPage(page, text);
      expect(outcome.isolated).toBe(false);
      expect(outcome.runtime).toEqual({ threads: 1, kernels: 'typescript', shared: false });
      expect(outcome.fractions.at(-1)).toBe(1);
      expect(outcome.fractions.some((f) => f > 0 && f < 1)).toBe(true);
      expect(outcome.size).toBeGreaterThan(1000);
      expect(outcome.cancelled).toMatch(/^CancelledError: /);
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);
