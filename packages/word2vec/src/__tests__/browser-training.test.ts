import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '@embedkit/core-math';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BrowserTrainingHarness } from '#test-utils/browser-training.js';
import { describeIf, fixture, hasChromium } from '#test-utils/fixtures.js';
import { trainWord2VecInBrowser } from '../index.js';

// trainWord2VecInBrowser in headless Chromium, the page and both worker scripts bundled from the
// sources (the `browser` condition) and served with and without the COOP/COEP headers.

const source = (file: string): string => fileURLToPath(new URL(`../${file}`, import.meta.url));
const SKIPGRAM = { model: 'skipgram', dim: 16, epochs: 2, minCount: 2, negative: 3 };
const LONG_CBOW = { model: 'cbow', dim: 16, epochs: 200, minCount: 2 };
// Long enough (several seconds on one thread) that progress, reported every 500 ms, comes before the end.
const LONGER_SKIPGRAM = { ...SKIPGRAM, epochs: 20 };

describeIf(hasChromium, 'Chromium (Debian package chromium) is not installed')(
  'trainWord2VecInBrowser in headless Chromium',
  () => {
    let harness: BrowserTrainingHarness;
    const text = readFileSync(fixture('corpora', 'lee_background.cor'), 'utf8');

    beforeAll(async () => {
      harness = await BrowserTrainingHarness.start({
        page: source('__tests__/browser/page.ts'),
        'word2vec-browser-worker': source('word2vec-browser-worker.ts'),
        'training-worker-browser': source('training-worker-browser.ts'),
      });
    });

    afterAll(async () => {
      await harness?.stop();
    });

    test('cross-origin isolated: several workers share memory and run the Wasm SIMD kernels', async () => {
      const outcome = await harness.trainAndCancel(true, 'trainWord2VecInBrowser', text, SKIPGRAM, LONG_CBOW);
      expect(outcome.isolated).toBe(true);
      expect(outcome.runtime).toEqual({ threads: 2, kernels: 'wasm-simd', shared: true });
      expect(outcome.progressRuntimes.every((r) => r.shared && r.kernels === 'wasm-simd')).toBe(true);
      expect(outcome.fractions.at(-1)).toBe(1);
      expect(outcome.size).toBeGreaterThan(1000);
      expect(outcome.dim).toBe(16);
      expect(outcome.unseenWordHasVector).toBe(false);
      expect(outcome.cancelled).toMatch(/^CancelledError: /);
      expect(outcome.errors).toEqual([]);
    });

    test('not isolated: one worker, TypeScript kernels, no shared memory', async () => {
      const outcome = await harness.trainAndCancel(
        false,
        'trainWord2VecInBrowser',
        text,
        LONGER_SKIPGRAM,
        LONG_CBOW,
      );
      expect(outcome.isolated).toBe(false);
      expect(outcome.runtime).toEqual({ threads: 1, kernels: 'typescript', shared: false });
      expect(outcome.progressRuntimes.every((r) => !r.shared && r.kernels === 'typescript')).toBe(true);
      expect(outcome.fractions.at(-1)).toBe(1);
      expect(outcome.fractions.some((f) => f > 0 && f < 1)).toBe(true);
      expect(outcome.size).toBeGreaterThan(1000);
      expect(outcome.cancelled).toMatch(/^CancelledError: /);
      expect(outcome.errors).toEqual([]);
    });
  },
);

test('outside a browser trainWord2VecInBrowser says to call trainWord2Vec', async () => {
  const training = trainWord2VecInBrowser('a b c', { dim: 4 });
  await expect(training).rejects.toBeInstanceOf(ConfigError);
  await expect(training).rejects.toThrow(
    /^option runtime: got "no Web Worker", expected a browser page \(in Node, call trainWord2Vec\)/,
  );
});
