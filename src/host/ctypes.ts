/**
 * The C prototypes the host can call today, from the one parser of
 * src/abi: the abi layer reads every C spelling (structs by value,
 * function pointers, `...`); this file narrows it to the scalar signatures
 * the channel's trampolines carry, with a TypeError saying what is not
 * supported yet and how to call it instead.
 */

import {
  type CKind,
  type CType,
  isFloatKind,
  type Param,
  parsePrototype as parseC,
  type Signature,
  scalarType as scalarC,
} from '../abi/index.js';

export type { CKind, CType, Param, Signature };
export { isFloatKind };

/** Parameters a call may have (its argument record is at most 384 bytes). */
export const MAX_PARAMS = 32;

function unsupported(proto: string, why: string): TypeError {
  return new TypeError(`invalid C prototype '${proto}': ${why}`);
}

/** Parses `RET NAME(PARAMS)`. Throws TypeError on anything it cannot call safely. */
export function parsePrototype(proto: string): Signature {
  const sig = parseC(proto, { maxParams: MAX_PARAMS });
  if (sig.variadic) {
    throw unsupported(
      proto,
      "variadic functions are not supported as such: spell out the types of the call's arguments",
    );
  }
  for (const t of [sig.ret, ...sig.params.map((p) => p.type)]) {
    if (t.kind === 'struct') throw unsupported(proto, `${t.name} by value is not supported (pass a pointer)`);
    if (t.kind === 'f80') throw unsupported(proto, 'long double is not supported');
    if (t.function) throw unsupported(proto, 'function pointer parameters are not supported');
  }
  return sig;
}

/** The C scalar type names `sc.alloc` accepts, with their kinds. */
export function scalarType(name: string): CType | null {
  return scalarC(name);
}
