/**
 * Matrix's solvers on both backends (LAPACKE in the sidecar, the TypeScript
 * solvers in the host), both element types, checked by residuals computed
 * here with a naive product: ‖A·X − B‖, ‖P·A − L·U‖, QᵀQ = I, A·V = V·Λ,
 * U·Σ·Vᵀ = A, Aᵀ(A·X − B) = 0, a determinant by hand; and the errors.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LinAlgError, Matrix, Sidecar } from '../../src/index.js';

let sc: Sidecar;
let hasLapacke = false;
before(async () => {
  sc = await Sidecar.start({ memory: 64 << 20 });
  hasLapacke = await sc.library('lapacke').then(
    () => true,
    () => false,
  );
});
after(() => sc.stop());

/** a·b in double precision, as nested arrays. */
function mul(a: Matrix | number[][], b: Matrix | number[][]): number[][] {
  const A = Array.isArray(a) ? a : a.toArray();
  const B = Array.isArray(b) ? b : b.toArray();
  return A.map((row) =>
    (B[0] ?? []).map((_, j) => row.reduce((s, x, k) => s + x * ((B[k] as number[])[j] as number), 0)),
  );
}
const T = (m: number[][]) => (m[0] ?? []).map((_, j) => m.map((r) => r[j] as number));
function maxDiff(a: number[][], b: number[][]): number {
  let d = 0;
  a.forEach((r, i) => {
    r.forEach((x, j) => {
      d = Math.max(d, Math.abs(x - ((b[i] as number[])[j] as number)));
    });
  });
  return d;
}
const eye = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/** A well-conditioned n×n matrix (diagonally dominant), and a symmetric positive definite one. */
function general(n: number, type: 'f64' | 'f32', seed: number): Matrix {
  const m = Matrix.random(sc, n, n, { type, seed });
  for (let i = 0; i < n; i++) m.set(i, i, m.get(i, i) + n);
  return m;
}
function spd(n: number, type: 'f64' | 'f32', seed: number): Matrix {
  const r = Matrix.random(sc, n, n, { seed }).toArray();
  const a = mul(r, T(r)).map((row, i) => row.map((x, j) => x + (i === j ? n : 0)));
  return Matrix.from(sc, a, type);
}

for (const backend of ['lapacke', 'js'] as const) {
  for (const type of ['f64', 'f32'] as const) {
    describe(`solvers, ${backend} ${type}`, () => {
      const tol = type === 'f64' ? 1e-10 : 2e-3;
      const opts = { backend };
      const skip = (t: { skip(m: string): void }) => {
        if (backend === 'lapacke' && !hasLapacke) {
          t.skip('LAPACKE is not installed');
          return true;
        }
        return false;
      };

      test('solve, inv, det', async (t) => {
        if (skip(t)) return;
        const a = general(37, type, 1);
        const b = Matrix.random(sc, 37, 3, { type, seed: 2 });
        const x = await a.solve(b, opts);
        assert.match(x.backend, backend === 'lapacke' ? /^lapacke/ : /^js/);
        assert.ok(maxDiff(mul(a, x), b.toArray()) < tol * 37, 'A·X = B');
        const ai = await a.inv(opts);
        assert.ok(maxDiff(mul(a, ai), eye(37)) < tol * 37, 'A·A⁻¹ = I');
        const d = await Matrix.from(
          sc,
          [
            [2, 1, 0],
            [1, 3, 1],
            [0, 1, 4],
          ],
          type,
        ).det(opts);
        assert.ok(Math.abs(d - 18) < tol * 10, `det ${d}`); // 2(12-1) - 1(4-0) = 18
        assert.equal(
          await Matrix.from(
            sc,
            [
              [1, 2],
              [2, 4],
            ],
            type,
          ).det(opts),
          0,
        );
        // a strided view (the transpose of a slice) solves the same
        const big = general(40, type, 3);
        const view = big.slice(1, 38, 2, 39).T;
        const xv = await view.solve(b, opts);
        assert.ok(maxDiff(mul(view, xv), b.toArray()) < tol * 37, 'view');
      });

      test('lu and cholesky', async (t) => {
        if (skip(t)) return;
        for (const [m, n] of [
          [7, 5],
          [5, 7],
          [6, 6],
        ] as const) {
          const a = Matrix.random(sc, m, n, { type, seed: m * 10 + n });
          const { p, l, u } = await a.lu(opts);
          assert.ok(maxDiff(mul(p, a), mul(l, u)) < tol * 10, `P·A = L·U for ${m}×${n}`);
          l.toArray().forEach((r, i) => {
            r.forEach((x, j) => {
              assert.ok(j < i || x === (i === j ? 1 : 0), 'L unit lower');
            });
          });
          u.toArray().forEach((r, i) => {
            r.forEach((x, j) => {
              assert.ok(j >= i || x === 0, 'U upper');
            });
          });
        }
        const s = spd(20, type, 4);
        const l = await s.cholesky(opts);
        assert.ok(maxDiff(mul(l, T(l.toArray())), s.toArray()) < tol * 40, 'L·Lᵀ = A');
        l.toArray().forEach((r, i) => {
          r.forEach((x, j) => {
            assert.ok(j <= i || x === 0, 'L lower');
          });
        });
      });

      test('qr, eigSym, svd, lstsq', async (t) => {
        if (skip(t)) return;
        const a = Matrix.random(sc, 9, 5, { type, seed: 5 });
        const { q, r } = await a.qr(opts);
        assert.deepEqual([q.rows, q.cols, r.rows, r.cols], [9, 5, 5, 5]);
        assert.ok(maxDiff(mul(T(q.toArray()), q), eye(5)) < tol * 10, 'QᵀQ = I');
        assert.ok(maxDiff(mul(q, r), a.toArray()) < tol * 10, 'Q·R = A');
        const s = spd(12, type, 6);
        const e = await s.eigSym(opts);
        const v = e.vectors.toArray();
        const vl = v.map((row) => row.map((x, j) => x * (e.values[j] as number)));
        assert.ok(maxDiff(mul(s, v), vl) < tol * 100, 'A·V = V·Λ');
        assert.ok(maxDiff(mul(T(v), v), eye(12)) < tol * 10, 'VᵀV = I');
        for (let i = 1; i < 12; i++) assert.ok((e.values[i - 1] as number) <= (e.values[i] as number), 'ascending');
        const w = Matrix.random(sc, 8, 5, { type, seed: 7 });
        const d = await w.svd(opts);
        const us = d.u.toArray().map((row) => row.map((x, j) => x * (d.s[j] as number)));
        assert.ok(maxDiff(mul(us, d.vt), w.toArray()) < tol * 10, 'U·Σ·Vᵀ = A');
        assert.ok(maxDiff(mul(T(d.u.toArray()), d.u), eye(5)) < tol * 10, 'UᵀU = I');
        for (let i = 1; i < 5; i++) assert.ok((d.s[i - 1] as number) >= (d.s[i] as number), 'descending');
        const ls = Matrix.random(sc, 20, 4, { type, seed: 8 });
        const rhs = Matrix.random(sc, 20, 2, { type, seed: 9 });
        const x = await ls.lstsq(rhs, opts);
        const res = mul(ls, x).map((row, i) => row.map((y, j) => y - rhs.get(i, j)));
        assert.ok(
          maxDiff(mul(T(ls.toArray()), res), [Array(2).fill(0), Array(2).fill(0), Array(2).fill(0), Array(2).fill(0)]) <
            tol * 20,
          'Aᵀ(AX − B) = 0',
        );
      });

      test('errors: singular, not positive definite, shapes', async (t) => {
        if (skip(t)) return;
        const sing = Matrix.from(
          sc,
          [
            [1, 2],
            [2, 4],
          ],
          type,
        );
        await assert.rejects(
          sing.solve(Matrix.from(sc, [[1], [1]], type), opts),
          (e) => e instanceof LinAlgError && e.kind === 'singular',
        );
        await assert.rejects(sing.inv(opts), LinAlgError);
        await assert.rejects(
          Matrix.from(
            sc,
            [
              [1, 2],
              [2, 1],
            ],
            type,
          ).cholesky(opts),
          (e) => e instanceof LinAlgError && e.kind === 'not-positive-definite',
        );
        await assert.rejects(Matrix.zeros(sc, 3, 4, type).det(opts), /needs a square matrix, got 3×4/);
        await assert.rejects(
          general(3, type, 1).solve(Matrix.zeros(sc, 4, 1, type), opts),
          /right-hand side needs 3 rows/,
        );
      });
    });
  }
}

test('solver options are checked', async () => {
  const a = general(3, 'f64', 1);
  await assert.rejects(a.det({ backend: 'gpu' as never }), /backend must be/);
  await assert.rejects(a.det({ timeout: 1 } as never), /unknown option 'timeout'/);
});
