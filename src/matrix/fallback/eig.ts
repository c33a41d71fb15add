/**
 * Eigenvalues and eigenvectors of a symmetric matrix in plain TypeScript:
 * Householder reduction to tridiagonal form (A = Q T Qᵀ), then the
 * implicit QL iteration with Wilkinson-like shifts on T, its rotations
 * accumulated into Qᵀ. Vectors are kept as rows while they are worked on
 * (a rotation combines two contiguous rows) and transposed at the end. Only
 * the lower triangle of A is read, as LAPACK's syev with uplo 'L'.
 */

import { noConvergenceError } from '../../libs/errors.js';
import { checkSquare, convert, type Dense, type FloatArray } from './dense.js';

export interface SymmetricEigen<T extends FloatArray> {
  /** Ascending. */
  values: T;
  /** n×n; column j is the unit eigenvector of values[j]. */
  vectors: Dense<T>;
}

/** Sweeps of the QL iteration allowed per eigenvalue before giving up. */
const MAX_ITERATIONS = 60;

export function eigSym<T extends FloatArray>(a: Dense<T>): SymmetricEigen<T> {
  checkSquare('eigSym', 'a', a);
  const n = a.rows;
  // The full symmetric matrix from the lower triangle, in double precision.
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = a.data[i * a.stride + j] as number;
      x[i * n + j] = v;
      x[j * n + i] = v;
    }
  }
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const w = tridiagonalize(x, n, d, e);
  ql(d, e, w, n);
  // Ascending order, vectors with their values.
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => (d[p] as number) - (d[q] as number));
  const values = new (a.data.constructor as new (n: number) => T)(n);
  const v = new Float64Array(n * n);
  order.forEach((src, j) => {
    values[j] = d[src] as number;
    for (let i = 0; i < n; i++) v[i * n + j] = w[src * n + i] as number;
  });
  return { values, vectors: convert(a.data, { data: v, rows: n, cols: n, stride: n }) };
}

/**
 * Reduces the symmetric `x` (n×n, destroyed) to tridiagonal T: its
 * diagonal into d, its subdiagonal into e (e[i] = T(i+1, i)). Returns Qᵀ
 * (n×n, rows) with x = Q T Qᵀ.
 */
function tridiagonalize(x: Float64Array, n: number, d: Float64Array, e: Float64Array): Float64Array {
  const tau = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k + 2 < n; k++) {
    // The reflector that zeroes row k (= column k) beyond k+1, v(k+1) = 1, kept in row k beyond k+1.
    const rk = k * n;
    const alpha = x[rk + k + 1] as number;
    let norm2 = 0;
    for (let j = k + 2; j < n; j++) norm2 += (x[rk + j] as number) ** 2;
    if (norm2 === 0) {
      e[k] = alpha;
      continue;
    }
    const beta = alpha >= 0 ? -Math.sqrt(alpha * alpha + norm2) : Math.sqrt(alpha * alpha + norm2);
    const t = (beta - alpha) / beta;
    tau[k] = t;
    const scale = 1 / (alpha - beta);
    for (let j = k + 2; j < n; j++) x[rk + j] = (x[rk + j] as number) * scale;
    x[rk + k + 1] = 1; // v, for the products below
    e[k] = beta;
    // B = x[k+1:, k+1:] becomes H B H: p = τ B v, w = p − (τ pᵀv / 2) v, B −= v wᵀ + w vᵀ.
    const v0 = rk; // v(j) = x[v0 + j], j = k+1 .. n−1
    let pv = 0;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      let sum = 0;
      for (let j = k + 1; j < n; j++) sum += (x[ri + j] as number) * (x[v0 + j] as number);
      p[i] = t * sum;
      pv += (p[i] as number) * (x[v0 + i] as number);
    }
    const half = (t * pv) / 2;
    for (let i = k + 1; i < n; i++) p[i] = (p[i] as number) - half * (x[v0 + i] as number);
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const vi = x[v0 + i] as number;
      const wi = p[i] as number;
      for (let j = k + 1; j < n; j++) {
        x[ri + j] = (x[ri + j] as number) - vi * (p[j] as number) - wi * (x[v0 + j] as number);
      }
    }
  }
  for (let i = 0; i < n; i++) d[i] = x[i * n + i] as number;
  if (n >= 2) e[n - 2] = x[(n - 1) * n + n - 2] as number;
  e[n - 1] = 0;
  // Qᵀ = H(n−3) … H(0): apply H(0) first to the identity.
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const u = new Float64Array(n);
  for (let k = 0; k + 2 < n; k++) {
    const t = tau[k] as number;
    if (t === 0) continue;
    const rk = k * n;
    u.fill(0);
    for (let i = k + 1; i < n; i++) {
      const vi = x[rk + i] as number;
      const ri = i * n;
      for (let j = 0; j < n; j++) u[j] = (u[j] as number) + vi * (q[ri + j] as number);
    }
    for (let i = k + 1; i < n; i++) {
      const tv = t * (x[rk + i] as number);
      const ri = i * n;
      for (let j = 0; j < n; j++) q[ri + j] = (q[ri + j] as number) - tv * (u[j] as number);
    }
  }
  return q;
}

/**
 * The implicit QL iteration on the tridiagonal (d, e): d becomes the
 * eigenvalues; each plane rotation is applied to two rows of `z`.
 */
function ql(d: Float64Array, e: Float64Array, z: Float64Array, n: number): void {
  for (let l = 0; l < n; l++) {
    let iterations = 0;
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m] as number) + Math.abs(d[m + 1] as number);
        if (Math.abs(e[m] as number) <= Number.EPSILON * dd) break;
      }
      if (m === l) break;
      if (++iterations > MAX_ITERATIONS) {
        throw noConvergenceError('eigSym', l + 1, `eigenvalue ${l + 1} after ${MAX_ITERATIONS} QL iterations`);
      }
      // The shift: the eigenvalue of the leading 2×2 nearer d[l].
      let g = ((d[l + 1] as number) - (d[l] as number)) / (2 * (e[l] as number));
      let r = Math.hypot(g, 1);
      g = (d[m] as number) - (d[l] as number) + (e[l] as number) / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      let deflated = false;
      for (; i >= l; i--) {
        const f = s * (e[i] as number);
        const b = c * (e[i] as number);
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // An underflow split the matrix: start over on the smaller block.
          d[i + 1] = (d[i + 1] as number) - p;
          e[m] = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = (d[i + 1] as number) - p;
        r = ((d[i] as number) - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        const ri = i * n;
        const rn = ri + n;
        for (let k = 0; k < n; k++) {
          const t = z[rn + k] as number;
          const zi = z[ri + k] as number;
          z[rn + k] = s * zi + c * t;
          z[ri + k] = c * zi - s * t;
        }
      }
      if (deflated) continue;
      d[l] = (d[l] as number) - p;
      e[l] = g;
      e[m] = 0;
    }
  }
}
