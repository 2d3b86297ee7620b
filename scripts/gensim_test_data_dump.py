"""gensim side of scripts/gensim-test-data-check.mjs: what gensim 4.2 loads from each vector file
of a folder (gensim's own gensim/test/test_data): words in order, dimension and vectors. Each file
is tried as a fastText .bin (load_facebook_vectors; cp852 for cp852_fasttext.bin, as gensim's tests
load it), word2vec text, word2vec binary and GloVe text (no_header=True); files gensim cannot load
are left out, and so are files that start with no vector header (GloVe text is tried only for files named *glove*: gensim's headerless reader
accepts any text with the same number of spaces on every line).

Usage: /usr/bin/python3 scripts/gensim_test_data_dump.py TEST_DATA_DIR OUT.json"""
import json, os, re, struct, sys
from gensim.models import KeyedVectors
from gensim.models.fasttext import load_facebook_vectors
d = sys.argv[1]
out = {}
def may_hold_vectors(path, name):
    """A word2vec header "V D", a fastText .bin header (magic, or the old layout's dim and ws), or a GloVe name."""
    with open(path, 'rb') as fin:
        head = fin.read(64)
    if re.match(rb'\d+ \d+\r?\n', head) or 'glove' in name:
        return True
    if len(head) < 8:
        return False
    first, second = struct.unpack('<2i', head[:8])
    return first == 793712314 or (1 <= first <= 1000000 and 1 <= second <= 1000000)


for f in sorted(os.listdir(d)):
    p = os.path.join(d, f)
    if not os.path.isfile(p) or not may_hold_vectors(p, f):
        continue
    kv = None
    # GloVe's headerless text is tried only for GloVe files: gensim's no_header reader "loads" any
    # text with a constant number of spaces per line (a TSV of word ids, say).
    for how in ['fb', 'w2v-text', 'w2v-bin'] + (['glove'] if 'glove' in f else []):
        try:
            if how == 'fb': kv = load_facebook_vectors(p, encoding='cp852' if 'cp852' in f else 'utf-8')
            elif how == 'w2v-text': kv = KeyedVectors.load_word2vec_format(p, binary=False)
            elif how == 'w2v-bin': kv = KeyedVectors.load_word2vec_format(p, binary=True)
            else: kv = KeyedVectors.load_word2vec_format(p, binary=False, no_header=True)
            break
        except Exception:
            kv = None
    if kv is None: continue
    out[f] = {'loader': how, 'words': list(kv.index_to_key), 'dim': kv.vector_size,
              'vectors': [float(x) for x in kv.vectors.reshape(-1)]}
json.dump(out, open(sys.argv[2], 'w'))
print(len(out), 'files:', ' '.join(out))
