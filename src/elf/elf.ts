/**
 * ELF64 constants and a little-endian byte writer: the vocabulary of the
 * writer, kept apart from its logic (PAGE and alignUp live in src/link/align.ts
 * from here too).
 */

export const ET_DYN = 3;
export const EM_X86_64 = 62;

export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_PHDR = 6;
export const PT_GNU_STACK = 0x6474e551;

export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_RELA = 4;
export const SHT_HASH = 5;
export const SHT_DYNAMIC = 6;
export const SHT_NOBITS = 8;
export const SHT_DYNSYM = 11;

export const SHF_WRITE = 1;
export const SHF_ALLOC = 2;
export const SHF_EXECINSTR = 4;

export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;

export const DT_NULL = 0;
export const DT_NEEDED = 1;
export const DT_HASH = 4;
export const DT_STRTAB = 5;
export const DT_SYMTAB = 6;
export const DT_RELA = 7;
export const DT_RELASZ = 8;
export const DT_RELAENT = 9;
export const DT_STRSZ = 10;
export const DT_SYMENT = 11;
export const DT_SONAME = 14;
export const DT_DEBUG = 21;
export const DT_FLAGS = 30;
export const DT_FLAGS_1 = 0x6ffffffb;
export const DT_RELACOUNT = 0x6ffffff9;
export const DF_BIND_NOW = 8;
export const DF_1_NOW = 1;
export const DF_1_PIE = 0x08000000;

export const R_X86_64_64 = 1;
export const R_X86_64_GLOB_DAT = 6;
export const R_X86_64_RELATIVE = 8;

/** The System V ABI symbol hash used by DT_HASH. */
export function sysvHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) {
    h = ((h << 4) + name.charCodeAt(i)) >>> 0;
    const g = h & 0xf0000000;
    if (g !== 0) h ^= g >>> 24;
    h &= ~g >>> 0;
  }
  return h >>> 0;
}

/** A string table: offsets of interned strings, index 0 is the empty string. */
export class StringTable {
  #parts: string[] = [''];
  #offsets = new Map<string, number>([['', 0]]);
  #size = 1;
  add(s: string): number {
    let o = this.#offsets.get(s);
    if (o === undefined) {
      o = this.#size;
      this.#offsets.set(s, o);
      this.#parts.push(s);
      this.#size += Buffer.byteLength(s) + 1;
    }
    return o;
  }
  get size(): number {
    return this.#size;
  }
  bytes(): Uint8Array {
    return new Uint8Array(Buffer.from(`${this.#parts.join('\0')}\0`));
  }
}

/** Little-endian writes into a fixed-size image. */
export class Image {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u8(at: number, v: number): void {
    this.view.setUint8(at, v);
  }
  u16(at: number, v: number): void {
    this.view.setUint16(at, v, true);
  }
  u32(at: number, v: number): void {
    this.view.setUint32(at, v >>> 0, true);
  }
  u64(at: number, v: number | bigint): void {
    this.view.setBigUint64(at, BigInt.asUintN(64, BigInt(v)), true);
  }
  set(at: number, src: Uint8Array): void {
    this.bytes.set(src, at);
  }
}
