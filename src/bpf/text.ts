/**
 * The text front end of the BPF assembler, in the syntax of the kernel's
 * `bpf_asm` (which `bpfc` also reads): one instruction per line, an optional
 * `label:` before it, `;` comments, numbers in decimal or 0x hex.
 *
 *   ld [4]
 *   jeq #0xc000003e, ok, kill
 *   ok: ret #0x7fff0000
 *   kill: ret #0x80000000
 */

import {
  A,
  abs,
  BpfAssembler,
  BpfError,
  type BpfProgram,
  imm,
  ind,
  type Label,
  LEN,
  mem,
  msh,
  type Operand,
  type Target,
  X,
} from './assembler.js';
import { isMnemonic } from './forms.js';

const NUMBER = /^(0x[0-9a-f]+|\d+)$/i;

function number(line: number, t: string): number {
  if (!NUMBER.test(t)) throw new BpfError(`line ${line}: '${t}' is not a number`);
  return Number(t);
}

function operand(line: number, t: string): Operand {
  const s = t.replace(/\s+/g, '');
  let m: RegExpMatchArray | null;
  if (s === 'x' || s === 'X') return X;
  if (s === 'a' || s === 'A') return A;
  if (s === '#len' || s === 'len') return LEN;
  if ((m = s.match(/^#(.+)$/))) return imm(number(line, m[1] as string));
  if ((m = s.match(/^M\[(.+)\]$/))) return mem(number(line, m[1] as string));
  if ((m = s.match(/^\[x\+(.+)\]$/i))) return ind(number(line, m[1] as string));
  if ((m = s.match(/^\[(.+)\]$/))) return abs(number(line, m[1] as string));
  if ((m = s.match(/^4\*\(\[(.+)\]&0xf\)$/i))) return msh(number(line, m[1] as string));
  throw new BpfError(`line ${line}: '${t}' is not an operand`);
}

/** Assembles BPF text into a program (a BpfError names the line of a mistake). */
export function assembleText(source: string): BpfProgram {
  const p = new BpfAssembler();
  const labels = new Map<string, Label>();
  const label = (name: string): Label => {
    let l = labels.get(name);
    if (!l) {
      l = p.label(name);
      labels.set(name, l);
    }
    return l;
  };
  source.split('\n').forEach((raw, i) => {
    const line = i + 1;
    let text = (raw.split(';')[0] as string).trim();
    const lm = text.match(/^([A-Za-z_.$][\w.$]*)\s*:(.*)$/);
    if (lm) {
      const l = label(lm[1] as string);
      if (l.at !== null) throw new BpfError(`line ${line}: label ${l.name} is defined twice`);
      p.bind(l);
      text = (lm[2] as string).trim();
    }
    if (text === '') return;
    const sp = text.search(/\s/);
    const mnemonic = (sp < 0 ? text : text.slice(0, sp)).toLowerCase();
    if (!isMnemonic(mnemonic)) throw new BpfError(`line ${line}: unknown mnemonic '${mnemonic}'`);
    const args =
      sp < 0
        ? []
        : text
            .slice(sp + 1)
            .split(',')
            .map((s) => s.trim());
    const isJump = mnemonic.startsWith('j');
    const nOperands = mnemonic === 'ja' ? 0 : isJump ? 1 : args.length;
    const operands = args.slice(0, nOperands).map((a) => operand(line, a));
    const targets: Target[] = args.slice(nOperands).map((a) => (NUMBER.test(a) ? Number(a) : label(a)));
    if (isJump && mnemonic !== 'ja' && targets.length === 1) targets.push(0); // `jeq #k, L`: fall through when false
    try {
      p.emit(mnemonic, operands, targets);
    } catch (e) {
      throw e instanceof BpfError ? new BpfError(`line ${line}: ${e.message}`) : e;
    }
  });
  for (const l of labels.values()) {
    if (l.at === null) throw new BpfError(`label ${l.name} is used but never defined`);
  }
  return p.finish();
}
