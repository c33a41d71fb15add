/**
 * The classic BPF decoder: a sock_filter array back into the assembler's
 * text, one line per instruction, jump targets as labels `L<index>` placed
 * where they land (the text assembles back to the same bytes).
 */

import { BpfError, type Insn } from './assembler.js';
import { formOfOpcode } from './forms.js';

/** The instructions of a sock_filter array. */
export function decode(bytes: Uint8Array): Insn[] {
  if (bytes.length % 8 !== 0) throw new BpfError(`a BPF program is 8 bytes per instruction, got ${bytes.length} bytes`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Insn[] = [];
  for (let i = 0; i < bytes.length; i += 8) {
    out.push({
      code: dv.getUint16(i, true),
      jt: dv.getUint8(i + 2),
      jf: dv.getUint8(i + 3),
      k: dv.getUint32(i + 4, true),
    });
  }
  return out;
}

const hex = (k: number): string => `0x${k.toString(16)}`;

/** The program as text: `ld [4]`, `jeq #0xc000003e, L3, L9`, `ret #0x7fff0000`; labels `Ln:` at their lines. */
export function disassemble(program: Uint8Array | readonly Insn[]): string[] {
  const insns = program instanceof Uint8Array ? decode(program) : program;
  const targets = new Set<number>();
  const lines = insns.map((s, i) => {
    const form = formOfOpcode(s.code);
    if (!form) throw new BpfError(`instruction ${i}: unknown opcode ${hex(s.code)}`);
    const ops: string[] = [];
    for (const kind of form.operands) {
      const to = (d: number): string => {
        targets.add(i + 1 + d);
        return `L${i + 1 + d}`;
      };
      switch (kind) {
        case '[k]':
          ops.push(`[${s.k}]`);
          break;
        case '[x+k]':
          ops.push(`[x + ${s.k}]`);
          break;
        case 'M[k]':
          ops.push(`M[${s.k}]`);
          break;
        case '#k':
          ops.push(`#${hex(s.k)}`);
          break;
        case '4*([k]&0xf)':
          ops.push(`4*([${s.k}]&0xf)`);
          break;
        case 'L':
          ops.push(to(s.k));
          break;
        case 'jt':
          ops.push(to(s.jt));
          break;
        case 'jf':
          ops.push(to(s.jf));
          break;
        default:
          ops.push(kind);
      }
    }
    return `${form.mnemonic}${ops.length ? ` ${ops.join(', ')}` : ''}`;
  });
  return lines.map((l, i) => (targets.has(i) ? `L${i}: ${l}` : l));
}
