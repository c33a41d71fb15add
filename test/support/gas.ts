/**
 * The references the assembler is tested against: GNU `as` (Intel syntax) and
 * `objdump -d -M intel`, run on this machine in a temporary directory. Test
 * support only; product code never shells out to binutils.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GnuReloc, readElfObject } from './gnu.js';
import { withTempDir } from './tmp.js';

/** What we read back from the object GNU `as` wrote. */
export interface GasObject {
  /** The raw bytes of `.text`. */
  text: Uint8Array;
  /** Symbols defined in `.text`, by name, to their offsets. */
  symbols: Map<string, number>;
  /** Relocations against `.text` (`.rela.text`). */
  relocs: GnuReloc[];
  /** Warnings by 1-based source line (of the text given to `gas`). */
  warnings: Map<number, string>;
}

/** GNU `as` refused the input; `errors` (and `warnings`) map 1-based source lines to messages. */
export class GasError extends Error {
  override name = 'GasError';
  constructor(
    message: string,
    readonly errors: Map<number, string>,
    readonly warnings: Map<number, string>,
  ) {
    super(message);
  }
}

/** Assembles `source` (prefixed with `.intel_syntax noprefix`) with the default options of `as`. */
export function gas(source: string): GasObject {
  return withTempDir('sidecar-gas-', (dir) => {
    const src = join(dir, 'in.s');
    const obj = join(dir, 'out.o');
    writeFileSync(src, `.intel_syntax noprefix\n${source}\n`);
    const r = spawnSync('as', ['-o', obj, src], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.error) throw r.error;
    const errors = new Map<number, string>();
    const warnings = new Map<number, string>();
    for (const m of r.stderr.matchAll(/^[^:\n]*:(\d+): (Error|Warning): (.*)$/gm)) {
      // Line numbers count the `.intel_syntax` line we prepended.
      (m[2] === 'Error' ? errors : warnings).set(Number(m[1]) - 1, m[3] as string);
    }
    if (r.status !== 0) throw new GasError(`as failed:\n${r.stderr.slice(0, 4000)}`, errors, warnings);
    const text = readElfObject(readFileSync(obj)).get('.text');
    if (!text) throw new Error('GNU as wrote no .text');
    return { text: text.bytes, symbols: text.symbols, relocs: text.relocs, warnings };
  });
}

/** The first line of `as --version` (the encodings are those of GNU as 2.40). */
export function gasVersion(): string {
  return execFileSync('as', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? '';
}

/** `objdump -d -M intel` of `code` placed in the `.text` of a minimal ELF object. */
export function objdump(code: Uint8Array): string {
  return withTempDir('sidecar-gas-', (dir) => {
    const obj = join(dir, 'code.o');
    writeFileSync(obj, minimalElf(code));
    // -z: do not abbreviate runs of zero bytes; a wide byte column keeps one line per instruction.
    return execFileSync('objdump', ['-d', '-z', '-M', 'intel', '--insn-width=16', obj], {
      encoding: 'utf8',
      maxBuffer: 256 << 20,
    });
  });
}

/** One decoded instruction of an objdump listing. */
export interface Disassembled {
  offset: number;
  bytes: number[];
  text: string;
}

/** The instruction lines of an `objdump -d` listing. */
export function parseObjdump(listing: string): Disassembled[] {
  const out: Disassembled[] = [];
  for (const line of listing.split('\n')) {
    const m = /^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*(?:\t(.*))?$/.exec(line);
    if (!m) continue;
    const bytes = (m[2] as string).split(' ').map((b) => Number.parseInt(b, 16));
    const text = (m[3] ?? '').trim();
    const prev = out[out.length - 1];
    if (text === '' && prev !== undefined) prev.bytes.push(...bytes);
    else out.push({ offset: Number.parseInt(m[1] as string, 16), bytes, text });
  }
  return out;
}

/** An ET_REL object with `code` as `.text` and nothing else: enough for objdump. */
function minimalElf(code: Uint8Array): Uint8Array {
  const shstr = new TextEncoder().encode('\0.text\0.shstrtab\0');
  const textOff = 64;
  const strOff = textOff + code.length;
  const shoff = (strOff + shstr.length + 7) & ~7;
  const out = new Uint8Array(shoff + 3 * 64);
  const dv = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
  dv.setUint16(0x10, 1, true); // ET_REL
  dv.setUint16(0x12, 62, true); // EM_X86_64
  dv.setUint32(0x14, 1, true);
  dv.setBigUint64(0x28, BigInt(shoff), true);
  dv.setUint16(0x34, 64, true);
  dv.setUint16(0x3a, 64, true);
  dv.setUint16(0x3c, 3, true);
  dv.setUint16(0x3e, 2, true);
  out.set(code, textOff);
  out.set(shstr, strOff);
  const sh = (i: number, name: number, type: number, flags: number, off: number, size: number, align: number) => {
    const o = shoff + i * 64;
    dv.setUint32(o, name, true);
    dv.setUint32(o + 4, type, true);
    dv.setBigUint64(o + 8, BigInt(flags), true);
    dv.setBigUint64(o + 0x18, BigInt(off), true);
    dv.setBigUint64(o + 0x20, BigInt(size), true);
    dv.setBigUint64(o + 0x30, BigInt(align), true);
  };
  sh(1, 1, 1, 6, textOff, code.length, 16); // .text: PROGBITS, ALLOC|EXECINSTR
  sh(2, 7, 3, 0, strOff, shstr.length, 1); // .shstrtab
  return out;
}
