/**
 * The scanner: the source as bytes, the position, line and column, and the
 * lexical pieces every part of the parser reads (blanks and comments, words
 * and keywords, plain numbers, strings), with the error list and how an
 * error is placed in the source.
 */

import * as X from '../expr.js';
import { AsmError } from '../operands.js';
import { AsmSyntaxError, Fail } from './errors.js';
import { CODE, CODES, KEYWORDS, type Keyword, loadKeywords, TRIE, TRIE2 } from './keywords.js';

export interface TextOptions {
  /** Name used in error messages (default `<input>`). */
  file?: string;
  /** Also return a listing (addresses, bytes, source lines). */
  listing?: boolean;
  /** Stop after this many errors (default 20). */
  maxErrors?: number;
}

// Character classes and codes.

export const C_ID = 1;
export const C_IDSTART = 2;
export const C_DIGIT = 4;
export const C_SPACE = 8;
export const cls = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_.$]/.test(ch)) cls[c] = C_ID | C_IDSTART;
  if (/[0-9]/.test(ch)) cls[c] = C_ID | C_DIGIT;
  if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') cls[c] = C_SPACE;
}

export const LF = 10;
export const HASH = 35;
export const SEMI = 59;
export const SLASH = 47;
export const STAR = 42;
export const COMMA = 44;
export const COLON = 58;
export const LBRACK = 91;
export const LBRACE = 123;
export const RBRACE = 125;
export const RBRACK = 93;
export const LPAREN = 40;
export const RPAREN = 41;
export const PLUS = 43;
export const MINUS = 45;
export const QUOTE = 39;
export const DQUOTE = 34;
export const EQ = 61;
export const AT = 64;
export const BSLASH = 92;

const decoder = new TextDecoder();

export class Scanner {
  readonly src: string;
  /** The source as UTF-8 bytes with a 0 after the end (so scans stop without bounds checks). */
  readonly b: Uint8Array;
  /** Byte offsets equal string offsets (the source is ASCII). */
  readonly ascii: boolean;
  readonly n: number;
  /** End of the word last read by `word()`. */
  wEnd = 0;
  readonly file: string;
  readonly listing: boolean;
  readonly maxErrors: number;
  p = 0;
  line = 1;
  lineStart = 0;
  errors: AsmSyntaxError[] = [];

  constructor(src: string, opts: TextOptions) {
    loadKeywords();
    this.src = src;
    let b = new Uint8Array(src.length + 1);
    const r = new TextEncoder().encodeInto(src, b);
    this.ascii = r.read === src.length && r.written === src.length;
    if (!this.ascii) {
      const utf8 = new TextEncoder().encode(src);
      b = new Uint8Array(utf8.length + 1);
      b.set(utf8);
    }
    this.b = b;
    this.n = b.length - 1;
    this.file = opts.file ?? '<input>';
    this.listing = opts.listing ?? false;
    this.maxErrors = opts.maxErrors ?? 20;
  }

  #errorAt(e: unknown): AsmSyntaxError {
    if (e instanceof Fail) {
      return new AsmSyntaxError(this.file, this.line, this.colOf(e.at), e.message);
    }
    if (e instanceof AsmError || e instanceof X.ExprError) {
      return new AsmSyntaxError(this.file, this.line, this.colOf(this.p), e.message);
    }
    throw e;
  }

  record(e: unknown): void {
    this.errors.push(this.#errorAt(e));
  }

  addError(line: number, col: number, msg: string): void {
    this.errors.push(new AsmSyntaxError(this.file, line, col, msg));
  }

  throwErrors(): never {
    const first = this.errors[0] as AsmSyntaxError;
    first.errors = this.errors;
    throw first;
  }

  colOf(at: number): number {
    if (this.ascii) return at - this.lineStart + 1;
    return decoder.decode(this.b.subarray(this.lineStart, at)).length + 1;
  }

  /** Source text between two byte offsets. */
  text(from: number, to: number): string {
    return this.ascii ? this.src.slice(from, to) : decoder.decode(this.b.subarray(from, to));
  }

  /**
   * Reads the word at p (identifier characters) and returns the keyword it
   * spells, in any case; `wEnd` is where it ends.
   */
  word(p: number): Keyword | undefined {
    return KEYWORDS[this.wordNumber(p)];
  }

  /** `word`, as the keyword's number (0: none); see LAST_REGISTER. */
  wordNumber(p: number): number {
    const b = this.b;
    const c0 = CODE[b[p] as number] as number;
    if (c0 === 0) {
      this.wEnd = p;
      return 0;
    }
    const c1 = CODE[b[p + 1] as number] as number;
    let st = TRIE2[c0 * CODES + c1] as number;
    let q = c1 === 0 ? p + 1 : p + 2;
    for (;;) {
      const code = CODE[b[q] as number] as number;
      if (code === 0) break;
      st = TRIE[st + code] as number;
      q++;
    }
    this.wEnd = q;
    return TRIE[st] as number;
  }

  fail(at: number, msg: string): never {
    throw new Fail(at, msg);
  }

  skipLine(): void {
    const i = this.b.indexOf(LF, this.p);
    if (i < 0) this.p = this.n;
    else {
      this.p = i + 1;
      this.line++;
      this.lineStart = this.p;
    }
  }

  /** Skips blanks and block comments. */
  ws(p: number): number {
    const s = this.b;
    while (cls[s[p] as number] === C_SPACE) p++;
    return s[p] === SLASH && s[p + 1] === STAR ? this.blockComment(p) : p;
  }

  /** Skips `/* ... *\/` comments (and blanks after them), counting the lines they span. */
  blockComment(p: number): number {
    const s = this.b;
    for (;;) {
      const c = s[p];
      if (cls[c as number] === C_SPACE) p++;
      else if (c === SLASH && s[p + 1] === STAR) {
        let end = p + 2;
        while (end < this.n && !(s[end] === STAR && s[end + 1] === SLASH)) end++;
        if (end >= this.n) this.fail(p, 'unterminated /* comment');
        for (let i = p; i < end; i++) {
          if (s[i] === LF) {
            this.line++;
            this.lineStart = i + 1;
          }
        }
        p = end + 2;
      } else return p;
    }
  }

  /** True at the end of a statement: end of input, newline, `;` or a comment. */
  atEnd(p: number): boolean {
    if (p >= this.n) return true;
    const c = this.b[p];
    return c === LF || c === SEMI || c === HASH || (c === SLASH && this.b[p + 1] === SLASH);
  }

  identEnd(p: number): number {
    const s = this.b;
    for (;;) {
      const c = s[p];
      if (cls[c] & C_ID) p++;
      else return p;
    }
  }

  isIdentStart(c: number): boolean {
    return (cls[c] & C_IDSTART) !== 0;
  }

  isDigit(c: number): boolean {
    return c >= 48 && c <= 57;
  }

  /** A short quote of the source at p, for messages. */
  show(p: number): string {
    if (p >= this.n || this.b[p] === LF) return 'end of line';
    const e = this.identEnd(p);
    return `'${this.text(p, e > p ? e : p + 1)}'`;
  }

  /**
   * A decimal number of at most 14 digits or a 0x number of at most 13 hex
   * digits (both below 2^53), or -1 if it is anything else (octal, binary, a
   * local label reference, too long): those take the full path.
   */
  simpleNumber(p: number): number {
    const s = this.b;
    let v = 0;
    let q = p;
    const c0 = s[p];
    if (c0 === 48) {
      const x = s[p + 1];
      if (x === 120 || x === 88) {
        q = p + 2;
        for (;;) {
          const h = s[q] | 32;
          const d = h >= 48 && h <= 57 ? h - 48 : h >= 97 && h <= 102 ? h - 87 : -1;
          if (d < 0) break;
          v = v * 16 + d;
          q++;
        }
        if (q === p + 2 || q - p > 15) return -1;
      } else q = p + 1;
    } else {
      while (q - p < 14) {
        const d = s[q] - 48;
        if (d < 0 || d > 9) break;
        v = v * 10 + d;
        q++;
      }
    }
    const e = s[q];
    if (cls[e] & C_ID) return -1;
    this.p = q;
    return v;
  }

  /** A double-quoted string at p, as bytes (UTF-8 for non-ASCII). */
  string(p: number): number[] {
    const s = this.b;
    if (s[p] !== DQUOTE) this.fail(p, `expected a string, found ${this.show(p)}`);
    const out: number[] = [];
    let q = p + 1;
    for (;;) {
      if (q >= this.n) this.fail(p, `unterminated string`);
      const c = s[q];
      if (c === DQUOTE) break;
      if (c === LF) this.fail(p, `unterminated string`);
      if (c === BSLASH) q = this.escape(q + 1, out);
      else {
        // Bytes as written; non-ASCII text arrives as UTF-8.
        out.push(c);
        q++;
      }
    }
    this.p = q + 1;
    return out;
  }

  /** `'a'`, `'a` (GNU), `'\n'`. */
  charLiteral(p: number): number {
    const s = this.b;
    let q = p + 1;
    if (q >= this.n || s[q] === LF) this.fail(p, `empty character constant`);
    let v: number;
    if (s[q] === BSLASH) {
      const out: number[] = [];
      q = this.escape(q + 1, out);
      v = out[0] as number;
    } else {
      // A non-ASCII character stands for its first UTF-8 byte, as in GNU as.
      v = s[q] as number;
      q++;
      while ((s[q] as number) >= 0x80 && (s[q] as number) < 0xc0) q++;
    }
    if (s[q] === QUOTE) q++;
    this.p = q;
    return v;
  }

  /** One escape after a backslash at q; pushes its byte, returns the next position. */
  escape(q: number, out: number[]): number {
    const s = this.b;
    const c = s[q];
    switch (c) {
      case 110:
        out.push(10);
        return q + 1;
      case 116:
        out.push(9);
        return q + 1;
      case 114:
        out.push(13);
        return q + 1;
      case 98:
        out.push(8);
        return q + 1;
      case 102:
        out.push(12);
        return q + 1;
      case 118:
        out.push(11);
        return q + 1;
      case 92:
      case 34:
      case 39:
        out.push(c);
        return q + 1;
      case 120:
      case 88: {
        let v = 0;
        let i = q + 1;
        for (;;) {
          const h = s[i] | 32;
          const d = h >= 48 && h <= 57 ? h - 48 : h >= 97 && h <= 102 ? h - 87 : -1;
          if (d < 0) break;
          v = ((v << 4) | d) & 0xff;
          i++;
        }
        if (i === q + 1) this.fail(q - 1, `\\x needs hex digits`);
        out.push(v);
        return i;
      }
      default:
        if (c >= 48 && c <= 55) {
          let v = 0;
          let i = q;
          while (i < q + 3 && s[i] >= 48 && s[i] <= 55) v = v * 8 + s[i++] - 48;
          out.push(v & 0xff);
          return i;
        }
        this.fail(q - 1, `unknown escape '\\${this.text(q, q + 1)}'`);
    }
  }
}
