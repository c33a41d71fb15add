/**
 * Operands of x86-64 instructions: registers, memory references, immediates,
 * labels and AVX-512 rounding modes, with the constants that make builder
 * code read like assembly (`a.mov(rax, qword(rbx, rcx, 8, 16))`,
 * `a.vaddpd(zmm0.k(k1).z(), zmm1, qword(rax).bcst())`).
 */

/** Register classes the encoder knows. `rip` only appears as a memory base; `k` are the AVX-512 mask registers. */
export type RegClass = 'gp' | 'xmm' | 'ymm' | 'zmm' | 'k' | 'rip' | 'seg';

/**
 * A register. The class and width parameters type the builder's methods
 * (`a.mov(rax, ...)` takes a `Gp64`); a plain `Reg` is any register and
 * passes wherever a register does, so code that picks registers at run time
 * (`const r: Reg = ...`) still compiles, and is checked when it assembles.
 */
// biome-ignore lint/suspicious/noExplicitAny: the defaults make a plain `Reg` fit every register parameter
export interface Reg<C extends RegClass = any, S extends number = any> {
  readonly kind: 'reg';
  readonly cls: C;
  /** Width in bytes: 1, 2, 4, 8 for general registers, 16 for xmm, 32 for ymm, 64 for zmm, 8 for k. */
  readonly size: S;
  /** Hardware number 0..31 (vector registers above 15 need EVEX); the high bits go into REX/VEX/EVEX. */
  readonly id: number;
  readonly name: string;
  /** spl, bpl, sil, dil: only reachable with a REX prefix. */
  readonly needsRex: boolean;
  /** ah, ch, dh, bh: unreachable once a REX prefix is present. */
  readonly high8: boolean;
  /** Position in `registers` (0..), for tables indexed by register. */
  readonly ordinal: number;
  /** The write mask of an AVX-512 destination (`zmm0{k1}`), or null. */
  readonly mask: Reg | null;
  /** Zeroing-masking (`{z}`): masked-off elements become zero instead of keeping their value. */
  readonly zeroing: boolean;
  /** This register as a destination written under mask `k1`..`k7` (`zmm0.k(k1)` is `zmm0{k1}`). */
  k(mask: Reg<'k', 8>): Reg<C, S>;
  /** This masked register with zeroing-masking (`zmm0.k(k1).z()` is `zmm0{k1}{z}`). */
  z(): Reg<C, S>;
}

/** A label: a position in a section, bound once; or an external symbol. */
export interface Label {
  readonly kind: 'label';
  readonly name: string;
  /** Unique within its assembler. */
  readonly id: number;
  /** An external symbol: resolved by the linker, never bound here. */
  readonly external: boolean;
}

export interface Mem {
  readonly kind: 'mem';
  /** Access width in bytes; 0 when the instruction decides (lea, sized by a register operand). */
  readonly size: number;
  readonly base: Reg | null;
  readonly index: Reg | null;
  readonly scale: 1 | 2 | 4 | 8;
  readonly disp: number;
  /** A 64-bit absolute address beyond 2^53 (moffs only); `disp` is NaN then. */
  readonly bigDisp: bigint | null;
  /** Displacement relative to a label: RIP-relative when base is rip, else absolute. */
  readonly label: Label | null;
  /** Segment override (fs, gs). */
  readonly seg: Reg | null;
  /** Reference an external symbol through its GOT slot (`sym@GOTPCREL`). */
  readonly got: boolean;
  /** The write mask of an AVX-512 store (`zmmword ptr [rax]{k1}`), or null. */
  readonly mask: Reg | null;
  /**
   * Embedded broadcast (`qword ptr [rax]{1to8}`): one element of `size`
   * bytes, repeated. 0: none; -1: as many times as the instruction's vector
   * holds; n: exactly n times (the instruction must hold n).
   */
  readonly broadcast: number;
  /** This memory as a store under mask `k1`..`k7` (`zmmword ptr [rax]{k1}`). */
  k(mask: Reg<'k', 8>): Mem;
  /** This element broadcast to the whole vector (`qword(rax).bcst()` is `qword ptr [rax]{1to8}` for a zmm of doubles). */
  bcst(count?: number): Mem;
}

/**
 * A static rounding mode of an AVX-512 register-to-register instruction
 * (`{rn-sae}` ... `{rz-sae}`), or `{sae}` (exceptions suppressed, the
 * rounding of MXCSR). Written as an operand after the register it applies
 * to: `a.vaddpd(zmm0, zmm1, zmm2, rnSae)`.
 */
export interface Rc<N extends string = string> {
  readonly kind: 'rc';
  readonly name: N;
  /** The rounding control (EVEX.L'L): 0 nearest, 1 down, 2 up, 3 toward zero; -1 for `{sae}`. */
  readonly mode: number;
}
export type Rounding = Rc<'rn-sae' | 'rd-sae' | 'ru-sae' | 'rz-sae'>;
export type Sae = Rc<'sae'>;

export type Imm = number | bigint;
export type Operand = Reg | Mem | Label | Imm | Rc;

/** The register types of the builder's method signatures. */
export type Gp8 = Reg<'gp', 1>;
export type Gp16 = Reg<'gp', 2>;
export type Gp32 = Reg<'gp', 4>;
export type Gp64 = Reg<'gp', 8>;
export type Xmm = Reg<'xmm', 16>;
export type Ymm = Reg<'ymm', 32>;
export type Zmm = Reg<'zmm', 64>;
export type KReg = Reg<'k', 8>;
export type Seg = Reg<'seg', 2>;

export class AsmError extends Error {
  override name = 'AsmError';
}

let ordinals = 0;

/** A write mask must be k1..k7 (k0 in the mask field means no mask). */
function checkMask(mask: Reg): void {
  if (mask.cls !== 'k' || mask.mask !== null) throw new AsmError(`${mask.name} is not a mask register`);
  if (mask.id === 0) throw new AsmError('k0 cannot be a write mask (it means no mask)');
}

class Register implements Reg {
  readonly kind = 'reg';
  constructor(
    readonly cls: RegClass,
    readonly size: number,
    readonly id: number,
    readonly name: string,
    readonly needsRex: boolean,
    readonly high8: boolean,
    readonly ordinal: number,
    readonly mask: Reg | null,
    readonly zeroing: boolean,
  ) {
    Object.freeze(this);
  }
  k(mask: Reg): Register {
    checkMask(mask);
    const { cls, size, id, name, needsRex, high8, ordinal } = this;
    return new Register(cls, size, id, name, needsRex, high8, ordinal, mask, this.zeroing);
  }
  z(): Register {
    const { cls, size, id, name, needsRex, high8, ordinal } = this;
    return new Register(cls, size, id, name, needsRex, high8, ordinal, this.mask, true);
  }
}

function reg(cls: RegClass, size: number, id: number, name: string, needsRex = false, high8 = false): Reg {
  return new Register(cls, size, id, name, needsRex, high8, ordinals++, null, false);
}

const GP64 = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi'] as const;
const GP32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'] as const;
const GP16 = ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'] as const;
const GP8 = ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil'] as const;

/** Every register by lower-case name (the text front end looks names up here). */
export const registers: ReadonlyMap<string, Reg> = (() => {
  const m = new Map<string, Reg>();
  const add = (r: Reg): void => {
    m.set(r.name, r);
  };
  for (let i = 0; i < 16; i++) {
    add(reg('gp', 8, i, i < 8 ? GP64[i] : `r${i}`));
    add(reg('gp', 4, i, i < 8 ? GP32[i] : `r${i}d`));
    add(reg('gp', 2, i, i < 8 ? GP16[i] : `r${i}w`));
    add(reg('gp', 1, i, i < 8 ? GP8[i] : `r${i}b`, i >= 4 && i < 8));
    add(reg('xmm', 16, i, `xmm${i}`));
    add(reg('ymm', 32, i, `ymm${i}`));
  }
  for (const [i, n] of ['ah', 'ch', 'dh', 'bh'].entries()) add(reg('gp', 1, i + 4, n, false, true));
  add(reg('rip', 8, 5, 'rip'));
  for (const [i, n] of ['es', 'cs', 'ss', 'ds', 'fs', 'gs'].entries()) add(reg('seg', 2, i, n));
  // AVX-512: the upper sixteen vector registers, zmm, and the mask registers.
  for (let i = 16; i < 32; i++) {
    add(reg('xmm', 16, i, `xmm${i}`));
    add(reg('ymm', 32, i, `ymm${i}`));
  }
  for (let i = 0; i < 32; i++) add(reg('zmm', 64, i, `zmm${i}`));
  for (let i = 0; i < 8; i++) add(reg('k', 8, i, `k${i}`));
  return m;
})();

function r(name: string): Reg {
  const x = registers.get(name);
  if (!x) throw new AsmError(`no register ${name}`);
  return x;
}
const reg64 = (name: string): Gp64 => r(name);
const reg32 = (name: string): Gp32 => r(name);
const reg16 = (name: string): Gp16 => r(name);
const reg8 = (name: string): Gp8 => r(name);
const regXmm = (name: string): Xmm => r(name);
const regYmm = (name: string): Ymm => r(name);
const regZmm = (name: string): Zmm => r(name);
const regK = (name: string): KReg => r(name);

export const rax = reg64('rax'),
  rcx = reg64('rcx'),
  rdx = reg64('rdx'),
  rbx = reg64('rbx');
export const rsp = reg64('rsp'),
  rbp = reg64('rbp'),
  rsi = reg64('rsi'),
  rdi = reg64('rdi');
export const r8 = reg64('r8'),
  r9 = reg64('r9'),
  r10 = reg64('r10'),
  r11 = reg64('r11');
export const r12 = reg64('r12'),
  r13 = reg64('r13'),
  r14 = reg64('r14'),
  r15 = reg64('r15');
export const eax = reg32('eax'),
  ecx = reg32('ecx'),
  edx = reg32('edx'),
  ebx = reg32('ebx');
export const esp = reg32('esp'),
  ebp = reg32('ebp'),
  esi = reg32('esi'),
  edi = reg32('edi');
export const r8d = reg32('r8d'),
  r9d = reg32('r9d'),
  r10d = reg32('r10d'),
  r11d = reg32('r11d');
export const r12d = reg32('r12d'),
  r13d = reg32('r13d'),
  r14d = reg32('r14d'),
  r15d = reg32('r15d');
export const ax = reg16('ax'),
  cx = reg16('cx'),
  dx = reg16('dx'),
  bx = reg16('bx');
export const sp = reg16('sp'),
  bp = reg16('bp'),
  si = reg16('si'),
  di = reg16('di');
export const r8w = reg16('r8w'),
  r9w = reg16('r9w'),
  r10w = reg16('r10w'),
  r11w = reg16('r11w');
export const r12w = reg16('r12w'),
  r13w = reg16('r13w'),
  r14w = reg16('r14w'),
  r15w = reg16('r15w');
export const al = reg8('al'),
  cl = reg8('cl'),
  dl = reg8('dl'),
  bl = reg8('bl');
export const spl = reg8('spl'),
  bpl = reg8('bpl'),
  sil = reg8('sil'),
  dil = reg8('dil');
export const ah = reg8('ah'),
  ch = reg8('ch'),
  dh = reg8('dh'),
  bh = reg8('bh');
export const r8b = reg8('r8b'),
  r9b = reg8('r9b'),
  r10b = reg8('r10b'),
  r11b = reg8('r11b');
export const r12b = reg8('r12b'),
  r13b = reg8('r13b'),
  r14b = reg8('r14b'),
  r15b = reg8('r15b');
export const xmm0 = regXmm('xmm0'),
  xmm1 = regXmm('xmm1'),
  xmm2 = regXmm('xmm2'),
  xmm3 = regXmm('xmm3');
export const xmm4 = regXmm('xmm4'),
  xmm5 = regXmm('xmm5'),
  xmm6 = regXmm('xmm6'),
  xmm7 = regXmm('xmm7');
export const xmm8 = regXmm('xmm8'),
  xmm9 = regXmm('xmm9'),
  xmm10 = regXmm('xmm10'),
  xmm11 = regXmm('xmm11');
export const xmm12 = regXmm('xmm12'),
  xmm13 = regXmm('xmm13'),
  xmm14 = regXmm('xmm14'),
  xmm15 = regXmm('xmm15');
export const ymm0 = regYmm('ymm0'),
  ymm1 = regYmm('ymm1'),
  ymm2 = regYmm('ymm2'),
  ymm3 = regYmm('ymm3');
export const ymm4 = regYmm('ymm4'),
  ymm5 = regYmm('ymm5'),
  ymm6 = regYmm('ymm6'),
  ymm7 = regYmm('ymm7');
export const ymm8 = regYmm('ymm8'),
  ymm9 = regYmm('ymm9'),
  ymm10 = regYmm('ymm10'),
  ymm11 = regYmm('ymm11');
export const ymm12 = regYmm('ymm12'),
  ymm13 = regYmm('ymm13'),
  ymm14 = regYmm('ymm14'),
  ymm15 = regYmm('ymm15');
export const xmm16 = regXmm('xmm16'),
  xmm17 = regXmm('xmm17'),
  xmm18 = regXmm('xmm18'),
  xmm19 = regXmm('xmm19');
export const xmm20 = regXmm('xmm20'),
  xmm21 = regXmm('xmm21'),
  xmm22 = regXmm('xmm22'),
  xmm23 = regXmm('xmm23');
export const xmm24 = regXmm('xmm24'),
  xmm25 = regXmm('xmm25'),
  xmm26 = regXmm('xmm26'),
  xmm27 = regXmm('xmm27');
export const xmm28 = regXmm('xmm28'),
  xmm29 = regXmm('xmm29'),
  xmm30 = regXmm('xmm30'),
  xmm31 = regXmm('xmm31');
export const ymm16 = regYmm('ymm16'),
  ymm17 = regYmm('ymm17'),
  ymm18 = regYmm('ymm18'),
  ymm19 = regYmm('ymm19');
export const ymm20 = regYmm('ymm20'),
  ymm21 = regYmm('ymm21'),
  ymm22 = regYmm('ymm22'),
  ymm23 = regYmm('ymm23');
export const ymm24 = regYmm('ymm24'),
  ymm25 = regYmm('ymm25'),
  ymm26 = regYmm('ymm26'),
  ymm27 = regYmm('ymm27');
export const ymm28 = regYmm('ymm28'),
  ymm29 = regYmm('ymm29'),
  ymm30 = regYmm('ymm30'),
  ymm31 = regYmm('ymm31');
export const zmm0 = regZmm('zmm0'),
  zmm1 = regZmm('zmm1'),
  zmm2 = regZmm('zmm2'),
  zmm3 = regZmm('zmm3');
export const zmm4 = regZmm('zmm4'),
  zmm5 = regZmm('zmm5'),
  zmm6 = regZmm('zmm6'),
  zmm7 = regZmm('zmm7');
export const zmm8 = regZmm('zmm8'),
  zmm9 = regZmm('zmm9'),
  zmm10 = regZmm('zmm10'),
  zmm11 = regZmm('zmm11');
export const zmm12 = regZmm('zmm12'),
  zmm13 = regZmm('zmm13'),
  zmm14 = regZmm('zmm14'),
  zmm15 = regZmm('zmm15');
export const zmm16 = regZmm('zmm16'),
  zmm17 = regZmm('zmm17'),
  zmm18 = regZmm('zmm18'),
  zmm19 = regZmm('zmm19');
export const zmm20 = regZmm('zmm20'),
  zmm21 = regZmm('zmm21'),
  zmm22 = regZmm('zmm22'),
  zmm23 = regZmm('zmm23');
export const zmm24 = regZmm('zmm24'),
  zmm25 = regZmm('zmm25'),
  zmm26 = regZmm('zmm26'),
  zmm27 = regZmm('zmm27');
export const zmm28 = regZmm('zmm28'),
  zmm29 = regZmm('zmm29'),
  zmm30 = regZmm('zmm30'),
  zmm31 = regZmm('zmm31');
export const k0 = regK('k0'),
  k1 = regK('k1'),
  k2 = regK('k2'),
  k3 = regK('k3');
export const k4 = regK('k4'),
  k5 = regK('k5'),
  k6 = regK('k6'),
  k7 = regK('k7');
export const rip: Reg<'rip', 8> = r('rip');
export const fs: Seg = r('fs'),
  gs: Seg = r('gs');

/** General register `id` (0..15) of `size` bytes. */
export function gpr(id: number): Gp64;
export function gpr<S extends 1 | 2 | 4 | 8>(id: number, size: S): Reg<'gp', S>;
export function gpr(id: number, size: 1 | 2 | 4 | 8 = 8): Reg {
  const names = { 8: GP64, 4: GP32, 2: GP16, 1: GP8 }[size];
  const suffix = { 8: '', 4: 'd', 2: 'w', 1: 'b' }[size];
  return r(id < 8 ? names[id] : `r${id}${suffix}`);
}

export function xmm(id: number): Xmm {
  return r(`xmm${id}`);
}

export function ymm(id: number): Ymm {
  return r(`ymm${id}`);
}

export function zmm(id: number): Zmm {
  return r(`zmm${id}`);
}

/** Mask register `id` (0..7). */
export function kreg(id: number): KReg {
  return r(`k${id}`);
}

/** The static rounding modes and `{sae}`, as operands. */
export const rnSae: Rounding = Object.freeze({ kind: 'rc', name: 'rn-sae', mode: 0 });
export const rdSae: Rounding = Object.freeze({ kind: 'rc', name: 'rd-sae', mode: 1 });
export const ruSae: Rounding = Object.freeze({ kind: 'rc', name: 'ru-sae', mode: 2 });
export const rzSae: Rounding = Object.freeze({ kind: 'rc', name: 'rz-sae', mode: 3 });
export const sae: Sae = Object.freeze({ kind: 'rc', name: 'sae', mode: -1 });

/** Options of a memory reference beyond base, index, scale and displacement. */
export interface MemOptions {
  label?: Label | null;
  seg?: Reg | null;
  got?: boolean;
}

/**
 * A memory operand. `mem(size, base, index?, scale?, disp?)`; base may be a
 * register, `rip`, or null (absolute address or index only).
 */
export function mem(
  size: number,
  base: Reg | null,
  index: Reg | null = null,
  scale: 1 | 2 | 4 | 8 = 1,
  disp: number | bigint = 0,
  opts?: MemOptions,
): Mem {
  let bigDisp: bigint | null = null;
  if (typeof disp === 'bigint') {
    if (disp >= BigInt(Number.MIN_SAFE_INTEGER) && disp <= BigInt(Number.MAX_SAFE_INTEGER)) disp = Number(disp);
    else if (base === null && index === null && disp >= -(2n ** 63n) && disp < 2n ** 64n) {
      bigDisp = BigInt.asUintN(64, disp);
      disp = Number.NaN;
    } else throw new AsmError(`displacement ${disp} does not fit 64 bits`);
  }
  // 64-bit addressing only: no address-size override, so no 32-bit base or index.
  if (base !== null && !(base.cls === 'gp' ? base.size === 8 : base.cls === 'rip')) {
    throw new AsmError(`${base.name} cannot be a base register`);
  }
  if (index !== null) {
    if (index.cls !== 'gp' || index.size !== 8 || index.id === 4) {
      throw new AsmError(`${index.name} cannot be an index register`);
    }
    if (base !== null && base.cls === 'rip') throw new AsmError('rip-relative addressing takes no index register');
  }
  if (scale !== 1 && scale !== 2 && scale !== 4 && scale !== 8) {
    throw new AsmError(`scale ${scale} is not 1, 2, 4 or 8`);
  }
  if (bigDisp === null && !Number.isSafeInteger(disp)) throw new AsmError(`displacement ${disp} is not an integer`);
  let label: Label | null = null;
  let seg: Reg | null = null;
  let got = false;
  if (opts !== undefined) {
    label = opts.label ?? null;
    seg = opts.seg ?? null;
    got = opts.got ?? false;
    if (seg !== null && seg.cls !== 'seg') throw new AsmError(`${seg.name} is not a segment register`);
  }
  return memOf(size, base, index, scale, disp as number, bigDisp, label, seg, got);
}

class Memory implements Mem {
  readonly kind = 'mem';
  constructor(
    public size: number,
    public base: Reg | null,
    public index: Reg | null,
    public scale: 1 | 2 | 4 | 8,
    public disp: number,
    public bigDisp: bigint | null,
    public label: Label | null,
    public seg: Reg | null,
    public got: boolean,
    public mask: Reg | null,
    public broadcast: number,
  ) {}
  k(mask: Reg): Mem {
    checkMask(mask);
    return new Memory(
      this.size,
      this.base,
      this.index,
      this.scale,
      this.disp,
      this.bigDisp,
      this.label,
      this.seg,
      this.got,
      mask,
      this.broadcast,
    );
  }
  bcst(count?: number): Mem {
    if (count !== undefined && ![2, 4, 8, 16, 32].includes(count)) {
      throw new AsmError(`a broadcast repeats 2, 4, 8, 16 or 32 times, not ${count}`);
    }
    return new Memory(
      this.size,
      this.base,
      this.index,
      this.scale,
      this.disp,
      this.bigDisp,
      this.label,
      this.seg,
      this.got,
      this.mask,
      count ?? -1,
    );
  }
}

/**
 * A memory operand made without the checks of `mem`, for a caller that has
 * made them itself (the text front end checks as it parses).
 */
export function memOf(
  size: number,
  base: Reg | null,
  index: Reg | null,
  scale: 1 | 2 | 4 | 8,
  disp: number,
  bigDisp: bigint | null,
  label: Label | null,
  seg: Reg | null,
  got: boolean,
): Mem {
  return new Memory(size, base, index, scale, disp, bigDisp, label, seg, got, null, 0);
}

type MemArgs =
  | [base: Reg | null, disp?: number]
  | [base: Reg | null, index: Reg, scale?: 1 | 2 | 4 | 8, disp?: number]
  | [label: Label, disp?: number];

function sized(size: number, args: MemArgs): Mem {
  const [a, b, c, d] = args as unknown[];
  if (a !== null && typeof a === 'object' && (a as Label).kind === 'label') {
    return mem(size, rip, null, 1, (b as number | undefined) ?? 0, { label: a as Label });
  }
  if (b !== undefined && typeof b === 'object') {
    return mem(size, a as Reg | null, b as Reg, (c as 1 | 2 | 4 | 8 | undefined) ?? 1, (d as number | undefined) ?? 0);
  }
  return mem(size, a as Reg | null, null, 1, (b as number | undefined) ?? 0);
}

/** `byte(base, disp)`, `byte(base, index, scale, disp)`, `byte(label)` (RIP-relative). */
export const byte = (...a: MemArgs): Mem => sized(1, a);
export const word = (...a: MemArgs): Mem => sized(2, a);
export const dword = (...a: MemArgs): Mem => sized(4, a);
export const qword = (...a: MemArgs): Mem => sized(8, a);
export const xmmword = (...a: MemArgs): Mem => sized(16, a);
export const ymmword = (...a: MemArgs): Mem => sized(32, a);
export const zmmword = (...a: MemArgs): Mem => sized(64, a);
/** A memory operand whose size the instruction decides (lea, or a register operand). */
export const ptr = (...a: MemArgs): Mem => sized(0, a);

export function isLabel(o: unknown): o is Label {
  return typeof o === 'object' && o !== null && (o as Label).kind === 'label';
}
