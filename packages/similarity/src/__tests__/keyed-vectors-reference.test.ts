import { readFileSync } from 'node:fs';
import type { WordVectors } from '@embedkit/core-math';
import { readVectors } from '@embedkit/vector-io';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { agreementWithGensim, expectAgreement, type GensimKeyedVectors } from './gensim-agreement.js';

/** gensim 4.2's answers, recorded by fixtures/scripts/gensim_keyedvectors.py. */
const recorded: GensimKeyedVectors = JSON.parse(
  readFileSync(fixture('reference', 'gensim-keyedvectors.json'), 'utf8'),
);

describe('KeyedVectors methods against gensim 4.2 (recorded), on GloVe 6B 100-d (2,292 words)', () => {
  let kv: WordVectors;
  beforeAll(async () => {
    kv = await readVectors(fixture('reference', 'glove6b100-subset.bin'));
  });

  it('gives the answers gensim recorded, method by method', () => {
    const rows = agreementWithGensim(kv, recorded);
    expectAgreement(rows);
    expect(rows.find((r) => r.method === 'wmdistance')!.cases).toBe(205);
  });
});
