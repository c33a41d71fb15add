/**
 * The error a Python exception rejects with, in a file of its own so that
 * the package can export it without loading the Python session.
 */

/** A Python exception raised by code run with sc.python() (`message` is its str()); the interpreter goes on. */
export class PythonError extends Error {
  override name = 'PythonError';
  /** The exception's class (`ZeroDivisionError`). */
  readonly type: string;
  /** The formatted traceback, as Python prints it. */
  readonly traceback: string;
  /** What the code printed before the exception. */
  readonly output: string;
  constructor(type: string, message: string, traceback: string, output = '') {
    super(message);
    this.type = type;
    this.traceback = traceback;
    this.output = output;
  }
}
