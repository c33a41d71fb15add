/**
 * The text front end: GNU `as` source in Intel syntax (`.intel_syntax
 * noprefix`), read into the builder so it produces the bytes GNU `as` 2.40
 * does for every instruction of the table.
 *
 * One pass over the characters, no tokenizer: statements are parsed where
 * they stand, keywords are found by a trie over case-folded character codes
 * (no substring, no lower-casing), and operand arrays are reused. The common
 * statement (a mnemonic with registers, plain numbers, branch targets and
 * `[base + index*scale ± disp]` memory) is read by `quickStatement` in a
 * single sweep; anything else, errors included, by the full parser. Label
 * arithmetic (`. - msg`, `end - start`) is folded when both labels lie in one
 * fragment of one section; differences across jumps in data directives are
 * patched once the layout is known.
 *
 * Errors carry file, line and column (1-based). Parsing goes on after an error
 * at the next line, so one run reports up to `maxErrors` of them; the first
 * is thrown with the others in `errors`.
 */

import { type ObjectCode, sectionKind } from './assembler.js';
import { Assembler } from './builder.js';
import { Prefix } from './encoder.js';
import * as X from './expr.js';
import { formsByMnemonic, mnemonics } from './forms.js';
import { memSizeOfKind, type OperandKind, REG_CLASSES, takesImm } from './kinds.js';
import { buildListing, type ListingLine } from './listing.js';
import {
  AsmError,
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
} from './operands.js';
import { type FormMemo, memoFor } from './select.js';

/** A syntax or encoding error at a place in the source. */
export class AsmSyntaxError extends AsmError {
  override name = 'AsmSyntaxError';
  /** Every error found, this one first. */
  errors: AsmSyntaxError[] = [];
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** What is wrong, without the location. */
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

export interface TextOptions {
  /** Name used in error messages (default `<input>`). */
  file?: string;
  /** Also return a listing (addresses, bytes, source lines). */
  listing?: boolean;
  /** Stop after this many errors (default 20). */
  maxErrors?: number;
}

export interface TextResult {
  object: ObjectCode;
  listing?: ListingLine[];
}

/** Assembles Intel-syntax source into an object. Throws `AsmSyntaxError`. */
export function assembleText(source: string, opts: TextOptions = {}): TextResult {
  const a = new Assembler({ undefinedExternal: true });
  const unit = feedText(a, source, opts);
  const object = unit.finish();
  if (!opts.listing) return { object };
  return { object, listing: buildListing(source, object) };
}

/** Source fed into an assembler; `finish()` finishes the assembler and applies what had to wait for layout. */
export interface TextUnit {
  finish(): ObjectCode;
}

/**
 * Feeds source into an existing assembler (created with
 * `undefinedExternal: true` if the source may reference imports). Call
 * `finish()` on the returned unit, not on the assembler.
 */
export function feedText(asm: Assembler, source: string, opts: TextOptions = {}): TextUnit {
  const p = new Parser(asm, source, opts);
  p.run();
  return { finish: () => p.finish() };
}

// ---------------------------------------------------------------------------
// Characters.

const C_ID = 1;
const C_IDSTART = 2;
const C_DIGIT = 4;
const C_SPACE = 8;
const cls = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_.$]/.test(ch)) cls[c] = C_ID | C_IDSTART;
  if (/[0-9]/.test(ch)) cls[c] = C_ID | C_DIGIT;
  if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') cls[c] = C_SPACE;
}

const LF = 10;
const HASH = 35;
const SEMI = 59;
const SLASH = 47;
const STAR = 42;
const COMMA = 44;
const COLON = 58;
const LBRACK = 91;
const LBRACE = 123;
const RBRACE = 125;
const RBRACK = 93;
const LPAREN = 40;
const RPAREN = 41;
const PLUS = 43;
const MINUS = 45;
const QUOTE = 39;
const DQUOTE = 34;
const EQ = 61;
const AT = 64;
const BSLASH = 92;

// ---------------------------------------------------------------------------
// Keywords: mnemonics, prefixes, registers and size words, found without
// slicing the source.

const enum KW {
  Mnemonic,
  Prefix,
  Register,
  Size,
  Ptr,
  Offset,
}

interface Keyword {
  kind: KW;
  name: string;
  reg: Reg | null;
  /** Size keyword in bytes; prefix bit. */
  n: number;
  /** Takes a label operand as a branch target. */
  branch: boolean;
  /** Resolved sizes of unsized memory operands, by operand shape (see `unsizedMemSize`). */
  sizes: Map<number, number> | null;
  /** Form choices of a mnemonic. */
  memo: FormMemo | null;
}

function keyword(kind: KW, name: string, reg: Reg | null = null, n = 0): Keyword {
  return {
    kind,
    name,
    reg,
    n,
    branch: false,
    sizes: null,
    memo: kind === KW.Mnemonic ? memoFor(name) : null,
  };
}

/** Identifier characters as small codes (1..39), letters folded to lower case; 0 for any other byte. */
const CODE = new Uint8Array(256);
for (let c = 0; c < 26; c++) {
  CODE[97 + c] = 1 + c;
  CODE[65 + c] = 1 + c;
}
for (let c = 0; c < 10; c++) CODE[48 + c] = 27 + c;
CODE[95] = 37;
CODE[46] = 38;
CODE[36] = 39;
const CODES = 40;

/**
 * Keywords in a trie over the codes of their characters: reading a word is
 * one table step per character, with no hashing, slicing or lower-casing.
 * A state is the offset of its row of CODES transitions (so a step is an
 * add and a load); code 0 never makes a transition, so that entry of a row
 * holds the number of the keyword that ends there (0: none). The root is
 * row 0; row 1 is dead (no keyword starts so) and stays dead, so a scan
 * never branches on the trie.
 */
class KeywordTrie {
  readonly next: Uint16Array;
  /** The state after the first two characters (see the constructor): one dependent step fewer per word. */
  readonly first2: Uint16Array;
  /** Keywords by number; 0 is none. */
  readonly words: (Keyword | undefined)[] = [undefined];
  constructor(entries: Keyword[]) {
    const DEAD = CODES;
    const next: number[] = new Array<number>(2 * CODES).fill(DEAD);
    next[0] = 0;
    next[DEAD] = 0;
    for (const e of entries) {
      let st = 0;
      for (const ch of e.name) {
        const code = CODE[ch.charCodeAt(0)] as number;
        if (code === 0) throw new Error(`keyword ${e.name} is not an identifier`);
        let to = next[st + code] as number;
        if (to === DEAD) {
          to = next.length;
          next.push(0);
          for (let i = 1; i < CODES; i++) next.push(DEAD);
          next[st + code] = to;
        }
        st = to;
      }
      next[st] = this.words.length;
      this.words.push(e);
    }
    if (next.length > 0xffff) throw new Error('keyword trie too large');
    this.next = Uint16Array.from(next);
    // Two steps in one, from the root: the state after the codes c0 and c1 (c1 = 0: after c0 alone).
    this.first2 = new Uint16Array(CODES * CODES);
    for (let c0 = 1; c0 < CODES; c0++) {
      const after = next[c0] as number;
      this.first2[c0 * CODES] = after;
      for (let c1 = 1; c1 < CODES; c1++) this.first2[c0 * CODES + c1] = next[after + c1] as number;
    }
  }
}

const keywords = (() => {
  // Registers first, then mnemonics: a keyword's number then says which it is.
  const list: Keyword[] = [];
  for (const [name, r] of registers) list.push(keyword(KW.Register, name, r));
  for (const m of mnemonics) {
    const k = keyword(KW.Mnemonic, m);
    const forms = formsByMnemonic.get(m) ?? [];
    k.branch = forms.some((f) => (f.kinds[0]?.rel ?? 0) !== 0);
    list.push(k);
  }
  for (const [name, bit] of [
    ['lock', Prefix.Lock],
    ['rep', Prefix.Rep],
    ['repe', Prefix.Rep],
    ['repz', Prefix.Rep],
    ['repne', Prefix.Repne],
    ['repnz', Prefix.Repne],
  ] as const) {
    list.push(keyword(KW.Prefix, name, null, bit));
  }
  for (const [name, n] of [
    ['byte', 1],
    ['word', 2],
    ['dword', 4],
    ['qword', 8],
    ['xmmword', 16],
    ['ymmword', 32],
    ['zmmword', 64],
  ] as const) {
    list.push(keyword(KW.Size, name, null, n));
  }
  list.push(keyword(KW.Ptr, 'ptr'));
  // `qword bcst [rax]`: a broadcast element (the spelling objdump prints).
  list.push(keyword(KW.Ptr, 'bcst', null, 1));
  list.push(keyword(KW.Offset, 'offset'));
  return new KeywordTrie(list);
})();
const TRIE = keywords.next;
const TRIE2 = keywords.first2;
const KEYWORDS = keywords.words;
/** Keyword numbers 1 .. LAST_REGISTER are registers, then mnemonics up to LAST_MNEMONIC. */
const LAST_REGISTER = registers.size;
const LAST_MNEMONIC = LAST_REGISTER + mnemonics.length;
/** The register of each register keyword number. */
const REGISTER_OF: Reg[] = KEYWORDS.slice(0, LAST_REGISTER + 1).map((k) => k?.reg ?? (registers.get('rax') as Reg));
for (let i = 1; i <= LAST_MNEMONIC; i++) {
  const k = KEYWORDS[i] as Keyword;
  if (k.kind !== (i <= LAST_REGISTER ? KW.Register : KW.Mnemonic)) throw new Error('keyword numbering');
}

// ---------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------
// Symbols.

interface Sym {
  name: string;
  /** What the name is, once known. */
  kind: 'unknown' | 'label' | 'const' | 'alias';
  /** The label, for a code or data address (bound here or external). */
  label: Label | null;
  /** The value, for a `.set` constant. */
  value: Imm | null;
  /** For `.set alias, label + n`: the label's addend. */
  addend: number;
  /** Where it is bound: section, fragment, raw offset (see `AssemblerCore.cursor`). */
  bound: boolean;
  section: string;
  frag: number;
  pos: number;
  /** First definition or reference, for messages. */
  line: number;
  col: number;
}

/** A label in an expression, with its sign: folded away when a difference is constant. */
interface Term {
  sign: number;
  sym: Sym;
  col: number;
}

/** A data field whose value is a difference of labels known only after layout. */
interface Deferred {
  tag: number;
  size: number;
  value: Imm;
  terms: Term[];
  line: number;
  col: number;
}

/**
 * Symbols by name, found from the source bytes without making a string
 * (the name is made once, when the symbol is new).
 */
class SymTable {
  #slots: (Sym | undefined)[];
  #hashes: Int32Array;
  #mask: number;
  /** Room for about `expected` symbols before the table grows. */
  constructor(expected: number) {
    let size = 1024;
    while (size < expected * 2 && size < 1 << 20) size *= 2;
    this.#slots = new Array<Sym | undefined>(size).fill(undefined);
    this.#hashes = new Int32Array(size);
    this.#mask = size - 1;
  }
  /** Every symbol, in order of first mention. */
  readonly all: Sym[] = [];

  static hashString(name: string): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
    return h;
  }

  get(name: string): Sym | undefined {
    const h = SymTable.hashString(name);
    for (let j = h & this.#mask; ; j = (j + 1) & this.#mask) {
      const y = this.#slots[j];
      if (y === undefined) return undefined;
      if (this.#hashes[j] === h && y.name === name) return y;
    }
  }

  /** The symbol spelled by b[start, end) (an ASCII identifier), and its hash in `lastHash`. */
  getAt(b: Uint8Array, start: number, end: number): Sym | undefined {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (b[i] as number), 16777619);
    this.lastHash = h;
    const len = end - start;
    for (let j = h & this.#mask; ; j = (j + 1) & this.#mask) {
      const y = this.#slots[j];
      if (y === undefined) return undefined;
      if (this.#hashes[j] === h && y.name.length === len) {
        const n = y.name;
        let i = 0;
        while (i < len && n.charCodeAt(i) === b[start + i]) i++;
        if (i === len) return y;
      }
    }
  }
  lastHash = 0;

  add(y: Sym): void {
    if ((this.all.length + 1) * 2 > this.#mask) this.#grow();
    this.#put(y, SymTable.hashString(y.name));
    this.all.push(y);
  }

  #put(y: Sym, h: number): void {
    let j = h & this.#mask;
    while (this.#slots[j] !== undefined) j = (j + 1) & this.#mask;
    this.#slots[j] = y;
    this.#hashes[j] = h;
  }

  #grow(): void {
    const size = (this.#mask + 1) * 2;
    this.#slots = new Array<Sym | undefined>(size).fill(undefined);
    this.#hashes = new Int32Array(size);
    this.#mask = size - 1;
    for (const y of this.all) this.#put(y, SymTable.hashString(y.name));
  }
}

type MutableMem = { -readonly [K in keyof Mem]: Mem[K] };

/** Thrown inside the parser with a source position; turned into AsmSyntaxError. */
class Fail extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

type Directive = (p: Parser, start: number) => void;

const EMPTY: Operand[] = [];

/** The rounding operands by their text. */
const ROUNDING = new Map<string, Rc>([rnSae, rdSae, ruSae, rzSae, sae].map((r) => [r.name, r]));
const decoder = new TextDecoder();

const TERM_SLOW = 0;
const TERM_REG = 1;
const TERM_NUM = 2;

// ---------------------------------------------------------------------------

class Parser {
  readonly asm: Assembler;
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

  /** Symbols; room for a label per kilobyte of source to begin with. */
  syms: SymTable;
  localCounts = new Map<string, number>();
  globals: { name: string; line: number; col: number; hidden: boolean }[] = [];
  deferred: Deferred[] = [];
  section = '.text';
  prevSection = '.text';
  sectionStack: [string, string][] = [];
  /** In a section we accept but do not emit (`.note.GNU-stack`). */
  ignoredSection = false;

  // Operand scratch.
  scratch: Operand[] = [0, 0, 0, 0, 0];
  /** The mnemonic of the statement `quickStatement` read. */
  quickMnemonic: Keyword | null = null;
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

  // Expression state: label terms of the expression being parsed, and the
  // register of a memory term.
  terms: Term[] = [];
  exprTerms: Term[] = this.terms;
  memTerms: Term[] = [];
  allowTermReg = false;
  termReg: Reg | null = null;
  termScale: Imm = 1;
  termScaled = false;
  termValue = 0;
  gotRef = false;

  // Memory operand being built.
  mBase: Reg | null = null;
  mIndex: Reg | null = null;
  mScale: Imm = 1;
  mDisp: Imm = 0;
  mLabel: Label | null = null;
  mGot = false;
  mScaled = false;

  constructor(asm: Assembler, src: string, opts: TextOptions) {
    this.asm = asm;
    this.src = src;
    this.syms = new SymTable(src.length >> 10);
    // Code is a fraction of its source: about a byte for every six in plain instruction lines.
    asm.reserve(src.length >> 2);
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

  // --- Driver ---------------------------------------------------------------

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

  /** The symbol an assembler message names, to place it in the source. */
  symInMessage(msg: string): Sym | undefined {
    const words = new Set(msg.split(/[\s,;:'"()]+/));
    for (const s of this.syms.all) if (words.has(s.name)) return s;
    return undefined;
  }

  // --- Lexing ---------------------------------------------------------------

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

  // --- Statements -----------------------------------------------------------

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

  // --- Symbols ----------------------------------------------------------------

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

  checkEmit(at: number): void {
    if (this.ignoredSection) this.fail(at, `content in section ${this.section} is not supported`);
  }

  /** Initialized data: not in .bss, which holds only zeros. */
  checkData(at: number): void {
    this.checkEmit(at);
    const s = this.section;
    if (sectionKind(s) === 'bss') this.fail(at, `initialized data in ${s} (use .zero or .skip)`);
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

  localName(digits: string, k: number): string {
    return `.L${digits}\u0002${k}`;
  }

  defineLocal(start: number, end: number): void {
    const d = this.text(start, end);
    const k = (this.localCounts.get(d) ?? 0) + 1;
    this.localCounts.set(d, k);
    this.bindSym(this.sym(this.localName(d, k), start), start);
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

  // --- Instructions -----------------------------------------------------------

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

  /** Emits the instruction of mnemonic `kw`; errors are placed at `at`. */
  emit(kw: Keyword, ops: Operand[], at: number): void {
    try {
      this.asm.emitWith(kw.memo as FormMemo, ops);
    } catch (e) {
      if (e instanceof AsmError) this.fail(at, e.message);
      throw e;
    }
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

  // --- Expressions --------------------------------------------------------------
  //
  // GNU as precedence, highest first: unary - ~ ! +; * / % << >>; | & ^ !;
  // + -. Labels may only be added or subtracted; `terms` collects them.

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

  // --- Directives ---------------------------------------------------------------

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

// ---------------------------------------------------------------------------

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

function globl(p: Parser, hidden: boolean): void {
  p.list(() => {
    const [name, at] = p.name();
    if (hidden) {
      for (const g of p.globals) if (g.name === name) g.hidden = true;
    }
    p.globals.push({ name, line: p.line, col: p.colOf(at), hidden });
  });
}

function setDirective(p: Parser, strict: boolean): void {
  const [, at] = p.name();
  const end = p.p;
  if (!p.comma()) p.fail(p.p, `expected ',' after the symbol name`);
  p.assign(at, end, strict);
}
