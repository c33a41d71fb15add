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
  // The default, futex-only, and a second futex-only sidecar as the control: two identical channels
  // differ by the noise alone, so the control's ratio says how far from 1 a difference means anything.
  const sidecars = [
    await Sidecar.start({ memory: 4 << 20 }),
    await Sidecar.start({ memory: 4 << 20, spin: false }),
    await Sidecar.start({ memory: 4 << 20, spin: false }),
  ];
  const rows: string[][] = [];
  try {
    const fns = await Promise.all(sidecars.map(noop));
    for (const busy of [0, 1, 2]) {
      const procs = burners(busy);
      await new Promise((r) => setTimeout(r, 200)); // let them get going
      try {
        // each round measures all three, the order rotating, so that none always comes first after a change of load
        const got = fns.map(() => ({ sync: [] as number[], async: [] as number[], lateMs: [] as number[] }));
        for (let r = 0; r < opts.runs; r++) {
          for (let j = 0; j < fns.length; j++) {
            const k = (r + j) % fns.length;
            const x = await measure(fns[k] as NativeFunction, 1);
            const to = got[k] as (typeof got)[number];
            to.sync.push(...x.sync);
            to.async.push(...x.async);
            to.lateMs.push(...x.lateMs);
          }
        }
        const [a, b, c] = got as [(typeof got)[0], (typeof got)[0], (typeof got)[0]];
        const cell = (x: number[]) => median(x).toFixed(2);
        // A ratio is paired: each round's time of one over the other's in the same round, then the
        // median of those (the load shifts between rounds; within one, all saw about the same).
        const paired = (d: number[], f: number[]) => {
          const q = d.map((x, k) => (f[k] as number) / x).sort((x, y) => x - y);
          const lo = q[Math.floor((q.length - 1) / 4)] as number;
          const hi = q[Math.ceil(((q.length - 1) * 3) / 4)] as number;
          return `${median(q).toFixed(2)} (${lo.toFixed(2)}–${hi.toFixed(2)})`;
        };
        rows.push([
          `${busy} busy core${busy === 1 ? '' : 's'}`,
          cell(a.sync),
          cell(b.sync),
          paired(a.sync, b.sync),
          paired(c.sync, b.sync),
          cell(a.async),
          cell(b.async),
          paired(a.async, b.async),
          paired(c.async, b.async),
          `${percentile(a.lateMs, 99).toFixed(2)} / ${Math.max(0, ...a.lateMs).toFixed(1)}`,
        ]);
      } finally {
        for (const p of procs) p.kill('SIGKILL');
      }
    }
  } finally {
    await Promise.all(sidecars.map((sc) => sc.stop()));
  }
  process.stdout.write(
    grid(
      `calls under load: µs per call (median of ${opts.runs} rounds of ${CALLS}); futex-only = spin: false; × = futex-only ÷ default, paired by round: median (quartiles), > 1: the default is faster; control = futex-only ÷ a second futex-only sidecar (the noise)`,
      ['', 'sync', 'futex-only', '×', 'control', 'async', 'futex-only', '×', 'control', 'timer late p99/max ms'],
      rows,
    ),
  );
}
