/**
 * The public surface of `@embedkit/datasets`: the exact set of values the root exports and the
 * signatures users call. An export added, removed or changed by accident fails here; a deliberate
 * change updates this file in the same commit.
 */
import { describe, expectTypeOf, test } from 'vitest';
import type * as root from '../index.js';

describe('@embedkit/datasets', () => {
  test('exports exactly these values', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<
      | 'AnalogySet'
      | 'DATA_DIR'
      | 'DataFile'
      | 'SimilaritySet'
      | 'StsSplit'
      | 'allDataFiles'
      | 'analogySets'
      | 'cacheDir'
      | 'corpora'
      | 'dataFile'
      | 'similaritySets'
      | 'stsBenchmark'
      | 'wordFrequencies'
    >();
  });

  test('signatures', () => {
    expectTypeOf<typeof root.dataFile>().toEqualTypeOf<(id: string) => root.DataFile | undefined>();
    expectTypeOf<typeof root.cacheDir>().toEqualTypeOf<() => string>();
    expectTypeOf<root.AnalogySet>().toExtend<root.DataFile>();
    expectTypeOf<root.SimilaritySet>().toExtend<root.DataFile>();
    expectTypeOf<root.StsSplit>().toExtend<root.DataFile>();
    expectTypeOf<root.DataFile['path']>().toEqualTypeOf<() => Promise<string>>();
  });
});
