import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BrowserTrainingHarness } from '#test-utils/browser-training.js';
import { describeIf, fixture, hasChromium } from '#test-utils/fixtures.js';

// trainFastTextInBrowser in headless Chromium, the page and both worker scripts (fastText's job,
// word2vec's training worker) bundled from the sources (the `browser` condition) and served with
// and without the COOP/COEP headers.

const here = (file: string): string => fileURLToPath(new URL(`../${file}`, import.meta.url));
const word2vec = (file: string): string =>
  fileURLToPath(new URL(`../../../word2vec/src/${file}`, import.meta.url));
const SKIPGRAM = { model: 'skipgram', dim: 16, epochs: 1, minCount: 3, bucket: 20_000 };
const LONG_CBOW = { model: 'cbow', dim: 16, epochs: 100, minCount: 3, bucket: 20_000 };

describeIf(hasChromium, 'Chromium (Debian package chromium) is not installed')(
  'trainFastTextInBrowser in headless Chromium',
  () => {
    let harness: BrowserTrainingHarness;
    const text = readFileSync(fixture('corpora', 'lee_background.cor'), 'utf8');

    beforeAll(async () => {
      harness = await BrowserTrainingHarness.start({
        page: here('__tests__/browser/page.ts'),
        'fasttext-browser-worker': here('fasttext-browser-worker.ts'),
        'training-worker-browser': word2vec('training-worker-browser.ts'),
      });
    });

    afterAll(async () => {
      await harness?.stop();
    });

    for (const isolated of [true, false]) {
      const expected = isolated
        ? { threads: 2, kernels: 'wasm-simd', shared: true }
        : { threads: 1, kernels: 'typescript', shared: false };
      test(`${isolated ? '' : 'not '}cross-origin isolated: ${expected.threads} worker(s), ${expected.kernels} kernels`, async () => {
        const outcome = await harness.trainAndCancel(
          isolated,
          'trainFastTextInBrowser',
          text,
          SKIPGRAM,
          LONG_CBOW,
        );
        expect(outcome.isolated).toBe(isolated);
        expect(outcome.runtime).toEqual(expected);
        expect(outcome.progressRuntimes.every((r) => r.kernels === expected.kernels)).toBe(true);
        expect(outcome.fractions.at(-1)).toBe(1);
        expect(outcome.size).toBeGreaterThan(500);
        expect(outcome.dim).toBe(16);
        expect(outcome.unseenWordHasVector).toBe(true);
        expect(outcome.cancelled).toMatch(/^CancelledError: /);
        expect(outcome.errors).toEqual([]);
      });
    }
  },
);
