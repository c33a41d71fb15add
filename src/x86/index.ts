/**
 * The x86-64 assembler: builder API, operands and the instruction table.
 * The text front end is its own entry (text/index.ts, `sidecar/x86/text`),
 * so that code which only builds never loads it; importing this module
 * parses nothing (the table is read when the first instruction needs it).
 */

export * from './assembler.js';
export * from './builder.js';
export { ByteBuf, encode, type Fixup, selectForm } from './encoder.js';
export { conditions, type Form, formsByMnemonic } from './forms.js';
export * from './listing.js';
/** All mnemonics the table knows, in table order (methods.ts lists them, so the table need not be parsed). */
export { MNEMONICS as mnemonics } from './methods.js';
export * from './operands.js';
