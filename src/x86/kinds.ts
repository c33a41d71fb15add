/**
 * The operand kinds of the instruction table's notation (`r/m64`,
 * `xmm/m128`, `imm8`, `AL`), one row each: what register, memory or
 * immediate an operand of that kind may be. Everything that needs to know
 * what a kind accepts is derived from these rows: the matcher that picks a
 * form, the memo's operand shapes, the size an unsized memory operand takes,
 * the operand size of a form, the text front end's sizing of `[rax]`, the
 * corpus test's operand pools and the types of the builder's methods. A new
 * kind is a new row here.
 */

import { fitsBits } from './expr.js';
import type { Imm, Mem, Operand, Reg, RegClass } from './operands.js';

/** How a kind is written in a row of this table (all fields but `name` optional). */
interface KindRow {
  /** As the instruction table writes it. */
  name: string;
  /** A register of this class... */
  reg?: RegClass;
  /** ...of this width in bytes... */
  size?: number;
  /** ...and only this register number (AL, CL). */
  fixed?: number;
  /** Memory of this width in bytes (0: any width, for lea). */
  mem?: number;
  /** A 64-bit absolute address (moffs), of the width of the operand size. */
  moffs?: true;
  /**
   * An immediate that fits this many bits as a signed or unsigned number
   * ('op': the operand size); with `sext`, whose value read as a signed
   * number of that width also fits `sext` signed bits (it is stored in
   * `sext` bits and sign-extended).
   */
  imm?: number | 'op';
  sext?: number;
  /** Exactly this immediate (the `1` of `shl r/m8, 1`). */
  value?: number;
  /** A label, reached by a relative displacement of this many bytes. */
  rel?: 1 | 4;
}

/** The kinds. Register and memory widths are bytes; immediate widths are bits. */
const ROWS: readonly KindRow[] = [
  { name: 'r8', reg: 'gp', size: 1 },
  { name: 'r16', reg: 'gp', size: 2 },
  { name: 'r32', reg: 'gp', size: 4 },
  { name: 'r64', reg: 'gp', size: 8 },
  { name: 'r/m8', reg: 'gp', size: 1, mem: 1 },
  { name: 'r/m16', reg: 'gp', size: 2, mem: 2 },
  { name: 'r/m32', reg: 'gp', size: 4, mem: 4 },
  { name: 'r/m64', reg: 'gp', size: 8, mem: 8 },
  { name: 'AL', reg: 'gp', size: 1, fixed: 0 },
  { name: 'AX', reg: 'gp', size: 2, fixed: 0 },
  { name: 'EAX', reg: 'gp', size: 4, fixed: 0 },
  { name: 'RAX', reg: 'gp', size: 8, fixed: 0 },
  { name: 'CL', reg: 'gp', size: 1, fixed: 1 },
  { name: 'm', mem: 0 },
  { name: 'm8', mem: 1 },
  { name: 'm16', mem: 2 },
  { name: 'm32', mem: 4 },
  { name: 'm64', mem: 8 },
  { name: 'm128', mem: 16 },
  { name: 'm256', mem: 32 },
  { name: 'moffs', moffs: true },
  { name: '1', value: 1 },
  { name: 'imm8', imm: 8 },
  { name: 'simm8', imm: 'op', sext: 8 },
  { name: 'imm16', imm: 16 },
  { name: 'imm32', imm: 32 },
  { name: 'simm32', imm: 64, sext: 32 },
  { name: 'imm64', imm: 64 },
  { name: 'rel8', rel: 1 },
  { name: 'rel32', rel: 4 },
  { name: 'xmm', reg: 'xmm', size: 16 },
  { name: 'ymm', reg: 'ymm', size: 32 },
  { name: 'xmm/m32', reg: 'xmm', size: 16, mem: 4 },
  { name: 'xmm/m64', reg: 'xmm', size: 16, mem: 8 },
  { name: 'xmm/m128', reg: 'xmm', size: 16, mem: 16 },
  { name: 'ymm/m256', reg: 'ymm', size: 32, mem: 32 },
  { name: 'm512', mem: 64 },
  { name: 'zmm', reg: 'zmm', size: 64 },
  { name: 'zmm/m512', reg: 'zmm', size: 64, mem: 64 },
  { name: 'k', reg: 'k', size: 8 },
  { name: 'k/m8', reg: 'k', size: 8, mem: 1 },
  { name: 'k/m16', reg: 'k', size: 8, mem: 2 },
  { name: 'k/m32', reg: 'k', size: 8, mem: 4 },
  { name: 'k/m64', reg: 'k', size: 8, mem: 8 },
];

/** An operand kind, as the encoder and everything else reads it. */
export interface OperandKind {
  /** Position in `KINDS`. */
  readonly id: number;
  readonly name: string;
  /** The register class it takes, or null. */
  readonly reg: RegClass | null;
  /** The register width in bytes (0 when it takes no register). */
  readonly regSize: number;
  /** The only register number it takes, or -1. */
  readonly fixed: number;
  /** Memory width in bytes, 0 for any width, -1 when it takes no memory (moffs: see `moffs`). */
  readonly mem: number;
  readonly moffs: boolean;
  /** Immediate: the width it must fit in bits (-1: the operand size; 0: takes no immediate). */
  readonly imm: number;
  /** Sign-extended from this many bits (0: not). */
  readonly sext: number;
  /** Exactly this immediate, or null. */
  readonly value: number | null;
  /** Relative displacement bytes (0: takes no label). */
  readonly rel: number;
  /** The operand size (bits) this kind gives a form, when it is the first to give one; 0 if none. */
  readonly width: number;
  /** Whether an immediate (number or bigint) fits, at a form's operand size in bits. */
  readonly fitsImm: (v: Imm, opSize: number) => boolean;
  /**
   * Whether operand `o` fits, in a form of operand size `opSize` bits,
   * encoded with EVEX or not (only EVEX reaches vector registers 16..31).
   * Masks and broadcasts are the form's decorations (`Decor`), checked apart.
   */
  readonly accepts: (o: Operand, opSize: number, evex: boolean) => boolean;
}

/**
 * What an operand of a form may carry beyond its kind, from the table's
 * AVX-512 notation: `{k1}` a write mask, `{z}` zeroing, `/m64bcst` an
 * embedded broadcast of 8-byte elements.
 */
export interface Decor {
  readonly mask: boolean;
  readonly zero: boolean;
  /** Broadcast element bytes (0: no broadcast). */
  readonly bcst: number;
}

export const PLAIN: Decor = Object.freeze({ mask: false, zero: false, bcst: 0 });

const I32_MIN = -2147483648;
const I32_MAX = 2147483647;

/** v (which fits `bits`) read as a signed `bits`-bit number fits `to` signed bits. */
function signedFits(v: Imm, bits: number, to: number): boolean {
  const half = 2 ** (to - 1);
  if (typeof v === 'number') {
    const lim = 2 ** bits;
    const s = bits >= 53 ? v : v >= lim / 2 ? v - lim : v;
    return s >= -half && s < half;
  }
  const s = BigInt.asIntN(bits, v);
  return s >= -BigInt(half) && s < BigInt(half);
}

function isImm(o: unknown): o is Imm {
  return typeof o === 'bigint' || (typeof o === 'number' && Number.isSafeInteger(o));
}

/** A memory operand whose displacement the encoder can write (a label's is a fixup). */
export function memDispOk(m: Mem): boolean {
  return m.label !== null || (m.disp >= I32_MIN && m.disp <= I32_MAX);
}

function kindOf(row: KindRow, id: number): OperandKind {
  const reg = row.reg ?? null;
  const regSize = row.size ?? 0;
  const fixed = row.fixed ?? -1;
  const memSize = row.mem ?? -1;
  const moffs = row.moffs ?? false;
  const imm = row.imm === 'op' ? -1 : (row.imm ?? 0);
  const sext = row.sext ?? 0;
  const value = row.value ?? null;
  const rel = row.rel ?? 0;
  const width =
    reg === 'gp' ? regSize * 8 : reg === null && memSize >= 1 && memSize <= 8 && value === null ? memSize * 8 : 0;
  const fitsImm = (v: Imm, opSize: number): boolean => {
    if (value !== null) return v === value || v === BigInt(value);
    if (imm === 0) return false;
    const bits = imm < 0 ? opSize : imm;
    return fitsBits(v, bits) && (sext === 0 || signedFits(v, bits, sext));
  };
  const regOk = (r: Reg, evex: boolean): boolean =>
    r.cls === reg && r.size === regSize && (fixed < 0 || r.id === fixed) && (r.id < 16 || evex);
  const memOk = (m: Mem, opSize: number): boolean => {
    if (moffs) return m.base === null && m.index === null && (m.size === 0 || m.size === opSize / 8);
    if (memSize < 0 || !memDispOk(m)) return false;
    return memSize === 0 || m.size === memSize || m.size === 0;
  };
  const accepts = (o: Operand, opSize: number, evex: boolean): boolean => {
    if (typeof o !== 'object') return (imm !== 0 || value !== null) && isImm(o) && fitsImm(o, opSize);
    if (o.kind === 'reg') return reg !== null && regOk(o, evex);
    if (o.kind === 'mem') return memOk(o, opSize);
    return o.kind === 'label' && rel !== 0;
  };
  return {
    id,
    name: row.name,
    reg,
    regSize,
    fixed,
    mem: memSize,
    moffs,
    imm,
    sext,
    value,
    rel,
    width,
    fitsImm,
    accepts,
  };
}

/** Every kind, in table order. */
export const KINDS: readonly OperandKind[] = ROWS.map(kindOf);

/** Kinds by the name the instruction table writes. */
export const kindByName: ReadonlyMap<string, OperandKind> = new Map(KINDS.map((k) => [k.name, k]));

/** Whether a kind takes an immediate. */
export function takesImm(k: OperandKind): boolean {
  return k.imm !== 0 || k.value !== null;
}

/** The operand size (bits) of a form with these kinds: that of the first kind that gives one, else 64. */
export function operandSize(kinds: readonly OperandKind[]): number {
  for (const k of kinds) if (k.width !== 0) return k.width;
  return 64;
}

/** The memory width a kind implies in a form of operand size `opSize`: bytes, 0 for any, -1 if it takes no memory. */
export function memSizeOfKind(k: OperandKind, opSize: number): number {
  return k.moffs ? opSize / 8 : k.mem;
}

/**
 * The immediate range predicates of all kinds, each at every operand size
 * it depends on: the facts about an immediate that the matcher can read,
 * for operand shapes that decide the same form for the same facts.
 */
export const immPredicates: readonly ((v: Imm) => boolean)[] = (() => {
  const out: ((v: Imm) => boolean)[] = [];
  for (const k of KINDS) {
    if (!takesImm(k)) continue;
    const sizes = k.imm < 0 ? [8, 16, 32, 64] : [64];
    for (const s of sizes) out.push((v) => k.fitsImm(v, s));
  }
  return out;
})();

/** The register numbers some kind fixes (AL's 0, CL's 1): a register's shape tells these apart. */
export const fixedIds: readonly number[] = [...new Set(KINDS.filter((k) => k.fixed >= 0).map((k) => k.fixed))];

/** Register classes in the order shape codes number them. */
export const REG_CLASSES: readonly RegClass[] = ['gp', 'xmm', 'ymm', 'zmm', 'k', 'rip', 'seg'];
