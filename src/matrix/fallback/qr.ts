/**
 * Householder QR (A = Q R) in plain TypeScript, stored as LAPACK's geqrf
 * stores it: R on and above the diagonal, reflector k (H = I − τ v vᵀ,
 * v(k) = 1) below the diagonal of column k. A reflector is applied to the
 * rows below it one row at a time (w = vᵀA accumulated row by row, then
 * each row takes off τ v(i) w), so the inner loops run along rows.
 */

import { checkDense, convert, type Dense, type FloatArray, toFloat64 } from './dense.js';

/** Factors the m×n `a` in place; returns τ (min(m, n) of them). */
export function geqrf(a: Dense): Float64Array {
  checkDense('geqrf', 'a', a);
  const { data: x, rows: m, cols: n, stride: s } = a;
  const kmax = Math.min(m, n);
  const tau = new Float64Array(kmax);
  const w = new Float64Array(n);
  for (let k = 0; k < kmax; k++) {
    const rk = k * s;
    const alpha = x[rk + k] as number;
    let norm2 = 0;
    for (let i = k + 1; i < m; i++) norm2 += (x[i * s + k] as number) ** 2;
    if (norm2 === 0) continue; // already upper triangular in this column: H = I
    const beta = alpha >= 0 ? -Math.sqrt(alpha * alpha + norm2) : Math.sqrt(alpha * alpha + norm2);
    const t = (beta - alpha) / beta;
    tau[k] = t;
    const scale = 1 / (alpha - beta);
    for (let i = k + 1; i < m; i++) x[i * s + k] = (x[i * s + k] as number) * scale;
    x[rk + k] = beta;
    applyReflector(x, s, k, m, k + 1, n, k, t, w);
  }
  return tau;
}

/**
 * Applies H = I − τ v vᵀ (v in column `vc` of `x` below row k, v(k) = 1)
 * from the left to the rows k..m−1, columns c0..c1−1 of `x` (stride s).
 * The reflector column and the target may be different matrices only
 * through `vx`/`vs`.
 */
export function applyReflector(
  x: FloatArray,
  s: number,
  k: number,
  m: number,
  c0: number,
  c1: number,
  vc: number,
  t: number,
  w: Float64Array,
  vx: FloatArray = x,
  vs: number = s,
): void {
  if (t === 0 || c1 <= c0) return;
  const rk = k * s;
  for (let j = c0; j < c1; j++) w[j] = x[rk + j] as number;
  for (let i = k + 1; i < m; i++) {
    const v = vx[i * vs + vc] as number;
    if (v === 0) continue;
    const ri = i * s;
    for (let j = c0; j < c1; j++) w[j] = (w[j] as number) + v * (x[ri + j] as number);
  }
  for (let j = c0; j < c1; j++) x[rk + j] = (x[rk + j] as number) - t * (w[j] as number);
  for (let i = k + 1; i < m; i++) {
    const tv = t * (vx[i * vs + vc] as number);
    if (tv === 0) continue;
    const ri = i * s;
    for (let j = c0; j < c1; j++) x[ri + j] = (x[ri + j] as number) - tv * (w[j] as number);
  }
}

/**
 * The first `cols` columns of Q = H(0) H(1) … H(k−1) from geqrf's factors
 * (`f` m×n, `tau`), as a new m×cols double matrix (cols ≤ m).
 */
export function orgqr(f: Dense, tau: Float64Array, cols = Math.min(f.rows, f.cols)): Dense<Float64Array> {
  checkDense('orgqr', 'f', f);
  const m = f.rows;
  if (!Number.isInteger(cols) || cols < 0 || cols > m) {
    throw new TypeError(`orgqr: cols must be an integer between 0 and ${m}, got ${String(cols)}`);
  }
  const q = new Float64Array(m * cols);
  for (let i = 0; i < cols; i++) q[i * cols + i] = 1;
  const w = new Float64Array(cols);
  // Backwards: H(k) touches rows k.. of Q, and only columns k.. are not yet the identity's there.
  for (let k = Math.min(tau.length, cols, m) - 1; k >= 0; k--) {
    applyReflector(q, cols, k, m, k, cols, k, tau[k] as number, w, f.data, f.stride);
  }
  return { data: q, rows: m, cols, stride: cols };
}

/** Thin QR: Q (m×k, orthonormal columns) and R (k×n, upper triangular), k = min(m, n), of A's element type. */
export function qr<T extends FloatArray>(a: Dense<T>): { q: Dense<T>; r: Dense<T> } {
  checkDense('qr', 'a', a);
  const f = toFloat64(a);
  const tau = geqrf(f);
  const { rows: m, cols: n } = a;
  const k = Math.min(m, n);
  const r = new Float64Array(k * n);
  for (let i = 0; i < k; i++) r.set(f.data.subarray(i * n + i, (i + 1) * n), i * n + i);
  const q = orgqr(f, tau, k);
  return { q: convert(a.data, q), r: convert(a.data, { data: r, rows: k, cols: n, stride: n }) };
}
