/**
 * LU factorisation with partial pivoting (P A = L U) in plain TypeScript, and
 * what it gives: solving A X = B, the determinant, the inverse. The
 * elimination works on whole rows (the inner loop runs along a row of the
 * row-major array), so it streams memory in order.
 */

import { singularError } from '../../libs/errors.js';
import {
  checkDense,
  checkRows,
  checkSquare,
  convert,
  type Dense,
  type FloatArray,
  identity,
  toFloat64,
} from './dense.js';

export interface LuFactors {
  /** Row k was swapped with row ipiv[k] (0-based) at step k. */
  ipiv: Int32Array;
  /** 0, or k + 1 when U(k, k) is exactly zero (the first such k): the factors are complete but U is singular. */
  info: number;
}

/**
 * Factors the m×n matrix `a` in place: L (unit diagonal, below it) and U
 * (on and above it), as LAPACK's getrf does. A zero pivot is reported in
 * `info`, not thrown: the determinant of a singular matrix is 0.
 */
export function getrf(a: Dense): LuFactors {
  checkDense('getrf', 'a', a);
  const { data: x, rows: m, cols: n, stride: s } = a;
  const kmax = Math.min(m, n);
  const ipiv = new Int32Array(kmax);
  let info = 0;
  for (let k = 0; k < kmax; k++) {
    let p = k;
    let big = Math.abs(x[k * s + k] as number);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(x[i * s + k] as number);
      if (v > big) {
        big = v;
        p = i;
      }
    }
    ipiv[k] = p;
    if (big === 0) {
      // The column is zero from the diagonal down: nothing to eliminate, U(k, k) = 0.
      if (info === 0) info = k + 1;
      continue;
    }
    if (p !== k) swapRows(x, k * s, p * s, n);
    const rk = k * s;
    const pivot = x[rk + k] as number;
    for (let i = k + 1; i < m; i++) {
      const ri = i * s;
      const l = (x[ri + k] as number) / pivot;
      x[ri + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) x[ri + j] = (x[ri + j] as number) - l * (x[rk + j] as number);
    }
  }
  return { ipiv, info };
}

function swapRows(x: FloatArray, a: number, b: number, n: number): void {
  for (let j = 0; j < n; j++) {
    const t = x[a + j] as number;
    x[a + j] = x[b + j] as number;
    x[b + j] = t;
  }
}

/** Solves A X = B in place in `b` (n×nrhs) from the factors of getrf (n×n). */
export function getrs(lu: Dense, ipiv: Int32Array, b: Dense): void {
  checkSquare('getrs', 'lu', lu);
  checkRows('getrs', lu, b);
  const { data: f, rows: n, stride: s } = lu;
  const { data: x, cols: r, stride: t } = b;
  for (let k = 0; k < Math.min(n, ipiv.length); k++) {
    const p = ipiv[k] as number;
    if (p !== k) swapRows(x, k * t, p * t, r);
  }
  // L Y = P B: row i takes off L(i, j) times the rows above it.
  for (let i = 1; i < n; i++) {
    const ri = i * t;
    for (let j = 0; j < i; j++) {
      const l = f[i * s + j] as number;
      if (l === 0) continue;
      const rj = j * t;
      for (let c = 0; c < r; c++) x[ri + c] = (x[ri + c] as number) - l * (x[rj + c] as number);
    }
  }
  // U X = Y from the bottom: row i is final once it is divided by U(i, i); it is taken off the rows above.
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * t;
    const d = f[i * s + i] as number;
    for (let c = 0; c < r; c++) x[ri + c] = (x[ri + c] as number) / d;
    for (let j = 0; j < i; j++) {
      const u = f[j * s + i] as number;
      if (u === 0) continue;
      const rj = j * t;
      for (let c = 0; c < r; c++) x[rj + c] = (x[rj + c] as number) - u * (x[ri + c] as number);
    }
  }
}

/** The LU factors of a square `a` in double precision (a copy; `a` is untouched). */
export function lu(a: Dense): { lu: Dense<Float64Array>; ipiv: Int32Array; info: number } {
  checkSquare('lu', 'a', a);
  const f = toFloat64(a);
  const { ipiv, info } = getrf(f);
  return { lu: f, ipiv, info };
}

/** X with A X = B (A square, B with as many rows), of B's element type. Throws LinAlgError when A is singular. */
export function solve<T extends FloatArray>(a: Dense, b: Dense<T>): Dense<T> {
  checkSquare('solve', 'a', a);
  checkRows('solve', a, b);
  const f = lu(a);
  if (f.info > 0) throw singularError('getrf', f.info);
  const x = toFloat64(b);
  getrs(f.lu, f.ipiv, x);
  return convert(b.data, x);
}

/** The determinant of a square matrix (0 when it is singular). */
export function det(a: Dense): number {
  checkSquare('det', 'a', a);
  const f = lu(a);
  if (f.info > 0) return 0;
  let d = 1;
  const n = a.rows;
  for (let k = 0; k < n; k++) {
    d *= f.lu.data[k * n + k] as number;
    if (f.ipiv[k] !== k) d = -d;
  }
  return d;
}

/** The inverse of a square matrix, of its element type. Throws LinAlgError when it is singular. */
export function inverse<T extends FloatArray>(a: Dense<T>): Dense<T> {
  checkSquare('inverse', 'a', a);
  const f = lu(a);
  if (f.info > 0) throw singularError('getrf', f.info);
  const x = identity(a.rows);
  getrs(f.lu, f.ipiv, x);
  return convert(a.data, x);
}
