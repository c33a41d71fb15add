/**
 * Directives: sections, symbols' visibility, data (`.byte` .. `.quad`,
 * strings, floats, fills), alignment and `.set`; each a function of the
 * parser in the table at the end. A difference of labels across a jump is
 * written after layout (`patchDeferred`).
 */

import { type ObjectCode, sectionKind } from '../assembler.js';
import * as X from '../expr.js';
import type { Imm, Label } from '../operands.js';
import { Operands } from './operands.js';
import { C_SPACE, COMMA, cls, DQUOTE } from './scanner.js';
import type { Deferred, Term } from './symbols.js';

type Directive = (p: Directives, start: number) => void;

export class Directives extends Operands {
  globals: { name: string; line: number; col: number; hidden: boolean }[] = [];
  deferred: Deferred[] = [];
  section = '.text';
  prevSection = '.text';
  sectionStack: [string, string][] = [];
  /** In a section we accept but do not emit (`.note.GNU-stack`). */
  ignoredSection = false;

  checkEmit(at: number): void {
    if (this.ignoredSection) this.fail(at, `content in section ${this.section} is not supported`);
  }

  /** Initialized data: not in .bss, which holds only zeros. */
  checkData(at: number): void {
    this.checkEmit(at);
    const s = this.section;
    if (sectionKind(s) === 'bss') this.fail(at, `initialized data in ${s} (use .zero or .skip)`);
  }

  directive(start: number, end: number): void {
    const name = this.text(start, end).toLowerCase();
    const d = directives.get(name);
    if (d === undefined) {
      if (name.startsWith('.cfi_')) {
        this.skipRest();
        return;
      }
      this.fail(start, `unknown directive '${this.text(start, end)}'`);
    }
    d(this, start);
  }

  /** Skips the rest of the statement, strings included. */
  skipRest(): void {
    const s = this.b;
    let p = this.p;
    while (!this.atEnd(p)) {
      const c = s[p];
      if (c === DQUOTE) {
        this.string(p);
        p = this.p;
      } else p++;
    }
    this.p = p;
  }

  /** Comma-separated arguments, each parsed by `each`; none at all is fine. */
  list(each: () => void): void {
    if (this.atEnd(this.ws(this.p))) return;
    for (;;) {
      this.p = this.ws(this.p);
      each();
      const q = this.ws(this.p);
      if (this.b[q] !== COMMA) {
        this.p = q;
        return;
      }
      this.p = q + 1;
    }
  }

  /** An optional argument: absent when the next thing is ',' or the end. */
  optional(what: string): Imm | null {
    const q = this.ws(this.p);
    this.p = q;
    if (this.atEnd(q) || this.b[q] === COMMA) return null;
    return this.constant(what);
  }

  comma(): boolean {
    const q = this.ws(this.p);
    if (this.b[q] === COMMA) {
      this.p = q + 1;
      return true;
    }
    this.p = q;
    return false;
  }

  /** A symbol name argument. */
  name(): [string, number] {
    const p = this.ws(this.p);
    const e = this.identEnd(p);
    if (e === p || !this.isIdentStart(this.b[p])) this.fail(p, `expected a symbol name, found ${this.show(p)}`);
    this.p = e;
    return [this.text(p, e), p];
  }

  /** `.byte`, `.word`, `.long`, `.quad` values. */
  data(size: number): void {
    this.checkData(this.p);
    this.list(() => {
      const at = this.p;
      let v = this.expr();
      v = X.add(v, this.foldTerms(0));
      const t = this.terms;
      const a = this.asm;
      if (t.length === 0) {
        if (!X.fitsBits(v, size * 8)) this.fail(at, `value ${v} does not fit in ${size} byte(s)`);
        if (size === 8) a.dq(v);
        else if (size === 4) a.dd(X.lowBits(v, 32));
        else if (size === 2) a.dw(X.lowBits(v, 16));
        else a.db(X.lowBits(v, 8));
        return;
      }
      let sum = 0;
      for (const x of t) sum += x.sign;
      if (t.length === 1 && sum === 1) {
        if (size < 4) this.fail(at, `a label address does not fit in ${size} byte(s)`);
        if (typeof v !== 'number') this.fail(at, `offset ${v} is too large`);
        a.address(size as 4 | 8, this.termLabel(t[0] as Term), v);
        return;
      }
      if (sum !== 0) this.fail(at, `expected a constant, label + constant or a difference of labels`);
      // A difference of labels across a jump or alignment: patched after layout.
      for (const x of t) {
        if (x.sym.name === '.') {
          const l = this.termLabel(x);
          x.sym = this.sym(l.name, at);
          x.sym.label = l;
        } else this.labelOf(x.sym, x.col);
      }
      const tag = -(this.deferred.length + 1);
      a.mark(tag);
      this.deferred.push({ tag, size, value: v, terms: [...t], line: this.line, col: this.colOf(at) });
      a.zero(size);
    });
  }

  patchDeferred(obj: ObjectCode): void {
    const where = new Map<string, [number, number]>();
    for (const y of obj.symbols) where.set(y.name, [y.section, y.offset]);
    const marks = new Map<number, [number, number]>();
    for (const [tag, sec, off] of obj.marks) if (tag < 0) marks.set(tag, [sec, off]);
    obj.marks = obj.marks.filter((m) => m[0] >= 0);
    for (const d of this.deferred) {
      let v = d.value;
      let sec = -1;
      for (const t of d.terms) {
        const w = where.get((t.sym.label as Label).name);
        if (w === undefined) {
          this.addError(d.line, d.col, `${t.sym.name} is not defined here, so the difference is not known`);
          break;
        }
        if (sec >= 0 && w[0] !== sec) {
          this.addError(d.line, d.col, `the labels of a difference must be in one section`);
          break;
        }
        sec = w[0];
        v = X.add(v, t.sign * w[1]);
      }
      if (!X.fitsBits(v, d.size * 8)) this.addError(d.line, d.col, `value ${v} does not fit in ${d.size} byte(s)`);
      const [s, off] = marks.get(d.tag) as [number, number];
      const bytes = (obj.sections[s] as { bytes: Uint8Array }).bytes;
      let x = BigInt.asUintN(64, BigInt(v));
      for (let i = 0; i < d.size; i++) {
        bytes[off + i] = Number(x & 0xffn);
        x >>= 8n;
      }
    }
    if (this.errors.length > 0) this.throwErrors();
  }

  strings(zero: boolean): void {
    this.checkData(this.p);
    this.list(() => {
      const b = this.string(this.p);
      if (zero) b.push(0);
      this.asm.bytes(b);
    });
  }

  align(kind: 'bytes' | 'power', start: number): void {
    this.checkEmit(start);
    const at = this.ws(this.p);
    const a = this.constant('alignment');
    let fill: Imm | null = null;
    let max: Imm | null = null;
    if (this.comma()) {
      fill = this.optional('fill');
      if (this.comma()) max = this.optional('maximum');
    }
    let n = Number(a);
    if (kind === 'power') {
      if (n < 0 || n > 30) this.fail(at, `alignment 2^${a} is out of range`);
      n = 2 ** n;
    } else if (n < 0 || n > 2 ** 30 || (n & (n - 1)) !== 0) this.fail(at, `alignment ${a} is not a power of 2`);
    if (n <= 1) return;
    let f: number | undefined;
    if (fill !== null) {
      if (!X.fitsBits(fill, 8)) this.fail(at, `fill ${fill} does not fit in a byte`);
      f = X.lowBits(fill, 8);
      // GNU as pads code with NOPs when the fill is the one-byte NOP.
      if (f === 0x90 && sectionKind(this.section) === 'text') f = undefined;
    }
    const m = max === null ? undefined : Number(max);
    if (m !== undefined && m < 0) this.fail(at, `maximum ${max} is negative`);
    this.asm.align(n, f, m === undefined || m >= n ? undefined : m);
  }

  space(start: number): void {
    this.checkEmit(start);
    const at = this.ws(this.p);
    const count = Number(this.constant('size'));
    let fill = 0;
    if (this.comma()) {
      const f = this.constant('fill');
      if (!X.fitsBits(f, 8)) this.fail(at, `fill ${f} does not fit in a byte`);
      fill = X.lowBits(f, 8);
    }
    if (count < 0) this.fail(at, `size ${count} is negative`);
    if (count > 1 << 30) this.fail(at, `size ${count} is too large`);
    if (fill !== 0) this.checkData(start);
    if (fill === 0) this.asm.zero(count);
    else this.asm.bytes(new Uint8Array(count).fill(fill));
  }

  fill(start: number): void {
    this.checkData(start);
    const at = this.ws(this.p);
    const repeat = Number(this.constant('repeat count'));
    let size = 1;
    let value: Imm = 0;
    if (this.comma()) {
      const s = this.optional('size');
      if (s !== null) size = Number(s);
      if (this.comma()) value = this.constant('value');
    }
    if (repeat < 0 || repeat > 1 << 30) this.fail(at, `repeat count ${repeat} is out of range`);
    if (size < 0 || size > 8) this.fail(at, `size ${size} is out of range 0..8`);
    const one = new Uint8Array(size);
    const low = X.lowBits(value, 32);
    for (let i = 0; i < size && i < 4; i++) one[i] = (low >>> (8 * i)) & 0xff;
    const out = new Uint8Array(repeat * size);
    for (let i = 0; i < repeat; i++) out.set(one, i * size);
    this.asm.bytes(out);
  }

  floats(size: 4 | 8, start: number): void {
    this.checkData(start);
    this.list(() => {
      const p = this.p;
      let e = p;
      const s = this.b;
      while (!this.atEnd(e) && s[e] !== COMMA) e++;
      const text = this.text(p, e).trim();
      const v = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)
        ? Number(text)
        : /^[-+]?(inf|nan)$/i.test(text)
          ? Number(text.replace(/inf/i, 'Infinity').replace(/nan/i, 'NaN'))
          : Number.NaN;
      if (Number.isNaN(v) && !/nan/i.test(text)) this.fail(p, `invalid floating-point number '${text}'`);
      const b = new Uint8Array(size);
      const dv = new DataView(b.buffer);
      if (size === 8) dv.setFloat64(0, v, true);
      else dv.setFloat32(0, v, true);
      this.asm.bytes(b);
      this.p = e;
    });
  }

  switchTo(name: string): void {
    if (name !== this.section) {
      this.prevSection = this.section;
      this.section = name;
    }
    this.ignoredSection = name === '.note.GNU-stack';
    if (!this.ignoredSection) this.asm.section(name);
    if (this.listing) this.asm.mark(this.line);
  }

  sectionName(): string {
    const s = this.b;
    const p = this.ws(this.p);
    if (s[p] === DQUOTE) {
      const b = this.string(p);
      return String.fromCharCode(...b);
    }
    let e = p;
    while (!this.atEnd(e)) {
      const c = s[e];
      if (c === COMMA || cls[c] === C_SPACE) break;
      e++;
    }
    if (e === p) this.fail(p, `expected a section name`);
    this.p = e;
    return this.text(p, e);
  }
}

const ignore: Directive = (p) => p.skipRest();

const directives = new Map<string, Directive>([
  [
    '.intel_syntax',
    (p) => {
      const q = p.ws(p.p);
      if (p.atEnd(q)) return;
      const [arg, at] = p.name();
      if (arg.toLowerCase() !== 'noprefix') p.fail(at, `only '.intel_syntax noprefix' is supported`);
    },
  ],
  ['.att_syntax', (p, at) => p.fail(at, `AT&T syntax is not supported; use .intel_syntax noprefix`)],
  ['.intel_mnemonic', ignore],
  ['.code64', ignore],
  ['.code32', (p, at) => p.fail(at, `only 64-bit code (.code64) is supported`)],
  ['.code16', (p, at) => p.fail(at, `only 64-bit code (.code64) is supported`)],
  ['.text', (p) => p.switchTo('.text')],
  ['.data', (p) => p.switchTo('.data')],
  ['.bss', (p) => p.switchTo('.bss')],
  ['.rodata', (p) => p.switchTo('.rodata')],
  [
    '.section',
    (p) => {
      const name = p.sectionName();
      p.skipRest();
      p.switchTo(name);
    },
  ],
  [
    '.pushsection',
    (p) => {
      const name = p.sectionName();
      p.skipRest();
      p.sectionStack.push([p.section, p.prevSection]);
      p.switchTo(name);
    },
  ],
  [
    '.popsection',
    (p, at) => {
      const top = p.sectionStack.pop();
      if (!top) return p.fail(at, `.popsection without .pushsection`);
      p.switchTo(top[0]);
      p.prevSection = top[1];
    },
  ],
  ['.previous', (p) => p.switchTo(p.prevSection)],
  ['.globl', (p) => globl(p, false)],
  ['.global', (p) => globl(p, false)],
  ['.hidden', (p) => globl(p, true)],
  ['.local', (p) => globl(p, true)],
  ['.type', ignore],
  ['.size', ignore],
  ['.file', ignore],
  ['.ident', ignore],
  ['.loc', ignore],
  ['.extern', ignore],
  ['.byte', (p) => p.data(1)],
  ['.word', (p) => p.data(2)],
  ['.short', (p) => p.data(2)],
  ['.hword', (p) => p.data(2)],
  ['.value', (p) => p.data(2)],
  ['.2byte', (p) => p.data(2)],
  ['.long', (p) => p.data(4)],
  ['.int', (p) => p.data(4)],
  ['.4byte', (p) => p.data(4)],
  ['.quad', (p) => p.data(8)],
  ['.8byte', (p) => p.data(8)],
  ['.double', (p, at) => p.floats(8, at)],
  ['.float', (p, at) => p.floats(4, at)],
  ['.single', (p, at) => p.floats(4, at)],
  ['.ascii', (p) => p.strings(false)],
  ['.asciz', (p) => p.strings(true)],
  ['.string', (p) => p.strings(true)],
  ['.align', (p, at) => p.align('bytes', at)],
  ['.balign', (p, at) => p.align('bytes', at)],
  ['.p2align', (p, at) => p.align('power', at)],
  ['.zero', (p, at) => p.space(at)],
  ['.skip', (p, at) => p.space(at)],
  ['.space', (p, at) => p.space(at)],
  ['.fill', (p, at) => p.fill(at)],
  ['.set', (p) => setDirective(p, false)],
  ['.equ', (p) => setDirective(p, false)],
  ['.equiv', (p) => setDirective(p, true)],
]);

function globl(p: Directives, hidden: boolean): void {
  p.list(() => {
    const [name, at] = p.name();
    if (hidden) {
      for (const g of p.globals) if (g.name === name) g.hidden = true;
    }
    p.globals.push({ name, line: p.line, col: p.colOf(at), hidden });
  });
}

function setDirective(p: Directives, strict: boolean): void {
  const [, at] = p.name();
  const end = p.p;
  if (!p.comma()) p.fail(p.p, `expected ',' after the symbol name`);
  p.assign(at, end, strict);
}
