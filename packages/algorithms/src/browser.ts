/**
 * The entry of the `browser` export condition: option checks, the `ppmi-svd` baseline and
 * {@link createBrowserRegistry} (the algorithms that train in a page). Left out: `createRegistry`
 * (it registers GloVe and the graph algorithms, which train on `node:worker_threads`, and loads
 * plug-ins from paths), `loadPlugin` and `loadModel`, which read files.
 */
export { createBrowserRegistry } from './browser-registry.js';
export { checkOptions } from './options.js';
export type { PpmiSvdOptions } from './ppmi-svd.js';
export { ppmiSvd, trainPpmiSvd } from './ppmi-svd.js';
