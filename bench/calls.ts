/**
 * The cost of a call, side by side in one run:
 *
 * 1. Sidecar round trips of `void noop(void)` (a `ret` loaded with sc.load):
 *    sync, async one at a time, a Promise per call with 10k in flight, and the
 *    batch API (10k argument lists, one Promise); also libc's getpid and a
 *    `noop` in a shared object (the same one koffi calls); libc's bsearch over
 *    one element with a JavaScript comparator: a call and one upcall.
 * 2. Peers: koffi calling the same `noop`, getpid and bsearch with a registered
 *    callback in process (sync, async),
 *    a worker_threads postMessage round trip, a child_process IPC round trip.
 * 3. The floor: two processes made by our assembler and ELF writer
 *    ping-ponging on a shared page (bench/floor.ts).
 * 4. Sidecar.start(): cold and warm in a fresh process, warm again in the
 *    same process, next to a bare spawn of /bin/true.
 *
 * Samples are taken round-robin over the scenarios so that the noise of a
 * shared two-core machine falls on all of them alike; tables show medians.
 *
 * Where the processes run matters more than anything else on two cores: on
 * different CPUs a sync call is about a hundred ns (both sides spin), on one
 * CPU it is two context switches (microseconds). By default the scheduler places them; with
 * SIDECAR_BENCH_PIN=1 the host's main thread runs on CPU 0 and the other
 * process (sidecar, IPC child, the floor's child) on CPU 1 (taskset).
 */

import { execFileSync, fork, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import koffi from 'koffi';
import { writeSharedObject } from '../src/elf/index.js';
import { type NativeFunction, Sidecar } from '../src/index.js';
import { Assembler } from '../src/x86/index.js';
import { compareChannels, GOAL_VS_IDEAL } from './channel.js';
import { buildFloor, type FloorMode, parseFloor } from './floor.js';
import { fmtMs, grid, median, percentile } from './harness.js';
import type { BenchOptions } from './main.js';

const INDEX = new URL('../src/index.js', import.meta.url).href;
/** The package entry users import (the bundle, with its code cache in SIDECAR_CACHE). */
const ENTRY = new URL('../src/sidecar.js', import.meta.url).href;
const ADDON_MODULE = new URL('../src/host/addon.js', import.meta.url).href;
const IN_FLIGHT = 10_000;
const SYNC_CALLS = 20_000;
/** Calls in one short untimed run of a synchronous row (the floor's runs are as short). */
const BULK_CALLS = 2000;
/** Short runs per round of a synchronous row. */
const BULK_RUNS = 5;

/** The goals (the seed's, and the issue "one concept per file": import, a fresh start, ratios to the idealised channel in channel.ts). */
const GOAL = {
  /** Sync round trip, at most this many times the spin-futex floor. */
  syncVsFloor: 2,
  asyncNs: 5000,
  promiseMps: 5,
  batchMps: 30,
  warmStartMs: 3,
  importMs: 15,
  freshStartMs: 5,
} as const;
/** The goals, by scenario name, for the table's goal column. */
const GOALS: Record<string, string> = {
  'sidecar noop.sync()': `≤ ${GOAL.syncVsFloor}× floor`,
  'sidecar await noop(), one at a time': `≤ ${GOAL.asyncNs} ns`,
  'sidecar 10k noop() in flight': `≥ ${GOAL.promiseMps} M/s`,
  'sidecar noop.batch(10k lists)': `≥ ${GOAL.batchMps} M/s`,
};
const PIN = process.env.SIDECAR_BENCH_PIN === '1';

/** Sets the CPU affinity of a process's main thread (taskset). */
function pinTo(pid: number, cpus: string): void {
  execFileSync('taskset', ['-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
}

/** One measured scenario: per-call nanoseconds of each sample, and optional per-call latencies. */
interface Scenario {
  name: string;
  /** Calls per sample. */
  calls: number;
  /** Runs one sample; returns per-call latencies (ns) when it records them. */
  sample: () => Promise<number[] | null> | number[] | null;
  nsPerCall: number[];
  latencies: number[];
  note: string;
  /**
   * For one-at-a-time synchronous rows: a short run timed as a whole (ns per
   * call), free of the clock's own cost, measured the way the floor is.
   */
  bulk?: () => number;
  failed?: string;
}

function scenario(name: string, calls: number, note: string, sample: Scenario['sample']): Scenario {
  return { name, calls, sample, nsPerCall: [], latencies: [], note };
}

/** A synchronous one-at-a-time row: per-call timings for the spread, short untimed runs for the typical cost. */
function syncScenario(name: string, note: string, fn: () => unknown): Scenario {
  const s = scenario(name, SYNC_CALLS, note, () => timedSync(fn, SYNC_CALLS));
  s.bulk = () => {
    const t = performance.now();
    for (let i = 0; i < BULK_CALLS; i++) fn();
    return ((performance.now() - t) * 1e6) / BULK_CALLS;
  };
  return s;
}

/** What one more clock reading adds to a per-call timing (ns). */
function clockCost(): number {
  const n = 200_000;
  const t = performance.now();
  for (let i = 0; i < n; i++) performance.now();
  return ((performance.now() - t) * 1e6) / n;
}

/** `calls` synchronous calls, each timed. */
function timedSync(fn: () => unknown, calls: number): number[] {
  const out = new Array<number>(calls);
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    fn();
    out[i] = (performance.now() - t) * 1e6;
  }
  return out;
}

/** `calls` awaited calls one after the other, each timed. */
async function timedAsync(fn: () => Promise<unknown>, calls: number): Promise<number[]> {
  const out = new Array<number>(calls);
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await fn();
    out[i] = (performance.now() - t) * 1e6;
  }
  return out;
}

/** A shared object exporting `void noop(void)`, made by our assembler and ELF writer. */
function noopLibrary(): Uint8Array {
  const a = new Assembler();
  a.global(a.here('noop'));
  a.ret();
  return writeSharedObject(a.finish(), { soname: 'libsidecar-noop.so' });
}

const RET = new Uint8Array([0xc3]);

// ---------------------------------------------------------------- peers

async function echoWorker(): Promise<{ call(): Promise<unknown>; close(): Promise<unknown> }> {
  const w = new Worker(
    "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m));",
    { eval: true },
  );
  const waiting: ((v: unknown) => void)[] = [];
  let head = 0;
  w.on('message', (m) => {
    const r = waiting[head];
    waiting[head++] = undefined as unknown as (v: unknown) => void;
    r?.(m);
  });
  await new Promise((r) => w.once('online', r));
  return {
    call: () =>
      new Promise((r) => {
        waiting.push(r);
        w.postMessage(0);
      }),
    close: () => w.terminate(),
  };
}

async function echoChild(dir: string, pin: boolean): Promise<{ call(): Promise<unknown>; close(): void }> {
  const file = join(dir, 'echo.cjs');
  writeFileSync(file, "process.on('message', (m) => process.send(m));\n");
  const child = fork(file, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const waiting: ((v: unknown) => void)[] = [];
  let head = 0;
  child.on('message', (m) => {
    const r = waiting[head];
    waiting[head++] = undefined as unknown as (v: unknown) => void;
    r?.(m);
  });
  await new Promise((r) => child.once('spawn', r));
  if (pin && child.pid) pinTo(child.pid, '1');
  return {
    call: () =>
      new Promise((r) => {
        waiting.push(r);
        child.send(0);
      }),
    close: () => child.kill(),
  };
}

// ---------------------------------------------------------------- the floor

interface FloorResult {
  mode: FloorMode;
  ns: number[];
  failed?: string;
}

function runFloor(dir: string, mode: FloorMode, runs: number, pin: boolean): FloorResult {
  const once = (rounds: number): number => {
    const exe = join(dir, `floor-${mode}-${rounds}`);
    writeFileSync(exe, buildFloor(mode, { rounds, warmup: Math.max(100, rounds >> 4), pin }), { mode: 0o700 });
    const r = spawnSync(exe, [], { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(r.error ? r.error.message : `exit ${r.status} ${r.signal ?? ''}`);
    return parseFloor(r.stdout);
  };
  try {
    // Many short runs (about 2 ms of round trips each): the median of their
    // means is the typical round trip, as the median call latency is for the
    // sidecar; a long run's mean would mostly measure preemptions.
    const probe = once(2000);
    const rounds = Math.min(100_000, Math.max(1000, Math.round(2e6 / probe)));
    return { mode, ns: Array.from({ length: Math.max(25, 3 * runs) }, () => once(rounds)) };
  } catch (e) {
    return { mode, ns: [], failed: (e as Error).message };
  }
}

// ---------------------------------------------------------------- start time

/** Runs a module script in a fresh `node`; returns its JSON line and the wall time from spawn to exit. */
function freshProcess(script: string, env: NodeJS.ProcessEnv): { out: Record<string, number>; wallMs: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`fresh process failed: ${r.stderr}`);
  return { out: JSON.parse(r.stdout.trim().split('\n').pop() as string) as Record<string, number>, wallMs };
}

const START_SCRIPT = `
  const t0 = performance.now();
  const { Sidecar } = await import(${JSON.stringify(ENTRY)});
  const t1 = performance.now();
  const mib = Number(process.env.SIDECAR_BENCH_MIB ?? 0);
  const sc = await Sidecar.start(mib > 0 ? { memory: mib << 20 } : {});
  const t2 = performance.now();
  await sc.stop();
  console.log(JSON.stringify({ importMs: t1 - t0, startMs: t2 - t1 }));
`;

/**
 * Warm start in a fresh process, step by step (each step done ahead of
 * start(), which then skips it). The steps need the host's internals, so
 * this imports the modules themselves, not the bundle (nor its code cache).
 */
const STEPS_SCRIPT = `
  const t0 = performance.now();
  const { Sidecar } = await import(${JSON.stringify(INDEX)});
  const { loadChannelAddon, ADDON, SIDECAR_EXE } = await import(${JSON.stringify(ADDON_MODULE)});
  const t1 = performance.now();
  const t2 = performance.now(); // nothing is built on a warm start
  for (const a of [ADDON, SIDECAR_EXE]) await a.file();
  const t3 = performance.now();
  await loadChannelAddon();
  const t4 = performance.now();
  const sc = await Sidecar.start();
  const t5 = performance.now();
  await sc.ping();
  const t6 = performance.now();
  await sc.stop();
  console.log(JSON.stringify({ importMs: t1 - t0, buildMs: t2 - t1, cacheCheckMs: t3 - t2, dlopenMs: t4 - t3, restMs: t5 - t4, pingMs: t6 - t5 }));
`;

async function spawnTrue(): Promise<number> {
  const t = performance.now();
  await new Promise((res, rej) => spawn('/bin/true', [], { stdio: 'ignore' }).on('exit', res).on('error', rej));
  return performance.now() - t;
}

// ---------------------------------------------------------------- formatting

const fmtNs = (ns: number): string =>
  !Number.isFinite(ns) ? '-' : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns.toFixed(0);
const fmtRate = (ns: number): string => (Number.isFinite(ns) && ns > 0 ? (1e3 / ns).toFixed(ns < 100 ? 1 : 3) : '-');

export async function run(opts: BenchOptions): Promise<void> {
  const runs = opts.runs;
  const pin = PIN && availableParallelism() >= 2;
  if (PIN && !pin) process.stderr.write('calls: SIDECAR_BENCH_PIN needs two CPUs; not pinning\n');
  if (pin) pinTo(process.pid, '0');
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-bench-calls-'));
  const cleanups: (() => unknown)[] = [];
  try {
    const soPath = join(dir, 'libsidecar-noop.so');
    writeFileSync(soPath, noopLibrary());

    // ------------------------------------------------ the subjects
    const sc = await Sidecar.start({ allow: [soPath] });
    cleanups.push(() => sc.stop());
    if (pin) pinTo(sc.pid, '1');
    const noop = (await sc.load(RET, 'void noop(void)')) as NativeFunction;
    const soNoop = (await sc.library(soPath)).func('void noop(void)');
    const getpid = (await sc.library('c')).func('int getpid(void)');
    const lists: unknown[][] = Array.from({ length: IN_FLIGHT }, () => []);
    const tenK = (f: NativeFunction) => async () => {
      const ps = new Array<Promise<unknown>>(IN_FLIGHT);
      for (let i = 0; i < IN_FLIGHT; i++) ps[i] = f();
      await Promise.all(ps);
      return null;
    };

    // One upcall per call: bsearch over one element calls the comparator once.
    const oneInt = sc.alloc('int32_t', 1);
    const cmp = await sc.callback('int cmp(const void *, const void *)', () => 0);
    cleanups.push(() => cmp.release());
    const bsearch = (await sc.library('c')).func(
      'void *bsearch(const void *key, const void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))',
    );
    const kCmp = koffi.proto('int kcmp(const void *, const void *)');
    const kBsearch = koffi.load('libc.so.6').func('void *bsearch(const void *, const void *, size_t, size_t, kcmp *)');
    const kOne = new Int32Array(1);
    const kCb = koffi.register(() => 0, koffi.pointer(kCmp));
    cleanups.push(() => koffi.unregister(kCb));

    const klib = koffi.load(soPath);
    const kNoop = klib.func('void noop(void)');
    const kGetpid = koffi.load('libc.so.6').func('int getpid(void)');
    const kAsync = (f: typeof kNoop) => () =>
      new Promise((res, rej) => f.async((err: unknown, r: unknown) => (err ? rej(err) : res(r))));
    const worker = await echoWorker();
    cleanups.push(() => worker.close());
    const child = await echoChild(dir, pin);
    cleanups.push(() => child.close());
    const inFlight =
      (call: () => Promise<unknown>, n: number, window = n) =>
      async () => {
        for (let done = 0; done < n; done += window) {
          const ps: Promise<unknown>[] = [];
          for (let i = 0; i < Math.min(window, n - done); i++) ps.push(call());
          await Promise.all(ps);
        }
        return null;
      };

    const scenarios: Scenario[] = [
      syncScenario('sidecar noop.sync()', 'ret blob via sc.load', () => noop.sync()),
      scenario('sidecar await noop(), one at a time', 5000, '', () => timedAsync(() => noop(), 5000)),
      scenario('sidecar 10k noop() in flight', IN_FLIGHT * 10, 'Promise.all of 10k, ×10', async () => {
        for (let k = 0; k < 10; k++) await tenK(noop)();
        return null;
      }),
      scenario('sidecar noop.batch(10k lists)', IN_FLIGHT * 10, 'one Promise per 10k, ×10', async () => {
        for (let k = 0; k < 10; k++) await noop.batch(lists);
        return null;
      }),
      syncScenario('sidecar libnoop.so noop.sync()', 'dlopen/dlsym', () => soNoop.sync()),
      scenario('sidecar libnoop.so await noop()', 5000, '', () => timedAsync(() => soNoop(), 5000)),
      syncScenario('sidecar getpid.sync()', 'libc.so.6', () => getpid.sync()),
      syncScenario('sidecar bsearch.sync(), one callback', 'a call and one upcall', () =>
        bsearch.sync(oneInt, oneInt, 1, 4, cmp),
      ),
      scenario('sidecar await bsearch(), one callback', 5000, 'a call and one upcall', () =>
        timedAsync(() => bsearch(oneInt, oneInt, 1, 4, cmp), 5000),
      ),
      scenario('koffi bsearch(), one callback', 200_000, 'in process, registered callback', () => {
        const t = performance.now();
        for (let i = 0; i < 200_000; i++) kBsearch(kOne, kOne, 1, 4, kCb);
        return [((performance.now() - t) * 1e6) / 200_000];
      }),
      scenario('koffi libnoop.so noop() sync', 200_000, 'in process', () => {
        const t = performance.now();
        for (let i = 0; i < 200_000; i++) kNoop();
        return [((performance.now() - t) * 1e6) / 200_000];
      }),
      scenario('koffi getpid() sync', 200_000, 'in process, libc.so.6', () => {
        const t = performance.now();
        for (let i = 0; i < 200_000; i++) kGetpid();
        return [((performance.now() - t) * 1e6) / 200_000];
      }),
      scenario('koffi noop.async(cb), one at a time', 5000, 'libuv thread pool', () => timedAsync(kAsync(kNoop), 5000)),
      scenario(
        'koffi noop.async(cb), 256 in flight',
        IN_FLIGHT,
        'its max_async_calls',
        inFlight(kAsync(kNoop), IN_FLIGHT, 256),
      ),
      scenario('worker_threads postMessage round trip', 5000, 'one at a time', () => timedAsync(worker.call, 5000)),
      scenario('worker_threads 10k in flight', IN_FLIGHT, '', inFlight(worker.call, IN_FLIGHT)),
      scenario('child_process IPC round trip', 2000, 'fork + process.send', () => timedAsync(child.call, 2000)),
      scenario('child_process IPC 10k in flight', IN_FLIGHT, '', inFlight(child.call, IN_FLIGHT)),
    ];

    // Warm up each (JIT, heap sizing, adaptive spin state), then sample round-robin.
    for (const s of scenarios) {
      try {
        await s.sample();
        await s.sample();
      } catch (e) {
        s.failed = (e as Error).message;
      }
    }
    for (let r = 0; r < runs; r++) {
      for (const s of scenarios) {
        if (s.failed) continue;
        const t = performance.now();
        const lat = await s.sample();
        const total = (performance.now() - t) * 1e6;
        if (s.bulk) {
          for (const x of lat ?? []) s.latencies.push(x);
          for (let k = 0; k < BULK_RUNS; k++) s.nsPerCall.push(s.bulk());
        } else if (lat && lat.length === s.calls) {
          s.nsPerCall.push(lat.reduce((x, y) => x + y, 0) / s.calls);
          for (const x of lat) s.latencies.push(x);
        } else if (lat && lat.length === 1) s.nsPerCall.push(lat[0] as number);
        else s.nsPerCall.push(total / s.calls);
      }
    }
    for (const f of cleanups.splice(0).reverse()) await f();

    // ------------------------------------------------ the floor
    const floors = (['spin', 'futex', 'spin-futex'] as FloorMode[]).map((m) => runFloor(dir, m, runs, pin));
    if (pin) pinTo(process.pid, `0-${availableParallelism() - 1}`); // fresh processes below inherit it
    const floorNs = (m: FloorMode) => median(floors.find((f) => f.mode === m)?.ns ?? []);
    const hybridFloor = floorNs('spin-futex');

    // ------------------------------------------------ start time
    const env = (cache: string) => ({ ...process.env, SIDECAR_CACHE: cache });
    const cold: { out: Record<string, number>; wallMs: number }[] = [];
    const warmFresh: { out: Record<string, number>; wallMs: number }[] = [];
    const warmFreshSmall: { out: Record<string, number>; wallMs: number }[] = [];
    const warmFreshNoCode: { out: Record<string, number>; wallMs: number }[] = [];
    const steps: Record<string, number>[] = [];
    const nodeBare: number[] = [];
    const warmDir = join(dir, 'warm-cache');
    freshProcess(START_SCRIPT, env(warmDir)); // fills it
    for (let r = 0; r < runs; r++) {
      cold.push(freshProcess(START_SCRIPT, env(join(dir, `cold-${r}`))));
      warmFresh.push(freshProcess(START_SCRIPT, env(warmDir)));
      warmFreshSmall.push(freshProcess(START_SCRIPT, { ...env(warmDir), SIDECAR_BENCH_MIB: '4' }));
      warmFreshNoCode.push(freshProcess(START_SCRIPT, { ...env(warmDir), SIDECAR_COMPILE_CACHE: '0' }));
      steps.push(freshProcess(STEPS_SCRIPT, env(warmDir)).out);
      const t = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      nodeBare.push(performance.now() - t);
    }
    const warmSame: number[] = [];
    const warmSmall: number[] = [];
    const spawnTrueMs: number[] = [];
    await (await Sidecar.start()).stop(); // this process has built and loaded everything already
    await spawnTrue();
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const s = await Sidecar.start();
      warmSame.push(performance.now() - t);
      await s.stop();
      const t2 = performance.now();
      const small = await Sidecar.start({ memory: 8 << 20 });
      warmSmall.push(performance.now() - t2);
      await small.stop();
      spawnTrueMs.push(await spawnTrue());
    }

    // ------------------------------------------------ tables
    const byName = new Map(scenarios.map((s) => [s.name, s]));
    const medNs = (name: string) => median(byName.get(name)?.nsPerCall ?? []);
    // Typical: for synchronous rows the median of short untimed runs' means
    // (as the floor is measured); for async one-at-a-time rows the median
    // single-call latency; else the mean of a sample.
    const typical = (s: Scenario) => (s.bulk || !s.latencies.length ? median(s.nsPerCall) : median(s.latencies));
    const typicalNs = (name: string) => {
      const s = byName.get(name);
      return s ? typical(s) : Number.NaN;
    };
    const clockNs = clockCost();
    const ratio = (ns: number) => (Number.isFinite(hybridFloor) ? (ns / hybridFloor).toFixed(2) : '-');
    const rows = scenarios.map((s) => {
      if (s.failed) return [s.name, 'failed', '', '', '', '', GOALS[s.name] ?? '', s.failed];
      const mean = median(s.nsPerCall);
      return [
        s.name,
        s.latencies.length ? fmtNs(median(s.latencies)) : '',
        s.latencies.length ? fmtNs(percentile(s.latencies, 99)) : '',
        fmtNs(mean),
        fmtRate(mean),
        ratio(typical(s)),
        GOALS[s.name] ?? '',
        s.note,
      ];
    });
    for (const f of floors) {
      const m = median(f.ns);
      if (f.failed) rows.push([`floor: ${f.mode}`, 'failed', '', '', '', '', '', f.failed]);
      else
        rows.push([
          `floor: ${f.mode} ping-pong`,
          fmtNs(m),
          fmtNs(percentile(f.ns, 99)),
          '',
          fmtRate(m),
          ratio(m),
          '',
          `median and p99 of ${f.ns.length} short runs' means`,
        ]);
    }
    process.stdout.write(
      grid(
        `calls: round trips of a no-op, ${runs} samples each, round-robin\n${
          pin
            ? 'pinned: host main thread on CPU 0, the other process on CPU 1'
            : 'unpinned: the scheduler places the processes'
        }`,
        ['', 'median ns', 'p99 ns', 'mean ns', 'M calls/s', '× floor', 'goal', 'note'],
        rows,
      ),
    );
    process.stdout.write(
      [
        `  median, p99: of single calls timed one by one (one-at-a-time rows only); each includes a clock reading, ${fmtNs(clockNs)} ns here`,
        "  mean: a sample's time ÷ its calls, median over samples (includes preemptions); M calls/s = 1000 ÷ mean",
        `  sync rows' mean: short runs of ${BULK_CALLS} calls timed as a whole, as the floor is`,
        "  × floor: typical ns per call (sync: mean; async one at a time: median; else mean) ÷ the spin-futex floor's median",
        '',
        '',
      ].join('\n'),
    );

    const stepNames: [string, string][] = [
      ['importMs', 'import the modules (unbundled, no code cache)'],
      ['buildMs', 'assemble + link both artefacts (a warm start skips it)'],
      ['cacheCheckMs', 'cache: read and hash both files'],
      ['dlopenMs', 'process.dlopen of the channel addon'],
      ['restMs', 'the rest of start(): region, spawn, first ping'],
      ['pingMs', 'a ping after start'],
    ];
    const startRows: string[][] = [
      [
        'Sidecar.start(), cold, fresh process',
        fmtMs(median(cold.map((c) => c.out.startMs as number))),
        fmtMs(median(cold.map((c) => c.wallMs))),
        '',
        'empty SIDECAR_CACHE',
      ],
      [
        'Sidecar.start(), warm, fresh process',
        fmtMs(median(warmFresh.map((c) => c.out.startMs as number))),
        fmtMs(median(warmFresh.map((c) => c.wallMs))),
        '≤ 3 ms',
        'artefacts in the cache',
      ],
      [
        'Sidecar.start(), warm, fresh process, no code cache',
        fmtMs(median(warmFreshNoCode.map((c) => c.out.startMs as number))),
        fmtMs(median(warmFreshNoCode.map((c) => c.wallMs))),
        '',
        'SIDECAR_COMPILE_CACHE=0: every function compiled as it is first called',
      ],
      [
        'Sidecar.start({ memory: 4 MiB }), warm, fresh process',
        fmtMs(median(warmFreshSmall.map((c) => c.out.startMs as number))),
        fmtMs(median(warmFreshSmall.map((c) => c.wallMs))),
        '',
        'the same: no page of the region is touched at start',
      ],
      [
        'Sidecar.start(), warm, same process',
        fmtMs(median(warmSame)),
        '',
        '≤ 3 ms',
        "after a first start; each start's channel fills about 1 MB of per-slot tables",
      ],
      [
        'Sidecar.start({ memory: 8 MiB }), same process',
        fmtMs(median(warmSmall)),
        '',
        '',
        'the default region is 16 MiB',
      ],
      [
        "import('sidecar') (the bundle), fresh process",
        fmtMs(median(warmFresh.map((c) => c.out.importMs as number))),
        '',
        '≤ 15 ms',
        'its code cache in SIDECAR_CACHE',
      ],
      [
        "import('sidecar'), fresh process, no code cache",
        fmtMs(median(warmFreshNoCode.map((c) => c.out.importMs as number))),
        '',
        '',
        'SIDECAR_COMPILE_CACHE=0',
      ],
      ['child_process.spawn(/bin/true) to exit', fmtMs(median(spawnTrueMs)), '', '', 'for comparison'],
      ['node -e 0 (spawnSync)', '', fmtMs(median(nodeBare)), '', 'a bare Node process'],
    ];
    process.stdout.write(
      grid(`Sidecar.start(), medians of ${runs} runs`, ['', 'start() ms', 'process ms', 'goal', 'note'], startRows),
    );
    process.stdout.write(
      grid(
        '\nwarm start in a fresh process, step by step',
        ['', 'median ms', ''],
        stepNames.map(([k, what]) => [what, fmtMs(median(steps.map((s) => s[k] as number))), '']),
      ),
    );

    const goalRows: string[][] = [];
    const goal = (what: string, measured: string, target: string, ok: boolean | null) =>
      goalRows.push([what, measured, target, ok === null ? '?' : ok ? 'met' : 'MISSED']);
    const sync = typicalNs('sidecar noop.sync()');
    goal(
      'sync round trip (mean of short runs)',
      `${fmtNs(sync)} ns`,
      Number.isFinite(hybridFloor)
        ? `≤ ${GOAL.syncVsFloor} × ${fmtNs(hybridFloor)} ns`
        : (GOALS['sidecar noop.sync()'] ?? ''),
      Number.isFinite(hybridFloor) ? sync <= GOAL.syncVsFloor * hybridFloor : null,
    );
    const one = typicalNs('sidecar await noop(), one at a time');
    goal('async, one at a time (median)', `${fmtNs(one)} ns`, `≤ ${GOAL.asyncNs} ns`, one <= GOAL.asyncNs);
    const per = medNs('sidecar 10k noop() in flight');
    goal(
      'a Promise per call (10k in flight)',
      `${fmtRate(per)} M/s`,
      `≥ ${GOAL.promiseMps} M/s`,
      1e3 / per >= GOAL.promiseMps,
    );
    const batch = medNs('sidecar noop.batch(10k lists)');
    goal('batch API', `${fmtRate(batch)} M/s`, `≥ ${GOAL.batchMps} M/s`, 1e3 / batch >= GOAL.batchMps);
    const ws = median(warmSame);
    const wf = median(warmFresh.map((c) => c.out.startMs as number));
    goal('warm start, same process', `${fmtMs(ws)} ms`, `≤ ${GOAL.warmStartMs} ms`, ws <= GOAL.warmStartMs);
    goal('warm start, fresh process', `${fmtMs(wf)} ms`, `≤ ${GOAL.freshStartMs} ms`, wf <= GOAL.freshStartMs);
    const imp = median(warmFresh.map((c) => c.out.importMs as number));
    goal('import of the package, fresh process', `${fmtMs(imp)} ms`, `≤ ${GOAL.importMs} ms`, imp <= GOAL.importMs);
    // beside the idealised channel, in fresh processes, rounds alternating (channel.ts)
    const channels = compareChannels(runs);
    process.stdout.write(`\n${channels.table}`);
    const vs = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}× ideal` : '(no ideal)');
    const against = (what: string, x: number, most: boolean, g: number) =>
      goal(what, vs(x), `${most ? '≤' : '≥'} ${g}×`, Number.isFinite(x) ? (most ? x <= g : x >= g) : null);
    against('sync round trip vs ideal', channels.vsIdeal.sync, true, GOAL_VS_IDEAL.sync);
    against('a Promise per call vs ideal', channels.vsIdeal.promises, false, GOAL_VS_IDEAL.promises);
    against('batch API vs ideal', channels.vsIdeal.batch, false, GOAL_VS_IDEAL.batch);
    process.stdout.write(grid('\ngoals', ['', 'measured', 'goal', ''], goalRows));
  } finally {
    for (const f of cleanups.reverse()) await f();
    rmSync(dir, { recursive: true, force: true });
  }
}
