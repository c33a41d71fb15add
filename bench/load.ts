/**
 * Calls when the machine is busy: the round trip of a `ret` loaded into a
 * sidecar, sync and async one at a time, with 0, 1 and 2 other processes
 * each running a CPU-bound loop — with the channel's default waiting (spin,
 * then sleep on a futex) and with spinning off (`spin: false`: the
 * futex-only round trip, the floor the default must never fall below).
 * Also how late a 1 ms timer fires in the host while async calls stream
 * (the event loop must not starve).
 *
 * The goal (issue: the jail, under load): under every load the default is
 * no slower than futex-only, and the timer's lateness stays small.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { type NativeFunction, Sidecar } from '../src/index.js';
import { Assembler } from '../src/x86/index.js';
import { grid, median, percentile } from './harness.js';
import type { BenchOptions } from './main.js';

const CALLS = 4000;

function burners(n: number): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

async function noop(sc: Sidecar): Promise<NativeFunction> {
  const a = new Assembler();
  a.ret();
  return sc.load(a.finish().sections[0]?.bytes as Uint8Array, 'void noop(void)');
}

/** µs per call: `runs` runs of CALLS calls each. */
async function measure(
  f: NativeFunction,
  runs: number,
): Promise<{ sync: number[]; async: number[]; lateMs: number[] }> {
  const sync: number[] = [];
  const asyncs: number[] = [];
  const late: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    for (let i = 0; i < CALLS; i++) f.sync();
    sync.push(((performance.now() - t) * 1000) / CALLS);
    // async one at a time, with a 1 ms interval timer measuring how late it fires
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      late.push(Math.max(0, now - last - 1));
      last = now;
    }, 1);
    t = performance.now();
    for (let i = 0; i < CALLS; i++) await f();
    asyncs.push(((performance.now() - t) * 1000) / CALLS);
    clearInterval(timer);
  }
  return { sync, async: asyncs, lateMs: late };
}

export async function run(opts: BenchOptions): Promise<void> {
  const spinning = await Sidecar.start({ memory: 4 << 20 });
  const futex = await Sidecar.start({ memory: 4 << 20, spin: false });
  const rows: string[][] = [];
  try {
    const fs = await noop(spinning);
    const ff = await noop(futex);
    for (const busy of [0, 1, 2]) {
      const procs = burners(busy);
      await new Promise((r) => setTimeout(r, 200)); // let them get going
      try {
        // each round measures both, the order alternating, so that neither always comes first after a change of load
        const a = { sync: [] as number[], async: [] as number[], lateMs: [] as number[] };
        const b = { sync: [] as number[], async: [] as number[], lateMs: [] as number[] };
        for (let r = 0; r < opts.runs; r++) {
          const first = r % 2 === 0;
          const x = await measure(first ? fs : ff, 1);
          const y = await measure(first ? ff : fs, 1);
          for (const [to, from] of first
            ? [
                [a, x],
                [b, y],
              ]
            : [
                [b, x],
                [a, y],
              ]) {
            to.sync.push(...from.sync);
            to.async.push(...from.async);
            to.lateMs.push(...from.lateMs);
          }
        }
        const cell = (x: number[]) => median(x).toFixed(2);
        rows.push([
          `${busy} busy core${busy === 1 ? '' : 's'}`,
          cell(a.sync),
          cell(b.sync),
          (median(b.sync) / median(a.sync)).toFixed(2),
          cell(a.async),
          cell(b.async),
          (median(b.async) / median(a.async)).toFixed(2),
          `${percentile(a.lateMs, 99).toFixed(2)} / ${Math.max(0, ...a.lateMs).toFixed(1)}`,
        ]);
      } finally {
        for (const p of procs) p.kill('SIGKILL');
      }
    }
  } finally {
    await Promise.all([spinning.stop(), futex.stop()]);
  }
  process.stdout.write(
    grid(
      `calls under load: µs per call (median of ${opts.runs} runs of ${CALLS}); futex-only = spin: false; ratio > 1: the default is faster`,
      ['', 'sync', 'sync futex-only', '×', 'async', 'async futex-only', '×', 'timer late p99/max ms'],
      rows,
    ),
  );
}
