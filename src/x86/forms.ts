/**
 * The instruction set as data: the rows of the table (table.ts), each
 * parsed into a `Form` the encoder interprets. Adding an instruction form is
 * adding a line to the table.
 *
 * Rows of one mnemonic are tried in order and the first that matches wins, so
 * the order encodes the choices GNU `as` makes (sign-extended imm8 before the
 * accumulator form before the general imm32 form; the store form 89 before
 * the load form 8B for register-to-register moves).
 */

import { type Decor, kindByName, type OperandKind, operandSize, PLAIN } from './kinds.js';
import { AsmError } from './operands.js';
import { TABLE } from './table.js';

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

export interface Evex {
  /** EVEX.L'L: 0 for 128-bit (and LIG), 1 for 256-bit, 2 for 512-bit. */
  ll: number;
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
  readonly evex: Evex | null;
  /** Per operand: the mask, zeroing and broadcast it may carry (AVX-512). */
  readonly decor: readonly Decor[];
  /**
   * A rounding operand the form takes after operand `rcAt` when that is a
   * register: 'er' any static rounding (`{rn-sae}`..), 'sae' only `{sae}`.
   */
  readonly rc: 'er' | 'sae' | null;
  readonly rcAt: number;
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
  /** The CPUID feature flags the encoding needs (`X64`: any x86-64 processor). */
  readonly features: readonly string[];
}

/** The table's guards, by the name its options column gives them. */
const GUARDS: Record<string, (ops: readonly unknown[]) => boolean> = {
  /** `xchg eax, eax` is not 90 (nop), which would not zero-extend. */
  'not-eax-eax': (ops) => !((ops[0] as { id: number }).id === 0 && (ops[1] as { id: number }).id === 0),
  /** `int 3` is the one-byte breakpoint. */
  'imm=3': (ops) => ops[0] === 3 || ops[0] === 3n,
};

const hexByte = /^[0-9A-F]{2}$/;

/** The CPU features the table may name (CPUID feature flags; X64: the x86-64 baseline). */
export const FEATURES: ReadonlySet<string> = new Set([
  'X64',
  'CMOV',
  'LZCNT',
  'BMI1',
  'POPCNT',
  'RDTSCP',
  'SSE',
  'SSE2',
  'SSE4_1',
  'AVX',
  'AVX2',
  'FMA',
  'AVX512F',
  'AVX512VL',
  'AVX512DQ',
  'AVX512BW',
  'PREFETCHW',
]);

const ENCODINGS: ReadonlySet<string> = new Set<Enc>([
  'ZO',
  'O',
  'OI',
  'I',
  'M',
  'MI',
  'MR',
  'RM',
  'RMI',
  'MRI',
  'D',
  'FD',
  'TD',
  'RVM',
  'RVMI',
]);

/** Parses one line of the table, the `id`th row, into a Form. Throws on a malformed row (a bug in the table). */
function parseRow(line: string, id: number): Form {
  const cols = line.split('|').map((c) => c.trim());
  const [instruction = '', opcode = '', enc = '', features = '', options = ''] = cols;
  if (cols.length < 4 || cols.length > 5) throw new AsmError(`table: bad row '${line}'`);
  const space = instruction.indexOf(' ');
  const mnemonic = (space < 0 ? instruction : instruction.slice(0, space)).toLowerCase();
  const operands = space < 0 ? '' : instruction.slice(space + 1);
  if (!ENCODINGS.has(enc)) throw new AsmError(`form ${mnemonic}: bad operand encoding ${enc}`);
  let swappable = false;
  let unsizedDefault = false;
  let guard: ((ops: readonly unknown[]) => boolean) | null = null;
  for (const o of options.split(/\s+/)) {
    if (o === '') continue;
    if (o === 'swap') swappable = true;
    else if (o === 'default') unsizedDefault = true;
    else if (GUARDS[o] !== undefined) guard = GUARDS[o];
    else throw new AsmError(`form ${mnemonic}: bad option ${o}`);
  }
  const featureList = features.split(/\s+/);
  for (const f of featureList) if (!FEATURES.has(f)) throw new AsmError(`form ${mnemonic}: unknown CPU feature ${f}`);
  const kinds: OperandKind[] = [];
  const decor: Decor[] = [];
  let rc: 'er' | 'sae' | null = null;
  let rcAt = -1;
  for (const t of operands.split(',')) {
    // AVX-512 decorations: `zmm1 {k1}{z}`, `zmm3/m512/m64bcst{er}`.
    let name = t.trim();
    if (name === '') continue;
    let mask = false;
    let zero = false;
    for (const d of name.matchAll(/\{([^}]*)\}/g)) {
      const x = d[1] as string;
      if (/^k\d?$/.test(x)) mask = true;
      else if (x === 'z') zero = true;
      else if (x === 'er' || x === 'sae') {
        rc = x;
        rcAt = kinds.length;
      } else throw new AsmError(`form ${mnemonic}: bad decoration {${x}}`);
    }
    name = name.replace(/\s*\{[^}]*\}/g, '');
    let bcst = 0;
    const b = /\/m(\d+)bcst$/.exec(name);
    if (b) {
      bcst = Number(b[1]) / 8;
      name = name.slice(0, b.index);
    }
    // A register's number (xmm1, ymm3/m256, k2) only names the operand.
    name = name.replace(/^(xmm|ymm|zmm|k)\d+/, '$1');
    const k = kindByName.get(name);
    if (k === undefined) throw new AsmError(`form ${mnemonic}: unknown operand kind ${name}`);
    kinds.push(k);
    decor.push(mask || zero || bcst ? { mask, zero, bcst } : PLAIN);
  }
  const bytes: number[] = [];
  const prefixes: number[] = [];
  let ext = -1;
  let rexW = false;
  let vex: Vex | null = null;
  let evex: Evex | null = null;
  let imm = 0;
  let rel = 0;
  for (const tok of opcode.split(/\s+/)) {
    if (tok === '' || tok === '+') continue;
    if (tok === 'REX.W') rexW = true;
    else if (tok.startsWith('VEX.')) vex = parseVex(tok, mnemonic);
    else if (tok.startsWith('EVEX.')) evex = parseEvex(tok, mnemonic);
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
      if (bytes.length === 0 && vex === null && evex === null && (b === 0x66 || b === 0xf2 || b === 0xf3)) {
        prefixes.push(b);
      } else bytes.push(b);
    } else throw new AsmError(`form ${mnemonic}: bad opcode token ${tok}`);
  }
  if (bytes.length === 0) throw new AsmError(`form ${mnemonic}: no opcode`);
  return {
    id,
    mnemonic,
    kinds,
    enc: enc as Enc,
    opcode: bytes,
    prefixes,
    ext,
    rexW,
    vex,
    evex,
    decor,
    rc,
    rcAt,
    imm,
    rel,
    opSize: operandSize(kinds),
    swappable,
    unsizedDefault,
    guard,
    features: featureList,
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

function parseEvex(tok: string, mnemonic: string): Evex {
  const v: Evex = { ll: 0, pp: 0, map: 1, w: 0 };
  for (const part of tok.split('.').slice(1)) {
    if (part === '128' || part === 'LLIG') v.ll = 0;
    else if (part === '256') v.ll = 1;
    else if (part === '512') v.ll = 2;
    else if (part === '66') v.pp = 1;
    else if (part === 'F3') v.pp = 2;
    else if (part === 'F2') v.pp = 3;
    else if (part === '0F') v.map = 1;
    else if (part === '0F38') v.map = 2;
    else if (part === '0F3A') v.map = 3;
    else if (part === 'W0' || part === 'WIG') v.w = 0;
    else if (part === 'W1') v.w = 1;
    else throw new AsmError(`form ${mnemonic}: bad EVEX field ${part}`);
  }
  return v;
}

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
export const repeatable: ReadonlySet<string> = new Set([
  'movsb',
  'movsw',
  'movsd',
  'movsq',
  'stosb',
  'stosw',
  'stosd',
  'stosq',
  'lodsb',
  'lodsw',
  'lodsd',
  'lodsq',
  'cmpsb',
  'cmpsw',
  'cmpsd',
  'cmpsq',
  'scasb',
  'scasw',
  'scasd',
  'scasq',
  'ret',
]);

/**
 * The table's rows by mnemonic, as text with their row numbers (form ids),
 * read from the table once per process when first asked for; a mnemonic's
 * rows are parsed when that mnemonic is first asked for, so a program
 * parses only the rows of the mnemonics it uses.
 */
let index: Map<string, { lines: string[]; ids: number[] }> | null = null;
const parsed = new Map<string, Form[]>();
let rowsParsed = 0;

function rowIndex(): Map<string, { lines: string[]; ids: number[] }> {
  if (index !== null) return index;
  const m = new Map<string, { lines: string[]; ids: number[] }>();
  let id = 0;
  for (const line of TABLE.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const end = t.search(/[\s|]/);
    const mnemonic = t.slice(0, end).toLowerCase();
    let e = m.get(mnemonic);
    if (e === undefined) m.set(mnemonic, (e = { lines: [], ids: [] }));
    e.lines.push(t);
    e.ids.push(id++);
  }
  index = m;
  return m;
}

function formsOf(mnemonic: string): Form[] | undefined {
  const done = parsed.get(mnemonic);
  if (done !== undefined) return done;
  const e = rowIndex().get(mnemonic);
  if (e === undefined) return undefined;
  const forms = e.lines.map((line, i) => parseRow(line, e.ids[i] as number));
  rowsParsed += forms.length;
  parsed.set(mnemonic, forms);
  return forms;
}

/** How many rows of the table this process has parsed (for the start-up test). */
export function rowsParsedSoFar(): number {
  return rowsParsed;
}

/**
 * The forms by mnemonic, in table order, as a map that reads the table on
 * its first use: importing the assembler costs no parse.
 */
class FormTable implements ReadonlyMap<string, readonly Form[]> {
  get size(): number {
    return rowIndex().size;
  }
  get(mnemonic: string): readonly Form[] | undefined {
    return formsOf(mnemonic);
  }
  has(mnemonic: string): boolean {
    return parsed.has(mnemonic) || rowIndex().has(mnemonic);
  }
  forEach(fn: (forms: readonly Form[], mnemonic: string, map: ReadonlyMap<string, readonly Form[]>) => void): void {
    for (const [m, f] of this.entries()) fn(f, m, this);
  }
  keys(): MapIterator<string> {
    return rowIndex().keys();
  }
  *values(): MapIterator<readonly Form[]> {
    for (const m of rowIndex().keys()) yield formsOf(m) as Form[];
  }
  *entries(): MapIterator<[string, readonly Form[]]> {
    for (const m of rowIndex().keys()) yield [m, formsOf(m) as Form[]];
  }
  [Symbol.iterator](): MapIterator<[string, readonly Form[]]> {
    return this.entries();
  }
}

export const formsByMnemonic: ReadonlyMap<string, readonly Form[]> = new FormTable();
