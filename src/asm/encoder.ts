/**
 * The encoder: picks the first form of the table that matches the operands
 * and interprets it into bytes (prefixes, REX or VEX, opcode, ModRM, SIB,
 * displacement, immediate). References to labels become fixups that the
 * assembler resolves after layout.
 */

import { type Form, formsByMnemonic, K, lockable, repeatable } from './forms.js';
import { AsmError, type Imm, isLabel, type Label, type Mem, type Operand, type Reg } from './operands.js';

/** A growable byte buffer that instructions are encoded into. */
export class ByteBuf {
  buf: Uint8Array;
  pos = 0;
  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
  }
  ensure(n: number): void {
    if (this.pos + n > this.buf.length) {
      const b = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
      b.set(this.buf.subarray(0, this.pos));
      this.buf = b;
    }
  }
  u8(v: number): void {
    this.buf[this.pos++] = v;
  }
  u16(v: number): void {
    this.buf[this.pos++] = v;
    this.buf[this.pos++] = v >>> 8;
  }
  u32(v: number): void {
    const b = this.buf;
    b[this.pos++] = v;
    b[this.pos++] = v >>> 8;
    b[this.pos++] = v >>> 16;
    b[this.pos++] = v >>> 24;
  }
  u64(v: number | bigint): void {
    const x = BigInt.asUintN(64, BigInt(v));
    this.u32(Number(x & 0xffffffffn));
    this.u32(Number(x >> 32n));
  }
  bytes(src: ArrayLike<number>): void {
    this.ensure(src.length);
    for (let i = 0; i < src.length; i++) this.buf[this.pos++] = src[i] as number;
  }
  view(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

/**
 * A reference to a label left in the bytes: the field at `pos` receives
 * `label + addend` (absolute) or `label + addend - pos` (pcrel), the way ELF
 * relocations are defined.
 */
export interface Fixup {
  pos: number;
  size: 1 | 4 | 8;
  label: Label;
  addend: number;
  pcrel: boolean;
  /** Signed 32-bit absolute field (R_X86_64_32S), else unsigned. */
  signed: boolean;
  /** The field holds the PC-relative address of the symbol's GOT slot. */
  got: boolean;
}

/** Legacy prefixes an instruction may carry beyond those of its form. */
export const enum Prefix {
  None = 0,
  Lock = 1,
  Rep = 2,
  Repne = 4,
}

const I8_MIN = -128;
const I32_MIN = -2147483648;
const I32_MAX = 2147483647;
const U32_LIMIT = 4294967296;

function isInt(v: Imm): boolean {
  return typeof v === 'bigint' || Number.isSafeInteger(v);
}

/** True when v lies in [-2^(bits-1), 2^bits): representable in `bits` as signed or unsigned. */
function fitsBits(v: Imm, bits: number): boolean {
  if (typeof v === 'number') {
    if (bits >= 53) return Number.isSafeInteger(v);
    const lim = 2 ** bits;
    return v >= -lim / 2 && v < lim;
  }
  const lim = 1n << BigInt(bits);
  return v >= -(lim >> 1n) && v < lim;
}

/** The value of v read as a signed `bits`-bit integer (v must fit `bits`). */
function signedIn(v: Imm, bits: number): number | bigint {
  if (typeof v === 'number') {
    if (bits >= 53) return v;
    const lim = 2 ** bits;
    return v >= lim / 2 ? v - lim : v;
  }
  return BigInt.asIntN(bits, v);
}

function fitsI8(v: number | bigint): boolean {
  return typeof v === 'number' ? v >= I8_MIN && v <= 127 : v >= -128n && v <= 127n;
}
function fitsI32(v: number | bigint): boolean {
  return typeof v === 'number' ? v >= I32_MIN && v <= I32_MAX : v >= -2147483648n && v <= 2147483647n;
}

function memDispOk(m: Mem): boolean {
  return m.label !== null || (m.disp >= I32_MIN && m.disp <= I32_MAX);
}

/** An unsized memory operand fits every size here; `selectForm` settles which. */
function memSized(m: Mem, size: number): boolean {
  return (m.size === size || m.size === 0) && memDispOk(m);
}

/** The memory size a kind of form `f` implies (0: any, as for lea). */
function kindMemSize(k: K, f: Form): number {
  switch (k) {
    case K.RM8:
    case K.M8:
      return 1;
    case K.RM16:
    case K.M16:
      return 2;
    case K.RM32:
    case K.M32:
    case K.XM32:
      return 4;
    case K.RM64:
    case K.M64:
    case K.XM64:
      return 8;
    case K.M128:
    case K.XM128:
      return 16;
    case K.M256:
    case K.YM256:
      return 32;
    case K.Moffs:
      return f.opSize / 8;
    default:
      return 0;
  }
}

function gp(o: Operand, size: number): boolean {
  return typeof o === 'object' && o.kind === 'reg' && o.cls === 'gp' && o.size === size;
}

function isMemOp(o: Operand): o is Mem {
  return typeof o === 'object' && o.kind === 'mem';
}

function vecReg(o: Operand, cls: 'xmm' | 'ymm'): boolean {
  return typeof o === 'object' && o.kind === 'reg' && o.cls === cls;
}

function imm(o: Operand): o is Imm {
  return (typeof o === 'number' || typeof o === 'bigint') && isInt(o);
}

/** Does operand `o` fit operand kind `k` of form `f`? */
function matches(k: K, o: Operand, f: Form): boolean {
  switch (k) {
    case K.R8:
      return gp(o, 1);
    case K.R16:
      return gp(o, 2);
    case K.R32:
      return gp(o, 4);
    case K.R64:
      return gp(o, 8);
    case K.RM8:
      return gp(o, 1) || (isMemOp(o) && memSized(o, 1));
    case K.RM16:
      return gp(o, 2) || (isMemOp(o) && memSized(o, 2));
    case K.RM32:
      return gp(o, 4) || (isMemOp(o) && memSized(o, 4));
    case K.RM64:
      return gp(o, 8) || (isMemOp(o) && memSized(o, 8));
    case K.M:
      return isMemOp(o) && memDispOk(o);
    case K.M8:
      return isMemOp(o) && memSized(o, 1);
    case K.M16:
      return isMemOp(o) && memSized(o, 2);
    case K.M32:
      return isMemOp(o) && memSized(o, 4);
    case K.M64:
      return isMemOp(o) && memSized(o, 8);
    case K.M128:
      return isMemOp(o) && memSized(o, 16);
    case K.M256:
      return isMemOp(o) && memSized(o, 32);
    case K.AL:
      return gp(o, 1) && (o as Reg).id === 0;
    case K.AX:
      return gp(o, 2) && (o as Reg).id === 0;
    case K.EAX:
      return gp(o, 4) && (o as Reg).id === 0;
    case K.RAX:
      return gp(o, 8) && (o as Reg).id === 0;
    case K.CL:
      return gp(o, 1) && (o as Reg).id === 1 && !(o as Reg).high8;
    case K.One:
      return o === 1 || o === 1n;
    case K.Imm8:
      return imm(o) && fitsBits(o, 8);
    case K.SImm8:
      return imm(o) && fitsBits(o, f.opSize) && fitsI8(signedIn(o, f.opSize));
    case K.Imm16:
      return imm(o) && fitsBits(o, 16);
    case K.Imm32:
      return imm(o) && fitsBits(o, 32);
    case K.SImm32:
      return imm(o) && fitsBits(o, 64) && fitsI32(signedIn(o, 64));
    case K.Imm64:
      return imm(o) && fitsBits(o, 64);
    case K.Rel8:
    case K.Rel32:
      return isLabel(o);
    case K.Xmm:
      return vecReg(o, 'xmm');
    case K.Ymm:
      return vecReg(o, 'ymm');
    case K.XM32:
      return vecReg(o, 'xmm') || (isMemOp(o) && memSized(o, 4));
    case K.XM64:
      return vecReg(o, 'xmm') || (isMemOp(o) && memSized(o, 8));
    case K.XM128:
      return vecReg(o, 'xmm') || (isMemOp(o) && memSized(o, 16));
    case K.YM256:
      return vecReg(o, 'ymm') || (isMemOp(o) && memSized(o, 32));
    case K.Moffs:
      return isMemOp(o) && o.base === null && o.index === null && (o.size === 0 || o.size === f.opSize / 8);
  }
  return false;
}

function fits(f: Form, ops: readonly Operand[]): boolean {
  const kinds = f.kinds;
  if (kinds.length !== ops.length) return false;
  for (let i = 0; i < kinds.length; i++) {
    if (!matches(kinds[i] as K, ops[i] as Operand, f)) return false;
  }
  return f.guard === null || f.guard(ops);
}

/**
 * The first form of `mnemonic` that the operands fit, or an AsmError saying
 * why none does. An unsized memory operand must be sized by the rest of the
 * instruction: when the forms it fits disagree on its size, the instruction
 * is ambiguous (as GNU `as` says) unless one of them is the default.
 */
export function selectForm(mnemonic: string, ops: readonly Operand[]): Form {
  const forms = formsByMnemonic.get(mnemonic);
  if (!forms) throw new AsmError(`unknown instruction '${mnemonic}'`);
  const unsized = ops.findIndex((o) => isMemOp(o) && o.size === 0);
  let first: Form | null = null;
  let size = -1;
  let ambiguous = false;
  let fallback: Form | null = null;
  for (const f of forms) {
    if (!fits(f, ops)) continue;
    if (unsized < 0) return f;
    const s = kindMemSize(f.kinds[unsized] as K, f);
    if (first === null) {
      first = f;
      size = s;
    } else if (s !== size) ambiguous = true;
    if (f.unsizedDefault && fallback === null) fallback = f;
  }
  if (first !== null && !ambiguous) return first;
  if (ambiguous && fallback !== null) return fallback;
  if (ambiguous) throw new AsmError(`'${mnemonic}': operand size is ambiguous; say byte/word/dword/qword ptr`);
  throw new AsmError(explainMismatch(mnemonic, forms, ops));
}

function describe(o: Operand): string {
  if (typeof o === 'number' || typeof o === 'bigint') return `immediate ${o}`;
  if (o.kind === 'reg') return o.name;
  if (o.kind === 'label') return `label ${o.name}`;
  return o.size ? `${o.size}-byte memory` : 'memory of unspecified size';
}

function explainMismatch(mnemonic: string, forms: readonly Form[], ops: readonly Operand[]): string {
  const what = ops.map(describe).join(', ');
  if (!forms.some((f) => f.kinds.length === ops.length)) {
    const counts = [...new Set(forms.map((f) => f.kinds.length))].sort().join(' or ');
    return `'${mnemonic}' takes ${counts} operand(s), got ${ops.length}`;
  }
  for (const o of ops) {
    if ((typeof o === 'number' && !Number.isSafeInteger(o)) || (isMemOp(o) && !memDispOk(o))) {
      return `'${mnemonic}': value out of range in ${what}`;
    }
  }
  if (ops.some((o) => isMemOp(o) && o.size === 0) && !ops.some((o) => typeof o === 'object' && o.kind === 'reg')) {
    return `'${mnemonic}': operand size is ambiguous; say byte/word/dword/qword ptr`;
  }
  return `'${mnemonic}' has no form for operands (${what})`;
}

const SEG_PREFIX: Record<string, number> = { es: 0x26, cs: 0x2e, ss: 0x36, ds: 0x3e, fs: 0x64, gs: 0x65 };

/**
 * Encodes `ops` by form `f` into `out`. Label references are pushed on
 * `fixups` with positions in `out`. A relative branch (enc D) gets a zero
 * field and a fixup; the assembler relaxes jumps before calling this.
 */
export function encode(f: Form, ops: readonly Operand[], out: ByteBuf, prefix: Prefix, fixups: Fixup[]): void {
  let reg: Reg | null = null;
  let rm: Reg | Mem | null = null;
  let vreg: Reg | null = null;
  let immOp: Operand | null = null;
  let oreg: Reg | null = null;
  let moffs: Mem | null = null;
  let rel: Label | null = null;
  switch (f.enc) {
    case 'ZO':
      break;
    case 'O':
      for (let i = 0; i < ops.length; i++) {
        const k = f.kinds[i];
        if (k === K.R8 || k === K.R16 || k === K.R32 || k === K.R64) oreg = ops[i] as Reg;
      }
      break;
    case 'OI':
      oreg = ops[0] as Reg;
      immOp = ops[1] as Operand;
      break;
    case 'I':
      immOp = ops[ops.length - 1] as Operand;
      break;
    case 'M':
      rm = ops[0] as Reg | Mem;
      break;
    case 'MI':
      rm = ops[0] as Reg | Mem;
      immOp = ops[1] as Operand;
      break;
    case 'MR':
      rm = ops[0] as Reg | Mem;
      reg = ops[1] as Reg;
      break;
    case 'RM':
      reg = ops[0] as Reg;
      rm = ops[1] as Reg | Mem;
      break;
    case 'RMI':
      reg = ops[0] as Reg;
      rm = ops[1] as Reg | Mem;
      immOp = ops[2] as Operand;
      break;
    case 'MRI':
      rm = ops[0] as Reg | Mem;
      reg = ops[1] as Reg;
      immOp = ops[2] as Operand;
      break;
    case 'D':
      rel = ops[0] as Label;
      break;
    case 'FD':
      moffs = ops[1] as Mem;
      break;
    case 'TD':
      moffs = ops[0] as Mem;
      break;
    case 'RVM':
      reg = ops[0] as Reg;
      vreg = ops[1] as Reg;
      rm = ops[2] as Reg | Mem;
      break;
    case 'RVMI':
      reg = ops[0] as Reg;
      vreg = ops[1] as Reg;
      rm = ops[2] as Reg | Mem;
      immOp = ops[3] as Operand;
      break;
  }

  const mem = rm !== null && rm.kind === 'mem' ? rm : moffs;
  if (prefix & Prefix.Lock && !(lockable.has(f.mnemonic) && mem !== null)) {
    throw new AsmError(`'${f.mnemonic}' cannot take a lock prefix${mem === null ? ' without a memory operand' : ''}`);
  }
  if (prefix & (Prefix.Rep | Prefix.Repne) && !(repeatable.has(f.mnemonic) && f.enc === 'ZO')) {
    throw new AsmError(`'${f.mnemonic}' cannot take a rep prefix`);
  }
  let opcodeLast = f.opcode[f.opcode.length - 1] as number;

  // GNU as: a register-to-register VEX move that would need only VEX.B is
  // encoded by its store twin (reg and rm exchanged) to fit the 2-byte prefix.
  if (f.swappable && reg !== null && rm !== null && rm.kind === 'reg' && rm.id >= 8 && reg.id < 8) {
    const t = reg;
    reg = rm;
    rm = t;
    opcodeLast |= 1;
  }

  out.ensure(32);
  const seg = mem?.seg;
  if (seg) out.u8(SEG_PREFIX[seg.name] as number);
  const pf = f.prefixes;
  for (let i = 0; i < pf.length; i++) out.u8(pf[i] as number);
  // GNU as orders prefixes segment, 66, F3/F2, F0, then REX.
  if (prefix & Prefix.Rep) out.u8(0xf3);
  if (prefix & Prefix.Repne) out.u8(0xf2);
  if (prefix & Prefix.Lock) out.u8(0xf0);

  const rR = reg !== null && reg.id >= 8 ? 1 : 0;
  const rX = mem !== null && mem.index !== null && mem.index.id >= 8 ? 1 : 0;
  let rB = 0;
  if (rm !== null) {
    if (rm.kind === 'reg') rB = rm.id >= 8 ? 1 : 0;
    else if (rm.base !== null && rm.base.cls !== 'rip') rB = rm.base.id >= 8 ? 1 : 0;
  } else if (oreg !== null) rB = oreg.id >= 8 ? 1 : 0;

  const vex = f.vex;
  if (vex !== null) {
    const vv = (~(vreg !== null ? vreg.id : 0) & 15) << 3;
    if (vex.map === 1 && vex.w === 0 && rX === 0 && rB === 0) {
      out.u8(0xc5);
      out.u8((rR ? 0 : 0x80) | vv | (vex.l << 2) | vex.pp);
    } else {
      out.u8(0xc4);
      out.u8((rR ? 0 : 0x80) | (rX ? 0 : 0x40) | (rB ? 0 : 0x20) | vex.map);
      out.u8((vex.w << 7) | vv | (vex.l << 2) | vex.pp);
    }
  } else {
    const w = f.rexW ? 1 : 0;
    let needRex = w | rR | rX | rB;
    let high8 = false;
    for (const r of [reg, rm, oreg]) {
      if (r !== null && r.kind === 'reg') {
        if (r.needsRex) needRex = 1;
        if (r.high8) high8 = true;
      }
    }
    if (needRex) {
      if (high8) throw new AsmError(`${f.mnemonic}: ah, bh, ch and dh cannot be used with a REX prefix`);
      out.u8(0x40 | (w << 3) | (rR << 2) | (rX << 1) | rB);
    }
  }

  const op = f.opcode;
  for (let i = 0; i < op.length - 1; i++) out.u8(op[i] as number);
  out.u8(oreg !== null ? opcodeLast + (oreg.id & 7) : opcodeLast);

  let dispFix: Fixup | null = null;
  if (rm !== null) {
    const regField = f.ext >= 0 ? f.ext : reg !== null ? reg.id & 7 : 0;
    if (rm.kind === 'reg') out.u8(0xc0 | (regField << 3) | (rm.id & 7));
    else dispFix = encodeMem(rm, regField, out);
  } else if (moffs !== null) {
    if (moffs.label) {
      dispFix = fix(out.pos, 8, moffs.label, moffs.disp, false, false, false);
    }
    out.u64(moffs.bigDisp ?? moffs.disp);
  }

  if (rel !== null) {
    const p = out.pos;
    if (f.rel === 1) out.u8(0);
    else out.u32(0);
    fixups.push(fix(p, f.rel as 1 | 4, rel, -f.rel, true, false, false));
  }

  if (immOp !== null && f.imm > 0) writeImm(out, immOp as Imm, f.imm);

  if (dispFix !== null) {
    // RIP-relative: the displacement counts from the end of the instruction.
    if (dispFix.pcrel) dispFix.addend -= out.pos - dispFix.pos;
    fixups.push(dispFix);
  }
}

function fix(
  pos: number,
  size: 1 | 4 | 8,
  label: Label,
  addend: number,
  pcrel: boolean,
  signed: boolean,
  got: boolean,
): Fixup {
  return { pos, size, label, addend, pcrel, signed, got };
}

function writeImm(out: ByteBuf, v: Imm, size: number): void {
  if (size === 8) {
    out.u64(v);
    return;
  }
  const n = typeof v === 'bigint' ? Number(BigInt.asUintN(32, v)) : v;
  if (size === 1) out.u8(n & 0xff);
  else if (size === 2) out.u16(n & 0xffff);
  else out.u32(n < 0 ? n + U32_LIMIT : n);
}

const SCALE_BITS = [0, 0, 1, 0, 2, 0, 0, 0, 3];

/** ModRM (+SIB, +displacement) for a memory operand; returns the fixup of a label displacement. */
function encodeMem(m: Mem, regField: number, out: ByteBuf): Fixup | null {
  const base = m.base;
  const index = m.index;
  const r = regField << 3;
  if (base !== null && base.cls === 'rip') {
    if (index !== null) throw new AsmError('rip-relative addressing takes no index register');
    out.u8(r | 5);
    const p = out.pos;
    out.u32(m.label ? 0 : m.disp);
    return m.label ? fix(p, 4, m.label, m.disp, true, false, m.got) : null;
  }
  if (base === null) {
    out.u8(r | 4);
    out.u8(index === null ? 0x25 : ((SCALE_BITS[m.scale] as number) << 6) | ((index.id & 7) << 3) | 5);
    const p = out.pos;
    out.u32(m.label ? 0 : m.disp);
    return m.label ? fix(p, 4, m.label, m.disp, false, true, false) : null;
  }
  const b = base.id & 7;
  const d = m.disp;
  const mod = m.label !== null ? 2 : d === 0 && b !== 5 ? 0 : d >= -128 && d <= 127 ? 1 : 2;
  if (index !== null || b === 4) {
    out.u8((mod << 6) | r | 4);
    // Without an index (index field 4) the scale means nothing: GNU as leaves it 0.
    const sib = index !== null ? ((SCALE_BITS[m.scale] as number) << 6) | ((index.id & 7) << 3) : 4 << 3;
    out.u8(sib | b);
  } else {
    out.u8((mod << 6) | r | b);
  }
  if (mod === 1) out.u8(d & 0xff);
  else if (mod === 2) {
    const p = out.pos;
    out.u32(m.label ? 0 : d);
    if (m.label) return fix(p, 4, m.label, d, false, true, false);
  }
  return null;
}
