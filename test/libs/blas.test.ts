/**
 * The BLAS facades (OpenBLAS and BLIS) against a naive product written out
 * in JavaScript: levels 1-3 in double and float, odd shapes, strides,
 * leading dimensions wider than the matrix, every transpose of gemm, and
 * the triangle each symmetric or triangular routine may read. Skipped, with
 * the reason, where a library is not installed.
 */

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { type Blas, blis, CBLAS, type NativeFunction, openBlas, Sidecar } from '../../src/index.js';
import { type Floats, fill } from '../support/linalg.js';

const sc = await Sidecar.start({ memory: 32 << 20, stdio: 'ignore' });
after(() => sc.stop());

async function open(f: (sc: Sidecar) => Promise<Blas>): Promise<Blas | string> {
  try {
    return await f(sc);
  } catch (e) {
    return `not installed here (${(e as Error).message.slice(0, 120)})`;
  }
}

const { RowMajor, NoTrans, Trans, Upper, Lower, NonUnit, Unit, Left, Right } = CBLAS;

for (const [name, opener] of [
  ['openblas', openBlas],
  ['blis', blis],
] as const) {
  const blas = await open(opener);
  const skip = typeof blas === 'string' ? `${name} ${blas}` : false;
  describe(`${name}: CBLAS`, { skip }, () => {
    const lib = blas as Blas;

    test('says what it is: core name, threads, configuration', async () => {
      const core = await lib.corename();
      assert.match(core, /^\S.*$/);
      assert.notEqual(core, 'unknown');
      assert.ok((await lib.threads()) >= 1);
      await lib.setThreads(1);
      assert.equal(await lib.threads(), 1);
      assert.match(await lib.config(), name === 'openblas' ? /OpenBLAS/ : /BLIS/);
      await assert.rejects(lib.setThreads(0), RangeError);
    });

    test('arrays shorter than their shapes reach: a RangeError naming the argument, nothing sent', async () => {
      const x = sc.alloc('double', 10);
      const y = sc.alloc('double', 10);
      assert.throws(() => lib.ddot.sync(6, x, 2, y, 1), /cblas_ddot: x has 10 elements; 6 with stride 2 needs 11/);
      await assert.rejects(
        lib.ddot.batch([
          [5, x, 2, y, 1],
          [4, x, 1, y, 4],
        ]),
        /y has 10 elements; 4 with stride 4 needs 13/,
      );
      const [a, b, c] = [sc.alloc('double', 12), sc.alloc('double', 12), sc.alloc('double', 11)];
      await assert.rejects(
        lib.dgemm(RowMajor, NoTrans, NoTrans, 3, 4, 3, 1, a, 4, b, 4, 0, c, 4),
        /cblas_dgemm: c has 11 elements; 3×4 with ldc 4 needs 12/,
      );
      await assert.rejects(
        lib.dgemm.with({ timeoutMs: 1000 })(RowMajor, Trans, NoTrans, 3, 4, 5, 1, a, 3, b, 4, 0, c, 4),
        /cblas_dgemm: a has 12 elements; 5×3 with lda 3 needs 15/,
      );
      // The same shapes with arrays long enough go through.
      await lib.dgemm(RowMajor, NoTrans, NoTrans, 3, 4, 3, 1, a, 4, b, 4, 0, sc.alloc('double', 12), 4);
      assert.equal(lib.ddot.sync(5, x, 2, y, 1), 0);
    });

    for (const p of ['d', 's'] as const) {
      const eps = p === 'd' ? 1e-13 : 2e-5;
      const fn = (n: string) => (lib as unknown as Record<string, NativeFunction>)[p + n] as NativeFunction;
      const arr = (n: number, seed: number): Floats => fill(sc.alloc(p === 'd' ? 'double' : 'float', n), seed);
      const close = (got: number, want: number, scale: number, what: string) =>
        assert.ok(Math.abs(got - want) <= eps * Math.max(1, scale), `${p}${what}: ${got} vs ${want}`);
      const closeAll = (got: Floats, want: ArrayLike<number>, scale: number, what: string) => {
        for (let i = 0; i < want.length; i++) close(got[i] as number, want[i] as number, scale, `${what}[${i}]`);
      };

      test(`level 1 (${p}): dot axpy scal nrm2 asum copy swap iamax with strides`, async () => {
        const n = 37;
        const x = arr(n * 2, 1);
        const y = arr(n * 3, 2);
        let dot = 0;
        let nrm = 0;
        let asum = 0;
        let imax = 0;
        for (let i = 0; i < n; i++) {
          const xi = x[2 * i] as number;
          dot += xi * (y[3 * i] as number);
          nrm += xi * xi;
          asum += Math.abs(xi);
          if (Math.abs(xi) > Math.abs(x[2 * imax] as number)) imax = i;
        }
        close((await fn('dot')(n, x, 2, y, 3)) as number, dot, n, 'dot');
        close((await fn('nrm2')(n, x, 2)) as number, Math.sqrt(nrm), n, 'nrm2');
        close((await fn('asum')(n, x, 2)) as number, asum, n, 'asum');
        assert.equal(await (lib as unknown as Record<string, NativeFunction>)[`i${p}amax`]?.(n, x, 2), imax);
        const want = Float64Array.from(y);
        for (let i = 0; i < n; i++) want[3 * i] = (want[3 * i] as number) + 0.75 * (x[2 * i] as number);
        await fn('axpy')(n, 0.75, x, 2, y, 3);
        closeAll(y, want, 1, 'axpy');
        const xs = Float64Array.from(x, (v, i) => (i % 2 === 0 && i < 2 * n ? v * -1.5 : v));
        await fn('scal')(n, -1.5, x, 2);
        closeAll(x, xs, 1, 'scal');
        const z = arr(n, 3);
        await fn('copy')(n, x, 2, z, 1);
        for (let i = 0; i < n; i++) assert.equal(z[i], x[2 * i]);
        const [z0, y0] = [Float64Array.from(z), Float64Array.from(y)];
        await fn('swap')(n, z, 1, y, 3);
        for (let i = 0; i < n; i++) {
          assert.equal(z[i], y0[3 * i]);
          assert.equal(y[3 * i], z0[i]);
        }
      });

      test(`level 2 (${p}): gemv (both transposes) ger symv trmv trsv`, async () => {
        const [m, n, lda] = [7, 5, 8];
        const a = arr(m * lda, 4);
        const A = (i: number, j: number) => a[i * lda + j] as number;
        for (const trans of [NoTrans, Trans]) {
          const [rows, cols] = trans === NoTrans ? [m, n] : [n, m];
          const x = arr(cols, 5);
          const y = arr(rows * 2, 6);
          const want = Float64Array.from(y);
          for (let i = 0; i < rows; i++) {
            let s = 0;
            for (let j = 0; j < cols; j++) s += (trans === NoTrans ? A(i, j) : A(j, i)) * (x[j] as number);
            want[2 * i] = 0.7 * s - 1.3 * (y[2 * i] as number);
          }
          await fn('gemv')(RowMajor, trans, m, n, 0.7, a, lda, x, 1, -1.3, y, 2);
          closeAll(y, want, cols, `gemv ${trans}`);
        }
        {
          const x = arr(m, 7);
          const y = arr(n, 8);
          const want = Float64Array.from(a);
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++) want[i * lda + j] = A(i, j) + 2 * (x[i] as number) * (y[j] as number);
          await fn('ger')(RowMajor, m, n, 2, x, 1, y, 1, a, lda);
          closeAll(a, want, 1, 'ger');
        }
        // Symmetric and triangular: n×n, only the named triangle is read (the other holds values that would show).
        const k = 9;
        const s = arr(k * k, 9);
        const S = (i: number, j: number) => s[i <= j ? i * k + j : j * k + i] as number; // from the upper triangle
        {
          const x = arr(k, 10);
          const y = arr(k, 11);
          const want = new Float64Array(k);
          for (let i = 0; i < k; i++) {
            let t = 0;
            for (let j = 0; j < k; j++) t += S(i, j) * (x[j] as number);
            want[i] = 1.5 * t + 0.5 * (y[i] as number);
          }
          await fn('symv')(RowMajor, Upper, k, 1.5, s, k, x, 1, 0.5, y, 1);
          closeAll(y, want, k, 'symv');
        }
        {
          const x = arr(k, 12);
          const want = new Float64Array(k);
          for (let i = 0; i < k; i++) {
            let t = 0;
            for (let j = 0; j <= i; j++) t += (s[i * k + j] as number) * (x[j] as number);
            want[i] = t;
          }
          await fn('trmv')(RowMajor, Lower, NoTrans, NonUnit, k, s, k, x, 1);
          closeAll(x, want, k, 'trmv');
        }
        {
          // Uᵀ x = b with a unit diagonal: then Uᵀ x must give b back.
          const b = arr(k, 13);
          const x = arr(k, 14);
          x.set(b);
          await fn('trsv')(RowMajor, Upper, Trans, Unit, k, s, k, x, 1);
          const back = new Float64Array(k);
          for (let i = 0; i < k; i++) {
            let t = x[i] as number;
            for (let j = 0; j < i; j++) t += (s[j * k + i] as number) * (x[j] as number);
            back[i] = t;
          }
          closeAll(back, b, 1e3, 'trsv');
        }
      });

      test(`level 3 (${p}): gemm (every transpose, odd shapes) syrk symm trmm trsm`, async () => {
        const [m, n, k] = [13, 7, 11];
        for (const ta of [NoTrans, Trans]) {
          for (const tb of [NoTrans, Trans]) {
            const [ar, ac] = ta === NoTrans ? [m, k] : [k, m];
            const [br, bc] = tb === NoTrans ? [k, n] : [n, k];
            const [lda, ldb, ldc] = [ac + 3, bc + 1, n + 2];
            const a = arr(ar * lda, 20 + ta);
            const b = arr(br * ldb, 30 + tb);
            const c = arr(m * ldc, 40);
            const want = Float64Array.from(c);
            for (let i = 0; i < m; i++)
              for (let j = 0; j < n; j++) {
                let t = 0;
                for (let q = 0; q < k; q++) {
                  const av = ta === NoTrans ? a[i * lda + q] : a[q * lda + i];
                  const bv = tb === NoTrans ? b[q * ldb + j] : b[j * ldb + q];
                  t += (av as number) * (bv as number);
                }
                want[i * ldc + j] = 0.5 * t + 2 * (c[i * ldc + j] as number);
              }
            await fn('gemm')(RowMajor, ta, tb, m, n, k, 0.5, a, lda, b, ldb, 2, c, ldc);
            closeAll(c, want, k, `gemm ${ta} ${tb}`);
          }
        }
        {
          // C = A Aᵀ + C on the lower triangle only.
          const a = arr(n * k, 50);
          const c = arr(n * n, 51);
          const want = Float64Array.from(c);
          for (let i = 0; i < n; i++)
            for (let j = 0; j <= i; j++) {
              let t = 0;
              for (let q = 0; q < k; q++) t += (a[i * k + q] as number) * (a[j * k + q] as number);
              want[i * n + j] = t + (c[i * n + j] as number);
            }
          await fn('syrk')(RowMajor, Lower, NoTrans, n, k, 1, a, k, 1, c, n);
          closeAll(c, want, k, 'syrk');
        }
        {
          // C = A B with A symmetric (upper triangle) m×m.
          const a = arr(m * m, 52);
          const b = arr(m * n, 53);
          const c = arr(m * n, 54);
          const want = new Float64Array(m * n);
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++) {
              let t = 0;
              for (let q = 0; q < m; q++) t += (a[i <= q ? i * m + q : q * m + i] as number) * (b[q * n + j] as number);
              want[i * n + j] = t;
            }
          await fn('symm')(RowMajor, Left, Upper, m, n, 1, a, m, b, n, 0, c, n);
          closeAll(c, want, m, 'symm');
        }
        {
          // B = 3 B L, L lower triangular n×n (from the right).
          const l = arr(n * n, 55);
          const b = arr(m * n, 56);
          const want = new Float64Array(m * n);
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++) {
              let t = 0;
              for (let q = j; q < n; q++) t += (b[i * n + q] as number) * (l[q * n + j] as number);
              want[i * n + j] = 3 * t;
            }
          await fn('trmm')(RowMajor, Right, Lower, NoTrans, NonUnit, m, n, 3, l, n, b, n);
          closeAll(b, want, n, 'trmm');
        }
        {
          // U X = 2 B, U upper triangular m×m with a heavy diagonal: U X must give 2 B back.
          const u = arr(m * m, 57);
          for (let i = 0; i < m; i++) u[i * m + i] = (u[i * m + i] as number) + m;
          const b = arr(m * n, 58);
          const b0 = Float64Array.from(b, (v) => 2 * v);
          await fn('trsm')(RowMajor, Left, Upper, NoTrans, NonUnit, m, n, 2, u, m, b, n);
          const back = new Float64Array(m * n);
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++) {
              let t = 0;
              for (let q = i; q < m; q++) t += (u[i * m + q] as number) * (b[q * n + j] as number);
              back[i * n + j] = t;
            }
          closeAll(back, b0, m, 'trsm');
        }
      });
    }
  });
}
