import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CooccurrenceCounter } from '../cooccurrence-counter.js';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A counter over ids 0..29 fed 200 pseudo-random sentences. */
function countedSentences(memory: number, tmpDir: string): CooccurrenceCounter {
  const counter = new CooccurrenceCounter({ vocabSize: 30, window: 3, symmetric: true, memory, tmpDir });
  let state = 7;
  for (let s = 0; s < 200; s++) {
    const ids = Array.from({ length: 12 }, () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % 30;
    });
    counter.addSentence(ids);
  }
  return counter;
}

describe('CooccurrenceCounter.finish', () => {
  for (const [path, memory] of [
    ['straight from the stores', 1],
    ['through a run on disk (spilled)', 0.05],
  ] as const) {
    it(`lets the sink give back what it holds when the merge fails, ${path}`, async () => {
      const tmpDir = mkdtempSync(join(tmpdir(), 'counter-test-'));
      directories.push(tmpDir);
      const counter = countedSentences(memory, tmpDir);
      let abandoned = 0;
      let pushed = 0;
      let opened = -1;
      const failing = counter.finish((pairs) => {
        opened = pairs;
        return {
          push: () => {
            if (++pushed === 5) throw new Error('the sink broke');
          },
          abandon: () => abandoned++,
        };
      });
      await expect(failing).rejects.toThrow('the sink broke');
      counter.dispose();
      expect(opened).toBeGreaterThan(5);
      expect(abandoned).toBe(1);
      expect(counter.stats.spilledRuns > 0).toBe(memory < 1);
      expect(readdirSync(tmpDir)).toEqual([]);
    });
  }
});
