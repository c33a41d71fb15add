/**
 * Putting machine code into a sidecar: an image (bytes, the offsets of its
 * 64-bit fields to relocate, how much of it is code) is staged in the
 * arena and copied into private memory of the sidecar by the LOAD request,
 * which relocates it and makes the code part read+execute. The staging
 * copy is freed as soon as the request completes.
 */

import { PAGE } from '../channel/layout.js';
import type { FlatImage } from '../link/index.js';
import type { Channel } from './channel.js';
import { LOAD, UNLOAD } from './requests.js';

/** Raw position-independent bytes as an image (entry at offset 0, all of it code). */
export function flatCode(bytes: Uint8Array): FlatImage {
  return { bytes, execSize: Math.ceil(bytes.length / PAGE) * PAGE, relocs: [], symbols: new Map() };
}

/** Copies an image and its relocations into the arena; the LOAD request's arguments. */
function stage(ch: Channel, img: FlatImage): { off: number; args: number[] } {
  const region = ch.region;
  const off = region.arena.alloc(img.bytes.length + img.relocs.length * 4, 64);
  region.u8.set(img.bytes, off);
  const r = off + img.bytes.length;
  img.relocs.forEach((x, k) => {
    region.dv.setUint32(r + k * 4, x, true);
  });
  const args = [region.address + off, img.bytes.length, region.address + r, img.relocs.length, img.execSize];
  return { off, args };
}

/** Loads an image into the sidecar serving `ch`; resolves to its base address there. */
export async function loadImage(ch: Channel, img: FlatImage, timeoutMs: number): Promise<bigint> {
  const { off, args } = stage(ch, img);
  try {
    return (await ch.submit(LOAD, args, timeoutMs)) as bigint;
  } finally {
    ch.region.arena.free(off);
  }
}

export function loadImageSync(ch: Channel, img: FlatImage, timeoutMs: number): bigint {
  const { off, args } = stage(ch, img);
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
