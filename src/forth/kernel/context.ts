/**
 * The builder every part of the kernel writes into: one assembler, the
 * table of primitives (name, xt, header flags) that forth_boot turns into
 * dictionary headers, the byte strings the compiler copies, and the labels
 * of the routines the parts share (the compiler's emitters, the dictionary
 * search, THROW …), bound by the file that owns each one.
 *
 * A primitive is machine code preceded by its 8-byte info word (layout.ts
 * INFO): how to inline it, what it needs on the data stack and what it
 * leaves. `prim` takes the stack effect as text, as a glossary writes it,
 * `( a b -- b a )`, and checks it against the counts the compiler and the
 * interpreter rely on, so that the comment a reader trusts cannot drift
 * from what the code declares.
 */

import {
  Assembler,
  dword,
  eax,
  ecx,
  type Label,
  qword,
  r12,
  r13,
  rax,
  rbp,
  rbx,
  rsi,
  type xmm0,
} from '../../x86/index.js';
import { HFLAG, INFO, INFO_FLAG, U } from '../layout.js';

export type A = Assembler;

/** How a primitive is compiled into a definition. */
export interface PrimOptions {
  /** Items the primitive needs on the data stack, where its stack effect does not say (undefined: unknown). */
  needs?: number;
  /** Net change of the data stack depth, where its stack effect does not say (undefined: unknown). */
  net?: number;
  immediate?: boolean;
  compileOnly?: boolean;
  /** Copy the body inline instead of calling it (the body must be position-independent, no ret). */
  inline?: boolean;
  /** Inline body differs from the called one (words that touch the return stack). */
  inlineBody?: (a: A) => void;
  /** A compile handler (folding, fusion) for this primitive. */
  special?: Label;
  flags?: number;
}

/** A row of the primitive table: a header forth_boot makes. */
export interface Prim {
  name: string;
  xt: Label;
  hflags: number;
}

/** Labels of the routines the parts of the kernel share; each is bound by the file named. */
export interface Routines {
  /** exceptions.ts: eax = code; unwinds to the innermost CATCH. */
  throwL: Label;
  /** compiler.ts: append al / eax / rax / rcx bytes from rsi to code space. */
  emitByte: Label;
  emitDword: Label;
  emitQword: Label;
  emitBytes: Label;
  /** compiler.ts: rax = xt of an inline primitive: its inline copy goes into the code. */
  emitInline: Label;
  /** compiler.ts: rax = xt, rax = value, rax = call target. */
  compileXt: Label;
  compileLit: Label;
  compileCall: Label;
  /** interpreter.ts: → rsi = addr, rcx = len of the next name in the input. */
  parseName: Label;
  /** dictionary.ts: rsi, rcx → rax = header or 0 (search order); rdx = wid (one word list). */
  findName: Label;
  searchWid: Label;
  /** interpreter.ts: rsi, rcx → rax = value, edx = 1 if the text is a single-cell number. */
  toNumber: Label;
  /** interpreter.ts: the text interpreter over the current input line. */
  interpret: Label;
  /** dictionary.ts: rsi, rcx → rax = new header in the compilation word list. */
  makeHeader: Label;
  /** io.ts: writes the output buffer out. */
  flushOut: Label;
  /** interpreter.ts: → eax = 1 if a new line of input is the current input. */
  refill: Label;
  /** ccall.ts: rax = C function, arguments in registers; calls it with rsp aligned. */
  ccallAligned: Label;
  /** exceptions.ts: rsi, rcx: text the next uncaught error reports. */
  saveCulprit: Label;
  /** peephole.ts: ecx = needs, edx = net + 128; and: the effect is unknown from here. */
  trackEffect: Label;
  trackStop: Label;
  /** entry.ts: the user area (r13). */
  dataUA: Label;
  /** peephole.ts: compile handlers that primitives name as their `special`. */
  dupSpecial: Label;
  foldMul: Label;
  compileNothing: Label;
  /** peephole.ts: ecx = 1 forward (→ rax = rel32 field), 0 backward to rdx; a branch on a false flag. */
  fuseBranch: Label;
}

export interface Builder {
  readonly a: Assembler;
  readonly prims: Prim[];
  /** Byte sequences the compiler copies into code space (in rodata). */
  readonly seqs: [Label, number[]][];
  /** Primitive xt → its compile handler (the special_table in rodata). */
  readonly specials: [Label, Label][];
  /** Compile handlers registered by the arithmetic primitives, bound in peephole.ts. */
  readonly foldAlus: [Label, number][];
  readonly foldShifts: [Label, number][];
  readonly cmps: [Label, number, 'two' | 'zero', number][];
  /** Compile handlers of the words that only push a value, each with its load of that value into rax. */
  readonly pushers: [Label, number[], number[] | null][];
  readonly r: Routines;
  /** A label: named labels are shared between the files, unnamed ones are fresh. */
  L(name?: string): Label;
  /** A C library function. */
  ext(name: string): Label;
  /** ( x -- x x ) in registers: the cached top goes to memory. */
  tosPush(x: A): void;
  /** ( x -- ): the next item becomes the cached top. */
  tosPop(x: A): void;
  /** ( F: -- r ) with r in an xmm register. */
  fpush(x: A, src: typeof xmm0): void;
  /** THROW code (emitted in the kernel's code, never in an inline body). */
  throwCode(code: number): void;
  /** Calls a C function with the stack aligned (rsp's alignment varies in Forth code). */
  ccall(fn: Label): void;
  /** The info word (layout.ts INFO) as a qword. */
  infoWord(
    inlineLen: number,
    flags: number,
    needs: number | undefined,
    net: number | undefined,
    inlineAt: number,
  ): bigint;
  /** The info word of a definition about to be compiled: stack effect unknown (as a 32-bit immediate). */
  readonly UNKNOWN_INFO: number;
  /** Defines a primitive. Non-inline bodies end with their own ret or jump. */
  prim(name: string, effect: string, opts: PrimOptions, body: (x: A) => void): Label;
  /** Another name for a primitive (same xt and info word); its header flags unless given. */
  alias(name: string, ofName: string, hflags?: number): void;
  /** Emits code that appends a fixed byte sequence (from rodata) to code space at run time. */
  emitSeq(x: A, bytes: number[]): void;
  /** emitSeq, then the last literal's imm32. */
  emitSeqImm(x: A, bytes: number[]): void;
  /** Compile handlers (bound in peephole.ts): fold a literal into `op rbx, imm32` (ext = the /r digit). */
  foldAlu(ext: number): Label;
  /** … into a shift by an imm8. */
  foldShift(ext: number): Label;
  /** … a comparison fused with a following IF; kind: two items or against zero. */
  cmpSpecial(cond: number, kind: 'two' | 'zero', litCond?: number): Label;
  /**
   * The compile handler of a word that pushes one value and does nothing
   * else; `load` puts that value in rax instead, from the stack as it was
   * before the push, so that an operator compiled next can use rax.
   * `afterLiteral`, if given, is what the word and a literal (fitting 32
   * bits) just before it compile to together, its last 4 bytes the literal.
   */
  pusher(load: (s: A) => void, afterLiteral?: (s: A) => void): Label;
}

/**
 * The data-stack counts of a stack effect, or null if they vary: the first
 * group that is not marked `F:`, `R:` or `C:` (no such group: the data stack
 * is left alone). A double-cell item (d, ud, xd, d1 …) counts as two cells;
 * parsed text (`"name"`) is no stack item; `i*x`, `x1..xn`, a `|` between
 * alternatives or an optional `x?` make the counts unknown.
 */
export function effectCounts(effect: string): { needs: number; net: number } | null {
  const groups = [...effect.matchAll(/\(([^()]*)\)/g)].map((m) => (m[1] as string).trim());
  if (groups.length === 0) throw new Error(`stack effect '${effect}': no ( -- ) group`);
  const data = groups.find((g) => !/^[FRC]:/.test(g));
  if (data === undefined) return { needs: 0, net: 0 };
  const parts = data.split(/\s+--(?:\s+|$)/);
  if (parts.length !== 2 && !(parts.length === 1 && /^--|\s--$/.test(data)))
    throw new Error(`stack effect '${effect}': no single -- in '${data}'`);
  const [before, after] = data.startsWith('--') ? ['', data.slice(2)] : [parts[0] as string, parts[1] ?? ''];
  const items = (s: string): string[] | null => {
    const t = s
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '' && !w.startsWith('"'));
    return t.some((w) => w === '|' || /^[ijk]\*[a-z]+$|\.\.|\?$/.test(w)) ? null : t;
  };
  const i = items(before);
  const o = items(after);
  if (!i || !o) return null;
  // d, ud, xd, d1, -d …: a double cell takes two
  const cells = (t: string[]): number => t.reduce((n, w) => n + (/^[-+]?[ux]?d(?![a-z])/i.test(w) ? 2 : 1), 0);
  return { needs: cells(i), net: cells(o) - cells(i) };
}

export function newBuilder(): Builder {
  const a = new Assembler();
  const prims: Prim[] = [];
  const seqs: [Label, number[]][] = [];
  const specials: [Label, Label][] = [];
  const foldAlus: [Label, number][] = [];
  const foldShifts: [Label, number][] = [];
  const cmps: [Label, number, 'two' | 'zero', number][] = [];
  const pushers: [Label, number[], number[] | null][] = [];
  const L = (name?: string): Label => a.label(name);

  const r: Routines = {
    throwL: L('forth_throw'),
    emitByte: L('emit_byte'),
    emitDword: L('emit_dword'),
    emitQword: L('emit_qword'),
    emitBytes: L('emit_bytes'),
    emitInline: L('emit_inline'),
    compileXt: L('compile_xt'),
    compileLit: L('compile_lit'),
    compileCall: L('compile_call'),
    parseName: L('parse_name'),
    findName: L('find_name'),
    searchWid: L('search_wid'),
    toNumber: L('to_number'),
    interpret: L('interpret'),
    makeHeader: L('make_header'),
    flushOut: L('flush_out'),
    refill: L('refill'),
    ccallAligned: L('ccall_aligned'),
    saveCulprit: L('save_culprit'),
    trackEffect: L('track_effect'),
    trackStop: L('track_stop'),
    dataUA: L('user_area'),
    dupSpecial: L('dup_special'),
    foldMul: L('fold_mul'),
    compileNothing: L('compile_nothing'),
    fuseBranch: L('fuse_branch'),
  };

  const infoWord = (
    inlineLen: number,
    flags: number,
    needs: number | undefined,
    net: number | undefined,
    inlineAt: number,
  ): bigint => {
    const n = needs === undefined ? 255 : needs;
    const d = net === undefined ? 255 : net + 128;
    const at = (v: number | bigint, off: number): bigint => BigInt(v) << BigInt(8 * off);
    return (
      at(inlineLen, INFO.inlineLen) |
      at(flags, INFO.flags) |
      at(n, INFO.needs) |
      at(d, INFO.net) |
      at(BigInt.asUintN(32, BigInt(inlineAt)), INFO.inlineAt)
    );
  };

  /** Assembles a self-contained body on its own to learn its bytes. */
  const bodyBytes = (body: (x: A) => void): Uint8Array => {
    const s = new Assembler();
    body(s);
    const o = s.finish();
    if (o.sections[0]?.relocs.length) throw new Error('inline primitive body must be self-contained');
    return o.sections[0]?.bytes as Uint8Array;
  };

  const emitSeq = (x: A, bytes: number[]): void => {
    const l = L();
    seqs.push([l, bytes]);
    x.lea(rsi, qword(l));
    x.mov(ecx, bytes.length);
    x.call(r.emitBytes);
  };

  const b: Builder = {
    a,
    prims,
    seqs,
    specials,
    foldAlus,
    foldShifts,
    cmps,
    pushers,
    r,
    L,
    ext: (n) => a.extern(n),
    tosPush: (x) => {
      x.sub(rbp, 8);
      x.mov(qword(rbp), rbx);
    },
    tosPop: (x) => {
      x.mov(rbx, qword(rbp));
      x.lea(rbp, qword(rbp, 8));
    },
    fpush: (x, src) => {
      x.sub(r12, 8);
      x.movsd(qword(r12), src);
    },
    throwCode: (code) => {
      a.mov(eax, code);
      a.jmp(r.throwL);
    },
    ccall: (fn) => {
      a.lea(rax, qword(fn));
      a.call(r.ccallAligned);
    },
    infoWord,
    UNKNOWN_INFO: Number(infoWord(0, 0, undefined, undefined, 0)) | 0,
    prim: (name, effect, opts, body) => {
      const counts = effectCounts(effect);
      if (counts && opts.needs !== undefined && counts.needs !== opts.needs)
        throw new Error(`primitive ${name}: its effect ${effect} takes ${counts.needs} items, not ${opts.needs}`);
      if (counts && opts.net !== undefined && counts.net !== opts.net)
        throw new Error(`primitive ${name}: its effect ${effect} changes the depth by ${counts.net}, not ${opts.net}`);
      // what the effect states, unless the options say otherwise (a variable effect: only what is known)
      const needs = opts.needs ?? counts?.needs;
      const net = opts.net ?? counts?.net;
      const xt = L(`p_${name}`);
      let hflags = 0;
      if (opts.immediate) hflags |= HFLAG.immediate;
      if (opts.compileOnly) hflags |= HFLAG.compileOnly;
      let flags = opts.flags ?? 0;
      if (opts.special) {
        flags |= INFO_FLAG.foldable;
        specials.push([xt, opts.special]);
      }
      if (opts.inline || opts.inlineBody) {
        const called = bodyBytes(body);
        const inl = opts.inlineBody ? bodyBytes(opts.inlineBody) : called;
        if (inl.length > 255) throw new Error(`inline body of ${name} too long`);
        // an inline length of 0 in the info word means "call it"
        if (inl.length === 0) throw new Error(`inline body of ${name} is empty: give it a compile handler`);
        const at = opts.inlineBody ? called.length + 1 : 0;
        a.dq(infoWord(inl.length, flags, needs, net, at));
        a.bind(xt);
        a.bytes(called);
        a.ret();
        if (opts.inlineBody) a.bytes(inl);
      } else {
        a.dq(infoWord(0, flags, needs, net, 0));
        a.bind(xt);
        body(a);
      }
      prims.push({ name, xt, hflags });
      return xt;
    },
    alias: (name, ofName, hflags) => {
      const p = prims.find((q) => q.name === ofName);
      if (!p) throw new Error(`alias ${name}: no primitive ${ofName}`);
      prims.push({ name, xt: p.xt, hflags: hflags ?? p.hflags });
    },
    emitSeq,
    emitSeqImm: (x, bytes) => {
      emitSeq(x, bytes);
      x.mov(eax, dword(r13, U.litValue));
      x.call(r.emitDword);
    },
    foldAlu: (ext) => {
      const l = L();
      foldAlus.push([l, ext]);
      return l;
    },
    foldShift: (ext) => {
      const l = L();
      foldShifts.push([l, ext]);
      return l;
    },
    cmpSpecial: (cond, kind, litCond) => {
      const l = L();
      cmps.push([l, cond, kind, litCond ?? cond]);
      return l;
    },
    pusher: (load, afterLiteral) => {
      const l = L();
      const lit = afterLiteral ? Array.from(bodyBytes(afterLiteral)) : null;
      pushers.push([l, Array.from(bodyBytes(load)), lit ? lit.slice(0, lit.length - 4) : null]);
      return l;
    },
  };
  return b;
}
