/**
 * Putting machine code into a sidecar: an image (bytes, the offsets of its
 * 64-bit fields to relocate, how much of it is code) is staged in the
 * arena and copied into private memory of the sidecar by the LOAD request,
 * which relocates it and makes the code part read+execute. The staging
 * copy is freed as soon as the request completes. An image's imports are
 * looked up (DLSYM, all at once) in each sidecar it is loaded into and
 * written into the staging copy: a sidecar started again after a restart
 * has its libraries at other addresses.
 */

import { PAGE } from '../channel/layout.js';
import type { FlatImage, ImageImport } from '../link/index.js';
import type { Channel } from './channel.js';
import { DLSYM, LOAD, UNLOAD } from './requests.js';

/** Raw position-independent bytes as an image (entry at offset 0, all of it code). */
export function flatCode(bytes: Uint8Array): FlatImage {
  return { bytes, execSize: Math.ceil(bytes.length / PAGE) * PAGE, relocs: [], symbols: new Map() };
}

/** The names an image imports, each once. */
function importNames(imports: readonly ImageImport[]): string[] {
  return [...new Set(imports.map((i) => i.name))];
}

/**
 * Copies an image and its relocations into the arena, its imports' fields
 * filled from `addresses` (by name); the LOAD request's arguments.
 */
function stage(ch: Channel, img: FlatImage, addresses?: Map<string, bigint>): { off: number; args: number[] } {
  const region = ch.region;
  const off = region.arena.alloc(img.bytes.length + img.relocs.length * 4, 64);
  region.u8.set(img.bytes, off);
  for (const i of img.imports ?? []) {
    const a = addresses?.get(i.name) as bigint;
    region.dv.setBigUint64(off + i.offset, BigInt.asUintN(64, a + BigInt(i.addend)), true);
  }
  const r = off + img.bytes.length;
  img.relocs.forEach((x, k) => {
    region.dv.setUint32(r + k * 4, x, true);
  });
  const args = [region.address + off, img.bytes.length, region.address + r, img.relocs.length, img.execSize];
  return { off, args };
}

/** Loads an image into the sidecar serving `ch`; resolves to its base address there. */
export async function loadImage(ch: Channel, img: FlatImage, timeoutMs: number): Promise<bigint> {
  let addresses: Map<string, bigint> | undefined;
  if (img.imports && img.imports.length > 0) {
    const names = importNames(img.imports);
    const found = await Promise.all(names.map((n) => ch.submit(DLSYM, [0n, n], timeoutMs) as Promise<bigint>));
    addresses = new Map(names.map((n, k) => [n, found[k] as bigint]));
  }
  const { off, args } = stage(ch, img, addresses);
  try {
    return (await ch.submit(LOAD, args, timeoutMs)) as bigint;
  } finally {
    ch.region.arena.free(off);
  }
}

export function loadImageSync(ch: Channel, img: FlatImage, timeoutMs: number): bigint {
  let addresses: Map<string, bigint> | undefined;
  if (img.imports && img.imports.length > 0) {
    addresses = new Map(importNames(img.imports).map((n) => [n, ch.submitSync(DLSYM, [0n, n], timeoutMs) as bigint]));
  }
  const { off, args } = stage(ch, img, addresses);
  try {
    return ch.submitSync(LOAD, args, timeoutMs) as bigint;
  } finally {
    ch.region.arena.free(off);
  }
}

/** Gives an image's memory back in the sidecar (after it is no longer called). */
export function unloadImage(ch: Channel, base: bigint, img: FlatImage, timeoutMs: number): Promise<unknown> {
  return ch.submit(UNLOAD, [base, img.bytes.length], timeoutMs);
}
