/**
 * The GEMM micro-kernel: one MR x NR tile of C from a packed micro-panel of
 * A (KC x MR, column by column) and one of B (KC x NR, row by row),
 *
 *   C[0:MR, 0:NR] = alpha * (Apanel x Bpanel) + beta * C   (C not read when beta = 0)
 *
 * The tile lives in MR x NR/lanes accumulator registers for the whole depth;
 * each step loads NR/lanes vectors of B, broadcasts each of the MR elements
 * of A and does MR x NR/lanes FMAs, unrolled four times. The panels are
 * zero-padded by the packing, so the kernel always computes a full tile; the
 * driver points C at a temporary tile for the edges.
 *
 * A local routine of the GEMM image with its own convention (not the C ABI):
 *   rdi  kc (>= 1)            rsi  packed A       rdx  packed B
 *   rcx  C                    r8   C's row stride in bytes
 *   r9   nonzero: beta is 0   r10  address of { alpha, beta } (8-byte slots)
 * It uses rax, r11 and every vector register, and keeps the others.
 */

import { type Assembler, byte, edi, type Label, r8, r9, r10, r11, rax, rcx, rdi, rdx, rsi } from '../x86/index.js';
import type { Vector, VReg } from './vector.js';

export interface Tile {
  mr: number;
  nr: number;
}

/** Depth steps per iteration of the main loop. */
const UNROLL = 4;

/** Emits the micro-kernel at `entry`. */
export function emitMicroKernel(a: Assembler, v: Vector, tile: Tile, entry: Label): void {
  const { mr, nr } = tile;
  const nv = nr / v.lanes;
  if (!Number.isInteger(nv) || nv < 1) throw new Error(`tile ${mr}x${nr}: NR is not a whole number of vectors`);
  if (mr * nv + nv + 1 > v.count) throw new Error(`tile ${mr}x${nr} needs more than ${v.count} vector registers`);
  const acc = (i: number, j: number): VReg => v.v(i * nv + j);
  const bv = (j: number): VReg => v.v(mr * nv + j);
  const t = v.v(mr * nv + nv); // the broadcast of A, then alpha and beta
  const aStep = mr * v.es;
  const bStep = nr * v.es;

  const step = (u: number): void => {
    for (let j = 0; j < nv; j++) v.load(a, bv(j), v.vec(rdx, u * bStep + j * v.width));
    for (let i = 0; i < mr; i++) {
      v.broadcast(a, t, v.elem(rsi, u * aStep + i * v.es));
      for (let j = 0; j < nv; j++) v.fmadd231(a, acc(i, j), bv(j), t);
    }
  };

  a.align(16);
  a.bind(entry);
  for (let i = 0; i < mr; i++) for (let j = 0; j < nv; j++) v.zero(a, acc(i, j));
  // The C tile is wanted at the end: ask for its lines now.
  a.mov(r11, rcx);
  for (let i = 0; i < mr; i++) {
    a.prefetcht0(byte(r11, 0));
    a.prefetcht0(byte(r11, bStep - 1));
    if (i + 1 < mr) a.add(r11, r8);
  }

  const loop = a.label();
  const rest = a.label();
  const restLoop = a.label();
  const done = a.label();
  a.mov(rax, rdi);
  a.shr(rax, 2);
  a.jz(rest);
  a.align(16);
  a.bind(loop);
  for (let u = 0; u < UNROLL; u++) step(u);
  a.add(rsi, UNROLL * aStep);
  a.add(rdx, UNROLL * bStep);
  a.dec(rax);
  a.jnz(loop);
  a.bind(rest);
  a.and(edi, UNROLL - 1);
  a.jz(done);
  a.bind(restLoop);
  step(0);
  a.add(rsi, aStep);
  a.add(rdx, bStep);
  a.dec(rdi);
  a.jnz(restLoop);

  a.bind(done);
  v.broadcast(a, t, v.elem(r10, 0));
  for (let i = 0; i < mr; i++) for (let j = 0; j < nv; j++) v.mul(a, acc(i, j), acc(i, j), t);
  const overwrite = a.label();
  a.mov(r11, rcx);
  a.test(r9, r9);
  a.jnz(overwrite);
  // C = alpha*AB + beta*C
  v.broadcast(a, t, v.elem(r10, 8));
  for (let i = 0; i < mr; i++) {
    for (let j = 0; j < nv; j++) {
      v.fmadd231(a, acc(i, j), t, v.vec(r11, j * v.width));
      v.store(a, v.vec(r11, j * v.width), acc(i, j));
    }
    if (i + 1 < mr) a.add(r11, r8);
  }
  a.ret();
  // beta = 0: C is written, never read (a NaN there must not leak).
  a.bind(overwrite);
  for (let i = 0; i < mr; i++) {
    for (let j = 0; j < nv; j++) v.store(a, v.vec(r11, j * v.width), acc(i, j));
    if (i + 1 < mr) a.add(r11, r8);
  }
  a.ret();
}
