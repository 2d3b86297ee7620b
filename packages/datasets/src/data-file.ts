import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync, createGunzip } from 'node:zlib';
import { IoError } from '@embedkit/core-math';

/** Where a data set comes from, how to cite it and the terms it is shared under. */
export interface DatasetSource {
  /** Who made it and where it was published or downloaded from. */
  readonly origin: string;
  /** The paper to cite. */
  readonly citation: string;
  /** The licence or terms of use, as the authors state them. */
  readonly licence: string;
}

/** What describes one shipped file. */
export interface DataFileInfo {
  /** A short stable name, e.g. `wordsim353`. */
  readonly id: string;
  /** A human-readable title. */
  readonly title: string;
  /** The stored file under the package's `data/` folder, e.g. `eval/wordsim353.tsv` or `corpora/text8-head.txt.gz`. */
  readonly file: string;
  /** The size in bytes of the plain (uncompressed) text. */
  readonly bytes: number;
  /** Origin, citation and licence. */
  readonly source: DatasetSource;
}

/** The folder that holds the package's data files (beside `dist/` and `src/`). */
export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

/**
 * The folder compressed sets are decompressed into, once, so that functions taking a path can
 * read them: `EMBEDKIT_DATA_CACHE` when set, else `embedkit-datasets` in the OS temp folder.
 */
export function cacheDir(): string {
  return process.env.EMBEDKIT_DATA_CACHE ?? join(tmpdir(), 'embedkit-datasets');
}

/**
 * One file shipped with the package: its description, where it is stored, and how to get it as a
 * plain-text path or as text. Compressed files (`.gz`) are read through Node's `zlib`.
 */
export class DataFile implements DataFileInfo {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly bytes: number;
  readonly source: DatasetSource;

  constructor(info: DataFileInfo) {
    this.id = info.id;
    this.title = info.title;
    this.file = info.file;
    this.bytes = info.bytes;
    this.source = info.source;
  }

  /** The absolute path of the stored file (compressed when {@link compressed}). */
  get storedPath(): string {
    return join(DATA_DIR, this.file);
  }

  /** Whether the file is stored gzip-compressed. */
  get compressed(): boolean {
    return this.file.endsWith('.gz');
  }

  /**
   * The path of the plain text. For a compressed file, the text is decompressed once into
   * {@link cacheDir} (written to a temporary name, then renamed) and that copy's path returned;
   * a cached copy of the wrong size is written again.
   * @throws IoError when the stored file is missing or the cache cannot be written
   */
  async path(): Promise<string> {
    if (!this.compressed) {
      await this.#checkStored();
      return this.storedPath;
    }
    const target = join(cacheDir(), basename(this.file, '.gz'));
    const cached = await stat(target).catch(() => undefined);
    if (cached?.isFile() && cached.size === this.bytes) return target;
    await this.#checkStored();
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      await mkdir(dirname(target), { recursive: true });
      const output = await open(temporary, 'w');
      try {
        await pipeline(createReadStream(this.storedPath), createGunzip(), output.createWriteStream());
      } finally {
        await output.close().catch(() => undefined);
      }
      const written = await stat(temporary);
      if (written.size !== this.bytes) {
        throw new Error(`decompressed to ${written.size} bytes, expected ${this.bytes}`);
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new IoError(target, `cannot decompress ${this.storedPath} (${(error as Error).message})`, error);
    }
    return target;
  }

  /**
   * The file's text (UTF-8), decompressed in memory when stored compressed.
   * @throws IoError when the stored file is missing or unreadable
   */
  async text(): Promise<string> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.storedPath);
      if (this.compressed) bytes = gunzipSync(bytes);
    } catch (error) {
      throw new IoError(this.storedPath, `cannot read ${this.title} (${(error as Error).message})`, error);
    }
    return bytes.toString('utf8');
  }

  async #checkStored(): Promise<void> {
    const stored = await stat(this.storedPath).catch(() => undefined);
    if (!stored?.isFile()) {
      throw new IoError(
        this.storedPath,
        `${this.title} is missing from @embedkit/datasets (reinstall the package)`,
      );
    }
  }
}
