import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { finished, requireBuiltCli, runCli, startCli } from './built-cli.js';

const MODEL = fixture('reference', 'w2v-lee-sg.bin');

/** Starts `embedkit explore args…` and resolves with the running process and the address it printed. */
async function explore(args: readonly string[]): Promise<{ child: ChildProcess; url: URL }> {
  const child = startCli(['explore', ...args, '--no-open']);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /^explorer: (\S+)$/m.exec(output);
      if (match !== null) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`embedkit explore exited with ${code}`)));
  });
  return { child, url: new URL(url) };
}

describe('embedkit explore', () => {
  let server: { child: ChildProcess; url: URL };

  beforeAll(async () => {
    requireBuiltCli();
    server = await explore([MODEL]);
  });

  afterAll(() => {
    server?.child.kill();
  });

  it('serves the built page on 127.0.0.1 with cross-origin isolation, the model named in the address', async () => {
    expect(server.url.hostname).toBe('127.0.0.1');
    expect(server.url.searchParams.get('name')).toBe('w2v-lee-sg.bin');
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const html = await page.text();
    expect(html).toContain('<title>embedkit explorer</title>');
    // Nothing from the network: every script and style is one of the page's own files.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    const asset = await fetch(new URL(script, server.url));
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('offers the model file byte for byte, and nothing outside the page', async () => {
    const model = await fetch(new URL(server.url.searchParams.get('model')!, server.url));
    expect(Buffer.from(await model.arrayBuffer()).equals(readFileSync(MODEL))).toBe(true);
    expect((await fetch(new URL('/assets/missing.js', server.url))).status).toBe(404);
    expect((await fetch(new URL('/%2e%2e/%2e%2e/package.json', server.url))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  it('takes --port, and names a port in use', async () => {
    const port = server.url.port;
    const taken = await runCli(['explore', MODEL, '--port', port, '--no-open']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(`--port: got ${port}`);
    expect(taken.stderr).toContain('in use');
  });

  it('refuses a missing model before serving', async () => {
    const missing = await runCli(['explore', 'no-such-vectors.bin', '--no-open']);
    expect(missing.stderr.trim()).toBe('embedkit: no-such-vectors.bin: no such file');
    expect(missing.code).not.toBe(0);
  });

  it('stops on Ctrl-C with the shell code of SIGINT', async () => {
    const { child } = await explore([MODEL]);
    child.kill('SIGINT');
    const result = await finished(child);
    expect(result.code).toBe(130);
  });
});
