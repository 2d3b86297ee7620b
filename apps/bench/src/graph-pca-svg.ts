import { type Embedder, principalComponents } from '@embedkit/core-math';
import { PALETTE, escapeXml } from './report-svg.js';

/**
 * A scatter plot (SVG) of node vectors projected on their first two principal components
 * (centred PCA), each point coloured by its node's label and named.
 */
export function renderPcaSvg(vectors: Embedder, labels: ReadonlyMap<string, string>, title: string): string {
  const nodes = [...labels.keys()].filter((node) => vectors.has(node));
  const dim = vectors.dim;
  const matrix = new Float32Array(nodes.length * dim);
  nodes.forEach((node, row) => {
    matrix.set(vectors.vector(node)!, row * dim);
  });
  const axes = principalComponents(matrix, nodes.length, dim, 2, { center: true });
  const mean = new Float64Array(dim);
  for (let i = 0; i < matrix.length; i++) mean[i % dim]! += matrix[i]! / nodes.length;
  const points = nodes.map((_, row) =>
    [0, 1].map((axis) => {
      let sum = 0;
      for (let j = 0; j < dim; j++) sum += (matrix[row * dim + j]! - mean[j]!) * axes[axis * dim + j]!;
      return sum;
    }),
  );
  const classes = [...new Set(nodes.map((node) => labels.get(node)!))].sort();
  const [size, margin] = [520, 40];
  const range = (axis: number): [number, number] => {
    const values = points.map((point) => point[axis]!);
    return [Math.min(...values), Math.max(...values)];
  };
  const [[x0, x1], [y0, y1]] = [range(0), range(1)];
  const scale = (value: number, low: number, high: number): number =>
    margin + ((value - low) / Math.max(high - low, 1e-12)) * (size - 2 * margin);
  const parts = [
    `<text x="12" y="22" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    ...classes.map(
      (label, i) =>
        `<circle cx="${size - 110}" cy="${size + 26 + 16 * i}" r="5" fill="${PALETTE[i % PALETTE.length]}"/><text x="${size - 100}" y="${size + 30 + 16 * i}" font-size="12">${escapeXml(label)}</text>`,
    ),
  ];
  nodes.forEach((node, i) => {
    const x = scale(points[i]![0]!, x0, x1).toFixed(1);
    const y = (size - scale(points[i]![1]!, y0, y1) + 20).toFixed(1);
    const colour = PALETTE[classes.indexOf(labels.get(node)!) % PALETTE.length];
    parts.push(
      `<circle cx="${x}" cy="${y}" r="6" fill="${colour}" stroke="#333" stroke-width="0.5"/>`,
      `<text x="${x}" y="${y}" dx="7" dy="4" font-size="10" fill="#333">${escapeXml(node)}</text>`,
    );
  });
  const height = size + 40 + 16 * classes.length;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${height}" viewBox="0 0 ${size} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    '<rect width="100%" height="100%" fill="white"/>',
    ...parts,
    `<text x="${margin}" y="${size + 30}" font-size="11" fill="#555">x: first principal component, y: second</text>`,
    '</svg>',
    '',
  ].join('\n');
}
