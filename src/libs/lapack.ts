/**
 * The LAPACKE facade: `const lapack = await lapacke(sc)` gives the routines
 * of the known set in double and float (`lapack.dgesv`, `lapack.ssyevd` …)
 * with LAPACKE's arguments, checked on both sides of the call:
 *
 * - before it, that each array is long enough for the shape and leading
 *   dimension it is given (a RangeError naming the argument; a short array
 *   would be read and written past its end inside the region);
 * - after it, LAPACK's `info`: not zero is a `LinAlgError` with the info, the
 *   routine and what it means ("matrix is singular: U(3,3) is exactly zero").
 *
 * Each routine resolves to nothing (the results are in the arrays, as in
 * C), has a `.sync` twin and its unchecked `.raw` function, which returns
 * `info` (for `getrf` on a matrix that may be singular, when a determinant
 * of zero is an answer rather than an error).
 */

import type { CallOptions, NativeFunction } from '../host/call.js';
import type { Signature } from '../host/ctypes.js';
import { LAPACKE_PROTOTYPES } from '../host/known.js';
import type { Library } from '../host/library.js';
import type { ArgsOfPrototype } from '../host/typed.js';
import type { LibraryOpener } from './blas.js';
import {
  LinAlgError,
  noConvergenceError,
  notPositiveDefiniteError,
  rankDeficientError,
  singularError,
} from './errors.js';
import { type Args, checkNeeds, knownLayout, matrixNeed, type Need, num } from './extent.js';

type LapackePrototype = (typeof LAPACKE_PROTOTYPES)[number];
type LapackeName<P extends string> = P extends `int LAPACKE_${infer N}(${string}` ? N : never;

/** A LAPACKE routine whose `info` is checked: resolves when it is 0, throws LinAlgError otherwise. */
export interface CheckedRoutine<A extends readonly unknown[]> {
  (...args: A): Promise<void>;
  (...args: [...A, CallOptions]): Promise<void>;
  sync(...args: A): void;
  sync(...args: [...A, CallOptions]): void;
  /** The routine itself: resolves to `info`, unchecked. */
  readonly raw: NativeFunction<A, number>;
}

/** `dgesv`, `ssyevd` …: each routine under its name without `LAPACKE_`. */
export type LapackFunctions = {
  readonly [P in LapackePrototype as LapackeName<P>]: CheckedRoutine<ArgsOfPrototype<P>>;
};

export interface Lapack extends LapackFunctions {
  /** The library as opened. */
  readonly library: Library;
}

const letter = (a: Args, i: number): string =>
  String(typeof a[i] === 'number' ? String.fromCharCode(a[i]) : a[i])
    .toUpperCase()
    .slice(0, 1);
const matrix = matrixNeed;
const vector = (arg: number, elements: number): Need => ({ arg, elements, shape: `${elements}` });

/** The arrays of each routine (by its name without the precision letter) and what they need. */
const NEEDS: Record<string, (a: Args) => Need[]> = {
  gesv: (a) => [
    matrix(a, 3, num(a, 1), num(a, 1), 4, 'lda'),
    vector(5, num(a, 1)),
    matrix(a, 6, num(a, 1), num(a, 2), 7, 'ldb'),
  ],
  getrf: (a) => [matrix(a, 3, num(a, 1), num(a, 2), 4, 'lda'), vector(5, Math.min(num(a, 1), num(a, 2)))],
  getrs: (a) => [
    matrix(a, 4, num(a, 2), num(a, 2), 5, 'lda'),
    vector(6, num(a, 2)),
    matrix(a, 7, num(a, 2), num(a, 3), 8, 'ldb'),
  ],
  getri: (a) => [matrix(a, 2, num(a, 1), num(a, 1), 3, 'lda'), vector(4, num(a, 1))],
  potrf: (a) => [matrix(a, 3, num(a, 2), num(a, 2), 4, 'lda')],
  potrs: (a) => [matrix(a, 4, num(a, 2), num(a, 2), 5, 'lda'), matrix(a, 6, num(a, 2), num(a, 3), 7, 'ldb')],
  syev: (a) => [matrix(a, 4, num(a, 3), num(a, 3), 5, 'lda'), vector(6, num(a, 3))],
  syevd: (a) => [matrix(a, 4, num(a, 3), num(a, 3), 5, 'lda'), vector(6, num(a, 3))],
  gesdd: (a) => {
    const [m, n, job] = [num(a, 2), num(a, 3), letter(a, 1)];
    const k = Math.min(m, n);
    const needs = [matrix(a, 4, m, n, 5, 'lda'), vector(6, k)];
    if (job === 'A' || (job === 'O' && m < n)) needs.push(matrix(a, 7, m, m, 8, 'ldu'));
    if (job === 'S') needs.push(matrix(a, 7, m, k, 8, 'ldu'));
    if (job === 'A' || (job === 'O' && m >= n)) needs.push(matrix(a, 9, n, n, 10, 'ldvt'));
    if (job === 'S') needs.push(matrix(a, 9, k, n, 10, 'ldvt'));
    return needs;
  },
  gesvd: (a) => {
    const [m, n, ju, jv] = [num(a, 3), num(a, 4), letter(a, 1), letter(a, 2)];
    const k = Math.min(m, n);
    const needs = [matrix(a, 5, m, n, 6, 'lda'), vector(7, k), vector(12, Math.max(0, k - 1))];
    if (ju === 'A') needs.push(matrix(a, 8, m, m, 9, 'ldu'));
    if (ju === 'S') needs.push(matrix(a, 8, m, k, 9, 'ldu'));
    if (jv === 'A') needs.push(matrix(a, 10, n, n, 11, 'ldvt'));
    if (jv === 'S') needs.push(matrix(a, 10, k, n, 11, 'ldvt'));
    return needs;
  },
  gels: (a) => [
    matrix(a, 5, num(a, 2), num(a, 3), 6, 'lda'),
    matrix(a, 7, Math.max(num(a, 2), num(a, 3)), num(a, 4), 8, 'ldb'),
  ],
  geqrf: (a) => [matrix(a, 3, num(a, 1), num(a, 2), 4, 'lda'), vector(5, Math.min(num(a, 1), num(a, 2)))],
  orgqr: (a) => [matrix(a, 4, num(a, 1), num(a, 2), 5, 'lda'), vector(6, num(a, 3))],
};

function checkArrays(routine: string, base: string, sig: Signature, args: Args): void {
  if (knownLayout(args)) checkNeeds(routine, sig, args, NEEDS[base]?.(args) ?? []);
}

/** LAPACKE's own codes below the argument numbers. */
const LAPACK_WORK_MEMORY_ERROR = -1010;
const LAPACK_TRANSPOSE_MEMORY_ERROR = -1011;

/** The LinAlgError for a non-zero `info` of `routine`. */
export function lapackError(routine: string, base: string, info: number, sig: Signature): LinAlgError {
  if (info === LAPACK_WORK_MEMORY_ERROR || info === LAPACK_TRANSPOSE_MEMORY_ERROR) {
    const what = info === LAPACK_WORK_MEMORY_ERROR ? 'its work arrays' : 'the transposed copy of a matrix';
    return new LinAlgError(routine, info, 'out-of-memory', `not enough memory for ${what}`);
  }
  if (info < 0) {
    const name = sig.params[-info - 1]?.name;
    return new LinAlgError(
      routine,
      info,
      'illegal-argument',
      `argument ${-info}${name ? ` (${name})` : ''} has an illegal value`,
    );
  }
  switch (base) {
    case 'gesv':
    case 'getrf':
    case 'getri':
      return singularError(routine, info);
    case 'potrf':
      return notPositiveDefiniteError(routine, info);
    case 'gels':
      return rankDeficientError(routine, info);
    case 'syev':
      return noConvergenceError(
        routine,
        info,
        `${info} off-diagonal elements of an intermediate tridiagonal form did not converge to zero`,
      );
    case 'syevd':
      return noConvergenceError(routine, info, `the divide and conquer method failed on an eigenvalue (info ${info})`);
    case 'gesdd':
      return noConvergenceError(routine, info, `the bidiagonal divide and conquer step failed (info ${info})`);
    case 'gesvd':
      return noConvergenceError(
        routine,
        info,
        `${info} superdiagonals of an intermediate bidiagonal form did not converge to zero`,
      );
    default:
      return new LinAlgError(routine, info, 'illegal-argument', `failed with info ${info}`);
  }
}

function checked(fn: NativeFunction, routine: string, base: string): CheckedRoutine<unknown[]> {
  const sig = fn.signature;
  const n = sig.params.length;
  const check = (info: unknown) => {
    if (info !== 0) throw lapackError(routine, base, Number(info), sig);
  };
  const f = (async (...args: unknown[]) => {
    checkArrays(routine, base, sig, args.slice(0, n));
    check(await fn(...args));
  }) as CheckedRoutine<unknown[]>;
  Object.defineProperty(f, 'name', { value: routine });
  Object.defineProperty(f, 'sync', {
    value: (...args: unknown[]) => {
      checkArrays(routine, base, sig, args.slice(0, n));
      check(fn.sync(...args));
    },
  });
  Object.defineProperty(f, 'raw', { value: fn });
  return f;
}

/** LAPACKE (the `lapacke` library of the known set), its routines checked. */
export async function lapacke(sc: LibraryOpener): Promise<Lapack> {
  const lib = await sc.library('lapacke');
  const out: Record<string, unknown> = { library: lib };
  for (const p of LAPACKE_PROTOTYPES) {
    const name = /LAPACKE_(\w+)\(/.exec(p)?.[1] as string;
    out[name] = checked(lib.func(p), `LAPACKE_${name}`, name.slice(1));
  }
  return out as unknown as Lapack;
}
