/**
 * The generated artefacts, as a registry: each names the module that
 * generates it, and is built once, kept in the content-addressed cache and
 * found again by a key over that module's import graph. A warm start reads
 * one `.ref` file and checks one hash; it never imports the generator (nor
 * the assembler under it), which is loaded only when something must be built.
 *
 * The host registers the channel addon and the sidecar executable; layers
 * above (the Forth) register their own artefacts when they are imported.
 */

import { type CachedFile, type CacheProbe, findBuilt, probeFile, recordBuilt } from './cache.js';
import { generatorKey } from './keys.js';

export interface ArtifactSpec {
  /** The cache file name prefix. */
  name: string;
  description: string;
  executable: boolean;
  /** The module that generates it: its import graph is the cache key. */
  generator: URL;
  /** Data files the generator reads (part of the key). */
  data?: () => readonly URL[];
  /** Generates the bytes (imports the generator on demand). */
  build: () => Promise<Uint8Array>;
}

export interface Artifact extends ArtifactSpec {
  /** Its bytes, built once per process. */
  bytes(): Promise<Uint8Array>;
  /** Its file in the cache, built and written on first use (once per process). */
  file(): Promise<CachedFile>;
  /** The file if this process already has it (after `file()` resolved). */
  readonly ready: CachedFile | null;
}

const registry: Artifact[] = [];

/** Registers an artefact (once per name). */
export function defineArtifact(spec: ArtifactSpec): Artifact {
  const known = registry.find((a) => a.name === spec.name);
  if (known) return known;
  let bytes: Promise<Uint8Array> | null = null;
  let file: Promise<CachedFile> | null = null;
  let ready: CachedFile | null = null;
  let key: string | null = null;
  const a: Artifact = {
    ...spec,
    bytes: () => {
      bytes ??= spec.build();
      return bytes;
    },
    file: () => {
      file ??= (async () => {
        key ??= generatorKey(spec.generator, spec.data?.() ?? []);
        const found = findBuilt(spec.name, key, spec.executable);
        ready = found ?? recordBuilt(spec.name, key, await a.bytes(), spec.executable);
        return ready;
      })();
      file.catch(() => {
        file = null; // a failed build may be retried
      });
      return file;
    },
    get ready() {
      return ready;
    },
  };
  registry.push(a);
  return a;
}

/** Every registered artefact, in registration order. */
export function artifacts(): readonly Artifact[] {
  return registry;
}

/** Whether an artefact is in the cache (building its bytes to know their hash), without writing anything. */
export async function probeArtifact(a: Artifact): Promise<CacheProbe> {
  return probeFile(a.name, await a.bytes(), a.executable);
}
