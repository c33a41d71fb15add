/**
 * The classic BPF assembler: instructions are appended with methods named
 * like the mnemonics (`p.ld(abs(4))`, `p.jeq(imm(0xc000003e), ok, kill)`,
 * `p.ret(imm(0x7fff0000))`), jump targets are labels, and `finish()` resolves
 * them into the 8-bit offsets of conditional jumps (or the 32-bit offset of
 * `ja`), with a BpfError naming the jump and its distance when a target is
 * out of reach or behind it (classic BPF jumps only forward). The result is
 * the array of `struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }` the
 * kernel takes.
 */

import { type Form, formOf, shapeOf } from './forms.js';

export class BpfError extends Error {
  override name = 'BpfError';
}

/** The most instructions the kernel accepts in one program (BPF_MAXINSNS). */
export const MAX_INSNS = 4096;
/** Scratch memory words M[0..15]. */
export const SCRATCH_WORDS = 16;

export type Operand =
  | { kind: '[k]'; k: number }
  | { kind: '[x+k]'; k: number }
  | { kind: 'M[k]'; k: number }
  | { kind: '#k'; k: number }
  | { kind: '4*([k]&0xf)'; k: number }
  | { kind: '#len' }
  | { kind: 'x' }
  | { kind: 'a' };

/** `[k]`: the word at offset k. */
export const abs = (k: number): Operand => ({ kind: '[k]', k });
/** `[x+k]`. */
export const ind = (k: number): Operand => ({ kind: '[x+k]', k });
/** `M[k]`: scratch word k. */
export const mem = (k: number): Operand => ({ kind: 'M[k]', k });
/** `#k`. */
export const imm = (k: number): Operand => ({ kind: '#k', k });
/** `4*([k]&0xf)`. */
export const msh = (k: number): Operand => ({ kind: '4*([k]&0xf)', k });
export const LEN: Operand = { kind: '#len' };
export const X: Operand = { kind: 'x' };
export const A: Operand = { kind: 'a' };

/** A jump target; bound to the instruction that follows `bind`. */
export interface Label {
  readonly name: string;
  at: number | null;
}
/** A jump's target: a label, or a literal offset from the next instruction. */
export type Target = Label | number;

/** One instruction as the kernel reads it. */
export interface Insn {
  code: number;
  jt: number;
  jf: number;
  k: number;
}

export interface BpfProgram {
  insns: Insn[];
  /** The sock_filter array: 8 bytes per instruction, little-endian. */
  bytes: Uint8Array;
}

interface Pending {
  form: Form;
  k: number;
  targets: Target[];
  /** For messages: the instruction as written. */
  text: string;
}

function u32(where: string, v: number): number {
  if (!Number.isInteger(v) || v < -0x80000000 || v > 0xffffffff) {
    throw new BpfError(`${where}: ${v} is not a 32-bit value`);
  }
  return v >>> 0;
}

export class BpfAssembler {
  readonly #insns: Pending[] = [];
  #labels = 0;

  /** A new label (named for messages). */
  label(name?: string): Label {
    return { name: name ?? `L${this.#labels++}`, at: null };
  }
  /** Binds `l` to the next instruction. */
  bind(l: Label): void {
    if (l.at !== null) throw new BpfError(`label ${l.name} is bound twice`);
    l.at = this.#insns.length;
  }
  /** How many instructions so far. */
  get length(): number {
    return this.#insns.length;
  }

  /** Appends one instruction by mnemonic: operands first, then jump targets. */
  emit(mnemonic: string, operands: Operand[], targets: Target[] = []): void {
    const kinds: string[] = operands.map((o) => o.kind);
    if (mnemonic === 'ja') kinds.push('L');
    else if (targets.length > 0) kinds.push('jt', 'jf');
    const form = formOf(mnemonic, kinds);
    const text = `${mnemonic} ${operands.map(show).concat(targets.map(showTarget)).join(', ')}`.trim();
    if (!form) throw new BpfError(`no instruction form ${shapeOf(mnemonic, kinds)} (in '${text}')`);
    const op = operands.find((o) => 'k' in o) as { k: number } | undefined;
    const k = op ? u32(text, op.k) : 0;
    if (form.operands[0] === 'M[k]' && k >= SCRATCH_WORDS) throw new BpfError(`${text}: scratch words are M[0]..M[15]`);
    this.#insns.push({ form, k, targets, text });
  }

  // The mnemonics (table.ts), each a method.
  ld(src: Operand): void {
    this.emit('ld', [src]);
  }
  ldh(src: Operand): void {
    this.emit('ldh', [src]);
  }
  ldb(src: Operand): void {
    this.emit('ldb', [src]);
  }
  ldx(src: Operand): void {
    this.emit('ldx', [src]);
  }
  ldxb(src: Operand): void {
    this.emit('ldxb', [src]);
  }
  st(dst: Operand): void {
    this.emit('st', [dst]);
  }
  stx(dst: Operand): void {
    this.emit('stx', [dst]);
  }
  add(v: Operand): void {
    this.emit('add', [v]);
  }
  sub(v: Operand): void {
    this.emit('sub', [v]);
  }
  mul(v: Operand): void {
    this.emit('mul', [v]);
  }
  div(v: Operand): void {
    this.emit('div', [v]);
  }
  mod(v: Operand): void {
    this.emit('mod', [v]);
  }
  or(v: Operand): void {
    this.emit('or', [v]);
  }
  and(v: Operand): void {
    this.emit('and', [v]);
  }
  xor(v: Operand): void {
    this.emit('xor', [v]);
  }
  lsh(v: Operand): void {
    this.emit('lsh', [v]);
  }
  rsh(v: Operand): void {
    this.emit('rsh', [v]);
  }
  neg(): void {
    this.emit('neg', []);
  }
  ja(target: Target): void {
    this.emit('ja', [], [target]);
  }
  jeq(v: Operand, jt: Target, jf: Target = 0): void {
    this.emit('jeq', [v], [jt, jf]);
  }
  jgt(v: Operand, jt: Target, jf: Target = 0): void {
    this.emit('jgt', [v], [jt, jf]);
  }
  jge(v: Operand, jt: Target, jf: Target = 0): void {
    this.emit('jge', [v], [jt, jf]);
  }
  jset(v: Operand, jt: Target, jf: Target = 0): void {
    this.emit('jset', [v], [jt, jf]);
  }
  ret(v: Operand): void {
    this.emit('ret', [v]);
  }
  tax(): void {
    this.emit('tax', []);
  }
  txa(): void {
    this.emit('txa', []);
  }

  /** Resolves the labels; the program's instructions and bytes. */
  finish(): BpfProgram {
    const n = this.#insns.length;
    if (n === 0) throw new BpfError('a BPF program needs at least one instruction');
    if (n > MAX_INSNS) throw new BpfError(`a BPF program has at most ${MAX_INSNS} instructions, this one ${n}`);
    const last = this.#insns[n - 1] as Pending;
    if (last.form.mnemonic !== 'ret') {
      throw new BpfError(
        `a BPF program must end with ret (the kernel refuses it otherwise), this one ends with '${last.text}'`,
      );
    }
    const insns = this.#insns.map((p, i): Insn => {
      const offset = (t: Target): number => {
        if (typeof t === 'number') return t;
        if (t.at === null) throw new BpfError(`'${p.text}' (instruction ${i}): label ${t.name} is never bound`);
        const d = t.at - (i + 1);
        if (d < 0)
          throw new BpfError(`'${p.text}' (instruction ${i}): label ${t.name} is behind it; BPF jumps only forward`);
        return d;
      };
      if (p.form.mnemonic === 'ja') {
        return { code: p.form.opcode, jt: 0, jf: 0, k: offset(p.targets[0] as Target) };
      }
      const [jt, jf] = p.targets.map(offset) as [number?, number?];
      for (const [which, d] of [
        ['jt', jt],
        ['jf', jf],
      ] as const) {
        if (d !== undefined && (!Number.isInteger(d) || d < 0 || d > 255)) {
          throw new BpfError(
            `'${p.text}' (instruction ${i}): ${which} is ${d} instructions ahead; a conditional jump reaches 0..255 (jump to an 'ja' for more)`,
          );
        }
      }
      return { code: p.form.opcode, jt: jt ?? 0, jf: jf ?? 0, k: p.k };
    });
    for (const [i, insn] of insns.entries()) {
      const cls = insn.code & 7;
      if (cls !== 5) continue; // only jumps have targets
      if (i + 1 + insn.jt >= n || i + 1 + insn.jf >= n || (insn.code === 0x05 && i + 1 + insn.k >= n)) {
        throw new BpfError(
          `instruction ${i} ('${(this.#insns[i] as Pending).text}') jumps past the end of the program`,
        );
      }
    }
    return { insns, bytes: encode(insns) };
  }
}

/** The sock_filter array of `insns`. */
export function encode(insns: readonly Insn[]): Uint8Array {
  const bytes = new Uint8Array(8 * insns.length);
  const dv = new DataView(bytes.buffer);
  insns.forEach((s, i) => {
    dv.setUint16(8 * i, s.code, true);
    dv.setUint8(8 * i + 2, s.jt);
    dv.setUint8(8 * i + 3, s.jf);
    dv.setUint32(8 * i + 4, s.k, true);
  });
  return bytes;
}

function show(o: Operand): string {
  switch (o.kind) {
    case '[k]':
      return `[${o.k}]`;
    case '[x+k]':
      return `[x + ${o.k}]`;
    case 'M[k]':
      return `M[${o.k}]`;
    case '#k':
      return `#${o.k}`;
    case '4*([k]&0xf)':
      return `4*([${o.k}]&0xf)`;
    default:
      return o.kind;
  }
}

function showTarget(t: Target): string {
  return typeof t === 'number' ? String(t) : t.name;
}
