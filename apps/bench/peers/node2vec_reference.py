"""Peer run for the embedkit bench's graph task: the node2vec paper's own pipeline.

networkx reads the edge list, the walks are simulated as the node2vec reference code
(github.com/aditya-grover/node2vec, src/node2vec.py) simulates them: alias tables for every node
and for every edge precomputed, then `walks_per_node` rounds over the shuffled nodes; gensim's
Word2Vec (skip-gram, negative sampling, min_count 0) is trained on the walks.

Usage: python3 node2vec_reference.py '<json spec>' with keys edges, directed, p, q, walkLength,
walksPerNode, dim, window, epochs, negative, sample, lr, minLr, threads, seed, output, and optionally
walksOnly (stop after the walks and print the time and peak memory after the alias tables and
after the walks) and runs: a list of {edges, seed, output} that replace those three keys, run one
after the other in this process (many seeds without paying Python's start-up each time).
Prints one JSON line on stdout per run: {"walk_seconds", "train_seconds", "run_seconds" (reading to
written vectors), "import_seconds" (importing gensim, networkx and NumPy, once per process),
"peak_rss_mb", "walk_rss_mb", "nodes", "walks", "version"}; writes the vectors in word2vec binary format to `output`.
"""
import time

STARTED = time.perf_counter()

import json  # noqa: E402 (the imports after the clock are what start-up costs)
import random  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

import gensim  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
from gensim.models import Word2Vec  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - STARTED


def alias_setup(probs):
    """Vose's alias method: the two tables of a discrete distribution."""
    size = len(probs)
    accept = np.zeros(size)
    alias = np.zeros(size, dtype=np.int64)
    smaller, larger = [], []
    for i, prob in enumerate(probs):
        accept[i] = size * prob
        (smaller if accept[i] < 1.0 else larger).append(i)
    while smaller and larger:
        small, large = smaller.pop(), larger.pop()
        alias[small] = large
        accept[large] = accept[large] + accept[small] - 1.0
        (smaller if accept[large] < 1.0 else larger).append(large)
    return alias, accept


def alias_draw(alias, accept):
    column = int(np.floor(np.random.rand() * len(alias)))
    return column if np.random.rand() < accept[column] else alias[column]


def normalized(weights):
    total = sum(weights)
    return [w / total for w in weights]


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(spec):
    """One run: read, alias tables, walks, gensim; returns the figures to print."""
    random.seed(spec["seed"])
    np.random.seed(spec["seed"])
    started = time.perf_counter()
    create = nx.DiGraph() if spec["directed"] else nx.Graph()
    graph = nx.read_edgelist(spec["edges"], nodetype=str, data=(("weight", float),), create_using=create)
    for u, v in graph.edges():
        graph[u][v].setdefault("weight", 1.0)
    p, q = spec["p"], spec["q"]

    def edge_alias(src, dst):
        weights = []
        for nbr in sorted(graph.neighbors(dst)):
            weight = graph[dst][nbr]["weight"]
            if nbr == src:
                weights.append(weight / p)
            elif graph.has_edge(nbr, src):
                weights.append(weight)
            else:
                weights.append(weight / q)
        return alias_setup(normalized(weights))

    alias_nodes = {
        node: alias_setup(normalized([graph[node][nbr]["weight"] for nbr in sorted(graph.neighbors(node))]))
        for node in graph.nodes()
    }
    alias_edges = {}
    for u, v in graph.edges():
        alias_edges[(u, v)] = edge_alias(u, v)
        if not spec["directed"]:
            alias_edges[(v, u)] = edge_alias(v, u)
    tables_seconds = time.perf_counter() - started
    tables_rss_mb = peak_rss_mb()

    walks = []
    nodes = list(graph.nodes())
    neighbours = {node: sorted(graph.neighbors(node)) for node in nodes}
    for _ in range(spec["walksPerNode"]):
        random.shuffle(nodes)
        for start in nodes:
            walk = [start]
            while len(walk) < spec["walkLength"]:
                current = walk[-1]
                nbrs = neighbours[current]
                if not nbrs:
                    break
                if len(walk) == 1:
                    walk.append(nbrs[alias_draw(*alias_nodes[current])])
                else:
                    walk.append(nbrs[alias_draw(*alias_edges[(walk[-2], current)])])
            walks.append(walk)
    walk_seconds = time.perf_counter() - started
    walk_rss_mb = peak_rss_mb()
    if spec.get("walksOnly"):
        # Memory and time of the walks alone (docs/graph.md): no training, no vectors.
        # tables_*: reading the graph and precomputing the alias tables, before any walk.
        return {
            "tables_seconds": tables_seconds,
            "tables_rss_mb": tables_rss_mb,
            "walk_seconds": walk_seconds,
            "walk_rss_mb": walk_rss_mb,
            "walks": len(walks),
            "steps": sum(len(walk) for walk in walks),
        }

    model = Word2Vec(
        sentences=walks,
        sg=1,
        vector_size=spec["dim"],
        window=spec["window"],
        min_count=0,
        epochs=spec["epochs"],
        negative=spec["negative"],
        sample=spec["sample"],
        alpha=spec["lr"],
        min_alpha=spec["minLr"],
        workers=spec["threads"],
        seed=spec["seed"],
    )
    train_seconds = time.perf_counter() - started - walk_seconds
    model.wv.save_word2vec_format(spec["output"], binary=True)
    return {
        "walk_seconds": walk_seconds,
        "train_seconds": train_seconds,
        "run_seconds": time.perf_counter() - started,
        "import_seconds": IMPORT_SECONDS,
        "peak_rss_mb": peak_rss_mb(),
        "walk_rss_mb": walk_rss_mb,
        "nodes": graph.number_of_nodes(),
        "walks": len(walks),
        "version": f"networkx {nx.__version__}, gensim {gensim.__version__}",
    }


if __name__ == "__main__":
    settings = json.loads(sys.argv[1])
    for each in settings.pop("runs", None) or [{}]:
        print(json.dumps(run({**settings, **each})), flush=True)
