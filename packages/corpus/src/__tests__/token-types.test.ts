/** Issue 15, item 9: a corpus of token arrays must hold strings. */
import { ConfigError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../index.js';

async function readAll(corpus: Iterable<readonly unknown[]>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const sentence of sentencesOf(corpus as Iterable<readonly string[]>)) out.push(sentence);
  return out;
}

describe('sentencesOf', () => {
  for (const [token, kind] of [
    [42, 'number'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{ word: 'a' }, 'object'],
  ] as const) {
    it(`refuses a ${kind} token, naming the sentence and the token`, async () => {
      const error = await readAll([
        ['a', 'b'],
        ['c', token],
      ]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).option).toBe('corpus (sentence 2, token 2)');
      expect((error as ConfigError).allowed).toBe(`a string token, not ${kind}`);
    });
  }

  it('passes string tokens through', async () => {
    expect(await readAll([['a', 'b'], [], ['c']])).toEqual([['a', 'b'], ['c']]);
  });
});
