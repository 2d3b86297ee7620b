import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIf, fixture, hasChromium, REPO_ROOT } from '#test-utils/fixtures.js';
import {
  act,
  CLI,
  drawnPixels,
  type ExplorerPage,
  openExplorer,
  pageMessage,
  pickFile,
  scores,
  submit,
} from './explorer-page.js';

const MODEL = fixture('reference', 'w2v-lee-sg.bin');
/** Screenshots of the run, kept as test artifacts (not committed). */
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'explorer');

/** What `embedkit neighbors` / `embedkit analogy` print as JSON for the same file. */
function cli<T>(...args: string[]): T {
  return JSON.parse(execFileSync(process.execPath, [CLI, ...args, '--json'], { encoding: 'utf8' })) as T;
}

describeIf(hasChromium, 'Chromium is not installed (apt-get install -y chromium)')(
  'the explorer in Chromium',
  () => {
    let explorer: ExplorerPage;
    let work: string;

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      work = mkdtempSync(join(tmpdir(), 'explorer-e2e-'));
      explorer = await openExplorer(MODEL);
    });

    afterAll(async () => {
      await explorer?.close();
      if (work !== undefined) rmSync(work, { recursive: true, force: true });
      // Any console error or uncaught exception of the whole run fails it.
      expect(explorer?.errors ?? []).toEqual([]);
    });

    it('opens the model embedkit explore preloads and draws its points', async () => {
      const { page } = explorer;
      expect(await page.$eval('#summary', (e) => e.textContent)).toBe('w2v-lee-sg.bin: 1,762 words × 20');
      expect(await pageMessage(page)).toBeUndefined();
      expect(await page.$eval('#projection', (e) => e.textContent)).toBe('PCA of 1762 words');
      // Points and labels: well over a thousand 3x3 points' worth of pixels.
      expect(await drawnPixels(page)).toBeGreaterThan(5000);
    });

    it('lists the neighbours of "police" that embedkit neighbors prints for the same file', async () => {
      const { page } = explorer;
      await submit(page, 'neighbors-form', { word: 'police', k: '10' });
      const [expected] = cli<{ neighbors: { word: string; score: number }[] }[]>(
        'neighbors',
        MODEL,
        'police',
        '-k',
        '10',
      );
      const shown = await scores(page, '#neighbors');
      expect(shown.map((s) => s.label)).toEqual(expected!.neighbors.map((n) => n.word));
      shown.forEach((s, i) => {
        expect(s.score).toBeCloseTo(expected!.neighbors[i]!.score, 4);
      });
      await page.screenshot({ path: join(ARTIFACTS, 'neighbours.png') });
    });

    it('solves an analogy as embedkit analogy does (3CosAdd and 3CosMul)', async () => {
      const { page } = explorer;
      // The page reads a − b + c; the CLI (word2vec's order) A B C as B − A + C.
      for (const solver of ['3cosadd', '3cosmul']) {
        await page.selectOption('#solver', solver);
        await submit(page, 'analogy-form', {
          'analogy-a': 'government',
          'analogy-b': 'Australia',
          'analogy-c': 'Afghanistan',
        });
        const expected = cli<{ answers: { word: string; score: number }[] }>(
          'analogy',
          MODEL,
          'Australia',
          'government',
          'Afghanistan',
          '-k',
          '10',
          '--method',
          solver,
        );
        const shown = await scores(page, '#analogies');
        expect(shown.map((s) => s.label)).toEqual(expected.answers.map((a) => a.word));
        shown.forEach((s, i) => {
          expect(s.score).toBeCloseTo(expected.answers[i]!.score, 4);
        });
      }
      await page.screenshot({ path: join(ARTIFACTS, 'analogy.png') });
    });

    it('finds the nearest sentence of a pasted list', async () => {
      const { page } = explorer;
      await submit(page, 'sentences-form', {
        sentences:
          'The police arrested two men.\nThe cricket match was played in Sydney.\nFire crews fought the bushfires.',
        query: 'Police officers arrested a man',
      });
      const shown = await scores(page, '#sentence-hits');
      expect(shown).toHaveLength(3);
      expect(shown[0]!.label).toBe('The police arrested two men.');
    });

    it('shows a word outside the vocabulary as a message and stays usable', async () => {
      const { page } = explorer;
      await submit(page, 'neighbors-form', { word: 'xyzzyq', k: '10' });
      expect(await pageMessage(page)).toBe(
        'word "xyzzyq" is not in the vocabulary of w2v-lee-sg.bin (1762 words)',
      );
      await submit(page, 'neighbors-form', { word: 'police', k: '3' });
      expect(await pageMessage(page)).toBeUndefined();
      expect(await scores(page, '#neighbors')).toHaveLength(3);
    });

    it('compares a second model side by side, aligned on the shared words', async () => {
      const { page } = explorer;
      await pickFile(page, fixture('reference', 'w2v-lee-cbow.txt'), '#second-file');
      expect(await pageMessage(page)).toBeUndefined();
      expect(await page.$eval('#second-plot', (e) => (e as HTMLElement).hidden)).toBe(false);
      expect(await page.$eval('#projection', (e) => e.textContent)).toMatch(
        /^PCA of \d+ words, \d+ words in both models$/,
      );
      expect(await drawnPixels(page, '#plot-second')).toBeGreaterThan(5000);
      await page.screenshot({ path: join(ARTIFACTS, 'comparison.png') });
    });

    it('refuses bad files with a clear message and keeps the model it had', async () => {
      const { page } = explorer;
      const notVectors = join(work, 'notes.txt');
      writeFileSync(notVectors, 'These are meeting notes, not vectors.\nSecond line.\n');
      await pickFile(page, notVectors);
      expect(await pageMessage(page)).toMatch(/^notes\.txt/);

      const truncated = join(work, 'truncated.bin');
      writeFileSync(truncated, readFileSync(MODEL).subarray(0, 50_000));
      await pickFile(page, truncated);
      expect(await pageMessage(page)).toMatch(/^truncated\.bin.*(end|short|truncated)/i);

      // 2 GiB without writing them: a sparse file behind a word2vec header.
      const huge = join(work, 'huge.vec');
      writeFileSync(huge, '100000000 300\n');
      truncateSync(huge, 2 * 2 ** 30);
      await pickFile(page, huge);
      expect(await pageMessage(page)).toMatch(
        /^huge\.vec: 2\.0 GB is more than the page opens \(1\.5 GB at most\)/,
      );

      await submit(page, 'neighbors-form', { word: 'police', k: '3' });
      expect(await pageMessage(page)).toBeUndefined();
      expect(await page.$eval('#summary', (e) => e.textContent)).toMatch(/^w2v-lee-sg\.bin/);
    });

    it('lays out words with UMAP, with progress, and explains why 5 points are too few', async () => {
      const { page } = explorer;
      await page.$eval('#top', (e) => {
        (e as HTMLInputElement).value = '300';
      });
      // Every progress line the status shows while UMAP runs.
      await page.evaluate(() => {
        const status = document.getElementById('status-text')!;
        const seen: string[] = [];
        (window as unknown as { umapProgress: string[] }).umapProgress = seen;
        new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true });
      });
      await act(page, () => page.click('#umap'));
      expect(await pageMessage(page)).toBeUndefined();
      const progress = await page.evaluate(
        () => (window as unknown as { umapProgress: string[] }).umapProgress,
      );
      expect(progress).toContain('UMAP: 100 %');
      expect(progress.filter((line) => /^UMAP: \d+ %$/.test(line)).length).toBeGreaterThan(2);
      expect(await page.$eval('#projection', (e) => e.textContent)).toBe('UMAP of 300 words');
      expect(await page.$eval('#status-text', (e) => e.textContent)).toBe('UMAP: done');
      expect(await drawnPixels(page)).toBeGreaterThan(1000);

      const five = join(work, 'five.txt');
      copyFileSync(fixture('reference', 'w2v-lee-cbow.txt'), five);
      const lines = readFileSync(five, 'utf8').split('\n');
      writeFileSync(five, `5 20\n${lines.slice(1, 6).join('\n')}\n`);
      await pickFile(page, five);
      expect(await pageMessage(page)).toBeUndefined();
      await act(page, () => page.click('#umap'));
      expect(await pageMessage(page)).toMatch(/UMAP.*5 words.*more words than its 15 neighbours/);
      // PCA still works on them.
      await act(page, () => page.click('#pca'));
      expect(await pageMessage(page)).toBeUndefined();
      expect(await page.$eval('#projection', (e) => e.textContent)).toMatch(/^PCA of 5 words/);
    });

    it('gives a word outside a fastText .bin vocabulary neighbours from its subwords, as embedkit neighbors does', async () => {
      const { page } = explorer;
      const model = fixture('reference', 'ft-lee-sg.bin');
      await pickFile(page, model);
      expect(await page.$eval('#summary', (e) => e.textContent)).toBe(
        'ft-lee-sg.bin: 3,028 words × 16, subwords for other words',
      );
      await submit(page, 'neighbors-form', { word: 'Brisbanes', k: '5' });
      expect(await pageMessage(page)).toBeUndefined();
      const [expected] = cli<{ neighbors: { word: string; score: number }[] }[]>(
        'neighbors',
        model,
        'Brisbanes',
        '-k',
        '5',
      );
      const shown = await scores(page, '#neighbors');
      expect(shown.map((s) => s.label)).toEqual(expected!.neighbors.map((n) => n.word));
    });
    it('trains a word2vec model on pasted text in workers, shows progress to 100 % and the runtime, and opens it', async () => {
      const { page } = explorer;
      const text = readFileSync(fixture('corpora', 'lee_background.cor'), 'utf8');
      await page.fill('#train-text', text);
      await page.selectOption('#trainer', 'skipgram');
      await submit(page, 'train-form', { 'train-dim': '20', 'train-epochs': '3', 'train-min-count': '5' });
      expect(await pageMessage(page)).toBeUndefined();
      expect(await page.$eval('#train-progress', (e) => e.textContent)).toBe('100 %');
      // Served with COOP/COEP by embedkit explore: shared memory, SIMD, several workers.
      const threads = await page.evaluate(() => Math.min(navigator.hardwareConcurrency, 4));
      expect(await page.$eval('#train-runtime', (e) => e.textContent)).toBe(
        `threads ${threads}, kernels wasm-simd, shared yes`,
      );
      expect(await page.$eval('#summary', (e) => e.textContent)).toMatch(
        /^trained-skipgram\.bin: [\d,]+ words × 20$/,
      );
      await submit(page, 'neighbors-form', { word: 'police', k: '5' });
      expect(await pageMessage(page)).toBeUndefined();
      expect((await scores(page, '#neighbors')).map((s) => s.label)).toHaveLength(5);
      expect(await drawnPixels(page)).toBeGreaterThan(1000);
      await page.screenshot({ path: join(ARTIFACTS, 'trained.png') });
    });

    it('cancels a fastText training on the SOTU slice and stays usable', async () => {
      const { page } = explorer;
      await page.selectOption('#trainer', 'fasttext');
      await page.selectOption('#train-corpus', 'sotu');
      await page.fill('#train-epochs', '50');
      await page.$eval('#train-progress', (e) => {
        e.textContent = '';
      });
      await act(page, async () => {
        await page.click('#train-form button[type=submit]');
        await page.waitForFunction(() => document.getElementById('train-progress')!.textContent !== '');
        await page.click('#train-cancel');
      });
      expect(await pageMessage(page)).toMatch(/cancel/i);
      expect(await page.$eval('#summary', (e) => e.textContent)).toMatch(/^trained-skipgram\.bin/);
      expect(await page.$eval('#train-cancel', (e) => (e as HTMLButtonElement).disabled)).toBe(true);
    });
  },
);
