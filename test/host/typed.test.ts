/**
 * Bound functions typed from their prototype at compile time. This file is
 * compiled by `tsc -p .` in `npm test`: the type assertions below must hold
 * and every line after `@ts-expect-error` must fail to compile (tsc reports
 * an unused directive otherwise), so the test fails at build time when the
 * types drift. The calls at the end run the same typed functions for real.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseType, tableNames } from '../../src/abi/index.js';
import type { ArgsOfPrototype, CallbackArgs, ResultOfPrototype, Typedefs } from '../../src/host/typed.js';
import { type NativeFunction, Sidecar } from '../../src/index.js';

/** True when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <_ extends true>(): void => {};
type Ptr<V> = V | DataView | bigint | null;

// A callback's arguments: as results of those types would be, pointers (char * too) as addresses.
same<Equal<CallbackArgs<'int cmp(const void *a, const void *b)'>, [bigint, bigint]>>();
same<
  Equal<
    CallbackArgs<'double cb(long a, float y, int d, bool e, char c, char *s)'>,
    [bigint, number, number, boolean, number, bigint]
  >
>();
same<Equal<CallbackArgs<'void tick(void)'>, []>>();

// Scalars, with or without parameter names, in any spacing.
same<Equal<ArgsOfPrototype<'double cos(double)'>, [number]>>();
same<Equal<ResultOfPrototype<'double cos(double)'>, number>>();
same<Equal<ArgsOfPrototype<'double  pow ( double x,double y ) ;'>, [number, number]>>();
same<Equal<ArgsOfPrototype<'float\tsqrtf(\n  float x\n)'>, [number]>>();
same<Equal<ArgsOfPrototype<'int getpid(void)'>, []>>();
same<Equal<ArgsOfPrototype<'int rand()'>, []>>();
same<Equal<ResultOfPrototype<'unsigned long long strtoull(const char *, char **, int)'>, bigint>>();
same<Equal<ResultOfPrototype<'long int labs(long int x)'>, bigint>>();
same<Equal<ArgsOfPrototype<'long labs(long x)'>, [number | bigint]>>();
same<Equal<ResultOfPrototype<'unsigned short f(void)'>, number>>();
same<Equal<ResultOfPrototype<'size_t strlen(const char *s)'>, bigint>>();
same<Equal<ResultOfPrototype<'uint32_t f(void)'>, number>>();
same<Equal<ResultOfPrototype<'bool f(void)'>, boolean>>();
same<Equal<ArgsOfPrototype<'void f(bool b, _Bool c)'>, [boolean | 0 | 1, boolean | 0 | 1]>>();
same<Equal<ResultOfPrototype<'void srand(unsigned int seed)'>, void>>();
same<Equal<ArgsOfPrototype<'int toupper(char c)'>, [number | string]>>();
same<Equal<ArgsOfPrototype<'int f(enum mode m)'>, [number]>>();
same<Equal<ArgsOfPrototype<'int f(CBLAS_ORDER o)'>, [number]>>();

// Strings: a const char * parameter takes a JS string; char * and const char * results are text.
same<Equal<ArgsOfPrototype<'size_t strlen(const char *s)'>, [string | Ptr<Int8Array | Uint8Array>]>>();
same<Equal<ArgsOfPrototype<'size_t strlen(char const *s)'>, [string | Ptr<Int8Array | Uint8Array>]>>();
same<Equal<ArgsOfPrototype<'char *strcpy(char *d, const char *s)'>[0], Ptr<Int8Array | Uint8Array>>>();
same<Equal<ArgsOfPrototype<'void f(char *const p)'>, [Ptr<Int8Array | Uint8Array>]>>();
same<Equal<ResultOfPrototype<'char *getenv(const char *name)'>, string | null>>();
same<Equal<ResultOfPrototype<'const char*zlibVersion(void)'>, string | null>>();
same<Equal<ResultOfPrototype<'const unsigned char *sqlite3_column_text(void *stmt, int col)'>, bigint>>();

// Pointers: the typed array of the element type, a bigint address or null; void * any region array.
same<Equal<ArgsOfPrototype<'float cblas_sdot(int n, const float *x, int incx)'>[1], Ptr<Float32Array>>>();
same<Equal<ArgsOfPrototype<'void f(double x[], int n[3])'>, [Ptr<Float64Array>, Ptr<Int32Array>]>>();
same<Equal<ArgsOfPrototype<'void f(unsigned long *n, long *m)'>, [Ptr<BigUint64Array>, Ptr<BigInt64Array>]>>();
same<Equal<ArgsOfPrototype<'void f(size_t *n, Bytef *b)'>, [Ptr<BigUint64Array>, Ptr<Uint8Array>]>>();
same<Equal<ArgsOfPrototype<'int sqlite3_open(const char *f, void **db)'>[1], Ptr<BigUint64Array | BigInt64Array>>>();
same<Equal<ArgsOfPrototype<'void free(void *p)'>[0], Ptr<ReturnType<Sidecar['alloc']>>>>();
// a struct pointer: a region buffer, an address, or a plain object filled in after the call
same<Equal<ArgsOfPrototype<'void f(struct timeval *tv)'>[0], Ptr<ReturnType<Sidecar['alloc']>> | object>>();
same<Equal<ResultOfPrototype<'void *malloc(size_t size)'>, bigint>>();
same<Equal<ResultOfPrototype<'char **environ_of(void)'>, bigint>>();

// What it cannot read is unknown, and the call is checked when it is made.
same<
  Equal<ArgsOfPrototype<'void qsort(void *b, size_t n, size_t s, int (*cmp)(const void *, const void *))'>, unknown[]>
>();
same<Equal<ArgsOfPrototype<'int printf(const char *fmt, ...)'>, unknown[]>>();
same<Equal<ArgsOfPrototype<'int f(foo_t x, int y)'>, [unknown, number]>>();
same<Equal<ResultOfPrototype<'struct div_t div(int, int)'>, unknown>>();
same<Equal<ResultOfPrototype<'long double f(void)'>, unknown>>();
same<Equal<ArgsOfPrototype<string>, unknown[]>>();
same<Equal<ResultOfPrototype<string>, unknown>>();

/** The type-level typedef table, spelled out: the compiler holds it to Typedefs, the test below to the runtime's. */
const TYPEDEFS: Typedefs = {
  int8_t: 'i8',
  uint8_t: 'u8',
  int16_t: 'i16',
  uint16_t: 'u16',
  int32_t: 'i32',
  uint32_t: 'u32',
  int64_t: 'i64',
  uint64_t: 'u64',
  size_t: 'u64',
  ssize_t: 'i64',
  ptrdiff_t: 'i64',
  intptr_t: 'i64',
  uintptr_t: 'u64',
  off_t: 'i64',
  time_t: 'i64',
  pid_t: 'i32',
  uid_t: 'u32',
  gid_t: 'u32',
  mode_t: 'u32',
  socklen_t: 'u32',
  wchar_t: 'i32',
  uLong: 'u64',
  uLongf: 'u64',
  uInt: 'u32',
  Bytef: 'u8',
  sqlite3_int64: 'i64',
  sqlite_int64: 'i64',
  blasint: 'i32',
  lapack_int: 'i32',
  CURLcode: 'i32',
  CURLoption: 'i32',
};

describe('typed functions', () => {
  test("the compile-time typedef table is the runtime's", () => {
    const builtin = /^(void|bool|float|double|long double|((un)?signed )?char|(unsigned )?(short|int|long|long long))$/;
    const runtime = tableNames().filter((n) => !builtin.test(n));
    assert.deepEqual(Object.keys(TYPEDEFS).sort(), runtime.sort());
    for (const [name, kind] of Object.entries(TYPEDEFS)) assert.equal(parseType(name).kind, kind, name);
  });

  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start();
  });
  after(async () => {
    await sc.stop();
  });

  test('a literal prototype types the call, sync, with and batch; the ready-made ones too', async () => {
    const m = await sc.library('m');
    const c = await sc.library('c');
    const cos = m.func('double cos(double)');
    const x: number = await cos(0);
    const y: number = cos.sync(0, { timeoutMs: 1000 });
    const ys: number[] = await cos.batch([[0], [Math.PI]]);
    const z: number = await cos.with({ timeoutMs: 1000 })(0);
    assert.deepEqual([x, y, ys, z], [1, 1, [1, -1], 1]);
    // @ts-expect-error: a string is not a double
    await assert.rejects(cos('0'), TypeError);
    // @ts-expect-error: one argument
    assert.throws(() => cos.sync(0, 1), TypeError);
    // @ts-expect-error: the result is a number
    const notText: string = cos.sync(0);
    assert.equal(notText, 1);

    // A callback's function is typed from its prototype.
    const neg = sc.callback('int f(int x)', (x) => -x);
    // @ts-expect-error: an int argument is a number, not a string
    const bad = sc.callback('int f(int x)', (x: string) => x.length);
    neg.release();
    bad.release();

    const hypot = m.func('hypot'); // the known set's prototype: double hypot(double x, double y)
    const h: number = await hypot(3, 4);
    assert.equal(h, 5);
    // @ts-expect-error: two arguments
    await assert.rejects(hypot(3), TypeError);
    same<Equal<Parameters<typeof hypot.with>, [opts: { timeoutMs?: number; signal?: AbortSignal }]>>();

    const getenv = c.func('getenv');
    const home: string | null = await getenv('HOME');
    assert.equal(home, process.env.HOME ?? null);
    // @ts-expect-error: the result may be null
    const sure: string = getenv.sync('HOME');
    assert.equal(sure, process.env.HOME);
    // @ts-expect-error: a number is not a const char *
    await assert.rejects(getenv(1), TypeError);

    const frexp = m.func('frexp');
    const e = sc.alloc('int', 1);
    assert.equal(await frexp(8, e), 0.5);
    // @ts-expect-error: int * takes an Int32Array, not a Float64Array
    await assert.rejects(frexp(8, sc.alloc('double', 1)), TypeError);

    const srand = c.func('srand');
    same<Equal<ReturnType<typeof srand.sync>, void>>();
    assert.equal(await srand(1), undefined);

    // A prototype known only at run time: any arguments, an unknown result.
    const text: string = ['double', 'cos(double)'].join(' ');
    const loose: NativeFunction = m.func(text);
    assert.equal(await loose(0), 1);
    const typed: NativeFunction = cos; // every typed function is a NativeFunction
    assert.equal(typed.signature.name, 'cos');
  });
});
