import { ConfigError, WordVectors, cosine } from '@embedkit/core-math';
import { readVectors } from '@embedkit/vector-io';
import { fixture } from '#test-utils/fixtures.js';
import { wordFrequencies } from '@embedkit/datasets';
import { describe, expect, it } from 'vitest';
import { SemanticIndex, TextEmbedder, readWordFrequencies } from '../index.js';
import { toyVectors } from './toy-embedders.js';

describe('SemanticIndex on hand-made vectors', () => {
  const embedder = new TextEmbedder(toyVectors());
  const ids = ['d-cat', 'd-dog', 'd-mixed', 'd-empty'];
  const texts = ['cat cat', 'dog', 'cat dog fish', 'nothing known'];

  it('ranks documents by cosine similarity with the query', () => {
    const index = SemanticIndex.build(embedder, ids, texts);
    expect(index.size).toBe(4);
    const hits = index.search('cat', { k: 4 });
    expect(hits.map((hit) => hit.id)).toEqual(['d-cat', 'd-mixed', 'd-dog', 'd-empty']);
    const mixed = embedder.embed('cat dog fish').vector;
    expect(hits[1]!.score).toBeCloseTo(cosine(new Float32Array([1, 0]), mixed), 6);
    expect(hits[2]!.score).toBeCloseTo(0, 6);
    expect(hits[3]!.score).toBe(0);
    expect(index.search('dog', { k: 1 })).toEqual([{ id: 'd-dog', score: expect.closeTo(1, 6) }]);
  });

  it('returns nothing for a query without any known word', () => {
    expect(SemanticIndex.build(embedder, ids, texts).search('unknown words')).toEqual([]);
  });

  it('builds the same index from an async stream of documents', async () => {
    async function* documents(): AsyncGenerator<{ id: string; text: string }> {
      for (let i = 0; i < ids.length; i++) yield { id: ids[i]!, text: texts[i]! };
    }
    const streamed = await SemanticIndex.buildStream(embedder, documents(), { batchSize: 3 });
    const built = SemanticIndex.build(embedder, ids, texts);
    expect([...streamed.vectors.keys()]).toEqual(ids);
    expect(Array.from(streamed.vectors.matrix)).toEqual(Array.from(built.vectors.matrix));
  });

  it('rejects mismatched inputs, repeated ids and a bad k', () => {
    expect(() => SemanticIndex.build(embedder, ['a'], texts)).toThrow(ConfigError);
    expect(() => SemanticIndex.build(embedder, ['a', 'a'], ['cat', 'dog'])).toThrow(ConfigError);
    const index = SemanticIndex.build(embedder, ids, texts);
    expect(() => index.search('cat', { k: 0 })).toThrow(ConfigError);
    expect(
      () => new SemanticIndex(new TextEmbedder(toyVectors(), { method: 'mean-max' }), index.vectors),
    ).toThrow(/dimension/);
    expect(index.vectors).toBeInstanceOf(WordVectors);
  });
});

describe('SemanticIndex with word2vec vectors trained on text8-head', () => {
  const documents: [string, string][] = [
    ['war', 'The army attacked the city, and many soldiers were killed in the battle.'],
    ['music', 'The composer wrote a symphony for piano and orchestra.'],
    ['football', 'The team won the championship after scoring two goals in the final.'],
    ['church', 'The bishop led the church and its catholic priests.'],
    ['computer', 'The software runs on the operating system of the machine.'],
    ['space', 'The rocket launched a satellite into orbit around the earth.'],
    ['food', 'She cooked rice and meat with vegetables for dinner.'],
    ['election', 'The party won the election and its leader formed a government.'],
  ];
  // Paraphrases that share (almost) no content word with their document.
  const queries: [string, string][] = [
    ['war', 'Troops invaded the town during the war'],
    ['music', 'A musician composed an opera'],
    ['football', 'Players beat the other club in the league cup'],
    ['church', 'The pope and the clergy of the christian religion'],
    ['computer', 'Programs for computers and hardware'],
    ['space', 'Astronauts flew a spacecraft to the moon'],
    ['food', 'A meal of bread, cheese and fruit'],
    ['election', 'Voters chose a new parliament and prime minister'],
  ];

  it('finds the paraphrased document first, with mean and with SIF pooling', async () => {
    const vectors = await readVectors(fixture('reference', 'gensim-text8head-sg25.bin'));
    const frequencies = await readWordFrequencies(await wordFrequencies.enwiki.path());
    const texts = documents.map(([, text]) => text);
    const embedders = [
      new TextEmbedder(vectors, { tokenizer: 'unicode-word', lowercase: true }),
      new TextEmbedder(vectors, {
        tokenizer: 'unicode-word',
        lowercase: true,
        method: 'sif',
        frequencies,
      }).fit(texts),
    ];
    for (const embedder of embedders) {
      const index = SemanticIndex.build(
        embedder,
        documents.map(([id]) => id),
        texts,
      );
      for (const [expected, query] of queries) {
        expect(index.search(query, { k: 1 })[0]?.id, `${embedder.method}: ${query}`).toBe(expected);
      }
    }
  });
});
