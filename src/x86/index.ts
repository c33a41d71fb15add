/** The x86-64 assembler: builder API, instruction table and text front end. */

export * from './assembler.js';
export * from './builder.js';
export { ByteBuf, encode, type Fixup, selectForm } from './encoder.js';
export { conditions, type Form, formsByMnemonic, mnemonics } from './forms.js';
export * from './listing.js';
export * from './operands.js';
export {
  AsmSyntaxError,
  assembleText,
  feedText,
  type TextOptions,
  type TextResult,
  type TextUnit,
} from './text/index.js';
