/**
 * The ELF64 writer: turns an assembled object into a position-independent
 * executable linked dynamically to glibc, or into a shared object that
 * exports symbols. It is a small linker for one object:
 *
 * - three segments: read-only (headers, dynamic symbol tables, relocations,
 *   .rodata), read-execute (.text and import stubs), read-write (.dynamic,
 *   .got, .data, .bss); virtual addresses equal file offsets;
 * - imports go through a GOT bound at load time (BIND_NOW, no PLT): a call
 *   to an import lands on an 8-byte stub `jmp [rip + slot]; int3; int3`, a
 *   `[rip + sym@GOTPCREL]` operand reads the slot directly;
 * - a DT_HASH table, so that `dlsym` finds exported symbols;
 * - section headers and a .symtab, so that readelf, objdump and gdb see
 *   every named label.
 */

import { alignUp, PAGE, planImports, STUB_SIZE, writeImportStub } from '../link/index.js';
import type { ObjectCode, ObjSection } from '../x86/assembler.js';
import {
  DF_1_NOW,
  DF_1_PIE,
  DF_BIND_NOW,
  DT_DEBUG,
  DT_FLAGS,
  DT_FLAGS_1,
  DT_HASH,
  DT_NEEDED,
  DT_NULL,
  DT_RELA,
  DT_RELACOUNT,
  DT_RELAENT,
  DT_RELASZ,
  DT_SONAME,
  DT_STRSZ,
  DT_STRTAB,
  DT_SYMENT,
  DT_SYMTAB,
  EM_X86_64,
  ET_DYN,
  Image,
  PF_R,
  PF_W,
  PF_X,
  PT_DYNAMIC,
  PT_GNU_STACK,
  PT_INTERP,
  PT_LOAD,
  PT_PHDR,
  R_X86_64_64,
  R_X86_64_GLOB_DAT,
  R_X86_64_RELATIVE,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_WRITE,
  SHT_DYNAMIC,
  SHT_DYNSYM,
  SHT_HASH,
  SHT_NOBITS,
  SHT_PROGBITS,
  SHT_RELA,
  SHT_STRTAB,
  SHT_SYMTAB,
  STB_GLOBAL,
  STB_LOCAL,
  STT_FUNC,
  STT_NOTYPE,
  STT_OBJECT,
  StringTable,
  sysvHash,
} from './elf.js';

export class ElfError extends Error {
  override name = 'ElfError';
}

export interface ExecutableOptions {
  /** Entry symbol (default `_start`). */
  entry?: string;
  /** Program interpreter (default the x86-64 glibc loader). */
  interp?: string;
  /** Libraries to link (default `libc.so.6`). */
  needed?: string[];
}

export interface SharedObjectOptions {
  soname?: string;
  needed?: string[];
  /** Symbols to export (default: every global symbol of the object). */
  exports?: string[];
}

export const GLIBC_INTERP = '/lib64/ld-linux-x86-64.so.2';

/** An executable (PIE) that glibc's loader runs. */
export function writeExecutable(obj: ObjectCode, opts: ExecutableOptions = {}): Uint8Array {
  return link(obj, {
    kind: 'exe',
    entry: opts.entry ?? '_start',
    interp: opts.interp ?? GLIBC_INTERP,
    needed: opts.needed ?? ['libc.so.6'],
    soname: null,
    exports: [],
  });
}

/** A shared object loadable with dlopen (and so with Node's process.dlopen). */
export function writeSharedObject(obj: ObjectCode, opts: SharedObjectOptions = {}): Uint8Array {
  const globals = obj.symbols.filter((s) => s.global).map((s) => s.name);
  return link(obj, {
    kind: 'so',
    entry: null,
    interp: null,
    needed: opts.needed ?? [],
    soname: opts.soname ?? null,
    exports: opts.exports ?? globals,
  });
}

interface LinkOptions {
  kind: 'exe' | 'so';
  entry: string | null;
  interp: string | null;
  needed: string[];
  soname: string | null;
  exports: string[];
}

interface OutSection {
  name: string;
  type: number;
  flags: number;
  addr: number;
  size: number;
  align: number;
  link?: number;
  info?: number;
  entsize?: number;
  /** Contents, written at `addr` (absent for NOBITS). */
  data?: Uint8Array;
}

interface DynReloc {
  at: number;
  type: number;
  sym: number;
  addend: number;
}

function link(obj: ObjectCode, o: LinkOptions): Uint8Array {
  const sections = obj.sections;
  const groups = { rodata: [] as number[], text: [] as number[], data: [] as number[], bss: [] as number[] };
  sections.forEach((s, i) => {
    groups[s.kind].push(i);
  });

  // Symbols defined here, by name.
  const defined = new Map<string, { section: number; offset: number }>();
  for (const s of obj.symbols) defined.set(s.name, { section: s.section, offset: s.offset });
  for (const e of o.exports) {
    if (!defined.has(e)) throw new ElfError(`exported symbol ${e} is not defined`);
  }

  // Which imports need a stub (called) and which symbols need a GOT slot.
  const { imports, slots: slotNames, stubs: stubNames } = planImports(obj);

  // Dynamic symbols: null, imports, exports.
  const dynstr = new StringTable();
  const needed = o.needed.map((n) => dynstr.add(n));
  const soname = o.soname !== null ? dynstr.add(o.soname) : -1;
  const dynNames = ['', ...imports, ...o.exports];
  const dynIndex = new Map<string, number>();
  dynNames.forEach((n, i) => {
    if (i > 0) dynIndex.set(n, i);
    dynstr.add(n);
  });

  // Dynamic relocations: counted first, filled once addresses are known.
  let relCount = 0;
  for (const s of sections) for (const r of s.relocs) if (r.type === 'abs64') relCount++;
  relCount += slotNames.length;

  // --- Layout. Virtual address = file offset.
  const phnum = o.kind === 'exe' ? 7 : 5;
  let at = 64 + phnum * 56;
  const out: OutSection[] = [];
  const add = (s: OutSection): OutSection => {
    out.push(s);
    return s;
  };
  const place = (size: number, align: number): number => {
    at = alignUp(at, align);
    const a = at;
    at += size;
    return a;
  };
  const phdrAt = 64;
  let interp: OutSection | null = null;
  if (o.interp !== null) {
    const data = new Uint8Array(Buffer.from(`${o.interp}\0`));
    interp = add({
      name: '.interp',
      type: SHT_PROGBITS,
      flags: SHF_ALLOC,
      addr: place(data.length, 1),
      size: data.length,
      align: 1,
      data,
    });
  }
  const nbucket = Math.max(1, dynNames.length);
  const hashSize = (2 + nbucket + dynNames.length) * 4;
  const hash = add({
    name: '.hash',
    type: SHT_HASH,
    flags: SHF_ALLOC,
    addr: place(hashSize, 8),
    size: hashSize,
    align: 8,
    entsize: 4,
  });
  const dynsymSize = dynNames.length * 24;
  const dynsym = add({
    name: '.dynsym',
    type: SHT_DYNSYM,
    flags: SHF_ALLOC,
    addr: place(dynsymSize, 8),
    size: dynsymSize,
    align: 8,
    entsize: 24,
    info: 1,
  });
  const dynstrData = dynstr.bytes();
  const dynstrSec = add({
    name: '.dynstr',
    type: SHT_STRTAB,
    flags: SHF_ALLOC,
    addr: place(dynstrData.length, 1),
    size: dynstrData.length,
    align: 1,
    data: dynstrData,
  });
  const relaSize = relCount * 24;
  const rela =
    relCount > 0
      ? add({
          name: '.rela.dyn',
          type: SHT_RELA,
          flags: SHF_ALLOC,
          addr: place(relaSize, 8),
          size: relaSize,
          align: 8,
          entsize: 24,
        })
      : null;
  const secAddr = new Array<number>(sections.length).fill(0);
  const secOut = new Array<OutSection | null>(sections.length).fill(null);
  const placeInput = (i: number, type: number, flags: number): void => {
    const s = sections[i] as ObjSection;
    const a = place(s.bytes.length, s.align);
    secAddr[i] = a;
    const os: OutSection = { name: s.name, type, flags, addr: a, size: s.bytes.length, align: s.align };
    if (type !== SHT_NOBITS) os.data = s.bytes.slice();
    secOut[i] = add(os);
  };
  for (const i of groups.rodata) placeInput(i, SHT_PROGBITS, SHF_ALLOC);
  const roEnd = at;

  at = alignUp(at, PAGE);
  const textStart = at;
  for (const i of groups.text) placeInput(i, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR);
  const stubs =
    stubNames.length > 0
      ? add({
          name: '.stubs',
          type: SHT_PROGBITS,
          flags: SHF_ALLOC | SHF_EXECINSTR,
          addr: place(stubNames.length * STUB_SIZE, 16),
          size: stubNames.length * STUB_SIZE,
          align: 16,
          data: new Uint8Array(stubNames.length * STUB_SIZE),
        })
      : null;
  const textEnd = at;

  at = alignUp(at, PAGE);
  const rwStart = at;
  const dynEntries = needed.length + (soname >= 0 ? 1 : 0) + 9 + (o.kind === 'exe' ? 1 : 0) + (relCount > 0 ? 4 : 0);
  const dynamicSize = dynEntries * 16;
  const dynamic = add({
    name: '.dynamic',
    type: SHT_DYNAMIC,
    flags: SHF_ALLOC | SHF_WRITE,
    addr: place(dynamicSize, 8),
    size: dynamicSize,
    align: 8,
    entsize: 16,
  });
  const gotSize = slotNames.length * 8;
  const got =
    gotSize > 0
      ? add({
          name: '.got',
          type: SHT_PROGBITS,
          flags: SHF_ALLOC | SHF_WRITE,
          addr: place(gotSize, 8),
          size: gotSize,
          align: 8,
          entsize: 8,
        })
      : null;
  for (const i of groups.data) placeInput(i, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE);
  const rwFileEnd = at;
  for (const i of groups.bss) placeInput(i, SHT_NOBITS, SHF_ALLOC | SHF_WRITE);
  const rwEnd = at;

  // --- Resolution.
  const symAddr = (name: string): number | undefined => {
    const d = defined.get(name);
    return d === undefined ? undefined : (secAddr[d.section] as number) + d.offset;
  };
  const slotAddr = new Map<string, number>(slotNames.map((n, i) => [n, (got?.addr ?? 0) + i * 8]));
  const stubAddr = new Map<string, number>(stubNames.map((n, i) => [n, (stubs?.addr ?? 0) + i * STUB_SIZE]));
  const dynRelocs: DynReloc[] = [];
  const relative: DynReloc[] = [];

  sections.forEach((s, si) => {
    const os = secOut[si];
    for (const r of s.relocs) {
      if (!os?.data) throw new ElfError(`relocation in ${s.name}, which has no contents`);
      const P = (secAddr[si] as number) + r.offset;
      const dv = new DataView(os.data.buffer, os.data.byteOffset);
      const S = symAddr(r.symbol);
      const put32 = (v: number): void => {
        if (v < -2147483648 || v > 2147483647) throw new ElfError(`${r.symbol}: displacement out of range`);
        dv.setInt32(r.offset, v, true);
      };
      switch (r.type) {
        case 'pc32':
          put32((S ?? (stubAddr.get(r.symbol) as number)) + r.addend - P);
          break;
        case 'gotpc32':
          put32((slotAddr.get(r.symbol) as number) + r.addend - P);
          break;
        case 'abs64':
          if (!(os.flags & SHF_WRITE)) {
            throw new ElfError(`absolute address of ${r.symbol} in read-only ${s.name}: use a RIP-relative reference`);
          }
          if (S !== undefined) {
            dv.setBigUint64(r.offset, BigInt(S + r.addend), true);
            relative.push({ at: P, type: R_X86_64_RELATIVE, sym: 0, addend: S + r.addend });
          } else {
            dynRelocs.push({ at: P, type: R_X86_64_64, sym: dynIndex.get(r.symbol) as number, addend: r.addend });
          }
          break;
        case 'abs32':
        case 'abs32s':
          throw new ElfError(`32-bit absolute address of ${r.symbol} cannot be position-independent`);
      }
    }
  });
  for (const n of slotNames) {
    const S = symAddr(n);
    const G = slotAddr.get(n) as number;
    if (S !== undefined) relative.push({ at: G, type: R_X86_64_RELATIVE, sym: 0, addend: S });
    else dynRelocs.push({ at: G, type: R_X86_64_GLOB_DAT, sym: dynIndex.get(n) as number, addend: 0 });
  }
  if (stubs?.data) {
    const data = stubs.data;
    stubNames.forEach((n, i) => {
      writeImportStub(data, i * STUB_SIZE, stubs.addr + i * STUB_SIZE, slotAddr.get(n) as number);
    });
  }

  // --- The image.
  const shstr = new StringTable();
  const strtab = new StringTable();
  const locals = obj.symbols.filter((s) => !s.global && !s.name.startsWith('.L'));
  const globals = obj.symbols.filter((s) => s.global);
  const symtabCount = 1 + locals.length + globals.length;
  const symtabData = new Image(symtabCount * 24);
  const symType = (section: number): number => (sections[section]?.kind === 'text' ? STT_FUNC : STT_OBJECT);
  [...locals, ...globals].forEach((s, i) => {
    const p = (i + 1) * 24;
    symtabData.u32(p, strtab.add(s.name));
    symtabData.u8(p + 4, ((s.global ? STB_GLOBAL : STB_LOCAL) << 4) | symType(s.section));
    symtabData.u16(p + 6, 0); // patched below to the output section index
    symtabData.u64(p + 8, (secAddr[s.section] as number) + s.offset);
  });
  const strtabData = strtab.bytes();
  const symtab = {
    name: '.symtab',
    type: SHT_SYMTAB,
    flags: 0,
    addr: 0,
    size: symtabCount * 24,
    align: 8,
    entsize: 24,
    info: 1 + locals.length,
    data: symtabData.bytes,
  };
  const strtabSec = {
    name: '.strtab',
    type: SHT_STRTAB,
    flags: 0,
    addr: 0,
    size: strtabData.length,
    align: 1,
    data: strtabData,
  };
  for (const s of out) shstr.add(s.name);
  shstr.add('.symtab');
  shstr.add('.strtab');
  shstr.add('.shstrtab');
  const shstrData = shstr.bytes();

  let fileAt = rwFileEnd;
  const symtabOff = alignUp(fileAt, 8);
  fileAt = symtabOff + symtab.size;
  const strtabOff = fileAt;
  fileAt += strtabData.length;
  const shstrOff = fileAt;
  fileAt += shstrData.length;
  const shoff = alignUp(fileAt, 8);
  const shnum = out.length + 4;
  const img = new Image(shoff + shnum * 64);

  // Section indices in the output (1-based after the null section).
  const outIndex = (s: OutSection): number => out.indexOf(s) + 1;
  const dynsymIdx = outIndex(dynsym);
  const dynstrIdx = outIndex(dynstrSec);
  hash.link = dynsymIdx;
  dynsym.link = dynstrIdx;
  dynamic.link = dynstrIdx;
  if (rela) {
    rela.link = dynsymIdx;
  }
  [...locals, ...globals].forEach((s, i) => {
    const os = secOut[s.section];
    symtabData.u16((i + 1) * 24 + 6, os ? outIndex(os) : 0);
  });

  // .dynsym and .hash
  const dsym = new Image(dynsymSize);
  dynNames.forEach((n, i) => {
    if (i === 0) return;
    const p = i * 24;
    dsym.u32(p, dynstr.add(n));
    const a = symAddr(n);
    if (a === undefined) {
      dsym.u8(p + 4, (STB_GLOBAL << 4) | STT_NOTYPE);
    } else {
      const d = defined.get(n) as { section: number };
      dsym.u8(p + 4, (STB_GLOBAL << 4) | symType(d.section));
      dsym.u16(p + 6, outIndex(secOut[d.section] as OutSection));
      dsym.u64(p + 8, a);
    }
  });
  dynsym.data = dsym.bytes;
  const hsh = new Image(hashSize);
  hsh.u32(0, nbucket);
  hsh.u32(4, dynNames.length);
  dynNames.forEach((n, i) => {
    if (i === 0) return;
    const b = sysvHash(n) % nbucket;
    // Prepend i to bucket b's chain.
    const head = hsh.view.getUint32(8 + b * 4, true);
    hsh.u32(8 + nbucket * 4 + i * 4, head);
    hsh.u32(8 + b * 4, i);
  });
  hash.data = hsh.bytes;

  // .rela.dyn: RELATIVE first (DT_RELACOUNT lets ld.so process them fast).
  if (rela) {
    const rl = new Image(relaSize);
    [...relative, ...dynRelocs].forEach((r, i) => {
      rl.u64(i * 24, r.at);
      rl.u64(i * 24 + 8, (BigInt(r.sym) << 32n) | BigInt(r.type));
      rl.u64(i * 24 + 16, r.addend);
    });
    rela.data = rl.bytes;
  }

  // .dynamic
  const dyn = new Image(dynamicSize);
  let d = 0;
  const dt = (tag: number, val: number): void => {
    dyn.u64(d, tag);
    dyn.u64(d + 8, val);
    d += 16;
  };
  for (const n of needed) dt(DT_NEEDED, n);
  if (soname >= 0) dt(DT_SONAME, soname);
  dt(DT_HASH, hash.addr);
  dt(DT_STRTAB, dynstrSec.addr);
  dt(DT_SYMTAB, dynsym.addr);
  dt(DT_STRSZ, dynstrData.length);
  dt(DT_SYMENT, 24);
  if (rela) {
    dt(DT_RELA, rela.addr);
    dt(DT_RELASZ, relaSize);
    dt(DT_RELAENT, 24);
    dt(DT_RELACOUNT, relative.length);
  }
  if (o.kind === 'exe') dt(DT_DEBUG, 0);
  dt(DT_FLAGS, DF_BIND_NOW);
  dt(DT_FLAGS_1, DF_1_NOW | (o.kind === 'exe' ? DF_1_PIE : 0));
  dt(DT_NULL, 0);
  dt(DT_NULL, 0);
  if (d !== dynamicSize) throw new ElfError('internal: .dynamic size mismatch');
  dynamic.data = dyn.bytes;

  // Contents.
  for (const s of out) if (s.data && s.type !== SHT_NOBITS) img.set(s.addr, s.data);
  img.set(symtabOff, symtabData.bytes);
  img.set(strtabOff, strtabData);
  img.set(shstrOff, shstrData);

  // ELF header.
  img.set(0, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
  img.u16(16, ET_DYN);
  img.u16(18, EM_X86_64);
  img.u32(20, 1);
  let entry = 0;
  if (o.entry !== null) {
    const e = symAddr(o.entry);
    if (e === undefined) throw new ElfError(`entry symbol ${o.entry} is not defined`);
    entry = e;
  }
  img.u64(24, entry);
  img.u64(32, phdrAt);
  img.u64(40, shoff);
  img.u32(48, 0);
  img.u16(52, 64);
  img.u16(54, 56);
  img.u16(56, phnum);
  img.u16(58, 64);
  img.u16(60, shnum);
  img.u16(62, shnum - 1);

  // Program headers.
  let ph = phdrAt;
  const phdr = (type: number, flags: number, off: number, filesz: number, memsz: number, align: number): void => {
    img.u32(ph, type);
    img.u32(ph + 4, flags);
    img.u64(ph + 8, off);
    img.u64(ph + 16, off);
    img.u64(ph + 24, off);
    img.u64(ph + 32, filesz);
    img.u64(ph + 40, memsz);
    img.u64(ph + 48, align);
    ph += 56;
  };
  if (o.kind === 'exe') {
    phdr(PT_PHDR, PF_R, phdrAt, phnum * 56, phnum * 56, 8);
    const ip = interp as OutSection;
    phdr(PT_INTERP, PF_R, ip.addr, ip.size, ip.size, 1);
  }
  phdr(PT_LOAD, PF_R, 0, roEnd, roEnd, PAGE);
  phdr(PT_LOAD, PF_R | PF_X, textStart, textEnd - textStart, textEnd - textStart, PAGE);
  phdr(PT_LOAD, PF_R | PF_W, rwStart, rwFileEnd - rwStart, rwEnd - rwStart, PAGE);
  phdr(PT_DYNAMIC, PF_R | PF_W, dynamic.addr, dynamicSize, dynamicSize, 8);
  phdr(PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 16);

  // Section headers.
  const all: OutSection[] = [
    ...out,
    { ...symtab, addr: 0, link: out.length + 2 },
    { ...strtabSec, addr: 0 },
    { name: '.shstrtab', type: SHT_STRTAB, flags: 0, addr: 0, size: shstrData.length, align: 1 },
  ];
  const fileOffsets = [...out.map((s) => s.addr), symtabOff, strtabOff, shstrOff];
  all.forEach((s, i) => {
    const p = shoff + (i + 1) * 64;
    img.u32(p, shstr.add(s.name));
    img.u32(p + 4, s.type);
    img.u64(p + 8, s.flags);
    img.u64(p + 16, s.addr);
    img.u64(p + 24, fileOffsets[i] as number);
    img.u64(p + 32, s.size);
    img.u32(p + 40, s.link ?? 0);
    img.u32(p + 44, s.info ?? 0);
    img.u64(p + 48, s.align);
    img.u64(p + 56, s.entsize ?? 0);
  });
  return img.bytes;
}
