"""Writes the two small real graphs networkx ships into fixtures/graphs/, once.

Usage: /usr/bin/python3 packages/graph/scripts/export-networkx-graphs.py [fixtures/graphs]
(Debian python3-networkx; the files record the networkx version that wrote them.)

- karate.edgelist: Zachary's karate club, 34 nodes, 78 edges, `u v weight` (networkx's weights:
  the number of contexts in which the two members interacted, Zachary 1977); karate.labels: the
  club each member joined after the split (`Mr. Hi` or `Officer`), networkx's `club` attribute.
- lesmis.edgelist: the co-appearance network of the characters of Les Miserables, 77 nodes,
  254 edges, `u v weight` (weight: chapters in which both appear; Knuth 1993).
"""
import os
import sys

import networkx as nx

out = sys.argv[1] if len(sys.argv) > 1 else "fixtures/graphs"
os.makedirs(out, exist_ok=True)
header = f"# written by packages/graph/scripts/export-networkx-graphs.py with networkx {nx.__version__}\n"


def write_edges(graph, name, source):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(header)
        f.write(f"# {source}\n")
        f.write(f"# {graph.number_of_nodes()} nodes, {graph.number_of_edges()} undirected edges: u v weight\n")
        for u, v, data in graph.edges(data=True):
            f.write(f"{u} {v} {data.get('weight', 1)}\n")


karate = nx.karate_club_graph()
write_edges(karate, "karate.edgelist", "networkx.karate_club_graph(): Zachary, W. W. (1977), J. Anthropological Research 33(4)")
with open(os.path.join(out, "karate.labels"), "w", encoding="utf-8") as f:
    f.write(header)
    f.write("# node<TAB>club after the split (networkx's 'club' attribute)\n")
    for node, data in karate.nodes(data=True):
        f.write(f"{node}\t{data['club']}\n")

lesmis = nx.les_miserables_graph()
write_edges(lesmis, "lesmis.edgelist", "networkx.les_miserables_graph(): Knuth, D. E. (1993), The Stanford GraphBase")
