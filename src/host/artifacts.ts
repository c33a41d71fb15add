/**
 * The generated artefacts, each built once and kept in the content-addressed
 * cache: the channel addon, the sidecar executable and the Forth kernel's
 * assembled object. A warm start finds them by their generator key (a hash
 * of the modules that generate them) without running the assembler.
 */

import fs from 'node:fs';
import { buildForthKernel } from '../forth/kernel.js';
import { buildKernel } from '../native/kernel.js';
import type { ObjectCode } from '../x86/assembler.js';
import { ADDON_NAME, channelAddonBytes, channelAddonFile } from './addon.js';
import { type CachedFile, type CacheProbe, cachedBuild, generatorKey, probeFile } from './cache.js';
import { generatorModules } from './generators.js';

/** The cache file name prefix of the sidecar executable. */
const KERNEL_NAME = 'sidecar';

let kernel: CachedFile | null = null;
let kernelBytes: Uint8Array | null = null;

function buildKernelOnce(): Uint8Array {
  kernelBytes ??= buildKernel();
  return kernelBytes;
}

/** The sidecar executable in the cache (built and written on first use). */
export function kernelFile(): CachedFile {
  if (!kernel) {
    const key = generatorKey(generatorModules(['../native/kernel.js', '../native/protocol.js', '../native/start.js']));
    kernel = cachedBuild(KERNEL_NAME, key, buildKernelOnce, true);
  }
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

let forthObject: ObjectCode | null = null;

/** The Forth kernel as an assembled object (sections, symbols, relocations), cached as JSON. */
export function forthKernelObject(): ObjectCode {
  if (forthObject) return forthObject;
  const key = generatorKey(generatorModules(['../forth/kernel.js', '../forth/layout.js']));
  const file = cachedBuild(
    'forth-kernel.json',
    key,
    () => Buffer.from(JSON.stringify(serialize(buildForthKernel()))),
    false,
  );
  forthObject = deserialize(JSON.parse(fs.readFileSync(file.path, 'utf8')));
  return forthObject;
}

interface SerialObject extends Omit<ObjectCode, 'sections'> {
  sections: (Omit<ObjectCode['sections'][number], 'bytes'> & { bytes: string })[];
}

function serialize(o: ObjectCode): SerialObject {
  return { ...o, sections: o.sections.map((s) => ({ ...s, bytes: Buffer.from(s.bytes).toString('base64') })) };
}

function deserialize(o: SerialObject): ObjectCode {
  return { ...o, sections: o.sections.map((s) => ({ ...s, bytes: new Uint8Array(Buffer.from(s.bytes, 'base64')) })) };
}

export { channelAddon, channelAddonFile } from './addon.js';
