import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVectors } from '@embedkit/vector-io';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeIf, evalSet, fixture, hasChromium } from '#test-utils/fixtures.js';
import { evaluateVectors } from '../evaluate.js';
import { renderSvg } from '../report-svg.js';
import type { BenchReport, ModelRow } from '../results.js';
import { textWidth } from '../svg-text.js';

/** Test artifacts: the SVG and its rendering in Chromium, to look at. */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** Three models written by the real tools (word2vec C, gensim, fastText) on the Lee corpus, evaluated as the bench does. */
const MODELS = [
  { name: 'word2vec C tool skip-gram, lee_background.cor', file: 'w2v-lee-sg.bin', wallSeconds: 1.9 },
  { name: 'gensim word2vec-skipgram', file: 'gensim-lee-sg.bin', wallSeconds: 3.4 },
  { name: 'fastText skipgram (subwords 3-6)', file: 'ft-lee-sg.vec', wallSeconds: undefined },
];
const ANALOGY = ['questions-words.txt'];
const SIMILARITY = ['wordsim353.tsv', 'simlex999.txt'];

async function benchReport(): Promise<BenchReport> {
  const rows: ModelRow[] = [];
  for (const model of MODELS) {
    const vectors = await readVectors(fixture('reference', model.file));
    const evaluation = await evaluateVectors(vectors, {
      analogy: ANALOGY.map(evalSet),
      similarity: SIMILARITY.map(evalSet),
      restrictVocab: 300_000,
      probeWords: [],
    });
    rows.push({ name: model.name, kind: 'peer', status: 'ok', wallSeconds: model.wallSeconds, evaluation });
  }
  return {
    date: '2026-12-03T00:00:00.000Z',
    command: 'test',
    machine: { cpu: 'test', cores: 2, memoryGb: 4, node: process.version, platform: process.platform },
    corpus: {
      path: 'lee_background.cor',
      name: 'lee_background.cor (a long corpus name to test the title)',
      tokens: 0,
      sentences: 0,
    },
    config: {
      seed: 1,
      threads: 1,
      restrictVocab: 300_000,
      common: {},
      analogySets: ANALOGY,
      similaritySets: SIMILARITY,
    },
    evaluationSemantics: '',
    rows,
    notes: [],
  };
}

interface TextElement {
  x: number;
  y: number;
  size: number;
  bold: boolean;
  anchor: string;
  text: string;
}

function attribute(element: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
}

function texts(svg: string): TextElement[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, body]) => ({
    x: Number(attribute(attrs!, 'x')),
    y: Number(attribute(attrs!, 'y')),
    size: Number(attribute(attrs!, 'font-size')),
    bold: attribute(attrs!, 'font-weight') === 'bold',
    anchor: attribute(attrs!, 'text-anchor') ?? 'start',
    text: body!.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))),
  }));
}

let svg = '';
let report: BenchReport;
beforeAll(async () => {
  report = await benchReport();
  svg = renderSvg(report);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'report.svg'), svg);
});

describe('the bench chart (report.svg)', () => {
  it('keeps every text inside the viewBox, as measured from the font metrics', () => {
    const [, , width, height] = attribute(svg, 'viewBox')!.split(' ').map(Number);
    const all = texts(svg);
    expect(all.length).toBeGreaterThan(50);
    for (const t of all) {
      const w = textWidth(t.text, t.size, t.bold);
      const left = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
      expect(left, t.text).toBeGreaterThanOrEqual(0);
      expect(left + w, t.text).toBeLessThanOrEqual(width!);
      expect(t.y - t.size, t.text).toBeGreaterThanOrEqual(0);
      expect(t.y, t.text).toBeLessThanOrEqual(height!);
    }
  });

  it('draws ticks, and one scale per metric: the same tick values at the same places in every panel of a metric', () => {
    const ticks = [
      ...svg.matchAll(/<line class="tick" data-metric="(\w+)" data-value="([^"]+)" x1="([^"]+)"/g),
    ];
    const byMetric = new Map<string, string[]>();
    for (const [, metric, value, x] of ticks) {
      byMetric.set(metric!, [...(byMetric.get(metric!) ?? []), `${value}@${x}`]);
    }
    expect([...byMetric.keys()].sort()).toEqual(['analogy', 'similarity', 'time']);
    const similarity = byMetric.get('similarity')!;
    expect(similarity.length % 2).toBe(0);
    const half = similarity.length / 2;
    expect(half).toBeGreaterThanOrEqual(3);
    expect(similarity.slice(0, half)).toEqual(similarity.slice(half));
    // Every bar's length is its value times the pixels per unit read off the ticks.
    const [first, second] = similarity.map((tick) => tick.split('@').map(Number));
    const perUnit = (second![1]! - first![1]!) / (second![0]! - first![0]!);
    const bars = [
      ...svg.matchAll(
        /<rect class="bar" data-metric="similarity" data-value="([^"]+)" x="[^"]+" y="[^"]+" width="([^"]+)"/g,
      ),
    ];
    expect(bars.length).toBe(MODELS.length * SIMILARITY.length);
    for (const [, value, w] of bars) {
      expect(Math.abs(Number(w) - Math.max(1, Math.abs(Number(value)) * perUnit))).toBeLessThanOrEqual(0.1);
    }
  });

  it('shows the OOV share of every analogy set and similarity set, and "no figure" where there is none', () => {
    const all = texts(svg).map((t) => t.text);
    const google = report.rows.map((row) => row.evaluation!.analogy[0]!);
    for (const result of google) {
      const share = ((100 * result.skipped) / (result.questions + result.skipped)).toFixed(0);
      expect(all).toContain(`(${share} % OOV)`);
    }
    expect(all.filter((t) => t.endsWith('% OOV)')).length).toBe(
      MODELS.length * (ANALOGY.length + SIMILARITY.length),
    );
    expect(all).toContain('no figure');
  });

  it('plots a PCA scatter of the most frequent words for each model, with labels inside the plot', () => {
    const points = svg.match(/<circle class="word"/g) ?? [];
    const expected = report.rows.reduce((sum, row) => sum + row.evaluation!.wordMap!.words.length, 0);
    expect(expected).toBe(MODELS.length * 300);
    expect(points.length).toBe(expected);
    expect(texts(svg).map((t) => t.text)).toContain('the');
  });
});

describeIf(hasChromium, 'chromium is not installed')('the chart rendered in Chromium', () => {
  it('lays every text out inside the viewBox (getBBox), and renders to a PNG', () => {
    const page = join(ARTIFACTS, 'report-bbox.html');
    writeFileSync(
      page,
      `<!doctype html><html><body style="margin:0">${svg}<script>
const svg = document.querySelector('svg');
const [, , w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
const outside = [...svg.querySelectorAll('text')].filter((t) => { const b = t.getBBox(); return b.x < 0 || b.y < 0 || b.x + b.width > w || b.y + b.height > h; }).map((t) => t.textContent);
document.title = 'outside:' + JSON.stringify(outside);
</script></body></html>`,
    );
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars'];
    const dom = execFileSync('chromium', [...flags, '--dump-dom', `file://${page}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(/<title>outside:(.*)<\/title>/.exec(dom)?.[1]).toBe('[]');
    const [, , width, height] = attribute(svg, 'viewBox')!.split(' ');
    execFileSync(
      'chromium',
      [
        ...flags,
        `--window-size=${width},${height}`,
        `--screenshot=${join(ARTIFACTS, 'report.png')}`,
        `file://${join(ARTIFACTS, 'report.svg')}`,
      ],
      { stdio: 'ignore' },
    );
  });
});
