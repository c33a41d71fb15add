/**
 * The instruction set as data. Each row is one encoding form written the way
 * the Intel SDM writes it: mnemonic, operand kinds, opcode column and
 * operand-encoding column. `parseForm` turns a row into a `Form` the encoder
 * interprets; adding an instruction form is adding a row here.
 *
 * Rows of one mnemonic are tried in order and the first that matches wins, so
 * the order encodes the choices GNU `as` makes (sign-extended imm8 before the
 * accumulator form before the general imm32 form; the store form 89 before
 * the load form 8B for register-to-register moves).
 */

import { kindByName, type OperandKind, operandSize } from './kinds.js';
import { AsmError } from './operands.js';

/**
 * How operands map onto the encoding (the SDM's "Op/En" column).
 * O: register in the opcode's low bits. I: immediate with an implicit accumulator.
 * M/MR/RM (+I): ModRM with rm = first/second operand. D: relative branch.
 * VEX forms: R = ModRM.reg, V = VEX.vvvv, M = ModRM.rm, in operand order.
 */
export type Enc =
  | 'ZO'
  | 'O'
  | 'OI'
  | 'I'
  | 'M'
  | 'MI'
  | 'MR'
  | 'RM'
  | 'RMI'
  | 'MRI'
  | 'D'
  | 'FD'
  | 'TD'
  | 'RVM'
  | 'RVMI';

export interface Vex {
  /** VEX.L: 0 for 128-bit (and LIG), 1 for 256-bit. */
  l: number;
  /** Implied prefix: 0 none, 1 66, 2 F3, 3 F2. */
  pp: number;
  /** Opcode map: 1 = 0F, 2 = 0F38, 3 = 0F3A. */
  map: number;
  w: number;
}

export interface Form {
  /** Position in the table (0..), for tables indexed by form. */
  readonly id: number;
  readonly mnemonic: string;
  readonly kinds: readonly OperandKind[];
  readonly enc: Enc;
  /** Opcode bytes (legacy), or the single opcode byte after a VEX prefix. */
  readonly opcode: readonly number[];
  /** Legacy prefixes that are part of the opcode (66, F2, F3), in order. */
  readonly prefixes: readonly number[];
  /** ModRM.reg digit (/0../7), or -1 when ModRM.reg holds a register (/r). */
  readonly ext: number;
  readonly rexW: boolean;
  readonly vex: Vex | null;
  /** Immediate size in bytes (0 if none). */
  readonly imm: number;
  /** Relative displacement size in bytes (0 if none). */
  readonly rel: number;
  /** Operand size in bits, for immediate range checks. */
  readonly opSize: number;
  /**
   * A VEX load form whose store twin is opcode|1: for register operands GNU
   * `as` swaps to the twin when that lets it use the 2-byte VEX prefix
   * (when only VEX.B would be needed otherwise).
   */
  readonly swappable: boolean;
  /**
   * When an unsized memory operand fits rows of several sizes (ambiguous to
   * GNU `as`, so an error here too), this row is taken instead: `push [rax]`
   * is a qword push, as in GNU `as`.
   */
  readonly unsizedDefault: boolean;
  /** Extra condition on the operands (e.g. `xchg eax, eax` is not 90). */
  readonly guard: ((ops: readonly unknown[]) => boolean) | null;
}

interface RowOptions {
  swappable?: boolean;
  unsizedDefault?: boolean;
  guard?: (ops: readonly unknown[]) => boolean;
}

const hexByte = /^[0-9A-F]{2}$/;

/** Parses one SDM-style row, the `id`th of the table, into a Form. Throws on a malformed row (a bug in this table). */
function parseForm(mnemonic: string, operands: string, opcode: string, enc: Enc, opts: RowOptions, id: number): Form {
  const kinds: OperandKind[] = [];
  for (const t of operands.split(',')) {
    const name = t.trim();
    if (name === '') continue;
    const k = kindByName.get(name);
    if (k === undefined) throw new AsmError(`form ${mnemonic}: unknown operand kind ${name}`);
    kinds.push(k);
  }
  const bytes: number[] = [];
  const prefixes: number[] = [];
  let ext = -1;
  let rexW = false;
  let vex: Vex | null = null;
  let imm = 0;
  let rel = 0;
  for (const tok of opcode.split(/\s+/)) {
    if (tok === '' || tok === '+' || tok === 'REX') continue;
    if (tok === 'REX.W') rexW = true;
    else if (tok.startsWith('VEX.')) vex = parseVex(tok, mnemonic);
    else if (/^\/[0-7]$/.test(tok)) ext = Number(tok[1]);
    else if (tok === '/r') ext = -1;
    else if (tok === 'ib') imm = 1;
    else if (tok === 'iw') imm = 2;
    else if (tok === 'id') imm = 4;
    else if (tok === 'io') imm = 8;
    else if (tok === 'cb') rel = 1;
    else if (tok === 'cd') rel = 4;
    else if (/^[0-9A-F]{2}\+r[bwdo]$/.test(tok)) bytes.push(Number.parseInt(tok.slice(0, 2), 16));
    else if (hexByte.test(tok)) {
      const b = Number.parseInt(tok, 16);
      if (bytes.length === 0 && vex === null && (b === 0x66 || b === 0xf2 || b === 0xf3)) {
        prefixes.push(b);
      } else bytes.push(b);
    } else throw new AsmError(`form ${mnemonic}: bad opcode token ${tok}`);
  }
  if (bytes.length === 0) throw new AsmError(`form ${mnemonic}: no opcode`);
  return {
    id,
    mnemonic,
    kinds,
    enc,
    opcode: bytes,
    prefixes,
    ext,
    rexW,
    vex,
    imm,
    rel,
    opSize: operandSize(kinds),
    swappable: opts.swappable ?? false,
    unsizedDefault: opts.unsizedDefault ?? false,
    guard: opts.guard ?? null,
  };
}

function parseVex(tok: string, mnemonic: string): Vex {
  const v: Vex = { l: 0, pp: 0, map: 1, w: 0 };
  for (const part of tok.split('.').slice(1)) {
    if (part === '128' || part === 'LIG' || part === 'LZ' || part === 'L0') v.l = 0;
    else if (part === '256' || part === 'L1') v.l = 1;
    else if (part === '66') v.pp = 1;
    else if (part === 'F3') v.pp = 2;
    else if (part === 'F2') v.pp = 3;
    else if (part === '0F') v.map = 1;
    else if (part === '0F38') v.map = 2;
    else if (part === '0F3A') v.map = 3;
    else if (part === 'W0' || part === 'WIG') v.w = 0;
    else if (part === 'W1') v.w = 1;
    else if (part === 'NDS' || part === 'NDD' || part === 'DDS') {
      // operand roles come from the Op/En column
    } else throw new AsmError(`form ${mnemonic}: bad VEX field ${part}`);
  }
  return v;
}

// ---------------------------------------------------------------------------
// The table.

const rows: Form[] = [];
const row = (m: string, ops: string, opcode: string, enc: Enc, opts: RowOptions = {}) =>
  rows.push(parseForm(m, ops, opcode, enc, opts, rows.length));

const h = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
/** The three operand sizes above a byte, with the prefix that selects each. */
const wide = [
  { s: 16, p: '66 ', i: 'iw', imm: 'imm16' },
  { s: 32, p: '', i: 'id', imm: 'imm32' },
  { s: 64, p: 'REX.W ', i: 'id', imm: 'simm32' },
] as const;
const acc: Record<number, string> = { 8: 'AL', 16: 'AX', 32: 'EAX', 64: 'RAX' };

/** The sixteen condition codes by number (their 4-bit encoding). */
export const CC_NAMES = [
  'o',
  'no',
  'b',
  'ae',
  'e',
  'ne',
  'be',
  'a',
  's',
  'ns',
  'p',
  'np',
  'l',
  'ge',
  'le',
  'g',
] as const;
const CC_ALIASES = {
  b: ['c', 'nae'],
  ae: ['nb', 'nc'],
  e: ['z'],
  ne: ['nz'],
  be: ['na'],
  a: ['nbe'],
  p: ['pe'],
  np: ['po'],
  l: ['nge'],
  ge: ['nl'],
  le: ['ng'],
  g: ['nle'],
} as const satisfies Partial<Record<(typeof CC_NAMES)[number], readonly string[]>>;
/** Every spelling of a condition code that GNU `as` accepts (`jnz`, `setnae`, `cmovpe`). */
export type ConditionName = (typeof CC_NAMES)[number] | (typeof CC_ALIASES)[keyof typeof CC_ALIASES][number];
/** Every spelling of each condition code, with its number. */
export const conditions: [string, number][] = CC_NAMES.flatMap((n, i) =>
  [n, ...((CC_ALIASES as Partial<Record<string, readonly string[]>>)[n] ?? [])].map((a) => [a, i] as [string, number]),
);

// Arithmetic and logic: add or adc sbb and sub xor cmp share one shape.
['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'].forEach((m, n) => {
  const b = n * 8;
  row(m, 'AL, imm8', `${h(b + 4)} ib`, 'I');
  row(m, 'r/m8, imm8', `80 /${n} ib`, 'MI');
  row(m, 'r/m8, r8', `${h(b)} /r`, 'MR');
  row(m, 'r8, r/m8', `${h(b + 2)} /r`, 'RM');
  for (const w of wide) {
    row(m, `r/m${w.s}, simm8`, `${w.p}83 /${n} ib`, 'MI');
    row(m, `${acc[w.s]}, ${w.imm}`, `${w.p}${h(b + 5)} ${w.i}`, 'I');
    row(m, `r/m${w.s}, ${w.imm}`, `${w.p}81 /${n} ${w.i}`, 'MI');
    row(m, `r/m${w.s}, r${w.s}`, `${w.p}${h(b + 1)} /r`, 'MR');
    row(m, `r${w.s}, r/m${w.s}`, `${w.p}${h(b + 3)} /r`, 'RM');
  }
});

// mov
row('mov', 'r/m8, r8', '88 /r', 'MR');
row('mov', 'r8, r/m8', '8A /r', 'RM');
row('mov', 'r8, imm8', 'B0+rb ib', 'OI');
row('mov', 'r/m8, imm8', 'C6 /0 ib', 'MI');
for (const w of wide) {
  row('mov', `r/m${w.s}, r${w.s}`, `${w.p}89 /r`, 'MR');
  row('mov', `r${w.s}, r/m${w.s}`, `${w.p}8B /r`, 'RM');
  if (w.s === 64) {
    row('mov', 'r/m64, simm32', 'REX.W C7 /0 id', 'MI');
    row('mov', 'r64, imm64', 'REX.W B8+rd io', 'OI');
  } else {
    row('mov', `r${w.s}, ${w.imm}`, `${w.p}B8+rd ${w.i}`, 'OI');
    row('mov', `r/m${w.s}, ${w.imm}`, `${w.p}C7 /0 ${w.i}`, 'MI');
  }
}
// 64-bit absolute addresses that do not fit a disp32 (movabs).
row('mov', 'AL, moffs', 'A0', 'FD');
row('mov', 'AX, moffs', '66 A1', 'FD');
row('mov', 'EAX, moffs', 'A1', 'FD');
row('mov', 'RAX, moffs', 'REX.W A1', 'FD');
row('mov', 'moffs, AL', 'A2', 'TD');
row('mov', 'moffs, AX', '66 A3', 'TD');
row('mov', 'moffs, EAX', 'A3', 'TD');
row('mov', 'moffs, RAX', 'REX.W A3', 'TD');
row('movabs', 'r64, imm64', 'REX.W B8+rd io', 'OI');
row('movabs', 'AL, moffs', 'A0', 'FD');
row('movabs', 'AX, moffs', '66 A1', 'FD');
row('movabs', 'EAX, moffs', 'A1', 'FD');
row('movabs', 'RAX, moffs', 'REX.W A1', 'FD');
row('movabs', 'moffs, AL', 'A2', 'TD');
row('movabs', 'moffs, AX', '66 A3', 'TD');
row('movabs', 'moffs, EAX', 'A3', 'TD');
row('movabs', 'moffs, RAX', 'REX.W A3', 'TD');

// Zero and sign extension.
for (const [m, o] of [
  ['movzx', 0xb6],
  ['movsx', 0xbe],
] as const) {
  row(m, 'r16, r/m8', `66 0F ${h(o)} /r`, 'RM');
  row(m, 'r32, r/m8', `0F ${h(o)} /r`, 'RM');
  row(m, 'r64, r/m8', `REX.W 0F ${h(o)} /r`, 'RM');
  row(m, 'r16, r/m16', `66 0F ${h(o + 1)} /r`, 'RM');
  row(m, 'r32, r/m16', `0F ${h(o + 1)} /r`, 'RM');
  row(m, 'r64, r/m16', `REX.W 0F ${h(o + 1)} /r`, 'RM');
}
row('movsxd', 'r64, r/m32', 'REX.W 63 /r', 'RM');
row('movsxd', 'r32, r/m32', '63 /r', 'RM');
row('movsx', 'r64, r/m32', 'REX.W 63 /r', 'RM');

row('lea', 'r16, m', '66 8D /r', 'RM');
row('lea', 'r32, m', '8D /r', 'RM');
row('lea', 'r64, m', 'REX.W 8D /r', 'RM');

// test: no sign-extended imm8 form.
row('test', 'AL, imm8', 'A8 ib', 'I');
row('test', 'r/m8, imm8', 'F6 /0 ib', 'MI');
row('test', 'r/m8, r8', '84 /r', 'MR');
row('test', 'r8, r/m8', '84 /r', 'RM');
for (const w of wide) {
  row('test', `${acc[w.s]}, ${w.imm}`, `${w.p}A9 ${w.i}`, 'I');
  row('test', `r/m${w.s}, ${w.imm}`, `${w.p}F7 /0 ${w.i}`, 'MI');
  row('test', `r/m${w.s}, r${w.s}`, `${w.p}85 /r`, 'MR');
  row('test', `r${w.s}, r/m${w.s}`, `${w.p}85 /r`, 'RM');
}

// xchg: 90+r with the accumulator, except `xchg eax, eax` (90 is nop in 64-bit mode).
const notSameEax = (ops: readonly unknown[]) =>
  !((ops[0] as { id: number }).id === 0 && (ops[1] as { id: number }).id === 0);
// GNU as encodes `xchg rax, rax` as a bare 90: REX.W changes nothing there.
row('xchg', 'RAX, RAX', '90', 'ZO');
for (const w of wide) {
  const g = w.s === 32 ? { guard: notSameEax } : {};
  row('xchg', `${acc[w.s]}, r${w.s}`, `${w.p}90+rd`, 'O', g);
  row('xchg', `r${w.s}, ${acc[w.s]}`, `${w.p}90+rd`, 'O', g);
  row('xchg', `r/m${w.s}, r${w.s}`, `${w.p}87 /r`, 'MR');
  row('xchg', `r${w.s}, r/m${w.s}`, `${w.p}87 /r`, 'RM');
}
row('xchg', 'r/m8, r8', '86 /r', 'MR');
row('xchg', 'r8, r/m8', '86 /r', 'RM');

// One-operand group 3 and inc/dec.
for (const [m, n] of [
  ['not', 2],
  ['neg', 3],
  ['mul', 4],
  ['imul', 5],
  ['div', 6],
  ['idiv', 7],
] as const) {
  row(m, 'r/m8', `F6 /${n}`, 'M');
  for (const w of wide) row(m, `r/m${w.s}`, `${w.p}F7 /${n}`, 'M');
}
for (const [m, n] of [
  ['inc', 0],
  ['dec', 1],
] as const) {
  row(m, 'r/m8', `FE /${n}`, 'M');
  for (const w of wide) row(m, `r/m${w.s}`, `${w.p}FF /${n}`, 'M');
}
for (const w of wide) {
  row('imul', `r${w.s}, r/m${w.s}`, `${w.p}0F AF /r`, 'RM');
  row('imul', `r${w.s}, r/m${w.s}, simm8`, `${w.p}6B /r ib`, 'RMI');
  row('imul', `r${w.s}, r/m${w.s}, ${w.imm}`, `${w.p}69 /r ${w.i}`, 'RMI');
}

// Shifts and rotates.
for (const [m, n] of [
  ['rol', 0],
  ['ror', 1],
  ['rcl', 2],
  ['rcr', 3],
  ['shl', 4],
  ['sal', 4],
  ['shr', 5],
  ['sar', 7],
] as const) {
  row(m, 'r/m8, 1', `D0 /${n}`, 'M');
  row(m, 'r/m8, CL', `D2 /${n}`, 'M');
  row(m, 'r/m8, imm8', `C0 /${n} ib`, 'MI');
  for (const w of wide) {
    row(m, `r/m${w.s}, 1`, `${w.p}D1 /${n}`, 'M');
    row(m, `r/m${w.s}, CL`, `${w.p}D3 /${n}`, 'M');
    row(m, `r/m${w.s}, imm8`, `${w.p}C1 /${n} ib`, 'MI');
  }
}
for (const [m, o] of [
  ['shld', 0xa4],
  ['shrd', 0xac],
] as const) {
  for (const w of wide) {
    row(m, `r/m${w.s}, r${w.s}, imm8`, `${w.p}0F ${h(o)} /r ib`, 'MRI');
    row(m, `r/m${w.s}, r${w.s}, CL`, `${w.p}0F ${h(o + 1)} /r`, 'MR');
  }
}

// Stack, calls, jumps.
row('push', 'r64', '50+rd', 'O');
row('push', 'r16', '66 50+rd', 'O');
row('push', 'simm8', '6A ib', 'I');
row('push', 'simm32', '68 id', 'I');
row('push', 'r/m64', 'FF /6', 'M', { unsizedDefault: true });
row('push', 'r/m16', '66 FF /6', 'M');
row('pop', 'r64', '58+rd', 'O');
row('pop', 'r16', '66 58+rd', 'O');
row('pop', 'r/m64', '8F /0', 'M', { unsizedDefault: true });
row('pop', 'r/m16', '66 8F /0', 'M');
row('call', 'rel32', 'E8 cd', 'D');
row('call', 'r/m64', 'FF /2', 'M');
row('jmp', 'rel8', 'EB cb', 'D');
row('jmp', 'rel32', 'E9 cd', 'D');
row('jmp', 'r/m64', 'FF /4', 'M');
row('ret', '', 'C3', 'ZO');
row('ret', 'imm16', 'C2 iw', 'I');
row('leave', '', 'C9', 'ZO');
for (const [cc, n] of conditions) {
  row(`j${cc}`, 'rel8', `${h(0x70 + n)} cb`, 'D');
  row(`j${cc}`, 'rel32', `0F ${h(0x80 + n)} cd`, 'D');
  row(`set${cc}`, 'r/m8', `0F ${h(0x90 + n)} /0`, 'M');
  for (const w of wide) row(`cmov${cc}`, `r${w.s}, r/m${w.s}`, `${w.p}0F ${h(0x40 + n)} /r`, 'RM');
}
row('jrcxz', 'rel8', 'E3 cb', 'D');
row('loop', 'rel8', 'E2 cb', 'D');

// Bits.
for (const [m, o, n] of [
  ['bt', 0xa3, 4],
  ['bts', 0xab, 5],
  ['btr', 0xb3, 6],
  ['btc', 0xbb, 7],
] as const) {
  for (const w of wide) {
    row(m, `r/m${w.s}, r${w.s}`, `${w.p}0F ${h(o)} /r`, 'MR');
    row(m, `r/m${w.s}, imm8`, `${w.p}0F BA /${n} ib`, 'MI');
  }
}
for (const w of wide) {
  row('bsf', `r${w.s}, r/m${w.s}`, `${w.p}0F BC /r`, 'RM');
  row('bsr', `r${w.s}, r/m${w.s}`, `${w.p}0F BD /r`, 'RM');
  row('lzcnt', `r${w.s}, r/m${w.s}`, `${w.p}F3 0F BD /r`, 'RM');
  row('tzcnt', `r${w.s}, r/m${w.s}`, `${w.p}F3 0F BC /r`, 'RM');
  row('popcnt', `r${w.s}, r/m${w.s}`, `${w.p}F3 0F B8 /r`, 'RM');
  row('xadd', `r/m${w.s}, r${w.s}`, `${w.p}0F C1 /r`, 'MR');
  row('cmpxchg', `r/m${w.s}, r${w.s}`, `${w.p}0F B1 /r`, 'MR');
}
row('bswap', 'r32', '0F C8+rd', 'O');
row('bswap', 'r64', 'REX.W 0F C8+rd', 'O');
row('xadd', 'r/m8, r8', '0F C0 /r', 'MR');
row('cmpxchg', 'r/m8, r8', '0F B0 /r', 'MR');

// No operands.
for (const [m, op] of [
  ['cbw', '66 98'],
  ['cwde', '98'],
  ['cdqe', 'REX.W 98'],
  ['cwd', '66 99'],
  ['cdq', '99'],
  ['cqo', 'REX.W 99'],
  ['nop', '90'],
  ['int3', 'CC'],
  ['ud2', '0F 0B'],
  ['pause', 'F3 90'],
  ['syscall', '0F 05'],
  ['cpuid', '0F A2'],
  ['rdtsc', '0F 31'],
  ['rdtscp', '0F 01 F9'],
  ['mfence', '0F AE F0'],
  ['lfence', '0F AE E8'],
  ['sfence', '0F AE F8'],
  ['hlt', 'F4'],
  ['clc', 'F8'],
  ['stc', 'F9'],
  ['cld', 'FC'],
  ['std', 'FD'],
  ['movsb', 'A4'],
  ['movsw', '66 A5'],
  ['movsd', 'A5'],
  ['movsq', 'REX.W A5'],
  ['stosb', 'AA'],
  ['stosw', '66 AB'],
  ['stosd', 'AB'],
  ['stosq', 'REX.W AB'],
  ['lodsb', 'AC'],
  ['lodsq', 'REX.W AD'],
  ['cmpsb', 'A6'],
  ['scasb', 'AE'],
] as const) {
  row(m, '', op, 'ZO');
}
row('nop', 'r/m16', '66 0F 1F /0', 'M');
row('nop', 'r/m32', '0F 1F /0', 'M');
row('nop', 'r/m64', 'REX.W 0F 1F /0', 'M');
// GNU as turns `int 3` into the one-byte breakpoint int3.
row('int', 'imm8', 'CC', 'ZO', { guard: (ops) => ops[0] === 3 || ops[0] === 3n });
row('int', 'imm8', 'CD ib', 'I');

// SSE and SSE2.
const sseMoves: [string, string, string, string][] = [
  ['movsd', 'F2 0F', 'xmm/m64', '10'],
  ['movss', 'F3 0F', 'xmm/m32', '10'],
  ['movapd', '66 0F', 'xmm/m128', '28'],
  ['movupd', '66 0F', 'xmm/m128', '10'],
  ['movaps', '0F', 'xmm/m128', '28'],
  ['movups', '0F', 'xmm/m128', '10'],
  ['movdqa', '66 0F', 'xmm/m128', '6F'],
  ['movdqu', 'F3 0F', 'xmm/m128', '6F'],
];
for (const [m, p, src, o] of sseMoves) {
  const store = m === 'movdqa' || m === 'movdqu' ? '7F' : h(Number.parseInt(o, 16) + 1);
  row(m, `xmm, ${src}`, `${p} ${o} /r`, 'RM');
  row(m, `${src}, xmm`, `${p} ${store} /r`, 'MR');
}
// movd with a 64-bit operand is movq (GNU as takes both spellings; unsized memory is a dword).
row('movd', 'xmm, r/m32', '66 0F 6E /r', 'RM', { unsizedDefault: true });
row('movd', 'r/m32, xmm', '66 0F 7E /r', 'MR', { unsizedDefault: true });
row('movd', 'xmm, r/m64', '66 REX.W 0F 6E /r', 'RM');
row('movd', 'r/m64, xmm', '66 REX.W 0F 7E /r', 'MR');
row('movq', 'xmm, xmm/m64', 'F3 0F 7E /r', 'RM');
row('movq', 'xmm, r/m64', '66 REX.W 0F 6E /r', 'RM');
row('movq', 'xmm/m64, xmm', '66 0F D6 /r', 'MR');
row('movq', 'r/m64, xmm', '66 REX.W 0F 7E /r', 'MR');
for (const [op, o] of [
  ['add', 0x58],
  ['mul', 0x59],
  ['sub', 0x5c],
  ['min', 0x5d],
  ['div', 0x5e],
  ['max', 0x5f],
  ['sqrt', 0x51],
] as const) {
  row(`${op}sd`, 'xmm, xmm/m64', `F2 0F ${h(o)} /r`, 'RM');
  row(`${op}ss`, 'xmm, xmm/m32', `F3 0F ${h(o)} /r`, 'RM');
  row(`${op}pd`, 'xmm, xmm/m128', `66 0F ${h(o)} /r`, 'RM');
  row(`${op}ps`, 'xmm, xmm/m128', `0F ${h(o)} /r`, 'RM');
}
for (const [op, o] of [
  ['and', 0x54],
  ['andn', 0x55],
  ['or', 0x56],
  ['xor', 0x57],
] as const) {
  row(`${op}pd`, 'xmm, xmm/m128', `66 0F ${h(o)} /r`, 'RM');
  row(`${op}ps`, 'xmm, xmm/m128', `0F ${h(o)} /r`, 'RM');
}
row('pxor', 'xmm, xmm/m128', '66 0F EF /r', 'RM');
row('pand', 'xmm, xmm/m128', '66 0F DB /r', 'RM');
row('por', 'xmm, xmm/m128', '66 0F EB /r', 'RM');
row('paddq', 'xmm, xmm/m128', '66 0F D4 /r', 'RM');
row('psubq', 'xmm, xmm/m128', '66 0F FB /r', 'RM');
row('ucomisd', 'xmm, xmm/m64', '66 0F 2E /r', 'RM');
row('comisd', 'xmm, xmm/m64', '66 0F 2F /r', 'RM');
row('ucomiss', 'xmm, xmm/m32', '0F 2E /r', 'RM');
row('comiss', 'xmm, xmm/m32', '0F 2F /r', 'RM');
row('cvtsi2sd', 'xmm, r/m32', 'F2 0F 2A /r', 'RM');
row('cvtsi2sd', 'xmm, r/m64', 'F2 REX.W 0F 2A /r', 'RM');
row('cvtsi2ss', 'xmm, r/m32', 'F3 0F 2A /r', 'RM');
row('cvtsi2ss', 'xmm, r/m64', 'F3 REX.W 0F 2A /r', 'RM');
row('cvttsd2si', 'r32, xmm/m64', 'F2 0F 2C /r', 'RM');
row('cvttsd2si', 'r64, xmm/m64', 'F2 REX.W 0F 2C /r', 'RM');
row('cvtsd2si', 'r32, xmm/m64', 'F2 0F 2D /r', 'RM');
row('cvtsd2si', 'r64, xmm/m64', 'F2 REX.W 0F 2D /r', 'RM');
row('cvtsd2ss', 'xmm, xmm/m64', 'F2 0F 5A /r', 'RM');
row('cvtss2sd', 'xmm, xmm/m32', 'F3 0F 5A /r', 'RM');
row('unpcklpd', 'xmm, xmm/m128', '66 0F 14 /r', 'RM');
row('unpckhpd', 'xmm, xmm/m128', '66 0F 15 /r', 'RM');
row('shufpd', 'xmm, xmm/m128, imm8', '66 0F C6 /r ib', 'RMI');
row('movmskpd', 'r32, xmm', '66 0F 50 /r', 'RM');
row('roundsd', 'xmm, xmm/m64, imm8', '66 0F 3A 0B /r ib', 'RMI');

// AVX, AVX2, FMA.
const vexMoves: [string, string, string, string][] = [
  ['vmovupd', '66', '10', '11'],
  ['vmovapd', '66', '28', '29'],
  ['vmovups', '', '10', '11'],
  ['vmovaps', '', '28', '29'],
];
for (const [m, pp, ld, st] of vexMoves) {
  const p = pp ? `.${pp}` : '';
  row(m, 'xmm, xmm/m128', `VEX.128${p}.0F.WIG ${ld} /r`, 'RM', { swappable: true });
  row(m, 'xmm/m128, xmm', `VEX.128${p}.0F.WIG ${st} /r`, 'MR');
  row(m, 'ymm, ymm/m256', `VEX.256${p}.0F.WIG ${ld} /r`, 'RM', { swappable: true });
  row(m, 'ymm/m256, ymm', `VEX.256${p}.0F.WIG ${st} /r`, 'MR');
}
row('vmovsd', 'xmm, xmm, xmm', 'VEX.LIG.F2.0F.WIG 10 /r', 'RVM', { swappable: true });
row('vmovsd', 'xmm, m64', 'VEX.LIG.F2.0F.WIG 10 /r', 'RM');
row('vmovsd', 'm64, xmm', 'VEX.LIG.F2.0F.WIG 11 /r', 'MR');
for (const [op, o] of [
  ['add', 0x58],
  ['mul', 0x59],
  ['sub', 0x5c],
  ['min', 0x5d],
  ['div', 0x5e],
  ['max', 0x5f],
  ['and', 0x54],
  ['xor', 0x57],
] as const) {
  row(`v${op}pd`, 'xmm, xmm, xmm/m128', `VEX.128.66.0F.WIG ${h(o)} /r`, 'RVM');
  row(`v${op}pd`, 'ymm, ymm, ymm/m256', `VEX.256.66.0F.WIG ${h(o)} /r`, 'RVM');
  if (op !== 'and' && op !== 'xor') {
    row(`v${op}sd`, 'xmm, xmm, xmm/m64', `VEX.LIG.F2.0F.WIG ${h(o)} /r`, 'RVM');
  }
}
for (const [m, o] of [
  ['vfmadd132pd', 0x98],
  ['vfmadd213pd', 0xa8],
  ['vfmadd231pd', 0xb8],
  ['vfnmadd231pd', 0xbc],
] as const) {
  row(m, 'xmm, xmm, xmm/m128', `VEX.128.66.0F38.W1 ${h(o)} /r`, 'RVM');
  row(m, 'ymm, ymm, ymm/m256', `VEX.256.66.0F38.W1 ${h(o)} /r`, 'RVM');
}
for (const [m, o] of [
  ['vfmadd132sd', 0x99],
  ['vfmadd213sd', 0xa9],
  ['vfmadd231sd', 0xb9],
  ['vfnmadd231sd', 0xbd],
] as const) {
  row(m, 'xmm, xmm, xmm/m64', `VEX.LIG.66.0F38.W1 ${h(o)} /r`, 'RVM');
}
row('vbroadcastsd', 'ymm, xmm/m64', 'VEX.256.66.0F38.W0 19 /r', 'RM');
row('vextractf128', 'xmm/m128, ymm, imm8', 'VEX.256.66.0F3A.W0 19 /r ib', 'MRI');
row('vinsertf128', 'ymm, ymm, xmm/m128, imm8', 'VEX.256.66.0F3A.W0 18 /r ib', 'RVMI');
row('vperm2f128', 'ymm, ymm, ymm/m256, imm8', 'VEX.256.66.0F3A.W0 06 /r ib', 'RVMI');
row('vpermpd', 'ymm, ymm/m256, imm8', 'VEX.256.66.0F3A.W1 01 /r ib', 'RMI');
row('vzeroupper', '', 'VEX.128.0F.WIG 77', 'ZO');

/** Instructions a lock prefix may precede, with memory as their destination (xchg: either operand); the encoder checks. */
export const lockable: ReadonlySet<string> = new Set([
  'add',
  'adc',
  'and',
  'btc',
  'btr',
  'bts',
  'cmpxchg',
  'dec',
  'inc',
  'neg',
  'not',
  'or',
  'sbb',
  'sub',
  'xadd',
  'xchg',
  'xor',
]);

/** Instructions a rep/repe/repne prefix may precede: the string instructions (and `rep ret`). */
export const repeatable: ReadonlySet<string> = new Set(
  ['movs', 'stos', 'lods', 'cmps', 'scas'].flatMap((m) => ['b', 'w', 'd', 'q'].map((s) => m + s)).concat('ret'),
);

/** Every form, grouped by mnemonic in table order. */
export const formsByMnemonic: ReadonlyMap<string, readonly Form[]> = (() => {
  const m = new Map<string, Form[]>();
  for (const f of rows) {
    let list = m.get(f.mnemonic);
    if (!list) m.set(f.mnemonic, (list = []));
    list.push(f);
  }
  return m;
})();

/** The number of forms in the table (their ids are 0 .. formCount - 1). */
export const formCount = rows.length;

/** All mnemonics the table knows. */
export const mnemonics: readonly string[] = [...formsByMnemonic.keys()];
