/**
 * `sidecar demo`: a tour of what Sidecar does, on this machine, in about a
 * second. Each step prints what it did and checks its answer against one
 * computed independently in JavaScript.
 */

import os from 'node:os';
import { type BackendName, type Compute, Matrix, Pool, Sidecar, SidecarExitedError, TimeoutError } from '../index.js';
import { cpuInfo } from '../sys/cpu.js';
import { Assembler, mem, rax, rdi, rsi } from '../x86/index.js';
import { type Command, keepingAlive } from './command.js';

function line(label: string, detail: string): void {
  process.stdout.write(`  ${label.padEnd(34)} ${detail}\n`);
}

/** A line that is rewritten until the step is done (when stdout is a terminal). */
function progress(text: string): void {
  if (process.stdout.isTTY) process.stdout.write(`  … ${text}\r`);
}

function clearProgress(): void {
  if (process.stdout.isTTY) process.stdout.write(`${' '.repeat(78)}\r`);
}

/** C[i][j] for a sample of (i, j), in double precision in JavaScript, against the product's. */
function sampleError(a: Matrix, b: Matrix, c: Matrix, samples = 64): number {
  let worst = 0;
  let seed = 12345;
  for (let s = 0; s < samples; s++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const i = seed % a.rows;
    seed = (seed * 1103515245 + 12345) >>> 0;
    const j = seed % b.cols;
    let sum = 0;
    for (let k = 0; k < a.cols; k++) sum += a.get(i, k) * b.get(k, j);
    worst = Math.max(worst, Math.abs(sum - c.get(i, j)) / Math.max(1, Math.abs(sum)));
  }
  return worst;
}

/** One product, timed (the second of two runs: the first loads the backend), and checked. */
async function product(owner: Compute, n: number, label: string, backend?: BackendName): Promise<boolean> {
  const a = Matrix.random(owner, n, n, { seed: 1 });
  const b = Matrix.random(owner, n, n, { seed: 2 });
  const c = Matrix.zeros(owner, n, n);
  try {
    progress(`${label}: ${n}×${n} times ${n}×${n}`);
    await a.matmul(b, { out: c, backend, timeoutMs: Infinity });
    const t = performance.now();
    await a.matmul(b, { out: c, backend, timeoutMs: Infinity });
    const ms = performance.now() - t;
    const err = sampleError(a, b, c);
    const ok = err < 1e-12;
    clearProgress();
    line(
      `${label} ${n}×${n}`,
      `${((2 * n ** 3) / ms / 1e6).toFixed(1)} GFLOP/s (${ms.toFixed(0)} ms), ${c.backend}; ${ok ? 'checked against JS' : `WRONG (error ${err})`}`,
    );
    return ok;
  } finally {
    for (const m of [a, b, c]) m.free();
  }
}

/** A·x = b for a random well-conditioned A, and the residual ‖A·x − b‖ / (‖A‖·‖x‖) computed here. */
async function linearSystem(sc: Sidecar, n: number): Promise<boolean> {
  progress(`solving a ${n}×${n} system`);
  const a = Matrix.random(sc, n, n, { seed: 3 });
  for (let i = 0; i < n; i++) a.set(i, i, a.get(i, i) + n);
  const b = Matrix.random(sc, n, 1, { seed: 4 });
  const t = performance.now();
  const x = await a.solve(b);
  const ms = performance.now() - t;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let s = -b.get(i, 0);
    for (let k = 0; k < n; k++) s += a.get(i, k) * x.get(k, 0);
    worst = Math.max(worst, Math.abs(s));
  }
  const residual = worst / (a.norm('inf') * x.norm('max'));
  clearProgress();
  const ok = residual < 1e-12;
  line(
    `solve ${n}×${n}`,
    `${ms.toFixed(0)} ms, ${x.backend}; residual ${residual.toExponential(1)} ${ok ? 'ok' : 'TOO LARGE'}`,
  );
  for (const m of [a, b, x]) m.free();
  return ok;
}

/** The main job: matrix products at BLAS speed on this machine, each checked. */
async function matrices(write: (s: string) => void): Promise<boolean> {
  const cpu = cpuInfo();
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  write(
    `Matrix math on ${cpu.modelName} (${cpu.uarch}, ${cores} logical CPUs, ${cpu.features.avx512f ? 'AVX-512' : cpu.features.avx2 ? 'AVX2+FMA' : 'no AVX2'})\n`,
  );
  const n = 2048;
  const memory = 3 * n * n * 8 + (16 << 20);
  let ok = true;
  let blas = true;
  {
    await using sc = await Sidecar.start({ memory });
    blas = await sc.library('openblas').then(
      () => true,
      () => false,
    );
    ok = (await product(sc, n, 'best backend here')) && ok;
    if (blas) {
      // Without OpenBLAS the best backend above was the own kernel already.
      ok =
        (await product(sc, n, "Sidecar's own kernel", 'kernel').catch((e: Error) => {
          line("Sidecar's own kernel", `none: ${e.message}`);
          return e instanceof TypeError; // a CPU with no AVX2 has none: not a failure
        })) && ok;
    }
    ok = (await product(sc, 256, 'plain JavaScript', 'js')) && ok;
    ok = (await linearSystem(sc, 1000)) && ok;
  }
  {
    progress(`starting a pool of ${cores}`);
    await using pool = await Pool.start({ size: cores, memory });
    ok = (await product(pool, n, `a pool of ${cores} sidecars`)) && ok;
  }
  if (!blas) {
    write("\n  OpenBLAS is not installed: the products above ran on Sidecar's own code.\n");
    write('  For more speed: apt-get install libopenblas0-pthread liblapacke\n');
  }
  return ok;
}

async function demo(): Promise<number> {
  const write = (s: string) => process.stdout.write(s);
  write('Sidecar: native code in a process of its own, built by this Node process.\n\n');
  const matricesOk = await matrices(write);
  write('\nA tour\n');

  let t = performance.now();
  const sc = await Sidecar.start({ memory: 64 << 20 });
  line('Sidecar.start()', `pid ${sc.pid}, ${(performance.now() - t).toFixed(1)} ms (assembled, linked, spawned)`);

  try {
    // libm through a C prototype.
    const m = await sc.library('m');
    const cos = m.func('double cos(double)');
    const c = await cos(0.5);
    line('await cos(0.5)  (libm.so.6)', `${c}  ${c === Math.cos(0.5) ? 'matches Math.cos' : 'DIFFERS'}`);
    t = performance.now();
    for (let i = 0; i < 100_000; i++) cos.sync(i);
    line('100 000 cos.sync() round trips', `${((performance.now() - t) * 10).toFixed(0)} ns each`);
    const xs = Array.from({ length: 100_000 }, (_, i) => [i]);
    t = performance.now();
    const ys = (await cos.batch(xs)) as number[];
    // libm and V8 may round the last bit differently for large arguments.
    const ok = ys.every((y, i) => Math.abs(y - Math.cos(i)) <= 2 ** -52);
    line(
      '100 000 calls in one cos.batch()',
      `${((performance.now() - t) * 10).toFixed(0)} ns each, ${ok ? 'all within an ulp of Math.cos' : 'DIFFER'}`,
    );

    // Machine code assembled here, run there.
    const a = new Assembler();
    a.lea(rax, mem(0, rdi, rsi, 4));
    a.ret();
    const f = await sc.load(a.finish().sections[0]?.bytes as Uint8Array, 'long f(long x, long y)');
    line('sc.load(lea rax,[rdi+rsi*4]; ret)', `f(3, 10) = ${await f(3, 10)}`);

    // A crash does not take the host down.
    const boom = await sc.load(
      new Uint8Array([0x48, 0xc7, 0x04, 0x25, 0, 0, 0, 0, 1, 0, 0, 0, 0xc3]),
      'void boom(void)',
    );
    const err = await boom().catch((e) => e);
    line(
      'a call that writes to address 0',
      err instanceof SidecarExitedError ? `${err.name}: ${err.signal}` : `?? ${err}`,
    );
    await sc.restart();
    line('sc.restart()', `new pid ${sc.pid}, buffers kept`);

    // A deadline kills and replaces.
    const sleep = (await sc.library('c')).func('unsigned sleep(unsigned)');
    t = performance.now();
    const te = await sleep
      .with({ timeoutMs: 100 })(10)
      .catch((e) => e);
    line(
      'sleep(10) with a 100 ms deadline',
      `${te instanceof TimeoutError ? 'TimeoutError' : te} after ${(performance.now() - t).toFixed(0)} ms`,
    );

    // The Forth REPL, loaded into the running sidecar.
    t = performance.now();
    const out = await sc.forth(': fib ( n -- f ) dup 2 < if exit then dup 1- recurse swap 2 - recurse + ;  25 fib .');
    line(
      'sc.forth(": fib ... ; 25 fib .")',
      `${out.trim()}  (${(performance.now() - t).toFixed(1)} ms incl. booting Forth)`,
    );
    const e2 = await sc.forth('0 @').catch((e) => e);
    line('sc.forth("0 @")', `${e2.name} ${e2.code}: ${e2.message}`);
    line('then sc.forth("fib" again)', (await sc.forth('20 fib .')).trim());
  } finally {
    await sc.stop();
  }
  write('\nNext: npx sidecar repl (a Forth prompt), npx sidecar doctor, and the README.\n');
  return matricesOk ? 0 : 1;
}

export const command: Command = {
  usage:
    'usage: sidecar demo\n\nMatrix products at BLAS speed (the best backend here, a pool of sidecars, plain JavaScript), each checked;\nthen a short tour: C calls, machine code, a crash, a timeout, the Forth REPL.\n',
  run: () => keepingAlive(demo),
};
