/**
 * C prototypes: parses `double cblas_ddot(int n, const double *x, int incx,
 * const double *y, int incy)` into the signature that trampoline generators,
 * the System V classification and argument marshallers share.
 *
 * It reads what a C compiler reads: parameter names or none, `const char *`,
 * pointers to structs by name (opaque unless a layout is known), structs and
 * unions by value from a registry, function pointers (`int (*cmp)(const void *,
 * const void *)`), arrays as parameters (pointers), and `...`. What a C
 * compiler rejects is a `PrototypeError` saying what and where: `unsigned
 * double`, `long long long`, a function named `char`, `void` next to other
 * parameters, a parameter declared twice.
 */

import { PrototypeError, TypeNameError } from './errors.js';
import { layoutKey } from './layout.js';
import {
  apply,
  type Declarator,
  declarator,
  describe,
  fail,
  functionType,
  type Parser,
  parser,
  peek,
  type StructRegistry,
  specifiers,
  type TypeNode,
  toCType,
  typeNameNode,
} from './syntax.js';
import { type CType, scalarFromTable } from './types.js';

export type { StructRegistry } from './syntax.js';

export interface Param {
  readonly type: CType;
  readonly name: string | null;
}

export interface Signature {
  readonly name: string;
  readonly ret: CType;
  readonly params: readonly Param[];
  /** Canonical text: the key trampolines are cached by (names dropped, structs by their layout key). */
  readonly key: string;
  /** The prototype ends in `...`: `params` beyond the first `fixed` are one call's extra arguments (`withVarargs`). */
  readonly variadic: boolean;
  /** Parameters declared before `...` (all of them when not variadic). */
  readonly fixed: number;
}

export interface PrototypeOptions {
  /** Structs and unions known by name, for use by value (`struct pair f(struct pair)`) and behind pointers. */
  readonly structs?: StructRegistry;
  /** Refuse more parameters than this (a caller's argument block may hold only so many). */
  readonly maxParams?: number;
}

/** The part of a key for one type: its kind, or the layout key of a struct by value. */
function kindKey(t: CType): string {
  return t.kind === 'struct' && t.layout ? `struct${layoutKey(t.layout)}` : t.kind;
}

export function signatureKey(ret: CType, params: readonly Param[], variadic: boolean, fixed: number): string {
  const kinds = params.map((p) => kindKey(p.type));
  if (variadic) kinds.splice(fixed, 0, '...');
  return `${kindKey(ret)}(${kinds.join(',')})`;
}

/** Parses `RET NAME(PARAMS)`; throws `PrototypeError` (a TypeError) on anything it cannot call safely. */
export function parsePrototype(proto: string, options: PrototypeOptions = {}): Signature {
  if (typeof proto !== 'string') throw new TypeError('a C prototype must be a string');
  const p = parser(proto, PrototypeError, options.structs);
  const specs = specifiers(p, { storage: ['extern'] });
  const d = declarator(p);
  if (peek(p).text === ';') p.i++;
  const end = peek(p);
  if (end.type !== 'end') fail(p, end.pos, `unexpected ${describe(end)} after the prototype`);
  const fn = functionOf(p, d, specs);
  const f = functionType(p, fn);
  if (options.maxParams !== undefined && f.params.length > options.maxParams)
    fail(p, fn.params[options.maxParams]?.pos ?? fn.pos, `more than ${options.maxParams} parameters`);
  const params: Param[] = f.params.map((q) => ({ type: q.type, name: q.name }));
  return {
    name: d.name as string,
    ret: f.ret,
    params,
    key: signatureKey(f.ret, params, f.variadic, params.length),
    variadic: f.variadic,
    fixed: params.length,
  };
}

/** The function a prototype's declarator declares: its name must be the one that takes the parameters. */
function functionOf(p: Parser, d: Declarator, specs: ReturnType<typeof specifiers>): TypeNode & { t: 'fn' } {
  const last = d.derive[d.derive.length - 1];
  if (last === undefined || last.t !== 'fn') {
    if (d.name === null) fail(p, d.namePos, "expected 'type name(parameters)'");
    fail(p, peek(p).pos, `expected '(' and the parameters after '${d.name}'`);
  }
  if (d.name === null) {
    if (specs.loneName && specs.type === null) fail(p, specs.pos, 'missing return type');
    fail(p, last.pos, 'missing function name');
  }
  const ret = apply({ t: 'base', specs }, d.derive.slice(0, -1));
  return { t: 'fn', ret, params: last.params, variadic: last.variadic, pos: last.pos };
}

/**
 * One call of a variadic function: `sig`'s fixed parameters followed by the
 * types of this call's extra arguments, after C's default promotions (`float`
 * travels as `double`, `bool`, `char` and `short` as `int`).
 */
export function withVarargs(
  sig: Signature,
  types: readonly (string | CType)[],
  options: PrototypeOptions = {},
): Signature {
  if (!sig.variadic) throw new TypeError(`${sig.name} is not variadic: its prototype has no '...'`);
  const extra = types.map((t, k): Param => {
    const type = typeof t === 'string' ? parseType(t, options, 'param') : t;
    if (type.kind === 'void') throw new TypeError(`variadic argument ${k + 1} of ${sig.name}: 'void' is not a value`);
    if (type.kind === 'f80')
      throw new TypeError(`variadic argument ${k + 1} of ${sig.name}: long double is not supported`);
    if (type.kind === 'struct' && !type.layout)
      throw new TypeError(`variadic argument ${k + 1} of ${sig.name}: ${type.name} needs its layout`);
    return { type: promoted(type), name: null };
  });
  const params = [...sig.params.slice(0, sig.fixed), ...extra];
  if (options.maxParams !== undefined && params.length > options.maxParams)
    throw new TypeError(`${sig.name}: more than ${options.maxParams} arguments`);
  return { ...sig, params, key: signatureKey(sig.ret, params, true, sig.fixed) };
}

/** C's default argument promotions, for the arguments that match `...`. */
function promoted(t: CType): CType {
  if (t.kind === 'f32') return scalarFromTable('double') as CType;
  if (t.kind === 'bool' || t.kind === 'i8' || t.kind === 'u8' || t.kind === 'i16' || t.kind === 'u16')
    return scalarFromTable('int') as CType;
  return t;
}

/**
 * A C type name (`double`, `const char *`, `struct timeval *`, `int (*)(int)`).
 * `role` 'param' applies a parameter's adjustments (an array is a pointer).
 */
export function parseType(text: string, options: PrototypeOptions = {}, role: 'type' | 'param' = 'type'): CType {
  if (typeof text !== 'string') throw new TypeError('a C type must be a string');
  const p = parser(text, TypeNameError, options.structs);
  const node = typeNameNode(p, role === 'param' ? { storage: ['register'] } : {});
  return toCType(p, node, role, 0);
}

/** The C scalar type names `alloc` accepts (integers, `float`, `double`), or null. Never throws. */
export function scalarType(name: string): CType | null {
  try {
    const t = parseType(name);
    return (t.category === 'int' || t.category === 'float') && t.kind !== 'f80' ? t : null;
  } catch {
    return null;
  }
}
