/**
 * Peak memory and time of node2vec walks on a seeded SBM, for docs/graph.md:
 *   node --conditions=@embedkit/source --import tsx packages/graph/scripts/walk-memory.ts NODES SAMPLER [THREADS] [EDGES]
 * Prints one JSON line: nodes, edges, Σ deg² (the per-edge alias entries), walk seconds, peak RSS.
 * With EDGES, only writes the graph there (for the reference pipeline's walks, node2vec_reference.py
 * with `walksOnly`).
 */
import { generateWalks, stochasticBlockModel, writeEdgeList } from '../src/index.js';

const nodes = Number(process.argv[2] ?? 100_000);
const sampler = (process.argv[3] ?? 'rejection') as 'rejection' | 'alias';
const threads = Number(process.argv[4] ?? 1);
// The bench's SBM shape: 5 blocks, mean degree 10, 70 % of the edges inside a block.
const blockSize = nodes / 5;
const { graph } = stochasticBlockModel({
  nodes,
  blocks: 5,
  pIn: (0.7 * 10) / (blockSize - 1),
  pOut: (0.3 * 10) / (nodes - blockSize),
  seed: 1,
});
if (process.argv[5] !== undefined) {
  await writeEdgeList(process.argv[5], graph);
  process.exit(0);
}
let aliasEntries = 0;
for (let v = 0; v < graph.nodeCount; v++) aliasEntries += graph.degree(v) ** 2;
const rssBefore = process.resourceUsage().maxRSS / 1024;
const started = performance.now();
const walks = await generateWalks(graph, { q: 0.5, sampler }, { seed: 1, threads });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({
    nodes,
    edges: graph.edgeCount,
    sampler,
    threads,
    aliasEntries,
    steps: walks.ids.length,
    walkSeconds: seconds,
    peakRssMbBeforeWalks: rssBefore,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
