/**
 * The C prototypes the host can call today, from the one parser of
 * src/abi: the abi layer reads every C spelling (structs by value,
 * function pointers, `...`); this file narrows it to what the channel's
 * trampolines carry (scalars, pointers, structs and unions whose layout is
 * known), with a TypeError saying what is not supported yet and how to
 * call it instead.
 */

import {
  CDeclarationError,
  type CKind,
  type CType,
  isFloatKind,
  type Param,
  parsePrototype as parseC,
  type Signature,
  type StructRegistry,
  scalarType as scalarC,
} from '../abi/index.js';

export type { CKind, CType, Param, Signature };
export { isFloatKind };

/** Parameters a call may have (its argument record is at most 384 bytes). */
export const MAX_PARAMS = 32;

function unsupported(proto: string, why: string): TypeError {
  return new TypeError(`invalid C prototype '${proto}': ${why}`);
}

/** A struct by value without a layout: what to do (not "pass a pointer": the function takes the struct itself). */
const needsLayout = (name: string): string =>
  `${name} by value is not supported without its layout: declare it first with sc.struct()`;

/** Parses `RET NAME(PARAMS)`. Throws TypeError on anything it cannot call safely. */
export function parsePrototype(proto: string, structs?: StructRegistry): Signature {
  let sig: Signature;
  try {
    sig = parseC(proto, { maxParams: MAX_PARAMS, structs });
  } catch (e) {
    // The abi layer asks for the layout of a struct it does not know; here that is sc.struct().
    const byValue = e instanceof CDeclarationError && /^((struct|union) \S+) by value /.exec(e.reason);
    if (byValue) throw unsupported(proto, needsLayout(byValue[1] as string));
    throw e;
  }
  if (sig.variadic) {
    const fixed = sig.params.slice(0, sig.fixed).map((p) => p.type.name);
    const example = `${sig.ret.name} ${sig.name}(${[...fixed, 'int', 'double'].join(', ')})`;
    throw unsupported(
      proto,
      `'...' is not supported by func(); spell out the types of the arguments of a call instead and it works (e.g. '${example}' for an int and a double)`,
    );
  }
  for (const t of [sig.ret, ...sig.params.map((p) => p.type)]) {
    if (t.kind === 'struct' && !t.layout) throw unsupported(proto, needsLayout(t.name));
    if (t.kind === 'f80') throw unsupported(proto, 'long double is not supported');
  }
  return sig;
}

/** The C scalar type names `sc.alloc` accepts, with their kinds. */
export function scalarType(name: string): CType | null {
  return scalarC(name);
}
