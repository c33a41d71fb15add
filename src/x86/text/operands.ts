/**
 * Operands: registers, memory (`qword ptr fs:[rbx + rcx*8 + disp]`,
 * `disp[...]`, repeated brackets), immediates, branch targets and AVX-512
 * decorations (`{k1}{z}`, `{1to8}`, `{rn-sae}`); and the size an unsized
 * memory operand takes, decided like GNU `as` by what the other operands
 * allow. The common memory shapes are read by `quickMemory` in one sweep.
 */

import * as X from '../expr.js';
import { formsByMnemonic } from '../forms.js';
import { memSizeOfKind, type OperandKind, REG_CLASSES, takesImm } from '../kinds.js';
import {
  type Imm,
  type Label,
  type Mem,
  mem,
  memOf,
  type Operand,
  type Rc,
  type Reg,
  rdSae,
  registers,
  rnSae,
  ruSae,
  rzSae,
  sae,
} from '../operands.js';
import { Expressions } from './expressions.js';
import { CODE, type Keyword, KW, LAST_REGISTER, REGISTER_OF } from './keywords.js';
import { C_SPACE, COLON, COMMA, cls, LBRACE, LBRACK, LF, MINUS, PLUS, RBRACE, RBRACK, STAR } from './scanner.js';
import type { Term } from './symbols.js';

// Sizes of unsized memory operands, decided like GNU `as`: by the forms the
// other operands allow. One possible size is taken, several are ambiguous.

/**
 * Operand shape codes for the unsized-memory decision: a register by class
 * and width, an immediate, a label, memory.
 */
function shapeOf(o: Operand): number {
  if (typeof o === 'number' || typeof o === 'bigint') return 1;
  if (o.kind === 'reg') return 16 + REG_CLASSES.indexOf(o.cls) * 128 + o.size;
  return o.kind === 'label' ? 2 : 3;
}

/** Whether a kind may take an operand of this shape (`shapeOf`), its register number aside. */
function kindAcceptsShape(k: OperandKind, shape: number): boolean {
  if (shape === 1) return takesImm(k);
  if (shape === 2) return k.rel !== 0;
  if (shape === 3 || k.reg === null) return false;
  return shape === 16 + REG_CLASSES.indexOf(k.reg) * 128 + k.regSize;
}

const AMBIGUOUS = -2;
const NO_FORM = -1;

/** The size for an unsized memory operand at `pos`, or AMBIGUOUS / NO_FORM. */
function unsizedMemSize(kw: Keyword, ops: readonly Operand[], n: number, pos: number): number {
  let key = pos;
  for (let i = 0; i < n; i++) key = key * 1024 + (i === pos ? 0 : shapeOf(ops[i] as Operand));
  key = key * 8 + n;
  let sizes = kw.sizes;
  if (sizes === null) sizes = kw.sizes = new Map();
  const hit = sizes.get(key);
  if (hit !== undefined) return hit;
  let found = NO_FORM;
  let preferred = -1;
  for (const f of formsByMnemonic.get(kw.name) ?? []) {
    if (f.kinds.length !== n) continue;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      if (i !== pos) ok = kindAcceptsShape(f.kinds[i] as OperandKind, shapeOf(ops[i] as Operand));
    }
    if (!ok) continue;
    const s = memSizeOfKind(f.kinds[pos] as OperandKind, f.opSize);
    if (s < 0) continue;
    // The table marks the size GNU as picks when several fit (movd: dword; push, pop: qword).
    if (f.unsizedDefault && preferred < 0) preferred = s;
    if (found === NO_FORM) found = s;
    else if (found !== s) found = AMBIGUOUS;
  }
  if (found === AMBIGUOUS && preferred >= 0) found = preferred;
  sizes.set(key, found);
  return found;
}

export type MutableMem = { -readonly [K in keyof Mem]: Mem[K] };

const EMPTY: Operand[] = [];

/** The rounding operands by their text. */
const ROUNDING = new Map<string, Rc>([rnSae, rdSae, ruSae, rzSae, sae].map((r) => [r.name, r]));

const TERM_SLOW = 0;
const TERM_REG = 1;
const TERM_NUM = 2;

export class Operands extends Expressions {
  // Operand scratch.
  scratch: Operand[] = [0, 0, 0, 0, 0];
  /**
   * A memory operand per operand position, filled by `quickMemory` for each
   * instruction anew: the assembler reads operands and keeps none of them
   * (fixups keep labels), so these need not be new objects.
   */
  memSlots: MutableMem[] = [0, 1, 2, 3, 4].map(() => memOf(0, null, null, 1, 0, null, null, null, false));
  opArrays: Operand[][] = [EMPTY, [0], [0, 0], [0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0, 0]];
  opCols = [0, 0, 0, 0, 0];
  /** A `{rn-sae}` written on the register before it, to become the next operand. */
  pendingRc: Rc | null = null;
  /** The last memory operand was introduced by `bcst` (`qword bcst [rax]`). */
  bcstWord = false;
  memTerms: Term[] = [];

  // Memory operand being built.
  mBase: Reg | null = null;
  mIndex: Reg | null = null;
  mScale: Imm = 1;
  mDisp: Imm = 0;
  mLabel: Label | null = null;
  mGot = false;
  mScaled = false;

  /** The `n` operands in `scratch`, in the operand array for `n`. */
  copied(n: number): Operand[] {
    const scratch = this.scratch;
    const ops = this.opArrays[n] as Operand[];
    for (let i = 0; i < n; i++) ops[i] = scratch[i] as Operand;
    return ops;
  }

  /** The `n` operands in `scratch`, unsized memory sized, in the operand array for `n`. */
  sized(kw: Keyword, n: number): Operand[] {
    const scratch = this.scratch;
    const ops = this.opArrays[n] as Operand[];
    for (let i = 0; i < n; i++) {
      let o = scratch[i] as Operand;
      // A broadcast element's size is the instruction's element size: the encoder decides it.
      if (typeof o === 'object' && o.kind === 'mem' && o.size === 0 && o.broadcast === 0) o = this.sizeMem(kw, i, n, o);
      ops[i] = o;
    }
    return ops;
  }

  /** Gives an unsized memory operand the one size its instruction allows. */
  sizeMem(kw: Keyword, i: number, n: number, o: Mem): Mem {
    const size = unsizedMemSize(kw, this.scratch, n, i);
    if (size === AMBIGUOUS) {
      this.fail(this.opCols[i] as number, `ambiguous operand size for '${kw.name}'; say byte/word/dword/qword ptr`);
    }
    // The operand was made by `memory()` or `quickMemory()` for this instruction alone.
    if (size > 0) (o as { size: number }).size = size;
    return o;
  }

  /**
   * One operand (the `slot`th): register, memory, immediate, label, or a
   * rounding mode (`{rn-sae}`); a register or memory may carry AVX-512
   * decorations: `{k1}`, `{z}`, `{1to8}`, and a register `{rn-sae}`.
   */
  operand(kw: Keyword, slot: number): Operand {
    const start = this.p;
    this.bcstWord = false;
    if (this.b[start] === LBRACE) {
      const [name, at] = this.decoration(start);
      const rc = ROUNDING.get(name);
      if (rc === undefined) this.fail(at, `expected an operand, found {${name}}`);
      return rc;
    }
    let o = this.plainOperand(kw, slot);
    if (typeof o !== 'object' || (o.kind !== 'reg' && o.kind !== 'mem')) return o;
    if (this.bcstWord && o.kind === 'mem') (o as MutableMem).broadcast = -1;
    for (;;) {
      const q = this.ws(this.p);
      if (this.b[q] !== LBRACE) return o;
      const [d, at] = this.decoration(q);
      if (/^k[0-7]$/.test(d)) {
        const k = registers.get(d) as Reg;
        if (k.id === 0) this.fail(at, `k0 cannot be a write mask (it means no mask)`);
        if (o.kind === 'reg') o = o.k(k);
        else (o as MutableMem).mask = k;
      } else if (d === 'z') {
        if (o.kind !== 'reg') this.fail(at, `zeroing-masking {z} is for a register destination`);
        o = o.z();
      } else if (/^1to(2|4|8|16|32)$/.test(d)) {
        if (o.kind !== 'mem') this.fail(at, `{${d}} needs a memory operand`);
        (o as MutableMem).broadcast = Number(d.slice(3));
      } else if (ROUNDING.has(d)) {
        if (o.kind !== 'reg') this.fail(at, `{${d}} needs a register operand`);
        this.pendingRc = ROUNDING.get(d) as Rc;
      } else this.fail(at, `unknown decoration {${d}}`);
    }
  }

  /** `{name}` at p: its contents (trimmed, lower case) and where they start; `p` after it. */
  decoration(p: number): [string, number] {
    const s = this.b;
    let e = p + 1;
    while (e < this.n && s[e] !== RBRACE && s[e] !== LF) e++;
    if (s[e] !== RBRACE) this.fail(p, `unterminated '{'`);
    this.p = e + 1;
    return [
      this.text(p + 1, e)
        .trim()
        .toLowerCase(),
      p + 1,
    ];
  }

  /** An operand without decorations. */
  plainOperand(kw: Keyword, slot: number): Operand {
    const s = this.b;
    const start = this.p;
    const c = s[start];
    if (this.isIdentStart(c)) {
      const k = this.word(start);
      const e = this.wEnd;
      if (k !== undefined) {
        if (k.kind === KW.Register) {
          const q = this.ws(e);
          if (s[q] === COLON) return this.memAfterSegment(0, k.reg as Reg, start, q + 1);
          const after = s[q];
          if (after === LBRACK) this.fail(q, `unexpected '[' after register ${k.name}`);
          this.p = e;
          return k.reg as Reg;
        }
        if (k.kind === KW.Size) {
          let q = this.ws(e);
          const pk = this.word(q);
          const pe = this.wEnd;
          if (pk === undefined || pk.kind !== KW.Ptr) this.fail(q, `expected 'ptr' after '${k.name}'`);
          this.bcstWord = pk.n === 1;
          q = this.ws(pe);
          const sk = this.word(q);
          const se = this.wEnd;
          if (sk !== undefined && sk.kind === KW.Register) {
            const r = this.ws(se);
            if (s[r] !== COLON) this.fail(q, `expected '[' after '${k.name} ptr'`);
            return this.memAfterSegment(k.n, sk.reg as Reg, q, r + 1);
          }
          if (s[q] === LBRACK) {
            const m = this.quickMemory(k.n, q, slot);
            if (m !== null) return m;
          }
          this.p = q;
          return this.memory(k.n, null, start);
        }
        if (k.kind === KW.Offset) {
          this.p = this.ws(e);
          const at = this.p;
          const v = this.expr();
          if (this.terms.length > 0) this.fail(at, `'offset' of a label is not supported; use lea with [rip + label]`);
          return v;
        }
        if (k.kind === KW.Ptr) this.fail(start, `'ptr' needs a size before it (qword ptr)`);
      }
      // A plain symbol: a branch target, a constant, or an absolute address.
      const q = this.ws(e);
      const d = s[q] as number;
      if ((d === COMMA || this.atEnd(q)) && !(e === start + 1 && c === 46)) {
        const y = this.symAt(start, e);
        if (y.kind === 'const') {
          this.p = e;
          return y.value as Imm;
        }
        if (y.kind !== 'alias') {
          this.p = e;
          const label = this.labelOf(y, start);
          return kw.branch ? label : mem(0, null, null, 1, 0, { label });
        }
      }
    }
    if (c === LBRACK) return this.quickMemory(0, start, slot) ?? this.memory(0, null, start);
    if (c === MINUS && this.isDigit(s[start + 1] as number)) {
      // A negative number on its own.
      const v = this.simpleNumber(start + 1);
      if (v >= 0) {
        const q = this.ws(this.p);
        if (s[q] === COMMA || this.atEnd(q)) return v === 0 ? 0 : -v;
      }
      this.p = start;
    }
    if (this.isDigit(c)) {
      const v = this.simpleNumber(start);
      if (v >= 0) {
        const q = this.ws(this.p);
        if (s[q] === COMMA || this.atEnd(q)) return v;
      }
      this.p = start;
    }
    // An expression: a constant is an immediate, a label is a branch target
    // or an absolute memory reference (Intel syntax); `disp[...]` is memory.
    const v = this.expr();
    const q = this.ws(this.p);
    if (s[q] === LBRACK) {
      this.p = start;
      return this.memory(0, null, start);
    }
    const t = this.terms;
    if (t.length === 0) return v;
    const label = this.singleLabel(start, v);
    if (kw.branch) {
      if (v !== 0) this.fail(start, `a branch target cannot have an offset`);
      return label;
    }
    if (this.gotRef) this.fail(start, `@GOTPCREL needs a RIP-relative operand ([rip + sym@GOTPCREL])`);
    return mem(0, null, null, 1, this.num(v, start), { label });
  }

  /** The label of an expression that is `label + constant`. */
  singleLabel(at: number, v: Imm): Label {
    const t = this.terms;
    if (t.length !== 1 || (t[0] as Term).sign !== 1) {
      this.fail(at, `expected a constant or label + constant, not a combination of labels`);
    }
    const term = t[0] as Term;
    if (typeof v !== 'number') this.fail(at, `offset ${v} is too large`);
    return this.termLabel(term);
  }

  /** After `fs:`: `[...]`, `disp[...]` or an absolute address. */
  memAfterSegment(size: number, seg: Reg, at: number, p: number): Mem {
    if (seg.cls !== 'seg') this.fail(at, `${seg.name} is not a segment register`);
    this.p = this.ws(p);
    return this.memory(size, seg, at);
  }

  /** `[base + index*scale + disp]`, possibly preceded by `disp` and repeated (`[rax][rcx*4]`). */
  memory(size: number, seg: Reg | null, at: number): Mem {
    const s = this.b;
    this.mBase = null;
    this.mIndex = null;
    this.mScale = 1;
    this.mDisp = 0;
    this.mLabel = null;
    this.mGot = false;
    this.mScaled = false;
    const allTerms = this.memTerms;
    if (allTerms.length !== 0) allTerms.length = 0;
    let p = this.ws(this.p);
    if (s[p] !== LBRACK) {
      // A displacement before the brackets, or an absolute address.
      this.p = p;
      const v = this.expr();
      this.mDisp = v;
      if (this.gotRef) this.mGot = true;
      for (const t of this.terms) allTerms.push(t);
      p = this.ws(this.p);
    }
    while (s[p] === LBRACK) {
      this.p = p + 1;
      this.bracket(allTerms);
      p = this.ws(this.p);
      if (s[p] !== RBRACK) this.fail(p, `expected ']' in memory operand, found ${this.show(p)}`);
      p = this.ws(p + 1);
    }
    this.p = p;
    // Labels: at most one, added.
    this.terms = allTerms;
    if (allTerms.length > 0) this.mDisp = X.add(this.mDisp, this.foldTerms(0));
    if (this.terms.length > 0) {
      const t = this.terms;
      if (t.length !== 1 || (t[0] as Term).sign !== 1) {
        this.fail(at, `a memory operand can refer to one label, added`);
      }
      this.mLabel = this.termLabel(t[0] as Term);
    }
    let base = this.mBase as Reg | null;
    let index = this.mIndex as Reg | null;
    const scale = this.mScale;
    if (base !== null) {
      if (base.cls === 'rip') {
        if (index !== null) this.fail(at, `rip-relative addressing takes no index register`);
      } else if (base.cls !== 'gp' || base.size !== 8) {
        this.fail(at, `${base.name} cannot be a base register (64-bit general registers or rip only)`);
      }
    }
    if (index !== null) {
      if (index.cls === 'rip') this.fail(at, `rip cannot be an index register`);
      if (index.cls !== 'gp' || index.size !== 8) this.fail(at, `${index.name} cannot be an index register`);
      if (index.id === 4) {
        // GNU as swaps an unscaled rsp into the base.
        if (!this.mScaled && base !== null && base.id !== 4 && base.cls === 'gp') {
          const t = base;
          base = index;
          index = t;
        } else this.fail(at, `rsp cannot be an index register`);
      }
    }
    if (scale !== 1 && scale !== 2 && scale !== 4 && scale !== 8)
      this.fail(at, `scale must be 1, 2, 4 or 8, not ${scale}`);
    if (this.mGot && (base === null || base.cls !== 'rip')) {
      this.fail(at, `@GOTPCREL needs a RIP-relative operand ([rip + sym@GOTPCREL])`);
    }
    const disp = this.mDisp;
    if (typeof disp === 'bigint') {
      // Only a 64-bit absolute address (movabs) is this large; the encoder writes it whole.
      if (base !== null || index !== null || this.mLabel !== null)
        this.fail(at, `displacement ${disp} is out of range`);
    }
    return mem(size, base, index, scale as 1 | 2 | 4 | 8, disp, { label: this.mLabel, seg, got: this.mGot });
  }

  /**
   * The common memory operands, straight into a Mem: between brackets at p,
   * registers (`reg` or `reg*scale`) and plain numbers joined by + and -.
   * Anything else, and anything `memory()` would refuse or rewrite, gives
   * null (with `p` as it was): `memory()` parses it in full then.
   */
  quickMemory(size: number, p: number, slot: number): Mem | null {
    const s = this.b;
    const from = this.p;
    let base: Reg | null = null;
    let index: Reg | null = null;
    let scale = 1;
    let disp = 0;
    let neg = false;
    let q = p + 1;
    for (;;) {
      while (cls[s[q] as number] === C_SPACE) q++;
      const c = s[q] as number;
      if (this.isDigit(c)) {
        const v = this.simpleNumber(q);
        if (v < 0) break;
        q = this.p;
        disp = neg ? disp - v : disp + v;
      } else {
        const kid = this.wordNumber(q);
        if (kid === 0 || kid > LAST_REGISTER || neg) break;
        const r = REGISTER_OF[kid] as Reg;
        q = this.wEnd;
        while (cls[s[q] as number] === C_SPACE) q++;
        if (s[q] === STAR) {
          q++;
          while (cls[s[q] as number] === C_SPACE) q++;
          const d = (s[q] as number) - 48;
          if ((d !== 1 && d !== 2 && d !== 4 && d !== 8) || CODE[s[q + 1] as number] !== 0 || index !== null) break;
          q++;
          index = r;
          scale = d;
        } else if (base === null) base = r;
        else if (index === null) index = r;
        else break;
      }
      while (cls[s[q] as number] === C_SPACE) q++;
      const d = s[q];
      if (d === RBRACK) {
        q++;
        while (cls[s[q] as number] === C_SPACE) q++;
        // `[rax][rcx*4]`, an rsp index (swapped), a base or index of another kind: memory() decides.
        if (s[q] === LBRACK || disp > 2 ** 50 || disp < -(2 ** 50)) break;
        if (base !== null && !(base.cls === 'gp' ? base.size === 8 : base.cls === 'rip' && index === null)) break;
        if (index !== null && (index.cls !== 'gp' || index.size !== 8 || index.id === 4)) break;
        this.p = q;
        const m = this.memSlots[slot] as MutableMem;
        m.size = size;
        m.base = base;
        m.index = index;
        m.scale = scale as 1 | 2 | 4 | 8;
        m.disp = disp;
        m.mask = null;
        m.broadcast = 0;
        return m;
      }
      if (d === PLUS) neg = false;
      else if (d === MINUS) neg = true;
      else break;
      q++;
    }
    this.p = from;
    return null;
  }

  /**
   * The common memory terms without the expression machinery: a register,
   * `reg*digit`, or a plain number, followed by + - or ]. Anything else is
   * TERM_SLOW and parsed again in full.
   */
  simpleTerm(p: number): number {
    const s = this.b;
    const c = s[p];
    if (this.isIdentStart(c)) {
      const k = this.word(p);
      const e = this.wEnd;
      if (k === undefined || k.kind !== KW.Register) return TERM_SLOW;
      let q = this.ws(e);
      let d = s[q];
      this.termScaled = false;
      this.termScale = 1;
      if (d === STAR) {
        q = this.ws(q + 1);
        const digit = s[q] - 48;
        if (digit < 0 || digit > 9) return TERM_SLOW;
        q = this.ws(q + 1);
        d = s[q];
        this.termScaled = true;
        this.termScale = digit;
      }
      if (d !== PLUS && d !== MINUS && d !== RBRACK) return TERM_SLOW;
      this.termReg = k.reg;
      this.p = q;
      return TERM_REG;
    }
    if (!this.isDigit(c)) return TERM_SLOW;
    const v = this.simpleNumber(p);
    if (v < 0) return TERM_SLOW;
    const q = this.ws(this.p);
    const d = s[q];
    if (d !== PLUS && d !== MINUS && d !== RBRACK) return TERM_SLOW;
    this.termValue = v;
    this.p = q;
    return TERM_NUM;
  }

  /** The inside of `[...]`: terms joined by + and -. */
  bracket(allTerms: Term[]): void {
    const s = this.b;
    let first = true;
    for (;;) {
      let p = this.ws(this.p);
      let neg = false;
      const c = s[p];
      if (!first) {
        if (c === RBRACK) {
          this.p = p;
          return;
        }
        if (c === PLUS) p++;
        else if (c === MINUS) {
          neg = true;
          p++;
        } else this.fail(p, `expected '+', '-' or ']' in memory operand, found ${this.show(p)}`);
        p = this.ws(p);
      } else if (c === RBRACK) this.fail(p, `empty memory operand`);
      first = false;
      this.p = p;
      const at = p;
      let v: Imm = 0;
      let r: Reg | null = null;
      const fast = this.simpleTerm(p);
      if (fast === TERM_REG) r = this.termReg;
      else if (fast === TERM_NUM) v = this.termValue;
      else {
        this.p = p;
        this.terms = this.exprTerms;
        if (this.terms.length !== 0) this.terms.length = 0;
        this.termReg = null;
        this.termScale = 1;
        this.termScaled = false;
        this.gotRef = false;
        this.allowTermReg = true;
        v = this.level2();
        this.allowTermReg = false;
        if (this.gotRef) this.mGot = true;
        r = this.termReg;
      }
      if (r !== null) {
        if (neg) this.fail(at, `a register cannot be subtracted`);
        if (this.termScaled) {
          if (this.mIndex !== null) this.fail(at, `two index registers in a memory operand`);
          this.mIndex = r;
          this.mScale = this.termScale;
          this.mScaled = true;
        } else if (this.mBase === null) this.mBase = r;
        else if (this.mIndex === null) {
          this.mIndex = r;
          this.mScale = 1;
        } else this.fail(at, `too many registers in a memory operand`);
        continue;
      }
      if (fast === TERM_SLOW) {
        for (const t of this.terms) {
          if (neg) t.sign = -t.sign;
          allTerms.push(t);
        }
      }
      const m = this.mDisp;
      if (
        typeof m === 'number' &&
        typeof v === 'number' &&
        v < 0x40000000 &&
        v > -0x40000000 &&
        m < 0x40000000 &&
        m > -0x40000000
      ) {
        this.mDisp = neg ? m - v : m + v;
      } else this.mDisp = neg ? X.sub(m, v) : X.add(m, v);
    }
  }

  //
  // GNU as precedence, highest first: unary - ~ ! +; * / % << >>; | & ^ !;
  // + -. Labels may only be added or subtracted; `terms` collects them.
}
