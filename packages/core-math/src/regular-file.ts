/**
 * Opening a model or data file for reading, refusing anything that is not a regular file before it
 * is opened: a directory fails only at the first read (`EISDIR`), a pipe cannot seek (`ESPIPE`) and
 * a FIFO without a writer blocks `open` forever. The file system sits behind the package-internal
 * import `#regular-file` (`regular-file-node.ts` under Node; under the `browser` condition
 * `regular-file-browser.ts`, which refuses every path), so the package stays browser-safe.
 */
import type { FileHandle } from 'node:fs/promises';
import { openRegularFile as openFile } from '#regular-file';

/** A regular file opened for reading by {@link openRegularFile}. */
export interface OpenedRegularFile {
  /** The open handle; the caller closes it. */
  readonly handle: FileHandle;
  /** The file's size in bytes when it was opened. */
  readonly size: number;
}

/**
 * Opens `path` for reading when it is a regular file (a symbolic link to one is followed).
 *
 * @throws IoError naming the path when it does not exist, cannot be opened, or is a directory, a
 *   pipe, a device or a socket (checked before opening, so a FIFO without a writer never blocks);
 *   ConfigError in a browser, which has no file paths
 */
export function openRegularFile(path: string): Promise<OpenedRegularFile> {
  return openFile(path);
}
