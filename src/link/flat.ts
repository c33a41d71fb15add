/**
 * Flat linking: lays an assembled object out as one position-independent
 * image for the sidecar's LOAD request. Code and read-only data come first
 * (mapped read+execute), then, from a page boundary, data and bss (read+write).
 * References to imports become 8-byte slots, reached by `jmp [rip + slot]`
 * stubs for calls. An import's address differs from one sidecar process to
 * the next, so the image lists the fields that hold one (`imports`) and
 * the host fills them in for each sidecar it loads the image into; a
 * caller that already knows the addresses may pass them instead. Absolute
 * addresses of the image's own labels are listed as base relocations for
 * the loader to add the load address to.
 */

import type { ObjectCode, ObjSection } from '../x86/assembler.js';
import { AsmError } from '../x86/operands.js';
import { alignUp, PAGE } from './align.js';
import { planImports, STUB_SIZE, writeImportStub } from './imports.js';

export interface FlatImage {
  bytes: Uint8Array;
  /** Bytes from the start that must be mapped read+execute (page-rounded, or 0). */
  execSize: number;
  /** Offsets of 64-bit fields to which the load address is added. */
  relocs: number[];
  /** Offsets of the object's symbols. */
  symbols: Map<string, number>;
  /** 64-bit fields that hold an import's address plus an addend, filled in at each load (none: absent or empty). */
  imports?: readonly ImageImport[];
}

/** A field of an image holding the address of `name` (a symbol of the sidecar's global scope) plus `addend`. */
export interface ImageImport {
  offset: number;
  name: string;
  addend: number;
}

export type ExternalResolver = (name: string) => bigint | number | undefined;

/**
 * Lays `obj` out as a flat image. Without `resolve`, every import is left
 * to the loader (listed in `imports`, its fields zero); with it, every import
 * must resolve (an AsmError names the first that does not).
 */
export function linkFlat(obj: ObjectCode, resolve?: ExternalResolver): FlatImage {
  const order = (k: ObjSection['kind']) => obj.sections.map((s, i) => [s, i] as const).filter(([s]) => s.kind === k);
  const addr = new Array<number>(obj.sections.length).fill(0);
  let at = 0;
  for (const [s, i] of [...order('text'), ...order('rodata')]) {
    at = alignUp(at, s.align);
    addr[i] = at;
    at += s.bytes.length;
  }

  const defined = new Map<string, number>();
  for (const s of obj.symbols) defined.set(s.name, -1);

  // Import slots and call stubs, after the read-only part.
  const plan = planImports(obj);
  for (const n of plan.slots) if (defined.has(n)) throw new AsmError(`GOT reference to local symbol ${n}`);
  const slots = new Map<string, number>();
  const stubs = new Map<string, number>();
  at = alignUp(at, 8);
  for (const n of plan.slots) {
    slots.set(n, at);
    at += 8;
  }
  for (const n of plan.stubs) {
    stubs.set(n, at);
    at += STUB_SIZE;
  }
  const execSize = at > 0 ? alignUp(at, PAGE) : 0;
  at = execSize;
  for (const [s, i] of [...order('data'), ...order('bss')]) {
    at = alignUp(at, s.align);
    addr[i] = at;
    at += s.bytes.length;
  }

  for (const s of obj.symbols) defined.set(s.name, (addr[s.section] as number) + s.offset);
  const bytes = new Uint8Array(at);
  const dv = new DataView(bytes.buffer);
  obj.sections.forEach((s, i) => {
    bytes.set(s.bytes, addr[i] as number);
  });

  const imports: ImageImport[] = [];
  /** The 64-bit field at `at` holds import `name` + addend: written now, or listed for the loader. */
  const external = (at: number, name: string, addend: number): void => {
    if (!resolve) {
      imports.push({ offset: at, name, addend });
      return;
    }
    const v = resolve(name);
    if (v === undefined) throw new AsmError(`unresolved symbol ${name}`);
    dv.setBigUint64(at, BigInt.asUintN(64, BigInt(v) + BigInt(addend)), true);
  };
  for (const [n, off] of slots) external(off, n, 0);
  for (const [n, off] of stubs) writeImportStub(bytes, off, off, slots.get(n) as number);

  const relocs: number[] = [];
  obj.sections.forEach((s, i) => {
    for (const r of s.relocs) {
      const P = (addr[i] as number) + r.offset;
      const S = defined.get(r.symbol);
      switch (r.type) {
        case 'pc32':
          dv.setInt32(P, (S ?? (stubs.get(r.symbol) as number)) + r.addend - P, true);
          break;
        case 'gotpc32':
          dv.setInt32(P, (slots.get(r.symbol) as number) + r.addend - P, true);
          break;
        case 'abs64':
          if (S === undefined) external(P, r.symbol, r.addend);
          else {
            // Applied by the loader before the code pages turn read+execute.
            dv.setBigUint64(P, BigInt(S + r.addend), true);
            relocs.push(P);
          }
          break;
        default:
          throw new AsmError(`32-bit absolute reference to ${r.symbol} in a position-independent image`);
      }
    }
  });
  const symbols = new Map([...defined].filter(([, v]) => v >= 0));
  return imports.length > 0 ? { bytes, execSize, relocs, symbols, imports } : { bytes, execSize, relocs, symbols };
}
