/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive definite matrix
 * in plain TypeScript, and solving with it. Row i of L is made from dot
 * products of rows of L already made, so every inner loop runs along a row.
 * Only the lower triangle of A is read, as LAPACK's potrf with uplo 'L'.
 */

import { notPositiveDefiniteError } from '../../libs/errors.js';
import { checkRows, checkSquare, convert, type Dense, type FloatArray, toFloat64 } from './dense.js';

/**
 * Overwrites the lower triangle of `a` with L (the upper triangle is left
 * as it was). Throws LinAlgError (`not-positive-definite`, info k) when the
 * leading minor of order k is not positive.
 */
export function potrf(a: Dense): void {
  checkSquare('potrf', 'a', a);
  const { data: x, rows: n, stride: s } = a;
  for (let i = 0; i < n; i++) {
    const ri = i * s;
    for (let j = 0; j <= i; j++) {
      const rj = j * s;
      let sum = x[ri + j] as number;
      for (let k = 0; k < j; k++) sum -= (x[ri + k] as number) * (x[rj + k] as number);
      if (i === j) {
        if (!(sum > 0)) throw notPositiveDefiniteError('potrf', i + 1);
        x[ri + i] = Math.sqrt(sum);
      } else x[ri + j] = sum / (x[rj + j] as number);
    }
  }
}

/** Solves A X = B in place in `b` from L (the lower triangle of `l`, as potrf leaves it). */
export function potrs(l: Dense, b: Dense): void {
  checkSquare('potrs', 'l', l);
  checkRows('potrs', l, b);
  const { data: f, rows: n, stride: s } = l;
  const { data: x, cols: r, stride: t } = b;
  // L Y = B, top down.
  for (let i = 0; i < n; i++) {
    const ri = i * t;
    for (let j = 0; j < i; j++) {
      const v = f[i * s + j] as number;
      if (v === 0) continue;
      const rj = j * t;
      for (let c = 0; c < r; c++) x[ri + c] = (x[ri + c] as number) - v * (x[rj + c] as number);
    }
    const d = f[i * s + i] as number;
    for (let c = 0; c < r; c++) x[ri + c] = (x[ri + c] as number) / d;
  }
  // Lᵀ X = Y, bottom up: row i of L (contiguous) takes row i of X off the rows above.
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * t;
    const d = f[i * s + i] as number;
    for (let c = 0; c < r; c++) x[ri + c] = (x[ri + c] as number) / d;
    for (let j = 0; j < i; j++) {
      const v = f[i * s + j] as number;
      if (v === 0) continue;
      const rj = j * t;
      for (let c = 0; c < r; c++) x[rj + c] = (x[rj + c] as number) - v * (x[ri + c] as number);
    }
  }
}

/** L with A = L Lᵀ (zeros above the diagonal), of A's element type. */
export function cholesky<T extends FloatArray>(a: Dense<T>): Dense<T> {
  checkSquare('cholesky', 'a', a);
  const f = toFloat64(a);
  potrf(f);
  const n = a.rows;
  for (let i = 0; i < n; i++) f.data.fill(0, i * n + i + 1, (i + 1) * n);
  return convert(a.data, f);
}

/** X with A X = B for a symmetric positive definite A (its lower triangle is read). */
export function choleskySolve<T extends FloatArray>(a: Dense, b: Dense<T>): Dense<T> {
  checkSquare('choleskySolve', 'a', a);
  checkRows('choleskySolve', a, b);
  const f = toFloat64(a);
  potrf(f);
  const x = toFloat64(b);
  potrs(f, x);
  return convert(b.data, x);
}
