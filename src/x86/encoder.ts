/**
 * The encoder: picks the first form of the table that matches the operands
 * and interprets it into bytes (prefixes, REX or VEX, opcode, ModRM, SIB,
 * displacement, immediate). References to labels become fixups that the
 * assembler resolves after layout.
 */

import { type Evex, type Form, formsByMnemonic, lockable, repeatable, type Vex } from './forms.js';
import { type Decor, memDispOk, memSizeOfKind, type OperandKind } from './kinds.js';
import { AsmError, type Imm, type Label, type Mem, type Operand, type Rc, type Reg } from './operands.js';

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

function isMemOp(o: Operand): o is Mem {
  return typeof o === 'object' && o.kind === 'mem';
}

function isRc(o: Operand | undefined): o is Rc {
  return typeof o === 'object' && o.kind === 'rc';
}

/** Whether the operands carry a rounding operand for form `f` (after its operand `rcAt`). */
function hasRc(f: Form, ops: readonly Operand[]): boolean {
  return ops.length === f.kinds.length + 1 && f.rcAt >= 0;
}

/** A masked, zeroing or broadcast operand against kind `k` with decorations `d` (an EVEX form's). */
function decorated(k: OperandKind, d: Decor, o: Reg | Mem, opSize: number): boolean {
  if (o.mask !== null && !d.mask) return false;
  if (o.kind === 'reg') {
    // Zeroing needs a mask to zero under.
    if (o.zeroing && (!d.zero || o.mask === null)) return false;
    return k.accepts(o, opSize, true);
  }
  if (o.broadcast === 0) return k.accepts(o, opSize, true);
  if (d.bcst === 0 || (o.size !== 0 && o.size !== d.bcst) || !memDispOk(o)) return false;
  return o.broadcast < 0 || o.broadcast * d.bcst === k.regSize;
}

function fits(f: Form, ops: readonly Operand[]): boolean {
  const kinds = f.kinds;
  const n = kinds.length;
  // A rounding operand goes after the register it rounds: {er} any rounding, {sae} only sae.
  let rcOp = n + 1;
  if (ops.length !== n) {
    if (!hasRc(f, ops)) return false;
    rcOp = f.rcAt + 1;
    const rc = ops[rcOp];
    const at = ops[f.rcAt] as Operand;
    if (!isRc(rc) || rc.mode < 0 !== (f.rc === 'sae') || typeof at !== 'object' || at.kind !== 'reg') return false;
  }
  const evex = f.evex !== null;
  for (let i = 0; i < n; i++) {
    const o = ops[i < rcOp ? i : i + 1] as Operand;
    const k = kinds[i] as OperandKind;
    if (typeof o === 'object' && (o.kind === 'reg' || o.kind === 'mem')) {
      if (o.mask !== null || (o.kind === 'reg' ? o.zeroing : o.broadcast !== 0)) {
        if (!decorated(k, f.decor[i] as Decor, o, f.opSize)) return false;
        continue;
      }
    }
    if (!k.accepts(o, f.opSize, evex)) return false;
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
    // The kind of the unsized operand (a rounding operand before it shifts the list).
    const at = hasRc(f, ops) && unsized > f.rcAt ? unsized - 1 : unsized;
    const m = ops[unsized] as Mem;
    const s = m.broadcast !== 0 ? (f.decor[at] as Decor).bcst : memSizeOfKind(f.kinds[at] as OperandKind, f.opSize);
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
  if (o.kind === 'label') return `label ${o.name}`;
  if (o.kind === 'rc') return `{${o.name}}`;
  const mask = o.mask !== null ? `{${o.mask.name}}` : '';
  if (o.kind === 'reg') return `${o.name}${mask}${o.zeroing ? '{z}' : ''}`;
  const bcst = o.broadcast > 0 ? `{1to${o.broadcast}}` : o.broadcast < 0 ? '{bcst}' : '';
  return `${o.size ? `${o.size}-byte memory` : 'memory of unspecified size'}${bcst}${mask}`;
}

function explainMismatch(mnemonic: string, forms: readonly Form[], ops: readonly Operand[]): string {
  const what = ops.map(describe).join(', ');
  const rc = ops.find(isRc);
  if (rc !== undefined) {
    const n = ops.length - 1;
    const want = rc.mode < 0 ? 'sae' : 'er';
    if (!forms.some((f) => f.rc === want && f.kinds.length === n)) {
      return `'${mnemonic}' takes no {${rc.name}}${forms.some((f) => f.rc !== null) ? ` (it takes {${forms.find((f) => f.rc !== null)?.rc === 'sae' ? 'sae' : 'rn-sae}..{rz-sae'}})` : ''}`;
    }
    return `'${mnemonic}': {${rc.name}} needs register operands of the full vector width, after the last register (${what})`;
  }
  if (!forms.some((f) => f.kinds.length === ops.length)) {
    const counts = [...new Set(forms.map((f) => f.kinds.length))].sort().join(' or ');
    return `'${mnemonic}' takes ${counts} operand(s), got ${ops.length}`;
  }
  for (const o of ops) {
    if ((typeof o === 'number' && !Number.isSafeInteger(o)) || (isMemOp(o) && !memDispOk(o))) {
      return `'${mnemonic}': value out of range in ${what}`;
    }
  }
  for (const o of ops) {
    if (typeof o !== 'object' || (o.kind !== 'reg' && o.kind !== 'mem')) continue;
    if (o.kind === 'reg' && o.zeroing && o.mask === null) {
      return `'${mnemonic}': zeroing-masking ({z}) needs a write mask ({k1}..{k7})`;
    }
    if (o.mask !== null && !forms.some((f) => f.decor.some((d) => d.mask))) return `'${mnemonic}' takes no write mask`;
    if (o.kind === 'mem' && o.broadcast !== 0 && !forms.some((f) => f.decor.some((d) => d.bcst !== 0))) {
      return `'${mnemonic}' has no broadcast form`;
    }
  }
  if (ops.some((o) => isMemOp(o) && o.size === 0) && !ops.some((o) => typeof o === 'object' && o.kind === 'reg')) {
    return `'${mnemonic}': operand size is ambiguous; say byte/word/dword/qword ptr`;
  }
  return `'${mnemonic}' has no form for operands (${what})`;
}

// ---------------------------------------------------------------------------
// Encoding. Each form is compiled once, on first use, into a small function
// specialised for its family (ModRM, VEX, opcode-register, relative,
// moffs): which operand goes where, its prefix bytes, REX.W, the fixed VEX
// bits and the opcode are read from the row then, not per instruction. The
// functions write straight into the buffer and allocate nothing but the
// fixups of label references.

/** Encodes operands of one form into `out`; label references go on `fixups`. */
type FormEncoder = (ops: readonly Operand[], out: ByteBuf, prefix: Prefix, fixups: Fixup[]) => void;

/** Compiled encoders by form id, made on first use. */
const encoders: (FormEncoder | undefined)[] = [];

/**
 * Encodes `ops` by form `f` into `out`. Label references are pushed on
 * `fixups` with positions in `out`. A relative branch (enc D) gets a zero
 * field and a fixup (call, jrcxz, loop); the jumps the assembler relaxes
 * (jmp, jcc to a label) never come here.
 */
export function encode(f: Form, ops: readonly Operand[], out: ByteBuf, prefix: Prefix, fixups: Fixup[]): void {
  let e = encoders[f.id];
  if (e === undefined) {
    e = compile(f);
    while (encoders.length <= f.id) encoders.push(undefined);
    encoders[f.id] = e;
  }
  e(ops, out, prefix, fixups);
}

/** Longest instruction (15 bytes) with room to spare: a moffs form is 10 bytes plus prefixes. */
const MAX_INSN = 32;

/** Where each role's operand is in the operand list (-1: no such operand), from the Op/En column. */
interface Roles {
  /** ModRM.reg. */
  reg: number;
  /** ModRM.rm: a register or memory. */
  rm: number;
  /** VEX.vvvv. */
  v: number;
  imm: number;
  /** A register in the opcode's low three bits. */
  oreg: number;
  moffs: number;
  rel: number;
}

function rolesOf(f: Form): Roles {
  const r: Roles = { reg: -1, rm: -1, v: -1, imm: -1, oreg: -1, moffs: -1, rel: -1 };
  const n = f.kinds.length;
  switch (f.enc) {
    case 'ZO':
      break;
    case 'O':
      // The register that is not a fixed one (the accumulator of `xchg rax, r64` is implied).
      f.kinds.forEach((k, i) => {
        if (k.reg === 'gp' && k.mem < 0 && k.fixed < 0) r.oreg = i;
      });
      break;
    case 'OI':
      r.oreg = 0;
      r.imm = 1;
      break;
    case 'I':
      r.imm = n - 1;
      break;
    case 'M':
      r.rm = 0;
      break;
    case 'MI':
      r.rm = 0;
      r.imm = 1;
      break;
    case 'MR':
      r.rm = 0;
      r.reg = 1;
      break;
    case 'RM':
      r.reg = 0;
      r.rm = 1;
      break;
    case 'RMI':
      r.reg = 0;
      r.rm = 1;
      r.imm = 2;
      break;
    case 'MRI':
      r.rm = 0;
      r.reg = 1;
      r.imm = 2;
      break;
    case 'D':
      r.rel = 0;
      break;
    case 'FD':
      r.moffs = 1;
      break;
    case 'TD':
      r.moffs = 0;
      break;
    case 'RVM':
      r.reg = 0;
      r.v = 1;
      r.rm = 2;
      break;
    case 'RVMI':
      r.reg = 0;
      r.v = 1;
      r.rm = 2;
      r.imm = 3;
      break;
  }
  if (f.imm === 0) r.imm = -1;
  return r;
}

function compile(f: Form): FormEncoder {
  const r = rolesOf(f);
  if (r.rm >= 0) {
    if (f.evex !== null) return evexModrmEncoder(f, r);
    return f.vex !== null ? vexModrmEncoder(f, r) : modrmEncoder(f, r);
  }
  if (r.moffs >= 0) return moffsEncoder(f, r.moffs);
  if (r.rel >= 0) return relEncoder(f);
  return plainEncoder(f, r);
}

/**
 * A lock prefix needs a lockable instruction whose destination (operand 0)
 * is the memory operand, as GNU `as` checks: `lock add [rax], rcx`, not the
 * load `lock add rcx, [rax]` (#UD). xchg locks with memory on either side.
 * `memAt` is the position of the memory operand, -1 without one. A rep
 * prefix needs a string instruction (or `ret`).
 */
function checkPrefix(f: Form, prefix: Prefix, memAt: number): void {
  if (prefix & Prefix.Lock && !(lockable.has(f.mnemonic) && (memAt === 0 || (memAt > 0 && f.mnemonic === 'xchg')))) {
    throw new AsmError(
      `'${f.mnemonic}' cannot take a lock prefix (it needs a lockable instruction with a memory destination)`,
    );
  }
  if (prefix & (Prefix.Rep | Prefix.Repne) && !(repeatable.has(f.mnemonic) && f.enc === 'ZO')) {
    throw new AsmError(`'${f.mnemonic}' cannot take a rep prefix`);
  }
}

/**
 * Up to four bytes (a form's prefixes, or its opcode) packed little-endian
 * into one number. They are written by four stores and an advance by their
 * count, whatever the count: forms of different lengths then cost no loop
 * whose exit the processor mispredicts. The buffer always has room past
 * the instruction (`MAX_INSN`), and what is written past it is overwritten
 * or never read.
 */
function pack(bytes: readonly number[], what: string): number {
  if (bytes.length > 4) throw new AsmError(`form ${what}: more than four bytes`);
  let w = 0;
  for (let i = bytes.length - 1; i >= 0; i--) w = (w << 8) | (bytes[i] as number);
  return w;
}

/** Four bytes of `w` at p, little-endian; returns the position after them. */
function put4(b: Uint8Array, p: number, w: number): number {
  b[p] = w;
  b[p + 1] = w >>> 8;
  b[p + 2] = w >>> 16;
  b[p + 3] = w >>> 24;
  return p + 4;
}

/** Segment override bytes by segment register number (es cs ss ds fs gs). */
const SEG_PREFIX = [0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65];

/**
 * The legacy prefixes in the order GNU as writes them: segment, those of
 * the form (66, F3/F2), rep/repne, lock. Returns the next position.
 */
function legacyPrefixes(
  b: Uint8Array,
  p: number,
  pre: number,
  preLen: number,
  prefix: Prefix,
  seg: Reg | null,
): number {
  if (seg !== null) b[p++] = SEG_PREFIX[seg.id] as number;
  put4(b, p, pre);
  p += preLen;
  if (prefix !== Prefix.None) {
    if (prefix & Prefix.Rep) b[p++] = 0xf3;
    if (prefix & Prefix.Repne) b[p++] = 0xf2;
    if (prefix & Prefix.Lock) b[p++] = 0xf0;
  }
  return p;
}

/** A register's demands on REX: 1 needs one (spl..dil), 2 cannot have one (ah..bh). */
function rexNeeds(r: Reg): number {
  return (r.needsRex ? 1 : 0) | (r.high8 ? 2 : 0);
}

/** The REX byte when one is needed (`rex` holds W R X B, `needs` from `rexNeeds`); written always, kept when needed. */
function rexPrefix(b: Uint8Array, p: number, rex: number, needs: number, f: Form): number {
  const present = +(rex !== 0) | (needs & 1);
  if ((needs & 2) !== 0 && present !== 0) {
    throw new AsmError(`${f.mnemonic}: ah, bh, ch and dh cannot be used with a REX prefix`);
  }
  b[p] = 0x40 | rex;
  return p + present;
}

/** 64 bits of a safe integer or bigint, little-endian. */
function u64(b: Uint8Array, p: number, v: number | bigint): number {
  if (typeof v === 'number') {
    put4(b, p, v >>> 0);
    return put4(b, p + 4, Math.floor(v / 4294967296) >>> 0);
  }
  const x = BigInt.asUintN(64, v);
  put4(b, p, Number(x & 0xffffffffn));
  return put4(b, p + 4, Number(x >> 32n));
}

/** An immediate of `size` bytes (its low bytes: a value in range was checked when the form was chosen). */
function writeImm(b: Uint8Array, p: number, v: Imm, size: number): number {
  if (size === 8) return u64(b, p, v);
  put4(b, p, typeof v === 'number' ? v : Number(BigInt.asUintN(32, v)));
  return p + size;
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

/** REX.X and REX.B of a memory operand. */
function memRex(m: Mem): number {
  const base = m.base;
  const index = m.index;
  return (index !== null ? (index.id & 8) >> 2 : 0) | (base !== null && base.cls !== 'rip' ? base.id >> 3 : 0);
}

const SCALE_BITS = [0, 0, 1, 0, 2, 0, 0, 0, 3];

/**
 * ModRM (+SIB, +displacement) for a memory operand. A label displacement
 * becomes a fixup; a RIP-relative one counts from the end of the
 * instruction, `tail` bytes (the immediate) after the field.
 */
function writeMem(b: Uint8Array, p: number, m: Mem, regField: number, tail: number, fixups: Fixup[], n = 1): number {
  const base = m.base;
  const index = m.index;
  const label = m.label;
  const r = regField << 3;
  if (base !== null && base.cls === 'rip') {
    if (index !== null) throw new AsmError('rip-relative addressing takes no index register');
    b[p++] = r | 5;
    if (label === null) return put4(b, p, m.disp);
    fixups.push(fix(p, 4, label, m.disp - 4 - tail, true, false, m.got));
    return put4(b, p, 0);
  }
  if (base === null) {
    b[p++] = r | 4;
    b[p++] = index === null ? 0x25 : ((SCALE_BITS[m.scale] as number) << 6) | ((index.id & 7) << 3) | 5;
    if (label === null) return put4(b, p, m.disp);
    fixups.push(fix(p, 4, label, m.disp, false, true, false));
    return put4(b, p, 0);
  }
  const lo = base.id & 7;
  const d = m.disp;
  // A disp8 counts in units of n bytes (EVEX's compressed disp8*N; 1 otherwise).
  const d8 = n === 1 ? d : d / n;
  const mod = label !== null ? 2 : d === 0 && lo !== 5 ? 0 : (d8 | 0) === d8 && d8 >= -128 && d8 <= 127 ? 1 : 2;
  if (index !== null) {
    b[p++] = (mod << 6) | r | 4;
    b[p++] = ((SCALE_BITS[m.scale] as number) << 6) | ((index.id & 7) << 3) | lo;
  } else if (lo === 4) {
    // rsp and r12 need a SIB byte; without an index (field 4) the scale means nothing and stays 0.
    b[p++] = (mod << 6) | r | 4;
    b[p++] = 0x20 | lo;
  } else b[p++] = (mod << 6) | r | lo;
  if (label !== null) {
    fixups.push(fix(p, 4, label, d, false, true, false));
    return put4(b, p, 0);
  }
  // No displacement, disp8 or disp32: the low bytes of d (or d8), as many as mod says.
  put4(b, p, mod === 1 ? d8 : d);
  return p + (DISP_SIZE[mod] as number);
}

const DISP_SIZE = [0, 1, 4];

/** Legacy ModRM forms (M, MI, MR, RM, RMI, MRI): prefixes, REX, opcode, ModRM, SIB, disp, imm. */
function modrmEncoder(f: Form, roles: Roles): FormEncoder {
  const regAt = roles.reg;
  const rmAt = roles.rm;
  const immAt = roles.imm;
  const immSize = f.imm;
  const pre = pack(f.prefixes, f.mnemonic);
  const preLen = f.prefixes.length;
  const op = pack(f.opcode, f.mnemonic);
  const opLen = f.opcode.length;
  const ext = f.ext;
  const w = f.rexW ? 8 : 0;
  return (ops, out, prefix, fixups) => {
    const rm = ops[rmAt] as Reg | Mem;
    let rex = w;
    let needs = 0;
    let regField = ext;
    if (regAt >= 0) {
      const reg = ops[regAt] as Reg;
      regField = reg.id & 7;
      rex |= (reg.id & 8) >> 1;
      needs = rexNeeds(reg);
    }
    const isMem = rm.kind === 'mem';
    if (prefix !== Prefix.None) checkPrefix(f, prefix, isMem ? rmAt : -1);
    out.ensure(MAX_INSN);
    const b = out.buf;
    let p = out.pos;
    if (isMem) {
      p = legacyPrefixes(b, p, pre, preLen, prefix, rm.seg);
      p = rexPrefix(b, p, rex | memRex(rm), needs, f);
      put4(b, p, op);
      p = writeMem(b, p + opLen, rm, regField, immSize, fixups);
    } else {
      p = legacyPrefixes(b, p, pre, preLen, prefix, null);
      p = rexPrefix(b, p, rex | (rm.id >> 3), needs | rexNeeds(rm), f);
      put4(b, p, op);
      p += opLen;
      b[p++] = 0xc0 | (regField << 3) | (rm.id & 7);
    }
    if (immAt >= 0) p = writeImm(b, p, ops[immAt] as Imm, immSize);
    out.pos = p;
  };
}

/** VEX forms with ModRM (RM, MR, RVM, RVMI, RMI, MRI): the 2-byte VEX prefix when it suffices. */
function vexModrmEncoder(f: Form, roles: Roles): FormEncoder {
  const regAt = roles.reg;
  const rmAt = roles.rm;
  const vAt = roles.v;
  const immAt = roles.imm;
  const immSize = f.imm;
  const vex = f.vex as Vex;
  if (f.opcode.length !== 1 || f.prefixes.length !== 0) throw new AsmError(`form ${f.mnemonic}: bad VEX row`);
  const opcode = f.opcode[0] as number;
  // VEX.W, L and pp (the third byte of the 3-byte form, less vvvv), and whether C5 can say it.
  const wlpp = (vex.w << 7) | (vex.l << 2) | vex.pp;
  const map = vex.map;
  const short = map === 1 && vex.w === 0;
  const swappable = f.swappable;
  const ext = f.ext;
  return (ops, out, prefix, fixups) => {
    const op0 = ops[rmAt] as Reg | Mem;
    const reg0 = regAt >= 0 ? (ops[regAt] as Reg) : null;
    // GNU as: a register-to-register move that would need only VEX.B is
    // encoded by its store twin (reg and rm exchanged) to fit the 2-byte prefix.
    const swap = swappable && reg0 !== null && op0.kind === 'reg' && op0.id >= 8 && reg0.id < 8;
    const rm = swap ? (reg0 as Reg) : op0;
    const reg = swap ? (op0 as Reg) : reg0;
    const vv = (~(vAt >= 0 ? (ops[vAt] as Reg).id : 0) & 15) << 3;
    const isMem = rm.kind === 'mem';
    if (prefix !== Prefix.None) checkPrefix(f, prefix, isMem ? rmAt : -1);
    const xb = isMem ? memRex(rm) : rm.id >> 3;
    const nr = reg !== null && reg.id >= 8 ? 0 : 0x80;
    out.ensure(MAX_INSN);
    const b = out.buf;
    let p = legacyPrefixes(b, out.pos, 0, 0, prefix, isMem ? rm.seg : null);
    if (short && xb === 0) {
      b[p++] = 0xc5;
      b[p++] = nr | vv | wlpp;
    } else {
      b[p++] = 0xc4;
      b[p++] = nr | ((~xb & 3) << 5) | map;
      b[p++] = wlpp | vv;
    }
    b[p++] = swap ? opcode | 1 : opcode;
    const regField = reg !== null ? reg.id & 7 : ext;
    if (isMem) p = writeMem(b, p, rm, regField, immSize, fixups);
    else b[p++] = 0xc0 | (regField << 3) | (rm.id & 7);
    if (immAt >= 0) p = writeImm(b, p, ops[immAt] as Imm, immSize);
    out.pos = p;
  };
}

/**
 * EVEX forms with ModRM (RM, MR, RVM, and with an immediate): the 4-byte
 * prefix 62 P0 P1 P2, opcode, ModRM with the compressed disp8*N (N: the
 * memory operand's width, or the element's when broadcast).
 *
 *   P0: R X B R' 0 m m m   (R X B R' inverted)   P1: W v v v v 1 p p   (vvvv inverted)
 *   P2: z L' L b V' a a a  (V' inverted; aaa the write mask)
 *
 * A rounding operand sets b and puts its mode in L'L; a broadcast sets b.
 */
function evexModrmEncoder(f: Form, roles: Roles): FormEncoder {
  const ev = f.evex as Evex;
  if (f.opcode.length !== 1 || f.prefixes.length !== 0) throw new AsmError(`form ${f.mnemonic}: bad EVEX row`);
  const opcode = f.opcode[0] as number;
  const nk = f.kinds.length;
  const rcAt = f.rcAt;
  const { reg: regAt, rm: rmAt, v: vAt, imm: immAt } = roles;
  const immSize = f.imm;
  const ext = f.ext;
  const p1 = (ev.w << 7) | 4 | ev.pp;
  const llVec = ev.ll << 5;
  const nMem = Math.max(1, (f.kinds[rmAt] as OperandKind).mem);
  const nBcst = (f.decor[rmAt] as Decor).bcst;
  return (ops, out, prefix, fixups) => {
    // Operands after the rounding operand sit one place further on.
    const shift = ops.length > nk ? 1 : 0;
    const at = (i: number) => (shift !== 0 && i > rcAt ? i + 1 : i);
    const rm = ops[at(rmAt)] as Reg | Mem;
    const reg = regAt >= 0 ? (ops[at(regAt)] as Reg) : null;
    const v = vAt >= 0 ? (ops[at(vAt)] as Reg).id : 0;
    const dst = ops[0] as Reg | Mem;
    const isMem = rm.kind === 'mem';
    if (prefix !== Prefix.None) checkPrefix(f, prefix, isMem ? rmAt : -1);
    const r = reg !== null ? reg.id : 0;
    let xb: number;
    if (isMem) xb = memRex(rm);
    else xb = ((rm.id & 16) >> 3) | ((rm.id & 8) >> 3);
    const rxbr = ((r & 8) << 4) | ((xb & 3) << 5) | ((r & 16) << 0);
    let bll = llVec;
    if (shift !== 0) {
      const mode = (ops[rcAt + 1] as Rc).mode;
      bll = 0x10 | (Math.max(mode, 0) << 5);
    } else if (isMem && rm.broadcast !== 0) bll |= 0x10;
    const mask = dst.mask !== null ? dst.mask.id : 0;
    const z = dst.kind === 'reg' && dst.zeroing ? 0x80 : 0;
    out.ensure(MAX_INSN);
    const b = out.buf;
    let p = legacyPrefixes(b, out.pos, 0, 0, prefix, isMem ? rm.seg : null);
    b[p++] = 0x62;
    b[p++] = (~rxbr & 0xf0) | ev.map;
    b[p++] = p1 | ((~v & 15) << 3);
    b[p++] = z | bll | ((~v & 16) >> 1) | mask;
    b[p++] = opcode;
    const regField = reg !== null ? reg.id & 7 : ext;
    if (isMem) p = writeMem(b, p, rm, regField, immSize, fixups, rm.broadcast !== 0 ? nBcst : nMem);
    else b[p++] = 0xc0 | (regField << 3) | (rm.id & 7);
    if (immAt >= 0) p = writeImm(b, p, ops[at(immAt)] as Imm, immSize);
    out.pos = p;
  };
}

/** Forms without ModRM (ZO, O, OI, I): prefixes, REX or VEX, opcode (+ register), immediate. */
function plainEncoder(f: Form, roles: Roles): FormEncoder {
  const oregAt = roles.oreg;
  const immAt = roles.imm;
  const immSize = f.imm;
  const pre = pack(f.prefixes, f.mnemonic);
  const preLen = f.prefixes.length;
  const op = pack(f.opcode, f.mnemonic);
  const opLen = f.opcode.length;
  // The register goes into the low bits of the last opcode byte.
  const regShift = 8 * (opLen - 1);
  const w = f.rexW ? 8 : 0;
  let vexBytes: readonly number[] | null = null;
  if (f.vex !== null) {
    const v = f.vex;
    if (oregAt >= 0) throw new AsmError(`form ${f.mnemonic}: a VEX row with a register in the opcode`);
    // No register operands: vvvv is 1111 and R, X, B are clear (stored inverted).
    vexBytes =
      v.map === 1 && v.w === 0
        ? [0xc5, 0xf8 | (v.l << 2) | v.pp]
        : [0xc4, 0xe0 | v.map, (v.w << 7) | 0x78 | (v.l << 2) | v.pp];
  }
  return (ops, out, prefix) => {
    if (prefix !== Prefix.None) checkPrefix(f, prefix, -1);
    out.ensure(MAX_INSN);
    const b = out.buf;
    let p = legacyPrefixes(b, out.pos, pre, preLen, prefix, null);
    let low = 0;
    if (vexBytes !== null) {
      for (let i = 0; i < vexBytes.length; i++) b[p++] = vexBytes[i] as number;
    } else if (oregAt >= 0) {
      const r = ops[oregAt] as Reg;
      low = r.id & 7;
      p = rexPrefix(b, p, w | (r.id >> 3), rexNeeds(r), f);
    } else if (w !== 0) b[p++] = 0x40 | w;
    put4(b, p, op + low * 2 ** regShift);
    p += opLen;
    if (immAt >= 0) p = writeImm(b, p, ops[immAt] as Imm, immSize);
    out.pos = p;
  };
}

/** A relative branch or call to a label (D): a zero field and a PC-relative fixup. */
function relEncoder(f: Form): FormEncoder {
  const pre = pack(f.prefixes, f.mnemonic);
  const preLen = f.prefixes.length;
  const op = f.opcode;
  const size = f.rel as 1 | 4;
  if (f.rexW) throw new AsmError(`form ${f.mnemonic}: REX.W on a relative branch`);
  return (ops, out, prefix, fixups) => {
    if (prefix !== Prefix.None) checkPrefix(f, prefix, -1);
    out.ensure(MAX_INSN);
    const b = out.buf;
    let p = legacyPrefixes(b, out.pos, pre, preLen, prefix, null);
    for (let i = 0; i < op.length; i++) b[p++] = op[i] as number;
    fixups.push(fix(p, size, ops[0] as Label, -size, true, false, false));
    for (let i = 0; i < size; i++) b[p++] = 0;
    out.pos = p;
  };
}

/** The accumulator to or from a 64-bit absolute address (FD, TD). */
function moffsEncoder(f: Form, at: number): FormEncoder {
  const pre = pack(f.prefixes, f.mnemonic);
  const preLen = f.prefixes.length;
  const op = f.opcode;
  const w = f.rexW ? 8 : 0;
  return (ops, out, prefix, fixups) => {
    const m = ops[at] as Mem;
    if (prefix !== Prefix.None) checkPrefix(f, prefix, at);
    out.ensure(MAX_INSN);
    const b = out.buf;
    let p = legacyPrefixes(b, out.pos, pre, preLen, prefix, m.seg);
    if (w !== 0) b[p++] = 0x40 | w;
    for (let i = 0; i < op.length; i++) b[p++] = op[i] as number;
    if (m.label !== null) fixups.push(fix(p, 8, m.label, m.disp, false, false, false));
    p = u64(b, p, m.bigDisp ?? m.disp);
    out.pos = p;
  };
}
