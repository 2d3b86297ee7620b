/**
 * Times the train panel of the built page (`pnpm build` first) in headless Chromium on the SOTU
 * slice with the panel's defaults, served with or without COOP/COEP, and prints the runtime the
 * page reports and the 5 nearest neighbours of "america". The figures of docs/explorer.md.
 *
 * Usage: node apps/explorer/scripts/train-timings.mjs isolated|plain [skipgram|cbow|fasttext] [screenshot.png]
 */
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
const root = fileURLToPath(new URL('../dist', import.meta.url));
const isolated = process.argv[2] === 'isolated';
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
};
const server = createServer((req, res) => {
  const p = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const f = existsSync(p) && !p.endsWith('/') ? p : join(root, 'index.html');
  const h = { 'Content-Type': types[extname(f)] ?? 'application/octet-stream' };
  if (isolated)
    Object.assign(h, {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
  res.writeHead(200, h);
  res.end(readFileSync(f));
}).listen(0, '127.0.0.1');
await new Promise((r) => server.on('listening', r));
const browser = await chromium.launch({
  executablePath: execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(),
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('console', (m) => m.type() === 'error' && console.log('ERR', m.text()));
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.selectOption('#trainer', process.argv[3] ?? 'skipgram');
await page.selectOption('#train-corpus', 'sotu');
const t0 = Date.now();
await page.click('#train-form button[type=submit]');
await page.waitForFunction(() => document.body.dataset.tasks === '1', undefined, { timeout: 300000 });
console.log(
  JSON.stringify({
    isolated,
    trainer: process.argv[3] ?? 'skipgram',
    seconds: (Date.now() - t0) / 1000,
    progress: await page.textContent('#train-progress'),
    runtime: await page.textContent('#train-runtime'),
    summary: await page.textContent('#summary'),
    message: await page.evaluate(() =>
      document.getElementById('message').hidden ? '' : document.getElementById('message').textContent,
    ),
  }),
);
await page.fill('#word', 'america');
await page.click('#neighbors-form button[type=submit]');
await page.waitForFunction(() => document.body.dataset.tasks === '2');
console.log(
  await page.$$eval('#neighbors li', (l) =>
    l
      .map((x) => x.textContent)
      .slice(0, 5)
      .join(' | '),
  ),
);
if (process.argv[4]) await page.screenshot({ path: process.argv[4] });
await browser.close();
server.close();
