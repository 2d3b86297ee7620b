import { join } from 'node:path';
import type { WordVectors } from '@embedkit/core-math';
import { readVectors } from '@embedkit/vector-io';
import { beforeAll, expect, it } from 'vitest';
import { describeIf, fixture, hasGensim, REPO_ROOT, runPython } from '#test-utils/fixtures.js';
import { agreementWithGensim, expectAgreement, type GensimKeyedVectors } from './gensim-agreement.js';

const script = fixture('scripts', 'gensim_keyedvectors.py');
const model = fixture('reference', 'glove6b100-subset.bin');

/** Runs the script as `python3 SCRIPT ARGS…` would (its folder first on the import path). */
const RUN_SCRIPT = `
import os, runpy, sys
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(sys.argv[0]))
runpy.run_path(sys.argv[0], run_name='__main__')`;
const sts = join(REPO_ROOT, 'packages', 'datasets', 'data', 'sts', 'sts-test.csv.gz');

describeIf(hasGensim, 'gensim 4.2 and pyemd are needed (apt-get install -y python3-gensim python3-pyemd)')(
  'KeyedVectors methods against gensim 4.2 run now (fixtures/scripts/gensim_keyedvectors.py)',
  () => {
    let kv: WordVectors;
    let gensim: GensimKeyedVectors;
    beforeAll(async () => {
      kv = await readVectors(model);
      gensim = JSON.parse(runPython(RUN_SCRIPT, [script, model, sts]));
    });

    it('gives the answers gensim gives, method by method', () => {
      const rows = agreementWithGensim(kv, gensim);
      expectAgreement(rows);
      expect(rows.find((r) => r.method === 'wmdistance')!.cases).toBe(205);
    });
  },
);
