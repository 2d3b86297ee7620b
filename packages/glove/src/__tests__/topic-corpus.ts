import { Random } from '@embedkit/core-math';

/**
 * A small synthetic corpus with structure to learn: each sentence draws its content words from one of
 * two topics (`sea0..sea9`, `land0..land9`) and mixes in shared function words, so words of one topic
 * co-occur with each other and never with the other topic's.
 */
export function topicCorpus(sentences: number, seed = 7): string[][] {
  const random = new Random(seed);
  const topics = ['sea', 'land'].map((topic) => Array.from({ length: 10 }, (_, i) => `${topic}${i}`));
  const functionWords = ['the', 'of', 'and', 'a', 'to'];
  return Array.from({ length: sentences }, () => {
    const topic = topics[random.nextInt(2)]!;
    return Array.from({ length: 12 }, () =>
      random.nextFloat() < 0.3 ? functionWords[random.nextInt(5)]! : topic[random.nextInt(10)]!,
    );
  });
}
