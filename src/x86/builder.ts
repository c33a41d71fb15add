/**
 * The assembler as a builder: `AssemblerCore` plus one method per mnemonic
 * of the instruction table (`a.mov(rax, 1)`, `a.vfmadd231pd(ymm0, ymm1, ymm2)`),
 * typed by the operand kinds of the mnemonic's rows (methods.ts, generated
 * from the table).
 */

import { AssemblerCore } from './assembler.js';
import { MNEMONICS, type MnemonicMethods } from './methods.js';
import type { Operand } from './operands.js';
import { type FormMemo, memoFor } from './select.js';

export type { ConditionName } from './forms.js';
export { MNEMONICS, type Mnemonic, type MnemonicMethods } from './methods.js';

export interface Assembler extends MnemonicMethods {}

/** The builder. See `AssemblerCore` for labels, sections, data and `finish()`. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the mnemonic methods are installed on the prototype below
export class Assembler extends AssemblerCore {}

/**
 * The operands of a call, by count: `emitWith` reads them and keeps none
 * (fixups keep labels, not operand lists), so one array per count serves
 * every call instead of a new one each.
 */
const OPS: Operand[][] = [[], [0], [0, 0], [0, 0, 0], [0, 0, 0, 0]];

for (const m of MNEMONICS as readonly string[]) {
  // The memo (and with it the table) is made at the first call, not at import.
  let memo: FormMemo | null = null;
  Object.defineProperty(Assembler.prototype, m, {
    value: function (this: Assembler, a: Operand, b: Operand, c: Operand, d: Operand) {
      if (memo === null) memo = memoFor(m);
      // biome-ignore lint/complexity/noArguments: the count of operands, without making an array of them
      const n = arguments.length;
      // biome-ignore lint/complexity/noArguments: more than four operands: no form takes them, the encoder says so
      if (n > 4) return this.emitWith(memo, Array.from(arguments as ArrayLike<Operand>));
      const ops = OPS[n] as Operand[];
      if (n > 0) ops[0] = a;
      if (n > 1) ops[1] = b;
      if (n > 2) ops[2] = c;
      if (n > 3) ops[3] = d;
      return this.emitWith(memo, ops);
    },
    writable: true,
    configurable: true,
  });
}
