/**
 * Independent references for the linear-algebra tests: a seeded generator,
 * matrices in row-major arrays, a naive product, norms and residuals
 * written out in plain loops (nothing here calls a library).
 */

import { xorshift } from './rng.js';

export type Floats = Float64Array | Float32Array;
export interface Mat {
  data: Floats;
  rows: number;
  cols: number;
  stride: number;
}

/** Uniform in [−1, 1), from a seed (xorshift32). */
export function random(seed: number): () => number {
  const next = xorshift(seed);
  return () => next() * 2 - 1;
}

/** Fills `into` (or a new Float64Array of n) with random values. */
export function fill<T extends Floats>(into: T, seed: number): T {
  const r = random(seed);
  for (let i = 0; i < into.length; i++) into[i] = r();
  return into;
}

export const at = (m: Mat, i: number, j: number): number => m.data[i * m.stride + j] as number;
export const mat = (data: Floats, rows: number, cols: number, stride = cols): Mat => ({ data, rows, cols, stride });

/** op(A) (m×k) times op(B) (k×n) in double, the plain triple loop. */
export function product(a: Mat, b: Mat, ta = false, tb = false): Float64Array {
  const m = ta ? a.cols : a.rows;
  const k = ta ? a.rows : a.cols;
  const n = tb ? b.rows : b.cols;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (ta ? at(a, p, i) : at(a, i, p)) * (tb ? at(b, j, p) : at(b, p, j));
      out[i * n + j] = s;
    }
  return out;
}

/** Frobenius norm of a matrix (or of an array taken as a vector). */
export function norm(m: Mat | ArrayLike<number>): number {
  let s = 0;
  if ('rows' in m) {
    for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) s += at(m, i, j) ** 2;
  } else for (let i = 0; i < m.length; i++) s += (m[i] as number) ** 2;
  return Math.sqrt(s);
}

/** max |x − y| over two arrays of the same length. */
export function maxDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new Error(`lengths differ: ${x.length} and ${y.length}`);
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs((x[i] as number) - (y[i] as number)));
  return d;
}

/** ‖A X − B‖ / (‖A‖ ‖X‖): the backward error of a solve. */
export function residual(a: Mat, x: Mat, b: Mat): number {
  const ax = product(a, x);
  let s = 0;
  for (let i = 0; i < b.rows; i++)
    for (let j = 0; j < b.cols; j++) s += ((ax[i * b.cols + j] as number) - at(b, i, j)) ** 2;
  return Math.sqrt(s) / (norm(a) * norm(x) || 1);
}

/** ‖QᵀQ − I‖ for the columns of q. */
export function orthogonality(q: Mat): number {
  const g = product(q, q, true, false);
  const n = q.cols;
  for (let i = 0; i < n; i++) g[i * n + i] = (g[i * n + i] as number) - 1;
  return norm(g);
}

/** The contiguous copy of a matrix (its rows × cols elements). */
export function dense(m: Mat): Float64Array {
  const out = new Float64Array(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out[i * m.cols + j] = at(m, i, j);
  return out;
}

/** The n×n Hilbert matrix 1/(i+j+1) and its exact inverse (integers). */
export function hilbert(n: number): { h: Float64Array; inverse: Float64Array } {
  const h = new Float64Array(n * n);
  const inv = new Float64Array(n * n);
  const binom = (a: number, b: number) => {
    let r = 1;
    for (let k = 1; k <= b; k++) r = (r * (a - b + k)) / k;
    return r;
  };
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      h[i * n + j] = 1 / (i + j + 1);
      inv[i * n + j] =
        (-1) ** (i + j) * (i + j + 1) * binom(n + i, n - j - 1) * binom(n + j, n - i - 1) * binom(i + j, i) ** 2;
    }
  return { h, inverse: inv };
}

/** Machine epsilon of an array's element type. */
export const epsOf = (x: Floats): number => (x instanceof Float32Array ? 2 ** -23 : 2 ** -52);
