/**
 * The two generated artefacts, built once per process and kept in the
 * content-addressed cache: the channel addon and the sidecar executable.
 */

import { buildKernel } from '../native/kernel.js';
import { type CachedFile, cacheFile } from './cache.js';

let kernel: CachedFile | null = null;

/** The sidecar executable in the cache (built and written on first use). */
export function kernelFile(): CachedFile {
  kernel ??= cacheFile('sidecar', buildKernel(), true);
  return kernel;
}

export { channelAddon, channelAddonPath } from './addon.js';
