/**
 * Linear least squares in plain TypeScript, through Householder QR as
 * LAPACK's gels does: for m ≥ n the X minimising ‖A X − B‖, for m < n the
 * X of least norm with A X = B. A has to have full rank: a zero on the
 * diagonal of R is a LinAlgError (`rank-deficient`), as in gels.
 */

import { rankDeficientError } from '../../libs/errors.js';
import { checkDense, checkRows, convert, type Dense, type FloatArray, toFloat64, transposed } from './dense.js';
import { applyReflector, geqrf } from './qr.js';

/** R's diagonal must not be exactly zero (k counted from 1 in the error). */
function checkRank(f: Dense<Float64Array>, k: number): void {
  for (let i = 0; i < k; i++) if (f.data[i * f.stride + i] === 0) throw rankDeficientError('gels', i + 1);
}

/** X (n×nrhs) for A (m×n) and B (m×nrhs), of B's element type. */
export function lstsq<T extends FloatArray>(a: Dense, b: Dense<T>): Dense<T> {
  checkDense('lstsq', 'a', a);
  checkRows('lstsq', a, b);
  const { rows: m, cols: n } = a;
  const r = b.cols;
  if (m >= n) {
    // A = Q R: X = R⁻¹ (Qᵀ B)(0:n).
    const f = toFloat64(a);
    const tau = geqrf(f);
    checkRank(f, n);
    const y = toFloat64(b);
    const w = new Float64Array(r);
    for (let k = 0; k < n; k++) applyReflector(y.data, r, k, m, 0, r, k, tau[k] as number, w, f.data, n);
    const x = new Float64Array(n * r);
    x.set(y.data.subarray(0, n * r));
    backSolve(f, x, n, r);
    return convert(b.data, { data: x, rows: n, cols: r, stride: r });
  }
  // m < n: Aᵀ = Q R, so A = Rᵀ Qᵀ; Rᵀ Z = B, X = Q [Z; 0].
  const f = transposed(toFloat64(a)); // n×m
  const tau = geqrf(f);
  checkRank(f, m);
  const x = new Float64Array(n * r);
  x.set(toFloat64(b).data);
  for (let i = 0; i < m; i++) {
    const ri = i * r;
    for (let j = 0; j < i; j++) {
      const v = f.data[j * m + i] as number; // Rᵀ(i, j) = R(j, i)
      for (let c = 0; c < r; c++) x[ri + c] = (x[ri + c] as number) - v * (x[j * r + c] as number);
    }
    const d = f.data[i * m + i] as number;
    for (let c = 0; c < r; c++) x[ri + c] = (x[ri + c] as number) / d;
  }
  const w = new Float64Array(r);
  for (let k = m - 1; k >= 0; k--) applyReflector(x, r, k, n, 0, r, k, tau[k] as number, w, f.data, m);
  return convert(b.data, { data: x, rows: n, cols: r, stride: r });
}

/** Solves R X = Y in place in `x` (n×r, stride r) for the upper triangle of `f`. */
function backSolve(f: Dense<Float64Array>, x: Float64Array, n: number, r: number): void {
  const s = f.stride;
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * r;
    const d = f.data[i * s + i] as number;
    for (let c = 0; c < r; c++) x[ri + c] = (x[ri + c] as number) / d;
    for (let j = 0; j < i; j++) {
      const u = f.data[j * s + i] as number;
      if (u === 0) continue;
      for (let c = 0; c < r; c++) x[j * r + c] = (x[j * r + c] as number) - u * (x[ri + c] as number);
    }
  }
}
