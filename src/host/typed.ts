/**
 * The TypeScript type of a bound function, read from its C prototype at
 * compile time: `lib.func('double cos(double)')` is a
 * `NativeFunction<[x: number], number>`. This is the prototype parser again,
 * written in template literal types, reduced to what TypeScript needs:
 * scalars, pointers (the typed array of the pointee's element type, a bigint
 * or null), `const char *` (a string in, a string or null out) and `void`.
 * What it cannot read (function pointers, `...`, structs by value, a
 * typedef it does not know, a prototype that is not a literal) is `unknown`,
 * and the call is checked when it is made, as before.
 *
 * It follows the runtime's rules (src/abi/types.ts for the typedef names,
 * src/host/marshal.ts for what each parameter takes): the tsc test in
 * test/host/typed.test.ts holds the two together.
 */

import type { FunctionOptions, NativeFunction, WithErrno } from './call.js';
import type { RegionArray } from './marshal.js';

/** What a word of a C type is made into: the machine kind, or `opaque` (a pointee known by name only). */
type Kind = 'f64' | 'f32' | 'i8' | 'u8' | 'char' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64' | 'bool' | 'void';
type BaseKind = Kind | 'opaque' | 'unknown';

/** Typedef names the runtime knows without a header (src/abi/types.ts), by kind (a test compares the two). */
export interface Typedefs {
  int8_t: 'i8';
  uint8_t: 'u8';
  int16_t: 'i16';
  uint16_t: 'u16';
  int32_t: 'i32';
  uint32_t: 'u32';
  int64_t: 'i64';
  uint64_t: 'u64';
  size_t: 'u64';
  ssize_t: 'i64';
  ptrdiff_t: 'i64';
  intptr_t: 'i64';
  uintptr_t: 'u64';
  off_t: 'i64';
  time_t: 'i64';
  pid_t: 'i32';
  uid_t: 'u32';
  gid_t: 'u32';
  mode_t: 'u32';
  socklen_t: 'u32';
  wchar_t: 'i32';
  uLong: 'u64';
  uLongf: 'u64';
  uInt: 'u32';
  Bytef: 'u8';
  sqlite3_int64: 'i64';
  sqlite_int64: 'i64';
  blasint: 'i32';
  lapack_int: 'i32';
  CURLcode: 'i32';
  CURLoption: 'i32';
}

type Qualifier = 'const' | 'volatile' | 'restrict' | '__restrict' | '__restrict__' | 'register' | 'extern';
type TypeWord =
  | Qualifier
  | 'void'
  | 'char'
  | 'short'
  | 'int'
  | 'long'
  | 'float'
  | 'double'
  | 'signed'
  | 'unsigned'
  | 'bool'
  | '_Bool'
  | 'struct'
  | 'union'
  | 'enum';

// ---------------------------------------------------------------- text

type Replace<S extends string, F extends string, T extends string> = S extends `${infer A}${F}${infer B}`
  ? `${A}${T}${Replace<B, F, T>}`
  : S;
type TrimLeft<S extends string> = S extends ` ${infer R}` ? TrimLeft<R> : S;
type TrimRight<S extends string> = S extends `${infer R} ` ? TrimRight<R> : S;
type Trim<S extends string> = TrimLeft<TrimRight<S>>;
/** Whitespace as single spaces, `*` and `[` as words of their own. */
type Spaced<S extends string> = Replace<
  Replace<Replace<Replace<Replace<S, '\n', ' '>, '\t', ' '>, '\r', ' '>, '*', ' * '>,
  '[',
  ' ['
>;
type Words<S extends string, Acc extends string[] = []> = S extends ` ${infer R}`
  ? Words<R, Acc>
  : S extends `${infer W} ${infer R}`
    ? Words<R, [...Acc, W]>
    : S extends ''
      ? Acc
      : [...Acc, S];
type Split<S extends string, Acc extends string[] = []> = S extends `${infer A},${infer B}`
  ? Split<B, [...Acc, A]>
  : [...Acc, S];

// ---------------------------------------------------------------- declarations

/** Whether any of the words X is among W (not distributed over X). */
type Has<W extends readonly string[], X extends string> = [X & W[number]] extends [never] ? false : true;
type Last<W extends readonly string[]> = W extends [...string[], infer L extends string] ? L : never;
type Init<W extends readonly string[]> = W extends [...infer I extends string[], string] ? I : [];
type Without<W extends readonly string[], X extends string, Acc extends string[] = []> = W extends [
  infer H extends string,
  ...infer R extends string[],
]
  ? H extends X
    ? Without<R, X, Acc>
    : Without<R, X, [...Acc, H]>
  : Acc;
type Keep<W extends readonly string[], X extends string, Acc extends string[] = []> = W extends [
  infer H extends string,
  ...infer R extends string[],
]
  ? H extends X
    ? Keep<R, X, [...Acc, H]>
    : Keep<R, X, Acc>
  : Acc;
type Before<W extends readonly string[], X extends string, Acc extends string[] = []> = W extends [
  infer H extends string,
  ...infer R extends string[],
]
  ? H extends X
    ? Acc
    : Before<R, X, [...Acc, H]>
  : Acc;
/** Trailing `[n]` words (a parameter array is a pointer): as `*`s. */
type Arrays<W extends string[], Stars extends string[] = []> =
  Last<W> extends `[${string}` ? Arrays<Init<W>, [...Stars, '*']> : [...W, ...Stars];
/** A declaration's words without its name (the last word when it is no type word and a type precedes it). */
type Unnamed<W extends string[]> =
  Last<W> extends TypeWord | '*' | keyof Typedefs ? W : Without<Init<W>, Qualifier> extends [] ? W : Init<W>;

type BaseOf<B extends string[]> =
  Has<B, 'struct'> extends true
    ? 'opaque'
    : Has<B, 'union'> extends true
      ? 'opaque'
      : Has<B, 'enum'> extends true
        ? 'i32'
        : Has<B, 'double'> extends true
          ? Has<B, 'long'> extends true
            ? 'unknown'
            : 'f64'
          : Has<B, 'float'> extends true
            ? 'f32'
            : Has<B, 'void'> extends true
              ? 'void'
              : Has<B, 'bool' | '_Bool'> extends true
                ? 'bool'
                : Has<B, 'char'> extends true
                  ? Has<B, 'unsigned'> extends true
                    ? 'u8'
                    : Has<B, 'signed'> extends true
                      ? 'i8'
                      : 'char'
                  : Has<B, 'short'> extends true
                    ? Has<B, 'unsigned'> extends true
                      ? 'u16'
                      : 'i16'
                    : Has<B, 'long'> extends true
                      ? Has<B, 'unsigned'> extends true
                        ? 'u64'
                        : 'i64'
                      : Has<B, 'int' | 'signed' | 'unsigned'> extends true
                        ? Has<B, 'unsigned'> extends true
                          ? 'u32'
                          : 'i32'
                        : B extends [infer T extends keyof Typedefs]
                          ? Typedefs[T]
                          : B extends [`CBLAS_${string}`]
                            ? 'i32'
                            : 'opaque';

/** A declaration read: its base kind, how many `*`, whether what the first `*` points to is const. */
type DeclOf<W extends string[]> = {
  kind: BaseOf<Without<Without<W, '*'>, Qualifier>>;
  stars: Keep<W, '*'>['length'];
  constant: Has<Before<W, '*'>, 'const'>;
};
type ParamDecl<T extends string> = DeclOf<Unnamed<Arrays<Words<Spaced<T>>>>>;

// ---------------------------------------------------------------- TypeScript types

type ViewOf<K extends BaseKind> = K extends 'f64'
  ? Float64Array
  : K extends 'f32'
    ? Float32Array
    : K extends 'i32'
      ? Int32Array
      : K extends 'u32'
        ? Uint32Array
        : K extends 'i16'
          ? Int16Array
          : K extends 'u16'
            ? Uint16Array
            : K extends 'i64'
              ? BigInt64Array
              : K extends 'u64'
                ? BigUint64Array
                : K extends 'i8'
                  ? Int8Array
                  : K extends 'u8' | 'bool'
                    ? Uint8Array
                    : K extends 'char'
                      ? Int8Array | Uint8Array
                      : RegionArray;
type Address<V> = V | DataView | bigint | null;

type ScalarArg<K extends BaseKind> = K extends 'f64' | 'f32' | 'i16' | 'u16' | 'i32' | 'u32' | 'u8'
  ? number
  : K extends 'i8' | 'char'
    ? number | string
    : K extends 'i64' | 'u64'
      ? number | bigint
      : K extends 'bool'
        ? boolean | 0 | 1
        : unknown;
type ArgOf<D> = D extends { kind: infer K extends BaseKind; stars: infer S; constant: infer C }
  ? S extends 0
    ? ScalarArg<K>
    : K extends 'unknown'
      ? unknown
      : S extends 1
        ? K extends 'char'
          ? C extends true
            ? string | Address<Int8Array | Uint8Array>
            : Address<Int8Array | Uint8Array>
          : K extends 'opaque'
            ? Address<RegionArray> | object // a struct pointer also takes a plain object (read back after the call)
            : Address<ViewOf<K>>
        : Address<BigUint64Array | BigInt64Array>
  : unknown;

type ResultOf<D> = D extends { kind: infer K extends BaseKind; stars: infer S }
  ? S extends 0
    ? K extends 'f64' | 'f32' | 'i8' | 'u8' | 'char' | 'i16' | 'u16' | 'i32' | 'u32'
      ? number
      : K extends 'i64' | 'u64'
        ? bigint
        : K extends 'bool'
          ? boolean
          : K extends 'void'
            ? // biome-ignore lint/suspicious/noConfusingVoidType: the result type of Promise<R> and sync(): R
              void
            : unknown
    : S extends 1
      ? K extends 'char'
        ? string | null
        : bigint
      : bigint
  : unknown;

/** The JS types of the parameters, in order. */
type ParamsOf<L extends string[]> = { [K in keyof L]: ArgOf<ParamDecl<L[K]>> };

// ---------------------------------------------------------------- prototypes

type Clean<P extends string> = Trim<Replace<Replace<Replace<P, '\n', ' '>, '\t', ' '>, ';', ''>>;
/** `RET NAME(PARAMS)` as [head, params], or never when it is not that shape. */
type Parts<P extends string> = Clean<P> extends `${infer H}(${infer A})` ? [H, Trim<A>] : never;

/** The JS arguments of a prototype: a tuple, or any list when they cannot be read. */
export type ArgsOfPrototype<P extends string> = string extends P
  ? unknown[]
  : Parts<P> extends [infer H extends string, infer A extends string]
    ? H extends `${string}(${string}`
      ? unknown[]
      : A extends `${string}(${string}` | `${string}...${string}`
        ? unknown[]
        : A extends '' | 'void'
          ? []
          : ParamsOf<Split<A>>
    : unknown[];

/** The JS result of a prototype (the head's words without the function's name). */
export type ResultOfPrototype<P extends string> = string extends P
  ? unknown
  : Parts<P> extends [infer H extends string, string]
    ? H extends `${string}(${string}`
      ? unknown
      : ResultOf<DeclOf<Init<Words<Spaced<H>>>>>
    : unknown;

/** What a callback receives for a parameter: what a call's result of that type would be, but any pointer (`char *` too) as its bigint address. */
type CallbackArgOf<D> = D extends { stars: infer S } ? (S extends 0 ? ResultOf<D> : bigint) : unknown;
type CallbackParamsOf<L extends string[]> = { [K in keyof L]: CallbackArgOf<ParamDecl<L[K]>> };

/** The arguments a callback of a literal prototype is given (any list when they cannot be read). */
export type CallbackArgs<P extends string> = string extends P
  ? // biome-ignore lint/suspicious/noExplicitAny: a prototype known only at run time
    any[]
  : Parts<P> extends [infer H extends string, infer A extends string]
    ? H extends `${string}(${string}`
      ? // biome-ignore lint/suspicious/noExplicitAny: a function-pointer result, which the types do not read
        any[]
      : A extends `${string}(${string}` | `${string}...${string}`
        ? // biome-ignore lint/suspicious/noExplicitAny: function-pointer parameters, which the types do not read
          any[]
        : A extends '' | 'void'
          ? []
          : CallbackParamsOf<Split<A>>
    : // biome-ignore lint/suspicious/noExplicitAny: not a prototype the types can read
      any[];

/** The bound function a literal prototype gives. */
export type FunctionOf<P extends string> = string extends P
  ? NativeFunction
  : NativeFunction<ArgsOfPrototype<P>, ResultOfPrototype<P>>;

/** The function bound from prototype P with options O: `{ errno: true }` makes each result a `WithErrno`. */
export type FunctionWith<P extends string, O extends FunctionOptions | undefined> = O extends { errno: true }
  ? string extends P
    ? NativeFunction<Parameters<NativeFunction>, WithErrno<unknown>>
    : NativeFunction<ArgsOfPrototype<P>, WithErrno<ResultOfPrototype<P>>>
  : FunctionOf<P>;

/** The prototype of `N` among `Known` (ready-made prototypes), when N is a bare function name. */
export type ReadyMade<N extends string, Known extends string> = string extends N
  ? string
  : N extends `${string}(${string}`
    ? N
    : Extract<Known, `${string}${' ' | '*'}${Trim<N>}(${string}`> extends infer K extends string
      ? [K] extends [never]
        ? string
        : K
      : string;
