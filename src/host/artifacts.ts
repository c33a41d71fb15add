/**
 * The generated artefacts, each built once and kept in the content-addressed
 * cache: the channel addon, the sidecar executable and the Forth kernel's
 * assembled object. A warm start finds them by their generator key without
 * running the assembler.
 */

import fs from 'node:fs';
import type { ObjectCode } from '../asm/assembler.js';
import { buildForthKernel } from '../forth/kernel.js';
import { buildKernel } from '../native/kernel.js';
import { type CachedFile, cachedBuild, generatorKey } from './cache.js';

const here = (p: string): URL => new URL(p, import.meta.url);
/** Modules whose code decides the bytes of the artefacts. */
const ASM = ['../asm/forms.js', '../asm/encoder.js', '../asm/assembler.js', '../asm/operands.js', '../asm/link.js'];
const ELF = ['../elf/writer.js', '../elf/elf.js'];

let kernel: CachedFile | null = null;

/** The sidecar executable in the cache (built and written on first use). */
export function kernelFile(): CachedFile {
  if (!kernel) {
    const key = generatorKey(
      [...ASM, ...ELF, '../native/kernel.js', '../native/hello.js', '../native/protocol.js'].map(here),
    );
    kernel = cachedBuild('sidecar', key, buildKernel, true);
  }
  return kernel;
}

let forthObject: ObjectCode | null = null;

/** The Forth kernel as an assembled object (sections, symbols, relocations), cached as JSON. */
export function forthKernelObject(): ObjectCode {
  if (forthObject) return forthObject;
  const key = generatorKey([...ASM, '../forth/kernel.js', '../forth/layout.js'].map(here));
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

export { channelAddon, channelAddonPath } from './addon.js';
