import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { describeIf, fixture, hasChromium } from '#test-utils/fixtures.js';
import { parseFastTextBin } from '../../packages/fasttext-subword/src/index.js';
import { ExactIndex } from '../../packages/similarity/src/index.js';
import { readVectors } from '../../packages/vector-io/src/index.js';

/**
 * The browser entries run in a real browser: a page bundled from them (esbuild, platform browser,
 * the sources through the `browser` condition) reads a word2vec `.bin` from a `Blob`, a fastText
 * `.bin` from bytes and builds a `Vocabulary` from bytes in headless Chromium, and finds what Node
 * finds on the same files.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = join(ROOT, 'scripts', 'test-artifacts');

const PAGE_SCRIPT = `
import { Vocabulary, sentencesFromBytes } from '@embedkit/corpus';
import { parseFastTextBin } from '@embedkit/fasttext-subword';
import { ExactIndex } from '@embedkit/similarity';
import { TextEmbedder } from '@embedkit/text-pooling';
import { readVectors } from '@embedkit/vector-io';
const bytes = (id) => Uint8Array.from(atob(document.getElementById(id).textContent), (c) => c.charCodeAt(0));
async function run() {
  const vectors = await readVectors(new File([bytes('w2v')], 'w2v-lee-sg.bin'));
  const neighbors = new ExactIndex(vectors).nearest('police', { k: 5 }).map((n) => n.key);
  const fastText = await parseFastTextBin(bytes('ft'));
  const oov = Array.from(fastText.vector('policemen-xyz')).slice(0, 3);
  const vocabulary = await Vocabulary.build(sentencesFromBytes([new TextEncoder().encode('a b'), new TextEncoder().encode(' b\\nc')]), { minCount: 1 });
  const sentence = new TextEmbedder(vectors, { method: 'mean' }).embed('the police said').vector.length;
  let pathError = '';
  try { await readVectors('/tmp/vectors.bin'); } catch (e) { pathError = e.name + ': ' + e.message; }
  return { neighbors, oov, vocabulary: vocabulary.size, sentence, pathError };
}
run().then((r) => { document.getElementById('out').textContent = JSON.stringify(r); },
           (e) => { document.getElementById('out').textContent = JSON.stringify({ error: String(e) }); });
`;

describeIf(hasChromium, 'chromium is not installed')('browser entries in headless Chromium', () => {
  it('read vectors from a File, a fastText .bin from bytes and a Vocabulary from bytes, as Node does', async () => {
    const bundle = await build({
      stdin: { contents: PAGE_SCRIPT, resolveDir: join(ROOT, 'apps', 'cli'), loader: 'js' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
      conditions: ['@embedkit/source'],
    });
    const w2v = readFileSync(fixture('reference', 'w2v-lee-sg.bin'));
    const ft = readFileSync(fixture('reference', 'ft-lee-nosub.bin'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const page = join(ARTIFACTS, 'browser-entries.html');
    writeFileSync(
      page,
      `<!doctype html><html><body><pre id="out">pending</pre>
<script type="text/plain" id="w2v">${w2v.toString('base64')}</script>
<script type="text/plain" id="ft">${ft.toString('base64')}</script>
<script>${bundle.outputFiles[0]!.text.replaceAll('</script', '<\\/script')}</script></body></html>`,
    );
    const dom = execFileSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--virtual-time-budget=20000',
        '--dump-dom',
        `file://${page}`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 },
    );
    const text = /<pre id="out">([^<]*)<\/pre>/.exec(dom)?.[1] ?? '';
    const result = JSON.parse(text.replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
    expect(result.error).toBeUndefined();

    const vectors = await readVectors(fixture('reference', 'w2v-lee-sg.bin'));
    expect(result.neighbors).toEqual(new ExactIndex(vectors).nearest('police', { k: 5 }).map((n) => n.key));
    const fastText = await parseFastTextBin(new Uint8Array(ft));
    const oov = Array.from(fastText.vector('policemen-xyz')!).slice(0, 3);
    for (let i = 0; i < 3; i++) expect(result.oov[i]).toBeCloseTo(oov[i]!, 6);
    expect(result.vocabulary).toBe(3);
    expect(result.sentence).toBe(vectors.dim);
    expect(result.pathError).toMatch(/^ConfigError: option source: got "\/tmp\/vectors.bin".*needs Node/);
  });
});
