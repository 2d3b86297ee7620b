import type { BenchReport, WordMap } from './results.js';
import { niceScale, place, type Scale } from './svg-axis.js';
import { svgText, textWidth } from './svg-text.js';
import { WORD_MAP_SIZE } from './word-map.js';

/** What a panel measures; panels of one metric share one scale across models and sets. */
type Metric = 'analogy' | 'similarity' | 'time';

/** One bar chart panel: a title and one value per model (null = no figure), with an optional note each. */
interface Panel {
  readonly metric: Metric;
  readonly title: string;
  readonly values: readonly (number | null)[];
  /** Shown in grey after the value, e.g. the share of questions skipped as out-of-vocabulary. */
  readonly notes: readonly (string | undefined)[];
}

/** The colours of the charts, one per model (or class). */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
];

/** Sizes in px: fonts, bars, gaps, the bar area and each scatter plot. */
const MARGIN = 16;
const TITLE_SIZE = 16;
const HEADING_SIZE = 13;
const LABEL_SIZE = 12;
const TICK_SIZE = 11;
const BAR_HEIGHT = 16;
const BAR_GAP = 4;
const BAR_AREA = 360;
const PANEL_GAP = 22;
const PLOT = 240;
const COLUMN_GAP = 36;
/** How many of the most frequent words a scatter labels (when a label has room). */
const LABELLED_WORDS = 30;

const DECIMALS: Readonly<Record<Metric, number>> = { analogy: 1, similarity: 3, time: 1 };

/** The grey note beside a figure: the share (in %) of questions or pairs skipped as out-of-vocabulary. */
function oovNote(percent: number): string {
  return `(${percent.toFixed(0)} % OOV)`;
}

/** Re-exported for the graph task's PCA plots (`graph-pca-svg.ts`). */
export { escapeXml } from './svg-text.js';

function panelsOf(report: BenchReport): Panel[] {
  const rows = report.rows;
  const panels: Panel[] = [];
  for (const set of report.config.analogySets) {
    const results = rows.map((row) => row.evaluation?.analogy.find((entry) => entry.set === set));
    panels.push({
      metric: 'analogy',
      title: `Analogy accuracy, ${set} (%)`,
      values: results.map((result) => (result ? result.total * 100 : null)),
      notes: results.map((result) =>
        result ? oovNote((100 * result.skipped) / Math.max(1, result.questions + result.skipped)) : undefined,
      ),
    });
  }
  for (const set of report.config.similaritySets) {
    const results = rows.map((row) => row.evaluation?.similarity.find((entry) => entry.set === set));
    panels.push({
      metric: 'similarity',
      title: `Word similarity, ${set} (Spearman ρ)`,
      values: results.map((result) => result?.spearman ?? null),
      notes: results.map((result) => (result ? oovNote(result.oovPercent) : undefined)),
    });
  }
  panels.push({
    metric: 'time',
    title: 'Training time (s, whole process; shorter is better)',
    values: rows.map((row) => row.wallSeconds ?? null),
    notes: rows.map(() => undefined),
  });
  return panels;
}

function valueLabel(panel: Panel, i: number): string {
  const value = panel.values[i];
  if (value === null || value === undefined || !Number.isFinite(value)) return 'no figure';
  return value.toFixed(DECIMALS[panel.metric]);
}

function tickLabel(scale: Scale, value: number): string {
  return value.toFixed(scale.decimals);
}

/** One scale per metric, over every value of every panel of that metric. */
function scalesOf(panels: readonly Panel[]): Map<Metric, Scale> {
  const scales = new Map<Metric, Scale>();
  for (const metric of ['analogy', 'similarity', 'time'] as const) {
    const values = panels
      .filter((panel) => panel.metric === metric)
      .flatMap((panel) => panel.values.filter((value): value is number => value !== null));
    scales.set(metric, niceScale(values));
  }
  return scales;
}

/** The bar panels' column, drawn from (`left`, `top`); returns its parts, right edge and bottom. */
function drawPanels(
  names: readonly string[],
  panels: readonly Panel[],
  left: number,
  top: number,
): { parts: string[]; right: number; bottom: number } {
  const scales = scalesOf(panels);
  const labelWidth = Math.max(0, ...names.map((name) => textWidth(name, LABEL_SIZE)));
  const barsLeft = left + labelWidth + 10;
  const barsRight = barsLeft + BAR_AREA;
  let right = barsRight;
  const parts: string[] = [];
  let y = top;
  for (const panel of panels) {
    const scale = scales.get(panel.metric)!;
    right = Math.max(right, left + textWidth(panel.title, HEADING_SIZE, true));
    parts.push(svgText(left, y + HEADING_SIZE, panel.title, { size: HEADING_SIZE, bold: true }));
    y += HEADING_SIZE + 10;
    const barsTop = y;
    const barsBottom = barsTop + panel.values.length * (BAR_HEIGHT + BAR_GAP);
    const zero = place(scale, 0, barsLeft, barsRight);
    for (const tick of scale.ticks) {
      const x = place(scale, tick, barsLeft, barsRight);
      parts.push(
        `<line class="grid" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${barsTop - 2}" y2="${barsBottom}" stroke="#e5e5e5"/>`,
      );
    }
    panel.values.forEach((value, i) => {
      const baseline = y + BAR_HEIGHT - 4;
      parts.push(svgText(barsLeft - 8, baseline, names[i] ?? '', { size: LABEL_SIZE, anchor: 'end' }));
      const label = valueLabel(panel, i);
      let textX = barsLeft + 4;
      if (value !== null && Number.isFinite(value)) {
        const end = place(scale, value, barsLeft, barsRight);
        const x = Math.min(zero, end);
        const width = Math.max(1, Math.abs(end - zero));
        parts.push(
          `<rect class="bar" data-metric="${panel.metric}" data-value="${value}" x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${PALETTE[i % PALETTE.length]}"/>`,
        );
        textX = Math.max(zero, end) + 4;
      }
      parts.push(svgText(textX, baseline, label, { size: LABEL_SIZE, fill: '#222' }));
      right = Math.max(right, textX + textWidth(label, LABEL_SIZE));
      const note = panel.notes[i];
      if (note !== undefined) {
        const noteX = textX + textWidth(label, LABEL_SIZE) + 6;
        parts.push(svgText(noteX, baseline, note, { size: TICK_SIZE, fill: '#888' }));
        right = Math.max(right, noteX + textWidth(note, TICK_SIZE));
      }
      y += BAR_HEIGHT + BAR_GAP;
    });
    // The axis: a line at the bars' foot, a tick and a label per tick value, zero drawn darker.
    const axisY = barsBottom + 2;
    parts.push(
      `<line class="axis" x1="${barsLeft}" x2="${barsRight}" y1="${axisY}" y2="${axisY}" stroke="#333"/>`,
      `<line x1="${zero.toFixed(1)}" x2="${zero.toFixed(1)}" y1="${barsTop - 2}" y2="${axisY}" stroke="#333"/>`,
    );
    for (const tick of scale.ticks) {
      const x = place(scale, tick, barsLeft, barsRight);
      const text = tickLabel(scale, tick);
      parts.push(
        `<line class="tick" data-metric="${panel.metric}" data-value="${tick}" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${axisY}" y2="${axisY + 4}" stroke="#333"/>`,
        svgText(x, axisY + 4 + TICK_SIZE, text, { size: TICK_SIZE, anchor: 'middle', fill: '#444' }),
      );
      right = Math.max(right, x + textWidth(text, TICK_SIZE) / 2);
    }
    y = axisY + 4 + TICK_SIZE + PANEL_GAP;
  }
  return { parts, right, bottom: y - PANEL_GAP };
}

/** Whether two boxes `[x, y, width, height]` overlap. */
function overlaps(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! < b[0]! + b[2]! && b[0]! < a[0]! + a[2]! && a[1]! < b[1]! + b[3]! && b[1]! < a[1]! + a[3]!;
}

/** One model's word map as a scatter with axes, drawn from (`left`, `top`); returns its parts and size. */
function drawScatter(
  name: string,
  map: WordMap,
  colour: string,
  left: number,
  top: number,
): { parts: string[]; right: number; bottom: number } {
  const xScale = niceScale(map.x, 4);
  const yScale = niceScale(map.y, 4);
  const yLabels = yScale.ticks.map((tick) => tickLabel(yScale, tick));
  const plotLeft = left + Math.max(...yLabels.map((text) => textWidth(text, TICK_SIZE))) + 8;
  const plotTop = top + HEADING_SIZE + 8;
  const plotRight = plotLeft + PLOT;
  const plotBottom = plotTop + PLOT;
  const title = `${name}: ${map.words.length} most frequent words, PCA`;
  const parts = [
    svgText(left, top + HEADING_SIZE, title, { size: HEADING_SIZE, bold: true }),
    `<rect class="plot" x="${plotLeft.toFixed(1)}" y="${plotTop}" width="${PLOT}" height="${PLOT}" fill="none" stroke="#333"/>`,
  ];
  let right = Math.max(plotRight, left + textWidth(title, HEADING_SIZE, true));
  for (const tick of xScale.ticks) {
    const x = place(xScale, tick, plotLeft, plotRight);
    const text = tickLabel(xScale, tick);
    parts.push(
      `<line class="tick" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${plotBottom}" y2="${plotBottom + 4}" stroke="#333"/>`,
      svgText(x, plotBottom + 4 + TICK_SIZE, text, { size: TICK_SIZE, anchor: 'middle', fill: '#444' }),
    );
    right = Math.max(right, x + textWidth(text, TICK_SIZE) / 2);
  }
  yScale.ticks.forEach((tick, i) => {
    const y = place(yScale, tick, plotBottom, plotTop);
    parts.push(
      `<line class="tick" x1="${(plotLeft - 4).toFixed(1)}" x2="${plotLeft.toFixed(1)}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#333"/>`,
      svgText(plotLeft - 6, y + 4, yLabels[i]!, { size: TICK_SIZE, anchor: 'end', fill: '#444' }),
    );
  });
  const placed: number[][] = [];
  const labels: string[] = [];
  map.words.forEach((word, i) => {
    const x = place(xScale, map.x[i]!, plotLeft, plotRight);
    const y = place(yScale, map.y[i]!, plotBottom, plotTop);
    parts.push(
      `<circle class="word" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="2" fill="${colour}" fill-opacity="0.7"/>`,
    );
    if (i >= LABELLED_WORDS) return;
    // A label goes right of its point, or left of it, where it overlaps no earlier label and stays in the plot.
    const width = textWidth(word, TICK_SIZE);
    for (const [boxX, anchor] of [
      [x + 3, 'start'],
      [x - 3 - width, 'end'],
    ] as const) {
      const box = [boxX, y - TICK_SIZE + 2, width, TICK_SIZE];
      if (boxX < plotLeft + 1 || boxX + width > plotRight - 1 || box[1]! < plotTop + 1) continue;
      if (box[1]! + box[3]! > plotBottom - 1 || placed.some((other) => overlaps(box, other))) continue;
      placed.push(box);
      labels.push(
        svgText(anchor === 'start' ? boxX : x - 3, y + 3, word, { size: TICK_SIZE, anchor, fill: '#333' }),
      );
      break;
    }
  });
  return { parts: [...parts, ...labels], right, bottom: plotBottom + 4 + TICK_SIZE };
}

/**
 * The comparison as an SVG. Left, one horizontal bar panel per task and one for training time,
 * each with an axis and ticks; panels of the same metric (analogy accuracy, Spearman ρ, seconds)
 * share one scale, so bars compare across sets as well as models. Beside each figure, in grey, the
 * share of analogy questions (word pairs) skipped because a word is out of the vocabulary.
 * Right, a PCA scatter of each model's most frequent words. Every model keeps its colour
 * throughout, and the size of the picture is measured from its text, so no label is cut off.
 */
export function renderSvg(report: BenchReport): string {
  const names = report.rows.map((row) => row.name);
  const title = `embedkit bench — ${report.corpus.name} (${report.date.slice(0, 10)})`;
  const legend = `Grey: share of analogy questions or word pairs skipped as out-of-vocabulary. Scatters: the ${WORD_MAP_SIZE} most frequent words of each model on its first two principal components.`;
  const top = MARGIN + TITLE_SIZE + 8 + TICK_SIZE + 16;
  const bars = drawPanels(names, panelsOf(report), MARGIN, top);
  const parts = [
    svgText(MARGIN, MARGIN + TITLE_SIZE, title, { size: TITLE_SIZE, bold: true }),
    svgText(MARGIN, MARGIN + TITLE_SIZE + 8 + TICK_SIZE, legend, { size: TICK_SIZE, fill: '#555' }),
    ...bars.parts,
  ];
  let right = Math.max(
    bars.right,
    MARGIN + textWidth(title, TITLE_SIZE, true),
    MARGIN + textWidth(legend, TICK_SIZE),
  );
  let bottom = bars.bottom;
  const scatterLeft = bars.right + COLUMN_GAP;
  let y = top;
  report.rows.forEach((row, i) => {
    const map = row.evaluation?.wordMap;
    if (map === undefined) return;
    const scatter = drawScatter(row.name, map, PALETTE[i % PALETTE.length]!, scatterLeft, y);
    parts.push(...scatter.parts);
    right = Math.max(right, scatter.right);
    bottom = Math.max(bottom, scatter.bottom);
    y = scatter.bottom + PANEL_GAP;
  });
  const width = Math.ceil(right + MARGIN);
  const height = Math.ceil(bottom + MARGIN);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
