"""gensim side of scripts/phrases-vs-gensim.mjs: learns phrases with gensim 4.2's Phrases on a
corpus read with LineSentence (lines cut at 10,000 tokens, as embedkit reads them).

Usage: /usr/bin/python3 scripts/gensim_phrases.py '{"input": FILE, "minCount": 5, "threshold": 10,
  "scoring": "default", "maxVocabSize": 40000000, "english": false}'
Prints one JSON object: learnSeconds, learnCpuSeconds, freezeSeconds, peakRssMb, vocabularySize,
corpusWords, phrases (phrase -> score), version."""
import json
import resource
import sys
import time

import gensim
from gensim.models.phrases import ENGLISH_CONNECTOR_WORDS, Phrases
from gensim.models.word2vec import LineSentence


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


args = json.loads(sys.argv[1])
cpu, started = cpu_seconds(), time.perf_counter()
phrases = Phrases(
    LineSentence(args['input']),
    min_count=args.get('minCount', 5),
    threshold=args.get('threshold', 10),
    scoring=args.get('scoring', 'default'),
    max_vocab_size=args.get('maxVocabSize', 40000000),
    connector_words=ENGLISH_CONNECTOR_WORDS if args.get('english') else frozenset(),
)
learn, learn_cpu = time.perf_counter() - started, cpu_seconds() - cpu
started = time.perf_counter()
frozen = phrases.freeze()
freeze = time.perf_counter() - started
json.dump({
    'learnSeconds': learn, 'learnCpuSeconds': learn_cpu, 'freezeSeconds': freeze,
    'peakRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    'vocabularySize': len(phrases.vocab), 'corpusWords': phrases.corpus_word_count,
    'phrases': frozen.phrasegrams, 'version': gensim.__version__,
}, sys.stdout)
