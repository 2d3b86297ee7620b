import type { BenchReport } from './results.js';

/** One bar chart panel: a title, a unit, and one value per model (null = no figure). */
interface Panel {
  readonly title: string;
  readonly values: readonly (number | null)[];
  readonly format: (value: number) => string;
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

/** `text` with the characters that mean something in XML escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function panelsOf(report: BenchReport): Panel[] {
  const rows = report.rows;
  const panels: Panel[] = [];
  for (const set of report.config.analogySets) {
    panels.push({
      title: `Analogy accuracy, ${set} (%)`,
      values: rows.map((row) => {
        const result = row.evaluation?.analogy.find((entry) => entry.set === set);
        return result ? result.total * 100 : null;
      }),
      format: (value) => value.toFixed(1),
    });
  }
  for (const set of report.config.similaritySets) {
    panels.push({
      title: `Word similarity, ${set} (Spearman ρ)`,
      values: rows.map(
        (row) => row.evaluation?.similarity.find((entry) => entry.set === set)?.spearman ?? null,
      ),
      format: (value) => value.toFixed(3),
    });
  }
  panels.push({
    title: 'Training time (s, whole process; shorter is better)',
    values: rows.map((row) => row.wallSeconds ?? null),
    format: (value) => value.toFixed(1),
  });
  return panels;
}

/**
 * The comparison as an SVG: one horizontal bar panel per task (quality) and one for training
 * time, every model in the same colour in every panel.
 */
export function renderSvg(report: BenchReport): string {
  const names = report.rows.map((row) => row.name);
  const panels = panelsOf(report);
  const labelWidth = 260;
  const barArea = 420;
  const barHeight = 16;
  const panelGap = 28;
  const width = labelWidth + barArea + 90;
  const parts: string[] = [];
  let y = 40;
  parts.push(
    `<text x="12" y="24" font-size="16" font-weight="bold">${escapeXml(`embedkit bench — ${report.corpus.name} (${report.date.slice(0, 10)})`)}</text>`,
  );
  for (const panel of panels) {
    parts.push(
      `<text x="12" y="${y + 14}" font-size="13" font-weight="bold">${escapeXml(panel.title)}</text>`,
    );
    y += 22;
    const finite = panel.values.filter((value): value is number => value !== null && Number.isFinite(value));
    // Bars grow from a zero axis, so negative figures (a negative correlation) point left.
    const low = Math.min(0, ...finite);
    const high = Math.max(0, ...finite);
    const span = Math.max(high - low, 1e-9);
    const zero = labelWidth + ((0 - low) / span) * barArea;
    if (low < 0) {
      parts.push(
        `<line x1="${zero.toFixed(1)}" x2="${zero.toFixed(1)}" y1="${y - 2}" y2="${y + panel.values.length * (barHeight + 4)}" stroke="#333"/>`,
      );
    }
    panel.values.forEach((value, i) => {
      const colour = PALETTE[i % PALETTE.length];
      parts.push(
        `<text x="${labelWidth - 8}" y="${y + barHeight - 4}" font-size="12" text-anchor="end">${escapeXml(names[i] ?? '')}</text>`,
      );
      if (value === null || !Number.isFinite(value)) {
        parts.push(
          `<text x="${labelWidth + 4}" y="${y + barHeight - 4}" font-size="12" fill="#888">no figure</text>`,
        );
      } else {
        const end = labelWidth + ((value - low) / span) * barArea;
        const left = Math.min(zero, end);
        const length = Math.max(1, Math.abs(end - zero));
        parts.push(
          `<rect x="${left.toFixed(1)}" y="${y}" width="${length.toFixed(1)}" height="${barHeight}" fill="${colour}"/>`,
          `<text x="${(Math.max(zero, end) + 4).toFixed(1)}" y="${y + barHeight - 4}" font-size="12">${panel.format(value)}</text>`,
        );
      }
      y += barHeight + 4;
    });
    y += panelGap;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
