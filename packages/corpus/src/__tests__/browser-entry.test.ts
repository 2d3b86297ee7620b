import { describe, expect, it } from 'vitest';
import { sentencesFromBytes, sentencesOf, Vocabulary } from '../browser.js';
import { fileChunks } from '../file-chunks-browser.js';

/** What a page does with the corpus package: vocabularies from in-memory text, never from a path. */
describe('the browser entry', () => {
  it('builds a Vocabulary from in-memory sentences and from bytes, with the same counts', async () => {
    const text = 'the cat sat\nthe dog sat\n__proto__ the end\n';
    const fromBytes = await Vocabulary.build(sentencesFromBytes([new TextEncoder().encode(text)]), {
      minCount: 1,
    });
    const fromArrays = await Vocabulary.build(
      text
        .trim()
        .split('\n')
        .map((line) => line.split(' ')),
      { minCount: 1 },
    );
    expect(fromBytes.toJSON()).toEqual(fromArrays.toJSON());
    expect(fromArrays.count(fromArrays.id('the'))).toBe(3);
    expect(fromArrays.count(fromArrays.id('__proto__'))).toBe(1);
  });

  it('refuses a file path with a ConfigError that says what to give instead', async () => {
    expect(() => fileChunks('corpus.txt', 1024)).toThrow(
      /option corpus: got "corpus.txt", expected sentences as arrays of tokens.*needs Node/,
    );
    const iterate = async () => {
      for await (const _ of sentencesOf('corpus.txt')) break;
    };
    // Under Node the source condition resolves `#file-chunks` to the file reader: an IoError here.
    await expect(iterate()).rejects.toThrow(/corpus\.txt/);
  });
});
