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
import { formsByMnemonic } from './forms.js';
import { AsmError, isLabel, type Label, type Operand } from './operands.js';
import { type FormMemo, memoFor, selectWithMemo } from './select.js';

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

type BranchTail = { kind: 'branch'; label: Label; short: readonly number[]; near: readonly number[]; long: boolean };
type Tail = BranchTail | { kind: 'align'; n: number; max: number; fill: number | null } | { kind: 'end' };

/** Tails as relaxation sees them: nothing to decide (end, or a jump already near), a short jump, an alignment. */
const TAIL_NONE = 0;
const TAIL_SHORT = 1;
const TAIL_ALIGN = 2;

/** The tail of the fragment being filled (and so of the last one): nothing. */
const END: Tail = { kind: 'end' };

/**
 * A fragment: the bytes [start, end) of its section's buffer, then what
 * follows them (a relaxable branch, alignment padding, or nothing for the
 * last one). Its fixups are those of the section from index `fix` up to the
 * next fragment's.
 */
interface Frag {
  start: number;
  end: number;
  fix: number;
  tail: Tail;
  addr: number;
}

interface Section {
  name: string;
  kind: SectionKind;
  index: number;
  buf: ByteBuf;
  frags: Frag[];
  cur: Frag;
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

function sectionKind(name: string): SectionKind {
  if (name === '.text' || name.startsWith('.text.')) return 'text';
  if (name === '.bss' || name.startsWith('.bss.')) return 'bss';
  if (name === '.rodata' || name.startsWith('.rodata.')) return 'rodata';
  return 'data';
}

/** The multi-byte NOPs GNU `as` pads code with, by length (index 1..11). */
export const NOPS: readonly (readonly number[])[] = [
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
export function nopFill(n: number): number[] {
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
      const frag: Frag = { start: 0, end: 0, fix: 0, tail: END, addr: 0 };
      const kind = sectionKind(name);
      s = {
        name,
        kind,
        bss: kind === 'bss',
        index: this.#order.length,
        buf: new ByteBuf(name === '.text' ? 4096 : 256),
        frags: [frag],
        cur: frag,
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

  /** Current offset in the current section, before relaxation (exact when no jump precedes it). */
  get offset(): number {
    const s = this.#cur;
    let n = 0;
    for (const f of s.frags) n += f.end - f.start + (f === s.cur ? 0 : tailMinSize(f.tail));
    return n;
  }

  /** A label: new if `name` is omitted, else the one of that name (created on first use). */
  label(name?: string): Label {
    if (name !== undefined) {
      const l = this.#labels.get(name);
      if (l) return l;
    }
    const id = this.#nextId++;
    const l: Label = { kind: 'label', name: name ?? `.L${id}`, id, external: false };
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
    this.#labels.set(name, e);
    this.#externs.add(e.id);
    return e;
  }

  /** Binds `label` to the current position. */
  bind(label: Label): this {
    if (this.#externs.has(label.id)) throw new AsmError(`${label.name} is external and cannot be defined`);
    if (this.#bindings[label.id]) throw new AsmError(`label ${label.name} is already defined`);
    const s = this.#cur;
    this.#bindings[label.id] = { section: s, frag: s.frags.length - 1, offset: s.buf.pos - s.cur.start };
    return this;
  }

  /** A new label bound here. */
  here(name?: string): Label {
    const l = this.label(name);
    this.bind(l);
    return l;
  }

  isBound(label: Label): boolean {
    return this.#bindings[label.id] !== undefined;
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
    return { section: s.name, fragment: s.frags.length - 1, offset: s.buf.pos };
  }

  /** Records the current position under `tag` (for listings). */
  mark(tag: number): this {
    const s = this.#cur;
    s.marks.push([tag, s.frags.length - 1, s.buf.pos - s.cur.start]);
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

  /** `emit` with the mnemonic's memo at hand: the mnemonic methods (`a.mov(...)`) and the text front end come here. */
  emitWith(memo: FormMemo, ops: readonly Operand[]): this {
    if (this.#finished) throw new AsmError('assembler already finished');
    const s = this.#cur;
    if (s.bss) throw new AsmError(`instruction '${memo.mnemonic}' in ${s.name}`);
    // A prefix belongs to this instruction only, whether it encodes or not.
    const prefix = this.#prefix;
    if (prefix !== Prefix.None) this.#prefix = Prefix.None;
    const br = memo.branch;
    if (br !== null && ops.length === 1 && isLabel(ops[0])) {
      if (prefix) throw new AsmError(`'${memo.mnemonic}' takes no prefix`);
      this.#endFrag({ kind: 'branch', label: ops[0] as Label, short: br.short, near: br.near, long: false });
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

  #endFrag(tail: Tail): void {
    const s = this.#cur;
    const pos = s.buf.pos;
    s.cur.end = pos;
    s.cur.tail = tail;
    const f: Frag = { start: pos, end: pos, fix: s.fixups.length, tail: END, addr: 0 };
    s.frags.push(f);
    s.cur = f;
  }

  // Data.

  /** Bytes. Strings are written as UTF-8. */
  db(...values: (number | string)[]): this {
    const b = this.#cur.buf;
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
    const b = this.#cur.buf;
    for (const v of values) {
      checkRange(v, 16);
      b.ensure(2);
      b.u16(v & 0xffff);
    }
    return this;
  }
  /** 32-bit words; a label becomes its absolute address (must fit 32 bits). */
  dd(...values: (number | Label)[]): this {
    const s = this.#cur;
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
    const s = this.#cur;
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
    const s = this.#cur;
    s.buf.ensure(size);
    s.fixups.push({ pos: s.buf.pos, size, label, addend, pcrel: false, signed: false, got: false });
    if (size === 8) s.buf.u64(0);
    else s.buf.u32(0);
    return this;
  }
  /** IEEE doubles. */
  f64(...values: number[]): this {
    const b = this.#cur.buf;
    const dv = new DataView(new ArrayBuffer(8));
    for (const v of values) {
      dv.setFloat64(0, v, true);
      b.bytes(new Uint8Array(dv.buffer));
    }
    return this;
  }
  bytes(data: ArrayLike<number>): this {
    this.#cur.buf.bytes(data);
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
    const f = fill ?? (s.kind === 'text' ? null : 0);
    this.#endFrag({ kind: 'align', n, max: max ?? n, fill: f });
    return this;
  }

  /** Lays out every section, resolves what can be resolved, and returns the object. */
  finish(): ObjectCode {
    if (this.#finished) throw new AsmError('assembler already finished');
    this.#finished = true;
    for (const s of this.#order) {
      s.cur.end = s.buf.pos;
      this.#relax(s);
    }
    const sections: ObjSection[] = [];
    const externals = new Set<string>();
    const marks: [number, number, number][] = [];
    for (const s of this.#order) sections.push(this.#emitSection(s, externals));
    for (const s of this.#order) {
      for (const [tag, fi, off] of s.marks) marks.push([tag, s.index, (s.frags[fi] as Frag).addr + off]);
    }
    const symbols: ObjSymbol[] = [];
    for (const l of this.#labels.values()) {
      const b = this.#bindings[l.id];
      if (!b) {
        if (this.#globals.has(l.name) && !b) throw new AsmError(`global symbol ${l.name} is never defined`);
        continue;
      }
      symbols.push({
        name: l.name,
        section: b.section.index,
        offset: (b.section.frags[b.frag] as Frag).addr + b.offset,
        global: this.#globals.has(l.name),
      });
    }
    return { sections, symbols, externals: [...externals], marks };
  }

  #labelAddr(l: Label, s: Section): number | null {
    const b = this.#bindings[l.id];
    if (!b || b.section !== s) return null;
    return (s.frags[b.frag] as Frag).addr + b.offset;
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
    const frags = s.frags;
    const n = frags.length;
    const bindings = this.#bindings;
    // The passes read columns, gathered once, rather than the fragment objects.
    const addr = new Float64Array(n);
    const fixed = new Int32Array(n);
    /** Per fragment: TAIL_* of its tail. */
    const kind = new Uint8Array(n);
    /** Branches: where the target is (fragment, offset), the rel8 opcode's length, the growth to near. */
    const toFrag = new Int32Array(n);
    const toOffset = new Float64Array(n);
    const shortOp = new Int32Array(n);
    const grow = new Int32Array(n);
    /** Alignments: the boundary and the most padding. */
    const alignN = new Int32Array(n);
    const alignMax = new Int32Array(n);
    /** The number of alignments before each fragment. */
    const region = new Int32Array(n);
    let aligns = 0;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const f = frags[i] as Frag;
      const t = f.tail;
      region[i] = aligns;
      fixed[i] = f.end - f.start;
      if (t.kind === 'align') {
        aligns++;
        kind[i] = TAIL_ALIGN;
        alignN[i] = t.n;
        alignMax[i] = t.max;
      } else if (t.kind === 'branch') {
        const b = bindings[t.label.id];
        // A jump whose target is not in this section is near from the start.
        if (!t.long && (!b || b.section !== s)) t.long = true;
        if (!t.long) {
          const target = b as Binding;
          kind[i] = TAIL_SHORT;
          toFrag[i] = target.frag;
          toOffset[i] = target.offset;
          shortOp[i] = t.short.length;
          grow[i] = t.near.length + 4 - (t.short.length + 1);
        }
      }
      // The first layout: every local jump short.
      addr[i] = at;
      at += fixed[i] as number;
      at += tailSize(t, at);
    }
    for (let pass = 0; ; pass++) {
      let stretch = 0;
      let stretched = false;
      for (let i = 0; i < n; i++) {
        const k = kind[i] as number;
        const was = addr[i] as number;
        const a = was + stretch;
        addr[i] = a;
        if (k === TAIL_NONE) continue;
        let growth = 0;
        if (k === TAIL_ALIGN) {
          const end = a + (fixed[i] as number);
          growth =
            alignPad(alignN[i] as number, alignMax[i] as number, end) -
            alignPad(alignN[i] as number, alignMax[i] as number, end - stretch);
        } else {
          const tf = toFrag[i] as number;
          let target = (addr[tf] as number) + (toOffset[i] as number);
          const from = a + (fixed[i] as number) + (shortOp[i] as number);
          let keep = false;
          if (tf > i && stretch !== 0) {
            if (stretch < 0 || region[tf] === region[i]) target += stretch;
            else if (target < from) keep = true;
          }
          const aim = target - from;
          if (!keep && (aim > 128 || aim < -127)) {
            kind[i] = TAIL_NONE;
            ((frags[i] as Frag).tail as BranchTail).long = true;
            growth = grow[i] as number;
          }
        }
        if (growth !== 0) {
          stretch += growth;
          stretched = true;
        }
      }
      if (!stretched) break;
      if (pass > 10000) throw new AsmError('branch relaxation does not converge');
    }
    for (let i = 0; i < n; i++) (frags[i] as Frag).addr = addr[i] as number;
  }

  #emitSection(s: Section, externals: Set<string>): ObjSection {
    const last = s.frags[s.frags.length - 1] as Frag;
    const size = last.addr + (last.end - last.start) + tailSize(last.tail, last.addr + last.end - last.start);
    const out = new Uint8Array(size);
    const relocs: Reloc[] = [];
    const src = s.buf.buf;
    const frags = s.frags;
    const fixups = s.fixups;
    for (let i = 0; i < frags.length; i++) {
      const f = frags[i] as Frag;
      copy(out, f.addr, src, f.start, f.end);
      let p = f.addr + (f.end - f.start);
      const t = f.tail;
      if (t.kind === 'branch') {
        const ops = t.long ? t.near : t.short;
        for (let j = 0; j < ops.length; j++) out[p++] = ops[j] as number;
        const size = t.long ? 4 : 1;
        const target = this.#labelAddr(t.label, s);
        if (target !== null) writeField(out, p, size, target - (p + size), true, t.label.name);
        else {
          const fx: Fixup = { pos: p, size, label: t.label, addend: -size, pcrel: true, signed: true, got: false };
          this.#resolve(fx, p, s, out, relocs, externals);
        }
      } else if (t.kind === 'align') {
        const n = tailSize(t, p);
        if (t.fill === null) out.set(nopFill(n), p);
        else out.fill(t.fill, p, p + n);
      }
      const fixEnd = i + 1 < frags.length ? (frags[i + 1] as Frag).fix : fixups.length;
      for (let j = f.fix; j < fixEnd; j++) {
        const fx = fixups[j] as Fixup;
        this.#resolve(fx, f.addr + (fx.pos - f.start), s, out, relocs, externals);
      }
    }
    return { name: s.name, kind: s.kind, align: s.align, bytes: out, relocs };
  }

  #resolve(fx: Fixup, at: number, s: Section, out: Uint8Array, relocs: Reloc[], externals: Set<string>): void {
    const l = fx.label;
    const target = fx.got ? null : this.#labelAddr(l, s);
    if (fx.pcrel && target !== null) {
      const v = target + fx.addend - at;
      writeField(out, at, fx.size, v, true, l.name);
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

function checkRange(v: number, bits: number): void {
  if (!Number.isInteger(v) || v < -(2 ** (bits - 1)) || v >= 2 ** bits) {
    throw new AsmError(`value ${v} does not fit in ${bits} bits`);
  }
}

function writeField(out: Uint8Array, at: number, size: number, v: number, signed: boolean, name: string): void {
  if (size === 1) {
    if (v < -128 || v > 127) throw new AsmError(`${name} out of reach of a short jump`);
    out[at] = v & 0xff;
  } else if (size === 4) {
    if (signed ? v < -2147483648 || v > 2147483647 : v < 0 || v > 0xffffffff) {
      throw new AsmError(`${name} out of reach of a 32-bit displacement`);
    }
    out[at] = v;
    out[at + 1] = v >>> 8;
    out[at + 2] = v >>> 16;
    out[at + 3] = v >>> 24;
  } else {
    new DataView(out.buffer, out.byteOffset).setBigUint64(at, BigInt.asUintN(64, BigInt(v)), true);
  }
}

function tailMinSize(t: Tail): number {
  return t.kind === 'branch' ? (t.long ? t.near.length + 4 : t.short.length + 1) : 0;
}

function tailSize(t: Tail, at: number): number {
  if (t.kind === 'end') return 0;
  if (t.kind === 'branch') return t.long ? t.near.length + 4 : t.short.length + 1;
  return alignPad(t.n, t.max, at);
}

/** Padding from `at` to a multiple of `n`, or none when more than `max` would be needed. */
function alignPad(n: number, max: number, at: number): number {
  const pad = (n - (at % n)) % n;
  return pad > max ? 0 : pad;
}
