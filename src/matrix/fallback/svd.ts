/**
 * The singular value decomposition A = U Σ Vᵀ in plain TypeScript, by
 * one-sided Jacobi (Hestenes): plane rotations of pairs of columns of A
 * until every pair is orthogonal; the column norms are then the singular
 * values. Columns are kept as rows of Aᵀ while they rotate, so each
 * rotation and dot product runs along contiguous memory. Accurate (small
 * singular values to high relative accuracy), not fast: O(n²m) a sweep,
 * about 6–10 sweeps.
 */

import { noConvergenceError } from '../../libs/errors.js';
import { checkDense, convert, type Dense, type FloatArray, toFloat64, transposed } from './dense.js';

export interface Svd<T extends FloatArray> {
  /** m×k, orthonormal columns (k = min(m, n)). */
  u: Dense<T>;
  /** k singular values, descending. */
  s: T;
  /** k×n, orthonormal rows. */
  vt: Dense<T>;
}

const MAX_SWEEPS = 80;

/** The thin SVD of the m×n `a`, of its element type. */
export function svd<T extends FloatArray>(a: Dense<T>): Svd<T> {
  checkDense('svd', 'a', a);
  const like = a.data;
  if (a.rows < a.cols) {
    // Aᵀ = V Σ Uᵀ.
    const t = jacobi(transposed(toFloat64(a)));
    return {
      u: convert(like, transposed(t.vt)),
      s: convert(like, { data: t.s, rows: 1, cols: t.s.length, stride: t.s.length }).data,
      vt: convert(like, transposed(t.u)),
    };
  }
  const t = jacobi(toFloat64(a));
  return {
    u: convert(like, t.u),
    s: convert(like, { data: t.s, rows: 1, cols: t.s.length, stride: t.s.length }).data,
    vt: convert(like, t.vt),
  };
}

/** One-sided Jacobi on a contiguous m×n double matrix with m ≥ n. */
function jacobi(a: Dense<Float64Array>): { u: Dense<Float64Array>; s: Float64Array; vt: Dense<Float64Array> } {
  const { rows: m, cols: n } = a;
  const g = transposed(a).data; // row j: column j of A (length m)
  const v = new Float64Array(n * n); // row j: column j of V
  for (let j = 0; j < n; j++) v[j * n + j] = 1;
  const tol = Number.EPSILON * Math.max(1, m);
  let sweep = 0;
  for (;;) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      const rp = p * m;
      for (let q = p + 1; q < n; q++) {
        const rq = q * m;
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let k = 0; k < m; k++) {
          const x = g[rp + k] as number;
          const y = g[rq + k] as number;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let k = 0; k < m; k++) {
          const x = g[rp + k] as number;
          const y = g[rq + k] as number;
          g[rp + k] = c * x - s * y;
          g[rq + k] = s * x + c * y;
        }
        const vp = p * n;
        const vq = q * n;
        for (let k = 0; k < n; k++) {
          const x = v[vp + k] as number;
          const y = v[vq + k] as number;
          v[vp + k] = c * x - s * y;
          v[vq + k] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
    if (++sweep >= MAX_SWEEPS) {
      throw noConvergenceError('svd', sweep, `the columns were not orthogonal after ${MAX_SWEEPS} Jacobi sweeps`);
    }
  }
  // Singular values are the column norms; sort descending.
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let k = 0; k < m; k++) sum += (g[j * m + k] as number) ** 2;
    norms[j] = Math.sqrt(sum);
  }
  const order = Array.from({ length: n }, (_, j) => j).sort((p, q) => (norms[q] as number) - (norms[p] as number));
  const s = new Float64Array(n);
  const ut = new Float64Array(n * m); // row j: u_j
  const vt = new Float64Array(n * n);
  const big = norms[order[0] ?? 0] ?? 0;
  const small = big * Number.EPSILON * Math.max(m, n);
  order.forEach((src, j) => {
    const sigma = norms[src] as number;
    s[j] = sigma;
    vt.set(v.subarray(src * n, src * n + n), j * n);
    if (sigma > small) for (let k = 0; k < m; k++) ut[j * m + k] = (g[src * m + k] as number) / sigma;
  });
  // Columns of U for (numerically) zero singular values: unit vectors orthogonal to the others.
  for (let j = 0; j < n; j++) if (!((s[j] as number) > small)) completeBasis(ut, j, m);
  return {
    u: transposed({ data: ut, rows: n, cols: m, stride: m }),
    s,
    vt: { data: vt, rows: n, cols: n, stride: n },
  };
}

/** Fills row j of `ut` (rows of length m) with a unit vector orthogonal to rows 0..j−1 and to the other filled rows. */
function completeBasis(ut: Float64Array, j: number, m: number): void {
  const n = ut.length / m;
  let best = -1;
  let bestNorm = 0;
  const trial = new Float64Array(m);
  const row = ut.subarray(j * m, j * m + m);
  for (let e = 0; e < m; e++) {
    trial.fill(0);
    trial[e] = 1;
    // Gram-Schmidt twice against every other row that is set.
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < n; i++) {
        if (i === j) continue;
        let dot = 0;
        for (let k = 0; k < m; k++) dot += (ut[i * m + k] as number) * (trial[k] as number);
        if (dot !== 0) for (let k = 0; k < m; k++) trial[k] = (trial[k] as number) - dot * (ut[i * m + k] as number);
      }
    }
    let norm = 0;
    for (let k = 0; k < m; k++) norm += (trial[k] as number) ** 2;
    if (norm > bestNorm) {
      bestNorm = norm;
      best = e;
      row.set(trial);
      if (norm > 0.5) break;
    }
  }
  if (best < 0) return;
  const scale = 1 / Math.sqrt(bestNorm);
  for (let k = 0; k < m; k++) row[k] = (row[k] as number) * scale;
}
