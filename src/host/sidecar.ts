/**
 * The Sidecar: one native process, its shared region and the ring between
 * them. This module owns the process life cycle (start, crash, timeout,
 * restart, stop), the submission/completion protocol of
 * src/native/protocol.ts, argument marshalling, and the objects users hold:
 * libraries, bound functions and loaded code.
 *
 * Waiting, both ways, is spin-then-sleep and adaptive: after a spin that
 * misses, the next 1, 2, 4 … 256 waits sleep at once, so two processes on a
 * two-core machine do not slow each other down by spinning.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { type ForthEvalOptions, ForthSession } from '../forth/session.js';
import { KNOWN_LIBRARIES, knownSonames } from '../libs/registry.js';
import { type FlatImage, linkFlat } from '../link/index.js';
import {
  ARENA_OFFSET,
  ARGBLOCK_OFFSET,
  ARGBLOCK_SIZE,
  DEFAULT_SPIN_TICKS,
  EXIT_CODE,
  H,
  INLINE_ARGS,
  MAGIC,
  OP,
  RING_OFFSET,
  RING_SLOTS,
  S,
  SLOT_SIZE,
  VERSION,
} from '../native/protocol.js';
import { buildTrampoline } from '../native/trampoline.js';
import type { ObjectCode } from '../x86/assembler.js';
import type { ChannelAddon } from './addon.js';
import { Arena } from './arena.js';
import { channelAddon, kernelFile } from './artifacts.js';
import { type CKind, type CType, parsePrototype, type Signature, scalarType } from './ctypes.js';
import {
  AbortError,
  type ExitInfo,
  LibraryError,
  SidecarError,
  SidecarExitedError,
  SidecarStartError,
  TimeoutError,
} from './errors.js';
import { RequestQueue } from './queue.js';

export interface StartOptions {
  /** Size of the shared region in bytes (default 16 MiB; the arena for buffers is that minus about 1.3 MiB). */
  memory?: number;
  /** Libraries outside the known set this sidecar may load (sonames or paths). */
  allow?: string[];
  /** Default deadline of every call in milliseconds (default 30 s; Infinity for none). */
  timeoutMs?: number;
  /** Where the sidecar's own stdout/stderr go (default: inherited from the host). */
  stdio?: 'inherit' | 'ignore';
  /** The sidecar's standard input (default ignored): 'inherit' lets Forth's KEY and ACCEPT read the host's. */
  stdin?: 'inherit' | 'ignore';
  /** Environment of the sidecar process (default: the host's). */
  env?: NodeJS.ProcessEnv;
  /** Spin before sleeping when waiting (default true); false saves CPU at the cost of latency. */
  spin?: boolean;
}

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A typed array living in the shared region. */
export type RegionArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** What `sc.alloc(type, n)` returns for the common C type names. */
export interface RegionArrayOf {
  double: Float64Array;
  float: Float32Array;
  char: Int8Array;
  'signed char': Int8Array;
  int8_t: Int8Array;
  'unsigned char': Uint8Array;
  uint8_t: Uint8Array;
  bool: Uint8Array;
  short: Int16Array;
  int16_t: Int16Array;
  'unsigned short': Uint16Array;
  uint16_t: Uint16Array;
  int: Int32Array;
  int32_t: Int32Array;
  unsigned: Uint32Array;
  'unsigned int': Uint32Array;
  uint32_t: Uint32Array;
  long: BigInt64Array;
  'long long': BigInt64Array;
  int64_t: BigInt64Array;
  ssize_t: BigInt64Array;
  ptrdiff_t: BigInt64Array;
  intptr_t: BigInt64Array;
  'unsigned long': BigUint64Array;
  'unsigned long long': BigUint64Array;
  uint64_t: BigUint64Array;
  size_t: BigUint64Array;
  uintptr_t: BigUint64Array;
}

/**
 * A bound C function: `await f(x)`, `await f(x, { timeoutMs, signal })`,
 * `f.sync(x)`, `f.sync(x, { timeoutMs })`, `f.batch([[x], [y]])`.
 */
export interface NativeFunction {
  /** Calls it; options may follow the C arguments. */
  (...args: unknown[]): Promise<unknown>;
  /** Blocks until the call returns (options may follow the C arguments). */
  sync(...args: unknown[]): unknown;
  /** The same function with per-call options (deadline, AbortSignal). */
  with(opts: CallOptions): (...args: unknown[]) => Promise<unknown>;
  /** Many calls, one Promise: `await f.batch([[a, b], [c, d]])` resolves to the results in order. */
  batch(argLists: readonly (readonly unknown[])[], opts?: CallOptions): Promise<unknown[]>;
  readonly signature: Signature;
}

/** Internal description of one request kind. */
interface Op {
  readonly name: string;
  /** False when decode always returns undefined (void functions). */
  readonly hasResult: boolean;
  /** Writes the request into slot `off`; throws TypeError before anything is sent. */
  fill(off: number, args: readonly unknown[]): void;
  decode(off: number): unknown;
}

const MASK = RING_SLOTS - 1;
const DEFAULT_MEMORY = 16 << 20;
const DEFAULT_TIMEOUT = 30_000;
/** Spins of the synchronous fast path before it takes the clock and waits the long way. */
const FAST_SPINS = 2048;
/** How long a synchronous caller spins before sleeping (ms). */
const SYNC_SPIN_MS = 0.05;
/** How long the end-of-tick flush spins for a batch to complete (ms). */
const ASYNC_SPIN_MS = 0.015;
/** Longest the end-of-tick flush keeps pumping a stream of completions before yielding (ms). */
const MAX_PUMP_MS = 4;
/** Sleep slice of a synchronous wait, between liveness and deadline checks (ns). */
const SLEEP_SLICE_NS = 5_000_000;
const SIGNALS: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
  24: 'SIGXCPU',
  25: 'SIGXFSZ',
  31: 'SIGSYS',
};

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;
const INT_RANGE: Partial<Record<CKind, [number, number]>> = {
  i8: [-128, 127],
  u8: [0, 255],
  i16: [-32768, 32767],
  u16: [0, 65535],
  i32: [-2147483648, 2147483647],
  u32: [0, 4294967295],
};

const ARRAY_TYPES: Record<CKind, (new (b: ArrayBuffer, o: number, n: number) => RegionArray) | null> = {
  void: null,
  bool: Uint8Array,
  i8: Int8Array,
  u8: Uint8Array,
  i16: Int16Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  i64: BigInt64Array,
  u64: BigUint64Array,
  f32: Float32Array,
  f64: Float64Array,
  ptr: BigUint64Array,
  cstr: BigUint64Array,
};

/** Picks a likely-free address for the region: 2 MiB aligned, between 16 and 64 TiB. */
function randomHint(): number {
  const step = 2 ** 21;
  return 2 ** 44 + Math.floor(Math.random() * ((2 ** 46 - 2 ** 44) / step)) * step;
}

export class Sidecar extends EventEmitter {
  readonly #ch: ChannelAddon;
  readonly #fd: number;
  readonly #address: number;
  readonly #size: number;
  readonly #buffer: ArrayBuffer;
  readonly #i32: Int32Array;
  readonly #f32: Float32Array;
  readonly #f64: Float64Array;
  readonly #i64: BigInt64Array;
  readonly #u64: BigUint64Array;
  readonly #u8: Uint8Array;
  readonly #arena: Arena;
  readonly #allowed: Set<string>;
  readonly #timeoutMs: number;
  readonly #stdio: 'inherit' | 'ignore';
  readonly #stdin: 'inherit' | 'ignore';
  readonly #env: NodeJS.ProcessEnv;
  readonly #spinTicks: bigint;

  #child: ChildProcess | null = null;
  #pid = 0;
  #bell: net.Socket | null = null;
  #out: net.Socket | null = null;
  #alive = false;
  #closed = false;
  /** Bumped at every (re)start: native addresses from an older generation are void. */
  #gen = 0;
  /** Why the current child died, if it did. */
  #death: ExitInfo | null = null;

  // The ring: requests [#head, #n) are in flight; #overflow waits for room.
  #n = 0;
  #head = 0;
  readonly #resolves: (((v: unknown) => void) | null)[] = new Array(RING_SLOTS).fill(null);
  readonly #rejects: (((e: unknown) => void) | null)[] = new Array(RING_SLOTS).fill(null);
  readonly #ops: (Op | null)[] = new Array(RING_SLOTS).fill(null);
  readonly #temps: (number[] | null)[] = new Array(RING_SLOTS).fill(null);
  readonly #deadlines = new Float64Array(RING_SLOTS);
  readonly #timeouts = new Float64Array(RING_SLOTS);
  readonly #signals: (AbortSignal | null)[] = new Array(RING_SLOTS).fill(null);
  /** Why a slot's call failed when the sidecar is replaced (timeout, abort). */
  readonly #failReasons: (Error | null)[] = new Array(RING_SLOTS).fill(null);
  readonly #overflow = new RequestQueue<Op, BatchRun>();
  /** The batch each slot belongs to (null for single calls), and the call's index in it. */
  readonly #batches: (BatchRun | null)[] = new Array(RING_SLOTS).fill(null);
  readonly #batchK = new Int32Array(RING_SLOTS);
  #flushQueued = false;
  #tickTime = -1;
  #timer: NodeJS.Timeout | null = null;
  #timerAt = Number.POSITIVE_INFINITY;
  #syncSkip = 0;
  #syncBackoff = 1;
  #asyncSkip = 0;
  #asyncBackoff = 1;
  /** Temps allocated by the fill in progress. */
  #fillTemps: number[] | null = null;

  #forthSession: ForthSession | null = null;
  readonly #trampolines = new Map<string, { gen: number; address: bigint; pending?: Promise<bigint> }>();
  readonly #libraries = new Map<string, Library>();

  private constructor(opts: StartOptions) {
    super();
    const size = opts.memory ?? DEFAULT_MEMORY;
    if (!Number.isInteger(size) || size < ARENA_OFFSET + 65536 || size > 2 ** 40) {
      throw new TypeError(`memory must be an integer between ${ARENA_OFFSET + 65536} and 2^40 bytes`);
    }
    const regionSize = Math.ceil(size / 4096) * 4096;
    // Every check before the region exists: a throw after it would leak it.
    const allowed = knownSonames();
    for (const a of opts.allow ?? []) {
      if (typeof a !== 'string' || a === '') throw new TypeError('allow takes library names or paths');
      allowed.add(a);
    }
    this.#ch = channelAddon();
    let r: [number, number, ArrayBuffer] | number = -17;
    for (let attempt = 0; attempt < 16 && typeof r === 'number'; attempt++) {
      r = this.#ch.createRegion(regionSize, randomHint());
    }
    if (typeof r === 'number') r = this.#ch.createRegion(regionSize, 0);
    if (typeof r === 'number') throw new SidecarStartError(`cannot create the shared region (errno ${-r})`);
    [this.#fd, this.#address, this.#buffer] = r;
    this.#size = regionSize;
    this.#i32 = new Int32Array(this.#buffer);
    this.#f32 = new Float32Array(this.#buffer);
    this.#f64 = new Float64Array(this.#buffer);
    this.#i64 = new BigInt64Array(this.#buffer);
    this.#u64 = new BigUint64Array(this.#buffer);
    this.#u8 = new Uint8Array(this.#buffer);
    this.#arena = new Arena(ARENA_OFFSET, regionSize - ARENA_OFFSET);
    this.#allowed = allowed;
    this.#timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT;
    this.#stdio = opts.stdio ?? 'inherit';
    this.#stdin = opts.stdin ?? 'ignore';
    this.#env = opts.env ?? process.env;
    this.#spinTicks = opts.spin === false ? 0n : BigInt(DEFAULT_SPIN_TICKS);
    const dv = new DataView(this.#buffer);
    dv.setUint32(H.magic, MAGIC, true);
    dv.setUint32(H.version, VERSION, true);
    dv.setBigUint64(H.size, BigInt(regionSize), true);
    dv.setBigUint64(H.address, BigInt(this.#address), true);
    dv.setUint32(H.ringOffset, RING_OFFSET, true);
    dv.setUint32(H.ringSlots, RING_SLOTS, true);
    dv.setUint32(H.hostPid, process.pid, true);
  }

  /** Builds (or finds in the cache) the sidecar, starts it and waits until it answers. */
  static async start(opts: StartOptions = {}): Promise<Sidecar> {
    const sc = new Sidecar(opts);
    try {
      sc.#spawn();
      await sc.ping();
    } catch (e) {
      sc.#closeRegion();
      throw sc.#startError(e);
    }
    return sc;
  }

  /** Process id of the running sidecar (0 when none runs). */
  get pid(): number {
    return this.#alive ? this.#pid : 0;
  }
  /** Address of the shared region, the same in host and sidecar. */
  get regionAddress(): bigint {
    return BigInt(this.#address);
  }
  get regionSize(): number {
    return this.#size;
  }
  /** True while a sidecar process is up. */
  get running(): boolean {
    return this.#alive;
  }
  /** @internal The output stream of the current sidecar (the REPL writes to it). */
  get output(): net.Socket | null {
    return this.#out;
  }
  /** @internal Incremented at every (re)start. */
  get generation(): number {
    return this.#gen;
  }

  // ---------------------------------------------------------------- process

  #spawn(): void {
    if (this.#closed) throw new SidecarError('this sidecar was stopped');
    this.#resetRing();
    const exe = kernelFile().path;
    const bell = this.#pipe();
    const out = this.#pipe();
    let child: ChildProcess;
    try {
      child = spawn(exe, [], {
        stdio: [this.#stdin, this.#stdio, this.#stdio, this.#fd, bell[1], out[1]],
        env: this.#env,
      });
    } finally {
      this.#ch.close(bell[1]);
      this.#ch.close(out[1]);
    }
    this.#child = child;
    this.#pid = child.pid ?? 0;
    this.#alive = true;
    this.#death = null;
    this.#gen++;
    const sock = new net.Socket({ fd: bell[0], readable: true, writable: false });
    sock.on('data', () => this.#onBell());
    sock.on('error', () => {});
    sock.unref();
    this.#bell = sock;
    this.#out?.destroy();
    const outSock = new net.Socket({ fd: out[0], readable: true, writable: false });
    outSock.on('error', () => {});
    outSock.unref();
    this.#out = outSock;
    child.on('exit', (code, signal) => this.#onChildExit(child, code, signal));
    child.on('error', (err) => this.#onChildExit(child, null, null, err));
    child.unref();
  }

  #pipe(): [number, number] {
    const p = this.#ch.pipe();
    if (typeof p === 'number') throw new SidecarStartError(`pipe failed (errno ${-p})`);
    return p;
  }

  #resetRing(): void {
    const i32 = this.#i32;
    i32.fill(0, RING_OFFSET >> 2, (RING_OFFSET + RING_SLOTS * SLOT_SIZE) >> 2);
    for (const f of [H.sqSleep, H.sqBell, H.cqSleep, H.cqCount, H.bellArmed, H.sidecarPid])
      Atomics.store(i32, f >> 2, 0);
    this.#u64[H.spinTicks >> 3] = this.#spinTicks;
    this.#n = 0;
    this.#head = 0;
  }

  #startError(e: unknown): Error {
    if (e instanceof SidecarExitedError) {
      const why: Record<number, string> = {
        [EXIT_CODE.badRegion]: 'it could not read the shared region header',
        [EXIT_CODE.mapFailed]: 'the region address is taken in its address space',
        [EXIT_CODE.orphan]: 'its parent had already exited',
      };
      const reason = e.code !== null ? why[e.code] : undefined;
      return new SidecarStartError(`the sidecar did not start: ${reason ?? e.message}`, { cause: e });
    }
    return e instanceof Error ? e : new SidecarStartError(String(e));
  }

  #onChildExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null, err?: Error): void {
    if (child !== this.#child || !this.#alive) return;
    const info: ExitInfo = { code, signal, call: this.#runningName() };
    this.#died(info, err);
  }

  /** The name of the call the sidecar is (probably) running: the oldest in flight. */
  #runningName(): string | null {
    if (this.#head === this.#n) return null;
    return this.#nameAt(this.#head & MASK);
  }

  /** The current child is gone: fail everything in flight, tell listeners. */
  #died(info: ExitInfo, err?: Error): void {
    this.#alive = false;
    this.#death = info;
    this.#child = null;
    this.#bell?.destroy();
    this.#bell = null;
    const exited = err
      ? new SidecarStartError(`cannot run the sidecar: ${err.message}`, { cause: err })
      : new SidecarExitedError(info);
    this.#failAll(exited);
    this.emit('exit', info);
  }

  #failAll(err: Error): void {
    while (this.#head < this.#n) {
      const i = this.#head & MASK;
      const reason = this.#failReasons[i] ?? err;
      const reject = this.#rejects[i];
      const b = this.#batches[i];
      this.#release(i);
      this.#head++;
      if (b) b.fail(reason);
      else reject?.(reason);
    }
    for (const [o, reject] of this.#overflow.takeAll()) {
      if (o instanceof BatchRun) o.fail(err);
      else reject?.(err);
    }
    this.#clearTimer();
  }

  /** Kills the current child and waits (briefly, synchronously) until it is gone. */
  #killNow(): ExitInfo {
    const pid = this.#pid;
    const child = this.#child;
    if (!this.#alive || !child) return this.#death ?? { code: null, signal: null, call: null };
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    let st = 0;
    const t0 = performance.now();
    while ((st = this.#ch.exited(pid)) === 0 && performance.now() - t0 < 2000) {
      this.#ch.futexWait(this.#address + H.errorText, 0x7fffffff, 200_000);
    }
    return this.#statusInfo(st);
  }

  #statusInfo(st: number): ExitInfo {
    if (st >= 512) return { code: st - 512, signal: null, call: this.#runningName() };
    if (st >= 256) return { code: null, signal: SIGNALS[st - 256] ?? `signal ${st - 256}`, call: this.#runningName() };
    return { code: null, signal: 'SIGKILL', call: this.#runningName() };
  }

  /** Replaces the child after a timeout or abort: the failed call gets `reason`, the rest SidecarExitedError. */
  #replace(slot: number, reason: Error): void {
    this.#failReasons[slot] = reason;
    const info = this.#killNow();
    this.#died(info);
    if (!this.#closed) this.#spawn();
  }

  /** Starts a new sidecar on the same region (after a crash, or to reset it). Buffers keep their contents. */
  async restart(): Promise<void> {
    if (this.#closed) throw new SidecarError('this sidecar was stopped');
    if (this.#alive) this.#died(this.#killNow());
    this.#spawn();
    await this.ping();
  }

  /** Asks the sidecar to exit and waits for it; shared buffers stay readable. */
  async stop(): Promise<void> {
    if (this.#closed) return;
    const child = this.#child;
    if (this.#alive && child) {
      const exited = new Promise<void>((res) => child.once('exit', () => res()));
      const timer = setTimeout(() => this.#killNow(), 2000);
      this.#submit(this.#exitOp, [0], Number.POSITIVE_INFINITY, undefined).catch(() => {});
      await exited;
      clearTimeout(timer);
    }
    this.#closeRegion();
  }

  /** Kills the sidecar at once (SIGKILL); calls in flight reject with SidecarExitedError. */
  kill(): void {
    if (!this.#alive) return;
    try {
      process.kill(this.#pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  #closeRegion(): void {
    if (this.#closed) return;
    if (this.#alive) this.#died(this.#killNow());
    this.#closed = true;
    this.#bell?.destroy();
    this.#bell = null;
    this.#out?.destroy();
    this.#out = null;
    this.#ch.close(this.#fd);
    this.#ch.releaseRegion(this.#address, this.#size);
    this.#clearTimer();
  }

  // ---------------------------------------------------------------- the REPL

  /**
   * Evaluates Forth source in this sidecar's Forth system (booted on first
   * use) and resolves to what it printed. An uncaught THROW rejects with a
   * ForthError { code, message, line }; the system stays usable.
   */
  async forth(source: string, opts: ForthEvalOptions = {}): Promise<string> {
    return (await this.forthSession().eval(source, opts)).output;
  }

  /** Names a buffer of the region in Forth: `name` ( -- addr ) and `name#` ( -- count ). */
  async forthDefine(name: string, view: ArrayBufferView): Promise<void> {
    await this.forthSession().define(name, view);
  }

  /** Stops the running Forth evaluation with THROW -28 (the REPL's Ctrl-C). */
  forthInterrupt(): void {
    this.forthSession().interrupt();
  }

  /** The Forth session of this sidecar (for BYE, boot time and other details). */
  forthSession(): ForthSession {
    this.#forthSession ??= new ForthSession(this);
    return this.#forthSession;
  }

  // ---------------------------------------------------------------- memory

  /** A typed array of `count` elements of C type `type` in the shared region. */
  alloc<T extends keyof RegionArrayOf>(type: T, count: number): RegionArrayOf[T];
  alloc(type: string, count: number): RegionArray;
  alloc(type: string, count: number): RegionArray {
    const t = scalarType(type);
    if (!t) throw new TypeError(`alloc: unknown scalar C type '${type}'`);
    if (!Number.isSafeInteger(count) || count < 0) throw new TypeError(`alloc: invalid count ${count}`);
    const Ctor = ARRAY_TYPES[t.kind] as new (b: ArrayBuffer, o: number, n: number) => RegionArray;
    const off = this.#arena.alloc(count * t.size, 64);
    return new Ctor(this.#buffer, off, count);
  }

  /** Returns an `alloc`ed array's memory to the region. */
  free(view: ArrayBufferView): void {
    if (view.buffer !== this.#buffer || this.#arena.sizeOf(view.byteOffset) === undefined) {
      throw new TypeError('free: not an array allocated by this sidecar');
    }
    this.#arena.free(view.byteOffset);
  }

  /** The address of a view of the region, the same in host and sidecar. */
  address(view: ArrayBufferView): bigint {
    return BigInt(this.#addressOf(view, 'address'));
  }

  #addressOf(view: ArrayBufferView, what: string): number {
    if (view.buffer !== this.#buffer) throw new TypeError(`${what}: pointer outside the sidecar's shared region`);
    if (view.byteOffset < ARENA_OFFSET) throw new TypeError(`${what}: pointer into the region's header or ring`);
    return this.#address + view.byteOffset;
  }

  /** Bytes of the region at [address, address+length) (a copy), checked against the region's bounds. */
  read(address: bigint, length: number): Uint8Array {
    const off = Number(address - BigInt(this.#address));
    if (!Number.isSafeInteger(length) || length < 0 || off < 0 || off + length > this.#size) {
      throw new RangeError('read: range outside the shared region');
    }
    return this.#u8.slice(off, off + length);
  }

  /** A NUL-terminated string at `address` in the region (at most maxLength bytes). */
  readCString(address: bigint, maxLength = 1 << 20): string {
    const off = Number(address - BigInt(this.#address));
    if (off < 0 || off >= this.#size) throw new RangeError('readCString: address outside the shared region');
    const end = Math.min(this.#size, off + maxLength);
    let e = off;
    while (e < end && this.#u8[e] !== 0) e++;
    return Buffer.from(this.#buffer, off, e - off).toString('utf8');
  }

  #tempString(s: string): number {
    const bytes = Buffer.byteLength(s);
    const off = this.#arena.alloc(bytes + 1, 16);
    Buffer.from(this.#buffer, off, bytes + 1).write(`${s}\0`, 'utf8');
    (this.#fillTemps ??= []).push(off);
    return this.#address + off;
  }

  // ---------------------------------------------------------------- requests

  /** Round trip with the sidecar; resolves to `value`. */
  async ping(value = 0n): Promise<bigint> {
    return (await this.#submit(this.#pingOp, [value], this.#timeoutMs, undefined)) as bigint;
  }

  readonly #pingOp: Op = {
    name: 'ping',
    hasResult: true,
    fill: (off, args) => {
      this.#i32[(off + S.op) >> 2] = OP.PING;
      this.#i64[(off + S.a1) >> 3] = args[0] as bigint;
    },
    decode: (off) => this.#u64[(off + S.a0) >> 3],
  };

  readonly #exitOp: Op = {
    name: 'exit',
    hasResult: false,
    fill: (off, args) => {
      this.#i32[(off + S.op) >> 2] = OP.EXIT;
      this.#i64[(off + S.args) >> 3] = BigInt(args[0] as number);
    },
    decode: () => undefined,
  };

  #dlOp(kind: 'dlopen' | 'dlsym'): Op {
    return {
      name: kind,
      hasResult: true,
      fill: (off, args) => {
        const a = off + S.args;
        this.#i32[(off + S.op) >> 2] = kind === 'dlopen' ? OP.DLOPEN : OP.DLSYM;
        if (kind === 'dlopen') {
          this.#u64[a >> 3] = args[0] === null ? 0n : BigInt(this.#tempString(args[0] as string));
          this.#u64[(a + 8) >> 3] = BigInt(args[1] as number);
        } else {
          this.#u64[a >> 3] = args[0] as bigint;
          this.#u64[(a + 8) >> 3] = BigInt(this.#tempString(args[1] as string));
        }
      },
      decode: (off) => {
        const v = this.#u64[(off + S.a0) >> 3] as bigint;
        if (v === 0n) return new LibraryError(this.#errorText() || `${kind} failed`);
        return v;
      },
    };
  }
  readonly #dlopenOp = this.#dlOp('dlopen');
  readonly #dlsymOp = this.#dlOp('dlsym');

  #errorText(): string {
    const start = H.errorText;
    let e = start;
    while (e < start + H.errorTextSize - 1 && this.#u8[e] !== 0) e++;
    return Buffer.from(this.#buffer, start, e - start).toString('utf8');
  }

  readonly #loadOp: Op = {
    name: 'load',
    hasResult: true,
    fill: (off, args) => {
      const [src, len, relocs, count, exec] = args as number[];
      this.#i32[(off + S.op) >> 2] = OP.LOAD;
      const a = (off + S.args) >> 3;
      this.#u64[a] = BigInt(src as number);
      this.#u64[a + 1] = BigInt(len as number);
      this.#u64[a + 2] = BigInt(relocs as number);
      this.#u64[a + 3] = BigInt(count as number);
      this.#u64[a + 4] = BigInt(exec as number);
    },
    decode: (off) => {
      const base = this.#u64[(off + S.a0) >> 3] as bigint;
      if (base === 0n) return new SidecarError(`loading code failed (errno ${this.#u64[(off + S.a1) >> 3]})`);
      return base;
    },
  };

  /** Submits one request; the promise settles when its completion is seen. */
  #submit(op: Op, args: readonly unknown[], timeoutMs: number, signal: AbortSignal | undefined): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(new AbortError(op.name, signal.reason));
    if (!this.#alive) return Promise.reject(this.#deadError());
    if (this.#n - this.#head >= RING_SLOTS || this.#overflow.length > 0) {
      return new Promise((resolve, reject) => {
        this.#overflow.push(op, args, resolve, reject, timeoutMs, signal);
        this.#scheduleFlush();
      });
    }
    let resolve!: (v: unknown) => void;
    let reject!: (e: unknown) => void;
    const p = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.#enqueue(op, args, resolve, reject, timeoutMs, signal); // may throw TypeError: nothing sent
    this.#scheduleFlush();
    return p;
  }

  /**
   * Writes a request's arguments into slot `off`; returns the arena blocks
   * made for it (strings), or null. On bad arguments frees them and throws.
   */
  #fill(op: Op, off: number, args: readonly unknown[]): number[] | null {
    this.#fillTemps = null;
    try {
      op.fill(off, args);
    } catch (e) {
      const temps = this.#fillTemps as number[] | null;
      if (temps) for (const t of temps) this.#arena.free(t);
      this.#fillTemps = null;
      throw e;
    }
    const temps = this.#fillTemps as number[] | null;
    this.#fillTemps = null;
    return temps;
  }

  /** Writes a request into the next slot and publishes it. Throws (before publishing) on bad arguments. */
  #enqueue(
    op: Op,
    args: readonly unknown[],
    resolve: (v: unknown) => void,
    reject: (e: unknown) => void,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): number {
    const n = this.#n;
    const i = n & MASK;
    const off = RING_OFFSET + i * SLOT_SIZE;
    this.#temps[i] = this.#fill(op, off, args);
    this.#ops[i] = op;
    this.#resolves[i] = resolve;
    this.#rejects[i] = reject;
    this.#failReasons[i] = null;
    this.#timeouts[i] = timeoutMs;
    if (timeoutMs !== Number.POSITIVE_INFINITY) {
      if (this.#tickTime < 0) this.#tickTime = performance.now();
      const d = this.#tickTime + timeoutMs;
      this.#deadlines[i] = d;
      if (d < this.#timerAt) this.#setTimer(d);
    } else this.#deadlines[i] = Number.POSITIVE_INFINITY;
    if (signal) {
      this.#signals[i] = signal;
      signal.addEventListener('abort', () => this.#abort(n, signal.reason), { once: true });
    }
    this.#n = n + 1;
    this.#i32[off >> 2] = (2 * n + 1) | 0; // published; #wake fences before its sleep check
    return n;
  }

  #release(i: number): void {
    const t = this.#temps[i];
    if (t !== null) {
      for (const o of t) this.#arena.free(o);
      this.#temps[i] = null;
    }
    if (this.#failReasons[i] !== null) this.#failReasons[i] = null;
    if (this.#batches[i] !== null) {
      this.#batches[i] = null;
      return;
    }
    this.#resolves[i] = null;
    this.#rejects[i] = null;
    this.#ops[i] = null;
    this.#signals[i] = null;
  }

  /** Name of the call in slot i. */
  #nameAt(i: number): string | null {
    return this.#batches[i]?.op.name ?? this.#ops[i]?.name ?? null;
  }

  #scheduleFlush(): void {
    if (!this.#flushQueued) {
      this.#flushQueued = true;
      queueMicrotask(this.#flush);
    }
  }

  /**
   * Wakes a sleeping sidecar (Dekker with the kernel's sqSleep/state re-check).
   * Requests are published with plain stores (x86 keeps stores in order and
   * V8 emits them in program order); the atomic store here is the one full
   * fence that keeps the sqSleep read from overtaking any of them.
   */
  #wake(): void {
    const i32 = this.#i32;
    Atomics.store(i32, H.hostFence >> 2, 0);
    if (Atomics.load(i32, H.sqSleep >> 2) !== 0) {
      Atomics.add(i32, H.sqBell >> 2, 1);
      this.#ch.futexWake(this.#address + H.sqBell, 1);
    }
  }

  /**
   * End of tick: wake the sidecar once for everything submitted in the tick,
   * then keep settling and refilling while completions keep coming (host and
   * sidecar run as a pipeline); when they stop for ASYNC_SPIN_MS, arm the
   * doorbell and return to the event loop. A miss makes the next flushes skip
   * the spin (1, 2, 4 … 256 of them).
   */
  readonly #flush = (): void => {
    this.#flushQueued = false;
    this.#tickTime = -1;
    if (!this.#alive) return;
    this.#refill();
    if (this.#head === this.#n) return;
    this.#wake();
    if (this.#asyncSkip > 0) this.#asyncSkip--;
    else {
      const t0 = performance.now();
      let quiet = t0;
      let seen = this.#head;
      let k = 0;
      for (;;) {
        this.#drain();
        if (this.#head === this.#n) {
          this.#asyncBackoff = 1;
          break;
        }
        if (this.#head !== seen) {
          seen = this.#head;
          k = 0;
          quiet = -1;
        }
        if ((++k & 31) !== 0) continue;
        const now = performance.now();
        if (quiet < 0) quiet = now;
        if (now - quiet > ASYNC_SPIN_MS) {
          this.#asyncSkip = this.#asyncBackoff;
          this.#asyncBackoff = Math.min(this.#asyncBackoff * 2, 256);
          break;
        }
        if (now - t0 > MAX_PUMP_MS) {
          // Let the event loop breathe; the doorbell or the next tick continues.
          break;
        }
      }
    }
    if (this.#head !== this.#n) this.#arm();
  };

  #arm(): void {
    Atomics.store(this.#i32, H.bellArmed >> 2, 1);
    this.#drain();
    if (this.#head !== this.#n) {
      // Calls in flight keep the host alive, and so does the child: its exit
      // event may come after the doorbell pipe has closed.
      this.#bell?.ref();
      this.#child?.ref();
    }
  }

  #onBell(): void {
    this.#drain();
    if (this.#head !== this.#n) this.#arm();
    else {
      this.#bell?.unref();
      this.#child?.unref();
    }
  }

  /** Settles every completed request, oldest first. */
  #drain(): void {
    const i32 = this.#i32;
    let h = this.#head;
    const n = this.#n;
    while (h < n) {
      const i = h & MASK;
      const off = RING_OFFSET + i * SLOT_SIZE;
      if (Atomics.load(i32, off >> 2) !== ((2 * h + 2) | 0)) break;
      const b = this.#batches[i];
      if (b !== null) {
        if (!b.failed && b.hasResult) b.out[this.#batchK[i] as number] = b.op.decode(off);
        this.#release(i);
        h++;
        this.#head = h;
        if (++b.done === b.count && !b.failed) b.resolve(b.out);
        continue;
      }
      const op = this.#ops[i] as Op;
      const resolve = this.#resolves[i];
      const reject = this.#rejects[i];
      let v: unknown;
      let err: unknown = null;
      try {
        v = op.decode(off);
      } catch (e) {
        err = e;
      }
      this.#release(i);
      h++;
      this.#head = h;
      if (err !== null || v instanceof Error) reject?.(err ?? v);
      else resolve?.(v);
    }
    this.#head = h;
    if (this.#overflow.length > 0) this.#refill();
    if (h === n && this.#timer) this.#clearTimer();
  }

  /** Moves overflowed requests into free slots. */
  #refill(): void {
    const before = this.#n;
    while (this.#overflow.length > 0 && this.#n - this.#head < RING_SLOTS && this.#alive) {
      const q = this.#overflow;
      const front = q.op;
      if (front instanceof BatchRun) {
        if (!front.failed && !this.#pumpBatch(front)) break;
        q.shift();
        continue;
      }
      const args = q.args;
      const resolve = q.resolve;
      const reject = q.reject;
      const timeoutMs = q.timeoutMs;
      const signal = q.signal;
      q.shift();
      if (signal?.aborted) {
        reject(new AbortError(front.name, signal.reason));
        continue;
      }
      try {
        this.#enqueue(front, args, resolve, reject, timeoutMs, signal);
      } catch (e) {
        reject(e);
      }
    }
    if (this.#n !== before) this.#wake();
  }

  #deadError(): Error {
    if (this.#closed) return new SidecarError('this sidecar was stopped');
    return new SidecarExitedError(
      this.#death ?? { code: null, signal: null, call: null },
      `the sidecar is not running (${this.#death ? describeExit(this.#death) : 'not started'}); call restart()`,
    );
  }

  /** Submits and blocks until done. */
  #submitSync(op: Op, args: readonly unknown[], timeoutMs: number): unknown {
    if (!this.#alive) throw this.#deadError();
    while (this.#n - this.#head >= RING_SLOTS || this.#overflow.length > 0) {
      this.#waitSync(this.#head, Number.POSITIVE_INFINITY);
      this.#drain();
    }
    let result: unknown;
    let error: unknown = null;
    let settled = false;
    const n = this.#enqueue(
      op,
      args,
      (v) => {
        result = v;
        settled = true;
      },
      (e) => {
        error = e;
        settled = true;
      },
      Number.POSITIVE_INFINITY,
      undefined,
    );
    this.#wake();
    const deadline = timeoutMs === Number.POSITIVE_INFINITY ? timeoutMs : performance.now() + timeoutMs;
    try {
      this.#waitSync(n, deadline, timeoutMs);
    } finally {
      this.#drain();
    }
    if (!settled) throw new SidecarError('internal: synchronous request did not settle');
    if (error !== null) throw error;
    return result;
  }

  /** Waits until request n completes; throws if the sidecar dies or the deadline passes. */
  #waitSync(n: number, deadline: number, timeoutMs = 0): void {
    const i32 = this.#i32;
    const idx = (RING_OFFSET + (n & MASK) * SLOT_SIZE) >> 2;
    const want = (2 * n + 2) | 0;
    if (Atomics.load(i32, idx) === want) return;
    if (this.#syncSkip > 0) this.#syncSkip--;
    else {
      const t0 = performance.now();
      let k = 0;
      for (;;) {
        if (Atomics.load(i32, idx) === want) {
          this.#syncBackoff = 1;
          return;
        }
        if ((++k & 63) === 0 && performance.now() - t0 > SYNC_SPIN_MS) break;
      }
      this.#syncSkip = this.#syncBackoff;
      this.#syncBackoff = Math.min(this.#syncBackoff * 2, 256);
    }
    const cqSleep = H.cqSleep >> 2;
    const cqCount = H.cqCount >> 2;
    for (;;) {
      const v = Atomics.load(i32, cqCount);
      Atomics.store(i32, cqSleep, 1);
      if (Atomics.load(i32, idx) === want) {
        Atomics.store(i32, cqSleep, 0);
        return;
      }
      const now = performance.now();
      const slice = Math.min(SLEEP_SLICE_NS, Math.max(0, (deadline - now) * 1e6));
      this.#ch.futexWait(this.#address + H.cqCount, v, slice);
      Atomics.store(i32, cqSleep, 0);
      if (Atomics.load(i32, idx) === want) return;
      const st = this.#ch.exited(this.#pid);
      if (st > 0) {
        this.#died(this.#statusInfo(st));
        return;
      }
      if (performance.now() >= deadline) {
        const slot = n & MASK;
        this.#replace(slot, new TimeoutError(this.#nameAt(slot), timeoutMs));
        return;
      }
    }
  }

  #abort(n: number, reason: unknown): void {
    if (n < this.#head || n >= this.#n) return;
    const i = n & MASK;
    const err = new AbortError(this.#ops[i]?.name ?? null, reason);
    if (n === this.#head) {
      // Running: a native call cannot be interrupted; replace the sidecar.
      this.#replace(i, err);
      return;
    }
    // Queued: make it a no-op if the sidecar has not taken it yet, and settle it now.
    this.#i32[(RING_OFFSET + i * SLOT_SIZE + S.op) >> 2] = OP.PING;
    const reject = this.#rejects[i];
    this.#resolves[i] = null;
    this.#rejects[i] = null;
    reject?.(err);
  }

  #setTimer(at: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(this.#onTimer, Math.max(0, at - performance.now()));
    this.#timer.unref();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }

  readonly #onTimer = (): void => {
    this.#timer = null;
    this.#timerAt = Number.POSITIVE_INFINITY;
    this.#drain();
    const now = performance.now();
    let next = Number.POSITIVE_INFINITY;
    for (let n = this.#head; n < this.#n; n++) {
      const i = n & MASK;
      const b = this.#batches[i];
      if (this.#resolves[i] === null && b === null) continue;
      const d = b ? b.deadline : (this.#deadlines[i] as number);
      if (d <= now) {
        this.#replace(i, new TimeoutError(this.#nameAt(i), b ? b.timeoutMs : (this.#timeouts[i] as number)));
        return;
      }
      if (d < next) next = d;
    }
    if (next !== Number.POSITIVE_INFINITY) this.#setTimer(next);
  };

  // ---------------------------------------------------------------- libraries and calls

  /** Opens a library of the known set (`m`, `openblas`, ...) or an allowed soname/path. */
  async library(name: string): Promise<Library> {
    const candidates = this.#candidates(name);
    const cached = this.#libraries.get(name);
    if (cached) {
      await cached.handle();
      return cached;
    }
    const attempts: { soname: string; error: string }[] = [];
    for (const soname of candidates) {
      let handle: bigint;
      try {
        handle = (await this.#submit(this.#dlopenOp, [soname, RTLD_NOW], this.#timeoutMs, undefined)) as bigint;
      } catch (e) {
        if (!(e instanceof LibraryError)) throw e; // the sidecar died or timed out: not a missing library
        attempts.push({ soname, error: e.message });
        continue;
      }
      const lib = new Library(this, name, soname, handle, this.#gen, KNOWN_LIBRARIES[name]?.prototypes ?? {});
      this.#libraries.set(name, lib);
      return lib;
    }
    throw new LibraryError(`cannot load library '${name}': ${attempts.map((a) => a.error).join('; ')}`, attempts);
  }

  #candidates(name: string): string[] {
    if (typeof name !== 'string' || name === '') throw new TypeError('library: expected a library name');
    const known = KNOWN_LIBRARIES[name];
    if (known) return known.sonames;
    if (!this.#allowed.has(name)) {
      throw new TypeError(
        `library '${name}' is not in the known set (${Object.keys(KNOWN_LIBRARIES).join(', ')}) nor allowed; pass it in Sidecar.start({ allow })`,
      );
    }
    return [name];
  }

  /** @internal dlopen for the current generation. */
  dlopenSync(soname: string): bigint {
    const r = this.#submitSync(this.#dlopenOp, [soname, RTLD_NOW], this.#timeoutMs);
    return r as bigint;
  }
  /** @internal */
  dlopen(soname: string): Promise<bigint> {
    return this.#submit(this.#dlopenOp, [soname, RTLD_NOW], this.#timeoutMs, undefined) as Promise<bigint>;
  }
  /** @internal dlsym; handle 0n is the global scope. */
  dlsym(handle: bigint, name: string): Promise<bigint> {
    return this.#submit(this.#dlsymOp, [handle, name], this.#timeoutMs, undefined) as Promise<bigint>;
  }
  /** @internal */
  dlsymSync(handle: bigint, name: string): bigint {
    return this.#submitSync(this.#dlsymOp, [handle, name], this.#timeoutMs) as bigint;
  }

  /** The trampoline for a signature, loaded once per generation. */
  #trampolineKey(sig: Signature): string {
    return sig.params.map((p) => (p.type.kind === 'f32' || p.type.kind === 'f64' ? p.type.kind : 'i')).join(',');
  }

  async #trampoline(sig: Signature): Promise<bigint> {
    const key = this.#trampolineKey(sig);
    const t = this.#trampolines.get(key);
    if (t && t.gen === this.#gen) return t.pending ?? t.address;
    const gen = this.#gen;
    const pending = this.#loadImage(flatCode(buildTrampoline(sig.params.map((p) => p.type.kind)))).then((base) => {
      this.#trampolines.set(key, { gen, address: base });
      return base;
    });
    this.#trampolines.set(key, { gen, address: 0n, pending });
    return pending;
  }

  #trampolineSync(sig: Signature): bigint {
    const key = this.#trampolineKey(sig);
    const t = this.#trampolines.get(key);
    if (t && t.gen === this.#gen && !t.pending) return t.address;
    const base = this.#loadImageSync(flatCode(buildTrampoline(sig.params.map((p) => p.type.kind))));
    this.#trampolines.set(key, { gen: this.#gen, address: base });
    return base;
  }

  /** Copies an image and its relocations into the arena; the LOAD request's arguments. */
  #stageImage(img: FlatImage): { off: number; args: number[] } {
    const off = this.#arena.alloc(img.bytes.length + img.relocs.length * 4, 64);
    this.#u8.set(img.bytes, off);
    const r = off + img.bytes.length;
    const dv = new DataView(this.#buffer);
    img.relocs.forEach((x, k) => {
      dv.setUint32(r + k * 4, x, true);
    });
    const args = [this.#address + off, img.bytes.length, this.#address + r, img.relocs.length, img.execSize];
    return { off, args };
  }

  async #loadImage(img: FlatImage): Promise<bigint> {
    const { off, args } = this.#stageImage(img);
    try {
      return (await this.#submit(this.#loadOp, args, this.#timeoutMs, undefined)) as bigint;
    } finally {
      this.#arena.free(off);
    }
  }

  #loadImageSync(img: FlatImage): bigint {
    const { off, args } = this.#stageImage(img);
    try {
      return this.#submitSync(this.#loadOp, args, this.#timeoutMs) as bigint;
    } finally {
      this.#arena.free(off);
    }
  }

  /**
   * Loads machine code made by the host and returns a function for its entry.
   * `code` is raw position-independent bytes (entry at offset 0), a linked
   * FlatImage, or an assembled object (imports resolved with dlsym in the
   * sidecar's global scope). The code is reloaded after a restart.
   */
  async load(code: Uint8Array | FlatImage | ObjectCode, prototype: string): Promise<NativeFunction>;
  async load(code: Uint8Array | FlatImage | ObjectCode): Promise<LoadedCode>;
  async load(code: Uint8Array | FlatImage | ObjectCode, prototype?: string): Promise<NativeFunction | LoadedCode> {
    const sig = prototype === undefined ? null : parsePrototype(prototype);
    const image = await this.#image(code);
    const loaded = new LoadedCode(this, image);
    await loaded.base();
    if (!sig) return loaded;
    return loaded.func(prototype as string, image.symbols.has(sig.name) ? sig.name : undefined);
  }

  async #image(code: Uint8Array | FlatImage | ObjectCode): Promise<FlatImage> {
    if (code instanceof Uint8Array) return flatCode(code);
    if ('execSize' in code) return code;
    if ('sections' in code) {
      const names = code.externals;
      const addrs = new Map<string, bigint>();
      for (const n of names) addrs.set(n, await this.dlsym(0n, n));
      return linkFlat(code, (n) => addrs.get(n));
    }
    throw new TypeError('load: expected machine code bytes, a FlatImage or an assembled object');
  }

  /** @internal */
  loadImage(img: FlatImage): Promise<bigint> {
    return this.#loadImage(img);
  }
  /** @internal */
  loadImageSync(img: FlatImage): bigint {
    return this.#loadImageSync(img);
  }

  /** @internal Binds a signature to an address resolver: the NativeFunction users call. */
  bind(sig: Signature, target: Resolver): NativeFunction {
    return makeFunction(this, sig, target);
  }

  /** @internal One bound call, async. */
  call(fn: BoundCall, args: readonly unknown[], opts: CallOptions | undefined): Promise<unknown> {
    const timeoutMs = opts?.timeoutMs ?? this.#timeoutMs;
    if (fn.gen !== this.#gen) return this.#prepareThenCall(fn, args, timeoutMs, opts?.signal);
    try {
      return this.#submit(fn.op, args, timeoutMs, opts?.signal);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  async #prepareThenCall(
    fn: BoundCall,
    args: readonly unknown[],
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<unknown> {
    fn.checkArgs(args);
    const gen = this.#gen;
    const [tramp, target] = await Promise.all([this.#trampoline(fn.sig), fn.target.resolve()]);
    if (gen === this.#gen) fn.setAddresses(gen, tramp, target);
    return this.#submit(fn.op, args, timeoutMs, signal);
  }

  /** @internal One bound call, synchronous. */
  callSync(fn: BoundCall, args: readonly unknown[], opts?: CallOptions): unknown {
    if (opts?.signal?.aborted) throw new AbortError(fn.sig.name, opts.signal.reason);
    if (fn.gen !== this.#gen) {
      fn.checkArgs(args);
      if (!this.#alive) throw this.#deadError();
      const tramp = this.#trampolineSync(fn.sig);
      const target = fn.target.resolveSync();
      fn.setAddresses(this.#gen, tramp, target);
    }
    const timeoutMs = opts?.timeoutMs ?? this.#timeoutMs;
    if (this.#head === this.#n && this.#alive && this.#overflow.length === 0) {
      return this.#callSyncFast(fn.op, args, timeoutMs);
    }
    return this.#submitSync(fn.op, args, timeoutMs);
  }

  /**
   * A synchronous call with nothing else in flight, the latency-critical
   * case: no closures, no clock reads while the answer comes within the spin
   * (the deadline starts when the spin gives up, a few µs late at most).
   */
  #callSyncFast(op: Op, args: readonly unknown[], timeoutMs: number): unknown {
    const n = this.#n;
    const i = n & MASK;
    const off = RING_OFFSET + i * SLOT_SIZE;
    const temps = this.#fill(op, off, args);
    this.#temps[i] = temps;
    this.#ops[i] = op;
    this.#n = n + 1;
    const i32 = this.#i32;
    const idx = off >> 2;
    const want = (2 * n + 2) | 0;
    i32[idx] = (2 * n + 1) | 0; // published; #wake fences before its sleep check
    this.#wake();
    let k = 0;
    while (Atomics.load(i32, idx) !== want) {
      if (++k === FAST_SPINS) {
        // The long way: if the sidecar dies or is replaced meanwhile, the reason arrives here.
        let failure: unknown = null;
        this.#rejects[i] = (e) => {
          failure = e;
        };
        const deadline = timeoutMs === Number.POSITIVE_INFINITY ? timeoutMs : performance.now() + timeoutMs;
        this.#waitSync(n, deadline, timeoutMs);
        if (Atomics.load(i32, idx) !== want) throw failure ?? this.#deadError();
        this.#rejects[i] = null;
        break;
      }
    }
    const v = op.decode(off);
    this.#head = n + 1;
    if (temps !== null) {
      for (const t of temps) this.#arena.free(t);
      this.#temps[i] = null;
    }
    this.#ops[i] = null;
    if (v instanceof Error) throw v;
    return v;
  }

  /** @internal Many calls, one promise: the calls travel as a run of slots settled together. */
  async callBatch(fn: BoundCall, lists: readonly (readonly unknown[])[], opts?: CallOptions): Promise<unknown[]> {
    if (!Array.isArray(lists)) throw new TypeError('batch: expected an array of argument lists');
    if (lists.length === 0) return [];
    if (opts?.signal?.aborted) throw new AbortError(fn.sig.name, opts.signal.reason);
    if (fn.gen !== this.#gen) {
      fn.checkArgs(lists[0] as unknown[]);
      const gen = this.#gen;
      const [tramp, target] = await Promise.all([this.#trampoline(fn.sig), fn.target.resolve()]);
      if (gen === this.#gen) fn.setAddresses(gen, tramp, target);
    }
    if (!this.#alive) throw this.#deadError();
    const timeoutMs = opts?.timeoutMs ?? this.#timeoutMs;
    let deadline = Number.POSITIVE_INFINITY;
    if (timeoutMs !== Number.POSITIVE_INFINITY) {
      if (this.#tickTime < 0) this.#tickTime = performance.now();
      deadline = this.#tickTime + timeoutMs;
      if (deadline < this.#timerAt) this.#setTimer(deadline);
    }
    return new Promise((resolve, reject) => {
      const b = new BatchRun(fn.op, lists, resolve, reject, deadline, timeoutMs);
      const signal = opts?.signal;
      if (signal) signal.addEventListener('abort', () => this.#abortBatch(b, signal.reason), { once: true });
      if (this.#overflow.length > 0 || !this.#pumpBatch(b))
        this.#overflow.push(b, undefined, undefined, undefined, 0, undefined);
      this.#scheduleFlush();
    });
  }

  /** Submits as much of a batch as the ring has room for; true when all of it is submitted. */
  #pumpBatch(b: BatchRun): boolean {
    const i32 = this.#i32;
    const lists = b.lists;
    const count = b.count;
    const op = b.op;
    let n = this.#n;
    const limit = this.#head + RING_SLOTS;
    while (b.next < count && n < limit) {
      const i = n & MASK;
      const off = RING_OFFSET + i * SLOT_SIZE;
      let temps: number[] | null;
      try {
        temps = this.#fill(op, off, lists[b.next] as readonly unknown[]);
      } catch (e) {
        this.#n = n;
        b.fail(e);
        return true;
      }
      if (temps !== null) this.#temps[i] = temps;
      this.#batches[i] = b;
      this.#batchK[i] = b.next;
      n++;
      b.next++;
      // Publish: a plain store cannot overtake this slot's arguments (see #wake).
      i32[off >> 2] = (2 * n - 1) | 0;
    }
    this.#n = n;
    return b.next === count;
  }

  #abortBatch(b: BatchRun, reason: unknown): void {
    if (b.failed || b.done === b.count) return;
    const err = new AbortError(b.op.name, reason);
    b.next = b.count; // submit no more of it
    for (let n = this.#head; n < this.#n; n++) {
      const i = n & MASK;
      if (this.#batches[i] !== b) continue;
      if (n === this.#head) {
        this.#replace(i, err);
        return;
      }
      this.#i32[(RING_OFFSET + i * SLOT_SIZE + S.op) >> 2] = OP.PING;
    }
    b.fail(err);
  }

  /** @internal Writers and readers for bound calls. */
  makeOp(sig: Signature, fnRef: BoundCall): Op {
    const params = sig.params.map((p) => p.type);
    const nparams = params.length;
    const inline = nparams <= INLINE_ARGS;
    const kinds = params.map((p) => p.kind);
    const i32 = this.#i32;
    const f64 = this.#f64;
    const name = sig.name;
    const ret = sig.ret.kind;
    const fill = (off: number, args: readonly unknown[]): void => {
      if (args.length !== nparams) {
        throw new TypeError(`${name}: expected ${nparams} argument${nparams === 1 ? '' : 's'}, got ${args.length}`);
      }
      const base = inline ? off + S.args : ARGBLOCK_OFFSET + ((off - RING_OFFSET) / SLOT_SIZE) * ARGBLOCK_SIZE;
      for (let k = 0; k < nparams; k++) {
        const kind = kinds[k] as CKind;
        const v = args[k];
        const w = base + 8 * k;
        if (kind === 'f64') {
          if (typeof v !== 'number') throw argError(name, k, params[k] as CType, v);
          f64[w >> 3] = v;
        } else this.#writeArg(kind, w, v, name, k, params[k] as CType);
      }
      const o = off >> 2;
      i32[o + 1] = OP.CALL;
      i32[o + 2] = fnRef.tLo;
      i32[o + 3] = fnRef.tHi;
      i32[o + 4] = fnRef.aLo;
      i32[o + 5] = fnRef.aHi;
      if (!inline) {
        const p = this.#address + base;
        i32[o + 6] = p % 4294967296;
        i32[o + 7] = Math.floor(p / 4294967296);
      }
    };
    const a0 = S.a0;
    const a1 = S.a1;
    let decode: (off: number) => unknown;
    switch (ret) {
      case 'void':
        decode = () => undefined;
        break;
      case 'f64':
        decode = (off) => f64[(off + a1) >> 3];
        break;
      case 'f32':
        decode = (off) => this.#f32[(off + a1) >> 2];
        break;
      case 'i32':
        decode = (off) => i32[(off + a0) >> 2];
        break;
      case 'u32':
        decode = (off) => (i32[(off + a0) >> 2] as number) >>> 0;
        break;
      case 'i16':
        decode = (off) => ((i32[(off + a0) >> 2] as number) << 16) >> 16;
        break;
      case 'u16':
        decode = (off) => (i32[(off + a0) >> 2] as number) & 0xffff;
        break;
      case 'i8':
        decode = (off) => ((i32[(off + a0) >> 2] as number) << 24) >> 24;
        break;
      case 'u8':
        decode = (off) => (i32[(off + a0) >> 2] as number) & 0xff;
        break;
      case 'bool':
        decode = (off) => ((i32[(off + a0) >> 2] as number) & 0xff) !== 0;
        break;
      case 'i64':
        decode = (off) => this.#i64[(off + a0) >> 3];
        break;
      default:
        decode = (off) => this.#u64[(off + a0) >> 3];
    }
    return { name, fill, decode, hasResult: ret !== 'void' };
  }

  #writeArg(kind: CKind, w: number, v: unknown, name: string, k: number, type: CType): void {
    const i32 = this.#i32;
    switch (kind) {
      case 'f32':
        if (typeof v !== 'number') throw argError(name, k, type, v);
        this.#f32[w >> 2] = v;
        return;
      case 'bool':
        if (typeof v !== 'boolean' && v !== 0 && v !== 1) throw argError(name, k, type, v);
        i32[w >> 2] = v ? 1 : 0;
        i32[(w >> 2) + 1] = 0;
        return;
      case 'i8':
      case 'u8':
      case 'i16':
      case 'u16':
      case 'i32':
      case 'u32': {
        let x = v;
        if (typeof x === 'string' && (kind === 'i8' || kind === 'u8') && x.length === 1) x = x.charCodeAt(0);
        const [lo, hi] = INT_RANGE[kind] as [number, number];
        if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi) throw argError(name, k, type, v);
        i32[w >> 2] = x;
        i32[(w >> 2) + 1] = x < 0 ? -1 : 0;
        return;
      }
      case 'i64':
      case 'u64': {
        if (typeof v === 'number') {
          if (!Number.isSafeInteger(v) || (kind === 'u64' && v < 0)) throw argError(name, k, type, v);
          i32[w >> 2] = v;
          i32[(w >> 2) + 1] = Math.floor(v / 4294967296);
        } else if (typeof v === 'bigint') {
          if (kind === 'i64' ? v < I64_MIN || v > I64_MAX : v < 0n || v > U64_MAX) throw argError(name, k, type, v);
          this.#i64[w >> 3] = BigInt.asIntN(64, v);
        } else throw argError(name, k, type, v);
        return;
      }
      case 'cstr':
        if (typeof v === 'string') {
          if (v.includes('\0'))
            throw new TypeError(`${name}: argument ${k + 1} (const char *) contains a NUL character`);
          this.#u64[w >> 3] = BigInt(this.#tempString(v));
          return;
        }
        this.#writePointer(w, v, name, k, type);
        return;
      default:
        this.#writePointer(w, v, name, k, type);
    }
  }

  #writePointer(w: number, v: unknown, name: string, k: number, type: CType): void {
    if (v === null || v === undefined) this.#u64[w >> 3] = 0n;
    else if (typeof v === 'bigint') {
      if (v < 0n || v > U64_MAX) throw argError(name, k, type, v);
      this.#u64[w >> 3] = v;
    } else if (ArrayBuffer.isView(v)) {
      if (v.buffer !== this.#buffer) {
        throw new TypeError(
          `${name}: argument ${k + 1} (${type.name}) points outside the sidecar's shared region; allocate it with sc.alloc()`,
        );
      }
      this.#u64[w >> 3] = BigInt(this.#addressOf(v, name));
    } else throw argError(name, k, type, v);
  }
}

const RTLD_NOW = 2;

function describeExit(i: ExitInfo): string {
  return i.signal ? `killed by ${i.signal}` : `exited with code ${i.code}`;
}

function argError(name: string, k: number, type: CType, v: unknown): TypeError {
  const got =
    v === null
      ? 'null'
      : typeof v === 'object'
        ? ((v as object).constructor?.name ?? 'object')
        : `${typeof v} ${String(v)}`;
  const want: Partial<Record<CKind, string>> = {
    f64: 'a number',
    f32: 'a number',
    bool: 'a boolean',
    i64: 'an integer (number or bigint)',
    u64: 'a non-negative integer (number or bigint)',
    ptr: 'a typed array in the region, a bigint address or null',
    cstr: 'a string, a typed array in the region, a bigint address or null',
  };
  const range = INT_RANGE[type.kind];
  const expected = want[type.kind] ?? (range ? `an integer in [${range[0]}, ${range[1]}]` : 'a value');
  return new TypeError(`${name}: argument ${k + 1} (${type.name}) must be ${expected}, got ${got}`);
}

function flatCode(bytes: Uint8Array): FlatImage {
  return { bytes, execSize: Math.ceil(bytes.length / 4096) * 4096, relocs: [], symbols: new Map() };
}

/** A batch of calls of one function: submitted in runs of slots, settled by one promise. */
class BatchRun {
  next = 0;
  done = 0;
  failed = false;
  readonly count: number;
  readonly out: unknown[];
  readonly hasResult: boolean;
  constructor(
    readonly op: Op,
    readonly lists: readonly (readonly unknown[])[],
    readonly resolve: (v: unknown[]) => void,
    readonly reject: (e: unknown) => void,
    readonly deadline: number,
    readonly timeoutMs: number,
  ) {
    this.count = lists.length;
    this.out = new Array(lists.length).fill(undefined);
    this.hasResult = op.hasResult;
  }
  fail(e: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.next = this.count;
    this.reject(e);
  }
}

/** Where a bound function's target comes from, per generation. */
export interface Resolver {
  resolve(): Promise<bigint>;
  resolveSync(): bigint;
}

/** @internal The state behind one NativeFunction. */
export class BoundCall {
  gen = -1;
  trampoline = 0n;
  address = 0n;
  /** The two addresses as 32-bit halves, for the slot writer. */
  tLo = 0;
  tHi = 0;
  aLo = 0;
  aHi = 0;
  readonly op: Op;
  constructor(
    readonly sc: Sidecar,
    readonly sig: Signature,
    readonly target: Resolver,
  ) {
    this.op = sc.makeOp(sig, this);
  }
  setAddresses(gen: number, tramp: bigint, target: bigint): void {
    this.trampoline = tramp;
    this.address = target;
    this.tLo = Number(BigInt.asIntN(32, tramp));
    this.tHi = Number(BigInt.asIntN(32, tramp >> 32n));
    this.aLo = Number(BigInt.asIntN(32, target));
    this.aHi = Number(BigInt.asIntN(32, target >> 32n));
    this.gen = gen;
  }
  checkArgs(args: readonly unknown[]): void {
    const n = this.sig.params.length;
    if (args.length !== n)
      throw new TypeError(`${this.sig.name}: expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
  }
}

/** A plain object after the C arguments: per-call options. (No C argument is a plain object.) */
function isOptions(o: unknown): o is CallOptions {
  if (o === null || typeof o !== 'object' || ArrayBuffer.isView(o)) return false;
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

function makeFunction(sc: Sidecar, sig: Signature, target: Resolver): NativeFunction {
  const b = new BoundCall(sc, sig, target);
  const n = sig.params.length;
  const f = ((...args: unknown[]) => {
    if (args.length === n + 1 && isOptions(args[n])) return sc.call(b, args.slice(0, n), args[n] as CallOptions);
    return sc.call(b, args, undefined);
  }) as NativeFunction;
  Object.defineProperty(f, 'name', { value: sig.name });
  f.sync = (...args: unknown[]) => {
    if (args.length === n + 1 && isOptions(args[n])) return sc.callSync(b, args.slice(0, n), args[n] as CallOptions);
    return sc.callSync(b, args);
  };
  f.with =
    (opts: CallOptions) =>
    (...args: unknown[]) =>
      sc.call(b, args, opts);
  f.batch = (lists, opts) => sc.callBatch(b, lists, opts);
  Object.defineProperty(f, 'signature', { value: sig, enumerable: true });
  return f;
}

/** An opened library: bind its functions with C prototypes. */
export class Library {
  #handle: bigint;
  #gen: number;
  constructor(
    readonly sc: Sidecar,
    /** The name it was asked for (`m`). */
    readonly name: string,
    /** The soname that loaded (`libm.so.6`). */
    readonly soname: string,
    handle: bigint,
    gen: number,
    readonly prototypes: Readonly<Record<string, string>>,
  ) {
    this.#handle = handle;
    this.#gen = gen;
  }

  /** The dlopen handle for the current sidecar (reopened after a restart). */
  async handle(): Promise<bigint> {
    if (this.#gen !== this.sc.generation) {
      const gen = this.sc.generation;
      const h = await this.sc.dlopen(this.soname);
      this.#handle = h;
      this.#gen = gen;
    }
    return this.#handle;
  }

  handleSync(): bigint {
    if (this.#gen !== this.sc.generation) {
      this.#handle = this.sc.dlopenSync(this.soname);
      this.#gen = this.sc.generation;
    }
    return this.#handle;
  }

  /**
   * A function of this library from its C prototype
   * (`'double cos(double)'`), or by name alone for the known set's
   * ready-made prototypes (`'cos'`). Throws TypeError on a malformed prototype.
   */
  func(prototype: string): NativeFunction {
    if (typeof prototype !== 'string') throw new TypeError('func: expected a C prototype');
    const ready = /^[A-Za-z_][A-Za-z0-9_]*$/.test(prototype.trim()) ? this.prototypes[prototype.trim()] : undefined;
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(prototype.trim()) && !ready) {
      throw new TypeError(
        `func: no ready-made prototype for '${prototype}' in ${this.name}; give the full C prototype`,
      );
    }
    const sig = parsePrototype(ready ?? prototype);
    const sym = sig.name;
    return this.sc.bind(sig, {
      resolve: async () => this.sc.dlsym(await this.handle(), sym),
      resolveSync: () => this.sc.dlsymSync(this.handleSync(), sym),
    });
  }

  /** The address of a symbol in this library. */
  async symbol(name: string): Promise<bigint> {
    return this.sc.dlsym(await this.handle(), name);
  }
}

/** Code loaded into the sidecar with `sc.load`. */
export class LoadedCode {
  #base = 0n;
  #gen = -1;
  #pending: Promise<bigint> | null = null;
  constructor(
    readonly sc: Sidecar,
    readonly image: FlatImage,
  ) {}

  /** Load address in the current sidecar (loading again after a restart). */
  async base(): Promise<bigint> {
    if (this.#gen === this.sc.generation) return this.#pending ?? this.#base;
    const gen = this.sc.generation;
    this.#pending = this.sc.loadImage(this.image).then((b) => {
      this.#base = b;
      this.#gen = gen;
      this.#pending = null;
      return b;
    });
    this.#gen = gen;
    return this.#pending;
  }

  baseSync(): bigint {
    if (this.#gen !== this.sc.generation || this.#pending) {
      this.#base = this.sc.loadImageSync(this.image);
      this.#gen = this.sc.generation;
      this.#pending = null;
    }
    return this.#base;
  }

  /** Address of a symbol of the image (or of offset 0). */
  async address(symbol?: string): Promise<bigint> {
    return (await this.base()) + BigInt(this.#offset(symbol));
  }

  #offset(symbol?: string): number {
    if (symbol === undefined) return 0;
    const o = this.image.symbols.get(symbol);
    if (o === undefined) throw new TypeError(`no symbol '${symbol}' in the loaded code`);
    return o;
  }

  /** A function at `symbol` (default: the start of the code). */
  func(prototype: string, symbol?: string): NativeFunction {
    const sig = parsePrototype(prototype);
    const off = BigInt(this.#offset(symbol));
    return this.sc.bind(sig, {
      resolve: async () => (await this.base()) + off,
      resolveSync: () => this.baseSync() + off,
    });
  }
}
