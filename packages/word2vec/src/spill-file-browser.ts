import type { SpillFile } from './spilled-epochs.js';

/**
 * The browser's `#spill-file`: a page has no temporary folder, so there is no file to spill the
 * encoded ids to, and a streamed corpus is encoded again for every epoch.
 */
export function createSpillFile(_tmpDir: string | undefined): SpillFile | undefined {
  return undefined;
}
