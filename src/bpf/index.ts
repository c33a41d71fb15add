/** Classic BPF: the assembler, its text front end and the decoder (for the jail's seccomp filter). */

export * from './assembler.js';
export { decode, disassemble } from './disassemble.js';
export { allForms, type Form, type OperandKind } from './forms.js';
export { assembleText } from './text.js';
