/**
 * A memo for form selection. Which form of the table `selectForm` picks
 * depends only on the mnemonic and on what the operand kinds (kinds.ts)
 * read of each operand, so that is what the key holds, derived from the
 * kind table:
 *
 * - register: class, width, its number where some kind fixes one (the
 *   accumulator, CL), whether it is one of 16..31 (EVEX only), a write
 *   mask and zeroing;
 * - memory: width, whether the displacement fits 32 bits (or is a label),
 *   whether it has neither base nor index (moffs), a broadcast and its
 *   count, a write mask;
 * - immediate: the range predicate of every immediate kind at every
 *   operand size (`immPredicates`);
 * - label; rounding mode.
 *
 * A guard (a row's extra condition) may read only these facts. Bigint
 * immediates are not memoized.
 */

import { selectForm } from './encoder.js';
import { type Form, formsByMnemonic } from './forms.js';
import { fixedIds, immPredicates, REG_CLASSES, takesImm } from './kinds.js';
import { type Imm, type Operand, type Reg, registers } from './operands.js';

const SLOTS = 256;

const memos = new Map<string, FormMemo>();
let hash = 0;

/** Shape codes: a tag in the top bits, then what the tag's operand is read for (14 bits). */
const TAG_IMM = 0;
const TAG_REG = 1 << 14;
const TAG_MEM = 2 << 14;
const TAG_OTHER = 3 << 14;
/** Shapes fit 16 bits: four operands and their count fill two keys. */
const SHAPE_BITS = 16;
const REG_MASKED = 1 << 9;
const REG_ZEROING = 1 << 10;
const MEM_MASKED = 1 << 9;
/** Broadcast codes by count: implied (-1), 2, 4, 8, 16, 32. */
const BCST_CODE: Record<number, number> = { [-1]: 1, 2: 2, 4: 3, 8: 4, 16: 5, 32: 6 };

function immCode(v: Imm): number {
  let c = 0;
  for (let i = 0; i < immPredicates.length; i++) if ((immPredicates[i] as (v: Imm) => boolean)(v)) c |= 1 << i;
  return c;
}

/** Access widths (index: bytes) as codes; 15 for any other width. */
const SIZE_CODE = new Uint8Array(65).fill(15);
[0, 1, 2, 4, 8, 16, 32, 64].forEach((n, c) => {
  SIZE_CODE[n] = c;
});

/** The shape of each register, by ordinal; and of each immediate in -128..127 (index v + 128), made as they come. */
let REG_SHAPE = new Uint16Array(0);
let SMALL_IMM = new Uint16Array(0);

function regShape(r: Reg): number {
  const fixed = fixedIds.indexOf(r.id);
  const id = fixed >= 0 ? fixed : r.id < 16 ? fixedIds.length : fixedIds.length + 1;
  const cls = REG_CLASSES.indexOf(r.cls);
  return TAG_REG | (cls << 6) | ((SIZE_CODE[r.size] as number) << 3) | id;
}

function makeShapes(): void {
  if (immPredicates.length > 14) throw new Error('select: more immediate ranges than an operand shape holds');
  if (fixedIds.length > 6 || REG_CLASSES.length > 8) throw new Error('select: register shapes do not fit');
  REG_SHAPE = new Uint16Array(registers.size);
  for (const r of registers.values()) REG_SHAPE[r.ordinal] = regShape(r);
  // Filled as values come (0xffff: not yet); an immediate's code never has every bit set.
  SMALL_IMM = new Uint16Array(256).fill(0xffff);
}

/** The shape of an operand, or -1 when it cannot be memoized. */
function shape(o: Operand): number {
  if (typeof o === 'object') {
    const kind = o.kind;
    if (kind === 'reg') {
      const r = REG_SHAPE[o.ordinal] as number;
      if (o.mask === null && !o.zeroing) return r;
      return r | (o.mask !== null ? REG_MASKED : 0) | (o.zeroing ? REG_ZEROING : 0);
    }
    if (kind === 'mem') {
      const d = o.disp;
      const dispOk = o.label !== null || (d >= -2147483648 && d <= 2147483647);
      const size = o.size <= 64 ? (SIZE_CODE[o.size] as number) : 15;
      let m = TAG_MEM | (size << 2) | (dispOk ? 2 : 0) | (o.base === null && o.index === null ? 1 : 0);
      if (o.broadcast !== 0) m |= (BCST_CODE[o.broadcast] ?? 7) << 6;
      return o.mask !== null ? m | MEM_MASKED : m;
    }
    return kind === 'label' ? TAG_OTHER : TAG_OTHER | (2 + o.mode);
  }
  if (typeof o === 'number') {
    if (o >= -128 && o <= 127 && (o | 0) === o) {
      const c = SMALL_IMM[o + 128] as number;
      return c !== 0xffff ? c : (SMALL_IMM[o + 128] = TAG_IMM | immCode(o));
    }
    return Number.isSafeInteger(o) ? TAG_IMM | immCode(o) : -1;
  }
  return -1;
}

/** The second half of the last key made by `keyOf`. */
let key2 = 0;

/** The key of an operand list (with `key2`), or -1; sets `hash`. */
function keyOf(ops: readonly Operand[]): number {
  const n = ops.length;
  let k = n;
  let k2 = 0;
  let h = n;
  for (let i = 0; i < n; i++) {
    const s = shape(ops[i] as Operand);
    if (s < 0) return -1;
    if (i < 2) k = k * (1 << SHAPE_BITS) + s;
    else k2 = k2 * (1 << SHAPE_BITS) + s;
    h = Math.imul(h ^ s, 0x9e3779b1);
  }
  hash = (h ^ (h >>> 16)) & (SLOTS - 1);
  key2 = k2;
  return k;
}

/** A relaxable branch mnemonic's opcodes: short (rel8) and near (rel32). */
export interface BranchOpcodes {
  /** Position in `branchOpcodes` (fragments hold this number, not the object). */
  readonly index: number;
  readonly short: readonly number[];
  readonly near: readonly number[];
}

/** The opcodes of every relaxable branch mnemonic met so far, by `index`. */
export const branchOpcodes: BranchOpcodes[] = [];

/**
 * What the hot path keeps per mnemonic: the memo of its form choices, and
 * the facts about it the assembler asks per instruction.
 */
export interface FormMemo {
  readonly mnemonic: string;
  /** A guard of this mnemonic reads an exact immediate value (`int 3`): never memoized. */
  readonly exact: boolean;
  /** The opcodes of a relaxable branch (jmp, jcc), else null. */
  readonly branch: BranchOpcodes | null;
  /** `imul r, imm` is `imul r, r, imm`. */
  readonly imul: boolean;
  /** Allocated on first use: most mnemonics of the table never occur in a program. Two numbers per key. */
  keys: Float64Array | null;
  forms: (Form | undefined)[];
}

function branchOf(forms: readonly Form[]): BranchOpcodes | null {
  const s = forms.find((x) => x.kinds[0]?.rel === 1);
  const n = forms.find((x) => x.kinds[0]?.rel === 4);
  if (!s || !n) return null;
  const b = { index: branchOpcodes.length, short: s.opcode, near: n.opcode };
  branchOpcodes.push(b);
  return b;
}

/** The memo for `mnemonic` (one per mnemonic; callers may keep it to skip the lookup). */
export function memoFor(mnemonic: string): FormMemo {
  let m = memos.get(mnemonic);
  if (m === undefined) {
    if (REG_SHAPE.length === 0) makeShapes();
    const forms = formsByMnemonic.get(mnemonic) ?? [];
    const exact = forms.some((f) => f.guard !== null && f.kinds.some(takesImm));
    m = { mnemonic, exact, branch: branchOf(forms), imul: mnemonic === 'imul', keys: null, forms: [] };
    memos.set(mnemonic, m);
  }
  return m;
}

/** `selectForm` through a memo. */
export function selectWithMemo(m: FormMemo, ops: readonly Operand[]): Form {
  if (ops.length > 4 || m.exact) return selectForm(m.mnemonic, ops);
  const key = keyOf(ops);
  if (key < 0) return selectForm(m.mnemonic, ops);
  const slot = hash;
  const k2 = key2;
  let keys = m.keys;
  if (keys !== null && keys[2 * slot] === key && keys[2 * slot + 1] === k2) return m.forms[slot] as Form;
  const f = selectForm(m.mnemonic, ops);
  if (keys === null) {
    keys = m.keys = new Float64Array(2 * SLOTS).fill(-1);
    m.forms = new Array<Form | undefined>(SLOTS).fill(undefined);
  }
  keys[2 * slot] = key;
  keys[2 * slot + 1] = k2;
  m.forms[slot] = f;
  return f;
}
