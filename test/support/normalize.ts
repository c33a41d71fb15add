/**
 * Canonical text of an Intel-syntax instruction, so that a source line
 * written for GNU `as` and the line `objdump -d -M intel` prints for its
 * bytes compare equal exactly when they mean the same instruction: one
 * spelling per condition code, numbers as values (an immediate modulo the
 * width it is extended to), memory operands as base/index/scale/disp,
 * labels resolved to addresses, objdump's string-instruction operands folded
 * into the suffixed mnemonic; AVX-512 masks (`{k1}{z}`), broadcasts
 * (`qword ptr [rax]{1to8}` and objdump's `QWORD BCST [rax]`) and rounding
 * (`zmm2, {rn-sae}` and objdump's `zmm2{rn-sae}`) spelled one way.
 */

import { registers } from '../../src/x86/operands.js';

export interface NormalizeContext {
  /** Label addresses (lower-case names), for branch targets and RIP-relative labels. */
  labels: ReadonlyMap<string, number>;
  /** Address of the end of the instruction (RIP-relative displacements count from there). */
  end: number;
  /** Print memory operands without their size (the source left it to the instruction). */
  dropMemSize?: boolean;
}

type Op =
  | { t: 'reg'; name: string; size: number; vec: boolean; deco: string }
  | { t: 'imm'; v: bigint }
  | { t: 'addr'; v: number }
  | { t: 'rc'; name: string }
  | {
      t: 'mem';
      size: number;
      seg: string;
      base: string;
      index: string;
      scale: number;
      disp: bigint;
      bcst: boolean;
      deco: string;
    };

const SIZES: Record<string, number> = {
  byte: 1,
  word: 2,
  dword: 4,
  qword: 8,
  tbyte: 10,
  xmmword: 16,
  ymmword: 32,
  zmmword: 64,
};
/**
 * Condition-code spellings (Intel SDM, Jcc), written out here rather than
 * taken from the table under test, to the canonical name.
 */
const CC = new Map<string, string>(
  [
    ['o'],
    ['no'],
    ['b', 'c', 'nae'],
    ['ae', 'nb', 'nc'],
    ['e', 'z'],
    ['ne', 'nz'],
    ['be', 'na'],
    ['a', 'nbe'],
    ['s'],
    ['ns'],
    ['p', 'pe'],
    ['np', 'po'],
    ['l', 'nge'],
    ['ge', 'nl'],
    ['le', 'ng'],
    ['g', 'nle'],
  ].flatMap((names) => names.map((n): [string, string] => [n, names[0] as string])),
);
const PREFIX_WORDS: Record<string, string> = {
  lock: 'lock',
  rep: 'rep',
  repe: 'rep',
  repz: 'rep',
  repne: 'repne',
  repnz: 'repne',
};
const STRING_OPS = new Set(['movs', 'stos', 'lods', 'cmps', 'scas']);
const SUFFIX: Record<number, string> = { 1: 'b', 2: 'w', 4: 'd', 8: 'q' };
/** Instructions whose immediate is an 8-bit field, not extended to the operand size. */
const IMM8_FIELD = new Set([
  'rol',
  'ror',
  'rcl',
  'rcr',
  'shl',
  'shr',
  'sar',
  'shld',
  'shrd',
  'bt',
  'bts',
  'btr',
  'btc',
]);

function isBranch(m: string): boolean {
  return m.startsWith('j') || m === 'call' || m === 'loop';
}

function parseNumber(s: string): bigint | null {
  if (/^-?0x[0-9a-f]+$/.test(s)) return s.startsWith('-') ? -BigInt(s.slice(1)) : BigInt(s);
  if (/^-?\d+$/.test(s)) return BigInt(s);
  return null;
}

function parseOperand(raw: string, mnemonic: string, ctx: NormalizeContext): Op {
  let s = raw.trim();
  // AVX-512 decorations: a write mask and zeroing, a broadcast count, a rounding mode.
  let deco = '';
  let bcst = false;
  for (const m of s.matchAll(/\{([^}]*)\}/g)) {
    const d = m[1] as string;
    if (/^1to\d+$/.test(d)) bcst = true;
    else if (/^k[1-7]$/.test(d) || d === 'z') deco += `{${d}}`;
    else if (/^(r[nduz]-)?sae$/.test(d)) {
      if (s.replace(/\{[^}]*\}/g, '').trim() === '') return { t: 'rc', name: d };
      deco += `{${d}}`;
    } else throw new Error(`unknown decoration {${d}} in ${raw}`);
  }
  s = s.replace(/\s*\{[^}]*\}/g, '').trim();
  let size = 0;
  const bm = /^(\w+)\s+bcst\s*/.exec(s);
  if (bm) {
    bcst = true;
    s = s.replace(/\s+bcst\s*/, ' ptr ');
  }
  const sm = /^(\w+)\s+ptr\s*/.exec(s);
  if (sm) {
    const sz = SIZES[sm[1] as string];
    if (sz === undefined) throw new Error(`unknown size in ${raw}`);
    size = sz;
    s = s.slice(sm[0].length);
  }
  let seg = '';
  const gm = /^([cdefgs]s):\s*/.exec(s);
  if (gm) {
    seg = gm[1] as string;
    s = s.slice(gm[0].length);
  }
  if (s.startsWith('[') || size !== 0 || seg !== '') {
    const inner = s.startsWith('[') ? s.slice(1, s.lastIndexOf(']')) : s;
    let base = '';
    let index = '';
    let scale = 1;
    let disp = 0n;
    for (const m of inner.matchAll(/([+-]?)\s*([^+-]+)/g)) {
      const neg = m[1] === '-';
      const term = (m[2] as string).trim();
      const sc = /^(\w+)\s*\*\s*(\d)$/.exec(term) ?? /^(\d)\s*\*\s*(\w+)$/.exec(term);
      if (sc) {
        const [r, k] = /^\d$/.test(sc[1] as string) ? [sc[2], sc[1]] : [sc[1], sc[2]];
        index = r as string;
        scale = Number(k);
        continue;
      }
      if (registers.has(term)) {
        if (base === '') base = term;
        else index = term;
        continue;
      }
      const n = parseNumber(term);
      if (n !== null) {
        disp += neg ? -n : n;
        continue;
      }
      const addr = ctx.labels.get(term);
      if (addr === undefined) throw new Error(`unknown label ${term} in ${raw}`);
      if (base !== 'rip') throw new Error(`absolute label reference ${raw}`);
      disp += BigInt(neg ? -(addr - ctx.end) : addr - ctx.end);
    }
    // A displacement is sign-extended (an absolute one to 64 bits).
    disp = BigInt.asIntN(64, disp);
    if (seg === 'ds') seg = '';
    return { t: 'mem', size, seg, base, index, scale: index ? scale : 0, disp, bcst, deco };
  }
  const r = registers.get(s);
  if (r) return { t: 'reg', name: s, size: r.size, vec: r.cls === 'xmm' || r.cls === 'ymm' || r.cls === 'zmm', deco };
  if (isBranch(mnemonic) && /^[0-9a-f]+$/.test(s)) return { t: 'addr', v: Number.parseInt(s, 16) };
  const n = parseNumber(s);
  if (n !== null) return isBranch(mnemonic) ? { t: 'addr', v: Number(n) } : { t: 'imm', v: n };
  const addr = ctx.labels.get(s);
  if (addr !== undefined) return { t: 'addr', v: addr };
  throw new Error(`cannot parse operand '${raw}'`);
}

function opSize(o: Op | undefined): number {
  if (o === undefined) return 0;
  return o.t === 'reg' || o.t === 'mem' ? o.size : 0;
}

function show(o: Op, dropMemSize: boolean): string {
  switch (o.t) {
    case 'reg':
      return o.name + o.deco;
    case 'rc':
      return `{${o.name}}`;
    case 'imm':
      return `$${o.v.toString(16)}`;
    case 'addr':
      return `@${o.v.toString(16)}`;
    case 'mem': {
      const parts: string[] = [];
      if (o.base) parts.push(o.base);
      if (o.index) parts.push(`${o.index}*${o.scale}`);
      if (o.disp !== 0n || parts.length === 0) parts.push(o.disp.toString(16));
      const size = dropMemSize ? '' : `${o.size}:`;
      return `${size}${o.bcst ? 'bcst:' : ''}${o.seg ? `${o.seg}:` : ''}[${parts.join('+')}]${o.deco}`;
    }
  }
}

/** The canonical text of one Intel-syntax instruction (GNU `as` source or objdump output). */
export function normalize(text: string, ctx: NormalizeContext): string {
  const line = text
    .replace(/#.*$/, '')
    .replace(/<[^>]*>/g, '')
    .trim()
    .toLowerCase();
  const words = line.split(/\s+/);
  const prefixes: string[] = [];
  while (words.length > 1 && PREFIX_WORDS[words[0] as string] !== undefined) {
    prefixes.push(PREFIX_WORDS[words.shift() as string] as string);
  }
  let mnemonic = words.shift() ?? '';
  const rest = words.join(' ').trim();
  let ops = rest === '' ? [] : rest.split(',').map((o) => parseOperand(o, mnemonic, ctx));
  // A rounding mode written on its register (objdump) is an operand of its own (the source).
  ops = ops.flatMap((o): Op[] => {
    const m = o.t === 'reg' ? /\{((r[nduz]-)?sae)\}/.exec(o.deco) : null;
    return m && o.t === 'reg'
      ? [
          { ...o, deco: o.deco.replace(m[0], '') },
          { t: 'rc', name: m[1] as string },
        ]
      : [o];
  });

  // One spelling per condition code.
  for (const p of ['j', 'set', 'cmov']) {
    const cc = CC.get(mnemonic.slice(p.length));
    if (mnemonic.startsWith(p) && cc !== undefined) mnemonic = `${p}${cc}`;
  }
  if (mnemonic === 'sal') mnemonic = 'shl';
  if (mnemonic === 'movabs') mnemonic = 'mov';
  if (mnemonic === 'movsx' && opSize(ops[1]) === 4) mnemonic = 'movsxd';
  if (mnemonic === 'movd' && ops.some((o) => opSize(o) === 8)) mnemonic = 'movq';
  if (STRING_OPS.has(mnemonic) && ops.length > 0) {
    const m = ops.find((o) => o.t === 'mem') ?? ops[0];
    mnemonic += SUFFIX[opSize(m)] ?? '?';
    ops = [];
  }
  if (mnemonic === 'int' && ops.length === 1 && ops[0]?.t === 'imm' && ops[0].v === 3n) {
    mnemonic = 'int3';
    ops = [];
  }
  // GNU as encodes `xchg rax, rax` as 90, which objdump calls `nop`.
  if (mnemonic === 'xchg' && ops.length === 2 && ops.every((o) => o.t === 'reg' && o.name === 'rax')) {
    mnemonic = 'nop';
    ops = [];
  }
  if (mnemonic === 'imul' && ops.length === 2 && ops[1]?.t === 'imm') ops = [ops[0] as Op, ops[0] as Op, ops[1]];
  // objdump prints a moffs operand (`movabs eax,ds:0x10`) without its size: the register gives it.
  const reg = ops.find((o) => o.t === 'reg' && !o.vec);
  if (mnemonic === 'mov' && reg?.t === 'reg')
    ops = ops.map((o) => (o.t === 'mem' && o.size === 0 ? { ...o, size: reg.size } : o));

  // An immediate is compared modulo the width the instruction extends it to.
  let width = opSize(ops[0]) * 8 || 64;
  if (IMM8_FIELD.has(mnemonic) || mnemonic === 'int' || ops.some((o) => o.t === 'reg' && o.vec)) width = 8;
  if (mnemonic === 'ret') width = 16;
  if (mnemonic === 'push') width = 64;
  const shown = ops.map((o) =>
    show(o.t === 'imm' ? { t: 'imm', v: BigInt.asUintN(width, o.v) } : o, ctx.dropMemSize ?? false),
  );
  if (mnemonic === 'xchg' || mnemonic === 'test') shown.sort();
  return `${prefixes.map((p) => `${p} `).join('')}${mnemonic} ${shown.join(',')}`.trim();
}

/** Whether the source line leaves a memory operand's size to the instruction. */
export function hasUnsizedMemory(text: string): boolean {
  const ops = text.trim().split(/\s+/).slice(1).join(' ');
  return ops.split(',').some((o) => o.includes('[') && !/\bptr\b/.test(o));
}
