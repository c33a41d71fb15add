/**
 * The encoder corpus: instruction instances generated from the form table,
 * each both as a builder call (`a.emit(mnemonic, ops)`) and as the GNU `as`
 * Intel-syntax line that means the same instruction. Operands are drawn
 * systematically from pools per operand kind (every register of each class,
 * every addressing shape, immediates at the edges of each range, every
 * condition-code spelling); a seeded generator pairs them, so a failure
 * reproduces from its seed.
 */

import { CC_NAMES, conditions, type Form, formsByMnemonic } from '../../src/x86/forms.js';
import type { OperandKind } from '../../src/x86/kinds.js';
import {
  gpr,
  type Label,
  type Mem,
  mem,
  type Operand,
  type Rc,
  type Reg,
  rdSae,
  registers,
  rnSae,
  ruSae,
  rzSae,
  sae,
} from '../../src/x86/operands.js';

/** Where an instance's label operand points: `gap` filler bytes before or after the instruction. */
export interface Target {
  side: 'before' | 'after';
  gap: number;
}

export type PrefixName = 'lock' | 'rep' | 'repne';

export interface Instance {
  mnemonic: string;
  ops: Operand[];
  prefix: PrefixName | null;
  /** The same instruction for GNU `as`. */
  text: string;
  /** The label operand (a branch target or a memory displacement) and where to bind it. */
  label: Label | null;
  target: Target | null;
  /** The table row the instance was generated from. */
  origin: string;
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(xs: readonly T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

// ---------------------------------------------------------------------------
// Operand pools. A choice is an operand with its text; a label choice gets its
// label when the instance is made.

interface Choice {
  op: Operand | ((l: Label) => Operand);
  text: string;
  target?: Target;
  /** Needs a REX prefix (r8..r15, spl..dil, an extended base or index). */
  rex: boolean;
  /** ah, ch, dh, bh. */
  high8: boolean;
}

const SIZE_WORD: Record<number, string> = {
  1: 'byte',
  2: 'word',
  4: 'dword',
  8: 'qword',
  16: 'xmmword',
  32: 'ymmword',
  64: 'zmmword',
};

function R(name: string): Reg {
  const r = registers.get(name);
  if (!r) throw new Error(`no register ${name}`);
  return r;
}

function regChoice(r: Reg): Choice {
  return { op: r, text: r.name, rex: r.id >= 8 || r.needsRex, high8: r.high8 };
}

/** A number as GNU `as` reads it; hex or decimal as the generator likes. */
function num(v: number | bigint, hex: boolean): string {
  const neg = v < 0;
  const abs = neg ? -BigInt(v) : BigInt(v);
  return (neg ? '-' : '') + (hex ? `0x${abs.toString(16)}` : abs.toString());
}

interface MemSpec {
  base?: string;
  index?: string;
  scale?: 1 | 2 | 4 | 8;
  disp?: number;
  seg?: 'fs' | 'gs';
  /** RIP-relative to the instance's label, plus disp. */
  target?: Target;
}

/**
 * Addressing shapes: every base (rsp/r12 need a SIB, rbp/r13 a zero disp8),
 * disp8/disp32 edges, every scale, index-only, absolute, RIP-relative (to a
 * number and to labels), and segment overrides.
 */
const MEM_SPECS: MemSpec[] = [
  ...Array.from({ length: 16 }, (_, i): MemSpec => ({ base: gpr(i).name })),
  { base: 'rax', disp: 1 },
  { base: 'rsp', disp: -1 },
  { base: 'rbp', disp: 127 },
  { base: 'r12', disp: -128 },
  { base: 'r13', disp: 128 },
  { base: 'r8', disp: -129 },
  { base: 'r15', disp: 0x7fffffff },
  { base: 'rbx', disp: -0x80000000 },
  { base: 'rax', index: 'rcx', scale: 1 },
  { base: 'rsp', index: 'rbp', scale: 2, disp: 8 },
  { base: 'rbp', index: 'rax', scale: 4 },
  { base: 'r13', index: 'r14', scale: 8, disp: -128 },
  { base: 'r12', index: 'r12', scale: 1, disp: 0x100 },
  { base: 'r8', index: 'r15', scale: 2, disp: -0x80000000 },
  { base: 'rbx', index: 'r13', scale: 8, disp: 127 },
  { base: 'rdi', index: 'rsi', scale: 4, disp: 128 },
  { base: 'r9', index: 'r8', scale: 8, disp: 0x12345678 },
  { index: 'rcx', scale: 8 },
  { index: 'r9', scale: 2, disp: 0x10 },
  { index: 'rbp', scale: 1 },
  { index: 'r13', scale: 4, disp: -8 },
  { disp: 0 },
  { disp: 0x10 },
  { disp: -8 },
  { disp: 0x7fffffff },
  { disp: -0x80000000 },
  { base: 'rip' },
  { base: 'rip', disp: 0x10 },
  { base: 'rip', disp: -4 },
  { base: 'rip', target: { side: 'before', gap: 0 } },
  { base: 'rip', target: { side: 'after', gap: 0 }, disp: 8 },
  { base: 'rip', target: { side: 'after', gap: 300 } },
  { base: 'rip', target: { side: 'before', gap: 100 }, disp: -16 },
  { seg: 'fs', disp: 0x28 },
  { seg: 'gs', base: 'rax', disp: 8 },
  { seg: 'fs', base: 'r12', index: 'rbx', scale: 4 },
];

function memChoice(size: number, s: MemSpec, hex: boolean): Choice {
  const base = s.base ? R(s.base) : null;
  const index = s.index ? R(s.index) : null;
  const scale = s.scale ?? 1;
  const disp = s.disp ?? 0;
  const terms: string[] = [];
  if (base) terms.push(base.name);
  if (index) terms.push(`${index.name}*${scale}`);
  if (s.target) terms.push('@L');
  let inner = terms.join(' + ');
  if (disp !== 0 || terms.length === 0) {
    if (terms.length === 0) inner = num(disp, hex);
    else inner += disp < 0 ? ` - ${num(-disp, hex)}` : ` + ${num(disp, hex)}`;
  }
  const sizeWord = size ? `${SIZE_WORD[size]} ptr ` : '';
  const text = `${sizeWord}${s.seg ? `${s.seg}:` : ''}[${inner}]`;
  const seg = s.seg ? R(s.seg) : null;
  const rex = (base !== null && base.cls === 'gp' && base.id >= 8) || (index !== null && index.id >= 8);
  const op = s.target
    ? (l: Label): Operand => mem(size, base, null, 1, disp, { label: l })
    : mem(size, base, index, scale, disp, { seg });
  return { op, text, rex, high8: false, ...(s.target ? { target: s.target } : {}) };
}

/**
 * Displacements around the edges of EVEX's compressed disp8*N, for an
 * access of n bytes: multiples of n inside and just outside the disp8
 * range, and ones that are not multiples (disp32).
 */
function disp8nSpecs(n: number): MemSpec[] {
  return [
    { base: 'rax', disp: n },
    { base: 'r13', disp: 127 * n },
    { base: 'rsp', disp: -128 * n },
    { base: 'rbx', disp: 128 * n },
    { base: 'rbp', index: 'r9', scale: 4, disp: -129 * n },
    { base: 'r8', disp: n + 1 },
    { base: 'rdi', index: 'rcx', scale: 8, disp: n > 1 ? n / 2 : 3 },
    { base: 'rcx', disp: -n },
  ];
}

/** A few unsized shapes, for forms where an operand fixes the memory size. */
const UNSIZED_SPECS: MemSpec[] = [
  { base: 'rax' },
  { base: 'r12', disp: 8 },
  { base: 'rbp', index: 'r9', scale: 8, disp: -200 },
  { base: 'rip', disp: 0x40 },
];

/** Immediates at the edges of every range, as numbers, or bigints beyond 2^53. */
const IMM_EDGES: bigint[] = [
  0n,
  1n,
  -1n,
  2n,
  3n,
  0x55n,
  127n,
  128n,
  -128n,
  -129n,
  255n,
  256n,
  0x7fffn,
  0x8000n,
  -0x8000n,
  -0x8001n,
  0xff80n,
  0xffffn,
  0x10000n,
  0x12345678n,
  0x7fffffffn,
  0x80000000n,
  -0x80000000n,
  -0x80000001n,
  0xffffff80n,
  0xffffffffn,
  0x100000000n,
  0x1fffffffffffffn,
  0x20000000000000n,
  0x123456789abcdef0n,
  0x7fffffffffffffffn,
  -0x8000000000000000n,
  0xffffffffffffff80n,
  0xffffffffffffffffn,
];

/** The values an immediate kind of form `f` takes, by the kind's range (GNU `as` must agree on the bytes). */
function immValues(k: OperandKind, f: Form): bigint[] {
  return IMM_EDGES.filter((v) => k.fitsImm(v, f.opSize));
}

function immChoice(v: bigint, i: number): Choice {
  const safe = v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER);
  // Every third safe value goes in as a bigint too: the builder takes both.
  const op: Operand = safe && i % 3 !== 2 ? Number(v) : v;
  return { op, text: num(v, i % 2 === 0), rex: false, high8: false };
}

const BRANCH_TARGETS: Target[] = [
  { side: 'before', gap: 0 },
  { side: 'after', gap: 0 },
  { side: 'before', gap: 100 },
  { side: 'after', gap: 100 },
  { side: 'before', gap: 126 },
  { side: 'before', gap: 127 },
  { side: 'after', gap: 127 },
  { side: 'after', gap: 128 },
  { side: 'before', gap: 300 },
  { side: 'after', gap: 300 },
];

function labelChoice(t: Target): Choice {
  return { op: (l: Label) => l, text: '@L', target: t, rex: false, high8: false };
}

/** Moffs: 64-bit absolute addresses. `mov` takes this form only beyond a sign-extended disp32. */
function moffsChoices(f: Form): Choice[] {
  const addrs = f.mnemonic === 'movabs' ? [0x10, 0x80000000, 0x123456789abc] : [0x80000000, 0xffffffff, 0x123456789abc];
  const size = f.opSize / 8;
  return addrs.flatMap((a, i) => [
    { op: mem(size, null, null, 1, a), text: `${SIZE_WORD[size]} ptr [${num(a, i !== 1)}]`, rex: false, high8: false },
    { op: mem(0, null, null, 1, a), text: `[${num(a, true)}]`, rex: false, high8: false },
  ]);
}

/** Mnemonics whose memory operand GNU `as` sizes by itself (a single size, or a default one). */
const UNSIZED_DEFAULT = new Set(['push', 'pop', 'call', 'jmp', 'movsxd', 'movd', 'movq']);

/**
 * Whether an unsized memory operand at position `p` is unambiguous to GNU
 * `as`: a general register of the same size, or a vector form (whose memory
 * size the mnemonic fixes), or one of the 64-bit-default instructions.
 */
function unsizedOk(f: Form, p: number): boolean {
  const k = f.kinds[p] as OperandKind;
  if (k.mem === 0) return true;
  const size = k.mem;
  if (size < 0) return false;
  if (f.mnemonic.startsWith('set') || (UNSIZED_DEFAULT.has(f.mnemonic) && (size === 8 || size === 4))) return true;
  if (f.mnemonic.startsWith('cvtsi2') || f.mnemonic === 'movzx' || f.mnemonic === 'movsx') return false;
  const vecReg = (o: OperandKind) => o.reg !== null && o.reg !== 'gp';
  // A vector form fixes its memory size; a general register of the same size fixes it too, a count in CL does not.
  const vector = vecReg(k) || (k.reg === null && size >= 8);
  return f.kinds.some(
    (o, i) =>
      i !== p &&
      ((o.reg === 'gp' && o.mem < 0 && o.regSize === size && o.name !== 'CL') || (vector && vecReg(o) && o.mem < 0)),
  );
}

/** The registers a kind takes: one (AL, CL) or every register of its class and width (16..31 only with EVEX). */
function regsOf(k: OperandKind, evex: boolean): Choice[] {
  const rs = [...registers.values()].filter((r) => r.cls === k.reg && r.size === k.regSize && (evex || r.id < 16));
  return rs.filter((r) => k.fixed < 0 || r.id === k.fixed).map(regChoice);
}

const MASKS = [1, 2, 3, 4, 5, 6, 7].map((i) => registers.get(`k${i}`) as Reg);

/**
 * GNU `as` reads a decoration after an absolute address only with a
 * segment (`ds:[0x10]{k1}`, the default segment, so no prefix byte).
 */
function decorable(c: Choice, o: Operand): string {
  const m = o as Mem;
  if (typeof o === 'object' && m.kind === 'mem' && m.base === null && m.index === null && m.seg === null) {
    return c.text.replace('[', 'ds:[');
  }
  return c.text;
}

/** Masked (and zeroing) variants of some of a pool's registers and memory operands. */
function masked(pool: Choice[], zero: boolean): Choice[] {
  const out: Choice[] = [];
  pool.forEach((c, i) => {
    if (i % 3 !== 0 || typeof c.op === 'function' || typeof c.op !== 'object') return;
    const o = c.op as Reg | Mem;
    const k = MASKS[i % MASKS.length] as Reg;
    out.push({ ...c, op: o.k(k), text: `${decorable(c, o)}{${k.name}}` });
    if (zero && o.kind === 'reg') out.push({ ...c, op: o.k(k).z(), text: `${c.text}{${k.name}}{z}` });
  });
  return out;
}

/** Broadcast memory operands: elements of `elem` bytes, `count` of them (as {1toN}). */
function broadcasts(elem: number, count: number, hex: boolean): Choice[] {
  const specs = [...MEM_SPECS.filter((_, i) => i % 4 === 0), ...disp8nSpecs(elem)];
  const out = specs.map((s, i) => {
    const c = memChoice(elem, s, (i % 2 === 0) === hex);
    const op = (o: Operand): Operand => (i % 2 === 0 ? (o as Mem).bcst() : (o as Mem).bcst(count));
    const text = typeof c.op === 'function' ? c.text : decorable(c, c.op);
    return {
      ...c,
      op: typeof c.op === 'function' ? (l: Label) => op((c.op as (l: Label) => Operand)(l)) : op(c.op),
      text: `${text}{1to${count}}`,
    };
  });
  for (const s of UNSIZED_SPECS.slice(0, 2)) {
    const c = memChoice(0, s, hex);
    out.push({ ...c, op: (c.op as Mem).bcst(), text: `${c.text}{1to${count}}` });
  }
  return out;
}

function choicesFor(f: Form, p: number, hex: boolean): Choice[] {
  const k = f.kinds[p] as OperandKind;
  const memOf = (size: number): Choice[] => {
    const out = MEM_SPECS.map((s, i) => memChoice(size, s, (i % 2 === 0) === hex));
    if (unsizedOk(f, p)) out.push(...UNSIZED_SPECS.map((s) => memChoice(0, s, hex)));
    return out;
  };
  if (k.moffs) return moffsChoices(f);
  if (k.rel !== 0) {
    // A rel8-only branch (jrcxz, loop) must stay within reach.
    const only8 = !(formsByMnemonic.get(f.mnemonic) ?? []).some((g) => g.kinds[0]?.rel === 4);
    return BRANCH_TARGETS.filter((t) => !only8 || t.gap <= 100).map(labelChoice);
  }
  if (k.value !== null) return [{ op: k.value, text: String(k.value), rex: false, high8: false }];
  if (k.imm !== 0) return immValues(k, f).map(immChoice);
  const evex = f.evex !== null;
  const out = k.reg !== null ? regsOf(k, evex) : [];
  if (k.mem === 0 && k.reg === null) {
    out.push(...MEM_SPECS.filter((s) => !s.seg).map((s, i) => memChoice(0, s, (i % 2 === 0) === hex)));
  } else if (k.mem > 0) {
    out.push(...memOf(k.mem));
    if (evex) out.push(...disp8nSpecs(k.mem).map((s, i) => memChoice(k.mem, s, (i % 2 === 0) === hex)));
  }
  const d = f.decor[p];
  if (d?.mask) out.push(...masked(out, d.zero));
  if (d !== undefined && d.bcst !== 0) out.push(...broadcasts(d.bcst, k.regSize / d.bcst, hex));
  return out;
}

// ---------------------------------------------------------------------------

function instance(
  mnemonic: string,
  picks: Choice[],
  origin: string,
  prefix: PrefixName | null,
  makeLabel: () => Label,
): Instance {
  const withLabel = picks.find((c) => c.target !== undefined);
  const label = withLabel ? makeLabel() : null;
  const ops = picks.map((c) => (typeof c.op === 'function' ? c.op(label as Label) : c.op));
  const operands = picks.map((c) => c.text).join(', ');
  let text = `${prefix ? `${prefix} ` : ''}${mnemonic}${operands ? ` ${operands}` : ''}`;
  if (label) text = text.replace('@L', label.name);
  return { mnemonic, ops, prefix, text, label, target: withLabel?.target ?? null, origin };
}

function describeForm(f: Form): string {
  const op = [...f.prefixes, ...f.opcode].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `${f.mnemonic} [${f.kinds.map((k) => k.name).join(',')}] ${f.vex ? 'VEX ' : f.evex ? 'EVEX ' : ''}${f.rexW ? 'REX.W ' : ''}${op} ${f.enc}`;
}

const CANONICAL_CC = new Set<string>(CC_NAMES);

/** Whether a jcc/setcc/cmovcc mnemonic spells its condition with an alias (jz for je). */
function ccAlias(m: string): boolean {
  for (const p of ['j', 'set', 'cmov']) {
    if (m.startsWith(p)) {
      const cc = m.slice(p.length);
      if (conditions.some(([n]) => n === cc)) return !CANONICAL_CC.has(cc);
    }
  }
  return false;
}

export interface CorpusOptions {
  seed?: number;
  /** Creates the label an instance refers to (`a.label(name)` of the assembler under test). */
  label: (name: string) => Label;
}

/**
 * The corpus: for every row of the table, instances until every operand
 * choice of every position has appeared once (alias condition-code
 * spellings get a handful), plus prefixed forms and the 2-operand `imul`.
 */
export function generateCorpus(opts: CorpusOptions): Instance[] {
  const rand = rng(opts.seed ?? 0x5eed);
  const out: Instance[] = [];
  let labels = 0;
  const makeLabel = () => opts.label(`L${labels++}`);

  for (const forms of formsByMnemonic.values()) {
    for (const f of forms) {
      // A relaxable branch is one instruction with two encodings: generate it once.
      if (f.kinds[0]?.rel === 4 && forms.some((g) => g.kinds[0]?.rel === 1)) continue;
      const hex = rand() < 0.5;
      const pools = f.kinds.map((_, p) => shuffled(choicesFor(f, p, hex), rand));
      let n = Math.max(1, ...pools.map((p) => p.length));
      if (ccAlias(f.mnemonic)) n = Math.min(n, 6);
      for (let j = 0; j < n; j++) {
        const picks = pools.map((pool) => pool[j % pool.length] as Choice);
        const fixed = legalize(f, picks, pools);
        if (fixed) out.push(instance(f.mnemonic, fixed, describeForm(f), null, makeLabel));
      }
      // Static rounding or {sae}: every mode, registers only at the rounded operand.
      if (f.rc !== null) {
        const modes: Rc[] = f.rc === 'sae' ? [sae, sae] : [rnSae, rdSae, ruSae, rzSae];
        const regPools = pools.map((pool) =>
          pool.filter((c) => typeof c.op === 'object' && (c.op as Reg).kind === 'reg'),
        );
        for (let j = 0; j < 4 * modes.length; j++) {
          const picks = regPools.map((pool) => pool[(j * 7) % pool.length] as Choice);
          const rc = modes[j % modes.length] as Rc;
          picks.splice(f.rcAt + 1, 0, { op: rc, text: `{${rc.name}}`, rex: false, high8: false });
          out.push(instance(f.mnemonic, picks, `${describeForm(f)} ${rc.name}`, null, makeLabel));
        }
      }
    }
  }

  // lock on every lockable read-modify-write instruction with a memory destination.
  const lockable = ['add', 'adc', 'and', 'or', 'sbb', 'sub', 'xor', 'inc', 'dec', 'neg', 'not'];
  lockable.push('xadd', 'cmpxchg', 'xchg', 'bts', 'btr', 'btc');
  for (const m of lockable) {
    for (const f of formsByMnemonic.get(m) ?? []) {
      const k0 = f.kinds[0] as OperandKind;
      if (k0.mem <= 0 || f.enc === 'RM') continue;
      const pools = f.kinds.map((_, p) =>
        shuffled(
          choicesFor(f, p, rand() < 0.5).filter((c) => !c.high8),
          rand,
        ),
      );
      const mems = (pools[0] as Choice[]).filter((c) => typeof c.op === 'object' && (c.op as Mem).kind === 'mem');
      for (let j = 0; j < 3; j++) {
        const picks = pools.map((pool, p) => (p === 0 ? mems[j % mems.length] : pool[j % pool.length]) as Choice);
        const fixed = legalize(f, picks, pools);
        if (fixed) out.push(instance(m, fixed, `lock ${describeForm(f)}`, 'lock', makeLabel));
      }
    }
  }
  for (const m of ['movsb', 'movsw', 'movsd', 'movsq', 'stosb', 'stosw', 'stosd', 'stosq', 'lodsb', 'lodsq']) {
    out.push(instance(m, [], `rep ${m}`, 'rep', makeLabel));
  }
  for (const m of ['cmpsb', 'scasb']) {
    out.push({ ...instance(m, [], `repe ${m}`, 'rep', makeLabel), text: `repe ${m}` });
    out.push(instance(m, [], `repne ${m}`, 'repne', makeLabel));
  }

  // imul r, imm: the 2-operand spelling of imul r, r, imm.
  for (const size of [2, 4, 8] as const) {
    for (const [id, v] of [
      [0, 5n],
      [9, -1n],
      [4, 127n],
      [13, 128n],
      [15, -129n],
      [3, 0x7fffn],
    ] as const) {
      const r = gpr(id, size);
      const c = immChoice(v, id);
      out.push(instance('imul', [regChoice(r), c], `imul r${size * 8}, imm`, null, makeLabel));
    }
  }
  return out;
}

/**
 * Makes an instance encodable: ah/ch/dh/bh cannot meet anything that needs a
 * REX prefix, so other operands are re-picked from their pool (or the
 * instance dropped when the row itself needs REX.W or VEX).
 */
function legalize(f: Form, picks: Choice[], pools: Choice[][]): Choice[] | null {
  if (!picks.some((c) => c.high8)) return picks;
  if (f.rexW || f.vex || f.evex) return null;
  const out = [...picks];
  for (let p = 0; p < out.length; p++) {
    const c = out[p] as Choice;
    if (c.high8 || !c.rex) continue;
    const alt = (pools[p] as Choice[]).find((x) => !x.rex && x.target === undefined);
    if (!alt) return null;
    out[p] = alt;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Whole programs: branch relaxation and alignment.

export type ProgramItem =
  | { kind: 'label'; name: string }
  | { kind: 'fill'; n: number }
  | { kind: 'jump'; mnemonic: string; target: string }
  | { kind: 'align'; n: number; max?: number };

/**
 * Programs of jumps and jcc to labels at distances around the rel8 limit,
 * forward and backward, arranged in chains so that one jump growing to rel32
 * pushes others over the limit.
 */
export function relaxationPrograms(seed = 0x1ea5): ProgramItem[][] {
  const rand = rng(seed);
  const progs: ProgramItem[][] = [];
  const jumps = ['jmp', 'je', 'jne', 'jl', 'jg', 'jae', 'jbe', 'js', 'jo', 'jp', 'jnz', 'jc'];
  // Fixed distances straddling the limit: a filler of n bytes between a jump and its label.
  for (const n of [120, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132]) {
    for (const m of ['jmp', 'jne']) {
      progs.push([
        { kind: 'jump', mnemonic: m, target: 'f' },
        { kind: 'fill', n },
        { kind: 'label', name: 'f' },
      ]);
      progs.push([
        { kind: 'label', name: 'b' },
        { kind: 'fill', n },
        { kind: 'jump', mnemonic: m, target: 'b' },
      ]);
    }
  }
  // Chains: k jumps to one label; the last one's growth pushes the first over the limit.
  for (let k = 2; k <= 40; k += 3) {
    const fwd: ProgramItem[] = [];
    for (let i = 0; i < k; i++) fwd.push({ kind: 'jump', mnemonic: jumps[i % jumps.length] as string, target: 'end' });
    fwd.push({ kind: 'fill', n: 128 - 2 * k + (k % 3) }, { kind: 'label', name: 'end' });
    progs.push(fwd);
    const back: ProgramItem[] = [
      { kind: 'label', name: 'top' },
      { kind: 'fill', n: 126 - 2 * k + (k % 4) },
    ];
    for (let i = 0; i < k; i++)
      back.push({ kind: 'jump', mnemonic: jumps[(i + 3) % jumps.length] as string, target: 'top' });
    progs.push(back);
  }
  // Random programs: labels, jumps, calls, fillers and alignments (some bounded), at several densities.
  for (let p = 0; p < 400; p++) {
    const items: ProgramItem[] = [];
    const nLabels = 4 + Math.floor(rand() * 8);
    const slots = 20 + Math.floor(rand() * 40);
    const maxFill = [20, 70, 130][p % 3] as number;
    const alignRate = [0.05, 0.15][p % 2] as number;
    const placed = new Set<number>();
    for (let i = 0; i < slots; i++) {
      const r = rand();
      if (r < 0.2 && placed.size < nLabels) {
        let l = Math.floor(rand() * nLabels);
        while (placed.has(l)) l = (l + 1) % nLabels;
        placed.add(l);
        items.push({ kind: 'label', name: `l${l}` });
      } else if (r < 0.6) {
        const m = rand() < 0.05 ? 'call' : (jumps[Math.floor(rand() * jumps.length)] as string);
        items.push({ kind: 'jump', mnemonic: m, target: `l${Math.floor(rand() * nLabels)}` });
      } else if (r < 1 - alignRate) {
        items.push({ kind: 'fill', n: Math.floor(rand() * maxFill) });
      } else {
        const n = 1 << (1 + Math.floor(rand() * 5));
        items.push(rand() < 0.3 ? { kind: 'align', n, max: 1 + Math.floor(rand() * (n - 1)) } : { kind: 'align', n });
      }
    }
    for (let l = 0; l < nLabels; l++) if (!placed.has(l)) items.push({ kind: 'label', name: `l${l}` });
    progs.push(items);
  }
  return progs;
}

/** For every padding length 0..31: code of that many bytes short of 32, then `align 32` (and a bounded one). */
export function alignPrograms(): ProgramItem[][] {
  const progs: ProgramItem[][] = [];
  for (let pad = 0; pad < 32; pad++) {
    progs.push([
      { kind: 'fill', n: (32 - pad) % 32 },
      { kind: 'align', n: 32 },
      { kind: 'fill', n: 1 },
    ]);
    progs.push([
      { kind: 'fill', n: 64 + ((32 - pad) % 32) },
      { kind: 'align', n: 32, max: 7 },
      { kind: 'fill', n: 1 },
    ]);
    progs.push([
      { kind: 'fill', n: 3 },
      { kind: 'jump', mnemonic: 'jmp', target: 'x' },
      { kind: 'fill', n: pad },
      { kind: 'align', n: 16 },
      { kind: 'label', name: 'x' },
    ]);
  }
  return progs;
}
