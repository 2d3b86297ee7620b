import type { BenchReport, ModelRow } from './results.js';

const pct = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : (value * 100).toFixed(1);
const fixed = (value: number | undefined, digits: number): string =>
  value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
const thousands = (value: number | undefined): string =>
  value === undefined ? '–' : Math.round(value).toLocaleString('en-US');

function rowCells(row: ModelRow, report: BenchReport): string[] {
  const cells = [row.kind === 'peer' && row.version ? `${row.name} (${row.version})` : row.name, row.kind];
  for (const set of report.config.analogySets) {
    const result = row.evaluation?.analogy.find((entry) => entry.set === set);
    const asked = result === undefined ? 0 : result.questions + result.skipped;
    cells.push(
      pct(result?.total),
      pct(result?.semantic),
      pct(result?.syntactic),
      asked === 0 ? '–' : pct(result!.skipped / asked),
    );
  }
  for (const set of report.config.similaritySets) {
    const result = row.evaluation?.similarity.find((entry) => entry.set === set);
    cells.push(result ? `${fixed(result.spearman, 3)} (${fixed(result.oovPercent, 1)}%)` : '–');
  }
  cells.push(
    thousands(row.vocabulary),
    row.cpuSeconds === undefined
      ? fixed(row.wallSeconds, 1)
      : `${fixed(row.wallSeconds, 1)} (${fixed(row.cpuSeconds, 1)})`,
    thousands(row.wordsPerSecond),
    thousands(row.peakRssMb),
    row.ratio ? `${row.ratio.time.toFixed(2)}× ${row.ratio.peer}` : '–',
  );
  return cells;
}

/** The comparison as a Markdown document: configuration, the main table, neighbours and notes. */
export function renderMarkdown(report: BenchReport): string {
  const header = ['model', 'kind'];
  for (const set of report.config.analogySets) header.push(`${set} total %`, 'sem %', 'syn %', 'OOV %');
  for (const set of report.config.similaritySets) header.push(`${set} ρ (OOV)`);
  header.push('vocab', 'time s (CPU s)', 'words/s', 'peak MB', 'time vs peer');
  const lines: string[] = [];
  lines.push(`# embedkit bench — ${report.corpus.name}`, '');
  lines.push(`- Date: ${report.date}`);
  lines.push(`- Command: \`${report.command}\``);
  lines.push(
    `- Machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGb} GB, Node ${report.machine.node} (${report.machine.platform})`,
  );
  lines.push(
    `- Corpus: ${report.corpus.path} — ${thousands(report.corpus.tokens)} tokens, ${thousands(report.corpus.sentences)} lines`,
  );
  const common = Object.entries(report.config.common)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  lines.push(
    `- Configuration: ${common}, threads ${report.config.threads}, seed ${report.config.seed}, analogy restricted to the ${thousands(report.config.restrictVocab)} most frequent words`,
  );
  lines.push(`- Evaluation: ${report.evaluationSemantics}`, '');
  lines.push(
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`,
  );
  for (const row of report.rows) lines.push(`| ${rowCells(row, report).join(' | ')} |`);
  lines.push('');
  lines.push(
    'time = whole process wall-clock seconds from start to vectors on disk (CPU s = user + system CPU seconds of the same processes); words/s = corpus tokens × epochs / time; peak MB = peak resident memory of the training process; time vs peer = our time / the peer’s in this run (below 1 is faster).',
    '',
  );
  const withSts = report.rows.filter((row) => row.evaluation?.sts);
  if (withSts.length > 0) {
    const methods = [...new Set(withSts.flatMap((row) => Object.keys(row.evaluation!.sts!.pearsonByMethod)))];
    lines.push('## Text pooling on the STS Benchmark (test split, Pearson × 100)', '');
    lines.push(`| model | ${methods.join(' | ')} |`, `| --- | ${methods.map(() => '---:').join(' | ')} |`);
    for (const row of withSts) {
      const figures = row.evaluation!.sts!.pearsonByMethod;
      lines.push(`| ${row.name} | ${methods.map((method) => fixed(figures[method], 1)).join(' | ')} |`);
    }
    lines.push('');
  }
  const failed = report.rows.filter((row) => row.status !== 'ok');
  if (failed.length > 0) {
    lines.push('## Rows without figures', '');
    for (const row of failed) lines.push(`- ${row.name}: ${row.status}${row.error ? ` — ${row.error}` : ''}`);
    lines.push('');
  }
  const withNeighbors = report.rows.filter(
    (row) => row.evaluation && Object.keys(row.evaluation.neighbors).length > 0,
  );
  if (withNeighbors.length > 0) {
    lines.push('## Nearest neighbours', '');
    const probes = [...new Set(withNeighbors.flatMap((row) => Object.keys(row.evaluation!.neighbors)))];
    lines.push(`| model | ${probes.join(' | ')} |`, `| --- | ${probes.map(() => '---').join(' | ')} |`);
    for (const row of withNeighbors) {
      const cells = probes.map((probe) => (row.evaluation!.neighbors[probe] ?? []).join(', ') || '–');
      lines.push(`| ${row.name} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  if (report.notes.length > 0) {
    lines.push('## Notes', '');
    for (const note of report.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}
