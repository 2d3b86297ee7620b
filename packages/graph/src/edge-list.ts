import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ConfigError, FormatError, IoError, isEmbeddingError, throwIfAborted } from '@embedkit/core-math';
import { writeFileAtomic } from '@embedkit/vector-io';
import { type Graph, GraphBuilder } from './graph.js';

/** Options of {@link readEdgeList} and {@link graphFromEdges}. */
export interface EdgeListOptions {
  /** Edges have a direction (`u v` is only u → v). Default `false`. */
  readonly directed?: boolean;
  /** Stops reading; the reader then rejects with `CancelledError`. */
  readonly signal?: AbortSignal;
}

/** One row of an in-memory edge list: `[u, v]`, `[u, v, weight]`, or `[u]` for a node with no edge. */
export type EdgeRow =
  | readonly [string]
  | readonly [string, string]
  | readonly [string, string, number | string];

/**
 * Reads an edge list: one edge per line, `u v` or `u v weight`, fields separated by spaces or tabs;
 * blank lines and lines starting with `#` are skipped; a line with a single field is a node with no
 * edge (it gets no walk and no vector). Node names are any strings without whitespace. The file is
 * read line by line as a stream, each name interned once, into a {@link Graph} (CSR).
 * Self-loops are kept; a repeated edge keeps its last weight (as networkx's `read_edgelist`).
 *
 * @example
 * ```ts
 * const graph = await readEdgeList('karate.edgelist');
 * graph.nodeCount; // 34
 * ```
 * @throws FormatError naming the file and line for a line with more than 3 fields, a weight that
 *   is not a number or is not above 0, or a file with no edge
 * @throws IoError when the file cannot be read
 * @throws CancelledError when `signal` aborts
 */
export async function readEdgeList(path: string, options: EdgeListOptions = {}): Promise<Graph> {
  const builder = new GraphBuilder();
  let line = 0;
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const text of lines) {
      line++;
      if ((line & 0xffff) === 0) throwIfAborted(options.signal, `reading ${path}`);
      addLine(builder, text, { file: path, line });
    }
  } catch (error) {
    if (isEmbeddingError(error)) throw error;
    throw new IoError(path, `cannot read the edge list: ${(error as Error).message}`, error);
  } finally {
    lines.close();
    stream.destroy();
  }
  throwIfAborted(options.signal, `reading ${path}`);
  return finish(builder, options, { file: path, line });
}

/**
 * A {@link Graph} from edges in memory (rows as {@link readEdgeList} reads them; weights may be
 * numbers or numeric strings).
 *
 * @example
 * ```ts
 * const graph = graphFromEdges([['a', 'b'], ['b', 'c', 2]]);
 * ```
 * @throws ConfigError for a malformed row, a weight that is not a number above 0, or no edge
 */
export function graphFromEdges(
  edges: Iterable<readonly string[] | EdgeRow>,
  options: EdgeListOptions = {},
): Graph {
  const builder = new GraphBuilder();
  let row = 0;
  for (const edge of edges) {
    if (edge.length < 1 || edge.length > 3) {
      throw new ConfigError(`edges[${row}]`, JSON.stringify(edge), '[u], [u, v] or [u, v, weight]');
    }
    const [u, v, weight] = edge as readonly [string, string?, (number | string)?];
    if (v === undefined) builder.addNode(String(u));
    else
      builder.addEdge(String(u), String(v), weight === undefined ? 1 : weightValue(weight, `edges[${row}]`));
    row++;
  }
  if (builder.edgesAdded === 0) throw new ConfigError('edges', 'no edge', 'at least one edge');
  return builder.build(options.directed ?? false);
}

/** Adds one line of an edge list to `builder`. */
function addLine(builder: GraphBuilder, text: string, where: { file: string; line: number }): void {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return;
  const fields = trimmed.split(/\s+/);
  if (fields.length > 3) {
    throw new FormatError(where, '"u v" or "u v weight" (at most 3 fields)', `${fields.length} fields`);
  }
  const [u, v, weight] = fields as [string, string?, string?];
  if (v === undefined) {
    builder.addNode(u);
    return;
  }
  let value = 1;
  if (weight !== undefined) {
    value = Number(weight);
    if (!(value > 0 && value < Number.POSITIVE_INFINITY)) {
      throw new FormatError(where, 'a weight: a finite number above 0', JSON.stringify(weight));
    }
  }
  builder.addEdge(u, v, value);
}

function weightValue(weight: number | string, option: string): number {
  const value = typeof weight === 'number' ? weight : weight.trim() === '' ? Number.NaN : Number(weight);
  if (!(value > 0 && value < Number.POSITIVE_INFINITY)) {
    throw new ConfigError(option, weight, 'a weight: a finite number above 0');
  }
  return value;
}

function finish(
  builder: GraphBuilder,
  options: EdgeListOptions,
  where: { file: string; line: number },
): Graph {
  if (builder.edgesAdded === 0) throw new FormatError(where, 'at least one edge "u v [weight]"', 'none');
  return builder.build(options.directed ?? false);
}

/**
 * Writes `graph` as an edge list that {@link readEdgeList} (and networkx's `read_edgelist`) reads
 * back: `u v` per edge, `u v weight` when the graph is weighted, an undirected edge once, a node
 * with no edge on a line of its own; through a temporary file renamed into place.
 *
 * @throws IoError when the file cannot be written
 */
export async function writeEdgeList(path: string, graph: Graph): Promise<void> {
  const encoder = new TextEncoder();
  const weighted = graph.weights !== null;
  function* chunks(): Generator<Uint8Array> {
    let lines: string[] = [];
    for (const [u, v, w] of graph.edges()) {
      lines.push(
        weighted ? `${graph.nodes[u]} ${graph.nodes[v]} ${w}` : `${graph.nodes[u]} ${graph.nodes[v]}`,
      );
      if (lines.length === 4096) {
        yield encoder.encode(`${lines.join('\n')}\n`);
        lines = [];
      }
    }
    const reached = new Uint8Array(graph.nodeCount);
    for (const v of graph.targets) reached[v] = 1;
    for (let v = 0; v < graph.nodeCount; v++) {
      if (graph.degree(v) === 0 && reached[v] === 0) lines.push(graph.nodes[v]!);
    }
    if (lines.length > 0) yield encoder.encode(`${lines.join('\n')}\n`);
  }
  await writeFileAtomic(path, chunks());
}
