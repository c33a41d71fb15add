/**
 * Keywords of the text front end: mnemonics, prefixes, registers, size
 * words, found by a trie over case-folded character codes, without slicing
 * the source or lower-casing it.
 */

import { Prefix } from '../encoder.js';
import { formsByMnemonic } from '../forms.js';
import { type Reg, registers } from '../operands.js';
import { type FormMemo, memoFor } from '../select.js';

export const enum KW {
  Mnemonic,
  Prefix,
  Register,
  Size,
  Ptr,
  Offset,
}

export interface Keyword {
  kind: KW;
  name: string;
  reg: Reg | null;
  /** Size keyword in bytes; prefix bit. */
  n: number;
  /** Takes a label operand as a branch target (a mnemonic's, once `prepare`d). */
  branch: boolean;
  /** Resolved sizes of unsized memory operands, by operand shape (see `unsizedMemSize`). */
  sizes: Map<number, number> | null;
  /** Form choices of a mnemonic, made by `prepare` at its first use. */
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
    memo: null,
  };
}

/** Identifier characters as small codes (1..39), letters folded to lower case; 0 for any other byte. */
export const CODE = new Uint8Array(256);
for (let c = 0; c < 26; c++) {
  CODE[97 + c] = 1 + c;
  CODE[65 + c] = 1 + c;
}
for (let c = 0; c < 10; c++) CODE[48 + c] = 27 + c;
CODE[95] = 37;
CODE[46] = 38;
CODE[36] = 39;
export const CODES = 40;

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
    // States are 16-bit row offsets: room for all of them in one allocation, no growing.
    const limit = Math.floor(0xffff / CODES);
    const next = new Uint16Array(limit * CODES).fill(DEAD);
    next[0] = 0;
    next[DEAD] = 0;
    let rows = 2;
    for (const e of entries) {
      let st = 0;
      const name = e.name;
      for (let i = 0; i < name.length; i++) {
        const code = CODE[name.charCodeAt(i)] as number;
        if (code === 0) throw new Error(`keyword ${name} is not an identifier`);
        let to = next[st + code] as number;
        if (to === DEAD) {
          if (rows === limit) throw new Error('keyword trie too large');
          to = rows++ * CODES;
          next[to] = 0;
          next[st + code] = to;
        }
        st = to;
      }
      next[st] = this.words.length;
      this.words.push(e);
    }
    this.next = next.slice(0, rows * CODES);
    // Two steps in one, from the root: the state after the codes c0 and c1 (c1 = 0: after c0 alone).
    this.first2 = new Uint16Array(CODES * CODES);
    for (let c0 = 1; c0 < CODES; c0++) {
      const after = next[c0] as number;
      this.first2[c0 * CODES] = after;
      for (let c1 = 1; c1 < CODES; c1++) this.first2[c0 * CODES + c1] = next[after + c1] as number;
    }
  }
}
/**
 * Makes a mnemonic keyword's memo and branch flag at its first use: only
 * the rows of the mnemonics a source uses are read.
 */
export function prepare(kw: Keyword): FormMemo {
  const forms = formsByMnemonic.get(kw.name) ?? [];
  kw.branch = forms.some((f) => (f.kinds[0]?.rel ?? 0) !== 0);
  kw.memo = memoFor(kw.name);
  return kw.memo;
}

/** The trie's transitions and first-two-character table, keywords by number, and the register of each number. */
export let TRIE: Uint16Array = new Uint16Array(0);
export let TRIE2: Uint16Array = new Uint16Array(0);
export let KEYWORDS: (Keyword | undefined)[] = [];
/** Keyword numbers 1 .. LAST_REGISTER are registers, then mnemonics up to LAST_MNEMONIC. */
export let LAST_REGISTER = 0;
export let LAST_MNEMONIC = 0;
export let REGISTER_OF: Reg[] = [];

/** Builds the keywords on first use, once per process: importing the text front end builds nothing. */
export function loadKeywords(): void {
  if (KEYWORDS.length > 0) return;
  // Registers first, then mnemonics: a keyword's number then says which it is.
  const list: Keyword[] = [];
  for (const [name, r] of registers) list.push(keyword(KW.Register, name, r));
  let mnemonics = 0;
  for (const m of formsByMnemonic.keys()) {
    list.push(keyword(KW.Mnemonic, m));
    mnemonics++;
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
  const trie = new KeywordTrie(list);
  const words = trie.words;
  const lastRegister = registers.size;
  for (let i = 1; i <= lastRegister + mnemonics; i++) {
    const k = words[i] as Keyword;
    if (k.kind !== (i <= lastRegister ? KW.Register : KW.Mnemonic)) throw new Error('keyword numbering');
  }
  REGISTER_OF = words.slice(0, lastRegister + 1).map((k) => k?.reg ?? (registers.get('rax') as Reg));
  LAST_REGISTER = lastRegister;
  LAST_MNEMONIC = lastRegister + mnemonics;
  TRIE = trie.next;
  TRIE2 = trie.first2;
  KEYWORDS = words;
}
