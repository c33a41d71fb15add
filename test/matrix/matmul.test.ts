/**
 * Matrix and matmul against a naive triple loop in double precision: odd
 * shapes, transposed and strided views, both element types, every backend
 * this machine has, into an out matrix with β, and on a pool whose members
 * split the rows. Plus the checks that come before anything is sent.
 */

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { KNOWN_LIBRARIES, Matrix, Pool, Sidecar } from '../../src/index.js';
import { supportedIsas } from '../../src/kernels/index.js';

/** Set when this file runs again with OpenBLAS hidden (see the last test). */
const HIDDEN = process.env.SIDECAR_TEST_BLAS_HIDDEN === '1';
const ISAS = supportedIsas();

function naive(a: Matrix, b: Matrix): Float64Array {
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let p = 0; p < a.cols; p++) s += a.get(i, p) * b.get(p, j);
      out[i * b.cols + j] = s;
    }
  return out;
}

function close(got: Matrix, want: ArrayLike<number>, k: number, what: string): void {
  const eps = (got.type === 'f64' ? 1e-15 : 1e-6) * Math.max(4, k) * 4;
  for (let i = 0; i < got.rows; i++)
    for (let j = 0; j < got.cols; j++) {
      const w = want[i * got.cols + j] as number;
      const g = got.get(i, j);
      if (!(Math.abs(g - w) <= eps * Math.max(1, Math.abs(w)) * 4)) {
        assert.fail(`${what}: (${i}, ${j}) is ${g}, expected ${w}`);
      }
    }
}

let sc: Sidecar;
let hasBlas = false;
before(async () => {
  sc = await Sidecar.start({ memory: 64 << 20 });
  try {
    await sc.library('openblas');
    hasBlas = true;
  } catch {
    hasBlas = false;
  }
});
after(() => sc.stop());

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [1, 7, 5],
  [9, 1, 3],
  [4, 6, 1],
  [13, 17, 11],
  [97, 89, 101],
];

describe('matmul', () => {
  for (const backend of ['openblas', 'kernel:avx2', 'kernel:avx512', 'js'] as const) {
    for (const type of ['f64', 'f32'] as const) {
      test(`${backend} ${type}: odd shapes, transposes and strided views against a triple loop`, async (t) => {
        if (backend === 'openblas' && !hasBlas) return t.skip('OpenBLAS is not installed');
        if (backend.startsWith('kernel:') && !ISAS.includes(backend.slice(7) as never)) {
          return t.skip(`this CPU cannot run ${backend.slice(7)} (it has: ${ISAS.join(', ') || 'none'})`);
        }
        let seed = 1;
        for (const [m, n, k] of SHAPES) {
          for (const [ta, tb] of [
            [false, false],
            [true, false],
            [false, true],
            [true, true],
          ]) {
            const a = ta
              ? Matrix.random(sc, k, m, { type, seed: seed++ }).T
              : Matrix.random(sc, m, k, { type, seed: seed++ });
            const b = tb
              ? Matrix.random(sc, n, k, { type, seed: seed++ }).T
              : Matrix.random(sc, k, n, { type, seed: seed++ });
            const c = await a.matmul(b, { backend });
            assert.equal(c.rows, m);
            assert.equal(c.cols, n);
            assert.match(
              c.backend,
              backend === 'js'
                ? /^js/
                : backend === 'openblas'
                  ? /^openblas/
                  : new RegExp(`^sidecar kernel \\(${backend.slice(7)}`),
            );
            close(c, naive(a, b), k, `${m}x${n}x${k} ${ta ? 'T' : 'N'}${tb ? 'T' : 'N'}`);
            for (const x of [a, b, c]) (x.base ?? x).free();
          }
        }
        // a slice with both strides non-unit (every other row and column of a bigger matrix) is copied first
        const big = Matrix.random(sc, 30, 40, { type, seed: 99 });
        const view = big.slice(3, 20, 5, 33);
        const b = Matrix.random(sc, 28, 9, { type, seed: 100 });
        close(await view.matmul(b, { backend }), naive(view, b), 28, 'slice');
        const tv = big.T.slice(2, 30, 1, 12); // 28 × 11, column-major view
        close(await tv.T.matmul(b, { backend }), naive(tv.T, b), 28, 'transposed slice');
      });
    }
  }

  test('into an out matrix with alpha and beta; beta = 0 does not read out (NaN there does not leak)', async () => {
    const a = Matrix.random(sc, 20, 30, { seed: 5 });
    const b = Matrix.random(sc, 30, 25, { seed: 6 });
    const c0 = Matrix.random(sc, 20, 25, { seed: 7 });
    const out = c0.copy();
    await a.matmul(b, { out, alpha: 2, beta: -0.5 });
    const ab = naive(a, b);
    const want = ab.map((x, i) => 2 * x - 0.5 * (c0.data[i] as number));
    close(out, want, 30, 'alpha/beta');
    out.data.fill(Number.NaN);
    await a.matmul(b, { out });
    close(out, ab, 30, 'beta 0 over NaN');
    // out a strided view: a block of a bigger matrix, the rest untouched
    const host = Matrix.zeros(sc, 40, 40);
    host.data.fill(7);
    await a.matmul(b, { out: host.slice(10, 30, 5, 30) });
    close(host.slice(10, 30, 5, 30), ab, 30, 'into a view');
    assert.equal(host.get(9, 5), 7);
    assert.equal(host.get(10, 4), 7);
    assert.equal(host.get(30, 29), 7);
    // empty products
    const e = await Matrix.zeros(sc, 3, 0).matmul(Matrix.zeros(sc, 0, 4));
    assert.deepEqual(e.toArray(), [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  test('the synchronous twin gives the same product', async () => {
    const a = Matrix.random(sc, 33, 21, { seed: 8 });
    const b = Matrix.random(sc, 21, 19, { seed: 9 });
    await a.matmul(b); // loads the backend
    close(a.matmulSync(b), naive(a, b), 21, 'sync');
    close(a.matmulSync(b, { backend: 'js' }), naive(a, b), 21, 'sync js');
  });

  test('shapes and arguments are checked before anything is sent', async () => {
    const a = Matrix.zeros(sc, 3, 4);
    const b = Matrix.zeros(sc, 5, 2);
    await assert.rejects(a.matmul(b), /cannot multiply 3×4 f64 by 5×2 f64/);
    await assert.rejects(a.matmul(Matrix.zeros(sc, 4, 2, 'f32')), /element types differ/);
    await assert.rejects(
      a.matmul(Matrix.zeros(sc, 4, 2), { out: Matrix.zeros(sc, 3, 3) }),
      /out is 3×3 f64.*is 3×2 f64/,
    );
    await assert.rejects(a.matmul(Matrix.zeros(sc, 4, 2), { beta: 1 }), /beta needs an out/);
    await assert.rejects(a.matmul(Matrix.zeros(sc, 4, 2), { backend: 'gpu' as never }), /backend must be/);
    await assert.rejects(a.matmul(Matrix.zeros(sc, 4, 2), { timeoutMs: -1 }), RangeError);
    await assert.rejects(a.matmul([[1]] as never), TypeError);
    assert.throws(() => Matrix.from(sc, [[1, 2], [3]]), /row 1 has 1 values, row 0 has 2/);
    assert.throws(() => Matrix.zeros(sc, -1, 2), RangeError);
    assert.throws(() => a.get(3, 0), /outside a 3×4 f64 matrix/);
    assert.throws(() => a.add(b), /shapes differ \(3×4 f64 and 5×2 f64\)/);
    assert.throws(() => Matrix.zeros({} as never, 1, 1), /Sidecar or a Pool/);
  });

  test('elementwise arithmetic, reductions and printing', () => {
    const a = Matrix.from(sc, [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = Matrix.from(sc, [
      [6, 5, 4],
      [3, 2, 1],
    ]);
    assert.deepEqual(a.add(b).toArray(), [
      [7, 7, 7],
      [7, 7, 7],
    ]);
    assert.deepEqual(a.sub(1).toArray(), [
      [0, 1, 2],
      [3, 4, 5],
    ]);
    assert.deepEqual(a.mul(b).T.toArray(), [
      [6, 12],
      [10, 10],
      [12, 6],
    ]);
    assert.deepEqual(a.div(2).row(1).toArray(), [[2, 2.5, 3]]);
    assert.deepEqual(a.scale(-1).col(2).toArray(), [[-3], [-6]]);
    assert.equal(a.sum(), 21);
    assert.ok(Math.abs(a.norm() - Math.sqrt(91)) < 1e-14);
    assert.equal(a.norm('max'), 6);
    assert.equal(a.norm(1), 9);
    assert.equal(a.norm('inf'), 15);
    a.add(b, { out: a });
    assert.equal(a.get(1, 2), 7);
    assert.equal(String(b), 'Matrix 2×3 f64\n  [6 5 4]\n  [3 2 1]');
    const big = Matrix.random(sc, 100, 100);
    const text = big.toString().split('\n');
    assert.equal(text.length, 7);
    assert.match(text[4] as string, /…/);
    assert.equal(Matrix.identity(sc, 3).reshape(1, 9).sum(), 3);
  });
});

describe('matmul on a pool', () => {
  test('the members split the rows of C and the product is right', async () => {
    await using pool = await Pool.start({ size: 2, memory: 64 << 20 });
    for (const backend of ['openblas', 'kernel', 'js'] as const) {
      if (backend === 'openblas' && !hasBlas) continue;
      if (backend === 'kernel' && ISAS.length === 0) continue;
      const a = Matrix.random(pool, 203, 150, { seed: 11 });
      const b = Matrix.random(pool, 150, 77, { seed: 12 });
      const c = await a.matmul(b, { backend });
      close(c, naive(a, b), 150, `pool ${backend}`);
      if (backend !== 'js') assert.match(c.backend, /2 members/);
    }
  });
});

describe('without OpenBLAS', () => {
  test('the default backend is the own kernel where OpenBLAS is hidden', async (t) => {
    if (HIDDEN) {
      assert.equal(hasBlas, false, 'OpenBLAS should be hidden in this run');
      const a = Matrix.random(sc, 70, 50, { seed: 1 });
      const b = Matrix.random(sc, 50, 30, { seed: 2 });
      const c = await a.matmul(b);
      assert.match(c.backend, ISAS.length ? /^sidecar kernel/ : /^js/);
      close(c, naive(a, b), 50, 'default without OpenBLAS');
      return;
    }
    // Run this file again in a mount namespace where the known set's BLAS and LAPACK files read as empty.
    if (process.getuid?.() !== 0) return t.skip('hiding the libraries needs root (a mount namespace)');
    const files = new Set<string>();
    const cache = execFileSync('ldconfig', ['-p'], { encoding: 'utf8' });
    for (const name of ['openblas', 'lapacke', 'blis']) {
      for (const so of KNOWN_LIBRARIES[name]?.sonames ?? []) {
        for (const m of cache.matchAll(new RegExp(`^\\s*${so.replace(/[.]/g, '\\.')} .*=> (.*)$`, 'gm'))) {
          files.add(fs.realpathSync(m[1] as string));
        }
      }
    }
    const mounts = [...files].map((f) => `mount --bind /dev/null '${f}'`).join(' && ');
    const self = fileURLToPath(import.meta.url);
    const r = spawnSync(
      'unshare',
      ['-m', 'sh', '-c', `${mounts || 'true'} && exec "$0" --test --test-reporter=tap "$1"`, process.execPath, self],
      {
        env: { ...process.env, SIDECAR_TEST_BLAS_HIDDEN: '1', NODE_TEST_CONTEXT: undefined },
        encoding: 'utf8',
      },
    );
    if (r.error || /unshare failed|Operation not permitted/.test(r.stderr))
      return t.skip(`no mount namespace here: ${r.error ?? r.stderr.trim()}`);
    assert.equal(
      r.status,
      0,
      `the matrix tests with OpenBLAS hidden failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}`,
    );
    assert.match(r.stdout, /# pass [1-9]/);
  });
});
