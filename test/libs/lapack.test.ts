/**
 * The LAPACKE facade against independent checks: residuals
 * ‖AX − B‖/(‖A‖‖X‖), QᵀQ = I, A = UΣVᵀ, AV = VΛ, the exact inverse of a
 * Hilbert matrix, the eigenvalues of the plain-TypeScript solver (another
 * implementation); double and float; and `info` made into LinAlgErrors.
 * Skipped, with the reason, where LAPACKE is not installed.
 */

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { LAPACK, type Lapack, LinAlgError, lapacke, type NativeFunction, Sidecar } from '../../src/index.js';
import { eigSym, svd } from '../../src/matrix/fallback/index.js';
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

const sc = await Sidecar.start({ memory: 32 << 20, stdio: 'ignore' });
after(() => sc.stop());

let lapack: Lapack | null = null;
let skip: string | false = false;
try {
  lapack = await lapacke(sc);
} catch (e) {
  skip = `LAPACKE is not installed here (${(e as Error).message.slice(0, 120)})`;
}
const Row = LAPACK.RowMajor;

for (const p of ['d', 's'] as const) {
  describe(`LAPACKE ${p}`, { skip }, () => {
    const L = () => lapack as unknown as Record<string, NativeFunction & { raw: NativeFunction }>;
    const call = (name: string, ...args: unknown[]) => (L()[p + name] as NativeFunction)(...args);
    const alloc = (n: number): Floats => sc.alloc(p === 'd' ? 'double' : 'float', n);
    const rand = (n: number, seed: number) => fill(alloc(n), seed);
    const copy = (x: Floats) => {
      const y = alloc(x.length);
      y.set(x);
      return y;
    };
    const tol = (n: number) => 30 * n * (p === 'd' ? 2 ** -52 : 2 ** -23);
    /** A symmetric positive definite n×n: M Mᵀ + n I. */
    const spd = (n: number, seed: number) => {
      const m = fill(new Float64Array(n * n), seed);
      const s = product(mat(m, n, n), mat(m, n, n), false, true);
      for (let i = 0; i < n; i++) s[i * n + i] = (s[i * n + i] as number) + n;
      const a = alloc(n * n);
      a.set(s);
      return a;
    };

    test('gesv: residual small, with a leading dimension wider than the matrix', async () => {
      const [n, r, lda] = [17, 3, 20];
      const a = rand(n * lda, 1);
      const b = rand(n * r, 2);
      const [a0, b0] = [copy(a), copy(b)];
      await call('gesv', Row, n, r, a, lda, sc.alloc('int', n), b, r);
      assert.ok(residual(mat(a0, n, n, lda), mat(b, n, r), mat(b0, n, r)) < tol(n));
    });

    test('getrf, getrs, getri: residual, A A⁻¹ = I, and the Hilbert matrix of order 5 against its exact inverse', async () => {
      const n = 12;
      const a = rand(n * n, 3);
      const a0 = copy(a);
      const ipiv = sc.alloc('int', n);
      await call('getrf', Row, n, n, a, n, ipiv);
      const b = rand(n * 2, 4);
      const b0 = copy(b);
      await call('getrs', Row, 'N', n, 2, a, n, ipiv, b, 2);
      assert.ok(residual(mat(a0, n, n), mat(b, n, 2), mat(b0, n, 2)) < tol(n));
      await call('getri', Row, n, a, n, ipiv);
      const id = new Float64Array(n * n);
      for (let i = 0; i < n; i++) id[i * n + i] = 1;
      assert.ok(maxDiff(product(mat(a0, n, n), mat(a, n, n)), id) < 50 * tol(n));
      const { h, inverse } = hilbert(5);
      const hi = alloc(25);
      hi.set(h);
      const piv = sc.alloc('int', 5);
      L()[`${p}getrf`]?.sync(Row, 5, 5, hi, 5, piv);
      L()[`${p}getri`]?.sync(Row, 5, hi, 5, piv);
      assert.ok(maxDiff(hi, inverse) / norm(inverse) < 5e6 * epsOf(hi));
    });

    test('potrf, potrs: L Lᵀ = A, residual', async () => {
      const n = 15;
      const a = spd(n, 5);
      const a0 = copy(a);
      await call('potrf', Row, 'L', n, a, n);
      const l = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) l[i * n + j] = a[i * n + j] as number;
      assert.ok(maxDiff(product(mat(l, n, n), mat(l, n, n), false, true), a0) / norm(a0) < tol(n));
      const b = rand(n * 4, 6);
      const b0 = copy(b);
      await call('potrs', Row, 'L', n, 4, a, n, b, 4);
      assert.ok(residual(mat(a0, n, n), mat(b, n, 4), mat(b0, n, 4)) < tol(n));
    });

    for (const routine of ['syev', 'syevd']) {
      test(`${routine}: A V = V Λ, VᵀV = I, the same eigenvalues as the plain-TypeScript solver`, async () => {
        const n = 19;
        const a = spd(n, 7);
        const a0 = copy(a);
        const w = alloc(n);
        await call(routine, Row, 'V', 'U', n, a, n, w);
        const av = product(mat(a0, n, n), mat(a, n, n));
        let d = 0;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            d = Math.max(d, Math.abs((av[i * n + j] as number) - (a[i * n + j] as number) * (w[j] as number)));
        assert.ok(d / norm(a0) < tol(n), `${d}`);
        assert.ok(orthogonality(mat(a, n, n)) < tol(n));
        const ours = eigSym(mat(Float64Array.from(a0), n, n) as never);
        assert.ok(maxDiff(ours.values, w) / norm(w) < tol(n));
      });
    }

    for (const [routine, args] of [
      [
        'gesdd',
        (m: number, n: number, a: Floats, s: Floats, u: Floats, vt: Floats) => [
          Row,
          'S',
          m,
          n,
          a,
          n,
          s,
          u,
          Math.min(m, n),
          vt,
          n,
        ],
      ],
      [
        'gesvd',
        (m: number, n: number, a: Floats, s: Floats, u: Floats, vt: Floats) => [
          Row,
          'S',
          'S',
          m,
          n,
          a,
          n,
          s,
          u,
          Math.min(m, n),
          vt,
          n,
          alloc(Math.min(m, n)),
        ],
      ],
    ] as const) {
      test(`${routine}: U Σ Vᵀ = A with orthonormal U and V, tall and wide`, async () => {
        for (const [m, n] of [
          [11, 6],
          [5, 9],
        ] as const) {
          const k = Math.min(m, n);
          const a = rand(m * n, m + n);
          const a0 = copy(a);
          const [s, u, vt] = [alloc(k), alloc(m * k), alloc(k * n)];
          await call(routine, ...args(m, n, a, s, u, vt));
          const us = new Float64Array(m * k);
          for (let i = 0; i < m; i++)
            for (let j = 0; j < k; j++) us[i * k + j] = (u[i * k + j] as number) * (s[j] as number);
          assert.ok(maxDiff(product(mat(us, m, k), mat(vt, k, n)), a0) / norm(a0) < tol(m + n));
          assert.ok(orthogonality(mat(u, m, k)) < tol(m + n));
          const v = new Float64Array(n * k);
          for (let i = 0; i < k; i++) for (let j = 0; j < n; j++) v[j * k + i] = vt[i * n + j] as number;
          assert.ok(orthogonality(mat(v, n, k)) < tol(m + n));
          for (let i = 1; i < k; i++) assert.ok((s[i] as number) <= (s[i - 1] as number));
          // The plain-TypeScript SVD (one-sided Jacobi, another method) finds the same singular values.
          assert.ok(maxDiff(svd(mat(Float64Array.from(a0), m, n) as never).s, s) / norm(s) < tol(m + n));
        }
      });
    }

    test('gels: the normal equations hold', async () => {
      const [m, n, r] = [25, 6, 2];
      const a = rand(m * n, 8);
      const a0 = copy(a);
      const b = rand(m * r, 9);
      const b0 = copy(b);
      await call('gels', Row, 'N', m, n, r, a, n, b, r);
      const x = mat(Float64Array.from(b.subarray(0, n * r)), n, r);
      const ax = product(mat(a0, m, n), x);
      for (let i = 0; i < ax.length; i++) ax[i] = (ax[i] as number) - (b0[i] as number);
      const g = product(mat(a0, m, n), mat(ax, m, r), true, false);
      assert.ok(norm(g) / (norm(a0) * norm(ax)) < tol(m));
    });

    test('geqrf, orgqr: Q R = A, QᵀQ = I', async () => {
      const [m, n] = [14, 5];
      const a = rand(m * n, 10);
      const a0 = copy(a);
      const tau = alloc(n);
      await call('geqrf', Row, m, n, a, n, tau);
      const r = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) r[i * n + j] = a[i * n + j] as number;
      await call('orgqr', Row, m, n, n, a, n, tau);
      assert.ok(orthogonality(mat(a, m, n)) < tol(m));
      assert.ok(maxDiff(product(mat(a, m, n), mat(r, n, n)), a0) / norm(a0) < tol(m));
    });

    test('info as LinAlgError: singular, not positive definite, rank deficient, illegal argument; short arrays', async () => {
      const of = (v: number[]) => {
        const x = alloc(v.length);
        x.set(v);
        return x;
      };
      const singular = of([1, 2, 3, 2, 4, 6, 1, 0, 1]);
      await assert.rejects(call('gesv', Row, 3, 1, singular, 3, sc.alloc('int', 3), of([1, 2, 3]), 1), (e: unknown) => {
        assert.ok(e instanceof LinAlgError);
        assert.deepEqual([e.kind, e.info, e.routine], ['singular', 3, `LAPACKE_${p}gesv`]);
        assert.equal(e.message, `LAPACKE_${p}gesv: matrix is singular: U(3,3) is exactly zero`);
        return true;
      });
      await assert.rejects(call('potrf', Row, 'L', 3, of([4, 2, 2, 2, 5, 4, 2, 4, 1]), 3), (e: unknown) => {
        assert.ok(e instanceof LinAlgError);
        assert.deepEqual([e.kind, e.info], ['not-positive-definite', 3]);
        assert.match(e.message, /not positive definite: the leading minor of order 3/);
        return true;
      });
      await assert.rejects(
        call('gels', Row, 'N', 3, 2, 1, of([1, 0, 2, 0, 3, 0]), 2, of([1, 1, 1]), 1),
        (e: unknown) => e instanceof LinAlgError && e.kind === 'rank-deficient' && e.info === 2,
      );
      await assert.rejects(call('getrf', Row, 3, 3, alloc(9), 2, sc.alloc('int', 3)), (e: unknown) => {
        assert.ok(e instanceof LinAlgError);
        assert.deepEqual([e.kind, e.info], ['illegal-argument', -5]);
        assert.match(e.message, /argument 5 \(lda\) has an illegal value/);
        return true;
      });
      await assert.rejects(
        call('gesv', Row, 4, 1, alloc(15), 4, sc.alloc('int', 4), alloc(4), 1),
        /LAPACKE_.gesv: a has 15 elements; 4×4 with lda 4 needs 16/,
      );
      assert.throws(
        () => L()[`${p}syev`]?.sync(Row, 'V', 'U', 3, alloc(9), 3, alloc(2)),
        /w has 2 elements; 3 needs 3/,
      );
      // The raw routine gives info and throws nothing.
      assert.equal(await L()[`${p}getrf`]?.raw(Row, 3, 3, of([1, 2, 3, 2, 4, 6, 1, 0, 1]), 3, sc.alloc('int', 3)), 3);
    });
  });
}
