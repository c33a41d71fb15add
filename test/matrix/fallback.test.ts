/**
 * The plain-TypeScript solvers against independent checks: residuals
 * ‖AX − B‖/(‖A‖‖X‖), QᵀQ = I, A = UΣVᵀ, AV = VΛ, the exact inverse of a
 * Hilbert matrix, a 2×2 by hand; both element types, odd shapes, strided
 * views; and their errors. No library is loaded.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LinAlgError } from '../../src/libs/errors.js';
import * as F from '../../src/matrix/fallback/index.js';
import {
  epsOf,
  type Floats,
  fill,
  hilbert,
  mat,
  maxDiff,
  norm,
  orthogonality,
  product,
  residual,
} from '../support/linalg.js';

const TYPES = [Float64Array, Float32Array] as const;
type Ctor = (typeof TYPES)[number];

/** A random rows×cols matrix with stride cols + pad (a view of a wider one). */
function randomMat(T: Ctor, rows: number, cols: number, seed: number, pad = 0): F.Dense {
  const stride = cols + pad;
  return { data: fill(new T(Math.max(0, (rows - 1) * stride + cols)), seed), rows, cols, stride };
}

/** A symmetric positive definite n×n: M Mᵀ + n I. */
function spd(T: Ctor, n: number, seed: number): F.Dense {
  const m = randomMat(Float64Array, n, n, seed);
  const p = product(m, m, false, true);
  for (let i = 0; i < n; i++) p[i * n + i] = (p[i * n + i] as number) + n;
  return mat(T.from(p), n, n) as F.Dense;
}

/** Tolerance for a backward error in the type's precision. */
const tol = (x: Floats, n: number) => 50 * n * epsOf(x);

for (const T of TYPES) {
  describe(`fallback solvers, ${T.name}`, () => {
    test('solve: residual small for odd shapes and a strided view', () => {
      for (const [n, r, pad] of [
        [1, 1, 0],
        [2, 3, 0],
        [7, 1, 3],
        [31, 5, 2],
        [64, 3, 0],
      ] as const) {
        const a = randomMat(T, n, n, 11 + n, pad);
        const b = randomMat(T, n, r, 7 + n, pad);
        const x = F.solve(a, b);
        assert.ok(x.data instanceof T);
        assert.deepEqual([x.rows, x.cols], [n, r]);
        assert.ok(residual(a, x, b) < tol(a.data, n), `n=${n}: ${residual(a, x, b)}`);
      }
    });

    test('getrf/getrs in place, and det of a 2×2 by hand', () => {
      const a = randomMat(T, 9, 9, 3);
      const keep = mat(T.from(a.data), 9, 9);
      const f = F.getrf(a);
      assert.equal(f.info, 0);
      const b = randomMat(T, 9, 2, 4);
      const x = mat(T.from(b.data), 9, 2) as F.Dense;
      F.getrs(a, f.ipiv, x);
      assert.ok(residual(keep, x, b) < tol(a.data, 9));
      assert.equal(F.det(mat(T.of(3, 8, 4, 6), 2, 2) as F.Dense), 3 * 6 - 8 * 4);
      assert.equal(F.det(mat(T.of(0, 1, 1, 0), 2, 2) as F.Dense), -1); // one row swap
      assert.equal(F.det(mat(T.of(1, 2, 2, 4), 2, 2) as F.Dense), 0);
    });

    test('inverse: A A⁻¹ = I, and the Hilbert matrix of order 5 against its exact inverse', () => {
      const a = randomMat(T, 13, 13, 5);
      const inv = F.inverse(a);
      const p = product(a, inv);
      const id = F.identity(13).data;
      assert.ok(maxDiff(p, id) < tol(a.data, 13) * 10, `${maxDiff(p, id)}`);
      const { h, inverse } = hilbert(5);
      const hi = F.inverse(mat(T.from(h), 5, 5) as F.Dense);
      // cond(H5) ≈ 4.8e5: the relative error is about cond × eps.
      const rel = maxDiff(hi.data, inverse) / norm(inverse);
      assert.ok(rel < 5e5 * 10 * epsOf(hi.data), `${rel}`);
    });

    test('cholesky: L Lᵀ = A, L lower triangular; choleskySolve residual', () => {
      for (const n of [1, 4, 17, 40]) {
        const a = spd(T, n, n);
        const l = F.cholesky(a);
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) assert.equal(l.data[i * n + j], 0);
        const llt = product(l, l, false, true);
        assert.ok(maxDiff(llt, a.data) / norm(a) < tol(a.data, n), `n=${n}`);
        const b = randomMat(T, n, 3, 2);
        assert.ok(residual(a, F.choleskySolve(a, b), b) < tol(a.data, n));
      }
    });

    test('qr: Q R = A, QᵀQ = I, R upper triangular (tall, wide, square)', () => {
      for (const [m, n] of [
        [1, 1],
        [9, 5],
        [5, 9],
        [23, 23],
        [40, 3],
      ] as const) {
        const a = randomMat(T, m, n, m * 31 + n, 1);
        const { q, r } = F.qr(a);
        const k = Math.min(m, n);
        assert.deepEqual([q.rows, q.cols, r.rows, r.cols], [m, k, k, n]);
        for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) assert.equal(r.data[i * n + j], 0);
        const qr = product(q, r);
        const ad = mat(T.from(a.data), a.rows, a.cols, a.stride);
        let d = 0;
        for (let i = 0; i < m; i++)
          for (let j = 0; j < n; j++)
            d = Math.max(d, Math.abs((qr[i * n + j] as number) - (ad.data[i * a.stride + j] as number)));
        assert.ok(d / norm(a) < tol(a.data, m), `${m}×${n}: ${d}`);
        assert.ok(orthogonality(q) < tol(a.data, m), `${m}×${n}`);
      }
    });

    test('lstsq: the normal equations hold (m ≥ n); A X = B with least norm (m < n)', () => {
      const a = randomMat(T, 30, 7, 8);
      const b = randomMat(T, 30, 2, 9);
      const x = F.lstsq(a, b);
      // Aᵀ (A X − B) = 0
      const ax = product(a, x);
      const r = new Float64Array(ax.length);
      for (let i = 0; i < 30; i++)
        for (let j = 0; j < 2; j++) r[i * 2 + j] = (ax[i * 2 + j] as number) - (b.data[i * 2 + j] as number);
      const g = product(a, mat(r, 30, 2), true, false);
      assert.ok(norm(g) / (norm(a) * norm(r)) < tol(a.data, 30), `${norm(g)}`);
      const w = randomMat(T, 4, 11, 10);
      const c = randomMat(T, 4, 1, 12);
      const y = F.lstsq(w, c);
      assert.ok(residual(w, y, c) < tol(w.data, 11));
      // least norm: y is in the row space of W, y = Wᵀ z with z = (W Wᵀ)⁻¹ c
      const wwt = product(w, w, false, true);
      const z = F.solve(mat(wwt, 4, 4) as F.Dense, mat(Float64Array.from(c.data), 4, 1) as F.Dense);
      const yn = product(w, z, true, false);
      assert.ok(maxDiff(yn, y.data) < 100 * tol(w.data, 11), `${maxDiff(yn, y.data)}`);
    });

    test('eigSym: A V = V Λ, VᵀV = I, values ascending; a 2×2 by hand', () => {
      for (const n of [1, 2, 3, 16, 45]) {
        const base = randomMat(Float64Array, n, n, 77 + n);
        const s = product(base, base, false, true); // symmetric
        const a = mat(T.from(s), n, n) as F.Dense;
        const { values, vectors } = F.eigSym(a);
        assert.ok(values instanceof T && vectors.data instanceof T);
        for (let i = 1; i < n; i++) assert.ok((values[i] as number) >= (values[i - 1] as number));
        const av = product(a, vectors);
        let d = 0;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            d = Math.max(
              d,
              Math.abs((av[i * n + j] as number) - (vectors.data[i * n + j] as number) * (values[j] as number)),
            );
        assert.ok(d / (norm(a) || 1) < tol(a.data, n), `n=${n}: ${d}`);
        assert.ok(orthogonality(vectors) < tol(a.data, n), `n=${n}`);
      }
      // [[2, 1], [1, 2]]: eigenvalues 1 and 3, vectors (1, −1)/√2 and (1, 1)/√2.
      const e = F.eigSym(mat(T.of(2, 1, 1, 2), 2, 2) as F.Dense);
      assert.ok(maxDiff(e.values, [1, 3]) < 4 * epsOf(e.values));
      assert.ok(Math.abs(Math.abs(e.vectors.data[0] as number) - Math.SQRT1_2) < 4 * epsOf(e.values));
    });

    test('svd: U Σ Vᵀ = A, orthonormal U and V, descending σ; rank-deficient and 1×n', () => {
      const cases: F.Dense[] = [
        randomMat(T, 12, 7, 1),
        randomMat(T, 7, 12, 2, 2),
        randomMat(T, 1, 6, 3),
        randomMat(T, 6, 1, 4),
        randomMat(T, 20, 20, 5),
      ];
      // rank 2: the outer products of two vectors
      const u0 = fill(new Float64Array(8), 6);
      const u1 = fill(new Float64Array(8), 7);
      const low = new T(8 * 5);
      for (let i = 0; i < 8; i++)
        for (let j = 0; j < 5; j++) low[i * 5 + j] = (u0[i] as number) * (j + 1) + (u1[i] as number) * (j % 2);
      cases.push(mat(low, 8, 5) as F.Dense);
      for (const a of cases) {
        const { u, s, vt } = F.svd(a);
        const k = Math.min(a.rows, a.cols);
        assert.deepEqual([u.rows, u.cols, s.length, vt.rows, vt.cols], [a.rows, k, k, k, a.cols]);
        for (let i = 1; i < k; i++) assert.ok((s[i] as number) <= (s[i - 1] as number));
        const us = new Float64Array(u.rows * k);
        for (let i = 0; i < u.rows; i++)
          for (let j = 0; j < k; j++) us[i * k + j] = (u.data[i * k + j] as number) * (s[j] as number);
        const back = product(mat(us, u.rows, k), vt);
        let d = 0;
        for (let i = 0; i < a.rows; i++)
          for (let j = 0; j < a.cols; j++)
            d = Math.max(d, Math.abs((back[i * a.cols + j] as number) - (a.data[i * a.stride + j] as number)));
        assert.ok(d / norm(a) < tol(a.data, a.rows + a.cols), `${a.rows}×${a.cols}: ${d}`);
        assert.ok(orthogonality(u) < tol(a.data, a.rows + a.cols), `U of ${a.rows}×${a.cols}: ${orthogonality(u)}`);
        assert.ok(orthogonality(F.transposed(vt)) < tol(a.data, a.rows + a.cols), `V of ${a.rows}×${a.cols}`);
      }
      // [[3, 0], [4, 5]]: σ = √45 and √5 (σ1σ2 = |det| = 15, σ1² + σ2² = 50).
      const { s } = F.svd(mat(T.of(3, 0, 4, 5), 2, 2) as F.Dense);
      assert.ok(maxDiff(s, [Math.sqrt(45), Math.sqrt(5)]) < 8 * epsOf(s));
    });
  });
}

describe('fallback solvers: errors', () => {
  const m = (v: number[], r: number, c: number) => mat(Float64Array.from(v), r, c) as F.Dense;
  test('a singular matrix: LinAlgError with the pivot, from solve and inverse; det is 0', () => {
    const a = m([1, 2, 3, 2, 4, 6, 1, 0, 1], 3, 3); // row 2 = 2 × row 1
    for (const f of [() => F.solve(a, m([1, 2, 3], 3, 1)), () => F.inverse(a)]) {
      assert.throws(f, (e: unknown) => {
        assert.ok(e instanceof LinAlgError);
        assert.equal(e.kind, 'singular');
        assert.equal(e.info, 3);
        assert.equal(e.message, 'getrf: matrix is singular: U(3,3) is exactly zero');
        return true;
      });
    }
    assert.equal(F.det(a), 0);
    assert.equal(F.lu(a).info, 3);
  });

  test('not positive definite: the order of the failing minor', () => {
    // Leading minors 4, 4·5 − 4 = 16 > 0, then the 3×3 determinant is negative.
    const a = m([4, 2, 2, 2, 5, 4, 2, 4, 1], 3, 3);
    assert.throws(
      () => F.cholesky(a),
      (e: unknown) => e instanceof LinAlgError && e.kind === 'not-positive-definite' && e.info === 3,
    );
    assert.throws(() => F.cholesky(m([-1], 1, 1)), /leading minor of order 1/);
  });

  test('rank deficient least squares (an exact zero in R, as gels sees it)', () => {
    const a = m([1, 0, 2, 0, 3, 0], 3, 2);
    assert.throws(
      () => F.lstsq(a, m([1, 1, 1], 3, 1)),
      (e: unknown) => e instanceof LinAlgError && e.kind === 'rank-deficient' && e.info === 2,
    );
  });

  test('bad shapes: a TypeError naming both shapes, before any work', () => {
    assert.throws(
      () => F.solve(m([1, 2, 3, 4, 5, 6], 2, 3), m([1, 2], 2, 1)),
      /solve: a is 2×3; expected a square matrix/,
    );
    assert.throws(
      () => F.solve(m([1, 0, 0, 1], 2, 2), m([1, 2, 3], 3, 1)),
      /solve: a is 2×2 but b is 3×1; b must have 2 rows/,
    );
    assert.throws(
      () => F.eigSym({ data: new Float64Array(5), rows: 3, cols: 3, stride: 3 }),
      /needs 9 elements; its array has 5/,
    );
    assert.throws(() => F.qr({ data: new Float64Array(9), rows: 3, cols: 3, stride: 2 }), /stride must be at least 3/);
    assert.throws(() => F.svd({ data: [1, 2] as unknown as Float64Array, rows: 1, cols: 2, stride: 2 }), TypeError);
  });
});
