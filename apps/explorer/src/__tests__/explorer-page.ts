/**
 * Drives the built explorer page in headless Chromium (Debian's `chromium`, through
 * playwright-core: no browser download), served by `embedkit explore` as a user starts it. Used by
 * the end-to-end tests and by `scripts/docs-figures.ts` (the screenshots and timings of the docs).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { REPO_ROOT } from '#test-utils/fixtures.js';

/** The built CLI, which serves the built page. */
export const CLI = join(REPO_ROOT, 'apps', 'cli', 'dist', 'main.js');

/** An open explorer: the page, and every console error or uncaught exception it logged. */
export interface ExplorerPage {
  readonly page: Page;
  readonly url: string;
  readonly errors: string[];
  close(): Promise<void>;
}

/** Starts `embedkit explore VECTORS --no-open` and resolves with the address it prints. */
function serve(vectors: string): Promise<{ server: ChildProcess; url: string }> {
  if (!existsSync(CLI) || !existsSync(join(REPO_ROOT, 'apps', 'explorer', 'dist', 'index.html'))) {
    throw new Error('the CLI and the explorer page are not built: run pnpm build first');
  }
  const server = spawn(process.execPath, [CLI, 'explore', vectors, '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((done, fail) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /explorer: (\S+)/.exec(output);
      if (match !== null) done({ server, url: match[1]! });
    });
    let errors = '';
    server.stderr!.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    server.on('exit', (code) => fail(new Error(`embedkit explore exited with ${code}: ${errors}`)));
  });
}

/** Opens the page served for `vectors` in headless Chromium, the model loaded and drawn. */
export async function openExplorer(
  vectors: string,
  viewport = { width: 1400, height: 800 },
): Promise<ExplorerPage> {
  const { server, url } = await serve(vectors);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(),
      // As root (CI), Chromium's sandbox cannot start.
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
      headless: true,
    });
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('worker', (worker) => worker.on('console', (m) => m.type() === 'error' && errors.push(m.text())));
    await page.goto(url);
    await page.waitForFunction(() => Number(document.body.dataset.tasks) >= 1, undefined, {
      timeout: 60_000,
    });
    const opened = browser;
    return {
      page,
      url,
      errors,
      close: async () => {
        await opened.close();
        server.kill();
      },
    };
  } catch (error) {
    await browser?.close();
    server.kill();
    throw error;
  }
}

/** Does `action` on the page and waits until the page has finished the task it started. */
export async function act(page: Page, action: () => Promise<unknown>, timeout = 60_000): Promise<void> {
  const before = await page.evaluate(() => Number(document.body.dataset.tasks));
  await action();
  await page.waitForFunction(
    (n) => Number(document.body.dataset.tasks) > n && document.body.dataset.busy === '0',
    before,
    { timeout },
  );
}

/** Picks `path` in the file input `selector` (`#file` or `#second-file`) and waits for the page to load it. */
export async function pickFile(page: Page, path: string, selector = '#file'): Promise<void> {
  await act(page, () => page.setInputFiles(selector, path));
}

/** The page's error line, or undefined when none is shown. */
export function pageMessage(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const message = document.getElementById('message')!;
    return message.hidden ? undefined : (message.textContent ?? '');
  });
}

/** The rows of a result list (`#neighbors`, `#analogies`, `#sentence-hits`): label and score. */
export function scores(page: Page, list: string): Promise<{ label: string; score: number }[]> {
  return page.$$eval(`${list} li`, (items) =>
    items.map((item) => {
      const score = item.querySelector('span')!.textContent ?? '';
      return { label: (item.textContent ?? '').slice(0, -score.length), score: Number(score) };
    }),
  );
}

/** Fills the inputs `values` (by element id) and submits the form `form`, waiting for its answer. */
export async function submit(page: Page, form: string, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    await page.$eval(
      `#${id}`,
      (element, v) => {
        (element as HTMLInputElement).value = v;
      },
      value,
    );
  }
  await act(page, () =>
    page.$eval(`#${form} button[type=submit]`, (button) => (button as HTMLButtonElement).click()),
  );
}

/** How many pixels of the canvas `selector` are drawn (not transparent). */
export function drawnPixels(page: Page, selector = '#plot'): Promise<number> {
  return page.$eval(selector, (canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
    return drawn;
  });
}
