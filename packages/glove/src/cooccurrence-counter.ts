import { RunStore } from '#run-store';
import type { CooccurrenceMatrix } from './cooccurrence-matrix.js';
import { DenseRegion, DenseRegionSource } from './dense-region.js';
import { MatrixBuilder } from './matrix-builder.js';
import type { MemoryPlan } from './memory-plan.js';
import { planMemory } from './memory-plan.js';
import { mergeSources } from './merge-runs.js';
import type { MergeSink, MergeSource } from './merge-records.js';
import type { RunReader } from './run-files.js';
import { SparseTable, SparseTableSource } from './sparse-table.js';
import type { WindowWeights } from './window-weights.js';
import { windowWeights } from './window-weights.js';

/** What a {@link CooccurrenceCounter} counts and with how much memory. */
export interface CounterSettings {
  /** Number of words; ids run from 0 to vocabSize - 1 in frequency order. */
  readonly vocabSize: number;
  readonly window: number;
  readonly symmetric: boolean;
  /** Memory budget in megabytes. */
  readonly memory: number;
  /** Parent directory of the temporary run directory; default `os.tmpdir()`. */
  readonly tmpDir: string | undefined;
}

/**
 * Counts weighted co-occurrences of id sequences as Stanford `cooccur` does: for each token, every
 * earlier token of the same sentence at distance d <= window adds 1/d to X[earlier][token] (and,
 * when symmetric, to X[token][earlier]). Frequent pairs accumulate in a {@link DenseRegion}, the rest
 * in a {@link SparseTable} that spills sorted runs to a private temporary directory when it reaches
 * its share of the memory budget; {@link CooccurrenceCounter.finish} merges everything.
 *
 * Call {@link CooccurrenceCounter.dispose} when done (also after a failure): it removes the
 * temporary directory.
 */
export class CooccurrenceCounter {
  readonly #settings: CounterSettings;
  readonly #weights: WindowWeights;
  readonly #plan: MemoryPlan;
  readonly #dense: DenseRegion;
  readonly #table: SparseTable;
  readonly #spillAt: number;
  readonly #runs: string[] = [];
  readonly #store: RunStore;
  #spilledRuns = 0;
  #mergePasses = 0;
  #tokens = 0;

  /** @throws ConfigError when the memory budget cannot hold the pairs of one token */
  constructor(settings: CounterSettings) {
    this.#settings = settings;
    const pairsPerToken = settings.symmetric ? 2 * settings.window : settings.window;
    this.#plan = planMemory(settings.memory, pairsPerToken, settings.vocabSize);
    this.#weights = windowWeights(settings.window);
    this.#dense = new DenseRegion(settings.vocabSize, this.#plan.denseCells);
    this.#table = new SparseTable(settings.vocabSize, this.#plan.sparseCapacity);
    this.#spillAt = this.#table.limit - pairsPerToken;
    this.#store = new RunStore(settings.tmpDir, settings.memory);
  }

  /** Tokens counted so far. */
  get tokens(): number {
    return this.#tokens;
  }

  /** Runs spilled to disk so far. */
  get spilledRuns(): number {
    return this.#spilledRuns;
  }

  /**
   * Counts one sentence of word ids (contexts never cross sentences). May spill a run to disk.
   *
   * @throws IoError when a run cannot be written
   */
  addSentence(ids: ArrayLike<number>): void {
    const { window, symmetric } = this.#settings;
    const increments = this.#weights.increments;
    const { rowLengths, rowStarts, cells } = this.#dense;
    const table = this.#table;
    const n = ids.length;
    for (let j = 0; j < n; j++) {
      if (table.size > this.#spillAt) this.#spill();
      const word = ids[j]!;
      const first = j > window ? j - window : 0;
      for (let k = j - 1; k >= first; k--) {
        const context = ids[k]!;
        const increment = increments[j - k]!;
        if (word < rowLengths[context]!) cells[rowStarts[context]! + word]! += increment;
        else table.add(context, word, increment);
        if (symmetric) {
          if (context < rowLengths[word]!) cells[rowStarts[word]! + context]! += increment;
          else table.add(word, context, increment);
        }
      }
    }
    this.#tokens += n;
  }

  /**
   * Merges the dense region, the sparse table and any spilled runs into one sorted matrix.
   *
   * @throws IoError when a run cannot be written or read; CancelledError when `signal` aborts
   */
  async finish(signal?: AbortSignal): Promise<CooccurrenceMatrix> {
    const { fanIn, bufferRecords } = this.#plan;
    if (this.#runs.length > 0) this.#spill();
    while (this.#runs.length > fanIn) {
      const group = this.#runs.splice(0, fanIn);
      const output = this.#store.writer(bufferRecords);
      try {
        await this.#mergeRuns(group, output, signal);
      } finally {
        output.close();
      }
      for (const path of group) this.#store.remove(path);
      this.#runs.push(output.path);
      this.#mergePasses++;
    }
    const builder = new MatrixBuilder(this.#settings.vocabSize, this.#weights.scale);
    const inMemory: MergeSource[] = [new DenseRegionSource(this.#dense)];
    if (this.#spilledRuns === 0) inMemory.push(new SparseTableSource(this.#table));
    await this.#mergeRuns(this.#runs, builder, signal, inMemory);
    return builder.finish({
      tokens: this.#tokens,
      spilledRuns: this.#spilledRuns,
      mergePasses: this.#mergePasses,
    });
  }

  /** Removes the temporary directory and every run in it. Safe to call more than once. */
  dispose(): void {
    this.#store.dispose();
    this.#runs.length = 0;
  }

  async #mergeRuns(
    paths: readonly string[],
    sink: MergeSink,
    signal: AbortSignal | undefined,
    inMemory: readonly MergeSource[] = [],
  ): Promise<void> {
    const readers: RunReader[] = [];
    try {
      for (const path of paths) readers.push(this.#store.reader(path, this.#plan.bufferRecords));
      await mergeSources([...inMemory, ...readers], sink, signal);
    } finally {
      for (const reader of readers) reader.close();
    }
  }

  #spill(): void {
    const writer = this.#store.writer(this.#plan.bufferRecords);
    try {
      const source = new SparseTableSource(this.#table);
      for (; source.key !== Number.POSITIVE_INFINITY; source.advance()) writer.push(source.key, source.sum);
    } finally {
      writer.close();
    }
    this.#runs.push(writer.path);
    this.#spilledRuns++;
    this.#table.clear();
  }
}
