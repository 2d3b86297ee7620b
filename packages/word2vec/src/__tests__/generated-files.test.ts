import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedAndFresh } from '../../../core-math/scripts/kernels-wasm-build.js';
import { SENTENCE_BUILD, layoutModules, packageRoot } from '../../scripts/sentence-wasm-build.js';
import { TABLE_HEADER_WORDS, TABLE_LAYOUT } from '../generated/sentence-layout.js';

// After editing assembly/sentence-layout.json or assembly/sentence.ts: `pnpm --filter @embedkit/word2vec generate`.
describe('the generated files of the sentence loop', () => {
  it('hold the layout of assembly/sentence-layout.json, in TypeScript and in AssemblyScript', async () => {
    for (const [path, text] of await layoutModules()) {
      expect(await readFile(join(packageRoot, path), 'utf8'), path).toBe(text);
    }
    // Both sides read the one definition: a field's index is the same on each.
    const assembly = await readFile(join(packageRoot, 'assembly/generated/sentence-layout.ts'), 'utf8');
    expect(assembly).toContain(`export const T_ALIAS_TABLE: i32 = ${TABLE_LAYOUT.aliasTable};`);
    expect(TABLE_LAYOUT.factor + 2).toBeLessThanOrEqual(TABLE_HEADER_WORDS);
  });

  it('hold the module assembly/sentence.ts compiles to now', async () => {
    const { committed, fresh } = await committedAndFresh(SENTENCE_BUILD);
    expect(committed).toBe(fresh);
  });
});
