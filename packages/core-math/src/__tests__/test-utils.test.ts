import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';

describe('shared data', () => {
  it('is laid out as its README says', () => {
    expect(existsSync(fixture('corpora', 'lee_background.cor'))).toBe(true);
    expect(existsSync(fixture('reference', 'w2v-lee-sg.bin'))).toBe(true);
  });
});
