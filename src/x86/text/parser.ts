/**
 * The parser: statements, one pass over the characters with no tokenizer.
 * The common statement (a mnemonic with registers, plain numbers, branch
 * targets and `[base + index*scale ± disp]` memory) is read by
 * `quickStatement` in a single sweep; anything else, errors included, by
 * the full path (labels, `=`, directives, prefixes, operands). Parsing goes
 * on after an error at the next line, so one run reports up to `maxErrors`
 * of them.
 */

import type { ObjectCode } from '../assembler.js';
import type { Assembler } from '../builder.js';
import { Prefix } from '../encoder.js';
import { AsmError, type Imm, type Operand, type Reg } from '../operands.js';
import type { FormMemo } from '../select.js';
import { Directives } from './directives.js';
import { CODE, KEYWORDS, type Keyword, KW, LAST_MNEMONIC, LAST_REGISTER, prepare, REGISTER_OF } from './keywords.js';
import { C_SPACE, COLON, COMMA, cls, EQ, HASH, LBRACK, LF, MINUS, SEMI, SLASH, type TextOptions } from './scanner.js';
import type { Sym } from './symbols.js';

export class Parser extends Directives {
  /** The mnemonic of the statement `quickStatement` read. */
  quickMnemonic: Keyword | null = null;

  constructor(asm: Assembler, src: string, opts: TextOptions) {
    super(asm, src, opts);
    // Code is a fraction of its source: about a byte for every six in plain instruction lines.
    asm.reserve(src.length >> 2);
  }

  run(): void {
    while (this.p < this.n) {
      try {
        this.statements();
      } catch (e) {
        this.allowTermReg = false;
        this.record(e);
        if (this.errors.length >= this.maxErrors) break;
        this.skipLine();
      }
    }
    if (this.errors.length > 0) this.throwErrors();
  }

  finish(): ObjectCode {
    // A forward reference `3f` to a local label that never comes.
    for (const y of this.syms.all) {
      const mark = y.name.indexOf('\u0002');
      if (mark > 0 && !y.bound)
        this.addError(y.line, y.col, `local label ${y.name.slice(2, mark)} is not defined after this use`);
    }
    for (const g of this.globals) {
      const s = this.syms.get(g.name);
      if (!s) continue;
      if (s.value !== null) this.addError(g.line, g.col, `${g.name} is a constant and cannot be exported`);
      else if (s.bound && !g.hidden) this.asm.global(g.name);
    }
    if (this.errors.length > 0) this.throwErrors();
    let obj: ObjectCode;
    try {
      obj = this.asm.finish();
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      const sym = this.symInMessage(e.message);
      this.addError(sym?.line ?? 1, sym?.col ?? 1, e.message);
      this.throwErrors();
    }
    if (this.deferred.length > 0) this.patchDeferred(obj);
    return obj;
  }

  /** Parses statements until the end of input; throws on the first error. */
  statements(): void {
    const s = this.b;
    const n = this.n;
    while (this.p < n) {
      let p = this.ws(this.p);
      const c = s[p];
      if (p >= n) {
        this.p = p;
        return;
      }
      if (c === LF) {
        this.p = p + 1;
        this.line++;
        this.lineStart = p + 1;
        continue;
      }
      if (c === SEMI) {
        this.p = p + 1;
        continue;
      }
      if (c === HASH || (c === SLASH && s[p + 1] === SLASH)) {
        const e = s.indexOf(LF, p);
        this.p = e < 0 ? n : e;
        continue;
      }
      if ((c | 32) >= 97 && (c | 32) <= 122) {
        // Emitting here rather than in quickStatement leaves the engine's
        // inlining budget of quickStatement to its lexing.
        const ops = this.quickStatement(p);
        if (ops !== null) {
          this.emit(this.quickMnemonic as Keyword, ops, p);
          if (this.p < n) {
            // The end of the line, which quickStatement stops at.
            this.p++;
            this.line++;
            this.lineStart = this.p;
          }
          continue;
        }
      }
      if (this.listing) this.asm.mark(this.line);
      this.p = p;
      this.statement();
      p = this.ws(this.p);
      this.p = p;
      if (!this.atEnd(p)) this.fail(p, `unexpected ${this.show(p)} at end of statement`);
    }
  }

  /**
   * The common statement in the fewest steps: a mnemonic and operands that
   * are registers, plain numbers, branch targets or memory in the shapes
   * `quickMemory` reads, then the end of the line. Returns the operands
   * (the mnemonic in `quickMnemonic`), with `p` at the end of the line; or
   * null having done nothing that parsing the statement in full would not
   * do the same way (it may have met a symbol first), for `statement()`.
   */
  quickStatement(start: number): Operand[] | null {
    const s = this.b;
    const id = this.wordNumber(start);
    if (id <= LAST_REGISTER || id > LAST_MNEMONIC || this.ignoredSection) return null;
    const kw = KEYWORDS[id] as Keyword;
    if (kw.memo === null) prepare(kw);
    let q = this.wEnd;
    let c = s[q] as number;
    let n = 0;
    let unsized = false;
    if (q < this.n && c !== LF) {
      if (cls[c] !== C_SPACE) return null;
      do q++;
      while (cls[s[q] as number] === C_SPACE);
      c = s[q] as number;
      const scratch = this.scratch;
      while (q < this.n && c !== LF) {
        if (n === 4) return null;
        const at = q;
        let o: Operand;
        if (c === LBRACK) {
          const m = this.quickMemory(0, q, n);
          if (m === null) return null;
          o = m;
          q = this.p;
          unsized = true;
        } else if (this.isDigit(c) || (c === MINUS && this.isDigit(s[q + 1] as number))) {
          const v = this.simpleNumber(c === MINUS ? q + 1 : q);
          if (v < 0) return null;
          o = c !== MINUS || v === 0 ? v : -v;
          q = this.p;
        } else {
          // No keyword starts with '.': a `.L` label is read as a name at once.
          const kid = c === 46 ? 0 : this.wordNumber(q);
          const e = c === 46 ? this.identEnd(q) : this.wEnd;
          if (e === q) return null;
          const k = KEYWORDS[kid];
          if (kid !== 0 && kid <= LAST_REGISTER) {
            o = REGISTER_OF[kid] as Reg;
            q = e;
          } else if (k !== undefined && k.kind === KW.Size) {
            q = e;
            while (cls[s[q] as number] === C_SPACE) q++;
            // `ptr`, in any case.
            if (
              ((s[q] as number) | 32) !== 112 ||
              ((s[q + 1] as number) | 32) !== 116 ||
              ((s[q + 2] as number) | 32) !== 114 ||
              CODE[s[q + 3] as number] !== 0
            ) {
              return null;
            }
            q += 3;
            while (cls[s[q] as number] === C_SPACE) q++;
            const m = s[q] === LBRACK ? this.quickMemory(k.n, q, n) : null;
            if (m === null) return null;
            o = m;
            q = this.p;
          } else if (k === undefined && kw.branch && !(e === q + 1 && c === 46)) {
            // A branch target: a label, or a constant.
            let r = e;
            while (cls[s[r] as number] === C_SPACE) r++;
            if (s[r] !== COMMA && s[r] !== LF && r < this.n) return null;
            const y = this.symAt(q, e);
            if (y.kind === 'alias') return null;
            o = y.kind === 'const' ? (y.value as Imm) : this.labelOf(y, q);
            q = e;
          } else return null;
        }
        scratch[n] = o;
        this.opCols[n] = at;
        n++;
        while (cls[s[q] as number] === C_SPACE) q++;
        c = s[q] as number;
        if (c === COMMA) {
          do q++;
          while (cls[s[q] as number] === C_SPACE);
          c = s[q] as number;
          if (q >= this.n || c === LF) return null;
        } else if (q < this.n && c !== LF) return null;
      }
    }
    this.p = q;
    if (this.listing) this.asm.mark(this.line);
    this.quickMnemonic = kw;
    return unsized ? this.sized(kw, n) : this.copied(n);
  }

  statement(): void {
    const s = this.b;
    for (;;) {
      const start = this.p;
      const c = s[start];
      if (this.isIdentStart(c)) {
        const kw = this.word(start);
        const end = this.wEnd;
        const q = this.ws(end);
        const d = s[q];
        if (d === COLON) {
          this.defineLabel(start, end);
          this.p = this.ws(q + 1);
          if (this.atEnd(this.p)) return;
          continue;
        }
        if (d === EQ && s[q + 1] !== EQ) {
          this.p = q + 1;
          this.assign(start, end, false);
          return;
        }
        if (c === 46 /* . */) {
          this.p = q;
          this.directive(start, end);
          return;
        }
        this.p = q;
        this.instruction(start, end, kw);
        return;
      }
      if (this.isDigit(c)) {
        const end = this.identEnd(start);
        const q = this.ws(end);
        for (let i = start; i < end; i++) {
          if (!this.isDigit(s[i])) this.fail(start, `expected a label or an instruction, found ${this.show(start)}`);
        }
        if (s[q] !== COLON) this.fail(start, `expected ':' after local label ${this.text(start, end)}`);
        this.defineLocal(start, end);
        this.p = this.ws(q + 1);
        if (this.atEnd(this.p)) return;
        continue;
      }
      this.fail(start, `expected a label, directive or instruction, found ${this.show(start)}`);
    }
  }

  bindSym(y: Sym, at: number): void {
    this.checkEmit(at);
    if (y.kind === 'const' || y.kind === 'alias') this.fail(at, `${y.name} is already defined with .set`);
    if (y.bound) this.fail(at, `label ${y.name} is already defined at line ${y.line}`);
    y.kind = 'label';
    const l = this.labelOf(y, at);
    if (l.external) this.fail(at, `${y.name} is external and cannot be defined`);
    this.asm.bind(l);
    const c = this.asm.cursor();
    y.bound = true;
    y.section = c.section;
    y.frag = c.fragment;
    y.pos = c.offset;
    y.line = this.line;
    y.col = this.colOf(at);
  }

  defineLabel(start: number, end: number): void {
    this.bindSym(this.symAt(start, end), start);
  }

  defineLocal(start: number, end: number): void {
    const d = this.text(start, end);
    const k = (this.localCounts.get(d) ?? 0) + 1;
    this.localCounts.set(d, k);
    this.bindSym(this.sym(this.localName(d, k), start), start);
  }

  instruction(start: number, end: number, first: Keyword | undefined): void {
    const s = this.b;
    let kw = first;
    let prefixes = 0;
    let mStart = start;
    let bytes: number[] | null = null;
    while (kw !== undefined && kw.kind === KW.Prefix) {
      if (prefixes & kw.n) this.fail(mStart, `the same kind of prefix is used twice`);
      prefixes |= kw.n;
      bytes ??= [];
      bytes.push(kw.n === Prefix.Lock ? 0xf0 : kw.n === Prefix.Rep ? 0xf3 : 0xf2);
      if (this.atEnd(this.p)) {
        // Prefixes on their own are bytes, as in GNU as.
        this.checkEmit(start);
        this.asm.bytes(bytes);
        return;
      }
      mStart = this.p;
      const c = s[mStart];
      if (!this.isIdentStart(c)) this.fail(mStart, `expected an instruction after the prefix`);
      kw = this.word(mStart);
      const e = this.wEnd;
      this.p = this.ws(e);
      if (kw === undefined || (kw.kind !== KW.Mnemonic && kw.kind !== KW.Prefix)) {
        this.fail(mStart, `unknown instruction '${this.text(mStart, e)}'`);
      }
    }
    if (kw === undefined || kw.kind !== KW.Mnemonic) {
      this.fail(start, `unknown instruction '${this.text(start, end)}'`);
    }
    if (kw.memo === null) prepare(kw);
    this.checkEmit(start);

    // Operands.
    let n = 0;
    const scratch = this.scratch;
    if (!this.atEnd(this.p)) {
      for (;;) {
        if (n === 5) this.fail(this.p, `too many operands`);
        this.p = this.ws(this.p);
        this.opCols[n] = this.p;
        scratch[n] = this.operand(kw, n);
        n++;
        if (this.pendingRc !== null) {
          if (n === 5) this.fail(this.p, `too many operands`);
          this.opCols[n] = this.opCols[n - 1] as number;
          scratch[n++] = this.pendingRc;
          this.pendingRc = null;
        }
        const q = this.ws(this.p);
        if (s[q] === COMMA) {
          this.p = q + 1;
          continue;
        }
        this.p = q;
        if (!this.atEnd(q)) this.fail(q, `expected ',' or end of statement, found ${this.show(q)}`);
        break;
      }
    }
    const ops = this.sized(kw, n);
    // The encoder checks the prefixes; its errors are placed at the mnemonic.
    if (prefixes & Prefix.Lock) this.asm.lock();
    if (prefixes & Prefix.Rep) this.asm.rep();
    if (prefixes & Prefix.Repne) this.asm.repne();
    this.emit(kw, ops, mStart);
  }

  /** Emits the instruction of mnemonic `kw`; errors are placed at `at`. */
  emit(kw: Keyword, ops: Operand[], at: number): void {
    try {
      this.asm.emitWith(kw.memo as FormMemo, ops);
    } catch (e) {
      if (e instanceof AsmError) this.fail(at, e.message);
      throw e;
    }
  }
}
