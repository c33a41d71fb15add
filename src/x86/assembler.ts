/**
 * The builder API. Code that emits machine code reads like the assembly it
 * emits:
 *
 *   const a = new Assembler();
 *   const loop = a.label();
 *   a.bind(loop);
 *   a.add(rax, qword(rbx, rcx, 8, 16));
 *   a.dec(rcx);
 *   a.jnz(loop);
 *
 * Instructions are encoded as they are written. Jumps to labels are kept
 * apart and relaxed at `finish()` to a fixed point: every jump starts short
 * (rel8) and grows to near (rel32) only when its target is out of reach, as
 * GNU `as` does. The result is an object (sections, symbols, relocations)
 * that `linkFlat` or the ELF writer lays out.
 */

import { ByteBuf, encode, type Fixup, Prefix } from './encoder.js';
import { fitsBits } from './expr.js';
import { formsByMnemonic } from './forms.js';
import { AsmError, isLabel, type Label, type Operand } from './operands.js';
import { type BranchOpcodes, branchOpcodes, type FormMemo, memoFor, selectWithMemo } from './select.js';

export type SectionKind = 'text' | 'data' | 'rodata' | 'bss';

/** Relocation types, named after the ELF ones they become. */
export type RelocType = 'pc32' | 'gotpc32' | 'abs64' | 'abs32' | 'abs32s';

export interface Reloc {
  /** Offset of the field within its section. */
  offset: number;
  type: RelocType;
  symbol: string;
  addend: number;
}

export interface ObjSection {
  name: string;
  kind: SectionKind;
  align: number;
  bytes: Uint8Array;
  relocs: Reloc[];
}

export interface ObjSymbol {
  name: string;
  /** Index into `sections`. */
  section: number;
  offset: number;
  global: boolean;
}

/** What the assembler hands to a linker. */
export interface ObjectCode {
  sections: ObjSection[];
  symbols: ObjSymbol[];
  /** Symbols referenced but defined elsewhere (imports). */
  externals: string[];
  /** Positions recorded with `mark()`, after layout: [tag, section index, offset]. */
  marks: [number, number, number][];
}

/** Operand arrays by count, for `emitOperands`. */
const OPS0: Operand[] = [];
const OPS1: Operand[] = [0];
const OPS2: Operand[] = [0, 0];
const OPS3: Operand[] = [0, 0, 0];
const OPS4: Operand[] = [0, 0, 0, 0];

/** What follows the bytes of a fragment. */
const TAIL_END = 0;
const TAIL_BRANCH = 1;
const TAIL_ALIGN = 2;

/**
 * The fragments of a section, as columns: fragment i is the bytes
 * [start[i], end[i]) of the section's buffer, then its tail: a relaxable
 * branch, alignment padding, or nothing (TAIL_END, the last fragment, the
 * one being filled). Its fixups are those of the section from fix[i] up to
 * the next fragment's; addr[i] is its address once laid out. Columns
 * rather than an object per fragment: a jump costs no allocation, and
 * relaxation walks arrays.
 */
class Frags {
  count = 1;
  start = new Int32Array(16);
  end = new Int32Array(16);
  fix = new Int32Array(16);
  addr = new Float64Array(16);
  tail = new Uint8Array(16);
  /** A branch grown to its near (rel32) form. */
  long = new Uint8Array(16);
  /** Branches: the target's label id, and the opcodes' index in `branchOpcodes`. */
  target = new Int32Array(16);
  branch = new Uint8Array(16);
  /** Alignments: the boundary, the most padding, the fill byte (-1: NOPs). */
  alignN = new Int32Array(16);
  alignMax = new Int32Array(16);
  fill = new Int16Array(16);

  /** The fragment being filled. */
  get open(): number {
    return this.count - 1;
  }

  /** Ends the open fragment at `pos` with tail `kind` (its fields set by the caller at the returned index), and opens the next. */
  close(pos: number, fix: number, kind: number, target: number, branch: number): number {
    const i = this.count - 1;
    if (this.count === this.start.length) this.#grow();
    this.end[i] = pos;
    this.tail[i] = kind;
    this.target[i] = target;
    this.branch[i] = branch;
    const j = this.count++;
    this.start[j] = pos;
    this.end[j] = pos;
    this.fix[j] = fix;
    return i;
  }

  #grow(): void {
    const n = this.start.length * 2;
    const wider = <T extends Int32Array | Float64Array | Uint8Array | Int16Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a as never);
      return b;
    };
    this.start = wider(this.start, (k) => new Int32Array(k));
    this.end = wider(this.end, (k) => new Int32Array(k));
    this.fix = wider(this.fix, (k) => new Int32Array(k));
    this.addr = wider(this.addr, (k) => new Float64Array(k));
    this.tail = wider(this.tail, (k) => new Uint8Array(k));
    this.long = wider(this.long, (k) => new Uint8Array(k));
    this.target = wider(this.target, (k) => new Int32Array(k));
    this.branch = wider(this.branch, (k) => new Uint8Array(k));
    this.alignN = wider(this.alignN, (k) => new Int32Array(k));
    this.alignMax = wider(this.alignMax, (k) => new Int32Array(k));
    this.fill = wider(this.fill, (k) => new Int16Array(k));
  }

  /** The size of fragment i's tail when its end lies at `at`. */
  tailSize(i: number, at: number): number {
    const t = this.tail[i];
    if (t === TAIL_END) return 0;
    if (t === TAIL_BRANCH) {
      const ops = branchOpcodes[this.branch[i] as number] as BranchOpcodes;
      return this.long[i] ? ops.near.length + 4 : ops.short.length + 1;
    }
    return alignPad(this.alignN[i] as number, this.alignMax[i] as number, at);
  }
}

interface Section {
  name: string;
  kind: SectionKind;
  index: number;
  buf: ByteBuf;
  frags: Frags;
  /** Label references in the buffer, in order of position. */
  fixups: Fixup[];
  /** Takes no instructions. */
  bss: boolean;
  align: number;
  marks: [number, number, number][];
}

interface Binding {
  section: Section;
  frag: number;
  offset: number;
}

/** The kind of a section, by its name (`.text.hot` is code, `.bss.x` is bss, anything unknown is data). */
export function sectionKind(name: string): SectionKind {
  if (name === '.text' || name.startsWith('.text.')) return 'text';
  if (name === '.bss' || name.startsWith('.bss.')) return 'bss';
  if (name === '.rodata' || name.startsWith('.rodata.')) return 'rodata';
  return 'data';
}

/** The multi-byte NOPs GNU `as` pads code with, by length (index 1..11). */
const NOPS: readonly (readonly number[])[] = [
  [],
  [0x90],
  [0x66, 0x90],
  [0x0f, 0x1f, 0x00],
  [0x0f, 0x1f, 0x40, 0x00],
  [0x0f, 0x1f, 0x44, 0x00, 0x00],
  [0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00],
  [0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00],
  [0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
];

/** `n` bytes of padding made of the longest NOPs first. */
function nopFill(n: number): number[] {
  const out: number[] = [];
  while (n > 11) {
    out.push(...(NOPS[11] as number[]));
    n -= 11;
  }
  out.push(...(NOPS[n] as number[]));
  return out;
}

export class AssemblerCore {
  #sections = new Map<string, Section>();
  #order: Section[] = [];
  #cur: Section;
  #labels = new Map<string, Label>();
  /** Every label of this assembler by id (fragments hold the id of a branch's target). */
  #labelById: Label[] = [];
  #bindings: (Binding | undefined)[] = [];
  #globals = new Set<string>();
  #nextId = 0;
  #externs = new Set<number>();
  #prefix = Prefix.None;
  #finished = false;
  readonly #undefinedExternal: boolean;

  /**
   * `undefinedExternal`: a label never bound becomes an external symbol (as
   * in GNU `as`) instead of an error.
   */
  constructor(opts: { undefinedExternal?: boolean } = {}) {
    this.#cur = this.#section('.text');
    this.#undefinedExternal = opts.undefinedExternal ?? false;
  }

  #section(name: string): Section {
    let s = this.#sections.get(name);
    if (!s) {
      const kind = sectionKind(name);
      s = {
        name,
        kind,
        bss: kind === 'bss',
        index: this.#order.length,
        buf: new ByteBuf(name === '.text' ? 4096 : 256),
        frags: new Frags(),
        fixups: [],
        align: name === '.text' ? 16 : 8,
        marks: [],
      };
      this.#sections.set(name, s);
      this.#order.push(s);
    }
    return s;
  }

  /** Switches to section `name` (`.text`, `.data`, `.rodata`, `.bss`, ...), creating it. */
  section(name: string): this {
    this.#cur = this.#section(name);
    return this;
  }
  text(): this {
    return this.section('.text');
  }
  data(): this {
    return this.section('.data');
  }
  rodata(): this {
    return this.section('.rodata');
  }
  bss(): this {
    return this.section('.bss');
  }

  /** Room for `bytes` more bytes in the current section (a hint: the buffer need not grow while they come). */
  reserve(bytes: number): this {
    this.#cur.buf.ensure(bytes);
    return this;
  }

  /** A label: new if `name` is omitted, else the one of that name (created on first use). */
  label(name?: string): Label {
    if (name !== undefined) {
      const l = this.#labels.get(name);
      if (l) return l;
    }
    const id = this.#nextId++;
    const l: Label = { kind: 'label', name: name ?? `.L${id}`, id, external: false };
    this.#labelById.push(l);
    this.#labels.set(l.name, l);
    return l;
  }

  /** An external symbol (resolved by the linker: a libc function, a host-provided address). */
  extern(name: string): Label {
    const l = this.#labels.get(name);
    if (l) {
      if (this.#bindings[l.id]) throw new AsmError(`${name} is defined here, not external`);
      this.#externs.add(l.id);
      return l;
    }
    const e: Label = { kind: 'label', name, id: this.#nextId++, external: true };
    this.#labelById.push(e);
    this.#labels.set(name, e);
    this.#externs.add(e.id);
    return e;
  }

  /** Binds `label` to the current position. */
  bind(label: Label): this {
    if (this.#externs.has(label.id)) throw new AsmError(`${label.name} is external and cannot be defined`);
    if (this.#bindings[label.id]) throw new AsmError(`label ${label.name} is already defined`);
    const s = this.#cur;
    const f = s.frags;
    this.#bindings[label.id] = { section: s, frag: f.open, offset: s.buf.pos - (f.start[f.open] as number) };
    return this;
  }

  /** A new label bound here. */
  here(name?: string): Label {
    const l = this.label(name);
    this.bind(l);
    return l;
  }

  /** Exports a symbol (visible to the dynamic linker when written as ELF). */
  global(label: Label | string): this {
    this.#globals.add(typeof label === 'string' ? label : label.name);
    return this;
  }

  /**
   * Where the next byte goes, before relaxation: the section, the fragment
   * (bytes between relaxable jumps and alignments) and the offset in the
   * section's buffer. Two positions in one fragment are a fixed distance
   * apart, which is what label arithmetic (`. - msg`) needs.
   */
  cursor(): { section: string; fragment: number; offset: number } {
    const s = this.#cur;
    return { section: s.name, fragment: s.frags.open, offset: s.buf.pos };
  }

  /** Records the current position under `tag` (for listings). */
  mark(tag: number): this {
    const s = this.#cur;
    const f = s.frags;
    s.marks.push([tag, f.open, s.buf.pos - (f.start[f.open] as number)]);
    return this;
  }

  /** A `lock` prefix on the next instruction. */
  lock(): this {
    this.#prefix |= Prefix.Lock;
    return this;
  }
  /** A `rep` prefix on the next (string) instruction. */
  rep(): this {
    this.#prefix |= Prefix.Rep;
    return this;
  }
  repne(): this {
    this.#prefix |= Prefix.Repne;
    return this;
  }

  /** Encodes one instruction. */
  emit(mnemonic: string, ops: readonly Operand[]): this {
    if (formsByMnemonic.has(mnemonic)) return this.emitWith(memoFor(mnemonic), ops);
    // An unknown mnemonic gets no memo.
    if (this.#finished) throw new AsmError('assembler already finished');
    this.#prefix = Prefix.None;
    throw new AsmError(`unknown instruction '${mnemonic}'`);
  }

  /**
   * A mnemonic method's call (`a.mov(rax, 1)`): the operands are those
   * before the first undefined one, put in an array reused for every call
   * with their count (`emitWith` reads them and keeps none).
   */
  emitOperands(memo: FormMemo, a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    let ops: Operand[];
    if (a === undefined) ops = OPS0;
    else if (b === undefined) {
      ops = OPS1;
      ops[0] = a;
    } else if (c === undefined) {
      ops = OPS2;
      ops[0] = a;
      ops[1] = b;
    } else if (d === undefined) {
      ops = OPS3;
      ops[0] = a;
      ops[1] = b;
      ops[2] = c;
    } else if (e === undefined) {
      ops = OPS4;
      ops[0] = a;
      ops[1] = b;
      ops[2] = c;
      ops[3] = d;
    } else ops = [a, b, c, d, e];
    return this.emitWith(memo, ops);
  }

  /** `emit` with the mnemonic's memo at hand: the mnemonic methods (`a.mov(...)`) and the text front end come here. */
  emitWith(memo: FormMemo, ops: readonly Operand[]): this {
    // The common case in few steps (small enough for the engine to inline
    // where instructions come from); prefixes, imul's short form and every
    // error take #emitAny.
    const s = this.#cur;
    if (this.#finished || s.bss || this.#prefix !== Prefix.None || memo.imul) return this.#emitAny(memo, ops);
    const br = memo.branch;
    if (br !== null && ops.length === 1 && isLabel(ops[0])) {
      const l = ops[0];
      if (this.#labelById[l.id] !== l) return this.#emitAny(memo, ops);
      s.frags.close(s.buf.pos, s.fixups.length, TAIL_BRANCH, l.id, br.index);
      return this;
    }
    const form = selectWithMemo(memo, ops);
    const fixups = s.fixups;
    const nfix = fixups.length;
    try {
      encode(form, ops, s.buf, Prefix.None, fixups);
    } catch (e) {
      // Encoders check before they write; their fixups go too.
      fixups.length = nfix;
      throw e;
    }
    return this;
  }

  #emitAny(memo: FormMemo, ops: readonly Operand[]): this {
    // A prefix belongs to this instruction only, whether it encodes or not.
    const prefix = this.#prefix;
    this.#prefix = Prefix.None;
    if (this.#finished) throw new AsmError('assembler already finished');
    const s = this.#cur;
    if (s.bss) throw new AsmError(`instruction '${memo.mnemonic}' in ${s.name}`);
    const br = memo.branch;
    if (br !== null && ops.length === 1 && isLabel(ops[0])) {
      if (prefix)
        throw new AsmError(`'${memo.mnemonic}' cannot take a ${prefix & Prefix.Lock ? 'lock' : 'rep'} prefix`);
      const l = ops[0];
      if (this.#labelById[l.id] !== l) throw new AsmError(`label ${l.name} belongs to another assembler`);
      s.frags.close(s.buf.pos, s.fixups.length, TAIL_BRANCH, l.id, br.index);
      return this;
    }
    let o = ops;
    if (memo.imul && ops.length === 2 && (typeof ops[1] === 'number' || typeof ops[1] === 'bigint')) {
      o = [ops[0] as Operand, ops[0] as Operand, ops[1]];
    }
    const form = selectWithMemo(memo, o);
    const buf = s.buf;
    const fixups = s.fixups;
    const pos = buf.pos;
    const nfix = fixups.length;
    try {
      encode(form, o, buf, prefix, fixups);
    } catch (e) {
      // Leave no partial instruction behind.
      buf.pos = pos;
      fixups.length = nfix;
      throw e;
    }
    return this;
  }

  // Data. A bss section takes zeros only (it has no contents in a file): any
  // other value is refused before anything is written, as an instruction is.

  /** The current section, for data that is all zeros when `zero` says so. */
  #data(zero: (v: unknown) => boolean, values: ArrayLike<unknown>): Section {
    const s = this.#cur;
    if (s.bss && !Array.prototype.every.call(values, zero)) {
      throw new AsmError(`initialized data in ${s.name}, which holds only zeros`);
    }
    return s;
  }

  /** Bytes. Strings are written as UTF-8. */
  db(...values: (number | string)[]): this {
    const b = this.#data(isZeroByte, values).buf;
    for (const v of values) {
      if (typeof v === 'string') b.bytes(new TextEncoder().encode(v));
      else {
        checkRange(v, 8);
        b.ensure(1);
        b.u8(v & 0xff);
      }
    }
    return this;
  }
  dw(...values: number[]): this {
    const b = this.#data(isZero, values).buf;
    for (const v of values) {
      checkRange(v, 16);
      b.ensure(2);
      b.u16(v & 0xffff);
    }
    return this;
  }
  /** 32-bit words; a label becomes its absolute address (must fit 32 bits). */
  dd(...values: (number | Label)[]): this {
    const s = this.#data(isZero, values);
    for (const v of values) {
      s.buf.ensure(4);
      if (isLabel(v)) {
        s.fixups.push({ pos: s.buf.pos, size: 4, label: v, addend: 0, pcrel: false, signed: false, got: false });
        s.buf.u32(0);
      } else {
        checkRange(v, 32);
        s.buf.u32(v >>> 0);
      }
    }
    return this;
  }
  /** 64-bit words; a label becomes its absolute address. */
  dq(...values: (number | bigint | Label)[]): this {
    const s = this.#data(isZero, values);
    for (const v of values) {
      s.buf.ensure(8);
      if (isLabel(v)) {
        s.fixups.push({ pos: s.buf.pos, size: 8, label: v, addend: 0, pcrel: false, signed: false, got: false });
        s.buf.u64(0);
      } else s.buf.u64(v);
    }
    return this;
  }
  /** A `size`-byte field holding the absolute address `label + addend` (`.quad sym+8`). */
  address(size: 4 | 8, label: Label, addend = 0): this {
    const s = this.#data(isZero, ADDRESS);
    s.buf.ensure(size);
    s.fixups.push({ pos: s.buf.pos, size, label, addend, pcrel: false, signed: false, got: false });
    if (size === 8) s.buf.u64(0);
    else s.buf.u32(0);
    return this;
  }
  /** IEEE doubles. */
  f64(...values: number[]): this {
    const b = this.#data(isZeroDouble, values).buf;
    const dv = new DataView(new ArrayBuffer(8));
    for (const v of values) {
      dv.setFloat64(0, v, true);
      b.bytes(new Uint8Array(dv.buffer));
    }
    return this;
  }
  bytes(data: ArrayLike<number>): this {
    this.#data(isZeroByte, data).buf.bytes(data);
    return this;
  }
  ascii(s: string): this {
    return this.bytes(new TextEncoder().encode(s));
  }
  asciz(s: string): this {
    this.ascii(s);
    return this.db(0);
  }
  /** `n` zero bytes. */
  zero(n: number): this {
    const b = this.#cur.buf;
    b.ensure(n);
    b.buf.fill(0, b.pos, b.pos + n);
    b.pos += n;
    return this;
  }
  /**
   * Pads to a multiple of `n` bytes: NOPs in code, `fill` (default 0)
   * elsewhere. Padding longer than `max` is skipped, like `.p2align n,,max`.
   */
  align(n: number, fill?: number, max?: number): this {
    if (n < 1 || (n & (n - 1)) !== 0) throw new AsmError(`alignment ${n} is not a power of two`);
    const s = this.#cur;
    if (n > s.align) s.align = n;
    const f = s.frags;
    const i = f.close(s.buf.pos, s.fixups.length, TAIL_ALIGN, 0, 0);
    f.alignN[i] = n;
    f.alignMax[i] = max ?? n;
    f.fill[i] = fill ?? (s.kind === 'text' ? -1 : 0);
    return this;
  }

  /** Lays out every section, resolves what can be resolved, and returns the object. */
  finish(): ObjectCode {
    if (this.#finished) throw new AsmError('assembler already finished');
    this.#finished = true;
    for (const s of this.#order) {
      s.frags.end[s.frags.open] = s.buf.pos;
      this.#relax(s);
    }
    const sections: ObjSection[] = [];
    const externals = new Set<string>();
    const marks: [number, number, number][] = [];
    for (const s of this.#order) sections.push(this.#emitSection(s, externals));
    for (const s of this.#order) {
      for (const [tag, fi, off] of s.marks) marks.push([tag, s.index, (s.frags.addr[fi] as number) + off]);
    }
    const symbols: ObjSymbol[] = [];
    for (const l of this.#labels.values()) {
      const b = this.#bindings[l.id];
      if (!b) {
        if (this.#globals.has(l.name)) throw new AsmError(`global symbol ${l.name} is never defined`);
        continue;
      }
      symbols.push({
        name: l.name,
        section: b.section.index,
        offset: (b.section.frags.addr[b.frag] as number) + b.offset,
        global: this.#globals.has(l.name),
      });
    }
    return { sections, symbols, externals: [...externals], marks };
  }

  #labelAddr(l: Label, s: Section): number | null {
    const b = this.#bindings[l.id];
    if (!b || b.section !== s) return null;
    return (s.frags.addr[b.frag] as number) + b.offset;
  }

  /**
   * Branch relaxation as GNU `as` does it (relax_segment), so that both pick
   * the same jumps to lengthen, including in the cases where the result is
   * not the smallest layout:
   * - a first layout with every local jump short (a jump whose target is
   *   not in this section is near from the start);
   * - then passes over the frags in order, moving each by the growth
   *   (`stretch`) of the frags before it in this pass. A forward target,
   *   not reached yet in this pass, is taken at its previous address plus
   *   the stretch, except when an alignment lies between the jump and the
   *   target (it may absorb the stretch): then the stretch is not added,
   *   and a target that would seem to lie behind the jump keeps the jump
   *   as it is;
   * - a jump grows to near when its rel8 cannot reach; none ever shrinks.
   */
  #relax(s: Section): void {
    const f = s.frags;
    const n = f.count;
    const bindings = this.#bindings;
    const addr = f.addr;
    const tail = f.tail;
    /** Short branches: where the target is (fragment, offset), the rel8 opcode's length, the growth to near. */
    const toFrag = new Int32Array(n);
    const toOffset = new Float64Array(n);
    const shortOp = new Int32Array(n);
    const grow = new Int32Array(n);
    /** Whether relaxation may still change fragment i's tail. */
    const open = new Uint8Array(n);
    /** The number of alignments before each fragment. */
    const region = new Int32Array(n);
    let aligns = 0;
    let at = 0;
    for (let i = 0; i < n; i++) {
      region[i] = aligns;
      const t = tail[i];
      if (t === TAIL_ALIGN) {
        aligns++;
        open[i] = 1;
      } else if (t === TAIL_BRANCH) {
        const b = bindings[f.target[i] as number];
        // A jump whose target is not in this section is near from the start.
        if (!b || b.section !== s) f.long[i] = 1;
        else {
          const ops = branchOpcodes[f.branch[i] as number] as BranchOpcodes;
          open[i] = 1;
          toFrag[i] = b.frag;
          toOffset[i] = b.offset;
          shortOp[i] = ops.short.length;
          grow[i] = ops.near.length + 4 - (ops.short.length + 1);
        }
      }
      // The first layout: every local jump short.
      addr[i] = at;
      at += (f.end[i] as number) - (f.start[i] as number);
      at += f.tailSize(i, at);
    }
    for (let pass = 0; ; pass++) {
      let stretch = 0;
      let stretched = false;
      for (let i = 0; i < n; i++) {
        const was = addr[i] as number;
        const a = was + stretch;
        addr[i] = a;
        if (open[i] === 0) continue;
        const fixed = (f.end[i] as number) - (f.start[i] as number);
        let growth = 0;
        if (tail[i] === TAIL_ALIGN) {
          const end = a + fixed;
          const an = f.alignN[i] as number;
          const max = f.alignMax[i] as number;
          growth = alignPad(an, max, end) - alignPad(an, max, end - stretch);
        } else {
          const tf = toFrag[i] as number;
          let target = (addr[tf] as number) + (toOffset[i] as number);
          const from = a + fixed + (shortOp[i] as number);
          let keep = false;
          if (tf > i && stretch !== 0) {
            if (stretch < 0 || region[tf] === region[i]) target += stretch;
            else if (target < from) keep = true;
          }
          const aim = target - from;
          if (!keep && (aim > 128 || aim < -127)) {
            open[i] = 0;
            f.long[i] = 1;
            growth = grow[i] as number;
          }
        }
        if (growth !== 0) {
          stretch += growth;
          stretched = true;
        }
      }
      if (!stretched) return;
      if (pass > 10000) throw new AsmError('branch relaxation does not converge');
    }
  }

  #emitSection(s: Section, externals: Set<string>): ObjSection {
    const f = s.frags;
    const last = f.open;
    const lastEnd = (f.addr[last] as number) + (f.end[last] as number) - (f.start[last] as number);
    const out = new Uint8Array(lastEnd + f.tailSize(last, lastEnd));
    const relocs: Reloc[] = [];
    const src = s.buf.buf;
    const fixups = s.fixups;
    for (let i = 0; i < f.count; i++) {
      const start = f.start[i] as number;
      const a = f.addr[i] as number;
      copy(out, a, src, start, f.end[i] as number);
      let p = a + (f.end[i] as number) - start;
      const t = f.tail[i];
      if (t === TAIL_BRANCH) {
        const opcodes = branchOpcodes[f.branch[i] as number] as BranchOpcodes;
        const label = this.#labelById[f.target[i] as number] as Label;
        const long = f.long[i] !== 0;
        const ops = long ? opcodes.near : opcodes.short;
        for (let j = 0; j < ops.length; j++) out[p++] = ops[j] as number;
        const size = long ? 4 : 1;
        const target = this.#labelAddr(label, s);
        if (target !== null) writeField(out, p, size, target - (p + size), label.name);
        else {
          const fx: Fixup = { pos: p, size, label, addend: -size, pcrel: true, signed: true, got: false };
          this.#resolve(fx, p, s, out, relocs, externals);
        }
      } else if (t === TAIL_ALIGN) {
        const n = f.tailSize(i, p);
        const fill = f.fill[i] as number;
        if (fill < 0) out.set(nopFill(n), p);
        else out.fill(fill, p, p + n);
      }
      const fixEnd = i + 1 < f.count ? (f.fix[i + 1] as number) : fixups.length;
      for (let j = f.fix[i] as number; j < fixEnd; j++) {
        const fx = fixups[j] as Fixup;
        this.#resolve(fx, a + (fx.pos - start), s, out, relocs, externals);
      }
    }
    return { name: s.name, kind: s.kind, align: s.align, bytes: out, relocs };
  }

  #resolve(fx: Fixup, at: number, s: Section, out: Uint8Array, relocs: Reloc[], externals: Set<string>): void {
    const l = fx.label;
    const target = fx.got ? null : this.#labelAddr(l, s);
    if (fx.pcrel && target !== null) {
      const v = target + fx.addend - at;
      writeField(out, at, fx.size, v, l.name);
      return;
    }
    if (!this.#bindings[l.id]) {
      if (!this.#externs.has(l.id) && !this.#undefinedExternal) throw new AsmError(`undefined label ${l.name}`);
      externals.add(l.name);
    }
    if (fx.size === 1) throw new AsmError(`short reference to ${l.name} outside its section`);
    const type: RelocType = fx.pcrel
      ? fx.got
        ? 'gotpc32'
        : 'pc32'
      : fx.size === 8
        ? 'abs64'
        : fx.signed
          ? 'abs32s'
          : 'abs32';
    relocs.push({ offset: at, type, symbol: l.name, addend: fx.addend });
  }
}

/** src[start, end) to out at `at`: a loop for the short runs between jumps, `set` for long ones. */
function copy(out: Uint8Array, at: number, src: Uint8Array, start: number, end: number): void {
  if (end - start > 64) out.set(src.subarray(start, end), at);
  else for (let i = start; i < end; i++) out[at++] = src[i] as number;
}

/** An integer field's zero (a label's address is not one). */
function isZero(v: unknown): boolean {
  return v === 0 || v === 0n;
}

/** A double of all zero bits (not -0). */
function isZeroDouble(v: unknown): boolean {
  return Object.is(v, 0);
}

/** An address field, as the values `#data` checks: never known to be zero. */
const ADDRESS: readonly unknown[] = [null];

/** A value that `db` or `bytes` writes as zero bytes: 0, or a string of NULs. */
function isZeroByte(v: unknown): boolean {
  return typeof v === 'string' ? /^\0*$/.test(v) : typeof v === 'number' && (v & 0xff) === 0;
}

function checkRange(v: number, bits: number): void {
  if (!Number.isInteger(v) || !fitsBits(v, bits)) {
    throw new AsmError(`value ${v} does not fit in ${bits} bits`);
  }
}

/** A PC-relative field: 1 byte (a short jump's) or 4, signed. */
function writeField(out: Uint8Array, at: number, size: number, v: number, name: string): void {
  if (size === 1) {
    if (v < -128 || v > 127) throw new AsmError(`${name} out of reach of a short jump`);
    out[at] = v & 0xff;
  } else {
    if (v < -2147483648 || v > 2147483647) throw new AsmError(`${name} out of reach of a 32-bit displacement`);
    out[at] = v;
    out[at + 1] = v >>> 8;
    out[at + 2] = v >>> 16;
    out[at + 3] = v >>> 24;
  }
}

/** Padding from `at` to a multiple of `n`, or none when more than `max` would be needed. */
function alignPad(n: number, max: number, at: number): number {
  const pad = (n - (at % n)) % n;
  return pad > max ? 0 : pad;
}
