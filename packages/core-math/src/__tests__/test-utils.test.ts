import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '#test-utils/shared-data.js';

describeWithSharedData('shared data', () => {
  it('is laid out as its README says', () => {
    expect(existsSync(sharedData('corpora', 'lee_background.cor'))).toBe(true);
    expect(existsSync(sharedData('reference', 'w2v-lee-sg.bin'))).toBe(true);
  });
});
