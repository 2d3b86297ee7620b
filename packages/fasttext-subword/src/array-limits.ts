import { constants } from 'node:buffer';

/** The most floats one `Float32Array` holds in this runtime (2^30 in Node 20; far more from Node 22). */
export const MAX_FLOAT32_LENGTH = Math.floor(constants.MAX_LENGTH / 4);
