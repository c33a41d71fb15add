/**
 * Byte-for-byte comparison of our text assembler with GNU `as`: every
 * section's bytes and every relocation (normalized: a local label becomes
 * section + offset, as GNU `as` writes it). Returns readable differences,
 * each naming the source line where it starts.
 */

import type { ObjectCode, RelocType } from '../../src/x86/index.js';
import { type AsmSyntaxError, assembleText } from '../../src/x86/text/index.js';
import { gnuAssemble, R_X86_64 } from './gnu.js';
import { hex } from './hex.js';

const TYPES: Record<RelocType, number[]> = {
  pc32: [R_X86_64.PC32, R_X86_64.PLT32],
  gotpc32: [R_X86_64.GOTPCREL, R_X86_64.GOTPCRELX, R_X86_64.REX_GOTPCRELX],
  abs64: [R_X86_64[64]],
  abs32: [R_X86_64[32]],
  abs32s: [R_X86_64['32S']],
};

/** Assembles with both; returns differences (empty when identical). Our errors are thrown. */
export function diffWithGnu(source: string): string[] {
  let ours: ObjectCode;
  try {
    ours = assembleText(source, { listing: true }).object;
  } catch (e) {
    const errs = (e as AsmSyntaxError).errors;
    throw new Error(errs ? errs.map((x) => x.message).join('\n') : String(e));
  }
  const gnu = gnuAssemble(source);
  const diffs: string[] = [];
  const lines = source.split('\n');
  const lineAt = (sec: number, off: number): string => {
    let best: [number, number] | null = null;
    for (const [tag, s, o] of ours.marks) {
      if (s === sec && o <= off && (best === null || o >= best[1])) best = [tag, o];
    }
    return best ? `line ${best[0]}: ${lines[best[0] - 1]?.trim()}` : '?';
  };
  const names = new Set<string>();
  for (const s of ours.sections) if (s.bytes.length > 0) names.add(s.name);
  // Sections GNU as adds for .ident, .cfi_* and notes: not modelled here.
  const skip = /^\.(note|comment|eh_frame|debug)/;
  for (const [n, s] of gnu) if (s.bytes.length > 0 && !skip.test(n)) names.add(n);
  const symbols = new Map(ours.symbols.map((s) => [s.name, s]));
  for (const name of names) {
    const i = ours.sections.findIndex((s) => s.name === name);
    const mine = ours.sections[i];
    const theirs = gnu.get(name);
    const a = mine?.bytes ?? new Uint8Array(0);
    const b = theirs?.bytes ?? new Uint8Array(0);
    let d = 0;
    while (d < a.length && d < b.length && a[d] === b[d]) d++;
    if (d < a.length || d < b.length) {
      diffs.push(
        `${name}+0x${d.toString(16)} (${lineAt(i, d)}): ours ${hex(a.subarray(d, d + 12))} | gnu ${hex(b.subarray(d, d + 12))}`,
      );
      continue;
    }
    const want = (theirs?.relocs ?? []).map((r) => `${r.offset}:${r.type}:${r.symbol}${sign(r.addend)}`).sort();
    const got = (mine?.relocs ?? [])
      .map((r) => {
        const s = symbols.get(r.symbol);
        const target =
          s && !s.global
            ? `${ours.sections[s.section]?.name}${sign(s.offset + r.addend)}`
            : `${r.symbol}${sign(r.addend)}`;
        const theirType = (theirs?.relocs ?? []).find((x) => x.offset === r.offset)?.type;
        const type = theirType !== undefined && TYPES[r.type].includes(theirType) ? theirType : `${r.type}?`;
        return `${r.offset}:${type}:${target}`;
      })
      .sort();
    if (want.join() !== got.join()) diffs.push(`${name} relocations: ours ${got.join(' ')} | gnu ${want.join(' ')}`);
  }
  return diffs;
}

function sign(n: number): string {
  return n === 0 ? '' : n > 0 ? `+${n}` : `${n}`;
}
