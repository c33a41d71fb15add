/**
 * The two generated artefacts, built once per process and kept in the
 * content-addressed cache: the channel addon and the sidecar executable.
 */

import { buildKernel } from '../native/kernel.js';
import { ADDON_NAME, channelAddonBytes, channelAddonFile } from './addon.js';
import { type CachedFile, type CacheProbe, cacheFile, probeFile } from './cache.js';

let kernel: CachedFile | null = null;
let kernelBytes: Uint8Array | null = null;

/** The cache file name prefix of the sidecar executable. */
export const KERNEL_NAME = 'sidecar';

function buildKernelOnce(): Uint8Array {
  kernelBytes ??= buildKernel();
  return kernelBytes;
}

/** The sidecar executable in the cache (built and written on first use). */
export function kernelFile(): CachedFile {
  kernel ??= cacheFile(KERNEL_NAME, buildKernelOnce(), true);
  return kernel;
}

/** One artefact: what it is, its bytes, and how to put it in the cache. */
export interface Artifact {
  name: string;
  description: string;
  executable: boolean;
  /** Its bytes (built once per process). */
  build(): Uint8Array;
  /** Writes it into the cache if needed (once per process); its path and hash. */
  file(): CachedFile;
}

export const ARTIFACTS: readonly Artifact[] = [
  {
    name: ADDON_NAME,
    description: 'channel addon (N-API shared object loaded by the host)',
    executable: false,
    build: channelAddonBytes,
    file: channelAddonFile,
  },
  {
    name: KERNEL_NAME,
    description: 'sidecar executable (ELF linked to glibc)',
    executable: true,
    build: buildKernelOnce,
    file: kernelFile,
  },
];

/** Whether an artefact is in the cache, without writing anything. */
export function probeArtifact(a: Artifact): CacheProbe {
  return probeFile(a.name, a.build(), a.executable);
}

export { channelAddon, channelAddonFile, channelAddonPath } from './addon.js';
