/**
 * The instruction table's lines parsed into forms: a mnemonic, its operand
 * kinds and its opcode; looked up by mnemonic and operand kinds (to encode)
 * and by opcode (to decode).
 */

import { TABLE } from './table.js';

/** An operand kind as the table writes it. */
export type OperandKind = '[k]' | '[x+k]' | 'M[k]' | '#k' | '#len' | 'x' | 'a' | '4*([k]&0xf)' | 'L' | 'jt' | 'jf';

export interface Form {
  mnemonic: string;
  operands: OperandKind[];
  opcode: number;
}

const KINDS: readonly OperandKind[] = ['[k]', '[x+k]', 'M[k]', '#k', '#len', 'x', 'a', '4*([k]&0xf)', 'L', 'jt', 'jf'];

let forms: { byShape: Map<string, Form>; byOpcode: Map<number, Form>; mnemonics: Set<string> } | null = null;

/** `jeq` + `['#k', 'jt', 'jf']` → `jeq #k,jt,jf`. */
export function shapeOf(mnemonic: string, operands: readonly string[]): string {
  return `${mnemonic} ${operands.join(',')}`;
}

function load(): NonNullable<typeof forms> {
  if (forms) return forms;
  const byShape = new Map<string, Form>();
  const byOpcode = new Map<number, Form>();
  const mnemonics = new Set<string>();
  for (const raw of TABLE.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [insn = '', code = ''] = line.split('|').map((s) => s.trim());
    const sp = insn.indexOf(' ');
    const mnemonic = sp < 0 ? insn : insn.slice(0, sp);
    const operands = (sp < 0 ? [] : insn.slice(sp + 1).split(',')).map((s) => s.trim()) as OperandKind[];
    for (const k of operands)
      if (!KINDS.includes(k)) throw new Error(`bpf table: unknown operand kind ${k} in '${line}'`);
    const form = { mnemonic, operands, opcode: Number(code) };
    const shape = shapeOf(mnemonic, operands);
    if (byShape.has(shape) || byOpcode.has(form.opcode)) throw new Error(`bpf table: '${line}' is there twice`);
    byShape.set(shape, form);
    byOpcode.set(form.opcode, form);
    mnemonics.add(mnemonic);
  }
  forms = { byShape, byOpcode, mnemonics };
  return forms;
}

/** The form of a mnemonic with these operand kinds, or undefined. */
export function formOf(mnemonic: string, operands: readonly string[]): Form | undefined {
  return load().byShape.get(shapeOf(mnemonic, operands));
}

/** The form an opcode encodes, or undefined. */
export function formOfOpcode(opcode: number): Form | undefined {
  return load().byOpcode.get(opcode);
}

/** Every form, in table order. */
export function allForms(): Form[] {
  return [...load().byShape.values()];
}

export function isMnemonic(m: string): boolean {
  return load().mnemonics.has(m);
}
