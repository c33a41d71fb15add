/**
 * The Forth kernel as a cached artefact: its assembled object (sections,
 * symbols, relocations) serialised as JSON, built from src/forth/kernel.ts
 * once and found again by the key over that generator's import graph. The
 * Forth registers it itself: the host knows nothing of the Forth.
 */

import fs from 'node:fs';
import { defineArtifact } from '../host/build/artifacts.js';
import type { ObjectCode } from '../x86/assembler.js';

interface SerialObject extends Omit<ObjectCode, 'sections'> {
  sections: (Omit<ObjectCode['sections'][number], 'bytes'> & { bytes: string })[];
}

function serialize(o: ObjectCode): SerialObject {
  return { ...o, sections: o.sections.map((s) => ({ ...s, bytes: Buffer.from(s.bytes).toString('base64') })) };
}

function deserialize(o: SerialObject): ObjectCode {
  return { ...o, sections: o.sections.map((s) => ({ ...s, bytes: new Uint8Array(Buffer.from(s.bytes, 'base64')) })) };
}

export const FORTH_KERNEL = defineArtifact({
  name: 'forth-kernel.json',
  description: 'Forth kernel (assembled object, loaded into a sidecar on first use)',
  executable: false,
  generator: new URL('./kernel.js', import.meta.url),
  build: async () => {
    const { buildForthKernel } = await import('./kernel.js');
    return Buffer.from(JSON.stringify(serialize(buildForthKernel())));
  },
});

let object: ObjectCode | null = null;

/** The Forth kernel's object (read from the cache, built on first use). */
export async function forthKernelObject(): Promise<ObjectCode> {
  if (object) return object;
  const file = await FORTH_KERNEL.file();
  object = deserialize(JSON.parse(fs.readFileSync(file.path, 'utf8')));
  return object;
}
