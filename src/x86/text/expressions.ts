/**
 * Expressions, with GNU `as` precedence (highest first: unary - ~ ! +;
 * * / % << >>; | & ^ !; + -), over numbers, symbols, local label references
 * (`1b`, `2f`) and `.`. Labels may only be added or subtracted: `terms`
 * collects them, and differences within one fragment are folded here. Also
 * the symbols themselves: lookup, definition by `=`/`.set`, and the label a
 * symbol stands for.
 */

import type { Assembler } from '../builder.js';
import * as X from '../expr.js';
import type { Imm, Label, Reg } from '../operands.js';
import { KW } from './keywords.js';
import { AT, EQ, LPAREN, MINUS, PLUS, QUOTE, RPAREN, Scanner, SLASH, STAR, type TextOptions } from './scanner.js';
import { type Sym, SymTable, type Term } from './symbols.js';

export class Expressions extends Scanner {
  readonly asm: Assembler;
  /** Symbols; room for a label per kilobyte of source to begin with. */
  syms: SymTable;
  localCounts = new Map<string, number>();

  // Expression state: label terms of the expression being parsed, and the
  // register of a memory term.
  terms: Term[] = [];
  exprTerms: Term[] = this.terms;
  allowTermReg = false;
  termReg: Reg | null = null;
  termScale: Imm = 1;
  termScaled = false;
  termValue = 0;
  gotRef = false;

  constructor(asm: Assembler, src: string, opts: TextOptions) {
    super(src, opts);
    this.asm = asm;
    this.syms = new SymTable(src.length >> 10);
  }

  sym(name: string, at: number): Sym {
    return this.syms.get(name) ?? this.newSym(name, at);
  }

  /** The symbol named by the identifier at b[start, end). */
  symAt(start: number, end: number): Sym {
    return this.syms.getAt(this.b, start, end) ?? this.newSym(this.text(start, end), start);
  }

  newSym(name: string, at: number): Sym {
    const y: Sym = {
      name,
      kind: 'unknown',
      label: null,
      value: null,
      addend: 0,
      bound: false,
      section: '',
      frag: 0,
      pos: 0,
      line: this.line,
      col: this.colOf(at),
    };
    this.syms.add(y);
    return y;
  }

  /** The label of a symbol used as an address (creating it on first use). */
  labelOf(y: Sym, at: number): Label {
    if (y.label === null) {
      if (y.value !== null) this.fail(at, `${y.name} is a constant, not a label`);
      y.label = this.asm.label(y.name);
    }
    return y.label;
  }

  localName(digits: string, k: number): string {
    return `.L${digits}\u0002${k}`;
  }

  /** `name = expr`, `.set name, expr`, `.equ`, `.equiv`. */
  assign(start: number, end: number, strict: boolean): void {
    const name = this.text(start, end);
    const y = this.sym(name, start);
    if (y.kind === 'label') this.fail(start, `${name} is already defined as a label`);
    if (y.kind === 'unknown' && y.label !== null) this.fail(start, `${name} is used before it is defined`);
    if (strict && y.kind !== 'unknown') this.fail(start, `${name} is already defined`);
    const at = this.ws(this.p);
    const v = this.expr();
    const t = this.terms;
    if (t.length === 0) {
      y.kind = 'const';
      y.value = v;
      y.label = null;
      y.addend = 0;
    } else if (t.length === 1 && (t[0] as Term).sign === 1 && typeof v === 'number') {
      const target = (t[0] as Term).sym;
      y.label = this.termLabel(t[0] as Term);
      y.kind = 'alias';
      y.value = null;
      y.addend = v;
      y.bound = false;
      if (target.bound) {
        y.bound = true;
        y.section = target.section;
        y.frag = target.frag;
        y.pos = target.pos;
      }
    } else this.fail(at, `the value of ${name} is not known here (only constants and label + constant)`);
  }

  /** The symbol an assembler message names, to place it in the source. */
  symInMessage(msg: string): Sym | undefined {
    const words = new Set(msg.split(/[\s,;:'"()]+/));
    for (const s of this.syms.all) if (words.has(s.name)) return s;
    return undefined;
  }

  /** The label a term stands for; `.` gets a fresh label here. */
  termLabel(term: Term): Label {
    const y = term.sym;
    if (y.name === '.') {
      const l = this.asm.label();
      this.asm.bind(l);
      return l;
    }
    return this.labelOf(y, term.col);
  }

  num(v: Imm, at: number): number {
    if (typeof v === 'number') return v;
    this.fail(at, `value ${v} is out of range`);
  }

  /** A full expression (labels allowed as terms). */
  expr(): Imm {
    this.terms = this.exprTerms;
    if (this.terms.length !== 0) this.terms.length = 0;
    this.gotRef = false;
    const v = this.level3();
    return this.terms.length > 1 ? X.add(v, this.foldTerms(0)) : v;
  }

  /** A constant expression. */
  constant(what: string): Imm {
    const at = this.ws(this.p);
    const v = this.expr();
    if (this.terms.length > 0) this.fail(at, `${what} must be a constant`);
    return v;
  }

  level3(): Imm {
    let v = this.level2();
    const s = this.b;
    for (;;) {
      const p = this.ws(this.p);
      const c = s[p];
      if (c !== PLUS && c !== MINUS) {
        this.p = p;
        return v;
      }
      this.p = p + 1;
      const from = this.terms.length;
      const r = this.level2();
      if (c === MINUS) {
        for (let i = from; i < this.terms.length; i++) (this.terms[i] as Term).sign *= -1;
        v = X.sub(v, r);
      } else v = X.add(v, r);
    }
  }

  level2(): Imm {
    const from = this.terms.length;
    let v = this.level1();
    const s = this.b;
    for (;;) {
      const p = this.ws(this.p);
      const c = s[p];
      // `!` binary is "or not"; `!=` is a comparison we do not support.
      if (c !== 38 && c !== 124 && c !== 94 && !(c === 33 && s[p + 1] !== EQ)) {
        this.p = p;
        return v;
      }
      this.noRegister(p);
      v = X.add(v, this.foldTerms(from));
      this.p = p + 1;
      const mid = this.terms.length;
      let r = this.level1();
      this.noRegister(p);
      r = X.add(r, this.foldTerms(mid));
      if (this.terms.length > from) this.fail(p, `a label cannot be used with '${String.fromCharCode(c)}'`);
      v = c === 38 ? X.and(v, r) : c === 124 ? X.or(v, r) : c === 94 ? X.xor(v, r) : X.orNot(v, r);
    }
  }

  noRegister(at: number): void {
    if (this.termReg !== null) this.fail(at, `a register can only be added or scaled with '*'`);
  }

  level1(): Imm {
    const s = this.b;
    const from = this.terms.length;
    const regBefore = this.termReg;
    let v = this.unary();
    let reg = this.termReg !== regBefore;
    if (reg) v = 1;
    for (;;) {
      const p = this.ws(this.p);
      const c = s[p];
      const d = s[p + 1];
      let op = 0;
      if (c === STAR || c === SLASH || c === 37) op = c;
      else if (c === 60 && d === 60) op = 60;
      else if (c === 62 && d === 62) op = 62;
      if (op === 0 || (c === SLASH && (d === SLASH || d === STAR))) {
        this.p = p;
        if (reg) {
          this.termScale = v;
          return 0;
        }
        return v;
      }
      if (reg && op !== STAR) this.fail(p, `a register can only be scaled with '*'`);
      v = X.add(v, this.foldTerms(from));
      this.p = p + (op === 60 || op === 62 ? 2 : 1);
      const before = this.termReg;
      const mid = this.terms.length;
      let r = this.unary();
      if (this.termReg !== before) {
        if (reg) this.fail(p, `two registers in one term`);
        if (op !== STAR) this.fail(p, `a register can only be scaled with '*'`);
        reg = true;
        this.termScaled = true;
        continue;
      }
      r = X.add(r, this.foldTerms(mid));
      if (this.terms.length > from) this.fail(p, `a label cannot be used with '${this.text(p, this.p)}'`);
      if (reg) this.termScaled = true;
      v =
        op === STAR
          ? X.mul(v, r)
          : op === SLASH
            ? X.div(v, r)
            : op === 37
              ? X.mod(v, r)
              : op === 60
                ? X.shl(v, r)
                : X.shr(v, r);
    }
  }

  unary(): Imm {
    const s = this.b;
    const p = this.ws(this.p);
    const c = s[p];
    if (c === MINUS || c === 126 || c === PLUS || (c === 33 && s[p + 1] !== EQ)) {
      this.p = p + 1;
      const from = this.terms.length;
      const before = this.termReg;
      let v = this.unary();
      if (this.termReg !== before) this.fail(p, `a register cannot be negated`);
      if (c === PLUS) return v;
      if (c === MINUS) {
        for (let i = from; i < this.terms.length; i++) (this.terms[i] as Term).sign *= -1;
        return X.neg(v);
      }
      v = X.add(v, this.foldTerms(from));
      if (this.terms.length > from) this.fail(p, `a label cannot be used with '${String.fromCharCode(c)}'`);
      return c === 126 ? X.not(v) : v === 0 || v === 0n ? 1 : 0;
    }
    this.p = p;
    return this.primary();
  }

  primary(): Imm {
    const s = this.b;
    const p = this.p;
    const c = s[p];
    if (this.isDigit(c)) return this.number(p);
    if (c === LPAREN) {
      this.p = p + 1;
      const saved = this.allowTermReg;
      this.allowTermReg = false;
      const from = this.terms.length;
      let v = this.level3();
      this.allowTermReg = saved;
      v = X.add(v, this.foldTerms(from));
      const q = this.ws(this.p);
      if (s[q] !== RPAREN) this.fail(q, `expected ')', found ${this.show(q)}`);
      this.p = q + 1;
      return v;
    }
    if (c === QUOTE) return this.charLiteral(p);
    if (this.isIdentStart(c)) {
      const e = this.identEnd(p);
      this.p = e;
      if (e === p + 1 && c === 46) {
        // `.`: the current position.
        const cur = this.asm.cursor();
        const y: Sym = {
          name: '.',
          kind: 'label',
          label: null,
          value: null,
          addend: 0,
          bound: true,
          section: cur.section,
          frag: cur.fragment,
          pos: cur.offset,
          line: this.line,
          col: this.colOf(p),
        };
        this.terms.push({ sign: 1, sym: y, col: p });
        return 0;
      }
      const k = this.word(p);
      if (k !== undefined) {
        if (k.kind === KW.Register) {
          if (!this.allowTermReg) this.fail(p, `register ${k.name} cannot be used in an expression`);
          if (this.termReg !== null) this.fail(p, `two registers in one term`);
          this.termReg = k.reg;
          return 0;
        }
        if (k.kind === KW.Size || k.kind === KW.Ptr) this.fail(p, `unexpected '${k.name}' in an expression`);
      }
      const y = this.symAt(p, e);
      this.reloc(y);
      if (y.value !== null) return y.value;
      this.terms.push({ sign: 1, sym: y, col: p });
      return y.addend;
    }
    this.fail(p, `expected an expression, found ${this.show(p)}`);
  }

  /** `@GOTPCREL` / `@PLT` after a symbol. */
  reloc(y: Sym): void {
    const s = this.b;
    if (s[this.p] !== AT) return;
    const e = this.identEnd(this.p + 1);
    const what = this.text(this.p + 1, e).toUpperCase();
    if (what === 'GOTPCREL') this.gotRef = true;
    else if (what !== 'PLT') this.fail(this.p, `unsupported relocation @${this.text(this.p + 1, e)}`);
    if (y.kind === 'const') this.fail(this.p, `@${what} on constant ${y.name}`);
    this.p = e;
  }

  number(p: number): Imm {
    const s = this.b;
    const e = this.identEnd(p);
    const c0 = s[p];
    const last = s[e - 1] | 32;
    // A local label reference: digits then b or f (`1b`, `2f`), not `0b101`.
    if ((last === 98 || last === 102) && e - p >= 2) {
      let digits = true;
      for (let i = p; i < e - 1; i++) if (!this.isDigit(s[i])) digits = false;
      if (digits) {
        const d = this.text(p, e - 1);
        const count = this.localCounts.get(d) ?? 0;
        this.p = e;
        if (last === 98) {
          if (count === 0) this.fail(p, `local label ${d} is not defined before this point`);
          this.terms.push({ sign: 1, sym: this.sym(this.localName(d, count), p), col: p });
        } else this.terms.push({ sign: 1, sym: this.sym(this.localName(d, count + 1), p), col: p });
        return 0;
      }
    }
    this.p = e;
    let base = 10;
    let i = p;
    if (c0 === 48 && e - p > 1) {
      const x = s[p + 1] | 32;
      if (x === 120) {
        base = 16;
        i = p + 2;
      } else if (x === 98) {
        base = 2;
        i = p + 2;
      } else {
        base = 8;
        i = p + 1;
      }
      if (i >= e) this.fail(p, `invalid number '${this.text(p, e)}'`);
    }
    let v = 0;
    for (let j = i; j < e; j++) {
      const c = s[j];
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if ((c | 32) >= 97 && (c | 32) <= 102) d = (c | 32) - 87;
      else d = 99;
      if (d >= base) this.fail(p, `invalid digit in number '${this.text(p, e)}'`);
      v = v * base + d;
    }
    if (v <= Number.MAX_SAFE_INTEGER) return v;
    const digits = this.text(i, e);
    const prefix = base === 16 ? '0x' : base === 2 ? '0b' : base === 8 ? '0o' : '';
    const b = BigInt(prefix + digits);
    if (b >= 1n << 64n) this.fail(p, `number '${this.text(p, e)}' does not fit in 64 bits`);
    return X.norm(b);
  }

  /**
   * Cancels label differences within terms[from..] that are constant here
   * (both labels in one fragment of one section) and returns their value.
   */
  foldTerms(from: number): Imm {
    const t = this.terms;
    if (t.length <= from) return 0;
    let v = 0;
    for (let i = from; i < t.length; i++) {
      const a = t[i] as Term;
      if (a.sign !== 1 || !a.sym.bound) continue;
      for (let j = from; j < t.length; j++) {
        const b = t[j] as Term;
        if (b.sign !== -1 || !b.sym.bound) continue;
        if (a.sym.section !== b.sym.section || a.sym.frag !== b.sym.frag) continue;
        v += a.sym.pos - b.sym.pos;
        a.sign = 0;
        b.sign = 0;
        break;
      }
    }
    let w = from;
    for (let i = from; i < t.length; i++) if ((t[i] as Term).sign !== 0) t[w++] = t[i] as Term;
    t.length = w;
    return v;
  }
}
