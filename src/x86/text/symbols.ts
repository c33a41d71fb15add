/** Symbols of the text front end: labels, constants and aliases, and the label terms of expressions. */

import type { Imm, Label } from '../operands.js';

export interface Sym {
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
export interface Term {
  sign: number;
  sym: Sym;
  col: number;
}

/** A data field whose value is a difference of labels known only after layout. */
export interface Deferred {
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
export class SymTable {
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
