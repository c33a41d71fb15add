/**
 * The errors of the C layer. Malformed text is a `TypeError` subclass that
 * carries the text, the offset of the offending token and the reason, so a
 * caller can point at it; the message says all three.
 */

/** A C declaration (prototype, type name or struct) that is not valid C, or that Sidecar cannot call. */
export class CDeclarationError extends TypeError {
  /** The text as given. */
  readonly text: string;
  /** Offset (0-based) of the offending token in `text`. */
  readonly position: number;
  /** What is wrong, without the text. */
  readonly reason: string;

  constructor(what: string, text: string, position: number, reason: string) {
    super(`invalid ${what} '${text}': ${reason} (at column ${position + 1})`);
    this.name = new.target.name;
    this.text = text;
    this.position = position;
    this.reason = reason;
  }
}

/** A C prototype (`double cos(double)`) that is not valid C or cannot be called. */
export class PrototypeError extends CDeclarationError {
  constructor(text: string, position: number, reason: string) {
    super('C prototype', text, position, reason);
  }
}

/** A C type name (`const char *`, `char[16]`) that is not valid C. */
export class TypeNameError extends CDeclarationError {
  constructor(text: string, position: number, reason: string) {
    super('C type', text, position, reason);
  }
}

/** A struct or union (a C declaration or the object form) that is not valid or cannot be laid out. */
export class LayoutError extends CDeclarationError {
  constructor(text: string, position: number, reason: string) {
    super('C struct', text, position, reason);
  }
}

/** A signature the System V classification cannot plan (a `long double` result, returned on the x87 stack). */
export class AbiError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'AbiError';
  }
}

export type ErrorClass = new (text: string, position: number, reason: string) => CDeclarationError;
