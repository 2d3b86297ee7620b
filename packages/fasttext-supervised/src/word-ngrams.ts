/** fastText's multiplier when it extends a word n-gram's hash by one more word (`Dictionary::addWordNgrams`). */
const NGRAM_MULTIPLIER = 116049371n;

/**
 * Visits the hashed word n-grams of a line as fastText's `Dictionary::addWordNgrams` computes
 * them: for every start `i` and length 2..`n`, the 64-bit hash `h = h · 116049371 + hash(word j)`,
 * where each word's 32-bit hash is sign-extended as fastText's `int32_t` vector of hashes does,
 * and the n-gram's row is `nwords + h mod bucket`. Nothing is visited when `n < 2` or `bucket` is 0.
 *
 * @param hashes - fastText's hash of every word token of the line (labels excluded), in order
 * @param n - fastText's `wordNgrams`
 * @param bucket - hash buckets
 * @param nwords - rows before the first bucket row
 * @param visit - called with each n-gram's input row
 */
export function forEachWordNgramRow(
  hashes: readonly number[],
  n: number,
  bucket: number,
  nwords: number,
  visit: (row: number) => void,
): void {
  if (n < 2 || bucket <= 0) return;
  const buckets = BigInt(bucket);
  for (let i = 0; i < hashes.length; i++) {
    let h = BigInt.asUintN(64, BigInt(hashes[i]! | 0));
    for (let j = i + 1; j < hashes.length && j < i + n; j++) {
      h = BigInt.asUintN(64, h * NGRAM_MULTIPLIER + BigInt.asUintN(64, BigInt(hashes[j]! | 0)));
      visit(nwords + Number(h % buckets));
    }
  }
}
