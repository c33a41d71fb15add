/**
 * The own GEMM kernels in a real sidecar against a naive product in
 * JavaScript (double accumulation), with a tolerance from the rounding
 * error bound: odd shapes (1x1, 1xn, nx1, primes, sizes off the tile),
 * several cache blocks, strided views at an offset, the four transposes,
 * alpha and beta (beta = 0 over a C full of NaN), k = 0, both element types
 * and every ISA this CPU runs (AVX-512 is skipped, saying so, where absent).
 * Small forced blocks and other tiles run the generator's other shapes here.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Sidecar } from '../../src/index.js';
import {
  type GemmIsa,
  type GemmShape,
  type GemmType,
  gemmKernel,
  gemmObject,
  gemmPrototype,
  peakKernel,
  supportedIsas,
} from '../../src/kernels/index.js';
import { cpuInfo } from '../../src/sys/cpu.js';
import type { ObjectCode } from '../../src/x86/index.js';

type Arr = Float64Array | Float32Array;
type Gemm = (...args: unknown[]) => Promise<unknown>;

interface Case {
  m: number;
  n: number;
  k: number;
  ta?: 0 | 1;
  tb?: 0 | 1;
  alpha?: number;
  beta?: number;
  /** Extra elements at the end of each row (lda = row length + pad). */
  pad?: number;
}

let sc: Sidecar;
before(async () => {
  sc = await Sidecar.start({ memory: 64 << 20 });
});
after(async () => {
  await sc?.stop();
});

let seed = 12345;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648 - 0.5;
};

/** Runs one case through `f` and checks every element of C against the naive product. */
async function check(f: Gemm, type: GemmType, c: Case): Promise<void> {
  const { m, n, k, ta = 0, tb = 0, alpha = 1, beta = 0, pad = 0 } = c;
  const ct = type === 'f64' ? 'double' : 'float';
  const eps = type === 'f64' ? 2 ** -53 : 2 ** -24;
  const [ar, ac] = ta ? [k, m] : [m, k];
  const [br, bc] = tb ? [n, k] : [k, n];
  const lda = ac + pad;
  const ldb = bc + pad;
  const ldc = n + pad;
  // Views at an offset into larger arrays: what a Matrix slice passes.
  const off = 3;
  const bigA = sc.alloc(ct, ar * lda + off + 1) as Arr;
  const bigB = sc.alloc(ct, br * ldb + off + 1) as Arr;
  const bigC = sc.alloc(ct, m * ldc + off + 1) as Arr;
  try {
    const A = bigA.subarray(off);
    const B = bigB.subarray(off);
    const C = bigC.subarray(off);
    for (let i = 0; i < A.length; i++) A[i] = rand();
    for (let i = 0; i < B.length; i++) B[i] = rand();
    for (let i = 0; i < C.length; i++) C[i] = beta === 0 ? Number.NaN : rand();
    bigC[off - 1] = 7; // just before C and just after: must stay
    bigC[bigC.length - 1] = 7;
    const C0 = Float64Array.from(C);
    await f(ta, tb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
    const bad: string[] = [];
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        let mag = 0;
        for (let p = 0; p < k; p++) {
          const x = (ta ? A[p * lda + i] : A[i * lda + p]) as number;
          const y = (tb ? B[j * ldb + p] : B[p * ldb + j]) as number;
          s += x * y;
          mag += Math.abs(x * y);
        }
        const c0 = beta === 0 ? 0 : beta * (C0[i * ldc + j] as number);
        const want = alpha * s + c0;
        const tol = 4 * (k + 2) * eps * (Math.abs(alpha) * mag + Math.abs(c0)) + 1e-300;
        const got = C[i * ldc + j] as number;
        if (!(Math.abs(got - want) <= tol) && bad.length < 5) bad.push(`C[${i}][${j}] = ${got}, want ${want}`);
      }
      // The padding between rows is not C.
      for (let j = n; j < ldc && i * ldc + j < C.length; j++) {
        const p = C[i * ldc + j] as number;
        const p0 = C0[i * ldc + j] as number;
        if (!(p === p0 || (Number.isNaN(p) && Number.isNaN(p0))) && bad.length < 5)
          bad.push(`padding C[${i}][${j}] written`);
      }
    }
    assert.deepEqual(bad, [], `${type} ${JSON.stringify(c)}`);
    assert.equal(bigC[off - 1], 7);
    assert.equal(bigC[bigC.length - 1], 7);
  } finally {
    sc.free(bigA);
    sc.free(bigB);
    sc.free(bigC);
  }
}

const SHAPES: Case[] = [
  { m: 1, n: 1, k: 1 },
  { m: 1, n: 37, k: 5 },
  { m: 29, n: 1, k: 7 },
  { m: 1, n: 1, k: 300 },
  { m: 6, n: 8, k: 4 },
  { m: 7, n: 17, k: 3, beta: 1 },
  { m: 97, n: 89, k: 101, alpha: -0.5, beta: 0.25 },
  { m: 13, n: 40, k: 9, pad: 5, alpha: 2, beta: -1 },
  { m: 5, n: 6, k: 0, beta: 3 },
  { m: 5, n: 6, k: 0, beta: 0 },
  { m: 4, n: 4, k: 4, alpha: 0, beta: 2 },
  { m: 0, n: 4, k: 4 },
];
const TRANSPOSES: [0 | 1, 0 | 1][] = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1],
];

const cpu = cpuInfo();
const isas = supportedIsas(cpu);

for (const isa of ['avx2', 'avx512'] as GemmIsa[]) {
  const skip = isas.includes(isa) ? false : `this CPU (${cpu.modelName}) has no ${isa.toUpperCase()}`;
  describe(`own GEMM, ${isa}`, { skip }, () => {
    for (const type of ['f64', 'f32'] as GemmType[]) {
      test(`${type}: odd shapes, transposes, alpha and beta, strided views`, async () => {
        const k = gemmKernel(type, isa, cpu);
        assert.equal(k.symbol, gemmPrototype(type).symbol);
        const f = (await sc.load(k.object, k.prototype)) as unknown as Gemm;
        for (const c of SHAPES) await check(f, type, c);
        for (const [ta, tb] of TRANSPOSES)
          await check(f, type, { m: 31, n: 23, k: 19, ta, tb, pad: 2, alpha: 1.5, beta: 0.5 });
      });
      test(`${type}: larger than the cache blocks (several MC, KC and NC blocks)`, async () => {
        const k = gemmKernel(type, isa, cpu);
        const f = (await sc.load(k.object, k.prototype)) as unknown as Gemm;
        // 300 x 520 x 700 crosses MC and KC with the blocks from this CPU's caches.
        await check(f, type, { m: 300, n: 520, k: 700, tb: 1, alpha: 1, beta: 0 });
        // Small forced blocks cross all three with small matrices, in every transpose.
        const small: GemmShape = { mr: k.mr, nr: k.nr, mc: 2 * k.mr, kc: 16, nc: 2 * k.nr, why: 'test' };
        const g = (await sc.load(gemmObject(type, isa, small), k.prototype)) as unknown as Gemm;
        for (const [ta, tb] of TRANSPOSES) {
          await check(g, type, { m: 5 * k.mr + 1, n: 5 * k.nr - 1, k: 53, ta, tb, pad: 1, beta: 0.5 });
          await check(g, type, { m: 5 * k.mr + 1, n: 5 * k.nr - 1, k: 53, ta, tb, beta: 0 });
        }
      });
    }
    test('peak kernel runs', async () => {
      const p = peakKernel(isa);
      const f = await sc.load(p.object, p.prototype);
      await f(1000);
      assert.ok(p.flopsPerIteration >= 96);
    });
  });
}

// Other tiles on AVX2 (16 registers): three vectors wide and other row counts, the shapes the
// AVX-512 tiles take, so the generator's loops for them run here too.
describe('own GEMM, other tiles', { skip: isas.includes('avx2') ? false : 'this CPU has no AVX2' }, () => {
  const tiles: [GemmType, number, number][] = [
    ['f64', 4, 12],
    ['f64', 3, 4],
    ['f32', 4, 24],
    ['f32', 1, 8],
  ];
  for (const [type, mr, nr] of tiles) {
    test(`${type} ${mr}x${nr}`, async () => {
      const shape: GemmShape = { mr, nr, mc: 3 * mr, kc: 24, nc: 3 * nr, why: 'test' };
      const obj: ObjectCode = gemmObject(type, 'avx2', shape);
      const f = (await sc.load(obj, gemmPrototype(type).prototype)) as unknown as Gemm;
      for (const [ta, tb] of TRANSPOSES)
        await check(f, type, { m: 4 * mr + 1, n: 4 * nr + 3, k: 61, ta, tb, pad: 1, beta: 0.5 });
      await check(f, type, { m: 97, n: 89, k: 101, beta: 0 });
    });
  }
});
