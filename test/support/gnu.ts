/**
 * GNU `as` as the reference for tests: assembles a source with the real
 * tool and reads the sections, symbols and relocations back out of its ELF
 * object (the one reader of GNU `as` objects; `gas.ts` uses it too). Tests
 * and benches only; the product never runs GNU tools.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempDir } from './tmp.js';

export interface GnuReloc {
  offset: number;
  /** ELF relocation type number (R_X86_64_*). */
  type: number;
  /** Symbol name; for a section symbol, the section's name. */
  symbol: string;
  /** True when the symbol is a section symbol (a local label turned section + offset). */
  sectionSymbol: boolean;
  addend: number;
}

export interface GnuSection {
  name: string;
  bytes: Uint8Array;
  relocs: GnuReloc[];
  /** The named symbols defined in this section (no section or file symbols), to their offsets. */
  symbols: Map<string, number>;
}

export const R_X86_64 = {
  64: 1,
  PC32: 2,
  PLT32: 4,
  GOTPCREL: 9,
  32: 10,
  '32S': 11,
  GOTPCRELX: 41,
  REX_GOTPCRELX: 42,
} as const;

/** Runs `as` on `source`; throws with its messages if it fails. */
export function gnuAssemble(source: string): Map<string, GnuSection> {
  return withTempDir('sidecar-as-', (dir) => {
    const s = join(dir, 'in.s');
    const o = join(dir, 'out.o');
    writeFileSync(s, source);
    execFileSync('as', ['--64', '-o', o, s], { stdio: ['ignore', 'pipe', 'pipe'] });
    return readElfObject(readFileSync(o));
  });
}

/** The sections of an ELF64 relocatable object, by name, with their symbols and RELA relocations. */
export function readElfObject(file: Uint8Array): Map<string, GnuSection> {
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (dv.getUint32(0, false) !== 0x7f454c46 || file[4] !== 2 || file[5] !== 1) {
    throw new Error('not an ELF64 little-endian object');
  }
  const u16 = (o: number) => dv.getUint16(o, true);
  const u32 = (o: number) => dv.getUint32(o, true);
  const u64 = (o: number) => Number(dv.getBigUint64(o, true));
  const i64 = (o: number) => Number(dv.getBigInt64(o, true));
  const shoff = u64(0x28);
  const shentsize = u16(0x3a);
  const shnum = u16(0x3c);
  const shstrndx = u16(0x3e);
  const hdr = (i: number) => {
    const b = shoff + i * shentsize;
    return {
      name: u32(b),
      type: u32(b + 4),
      offset: u64(b + 0x18),
      size: u64(b + 0x20),
      link: u32(b + 0x28),
      info: u32(b + 0x2c),
    };
  };
  const cstr = (off: number) => {
    let e = off;
    while (file[e] !== 0) e++;
    return new TextDecoder().decode(file.subarray(off, e));
  };
  const headers = Array.from({ length: shnum }, (_, i) => hdr(i));
  const strtab = headers[shstrndx]!.offset;
  const names = headers.map((h) => cstr(strtab + h.name));
  const out = new Map<string, GnuSection>();
  const byIndex: (GnuSection | undefined)[] = [];
  headers.forEach((h, i) => {
    if (h.type === 1 || h.type === 8) {
      const bytes = h.type === 8 ? new Uint8Array(h.size) : file.slice(h.offset, h.offset + h.size);
      const sec = { name: names[i]!, bytes, relocs: [], symbols: new Map<string, number>() };
      out.set(sec.name, sec);
      byIndex[i] = sec;
    }
  });
  const symtab = headers.find((h) => h.type === 2);
  if (symtab) {
    const symstr = headers[symtab.link]!.offset;
    for (let o = symtab.offset; o < symtab.offset + symtab.size; o += 24) {
      const name = cstr(symstr + u32(o));
      const sec = byIndex[u16(o + 6)];
      // Not STT_SECTION (3): a section's own symbol has no name of its own.
      if (sec && name !== '' && (file[o + 4]! & 15) !== 3) sec.symbols.set(name, u64(o + 8));
    }
  }
  headers.forEach((h) => {
    if (h.type !== 4) return;
    const target = byIndex[h.info];
    if (!target) return;
    const symtab = headers[h.link]!;
    const symstr = headers[symtab.link]!.offset;
    for (let o = h.offset; o < h.offset + h.size; o += 24) {
      const info = dv.getBigUint64(o + 8, true);
      const symIndex = Number(info >> 32n);
      const sym = symtab.offset + symIndex * 24;
      const symType = file[sym + 4]! & 15;
      const shndx = u16(sym + 6);
      const sectionSymbol = symType === 3;
      target.relocs.push({
        offset: u64(o),
        type: Number(info & 0xffffffffn),
        symbol: sectionSymbol ? names[shndx]! : cstr(symstr + u32(sym)),
        sectionSymbol,
        addend: i64(o + 16),
      });
    }
  });
  return out;
}
