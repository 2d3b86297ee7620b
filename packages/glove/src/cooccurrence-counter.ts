import { RunStore } from '#run-store';
import type { CooccurrenceStats } from './cooccurrence-matrix.js';
import { DenseRegion, DenseRegionSource } from './dense-region.js';
import type { MemoryPlan } from './memory-plan.js';
import { planMemory } from './memory-plan.js';
import { mergeSources } from './merge-runs.js';
import type { MergeSink, MergeSource } from './merge-records.js';
import type { RunReader } from './run-files.js';
import { SparseTable, SparseTableSource } from './sparse-table.js';
import type { WindowWeights } from './window-weights.js';
import { windowWeights } from './window-weights.js';

/**
 * Stores bigger than this are merged through a run on disk and released before the merged pairs are
 * collected (see {@link CooccurrenceCounter.finish}); smaller ones are merged straight into the sink.
 */
export const STAGED_STORE_BYTES = 16 * 2 ** 20;

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
  #released = false;

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

  /** How the count was made (complete after {@link CooccurrenceCounter.finish}). */
  get stats(): CooccurrenceStats {
    return { tokens: this.#tokens, spilledRuns: this.#spilledRuns, mergePasses: this.#mergePasses };
  }

  /**
   * Merges the dense region, the sparse table and any spilled runs into the sink `open` returns for
   * the number of distinct pairs and the scale of the sums (see `WindowWeights`), in key order, and gives the stores back to the kernel memory (the
   * counter cannot count afterwards). When anything spilled, or the stores take more than
   * {@link STAGED_STORE_BYTES}, the merge goes to one sorted run on disk first and the stores are
   * released before `open` is called, so the sink can reuse their bytes instead of adding to them.
   *
   * @throws IoError when a run cannot be written or read; CancelledError when `signal` aborts
   */
  async finish<Sink extends MergeSink>(
    open: (pairs: number, scale: number) => Sink,
    signal?: AbortSignal,
  ): Promise<Sink> {
    const { fanIn, bufferRecords } = this.#plan;
    if (this.#runs.length > 0) this.#spill();
    while (this.#runs.length > fanIn) {
      this.#runs.push((await this.#mergeIntoRun(this.#runs.splice(0, fanIn), [], signal)).path);
      this.#mergePasses++;
    }
    const inMemory: MergeSource[] = [new DenseRegionSource(this.#dense)];
    if (this.#spilledRuns === 0) inMemory.push(new SparseTableSource(this.#table));
    const small = this.#dense.bytes + this.#table.bytes <= STAGED_STORE_BYTES;
    if (this.#runs.length === 0 && (small || !this.#store.holdsFiles)) {
      // The dense region and the table hold disjoint pairs: their sizes add up to the pairs.
      const sink = open(this.#dense.countNonZero() + this.#table.size, this.#weights.scale);
      await fillOrAbandon(sink, this.#mergeRuns([], sink, signal, inMemory));
      this.#release();
      return sink;
    }
    const merged = await this.#mergeIntoRun(this.#runs.splice(0), inMemory, signal);
    this.#runs.push(merged.path);
    this.#release();
    const reader = this.#store.reader(merged.path, bufferRecords);
    try {
      const sink = open(merged.records, this.#weights.scale);
      await fillOrAbandon(sink, mergeSources([reader], sink, signal));
      return sink;
    } finally {
      reader.close();
    }
  }

  /** Gives the stores back and removes the temporary directory and every run in it. Safe to call more than once. */
  dispose(): void {
    this.#release();
    this.#store.dispose();
    this.#runs.length = 0;
  }

  /** Merges `paths` and `inMemory` into a new run, deletes `paths`, and returns the new run and its length. */
  async #mergeIntoRun(
    paths: readonly string[],
    inMemory: readonly MergeSource[],
    signal: AbortSignal | undefined,
  ): Promise<{ path: string; records: number }> {
    const output = this.#store.writer(this.#plan.bufferRecords);
    let records: number;
    try {
      records = await this.#mergeRuns(paths, output, signal, inMemory);
    } finally {
      output.close();
    }
    for (const path of paths) this.#store.remove(path);
    return { path: output.path, records };
  }

  async #mergeRuns(
    paths: readonly string[],
    sink: MergeSink,
    signal: AbortSignal | undefined,
    inMemory: readonly MergeSource[] = [],
  ): Promise<number> {
    const readers: RunReader[] = [];
    try {
      for (const path of paths) readers.push(this.#store.reader(path, this.#plan.bufferRecords));
      return await mergeSources([...inMemory, ...readers], sink, signal);
    } finally {
      for (const reader of readers) reader.close();
    }
  }

  #release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#dense.release();
    this.#table.release();
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

/** Waits for `filling` (a merge into `sink`); when it fails, lets the sink give back what it holds. */
async function fillOrAbandon(sink: MergeSink, filling: Promise<unknown>): Promise<void> {
  try {
    await filling;
  } catch (error) {
    sink.abandon?.();
    throw error;
  }
}
