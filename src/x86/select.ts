/**
 * A memo for form selection. Which form of the table `selectForm` picks
 * depends only on the mnemonic and on what its matcher and guards read of
 * each operand, so that is what the key holds:
 *
 * - register: class, size, whether its number is 0, 1 or other (the
 *   accumulator and CL forms; the `xchg eax, eax` guard), high8;
 * - memory: size, whether the displacement fits 32 bits (or is a label),
 *   whether it has neither base nor index (moffs);
 * - immediate: the range predicates of the immediate kinds (== 1, fits 8, 16
 *   or 32 bits, sign-extends from 8 bits at 16/32/64-bit operand size, from
 *   32 bits at 64);
 * - label.
 *
 * A new operand kind that tests something else (another fixed register)
 * must be reflected here. Bigint immediates are not memoized.
 */

import { selectForm } from './encoder.js';
import { type Form, formsByMnemonic, K } from './forms.js';
import { type Operand, type Reg, registers } from './operands.js';

const IMM_KINDS = new Set([K.One, K.Imm8, K.SImm8, K.Imm16, K.Imm32, K.SImm32, K.Imm64]);
const isImmKind = (k: K): boolean => IMM_KINDS.has(k);

const SLOTS = 256;

const memos = new Map<string, FormMemo>();
let hash = 0;

function immCode(v: number): number {
  let c = v === 1 ? 1 : 0;
  const f16 = v >= -32768 && v < 65536;
  const f32 = v >= -2147483648 && v < 4294967296;
  if (v >= -128 && v < 256) c |= 2;
  if (f16) c |= 4;
  if (f32) c |= 8;
  const s16 = v >= 32768 ? v - 65536 : v;
  if (f16 && s16 >= -128 && s16 <= 127) c |= 16;
  const s32 = v >= 2147483648 ? v - 4294967296 : v;
  if (f32 && s32 >= -128 && s32 <= 127) c |= 32;
  if (v >= -128 && v <= 127) c |= 64;
  if (v >= -2147483648 && v <= 2147483647) c |= 128;
  return c;
}

/** The code of every immediate in -128..127 but 1: it fits every range. */
const SMALL_IMM = immCode(0);

/** Size codes of access widths (index: bytes); 7 for any other width. */
const SIZE_CODE = new Uint8Array(33).fill(7);
for (const [n, c] of [
  [0, 0],
  [1, 1],
  [2, 2],
  [4, 3],
  [8, 4],
  [16, 5],
  [32, 6],
]) {
  SIZE_CODE[n as number] = c as number;
}

function regShape(r: Reg): number {
  const id = r.id === 0 ? 0 : r.id === 1 ? 1 : 2;
  const c = r.cls;
  const cls = c === 'gp' ? 0 : c === 'xmm' ? 1 : c === 'ymm' ? 2 : c === 'rip' ? 3 : 4;
  return 256 | (cls << 5) | ((SIZE_CODE[r.size] as number) << 2) | id | (r.high8 ? 0x80 : 0);
}

/** The shape of each register, by ordinal. */
const REG_SHAPE = new Uint16Array(registers.size);
for (const r of registers.values()) REG_SHAPE[r.ordinal] = regShape(r);

/** 10 bits per operand (2 of kind), or -1 when it cannot be memoized. */
function shape(o: Operand): number {
  if (typeof o === 'object') {
    const kind = o.kind;
    if (kind === 'reg') return REG_SHAPE[o.ordinal] as number;
    if (kind === 'mem') {
      const d = o.disp;
      const dispOk = o.label !== null || (d >= -2147483648 && d <= 2147483647);
      const size = o.size <= 32 ? (SIZE_CODE[o.size] as number) : 7;
      return 512 | (size << 2) | (dispOk ? 2 : 0) | (o.base === null && o.index === null ? 1 : 0);
    }
    return 768;
  }
  if (typeof o === 'number') {
    if (o >= -128 && o <= 127 && o !== 1 && (o | 0) === o) return SMALL_IMM;
    return Number.isSafeInteger(o) ? immCode(o) : -1;
  }
  return -1;
}

function keyOf(ops: readonly Operand[]): number {
  const n = ops.length;
  let k = n;
  let h = n;
  for (let i = 0; i < n; i++) {
    const s = shape(ops[i] as Operand);
    if (s < 0) return -1;
    k = k * 1024 + s;
    h = Math.imul(h ^ s, 0x9e3779b1);
  }
  hash = (h ^ (h >>> 16)) & (SLOTS - 1);
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
  /** Allocated on first use: most mnemonics of the table never occur in a program. */
  keys: Float64Array | null;
  forms: (Form | undefined)[];
}

function branchOf(forms: readonly Form[]): BranchOpcodes | null {
  const s = forms.find((x) => x.kinds[0] === K.Rel8);
  const n = forms.find((x) => x.kinds[0] === K.Rel32);
  if (!s || !n) return null;
  const b = { index: branchOpcodes.length, short: s.opcode, near: n.opcode };
  branchOpcodes.push(b);
  return b;
}

/** The memo for `mnemonic` (one per mnemonic; callers may keep it to skip the lookup). */
export function memoFor(mnemonic: string): FormMemo {
  let m = memos.get(mnemonic);
  if (m === undefined) {
    const forms = formsByMnemonic.get(mnemonic) ?? [];
    const exact = forms.some((f) => f.guard !== null && f.kinds.some(isImmKind));
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
  let keys = m.keys;
  if (keys !== null && keys[slot] === key) return m.forms[slot] as Form;
  const f = selectForm(m.mnemonic, ops);
  if (keys === null) {
    keys = m.keys = new Float64Array(SLOTS).fill(-1);
    m.forms = new Array<Form | undefined>(SLOTS).fill(undefined);
  }
  keys[slot] = key;
  m.forms[slot] = f;
  return f;
}
