"""Peer side of the embedkit perf preset: one timed gensim operation, as perf-task.ts does ours.

Usage: python3 gensim_perf.py '<json task>' with
  {"kind": "analogy", "vectors": BIN, "questions": FILE, "restrictVocab": N}
  {"kind": "load", "vectors": GLOVE_TEXT}
Prints one JSON line on stdout: {"seconds", "cpuSeconds", "peakRssMb", "figures", "version"}.
"""
import json
import resource
import sys
import time

import gensim
from gensim.models import KeyedVectors


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


task = json.loads(sys.argv[1])
if task["kind"] == "analogy":
    vectors = KeyedVectors.load_word2vec_format(task["vectors"], binary=True)
    cpu_before, started = cpu_seconds(), time.perf_counter()
    score, sections = vectors.evaluate_word_analogies(
        task["questions"], restrict_vocab=task["restrictVocab"], case_insensitive=True
    )
    seconds = time.perf_counter() - started
    total = sections[-1]
    figures = {"accuracy": score, "correct": len(total["correct"]), "incorrect": len(total["incorrect"])}
else:
    cpu_before, started = cpu_seconds(), time.perf_counter()
    vectors = KeyedVectors.load_word2vec_format(task["vectors"], binary=False, no_header=True)
    seconds = time.perf_counter() - started
    figures = {"words": len(vectors), "dim": vectors.vector_size}
print(
    json.dumps(
        {
            "seconds": seconds,
            "cpuSeconds": cpu_seconds() - cpu_before,
            "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "figures": figures,
            "version": "gensim " + gensim.__version__,
        }
    )
)
