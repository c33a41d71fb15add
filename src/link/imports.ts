/**
 * Imports of an assembled object: which symbols get an 8-byte address slot
 * and which get a call stub, and the stub itself. Shared by the flat linker
 * (code for the sidecar's LOAD request) and the ELF writer.
 */

import type { ObjectCode } from '../x86/assembler.js';

/**
 * The imports of an object and how its code reaches them, in order of first
 * reference; shared by `linkFlat` and the ELF writer.
 */
export interface ImportPlan {
  /** Symbols referenced but not defined in the object. */
  imports: string[];
  /** Symbols that get an 8-byte slot holding their address: every `@GOTPCREL` target, and every called import. */
  slots: string[];
  /** Called imports (`call`, `jmp`): each gets a stub that jumps through its slot. */
  stubs: string[];
}

export function planImports(obj: ObjectCode): ImportPlan {
  const defined = new Set(obj.symbols.map((s) => s.name));
  const imports = new Set<string>();
  const slots = new Set<string>();
  const stubs = new Set<string>();
  for (const s of obj.sections) {
    for (const r of s.relocs) {
      const internal = defined.has(r.symbol);
      if (!internal) imports.add(r.symbol);
      if (r.type === 'gotpc32') slots.add(r.symbol);
      else if (r.type === 'pc32' && !internal) {
        stubs.add(r.symbol);
        slots.add(r.symbol);
      }
    }
  }
  return { imports: [...imports], slots: [...slots], stubs: [...stubs] };
}

/** The size of an import stub: `jmp qword ptr [rip + slot]` (6 bytes), then two bytes of int3. */
export const STUB_SIZE = 8;

/** Writes at `out[at]` the stub that lies at address `stub` and jumps through the slot at address `slot`. */
export function writeImportStub(out: Uint8Array, at: number, stub: number, slot: number): void {
  out[at] = 0xff;
  out[at + 1] = 0x25;
  new DataView(out.buffer, out.byteOffset).setInt32(at + 2, slot - (stub + 6), true);
  out[at + 6] = 0xcc;
  out[at + 7] = 0xcc;
}
