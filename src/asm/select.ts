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

const IMM_KINDS = new Set([K.One, K.Imm8, K.SImm8, K.Imm16, K.Imm32, K.SImm32, K.Imm64]);
const isImmKind = (k: K): boolean => IMM_KINDS.has(k);

import type { Operand } from './operands.js';

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

function sizeCode(n: number): number {
  return n === 8 ? 4 : n === 4 ? 3 : n === 0 ? 0 : n === 1 ? 1 : n === 2 ? 2 : n === 16 ? 5 : n === 32 ? 6 : 7;
}

/** 10 bits per operand (2 of kind), or -1 when it cannot be memoized. */
function shape(o: Operand): number {
  if (typeof o === 'number') return Number.isSafeInteger(o) ? immCode(o) : -1;
  if (typeof o === 'bigint') return -1;
  if (o.kind === 'reg') {
    const id = o.id === 0 ? 0 : o.id === 1 ? 1 : 2;
    const c = o.cls;
    const cls = c === 'gp' ? 0 : c === 'xmm' ? 1 : c === 'ymm' ? 2 : c === 'rip' ? 3 : 4;
    return 256 | (cls << 5) | (sizeCode(o.size) << 2) | id | (o.high8 ? 0x80 : 0);
  }
  if (o.kind === 'mem') {
    const d = o.disp;
    const dispOk = o.label !== null || (d >= -2147483648 && d <= 2147483647);
    return 512 | (sizeCode(o.size) << 2) | (dispOk ? 2 : 0) | (o.base === null && o.index === null ? 1 : 0);
  }
  return 768;
}

function keyOf(ops: readonly Operand[]): number {
  let k = ops.length;
  let h = k;
  for (let i = 0; i < ops.length; i++) {
    const s = shape(ops[i] as Operand);
    if (s < 0) return -1;
    k = k * 1024 + s;
    h = Math.imul(h ^ s, 0x9e3779b1);
  }
  hash = (h ^ (h >>> 16)) & (SLOTS - 1);
  return k;
}

/** The memo of one mnemonic's choices. */
export interface FormMemo {
  readonly mnemonic: string;
  /** A guard of this mnemonic reads an exact immediate value (`int 3`): never memoized. */
  readonly exact: boolean;
  /** Allocated on first use: most mnemonics of the table never occur in a program. */
  keys: Float64Array | null;
  forms: (Form | undefined)[];
}

/** The memo for `mnemonic` (one per mnemonic; callers may keep it to skip the lookup). */
export function memoFor(mnemonic: string): FormMemo {
  let m = memos.get(mnemonic);
  if (m === undefined) {
    const exact = (formsByMnemonic.get(mnemonic) ?? []).some((f) => f.guard !== null && f.kinds.some(isImmKind));
    m = { mnemonic, exact, keys: null, forms: [] };
    memos.set(mnemonic, m);
  }
  return m;
}

/** `selectForm`, remembered by operand shape. */
export function selectFormCached(mnemonic: string, ops: readonly Operand[]): Form {
  const m = memos.get(mnemonic);
  return m !== undefined ? selectWithMemo(m, ops) : selectFirst(mnemonic, ops);
}

/** An unknown mnemonic throws here, before it gets a memo. */
function selectFirst(mnemonic: string, ops: readonly Operand[]): Form {
  selectForm(mnemonic, ops);
  return selectWithMemo(memoFor(mnemonic), ops);
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
