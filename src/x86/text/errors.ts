/** Errors of the text front end: the one it reports, and the one it throws inside. */

import { AsmError } from '../operands.js';

/** A syntax or encoding error at a place in the source. */
export class AsmSyntaxError extends AsmError {
  override name = 'AsmSyntaxError';
  /** Every error found, this one first. */
  errors: AsmSyntaxError[] = [];
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** What is wrong, without the location. */
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

/** Thrown inside the parser with a source position; turned into AsmSyntaxError. */
export class Fail extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}
