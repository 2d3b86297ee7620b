export { checkOptions } from './options.js';
export { loadPlugin } from './plugins.js';
export type { PpmiSvdOptions } from './ppmi-svd.js';
export { ppmiSvd, trainPpmiSvd } from './ppmi-svd.js';
export { createRegistry } from './registry.js';
