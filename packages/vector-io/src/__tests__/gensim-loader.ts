/**
 * Test helper: loads vector files with gensim's `KeyedVectors.load_word2vec_format` (one Python
 * process for many files) and returns what gensim holds, so our reader can be compared with it.
 */
import { runPython } from '#test-utils/fixtures.js';

/** How gensim should load one file. */
export interface GensimLoad {
  path: string;
  binary: boolean;
  noHeader?: boolean;
  limit?: number;
}

/** What gensim loaded, or the exception it raised. */
export type GensimResult =
  | { ok: true; keys: Array<string | null>; dim: number; vectors: Float32Array }
  | { ok: false; error: string };

const LOADER = `
import base64, json, sys, numpy as np
from gensim.models import KeyedVectors
out = []
for spec in json.loads(sys.argv[1]):
    try:
        kv = KeyedVectors.load_word2vec_format(spec['path'], binary=spec['binary'],
            no_header=spec.get('noHeader', False), limit=spec.get('limit'))
        vectors = np.ascontiguousarray(kv.vectors, dtype='<f4')
        out.append({'ok': True, 'keys': kv.index_to_key, 'dim': int(kv.vector_size),
                    'vectors': base64.b64encode(vectors.tobytes()).decode('ascii')})
    except Exception as e:
        out.append({'ok': False, 'error': type(e).__name__ + ': ' + str(e)})
print(json.dumps(out))
`;

/** Loads every file with gensim 4 (under `/usr/bin/python3`). */
export function loadWithGensim(loads: readonly GensimLoad[]): GensimResult[] {
  const raw = JSON.parse(runPython(LOADER, [JSON.stringify(loads)])) as Array<
    { ok: true; keys: Array<string | null>; dim: number; vectors: string } | { ok: false; error: string }
  >;
  return raw.map((result) => {
    if (!result.ok) return result;
    const bytes = Buffer.from(result.vectors, 'base64');
    const vectors = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    return { ok: true, keys: result.keys, dim: result.dim, vectors };
  });
}

/** The largest relative difference between two equally long vectors (relative to max(|a|, 1e-30)). */
export function maxRelativeDifference(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const diff = Math.abs(x - y) / Math.max(Math.abs(x), 1e-30);
    if (diff > worst) worst = diff;
  }
  return worst;
}
