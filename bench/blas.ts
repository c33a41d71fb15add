/**
 * Matrix multiply at BLAS speed, side by side in one run: dgemm and sgemm
 * at n = 256…2048 through Sidecar (OpenBLAS with all its threads and with
 * one; a Pool of single-threaded members), numpy in a python3 process with
 * the same OpenBLAS, and plain JavaScript (a cache-blocked loop), in
 * GFLOP/s (2n³ flops per product, medians). Written as tables and as SVG
 * charts in bench/results.
 *
 * The goals (issue: matrix math): the default backend at least as fast as
 * the best OpenBLAS configuration; at most 3% overhead against numpy with
 * the same OpenBLAS for n ≥ 1024.
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { type BackendName, blis, CBLAS, type Compute, type ElementType, Matrix, Pool, Sidecar } from '../src/index.js';
import { bestIsa, type GemmIsa, peakKernel, supportedIsas } from '../src/kernels/index.js';
import { cpuInfo } from '../src/sys/cpu.js';
import { grid, median } from './harness.js';
import type { BenchOptions } from './main.js';
import { writeChart } from './svg.js';

const SIZES = [256, 512, 1024, 2048];
const JS_MAX = 512;
const MEMORY = 320 << 20;

/** What one row of the table measures: ms per product at size n, or undefined where it does not run. */
interface Config {
  name: string;
  /** Cores it uses (for the fraction of peak). */
  cores: number;
  time(n: number, type: ElementType, runs: number): Promise<number[] | undefined>;
}

/** GFLOP/s (double precision) of `cores` cores running the peak kernel at once, median of `runs`. */
async function peak(owners: Sidecar[], isa: GemmIsa, runs: number): Promise<number> {
  const k = peakKernel(isa);
  const fs = await Promise.all(owners.map((sc) => sc.load(k.object, k.prototype)));
  const iterations = 20_000_000;
  await Promise.all(fs.map((f) => f(iterations / 10)));
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await Promise.all(fs.map((f) => f(iterations)));
    rates.push((fs.length * iterations * k.flopsPerIteration) / ((performance.now() - t) * 1e6));
  }
  return median(rates);
}

const gflops = (n: number, ms: number) => (2 * n ** 3) / (ms * 1e6);

async function timeMatmul(owner: Compute, n: number, type: ElementType, runs: number, backend: BackendName) {
  const a = Matrix.random(owner, n, n, { type, seed: 1 });
  const b = Matrix.random(owner, n, n, { type, seed: 2 });
  const c = Matrix.zeros(owner, n, n, type);
  try {
    await a.matmul(b, { out: c, backend }); // warm-up: loads the library, fills the caches
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await a.matmul(b, { out: c, backend, timeoutMs: Infinity });
      out.push(performance.now() - t);
    }
    return out;
  } finally {
    for (const m of [a, b, c]) m.free();
  }
}

/** BLIS's cblas_?gemm through its typed facade, on region matrices. */
async function timeBlis(sc: Sidecar, n: number, type: ElementType, runs: number): Promise<number[]> {
  const lib = await blis(sc);
  const a = Matrix.random(sc, n, n, { type, seed: 1 });
  const b = Matrix.random(sc, n, n, { type, seed: 2 });
  const c = Matrix.zeros(sc, n, n, type);
  const f = (type === 'f64' ? lib.dgemm : lib.sgemm) as (...args: unknown[]) => Promise<void>;
  const go = () =>
    f(CBLAS.RowMajor, CBLAS.NoTrans, CBLAS.NoTrans, n, n, n, 1, a.data, n, b.data, n, 0, c.data, n, {
      timeoutMs: Infinity,
    });
  try {
    await go();
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await go();
      out.push(performance.now() - t);
    }
    return out;
  } finally {
    for (const m of [a, b, c]) m.free();
  }
}

/** numpy's own timings, measured inside python3 (no process start in them). */
function numpy(runs: number): Record<string, Record<number, number[]>> | string {
  const py = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const script = `
import json, time, sys
import numpy as np
runs = ${runs}
out = {"f64": {}, "f32": {}, "solve": {}, "eigh": {}}
for n in ${JSON.stringify(SIZES)}:
    for t, dt in (("f64", np.float64), ("f32", np.float32)):
        a = np.random.rand(n, n).astype(dt); b = np.random.rand(n, n).astype(dt); c = np.empty((n, n), dt)
        np.dot(a, b, out=c)
        ts = []
        for _ in range(runs if n < 2048 else max(3, runs // 2)):
            t0 = time.perf_counter(); np.dot(a, b, out=c); ts.append((time.perf_counter() - t0) * 1000)
        out[t][n] = ts
n = 1024
a = np.random.rand(n, n) + n * np.eye(n); b = np.random.rand(n, 1); s = a + a.T
for key, f in (("solve", lambda: np.linalg.solve(a, b)), ("eigh", lambda: np.linalg.eigh(s))):
    f(); ts = []
    for _ in range(max(3, runs // 2)):
        t0 = time.perf_counter(); f(); ts.append((time.perf_counter() - t0) * 1000)
    out[key][n] = ts
print(json.dumps(out))
`;
  const r = spawnSync(py, ['-c', script], { encoding: 'utf8' });
  if (r.status !== 0) return `numpy not available (${py}: ${(r.stderr || String(r.error)).trim().split('\n').pop()})`;
  return JSON.parse(r.stdout);
}

export async function run(opts: BenchOptions): Promise<void> {
  const cpu = cpuInfo();
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  process.stdout.write(
    `blas: ${cpu.modelName} (${cpu.uarch}), ${cores} logical CPUs, ${cpu.flags.includes('avx512f') ? 'AVX-512' : cpu.features.avx2 ? 'AVX2+FMA' : 'no AVX2'}\n`,
  );
  const all = await Sidecar.start({ memory: MEMORY });
  const one = await Sidecar.start({ memory: MEMORY, env: { ...process.env, OPENBLAS_NUM_THREADS: '1' } });
  const pool = await Pool.start({ size: cores, memory: MEMORY });
  // The peak: the FMA kernel on one core, and on every core at once (one pool member each).
  const isas = supportedIsas();
  const peaks = new Map<GemmIsa, { one: number; all: number }>();
  for (const isa of isas) {
    peaks.set(isa, {
      one: await peak([one], isa, opts.runs),
      all: await peak(pool.members as Sidecar[], isa, opts.runs),
    });
  }
  const best = isas.length ? (peaks.get(bestIsa('f64')) as { one: number; all: number }) : undefined;
  if (best) {
    for (const [isa, p] of peaks) {
      process.stdout.write(
        `peak (independent FMAs, ${isa}): ${p.one.toFixed(1)} GFLOP/s on one core, ${p.all.toFixed(1)} on ${cores} (double; float twice that)\n`,
      );
    }
  }
  const withBlis = await Sidecar.start({ memory: MEMORY, env: { ...process.env, BLIS_NUM_THREADS: String(cores) } });
  const hasBlis = await withBlis.library('blis').then(
    () => true,
    () => false,
  );
  const hasBlas = await all.library('openblas').then(
    () => true,
    () => false,
  );
  const runsAt = (n: number) => (n >= 2048 ? Math.max(3, Math.ceil(opts.runs / 2)) : opts.runs);
  const configs: Config[] = [
    { name: 'default (auto), 1 sidecar', cores, time: (n, t, r) => timeMatmul(all, n, t, r, 'auto') },
  ];
  if (hasBlas) {
    configs.push(
      {
        name: `openblas, ${cores} threads (1 sidecar)`,
        cores,
        time: (n, t, r) => timeMatmul(all, n, t, r, 'openblas'),
      },
      { name: 'openblas, 1 thread', cores: 1, time: (n, t, r) => timeMatmul(one, n, t, r, 'openblas') },
      {
        name: `pool of ${cores}, openblas 1 thread each`,
        cores,
        time: (n, t, r) => timeMatmul(pool, n, t, r, 'openblas'),
      },
    );
  }
  if (hasBlis) {
    configs.push({ name: `blis, ${cores} threads (1 sidecar)`, cores, time: (n, t, r) => timeBlis(withBlis, n, t, r) });
  }
  for (const isa of isas) {
    configs.push({
      name: `own kernel ${isa}, 1 sidecar`,
      cores: 1,
      time: (n, t, r) => timeMatmul(one, n, t, r, `kernel:${isa}`),
    });
  }
  if (isas.length) {
    configs.push({
      name: `own kernel ${bestIsa('f64')}, pool of ${cores}`,
      cores,
      time: (n, t, r) => timeMatmul(pool, n, t, r, 'kernel'),
    });
  }
  configs.push({
    name: 'plain JavaScript',
    cores: 1,
    time: (n, t, r) => (n <= JS_MAX ? timeMatmul(all, n, t, Math.min(r, 3), 'js') : Promise.resolve(undefined)),
  });
  const results = new Map<string, Map<string, Map<number, number>>>();
  try {
    for (const type of ['f64', 'f32'] as const) {
      const byConfig = new Map<string, Map<number, number>>();
      results.set(type, byConfig);
      for (const c of configs) {
        const row = new Map<number, number>();
        byConfig.set(c.name, row);
        for (const n of SIZES) {
          process.stdout.write(`  ${type} ${c.name} n=${n}…\r`);
          // BLAS threads spin a while after their last job: let the previous row's go quiet first
          await new Promise((r) => setTimeout(r, 300));
          const ms = await c.time(n, type, runsAt(n));
          if (ms) row.set(n, gflops(n, median(ms)));
        }
      }
    }
  } finally {
    process.stdout.write(' '.repeat(70) + '\r');
    await Promise.all([all.stop(), one.stop(), pool.stop(), withBlis.stop()]);
  }
  // solve and eigSym at n = 1024 (one sidecar, all threads), against numpy below
  const solvers = new Map<string, number>();
  {
    const sc = await Sidecar.start({ memory: MEMORY });
    try {
      const n = 1024;
      const a = Matrix.random(sc, n, n, { seed: 5 });
      for (let i = 0; i < n; i++) a.set(i, i, a.get(i, i) + n);
      const b = Matrix.random(sc, n, 1, { seed: 6 });
      const s = a.add(a.T);
      const time = async (f: () => Promise<unknown>, runs: number) => {
        await f();
        const ms: number[] = [];
        for (let r = 0; r < runs; r++) {
          const t = performance.now();
          await f();
          ms.push(performance.now() - t);
        }
        return median(ms);
      };
      const runs = Math.max(3, Math.ceil(opts.runs / 2));
      const hasLapacke = await sc.library('lapacke').then(
        () => true,
        () => false,
      );
      if (hasLapacke) {
        solvers.set('solve, lapacke', await time(() => a.solve(b, { timeoutMs: Infinity }), runs));
        solvers.set('eigSym, lapacke', await time(() => s.eigSym({ timeoutMs: Infinity }), runs));
      }
      solvers.set('solve, TypeScript solvers', await time(() => a.solve(b, { backend: 'js' }), 3));
    } finally {
      await sc.stop();
    }
  }
  const np = numpy(opts.runs);
  if (typeof np !== 'string') {
    solvers.set('solve, numpy.linalg.solve', median(np.solve?.[1024] ?? []));
    solvers.set('eigSym, numpy.linalg.eigh', median(np.eigh?.[1024] ?? []));
  }
  process.stdout.write(
    `\n${grid(
      'solvers at n=1024, ms (median)',
      ['', 'ms', ''],
      [...solvers].map(([k, v]) => [k, v.toFixed(1), '']),
    )}`,
  );
  if (typeof np === 'string') process.stdout.write(`${np}\n`);
  for (const type of ['f64', 'f32'] as const) {
    const byConfig = results.get(type) as Map<string, Map<number, number>>;
    if (typeof np !== 'string') {
      byConfig.set(
        `numpy (python3, same OpenBLAS)`,
        new Map(SIZES.map((n) => [n, gflops(n, median(np[type]?.[n] ?? []))])),
      );
    }
    const head = ['', ...SIZES.map((n) => `n=${n}`), ''];
    const body = [...byConfig].map(([name, row]) => [
      name,
      ...SIZES.map((n) => (row.has(n) ? (row.get(n) as number).toFixed(1) : '-')),
      '',
    ]);
    process.stdout.write(
      `\n${grid(`${type === 'f64' ? 'dgemm' : 'sgemm'}, GFLOP/s (median of ${opts.runs}; of ${runsAt(2048)} at 2048)`, head, body)}`,
    );
    const ratio = (x: string, y: string, n: number) => {
      const a = byConfig.get(x)?.get(n);
      const b = byConfig.get(y)?.get(n);
      return a && b ? (a / b).toFixed(2) : '-';
    };
    const ownOne = isas.length ? `own kernel ${bestIsa('f64')}, 1 sidecar` : '';
    const lines = [
      `own kernel / openblas, 1 thread: ${SIZES.map((n) => `${n}: ${ratio(ownOne, 'openblas, 1 thread', n)}`).join(', ')}`,
      `own kernel, pool of ${cores} / 1 sidecar: ${SIZES.map((n) => `${n}: ${ratio(`own kernel ${isas.length ? bestIsa('f64') : ''}, pool of ${cores}`, ownOne, n)}`).join(', ')}`,
      `default / best openblas (${cores} threads): ${SIZES.map((n) => `${n}: ${ratio('default (auto), 1 sidecar', `openblas, ${cores} threads (1 sidecar)`, n)}`).join(', ')}`,
      `pool of ${cores} (openblas 1 thread) / 1 sidecar (${cores} threads): ${SIZES.map((n) => `${n}: ${ratio(`pool of ${cores}, openblas 1 thread each`, `openblas, ${cores} threads (1 sidecar)`, n)}`).join(', ')}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const sidecarBest = byConfig.get(`openblas, ${cores} threads (1 sidecar)`);
    const npRow = byConfig.get('numpy (python3, same OpenBLAS)');
    if (sidecarBest && npRow) {
      const cells = SIZES.filter((n) => n >= 1024).map(
        (n) => `n=${n}: ${(((npRow.get(n) as number) / (sidecarBest.get(n) as number) - 1) * 100).toFixed(1)}%`,
      );
      process.stdout.write(`overhead of the sidecar against numpy (time, same threads): ${cells.join(', ')}\n`);
    }
    const file = writeChart(`blas-${type === 'f64' ? 'dgemm' : 'sgemm'}.svg`, {
      title: `${type === 'f64' ? 'dgemm' : 'sgemm'}: GFLOP/s by matrix size`,
      subtitle: `${cpu.modelName} (${cpu.uarch}), ${cores} logical CPUs; npm run bench -- blas`,
      groups: SIZES.map((n) => `n=${n}`),
      series: [...byConfig].map(([name, row]) => ({ name, values: SIZES.map((n) => row.get(n)) })),
      yLabel: 'GFLOP/s',
      line: best ? { value: best.all * (type === 'f32' ? 2 : 1), label: `peak, ${cores} cores (measured)` } : undefined,
    });
    process.stdout.write(`chart: ${file}\n`);
  }
}
