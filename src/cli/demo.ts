/**
 * `sidecar demo`: a tour of what Sidecar does, on this machine, in about a
 * second. Each step prints what it did and checks its answer against one
 * computed independently in JavaScript.
 */

import { CBLAS, Sidecar, SidecarExitedError, TimeoutError } from '../index.js';
import { Assembler, mem, rax, rdi, rsi } from '../x86/index.js';
import { type Command, keepingAlive } from './command.js';

function line(label: string, detail: string): void {
  process.stdout.write(`  ${label.padEnd(34)} ${detail}\n`);
}

async function demo(): Promise<number> {
  const write = (s: string) => process.stdout.write(s);
  write('Sidecar: native code in a process of its own, built by this Node process.\n\n');

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

    // BLAS on shared buffers: zero copies.
    try {
      const blas = await sc.library('openblas');
      const n = 256;
      const a = sc.alloc('double', n * n) as Float64Array;
      const b = sc.alloc('double', n * n) as Float64Array;
      const cm = sc.alloc('double', n * n) as Float64Array;
      for (let i = 0; i < n * n; i++) {
        a[i] = Math.sin(i);
        b[i] = Math.cos(i);
      }
      const dgemm = blas.func('cblas_dgemm');
      t = performance.now();
      await dgemm(CBLAS.RowMajor, CBLAS.NoTrans, CBLAS.NoTrans, n, n, n, 1, a, n, b, n, 0, cm, n);
      const ms = performance.now() - t;
      let s = 0;
      for (let k = 0; k < n; k++) s += (a[7 * n + k] as number) * (b[k * n + 11] as number);
      line(
        `dgemm ${n}×${n} (${blas.soname})`,
        `${ms.toFixed(1)} ms, ${((2 * n ** 3) / ms / 1e6).toFixed(1)} GFLOP/s, C[7][11] ${Math.abs(s - (cm[7 * n + 11] as number)) < 1e-9 ? 'checked' : 'WRONG'}`,
      );
    } catch (e) {
      line('dgemm', `skipped: ${(e as Error).message}`);
    }

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
  return 0;
}

export const command: Command = {
  usage:
    'usage: sidecar demo\n\nA short tour: C calls, BLAS on shared buffers, machine code, a crash, a timeout, the Forth REPL.\n',
  run: () => keepingAlive(demo),
};
