/**
 * Operands of x86-64 instructions: registers, memory references, immediates
 * and labels, with the constants that make builder code read like assembly
 * (`a.mov(rax, qword(rbx, rcx, 8, 16))`).
 */

/** Register classes the encoder knows. `rip` only appears as a memory base. */
export type RegClass = 'gp' | 'xmm' | 'ymm' | 'rip' | 'seg';

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
  /** Width in bytes: 1, 2, 4, 8 for general registers, 16 for xmm, 32 for ymm. */
  readonly size: S;
  /** Hardware number 0..15; the high three bits go into REX/VEX. */
  readonly id: number;
  readonly name: string;
  /** spl, bpl, sil, dil: only reachable with a REX prefix. */
  readonly needsRex: boolean;
  /** ah, ch, dh, bh: unreachable once a REX prefix is present. */
  readonly high8: boolean;
  /** Position in `registers` (0..), for tables indexed by register. */
  readonly ordinal: number;
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
}

export type Imm = number | bigint;
export type Operand = Reg | Mem | Label | Imm;

/** The register types of the builder's method signatures. */
export type Gp8 = Reg<'gp', 1>;
export type Gp16 = Reg<'gp', 2>;
export type Gp32 = Reg<'gp', 4>;
export type Gp64 = Reg<'gp', 8>;
export type Xmm = Reg<'xmm', 16>;
export type Ymm = Reg<'ymm', 32>;
export type Seg = Reg<'seg', 2>;

export class AsmError extends Error {
  override name = 'AsmError';
}

let ordinals = 0;

function reg(cls: RegClass, size: number, id: number, name: string, needsRex = false, high8 = false): Reg {
  return Object.freeze({ kind: 'reg', cls, size, id, name, needsRex, high8, ordinal: ordinals++ });
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
  return { kind: 'mem', size, base, index, scale, disp, bigDisp, label, seg, got };
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
/** A memory operand whose size the instruction decides (lea, or a register operand). */
export const ptr = (...a: MemArgs): Mem => sized(0, a);

export function isLabel(o: unknown): o is Label {
  return typeof o === 'object' && o !== null && (o as Label).kind === 'label';
}
