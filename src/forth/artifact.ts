/**
 * The Forth kernel as a cached artefact: its image, linked when it is built
 * (code, data, base relocations, symbols, and the fields its libc imports
 * go in, which each sidecar's load fills in), serialised as JSON, built from
 * src/forth/kernel-image.ts once and found again by the key over that
 * generator's import graph. So a boot copies an image; it links nothing.
 * The Forth registers the artefact itself: the host knows nothing of the Forth.
 */

import fs from 'node:fs';
import { defineArtifact } from '../host/build/artifacts.js';
import type { FlatImage, ImageImport } from '../link/index.js';

interface SerialImage {
  bytes: string;
  execSize: number;
  relocs: number[];
  symbols: [string, number][];
  imports: ImageImport[];
}

function serialize(img: FlatImage): SerialImage {
  return {
    bytes: Buffer.from(img.bytes).toString('base64'),
    execSize: img.execSize,
    relocs: img.relocs,
    symbols: [...img.symbols],
    imports: [...(img.imports ?? [])],
  };
}

function deserialize(o: SerialImage): FlatImage {
  return {
    bytes: new Uint8Array(Buffer.from(o.bytes, 'base64')),
    execSize: o.execSize,
    relocs: o.relocs,
    symbols: new Map(o.symbols),
    imports: o.imports,
  };
}

export const FORTH_KERNEL = defineArtifact({
  name: 'forth-kernel-image.json',
  description: 'Forth kernel (linked image, loaded into a sidecar on first use)',
  executable: false,
  generator: new URL('./kernel-image.js', import.meta.url),
  build: async () => {
    const { buildForthKernelImage } = await import('./kernel-image.js');
    return Buffer.from(JSON.stringify(serialize(buildForthKernelImage())));
  },
});

let image: FlatImage | null = null;

/** The Forth kernel's image (read from the cache, built on first use). */
export async function forthKernelImage(): Promise<FlatImage> {
  if (image) return image;
  const file = await FORTH_KERNEL.file();
  image = deserialize(JSON.parse(fs.readFileSync(file.path, 'utf8')));
  return image;
}
