import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, FormatError, IoError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { GraphBuilder, graphFromEdges, readEdgeList, readNodeLabels, writeEdgeList } from '../index.js';

const folder = mkdtempSync(join(tmpdir(), 'embedkit-graph-'));
function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('readEdgeList', () => {
  it('reads the karate club and Les Misérables fixtures with their sizes and weights', async () => {
    const karate = await readEdgeList(fixture('graphs', 'karate.edgelist'));
    expect([karate.nodeCount, karate.edgeCount, karate.directed]).toEqual([34, 78, false]);
    expect(karate.weight(karate.id('0'), karate.id('1'))).toBe(4);
    expect(karate.weight(karate.id('1'), karate.id('0'))).toBe(4);
    const lesmis = await readEdgeList(fixture('graphs', 'lesmis.edgelist'));
    expect([lesmis.nodeCount, lesmis.edgeCount]).toEqual([77, 254]);
    expect(lesmis.weight(lesmis.id('Myriel'), lesmis.id('MlleBaptistine'))).toBe(8);
    const labels = await readNodeLabels(fixture('graphs', 'karate.labels'));
    expect(labels.size).toBe(34);
    expect(new Set(labels.values())).toEqual(new Set(['Mr. Hi', 'Officer']));
  });

  it('takes spaces or tabs, comments, CRLF, arbitrary names and single-node lines', async () => {
    const path = file('mixed.txt', '# a comment\n__proto__\tconstructor 2.5\r\n\n  b   c  \nlonely\n');
    const graph = await readEdgeList(path);
    expect(graph.nodes).toEqual(['__proto__', 'constructor', 'b', 'c', 'lonely']);
    expect(graph.weight(graph.id('__proto__'), graph.id('constructor'))).toBe(2.5);
    expect(graph.weight(graph.id('b'), graph.id('c'))).toBe(1);
    expect(graph.degree(graph.id('lonely'))).toBe(0);
    expect(graph.edgeCount).toBe(2);
  });

  it('keeps self-loops once and merges a repeated edge into one with the last weight', () => {
    const graph = graphFromEdges([
      ['a', 'a'],
      ['a', 'b', 1],
      ['b', 'a', 3],
    ]);
    expect(graph.edgeCount).toBe(2);
    expect([...graph.neighbors(graph.id('a'))]).toEqual([graph.id('a'), graph.id('b')]);
    expect(graph.weight(graph.id('a'), graph.id('b'))).toBe(3);
    expect(graph.weight(graph.id('b'), graph.id('a'))).toBe(3);
  });

  it('reads u v as u → v only when directed', () => {
    const graph = graphFromEdges(
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      { directed: true },
    );
    expect(graph.hasEdge(graph.id('a'), graph.id('b'))).toBe(true);
    expect(graph.hasEdge(graph.id('b'), graph.id('a'))).toBe(false);
    expect(graph.degree(graph.id('c'))).toBe(0);
  });

  it('names the file and line of a bad weight, too many fields, and rejects an empty list', async () => {
    await expect(readEdgeList(file('word.txt', 'a b 1\nc d heavy\n'))).rejects.toThrow(
      new FormatError(
        { file: join(folder, 'word.txt'), line: 2 },
        'a weight: a finite number above 0',
        '"heavy"',
      ),
    );
    await expect(readEdgeList(file('negative.txt', 'a b -1\n'))).rejects.toThrow(/line 1.*above 0.*"-1"/);
    await expect(readEdgeList(file('zero.txt', 'a b 0\n'))).rejects.toBeInstanceOf(FormatError);
    await expect(readEdgeList(file('nan.txt', 'a b NaN\n'))).rejects.toBeInstanceOf(FormatError);
    await expect(readEdgeList(file('four.txt', 'a b 1 2\n'))).rejects.toThrow(/line 1.*at most 3 fields/);
    await expect(readEdgeList(file('empty.txt', '# nothing\n\n'))).rejects.toThrow(/at least one edge/);
    await expect(readEdgeList(join(folder, 'missing.txt'))).rejects.toBeInstanceOf(IoError);
  });

  it('checks in-memory rows as strictly', () => {
    expect(() => graphFromEdges([['a', 'b', 'x']])).toThrow(ConfigError);
    expect(() => graphFromEdges([['a', 'b', -2]])).toThrow(/edges\[0\]/);
    expect(() => graphFromEdges([])).toThrow(/at least one edge/);
    expect(() => new GraphBuilder().addEdge('a', 'b', Number.POSITIVE_INFINITY)).toThrow(ConfigError);
  });

  it('writes an edge list that reads back to the same graph', async () => {
    const graph = await readEdgeList(fixture('graphs', 'lesmis.edgelist'));
    const path = join(folder, 'copy.edgelist');
    await writeEdgeList(path, graph);
    const again = await readEdgeList(path);
    const named = (g: typeof graph): string[] =>
      [...g.edges()].map(([u, v, w]) => [g.nodes[u], g.nodes[v]].sort().concat(String(w)).join(' ')).sort();
    expect(new Set(again.nodes)).toEqual(new Set(graph.nodes));
    expect(named(again)).toEqual(named(graph));
    const isolated = graphFromEdges([['a', 'b'], ['c']]);
    await writeEdgeList(path, isolated);
    expect((await readEdgeList(path)).nodes).toEqual(['a', 'b', 'c']);
  });
});
