/**
 * Packing for the GEMM micro-kernel: a block of op(A) (rows x depth) or of
 * op(B) (depth x columns) copied into consecutive micro-panels of R rows
 * (R = MR for A, NR for B), each panel stored step by step over the depth:
 * panel[p*R + i] = element (i, p). A last panel of fewer than R rows is
 * padded with zeros, so the micro-kernel always computes a full tile.
 *
 * Strides are in bytes and given at run time, so one routine packs A or B,
 * transposed or not, and strided views: `strideR` steps from one of the R
 * rows to the next, `strideK` one step in depth. Where the R rows are
 * contiguous (B not transposed: a row of op(B) is a row of B) and R is a
 * whole number of vectors, a full panel is copied a vector at a time.
 *
 * A local routine of the GEMM image (not the C ABI):
 *   rdi  source (element (0, 0))   rsi  destination (64-byte aligned)
 *   rdx  rows (>= 1)               rcx  depth (>= 1)
 *   r8   strideR in bytes          r9   strideK in bytes
 * It uses rax, r10, r11, xmm0 and the first R/lanes vector registers.
 */

import {
  type Assembler,
  dword,
  type Label,
  qword,
  r8,
  r9,
  r10,
  r11,
  rax,
  rcx,
  rdi,
  rdx,
  rsi,
  xmm0,
} from '../x86/index.js';
import type { Vector } from './vector.js';

/** Emits the packing routine for panels of `R` rows at `entry`. */
export function emitPack(a: Assembler, v: Vector, R: number, entry: Label): void {
  const panelStep = R * v.es;
  const panel = a.label();
  const scalar = a.label();
  const next = a.label();
  const partial = a.label();
  const done = a.label();
  const vectors = R % v.lanes === 0 ? R / v.lanes : 0;

  a.align(16);
  a.bind(entry);
  a.bind(panel);
  a.cmp(rdx, R);
  a.jb(partial);
  a.mov(r10, rdi);
  a.mov(rax, rcx);
  if (vectors > 0) {
    const contiguous = a.label();
    a.cmp(r8, v.es);
    a.jne(scalar);
    a.align(16);
    a.bind(contiguous);
    for (let j = 0; j < vectors; j++) v.load(a, v.v(j), v.vec(r10, j * v.width));
    for (let j = 0; j < vectors; j++) v.store(a, v.vec(rsi, j * v.width), v.v(j));
    a.add(rsi, panelStep);
    a.add(r10, r9);
    a.dec(rax);
    a.jnz(contiguous);
    a.jmp(next);
  }
  // A full panel, element by element: R loads R rows apart, R consecutive stores.
  a.align(16);
  a.bind(scalar);
  a.mov(r11, r10);
  for (let i = 0; i < R; i++) {
    v.loadScalar(a, xmm0, v.elem(r11));
    v.storeScalar(a, v.elem(rsi, i * v.es), xmm0);
    if (i + 1 < R) a.add(r11, r8);
  }
  a.add(rsi, panelStep);
  a.add(r10, r9);
  a.dec(rax);
  a.jnz(scalar);
  a.bind(next);
  // The next panel starts R rows further.
  a.imul(rax, r8, R);
  a.add(rdi, rax);
  a.sub(rdx, R);
  a.jnz(panel);
  a.bind(done);
  a.ret();

  // The last panel, rdx < R rows: copy them, zero the rest.
  a.bind(partial);
  const step = a.label();
  const copy = a.label();
  const pad = a.label();
  const stepDone = a.label();
  a.mov(r10, rdi);
  a.mov(rax, rcx);
  a.bind(step);
  a.mov(r11, r10);
  a.xor(rdi, rdi);
  a.bind(copy);
  v.loadScalar(a, xmm0, v.elem(r11));
  v.storeScalar(a, v.elemAt(rsi, rdi), xmm0);
  a.add(r11, r8);
  a.inc(rdi);
  a.cmp(rdi, rdx);
  a.jb(copy);
  a.bind(pad);
  a.cmp(rdi, R);
  a.jae(stepDone);
  a.mov(v.es === 8 ? qword(rsi, rdi, 8) : dword(rsi, rdi, 4), 0);
  a.inc(rdi);
  a.jmp(pad);
  a.bind(stepDone);
  a.add(rsi, panelStep);
  a.add(r10, r9);
  a.dec(rax);
  a.jnz(step);
  a.ret();
}
