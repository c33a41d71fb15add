/**
 * The vector vocabulary the matrix kernels are written in: one element type
 * (double or float) on one register width (ymm for AVX2, zmm for AVX-512).
 * The kernels are generated once for all four combinations; what differs is
 * only the register width, how many registers there are, the element size
 * and the mnemonic suffix (`pd`/`ps`, `sd`/`ss`), so the AVX-512 kernel is
 * the AVX2 one with wider registers and nothing else.
 *
 * The builder's methods are typed per width (`vfmadd231pd(dst: Ymm, ...)`
 * and `(dst: Zmm, ...)`). The generator is width-generic, so its registers
 * are typed as the ymm of their number (`VReg`); the encoder takes the width
 * from the register itself, which is a zmm when the ISA is AVX-512.
 */

import { type Assembler, dword, type Gp64, type Mem, mem, qword, type Xmm, type Ymm, ymm, zmm } from '../x86/index.js';

export type GemmType = 'f64' | 'f32';
export type GemmIsa = 'avx2' | 'avx512';

/** A vector register of the kernel's width (see the header: typed as a ymm). */
export type VReg = Ymm;

export interface Vector {
  type: GemmType;
  isa: GemmIsa;
  /** Bytes per element: 8 or 4. */
  es: 8 | 4;
  /** Bytes per register: 32 or 64. */
  width: 32 | 64;
  /** Elements per register. */
  lanes: number;
  /** Vector registers there are: 16 (VEX) or 32 (EVEX). */
  count: number;
  /** Vector register i. */
  v(i: number): VReg;
  /** A whole register's worth of memory at base + disp. */
  vec(base: Gp64, disp?: number): Mem;
  /** One element at base + disp. */
  elem(base: Gp64, disp?: number): Mem;
  /** Element `index` of the array at base (base + index*es + disp). */
  elemAt(base: Gp64, index: Gp64, disp?: number): Mem;
  /** dst += x * y, elementwise (vfmadd231pd/ps). */
  fmadd231(a: Assembler, dst: VReg, x: VReg, y: VReg | Mem): void;
  /** dst = x * y (vmulpd/ps). */
  mul(a: Assembler, dst: VReg, x: VReg, y: VReg | Mem): void;
  /** dst = 0 (vxorpd/ps dst, dst, dst). */
  zero(a: Assembler, dst: VReg): void;
  /** One element from memory into every lane (vbroadcastsd/ss). */
  broadcast(a: Assembler, dst: VReg, src: Mem): void;
  /** Unaligned vector load and store (vmovupd/ps). */
  load(a: Assembler, dst: VReg, src: Mem): void;
  store(a: Assembler, dst: Mem, src: VReg): void;
  /** Scalar load (upper lanes zeroed) and store (vmovsd/ss). */
  loadScalar(a: Assembler, dst: Xmm, src: Mem): void;
  storeScalar(a: Assembler, dst: Mem, src: Xmm): void;
  /** xmm arithmetic on the low lanes, for edge tiles: dst += x * y (vfmadd231pd/ps xmm). */
  fmadd231x(a: Assembler, dst: Xmm, x: Xmm, y: Xmm): void;
  mulx(a: Assembler, dst: Xmm, x: Xmm, y: Xmm): void;
}

export function vector(type: GemmType, isa: GemmIsa): Vector {
  const es = type === 'f64' ? 8 : 4;
  const width = isa === 'avx2' ? 32 : 64;
  const f64 = type === 'f64';
  const elem = (base: Gp64, disp = 0): Mem => (f64 ? qword(base, disp) : dword(base, disp));
  return {
    type,
    isa,
    es,
    width,
    lanes: width / es,
    count: isa === 'avx2' ? 16 : 32,
    v: (i) => (isa === 'avx2' ? ymm(i) : (zmm(i) as unknown as Ymm)),
    vec: (base, disp = 0) => mem(width, base, null, 1, disp),
    elem,
    elemAt: (base, index, disp = 0) => mem(es, base, index, es, disp),
    fmadd231: (a, d, x, y) => void (f64 ? a.vfmadd231pd(d, x, y) : a.vfmadd231ps(d, x, y)),
    mul: (a, d, x, y) => void (f64 ? a.vmulpd(d, x, y) : a.vmulps(d, x, y)),
    zero: (a, d) => void (f64 ? a.vxorpd(d, d, d) : a.vxorps(d, d, d)),
    broadcast: (a, d, src) => void (f64 ? a.vbroadcastsd(d, src) : a.vbroadcastss(d, src)),
    load: (a, d, src) => void (f64 ? a.vmovupd(d, src) : a.vmovups(d, src)),
    store: (a, d, src) => void (f64 ? a.vmovupd(d, src) : a.vmovups(d, src)),
    loadScalar: (a, d, src) => void (f64 ? a.vmovsd(d, src) : a.vmovss(d, src)),
    storeScalar: (a, d, src) => void (f64 ? a.vmovsd(d, src) : a.vmovss(d, src)),
    fmadd231x: (a, d, x, y) => void (f64 ? a.vfmadd231pd(d, x, y) : a.vfmadd231ps(d, x, y)),
    mulx: (a, d, x, y) => void (f64 ? a.vmulpd(d, x, y) : a.vmulps(d, x, y)),
  };
}
