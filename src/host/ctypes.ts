/**
 * The C prototypes the host can call today, from the one parser of
 * src/abi: the abi layer reads every C spelling (structs by value,
 * function pointers, `...`); this file narrows it to what the channel's
 * trampolines carry (scalars, pointers, structs and unions whose layout is
 * known), with a TypeError saying what is not supported yet and how to
 * call it instead.
 */

import {
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

/** Parses `RET NAME(PARAMS)`. Throws TypeError on anything it cannot call safely. */
export function parsePrototype(proto: string, structs?: StructRegistry): Signature {
  const sig = parseC(proto, { maxParams: MAX_PARAMS, structs });
  if (sig.variadic) {
    throw unsupported(
      proto,
      "variadic functions are not supported as such: spell out the types of the call's arguments",
    );
  }
  for (const t of [sig.ret, ...sig.params.map((p) => p.type)]) {
    if (t.kind === 'struct' && !t.layout)
      throw unsupported(proto, `${t.name} by value needs its layout: declare it with sc.struct(), or pass a pointer`);
    if (t.kind === 'f80') throw unsupported(proto, 'long double is not supported');
  }
  return sig;
}

/** The C scalar type names `sc.alloc` accepts, with their kinds. */
export function scalarType(name: string): CType | null {
  return scalarC(name);
}
