/**
 * The assembler as a builder: `AssemblerCore` plus one method per mnemonic
 * of the instruction table (`a.mov(rax, 1)`, `a.vfmadd231pd(ymm0, ymm1, ymm2)`),
 * typed by the operand kinds of the mnemonic's rows (methods.ts, generated
 * from the table).
 */

import { MnemonicMethods } from './methods.js';

export type { ConditionName } from './forms.js';
export { MNEMONICS, type Mnemonic, MnemonicMethods } from './methods.js';

/** The builder. See `AssemblerCore` for labels, sections, data and `finish()`. */
export class Assembler extends MnemonicMethods {}
