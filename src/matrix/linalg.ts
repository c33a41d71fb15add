/**
 * The solvers of Matrix: solve, inv, det, cholesky, lu, qr, eigSym, svd and
 * lstsq. Each runs LAPACKE in the sidecar on a contiguous copy in the
 * region (LAPACK overwrites its input) when the sidecar can load it, else
 * the plain-TypeScript solvers of ./fallback in the host, and says which in
 * the result's `backend`. A failure of the mathematics (a singular matrix,
 * one not positive definite, no convergence) is a LinAlgError either way.
 */

import type { CallOptions } from '../host/call.js';
import { checkCallOptions, checkKeys, shown } from '../host/options.js';
import { LinAlgError } from '../libs/errors.js';
import { type Lapack, lapacke } from '../libs/lapack.js';
import type * as Fallback from './fallback/index.js';
import { type Compute, copyInto, type ElementType, Matrix, shapeOf } from './matrix.js';

export type SolverBackend = 'auto' | 'lapacke' | 'js';

export interface SolverOptions extends CallOptions {
  /** 'auto' (default): LAPACKE if it loads, else the TypeScript solvers; or force one. */
  backend?: SolverBackend;
}

const OPTIONS = ['backend', 'timeoutMs', 'signal'] as const;
const ROW_MAJOR = 101;
const BACKENDS: readonly SolverBackend[] = ['auto', 'lapacke', 'js'];

const found = new WeakMap<Compute, Promise<Lapack | null>>();

/** LAPACKE for this owner (a Pool's calls go to its least busy member), or null when it does not load. */
function lapackOf(owner: Compute): Promise<Lapack | null> {
  let p = found.get(owner);
  if (!p) {
    p = lapacke(owner).catch((e: Error) => {
      if (e.name === 'LibraryError') return null;
      found.delete(owner);
      throw e;
    });
    found.set(owner, p);
  }
  return p;
}

type Plan = { lapack: Lapack; call: CallOptions } | { lapack: null; call: CallOptions };

/** The TypeScript solvers, loaded the first time a sidecar without LAPACKE needs them. */
const loaded: { fallback?: typeof Fallback } = {};
const fb = (): typeof Fallback => loaded.fallback as typeof Fallback;

async function plan(where: string, a: Matrix, opts: SolverOptions, square: boolean): Promise<Plan> {
  if (!(a instanceof Matrix)) throw new TypeError(`${where}: expected a Matrix, got ${shown(a)}`);
  if (opts === null || typeof opts !== 'object') throw new TypeError(`${where}: options must be an object`);
  checkKeys(where, opts, OPTIONS);
  checkCallOptions(where, { timeoutMs: opts.timeoutMs, signal: opts.signal });
  const backend = opts.backend ?? 'auto';
  if (!BACKENDS.includes(backend)) {
    throw new TypeError(`${where}: backend must be ${BACKENDS.map((b) => `'${b}'`).join(', ')}, got ${shown(backend)}`);
  }
  if (a.freed) throw new TypeError(`${where}: the matrix was freed`);
  if (square && a.rows !== a.cols) throw new TypeError(`${where}: needs a square matrix, got ${shapeOf(a)}`);
  const call = { timeoutMs: opts.timeoutMs, signal: opts.signal };
  const lapack = backend === 'js' ? null : await lapackOf(a.owner);
  if (!lapack && backend === 'lapacke') {
    throw new TypeError(
      `${where}: the 'lapacke' backend was asked for, but LAPACKE does not load (apt-get install liblapacke)`,
    );
  }
  if (!lapack) loaded.fallback ??= await import('./fallback/index.js');
  return { lapack, call };
}

const LAPACKE_NAME = 'lapacke';
const JS_NAME = 'js (plain TypeScript solvers: LAPACKE is not loaded)';

function named(m: Matrix, p: Plan): Matrix {
  m.backend = p.lapack ? LAPACKE_NAME : JS_NAME;
  return m;
}

/** The view of a contiguous matrix's elements, as LAPACKE takes it. */
const elems = (m: Matrix) => m.data.subarray(m.offset, m.offset + Math.max(1, m.rows * m.cols));
const prefix = (m: Matrix) => (m.type === 'f64' ? 'd' : 's');

/** A matrix as the fallback solvers take it (a contiguous copy when it is a strided view). */
function dense(m: Matrix): Fallback.Dense {
  const c = m.contiguous ? m : m.copy();
  const data = c.data.subarray(c.offset, c.offset + c.rows * c.cols);
  // The fallback's in-place routines must not write into the caller's matrix.
  return { data: c === m ? data.slice() : data, rows: c.rows, cols: c.cols, stride: c.cols };
}

/** A fallback result copied into the region. */
function toMatrix(owner: Compute, d: Fallback.Dense, type: ElementType): Matrix {
  const m = Matrix.zeros(owner, d.rows, d.cols, type);
  for (let i = 0; i < d.rows; i++) m.data.set(d.data.subarray(i * d.stride, i * d.stride + d.cols), i * d.cols);
  return m;
}

function rhs(where: string, a: Matrix, b: Matrix, rows = a.rows): void {
  if (!(b instanceof Matrix)) throw new TypeError(`${where}: the right-hand side must be a Matrix, got ${shown(b)}`);
  if (b.rows !== rows) {
    throw new TypeError(`${where}: ${shapeOf(a)} and ${shapeOf(b)}: the right-hand side needs ${rows} rows`);
  }
  if (b.type !== a.type) throw new TypeError(`${where}: element types differ (${shapeOf(a)} and ${shapeOf(b)})`);
}

/** X with A·X = B (A square). */
export async function solve(a: Matrix, b: Matrix, opts: SolverOptions = {}): Promise<Matrix> {
  const p = await plan('solve', a, opts, true);
  rhs('solve', a, b);
  if (!p.lapack) return named(toMatrix(a.owner, fb().solve(dense(a), dense(b)), a.type), p);
  const lu = a.copy();
  const x = b.copy();
  const ipiv = a.owner.alloc('int', Math.max(1, a.rows));
  try {
    const f = p.lapack[`${prefix(a)}gesv`] as Lapack['dgesv'];
    await f(
      ROW_MAJOR,
      a.rows,
      b.cols,
      elems(lu) as Float64Array,
      Math.max(1, a.cols),
      ipiv,
      elems(x) as Float64Array,
      Math.max(1, b.cols),
      p.call,
    );
    return named(x, p);
  } catch (e) {
    x.free();
    throw e;
  } finally {
    lu.free();
    a.owner.free(ipiv);
  }
}

/** The LU factors of a copy, and the pivots (LAPACK's, 1-based), by getrf. */
async function getrf(
  a: Matrix,
  p: Plan & { lapack: Lapack },
): Promise<{ lu: Matrix; ipiv: Int32Array; singular: boolean }> {
  const lu = a.copy();
  const ipiv = a.owner.alloc('int', Math.max(1, Math.min(a.rows, a.cols)));
  const f = p.lapack[`${prefix(a)}getrf`] as Lapack['dgetrf'];
  const info = (await f.raw(
    ROW_MAJOR,
    a.rows,
    a.cols,
    elems(lu) as Float64Array,
    Math.max(1, a.cols),
    ipiv,
    p.call,
  )) as number;
  if (info < 0) {
    lu.free();
    a.owner.free(ipiv);
    const routine = `LAPACKE_${prefix(a)}getrf`;
    throw new LinAlgError(routine, info, 'illegal-argument', `argument ${-info} has an illegal value`);
  }
  return { lu, ipiv, singular: info > 0 };
}

/** The determinant (0 for a singular matrix). */
export async function det(a: Matrix, opts: SolverOptions = {}): Promise<number> {
  const p = await plan('det', a, opts, true);
  if (!p.lapack) return fb().det(dense(a));
  const { lu, ipiv, singular } = await getrf(a, p);
  try {
    if (singular) return 0;
    let d = 1;
    for (let i = 0; i < a.rows; i++)
      d *= (ipiv[i] !== i + 1 ? -1 : 1) * (lu.data[lu.offset + i * a.cols + i] as number);
    return d;
  } finally {
    lu.free();
    a.owner.free(ipiv);
  }
}

/** The inverse (a LinAlgError for a singular matrix). */
export async function inv(a: Matrix, opts: SolverOptions = {}): Promise<Matrix> {
  const p = await plan('inv', a, opts, true);
  if (!p.lapack) return named(toMatrix(a.owner, fb().inverse(dense(a)), a.type), p);
  const { lu, ipiv } = await getrf(a, p);
  try {
    const f = p.lapack[`${prefix(a)}getri`] as Lapack['dgetri'];
    await f(ROW_MAJOR, a.rows, elems(lu) as Float64Array, Math.max(1, a.cols), ipiv, p.call);
    return named(lu, p);
  } catch (e) {
    lu.free();
    throw e;
  } finally {
    a.owner.free(ipiv);
  }
}

/** P, L, U with P·A = L·U (L unit lower triangular m×k, U upper k×n, k = min(m, n)). */
export async function lu(a: Matrix, opts: SolverOptions = {}): Promise<{ p: Matrix; l: Matrix; u: Matrix }> {
  const pl = await plan('lu', a, opts, false);
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  let factors: Float64Array | Float32Array;
  let pivots: Int32Array; // 0-based row swaps
  let lum: Matrix | null = null;
  if (pl.lapack) {
    const r = await getrf(a, pl);
    lum = r.lu;
    factors = lum.data.subarray(lum.offset, lum.offset + m * n);
    pivots = Int32Array.from(r.ipiv.subarray(0, k), (x) => x - 1);
    a.owner.free(r.ipiv);
  } else {
    const d = dense(a);
    const f = fb().getrf(d);
    factors = d.data;
    pivots = f.ipiv;
  }
  try {
    const L = Matrix.zeros(a.owner, m, k, a.type);
    const U = Matrix.zeros(a.owner, k, n, a.type);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const v = factors[i * n + j] as number;
        if (j < i && j < k) L.data[i * k + j] = v;
        else if (i < k) U.data[i * n + j] = v;
      }
      if (i < k) L.data[i * k + i] = 1;
    }
    const perm = Array.from({ length: m }, (_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = pivots[i] as number;
      [perm[i], perm[j]] = [perm[j] as number, perm[i] as number];
    }
    const P = Matrix.zeros(a.owner, m, m, a.type);
    perm.forEach((row, i) => {
      P.data[i * m + row] = 1;
    });
    return { p: named(P, pl), l: named(L, pl), u: named(U, pl) };
  } finally {
    lum?.free();
  }
}

/** L, lower triangular, with A = L·Lᵀ (A symmetric positive definite; its lower triangle is read). */
export async function cholesky(a: Matrix, opts: SolverOptions = {}): Promise<Matrix> {
  const p = await plan('cholesky', a, opts, true);
  if (!p.lapack) return named(toMatrix(a.owner, fb().cholesky(dense(a)), a.type), p);
  const l = a.copy();
  try {
    const f = p.lapack[`${prefix(a)}potrf`] as Lapack['dpotrf'];
    await f(ROW_MAJOR, 'L'.charCodeAt(0), a.rows, elems(l) as Float64Array, Math.max(1, a.cols), p.call);
  } catch (e) {
    l.free();
    throw e;
  }
  for (let i = 0; i < a.rows; i++) for (let j = i + 1; j < a.cols; j++) l.data[i * a.cols + j] = 0;
  return named(l, p);
}

/** The thin QR: Q (m×k, orthonormal columns) and R (k×n, upper triangular), k = min(m, n). */
export async function qr(a: Matrix, opts: SolverOptions = {}): Promise<{ q: Matrix; r: Matrix }> {
  const p = await plan('qr', a, opts, false);
  if (!p.lapack) {
    const { q, r } = fb().qr(dense(a));
    return { q: named(toMatrix(a.owner, q, a.type), p), r: named(toMatrix(a.owner, r, a.type), p) };
  }
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const f = a.copy();
  const tau = a.owner.alloc(a.type === 'f64' ? 'double' : 'float', Math.max(1, k));
  try {
    const geqrf = p.lapack[`${prefix(a)}geqrf`] as Lapack['dgeqrf'];
    await geqrf(ROW_MAJOR, m, n, elems(f) as Float64Array, Math.max(1, n), tau as Float64Array, p.call);
    const R = Matrix.zeros(a.owner, k, n, a.type);
    for (let i = 0; i < k; i++) for (let j = i; j < n; j++) R.data[i * n + j] = f.data[i * n + j] as number;
    // Q: the first k columns of the reflectors' product, made in place in an m×k copy
    const Q = Matrix.zeros(a.owner, m, k, a.type);
    for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) Q.data[i * k + j] = f.data[i * n + j] as number;
    const orgqr = p.lapack[`${prefix(a)}orgqr`] as Lapack['dorgqr'];
    await orgqr(ROW_MAJOR, m, k, k, elems(Q) as Float64Array, Math.max(1, k), tau as Float64Array, p.call);
    return { q: named(Q, p), r: named(R, p) };
  } finally {
    f.free();
    a.owner.free(tau);
  }
}

/** Eigenvalues (ascending) and orthonormal eigenvectors (the columns) of a symmetric matrix (its lower triangle is read). */
export async function eigSym(
  a: Matrix,
  opts: SolverOptions = {},
): Promise<{ values: Float64Array | Float32Array; vectors: Matrix }> {
  const p = await plan('eigSym', a, opts, true);
  if (!p.lapack) {
    const e = fb().eigSym(dense(a));
    return { values: e.values.slice(), vectors: named(toMatrix(a.owner, e.vectors, a.type), p) };
  }
  const v = a.copy();
  const w = a.owner.alloc(a.type === 'f64' ? 'double' : 'float', Math.max(1, a.rows));
  try {
    const f = p.lapack[`${prefix(a)}syevd`] as Lapack['dsyevd'];
    await f(
      ROW_MAJOR,
      'V'.charCodeAt(0),
      'L'.charCodeAt(0),
      a.rows,
      elems(v) as Float64Array,
      Math.max(1, a.cols),
      w as Float64Array,
      p.call,
    );
    return { values: w.slice(0, a.rows), vectors: named(v, p) };
  } catch (e) {
    v.free();
    throw e;
  } finally {
    a.owner.free(w);
  }
}

/** The thin SVD: U (m×k), the singular values (descending), Vᵀ (k×n), k = min(m, n). */
export async function svd(
  a: Matrix,
  opts: SolverOptions = {},
): Promise<{ u: Matrix; s: Float64Array | Float32Array; vt: Matrix }> {
  const p = await plan('svd', a, opts, false);
  if (!p.lapack) {
    const r = fb().svd(dense(a));
    return {
      u: named(toMatrix(a.owner, r.u, a.type), p),
      s: r.s.slice(),
      vt: named(toMatrix(a.owner, r.vt, a.type), p),
    };
  }
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const c = a.copy();
  const U = Matrix.zeros(a.owner, m, k, a.type);
  const VT = Matrix.zeros(a.owner, k, n, a.type);
  const s = a.owner.alloc(a.type === 'f64' ? 'double' : 'float', Math.max(1, k));
  try {
    const f = p.lapack[`${prefix(a)}gesdd`] as Lapack['dgesdd'];
    await f(
      ROW_MAJOR,
      'S'.charCodeAt(0),
      m,
      n,
      elems(c) as Float64Array,
      Math.max(1, n),
      s as Float64Array,
      elems(U) as Float64Array,
      Math.max(1, k),
      elems(VT) as Float64Array,
      Math.max(1, n),
      p.call,
    );
    return { u: named(U, p), s: s.slice(0, k), vt: named(VT, p) };
  } catch (e) {
    U.free();
    VT.free();
    throw e;
  } finally {
    c.free();
    a.owner.free(s);
  }
}

/** X minimising ‖A·X − B‖ (A of full rank; an underdetermined system gets the least-norm X). */
export async function lstsq(a: Matrix, b: Matrix, opts: SolverOptions = {}): Promise<Matrix> {
  const p = await plan('lstsq', a, opts, false);
  rhs('lstsq', a, b);
  if (!p.lapack) return named(toMatrix(a.owner, fb().lstsq(dense(a), dense(b)), a.type), p);
  const m = a.rows;
  const n = a.cols;
  const nrhs = b.cols;
  const c = a.copy();
  // gels works in a max(m, n) × nrhs B: the solution comes back in its first n rows
  const big = Matrix.zeros(a.owner, Math.max(m, n), nrhs, a.type);
  copyInto(b, big.slice(0, m));
  try {
    const f = p.lapack[`${prefix(a)}gels`] as Lapack['dgels'];
    await f(
      ROW_MAJOR,
      'N'.charCodeAt(0),
      m,
      n,
      nrhs,
      elems(c) as Float64Array,
      Math.max(1, n),
      elems(big) as Float64Array,
      Math.max(1, nrhs),
      p.call,
    );
    const x = big.slice(0, n).copy();
    return named(x, p);
  } finally {
    c.free();
    big.free();
  }
}
