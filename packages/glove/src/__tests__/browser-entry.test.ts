import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Vocabulary } from '@embedkit/corpus';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCooccurrences } from '../index.js';

// The browser entry as a page gets it: bundled from the sources with esbuild --platform=browser
// (the `browser` condition picks `#run-store`'s in-memory store), then run here.

type BrowserGlove = typeof import('../browser.js');

describe('the browser entry of @embedkit/glove', () => {
  let folder: string;
  let browserGlove: BrowserGlove;
  const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
  const corpus = Array.from({ length: 60 }, (_, s) =>
    Array.from({ length: 25 }, (_, i) => words[(s * 7 + i * i) % words.length]!),
  );

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'embedkit-glove-browser-'));
    const outfile = join(folder, 'glove-browser.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('../browser.ts', import.meta.url))],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['@embedkit/source'],
      logLevel: 'silent',
    });
    browserGlove = (await import(pathToFileURL(outfile).href)) as BrowserGlove;
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('counts in memory exactly as Node does', async () => {
    const vocabulary = await Vocabulary.build(corpus, { minCount: 1 });
    const inBrowser = await browserGlove.countCooccurrences(corpus, vocabulary, { window: 4 });
    const inNode = await countCooccurrences(corpus, vocabulary, { window: 4 });
    expect(inBrowser.stats.spilledRuns).toBe(0);
    expect(inBrowser.values).toEqual(inNode.values);
    expect(inBrowser.rows).toEqual(inNode.rows);
  });

  it('stops with a ConfigError naming memory when the counts outgrow the budget (no temporary files in a page)', async () => {
    const vocabulary = await Vocabulary.build(corpus, { minCount: 1 });
    await expect(
      browserGlove.countCooccurrences(corpus, vocabulary, { window: 4, memory: 0.008 }),
    ).rejects.toMatchObject({
      code: 'CONFIG',
      message: expect.stringMatching(/^option memory: got 0.008, .*counted in memory only/),
    });
  });
});
