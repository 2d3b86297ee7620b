"""Peer run for the embedkit bench: trains gensim's Word2Vec with the bench's configuration.

Usage: python3 gensim_train.py '<json spec>'. Prints progress lines on stderr (gensim's logging)
and one JSON line on stdout: {"train_seconds", "cpu_seconds", "peak_rss_mb", "vocabulary", "version"}.
"""
import json
import logging
import resource
import sys
import time

import gensim
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence

spec = json.loads(sys.argv[1])
logging.basicConfig(format="%(message)s", level=logging.INFO, stream=sys.stderr)
started = time.perf_counter()
model = Word2Vec(
    sentences=LineSentence(spec["corpus"]),
    sg=1 if spec["model"] == "skipgram" else 0,
    cbow_mean=1,
    vector_size=spec["dim"],
    window=spec["window"],
    min_count=spec["minCount"],
    epochs=spec["epochs"],
    negative=spec["negative"],
    hs=1 if spec["hs"] else 0,
    sample=spec["sample"],
    alpha=spec["lr"],
    min_alpha=spec["minLr"],
    workers=spec["threads"],
    seed=spec["seed"],
)
train_seconds = time.perf_counter() - started
model.wv.save_word2vec_format(spec["output"], binary=True)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(
    json.dumps(
        {
            "train_seconds": train_seconds,
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": usage.ru_maxrss / 1024,
            "vocabulary": len(model.wv),
            "version": gensim.__version__,
        }
    )
)
