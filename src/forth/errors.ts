/**
 * The error an uncaught THROW in Forth code rejects with, in a file of its
 * own so that the package can export it without loading the Forth.
 */

/** An uncaught THROW in Forth code. The session stays usable. */
export class ForthError extends Error {
  override name = 'ForthError';
  /** The THROW code (negative for the standard ones). */
  readonly code: number;
  /** Line of the evaluated text where it happened (1-based). */
  readonly line: number;
  /** That line, and the position in it. */
  readonly sourceLine: string;
  readonly column: number;
  /** What the evaluation printed before the error. */
  readonly output: string;
  constructor(code: number, message: string, line: number, sourceLine: string, column: number, output = '') {
    super(message);
    this.code = code;
    this.line = line;
    this.sourceLine = sourceLine;
    this.column = column;
    this.output = output;
  }
}
