/** Classic BPF: the assembler, its text front end and the decoder (for the jail's seccomp filter). */

export {
  A,
  abs,
  BpfAssembler,
  BpfError,
  type BpfProgram,
  encode,
  type Insn,
  imm,
  ind,
  type Label,
  LEN,
  MAX_INSNS,
  mem,
  msh,
  type Operand,
  SCRATCH_WORDS,
  type Target,
  X,
} from './assembler.js';
export { decode, disassemble } from './disassemble.js';
export { allForms, type Form, type OperandKind } from './forms.js';
export { assembleText } from './text.js';
