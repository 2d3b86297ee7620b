export { checkOptions } from './options.js';
export type { LoadedModel, LoadModelOptions } from './load-model.js';
export { loadModel } from './load-model.js';
export { loadPlugin } from './plugins.js';
export type { PpmiSvdOptions } from './ppmi-svd.js';
export { ppmiSvd, trainPpmiSvd } from './ppmi-svd.js';
export { createRegistry } from './registry.js';
export { createBrowserRegistry } from './browser-registry.js';
