/**
 * The Forth kernel linked into a flat image: what the kernel artefact
 * holds (artifact.ts). Its libc imports stay open fields, filled in by each
 * sidecar's load; its import graph (the kernel's generator and the linker)
 * is the artefact's cache key.
 */

import { type FlatImage, linkFlat } from '../link/index.js';
import { buildForthKernel } from './kernel.js';

export function buildForthKernelImage(): FlatImage {
  return linkFlat(buildForthKernel());
}
