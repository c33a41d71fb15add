/**
 * Fault injection: many faults of many kinds against one real sidecar, in
 * a seeded random order, each checked for what the failure model promises —
 * the promise settles, with the right error class, a shared canary buffer
 * is unchanged, the sidecar answers again afterwards — and, at the end, no
 * file descriptor or child process left behind. `npm run test:faults` runs
 * 1,000 and prints the counts; `npm test` runs a few dozen (faults.test.ts).
 */

import {
  AbortError,
  ForthError,
  type NativeFunction,
  ProtocolError,
  Sidecar,
  SidecarError,
  SidecarExitedError,
  TimeoutError,
} from '../../src/index.js';
import { Assembler, eax, ecx, edi, qword, r8, r9, rax, rcx, rdi, rsi } from '../../src/x86/index.js';
import { rng } from '../support/corpus.js';
import { children, fdCount } from '../support/procs.js';

export interface FaultCounts {
  faults: number;
  byKind: Record<string, number>;
  /** Promises that had not settled 10 s after their fault. */
  unsettled: number;
  /** Rejections with another class than the fault calls for (and what they were). */
  wrongClass: number;
  wrongExamples: string[];
  /** Canary buffers whose bytes changed across a fault. */
  buffersChanged: number;
  /** The sidecar did not answer a ping after the fault (and its restart). */
  deadAfter: number;
  leakedFds: number;
  leakedProcesses: number;
  /** Scribbles the sidecar survived unnoticed (the call resolved; the restart after it worked). */
  unnoticed: number;
  unnoticedByKind: Record<string, number>;
  /** Milliseconds from the fault to the rejection. */
  latencies: number[];
}

/** Settles within `ms`, or resolves to 'unsettled'. */
function within<T>(
  p: Promise<T>,
  ms: number,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | 'unsettled'> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<'unsettled'>((res) => {
    timer = setTimeout(() => res('unsettled'), ms);
  });
  return Promise.race([
    p.then(
      (value) => ({ ok: true as const, value }),
      (error) => ({ ok: false as const, error }),
    ),
    guard,
  ]).finally(() => clearTimeout(timer));
}

/** Machine code: `long exit_at(long x)` returns x, but exits the process (exit_group(3)) when x is 1. */
function exitAt(): Uint8Array {
  const a = new Assembler();
  const ret = a.label();
  a.mov(rax, rdi);
  a.cmp(rdi, 1);
  a.jne(ret);
  a.mov(edi, 3);
  a.mov(eax, 231);
  a.syscall();
  a.bind(ret);
  a.ret();
  return a.finish().sections[0]?.bytes as Uint8Array;
}

/**
 * `void *scribble(void *p)`, a thread body for a malicious sidecar: p points
 * to { target, words, seed }; for ever, it writes xorshift noise over
 * `words` eightbytes at target, then spins a while, then again.
 */
function scribbler(): Uint8Array {
  const a = new Assembler();
  const outer = a.label();
  const inner = a.label();
  const wait = a.label();
  a.mov(r8, qword(rdi, 16)); // the generator's state
  a.bind(outer);
  a.mov(rsi, qword(rdi, 0));
  a.mov(rcx, qword(rdi, 8));
  a.bind(inner);
  a.mov(rax, r8);
  a.shl(rax, 13);
  a.xor(r8, rax);
  a.mov(rax, r8);
  a.shr(rax, 7);
  a.xor(r8, rax);
  a.mov(rax, r8);
  a.shl(rax, 17);
  a.xor(r8, rax);
  a.mov(qword(rsi), r8);
  a.add(rsi, 8);
  a.dec(rcx);
  a.jnz(inner);
  a.mov(ecx, 200_000);
  a.bind(wait);
  a.pause();
  a.dec(ecx);
  a.jnz(wait);
  a.mov(r9, qword(rdi, 0)); // keeps rdi live across the loop
  a.jmp(outer);
  return a.finish().sections[0]?.bytes as Uint8Array;
}

/** The bytes of `void null_write(void)`: a store to address 0 (SIGSEGV). */
const NULL_WRITE = new Uint8Array([0x48, 0xc7, 0x04, 0x25, 0, 0, 0, 0, 1, 0, 0, 0, 0xc3]);

interface Kit {
  sc: Sidecar;
  segv: NativeFunction;
  abort: NativeFunction;
  usleep: NativeFunction;
  abs: NativeFunction;
  exitAt: NativeFunction;
  memcpy: NativeFunction;
  noise: Uint8Array;
  /** Starts a scribbling thread in the sidecar (pthread_create). */
  startScribbler(target: bigint, words: number): Promise<void>;
}

type Expect = readonly (new (...a: never[]) => Error)[];

interface Fault {
  kind: string;
  /** Starts the fault; the promise is what must reject, `t0` when the fault happened. */
  run(k: Kit): { promise: Promise<unknown>; t0: () => number; expect: Expect; others?: Promise<unknown>[] };
}

const CRASH: Expect = [SidecarExitedError];

const FAULTS: Fault[] = [
  { kind: 'segfault, async call', run: (k) => at(k.segv(), CRASH) },
  {
    kind: 'segfault, sync call',
    run: (k) => {
      const t = performance.now();
      let e: unknown = null;
      try {
        k.segv.sync();
      } catch (err) {
        e = err;
      }
      return { promise: e ? Promise.reject(e) : Promise.resolve('no error'), t0: () => t, expect: CRASH };
    },
  },
  { kind: 'segfault in a batch', run: (k) => at(k.segv.batch([[], [], []]), CRASH) },
  { kind: 'abort()', run: (k) => at(k.abort(), CRASH) },
  {
    kind: 'kill -9 from outside mid-call',
    run: (k) => {
      const p = k.usleep(2_000_000);
      let t = 0;
      setTimeout(() => {
        t = performance.now();
        if (k.sc.pid > 0) process.kill(k.sc.pid, 'SIGKILL');
      }, 5);
      return { promise: p, t0: () => t, expect: CRASH };
    },
  },
  {
    kind: 'a hang past the deadline',
    run: (k) => {
      const t = performance.now();
      return { promise: k.usleep(5_000_000, { timeoutMs: 30 }), t0: () => t + 30, expect: [TimeoutError] };
    },
  },
  {
    kind: 'an abort signal mid-call',
    run: (k) => {
      const ac = new AbortController();
      const p = k.usleep(5_000_000, { signal: ac.signal });
      let t = 0;
      setTimeout(() => {
        t = performance.now();
        ac.abort();
      }, 5);
      return { promise: p, t0: () => t, expect: [AbortError] };
    },
  },
  {
    kind: 'exit() in the middle of a batch',
    run: (k) => at(k.exitAt.batch([[2], [3], [1], [4], [5]]), CRASH),
  },
  {
    kind: 'a fault with other calls in flight',
    run: (k) => {
      const before = [k.abs(-1), k.abs(-2)];
      const r = at(k.segv(), CRASH);
      const after = [k.abs(-3), k.abs(-4)];
      // the calls before it complete or reject as exited; those after it reject as exited
      return { ...r, others: [...before, ...after] };
    },
  },
  {
    kind: 'a Forth word that never returns',
    run: (k) => {
      const t = performance.now();
      const p = k.sc.forth(': spin begin again ; spin', { timeoutMs: 40 });
      return { promise: p, t0: () => t + 40, expect: [ForthError, TimeoutError] };
    },
  },
  {
    kind: 'loaded code scribbling over its ring',
    run: (k) => {
      // memcpy random bytes over this channel's control page and ring: a malicious sidecar
      const ch = k.sc.channel();
      const target = k.sc.regionAddress + BigInt(ch.offset);
      return at(
        k.memcpy(target, k.noise, 4096 + 1024),
        [ProtocolError, SidecarExitedError, TimeoutError, SidecarError],
        true,
      );
    },
  },
  {
    kind: 'a thread scribbling over the ring while calls run',
    run: (k) => {
      const t = performance.now();
      const ch = k.sc.channel();
      const calls = (async () => {
        await k.startScribbler(k.sc.regionAddress + BigInt(ch.offset), 640);
        const rs: Promise<unknown>[] = [];
        for (let i = 0; i < 20; i++) rs.push(k.abs(-i, { timeoutMs: 300 }));
        try {
          k.abs.sync(-1, { timeoutMs: 300 });
        } catch (e) {
          rs.push(Promise.reject(e));
        }
        const settled = await Promise.allSettled(rs);
        const bad = settled.find((r) => r.status === 'rejected' && !(r.reason instanceof SidecarError));
        if (bad) throw (bad as PromiseRejectedResult).reason;
        throw settled.some((r) => r.status === 'rejected') ? new SidecarError('noticed') : new HarmlessScribble();
      })();
      return { promise: calls, t0: () => t, expect: [SidecarError, HarmlessScribble] };
    },
  },
  {
    kind: 'loaded code scribbling over the header',
    run: (k) =>
      at(
        k.memcpy(k.sc.regionAddress, k.noise, 256),
        [ProtocolError, SidecarExitedError, TimeoutError, SidecarError],
        true,
      ),
  },
];

function at(p: Promise<unknown>, expect: Expect, mayResolve = false) {
  const t = performance.now();
  return {
    promise: mayResolve ? p.then(() => Promise.reject(new HarmlessScribble())) : p,
    t0: () => t,
    expect: mayResolve ? [...expect, HarmlessScribble] : expect,
  };
}

/**
 * A scribble may go unnoticed: over the header (the host owns it and
 * rewrites it at the restart), or over a ring the sidecar then overwrites
 * with a consistent completion. Not a failure, as long as the sidecar works
 * after its restart.
 */
class HarmlessScribble extends Error {}

async function kit(sc: Sidecar): Promise<Kit> {
  const c = await sc.library('c');
  const noise = sc.alloc('uint8_t', 8192);
  const r = rng(7);
  for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(r() * 256);
  return {
    sc,
    segv: await sc.load(NULL_WRITE, 'void null_write(void)'),
    abort: c.func('void abort(void)'),
    usleep: c.func('int usleep(unsigned int usec)'),
    abs: c.func('int abs(int)'),
    exitAt: await sc.load(exitAt(), 'long exit_at(long x)'),
    memcpy: c.func('void *memcpy(void *dest, const void *src, size_t n)'),
    noise,
    startScribbler: async (target, words) => {
      const code = await sc.load(scribbler());
      const create = c.func('int pthread_create(void *thread, const void *attr, void *start, void *arg)');
      const args = sc.alloc('uint64_t', 4);
      args[0] = target;
      args[1] = BigInt(words);
      args[2] = 0x9e3779b97f4a7c15n;
      const tid = sc.alloc('uint64_t', 1);
      await create(tid, null, await code.base(), args);
    },
  };
}

/** Runs `count` faults (kinds chosen by a seeded generator) and returns the counts. */
export async function injectFaults(count: number, seed = 1): Promise<FaultCounts> {
  // What the first sidecar opens for good (the channel addon, the cache) is not a leak.
  await (await Sidecar.start({ memory: 4 << 20, stdio: 'ignore' })).stop();
  const fds0 = fdCount();
  const kids0 = new Set(children());
  const out: FaultCounts = {
    faults: 0,
    byKind: {},
    unsettled: 0,
    wrongClass: 0,
    wrongExamples: [],
    buffersChanged: 0,
    deadAfter: 0,
    leakedFds: 0,
    leakedProcesses: 0,
    unnoticed: 0,
    unnoticedByKind: {},
    latencies: [],
  };
  const sc = await Sidecar.start({ memory: 8 << 20, stdio: 'ignore', timeoutMs: 5000 });
  const hold = setInterval(() => {}, 1000);
  try {
    const canary = sc.alloc('double', 4096);
    for (let i = 0; i < canary.length; i++) canary[i] = i * 1.5;
    const k = await kit(sc);
    const pick = rng(seed);
    for (let n = 0; n < count; n++) {
      const f = FAULTS[Math.floor(pick() * FAULTS.length)] as Fault;
      out.faults++;
      out.byKind[f.kind] = (out.byKind[f.kind] ?? 0) + 1;
      const { promise, t0, expect, others } = f.run(k);
      const r = await within(promise, 10_000);
      const t1 = performance.now();
      if (r === 'unsettled') out.unsettled++;
      else if (r.ok || !expect.some((E) => r.error instanceof E)) {
        out.wrongClass++;
        if (out.wrongExamples.length < 5)
          out.wrongExamples.push(`${f.kind}: ${r.ok ? `resolved ${String(r.value)}` : String(r.error)}`);
      } else if (r.error instanceof HarmlessScribble) {
        out.unnoticed++;
        out.unnoticedByKind[f.kind] = (out.unnoticedByKind[f.kind] ?? 0) + 1;
      } else out.latencies.push(t1 - t0());
      for (const o of others ?? []) {
        const s = await within(o, 10_000);
        if (s === 'unsettled') out.unsettled++;
        else if (!s.ok && !(s.error instanceof SidecarError)) out.wrongClass++;
      }
      let changed = false;
      for (let i = 0; i < canary.length; i++) if (canary[i] !== i * 1.5) changed = true;
      if (changed) out.buffersChanged++;
      // back to work: a crashed sidecar is restarted, a scribbled one too (the host rewrites what it owns)
      try {
        if (f.kind.includes('scribbling') || !sc.running) await sc.restart();
        const pong = await within(sc.ping(7n), 10_000);
        if (pong === 'unsettled' || !pong.ok || pong.value !== 7n) out.deadAfter++;
      } catch {
        out.deadAfter++;
      }
    }
  } finally {
    clearInterval(hold);
    await sc.stop();
  }
  // The last exits may still be reaped: give them a moment.
  for (let i = 0; i < 50 && (fdCount() > fds0 || children().some((c) => !kids0.has(c))); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  out.leakedFds = Math.max(0, fdCount() - fds0);
  out.leakedProcesses = children().filter((c) => !kids0.has(c)).length;
  return out;
}
