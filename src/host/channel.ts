/**
 * One channel of a region, as the host drives it: the ring of request
 * slots between the host and the one sidecar that serves the channel, the
 * call table, the argument records, and the waits both ways. A region has
 * one channel per sidecar serving it, so several `Channel`s may share one
 * region (and its arena).
 *
 * Submitting request n: write its slot (function word, arguments, or a
 * pointer to its argument record); the state word 2n+1 follows at the end of
 * the tick, with every other request of the tick (see #wake). Completion: the
 * sidecar writes the results over the slot's first two words and then the
 * channel's completion count n+1; requests complete in order, so the host
 * reads that one word to learn how many slots are done (and checks it: a
 * count outside what is in flight is a broken sidecar, never a crash here).
 *
 * Waiting is spin-then-sleep and adaptive on both sides: after a spin that
 * misses, the next 1, 2, 4 … 256 waits sleep at once, so two processes on a
 * two-core machine do not slow each other down by spinning.
 *   - A synchronous caller spins on the count, then sleeps on it (futex).
 *   - Asynchronous requests are flushed once per tick (one wake-up for all of
 *     them); the flush keeps settling while completions keep coming, then
 *     arms the doorbell and returns to the event loop.
 */

import {
  ARGS_OFFSET,
  ARGS_SIZE,
  CALL_ENTRY_SIZE,
  CALL_SLOTS,
  CALLS_OFFSET,
  CONTROL,
  DEFAULT_SPIN_TICKS,
  FIRST_CALL,
  RING_OFFSET,
  RING_SLOTS,
  SLOT,
  SLOT_SIZE,
  THUNK_STRIDE,
} from '../channel/layout.js';
import { REQUESTS } from '../channel/requests.js';
import * as clock from '../sys/clock.js';
import { type ChannelAddon, channelAddon } from './addon.js';
import { BatchRun } from './batch.js';
import { machineCrowded } from './crowding.js';
import { DeadlineTimer } from './deadlines.js';
import { AbortError, ProtocolError, SidecarError, TimeoutError } from './errors.js';
import { RequestQueue } from './queue.js';
import type { Region } from './region.js';
import { capture, captured, fail, Rejection, type Settle } from './settle.js';
import { type Handler, Upcalls } from './upcalls.js';
import {
  ASYNC_SPIN_MAX_MS,
  ASYNC_SPIN_MS,
  FAST_SPINS,
  LONG_RUN,
  MAX_PUMP_MS,
  pause,
  SLEEP_SLICE_NS,
  SYNC_SPIN_MS,
  YIELD_MS,
} from './waiting.js';

/** Runs a callback for the upcall slot at byte offset `slot` of the region: reads its arguments, writes its result. */
export type UpcallHandler = Handler<Channel>;

/** One kind of request, as the channel writes and reads it. */
export interface Request {
  readonly name: string;
  /** False when decode always returns undefined (void functions). */
  readonly hasResult: boolean;
  /** Bytes of argument record it needs; 0 when its arguments fit in the slot. */
  readonly recordBytes: number;
  /**
   * Writes the slot's function word and the arguments (at byte offset `args`
   * of the region: the slot's a0, or the record). Throws TypeError, before
   * anything is published, on bad arguments.
   */
  fill(ch: Channel, slot: number, args: number, values: readonly unknown[]): void;
  /**
   * What fill does, for values `check` has passed: the arguments are stored
   * without being checked again (a batch checks every list first). Only for
   * requests whose arguments fit in the slot.
   */
  store?(ch: Channel, slot: number, values: readonly unknown[]): void;
  /** Throws what fill would for these values, writing nothing: a batch checks all its lists before sending any. */
  check?(ch: Channel, values: readonly unknown[]): void;
  /** The result, from the completed slot; an Error value rejects. */
  decode(ch: Channel, slot: number): unknown;
}

/** What the channel needs from whoever runs the sidecar serving it. */
export interface ChannelOwner {
  /** Whether the sidecar has exited (checked while a synchronous call sleeps); if so the owner has failed the channel. */
  exited(): boolean;
  /** Kills and replaces the sidecar; request slot `slot` fails with `reason`, the rest with SidecarExitedError. */
  replace(slot: number, reason: Error): void;
  /** Why a request cannot be sent (not running, stopped). */
  deadError(): Error;
  /** Requests are waiting for the doorbell (true), or none is (false): keep the event loop alive or not. */
  hold(busy: boolean): void;
}

const MASK = RING_SLOTS - 1;
/**
 * A batch publishes its requests every this many (a power of two) as it
 * fills them, so the sidecar runs the first while the host writes the rest.
 */
const PUBLISH_EVERY = 256;
const INF = Number.POSITIVE_INFINITY;
/** Argument records are cache-line aligned. */
const RECORD_ALIGN = 64;

/** What only some requests have, per slot (see Channel's #rareOf). */
interface SlotRare {
  /** Where the slot's argument record ends (-1: none), to give the space back in order. */
  recordEnd: number;
  /** Arena temporaries of its arguments (strings). */
  temps: number[] | null;
  /** Callbacks made for this call only. */
  callbacks: number[] | null;
  signal: AbortSignal | null;
  /** The abort listener on its signal, removed when the slot is done (one signal may serve many calls). */
  onAbort: (() => void) | null;
  /** Why it fails when the sidecar is replaced. */
  failReason: Error | null;
}

/** The channel's no-op: what an aborted, not yet taken request becomes. */
const PING = REQUESTS.ping.code;

export class Channel {
  readonly region: Region;
  /** Its number in the region. */
  readonly index: number;
  /** Byte offset of the channel in the region. */
  readonly offset: number;
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  readonly f32: Float32Array;
  readonly f64: Float64Array;
  readonly i64: BigInt64Array;
  readonly u64: BigUint64Array;
  readonly u8: Uint8Array;
  /** Bumped each time a new sidecar takes the channel: native addresses of an older one are void. */
  generation = 0;
  #alive = false;
  #owner: ChannelOwner | null = null;
  readonly #addon: ChannelAddon;
  readonly #ring: number;
  readonly #cq: number;
  readonly #cqAddress: number;
  readonly #bellAddress: number;
  readonly #spinTicks: bigint;

  // Requests [#head, #n) are in flight; #overflow waits for room.
  #n = 0;
  #head = 0;
  /** Each slot's settle function (settle.ts: a failure resolves it with a Rejection). */
  readonly #settles: (Settle | null)[] = new Array(RING_SLOTS).fill(null);
  readonly #reqs: (Request | null)[] = new Array(RING_SLOTS).fill(null);
  readonly #deadlines = new Float64Array(RING_SLOTS);
  readonly #timeouts = new Float64Array(RING_SLOTS);
  /**
   * Rare per-slot state (a record, temporaries, callbacks, a signal, a
   * failure reason), made the first time a slot needs it and then kept for
   * that slot: one table, filled as slots are used, instead of one per kind
   * filled at every start; the table itself is made when first needed (a
   * fresh process's start need not fill 16 384 entries).
   */
  #rareOf: (SlotRare | null)[] | null = null;
  /** 1 when slot i has any of that rare state, so a release checks one byte. */
  readonly #rare = new Uint8Array(RING_SLOTS);
  /** 1 when slot i carries a list of a batch (batch.ts: the batch is found by its range of requests). */
  readonly #inBatch = new Uint8Array(RING_SLOTS);
  /** Batches with lists in flight or still to send, oldest first (their ranges follow each other). */
  #runs: BatchRun<Request>[] = [];
  readonly #overflow = new RequestQueue<Request, BatchRun<Request>>();
  #argsHead = 0;
  #argsTail = 0;
  #fillTemps: number[] | null = null;
  readonly #calls = new Map<string, number>();
  #nextCall = FIRST_CALL;

  #flushQueued = false;
  readonly #timer: DeadlineTimer;
  #syncSkip = 0;
  #syncBackoff = 1;
  #asyncSkip = 0;
  #asyncBackoff = 1;
  /** Callbacks (upcalls.ts): the sidecar's calls into the host. */
  readonly #upcalls: Upcalls<Channel>;
  /** Callbacks made for the request being written (tempCallback), then per slot until it completes. */
  #fillCallbacks: number[] | null = null;

  constructor(region: Region, index: number, opts: { spin?: boolean } = {}) {
    this.region = region;
    this.index = index;
    this.offset = region.channelOffset(index);
    this.i32 = region.i32;
    this.u32 = new Uint32Array(region.buffer);
    this.f32 = region.f32;
    this.f64 = region.f64;
    this.i64 = region.i64;
    this.u64 = region.u64;
    this.u8 = region.u8;
    this.#addon = channelAddon();
    this.#ring = this.offset + RING_OFFSET;
    this.#cq = (this.offset + CONTROL.cqCount) >> 2;
    this.#cqAddress = region.address + this.offset + CONTROL.cqCount;
    this.#bellAddress = region.address + this.offset + CONTROL.sqBell;
    this.#spinTicks = opts.spin === false ? 0n : BigInt(DEFAULT_SPIN_TICKS);
    this.#timer = new DeadlineTimer(this.#onTimer);
    this.#upcalls = new Upcalls<Channel>(region, this.offset, this.#addon, this, () => this.#alive);
  }

  /** True while a sidecar serves the channel. */
  get alive(): boolean {
    return this.#alive;
  }

  /** Requests in flight (submitted, not yet settled). */
  get inFlight(): number {
    return this.#n - this.#head + this.#overflow.length;
  }

  // ---------------------------------------------------------------- life

  /**
   * A new sidecar is about to serve the channel: clears the channel's pages
   * and starts counting from zero. Called by the owner before it spawns.
   */
  attach(owner: ChannelOwner): void {
    this.region.clearChannel(this.index);
    this.u64[(this.offset + CONTROL.spinTicks) >> 3] = this.#spinTicks;
    this.#spinOff = false;
    this.#owner = owner;
    this.#n = 0;
    this.#head = 0;
    this.#published = 0;
    this.#argsHead = 0;
    this.#argsTail = 0;
    const rareOf = this.#rareOf;
    if (rareOf) {
      for (let i = 0; i < RING_SLOTS; i++) {
        const r = rareOf[i];
        if (r) r.recordEnd = -1;
      }
    }
    this.#rare.fill(0);
    this.#calls.clear();
    this.#nextCall = FIRST_CALL;
    this.generation++;
    this.#alive = true;
  }

  /** The sidecar is gone: everything in flight fails with `err` (or the reason recorded for its slot). */
  detach(err: Error): void {
    this.#alive = false;
    while (this.#head < this.#n) {
      const i = this.#head & MASK;
      const reason = (this.#rare[i] !== 0 ? this.#rareOf?.[i]?.failReason : null) ?? err;
      const settle = this.#settles[i];
      const b = this.#inBatch[i] !== 0 ? this.#runAt(this.#head) : null;
      this.#release(i);
      this.#head++;
      if (b) b.fail(reason);
      else if (settle) fail(settle, reason);
    }
    this.#runs = [];
    for (const [o, settle] of this.#overflow.takeAll()) {
      if (o instanceof BatchRun) o.fail(err);
      else if (settle) fail(settle, err);
    }
    this.#timer.clear();
  }

  /** Records why slot i's request fails when the sidecar is replaced. */
  failWith(i: number, reason: Error): void {
    this.#rareAt(i).failReason = reason;
    this.#rare[i] = 1;
  }

  /** The name of the request the sidecar is (probably) running: the oldest in flight. */
  runningName(): string | null {
    if (this.#head === this.#n) return null;
    return this.#nameAt(this.#head & MASK);
  }

  #nameAt(i: number): string | null {
    if (this.#inBatch[i] !== 0) return this.#runAt(this.#nOf(i))?.req.name ?? null;
    return this.#reqs[i]?.name ?? null;
  }

  /** The request number in flight that slot i carries. */
  #nOf(i: number): number {
    return this.#head + ((i - this.#head) & MASK);
  }

  /** The batch that request n belongs to, if any. */
  #runAt(n: number): BatchRun<Request> | null {
    for (const b of this.#runs) if (b.holds(n)) return b;
    return null;
  }

  // ---------------------------------------------------------------- call table and scratch

  /** The call-table index of (trampoline, target) for this generation, writing the entry on first use. */
  callIndex(trampoline: bigint, target: bigint): number {
    const key = `${trampoline}:${target}`;
    const known = this.#calls.get(key);
    if (known !== undefined) return known;
    if (this.#nextCall >= CALL_SLOTS) {
      throw new SidecarError(`more than ${CALL_SLOTS - FIRST_CALL} distinct functions bound in one sidecar`);
    }
    const k = this.#nextCall++;
    const e = (this.offset + CALLS_OFFSET + k * CALL_ENTRY_SIZE) >> 3;
    this.u64[e] = trampoline;
    this.u64[e + 1] = target;
    this.#calls.set(key, k);
    return k;
  }

  /** Arena bytes for the request being filled (strings), freed when it completes; its region offset. */
  temp(bytes: number, align = 16): number {
    const off = this.region.arena.alloc(bytes, align);
    (this.#fillTemps ??= []).push(off);
    return off;
  }

  /** The error text the sidecar left in the control page (dlerror). */
  errorText(): string {
    const start = this.offset + CONTROL.errorText;
    let e = start;
    while (e < start + CONTROL.errorTextSize - 1 && this.u8[e] !== 0) e++;
    return Buffer.from(this.region.buffer, start, e - start).toString('utf8');
  }

  /** Where a record of `bytes` would start (a position in the record ring, skipping to its start rather than wrapping a record), or -1 when there is no room. */
  #recordAt(bytes: number): number {
    const size = Math.ceil(bytes / RECORD_ALIGN) * RECORD_ALIGN;
    const pos = this.#argsHead % ARGS_SIZE;
    const h = pos + size > ARGS_SIZE ? this.#argsHead + ARGS_SIZE - pos : this.#argsHead;
    return h + size - this.#argsTail <= ARGS_SIZE ? h : -1;
  }

  /** Reserves an argument record; its region offset, or -1 when the record area is full. */
  #reserve(bytes: number): number {
    const h = this.#recordAt(bytes);
    if (h < 0) return -1;
    this.#argsHead = h + Math.ceil(bytes / RECORD_ALIGN) * RECORD_ALIGN;
    return this.offset + ARGS_OFFSET + (h % ARGS_SIZE);
  }

  /** Whether the ring (and the record area, for requests with a record) has room for one more `req`. */
  #room(req: Request): boolean {
    if (this.#n - this.#head >= RING_SLOTS) return false;
    return req.recordBytes === 0 || this.#recordAt(req.recordBytes) >= 0;
  }

  /**
   * Writes request n into its slot (and record); returns the slot's byte
   * offset. On bad arguments frees what it took and throws, having
   * published nothing.
   */
  #write(req: Request, values: readonly unknown[], i: number): number {
    const slot = this.#ring + i * SLOT_SIZE;
    let args = slot + SLOT.a0;
    const headBefore = this.#argsHead;
    if (req.recordBytes > 0) {
      args = this.#reserve(req.recordBytes);
      if (args < 0) throw new SidecarError('internal: no room for an argument record');
      const p = this.region.address + args;
      this.u32[(slot + SLOT.a0) >> 2] = p % 4294967296;
      this.u32[(slot + SLOT.a0 + 4) >> 2] = Math.floor(p / 4294967296);
      this.#rareAt(i).recordEnd = this.#argsHead;
      this.#rare[i] = 1;
    }
    this.#fillTemps = null;
    try {
      req.fill(this, slot, args, values);
    } catch (e) {
      const temps = this.#fillTemps as number[] | null;
      if (temps) for (const t of temps) this.region.arena.free(t);
      this.#fillTemps = null;
      this.#dropFillCallbacks();
      this.#argsHead = headBefore;
      if (req.recordBytes > 0) this.#rareAt(i).recordEnd = -1;
      throw e;
    }
    if (this.#fillTemps !== null) {
      this.#rareAt(i).temps = this.#fillTemps;
      this.#rare[i] = 1;
      this.#fillTemps = null;
    }
    if (this.#fillCallbacks !== null) {
      this.#rareAt(i).callbacks = this.#fillCallbacks;
      this.#rare[i] = 1;
      this.#fillCallbacks = null;
    }
    return slot;
  }

  #release(i: number): void {
    if (this.#rare[i] !== 0) this.#releaseRare(i);
    if (this.#inBatch[i] !== 0) {
      this.#inBatch[i] = 0;
      return;
    }
    this.#settles[i] = null;
    this.#reqs[i] = null;
  }

  /** Slot i's rare state, made on first need. */
  #rareAt(i: number): SlotRare {
    this.#rareOf ??= new Array(RING_SLOTS).fill(null);
    let r = this.#rareOf[i];
    if (!r) {
      r = { recordEnd: -1, temps: null, callbacks: null, signal: null, onAbort: null, failReason: null };
      this.#rareOf[i] = r;
    }
    return r;
  }

  /** Gives back slot i's record and temporaries, forgets its signal and failure reason. */
  #releaseRare(i: number): void {
    this.#rare[i] = 0;
    const r = this.#rareOf?.[i];
    if (!r) return;
    if (r.recordEnd >= 0) {
      this.#argsTail = r.recordEnd;
      r.recordEnd = -1;
    }
    if (r.temps !== null) {
      for (const o of r.temps) this.region.arena.free(o);
      r.temps = null;
    }
    if (r.callbacks !== null) {
      for (const id of r.callbacks) this.removeCallback(id);
      r.callbacks = null;
    }
    r.failReason = null;
    if (r.onAbort) r.signal?.removeEventListener('abort', r.onAbort);
    r.onAbort = null;
    r.signal = null;
  }

  // ---------------------------------------------------------------- callbacks

  /** Registers a callback's handler: the number of the sidecar's thunk that runs it. */
  addCallback(handler: UpcallHandler): number {
    const id = this.#upcalls.add(handler);
    this.#armForUpcalls();
    return id;
  }

  removeCallback(id: number): void {
    this.#upcalls.remove(id);
  }

  /** The function pointer of thunk `id` in the sidecar serving the channel now. */
  thunkAddress(id: number): bigint {
    const base = this.u64[(this.offset + CONTROL.thunks) >> 3] as bigint;
    if (base === 0n) throw new SidecarError('the sidecar has not started');
    return base + BigInt(id * THUNK_STRIDE);
  }

  /** A callback for the request being written: released when it completes (or fails). */
  tempCallback(handler: UpcallHandler): number {
    const id = this.addCallback(handler);
    (this.#fillCallbacks ??= []).push(id);
    return id;
  }

  #dropFillCallbacks(): void {
    const cbs = this.#fillCallbacks;
    this.#fillCallbacks = null;
    if (cbs) for (const id of cbs) this.removeCallback(id);
  }

  /** True while a callback runs (a synchronous call into this sidecar would wait for itself). */
  get inCallback(): boolean {
    return this.#upcalls.running;
  }

  /**
   * While a callback runs: `len` bytes at sidecar address `src`, copied by
   * the thread waiting for the callback (null when no callback runs); it
   * stops short where the memory is unreadable.
   */
  readInCallback(src: bigint, len: number): Uint8Array | null {
    return this.#upcalls.read(src, len);
  }

  /** Runs the callbacks sidecar threads have posted since the last look; whether there were any. */
  #serveUpcalls(): boolean {
    return this.#upcalls.serve(this.#head < this.#n ? this.#head : -1);
  }

  // ---------------------------------------------------------------- asynchronous requests

  /** Submits one request; the promise settles when its completion is seen. */
  submit(req: Request, values: readonly unknown[], timeoutMs: number, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(new AbortError(req.name, signal.reason));
    if (!this.#alive) return Promise.reject(this.deadError());
    const p = new Promise<unknown>(capture);
    const settle = captured.resolve as Settle;
    captured.resolve = null; // hold no promise beyond its request
    if (this.#overflow.length > 0 || !this.#room(req)) {
      this.#overflow.push(req, values, settle, timeoutMs, signal);
    } else {
      try {
        this.#enqueue(req, values, settle, timeoutMs, signal);
      } catch (e) {
        return Promise.reject(e);
      }
    }
    if (!this.#flushQueued) {
      this.#flushQueued = true;
      queueMicrotask(this.#flush);
    }
    return p;
  }

  /** Writes a request into the next slot and publishes it. Throws (before publishing) on bad arguments. */
  #enqueue(
    req: Request,
    values: readonly unknown[],
    settle: Settle,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): number {
    const n = this.#n;
    const i = n & MASK;
    this.#write(req, values, i);
    this.#reqs[i] = req;
    this.#settles[i] = settle;
    if (timeoutMs === INF) this.#deadlines[i] = INF;
    else {
      this.#timeouts[i] = timeoutMs; // read only for a finite deadline
      this.#deadlines[i] = this.#timer.deadline(timeoutMs);
    }
    if (signal) {
      const r = this.#rareAt(i);
      r.signal = signal;
      this.#rare[i] = 1;
      r.onAbort = () => this.#abort(n, signal.reason);
      signal.addEventListener('abort', r.onAbort, { once: true });
    }
    this.#n = n + 1;
    // published by the next #wake (the end-of-tick flush, or a wait)
    return n;
  }

  /** Requests before this one have their state word written. */
  #published = 0;

  /**
   * Publishes the requests written since the last wake, then wakes a
   * sleeping sidecar (Dekker with its sqSleep/state re-check).
   *
   * A request's slot is written when it is submitted, its state word only
   * here, a tick's at once or, in a batch, every PUBLISH_EVERY: a
   * sidecar still spinning from earlier work would otherwise take each slot
   * as soon as it is written and read its cache line while the host writes
   * the next slot into it, which measured slows the host's submissions by
   * a half and more. Publishing every 256 costs the host's writes about
   * 40% (the sidecar runs beside it), but the sidecar's work overlaps
   * them: a 10k batch took 25 ns a call, now 15. (Single submissions
   * published the same way gained nothing measurable: their host side,
   * making and settling a Promise each, is the longer part.)
   *
   * State words are plain stores (x86 keeps stores in order and V8 emits
   * them in program order); the atomic store here is the one full fence
   * that keeps the sqSleep read from overtaking any of them.
   */
  #wake(): void {
    const i32 = this.i32;
    const end = this.#n;
    if (this.#published !== end) {
      const ring = this.#ring;
      for (let n = this.#published; n !== end; n = (n + 1) | 0)
        i32[(ring + (n & MASK) * SLOT_SIZE) >> 2] = (2 * n + 1) | 0;
      this.#published = end;
    }
    const c = this.offset >> 2;
    Atomics.store(i32, c + (CONTROL.hostFence >> 2), 0);
    if (Atomics.load(i32, c + (CONTROL.sqSleep >> 2)) !== 0) {
      Atomics.add(i32, c + (CONTROL.sqBell >> 2), 1);
      this.#addon.futexWake(this.#bellAddress, 1);
    }
  }

  /**
   * End of tick: wake the sidecar once for everything submitted in the
   * tick, then keep settling and refilling while completions keep coming
   * (host and sidecar run as a pipeline); when they stop for ASYNC_SPIN_MS,
   * arm the doorbell and return to the event loop.
   */
  readonly #flush = (): void => {
    this.#flushQueued = false;
    this.#timer.newTick();
    if (!this.#alive) return;
    this.#refill();
    if (this.#head === this.#n) return;
    const started = clock.now();
    if (!this.#turnMarked) {
      // the first flush since the event loop's last turn: note when, and learn of the next turn
      this.#turnMarked = true;
      this.#turnStart = started;
      setImmediate(this.#newTurn);
    }
    // The bell armed for callbacks while idle would cost a doorbell byte per completion: the flush below serves them.
    if (this.#upcalls.size > 0) Atomics.store(this.i32, (this.offset + CONTROL.bellArmed) >> 2, 0);
    this.#wake();
    // A long run of requests takes the sidecar longer than a spin is worth,
    // and polling the count meanwhile only slows its writes: arm and go idle.
    // On a crowded machine the sidecar stops spinning (#crowded): a spinning sidecar takes the CPU the
    // host needs. The host's own short spin stays: it keeps the CPU it has, where sleeping would queue it
    // behind the busy processes (and it beats the doorbell's wake-up).
    this.#crowded();
    if (this.#n - this.#head > LONG_RUN || started - this.#turnStart > YIELD_MS) {
      // (no spin)
    } else if (this.#asyncSkip > 0) this.#asyncSkip--;
    else {
      const t0 = clock.now();
      let quiet = t0;
      let seen = this.#head;
      let k = 0;
      const lat = this.#latency;
      const window =
        lat < ASYNC_SPIN_MAX_MS ? Math.max(ASYNC_SPIN_MS, Math.min(ASYNC_SPIN_MAX_MS, 1.5 * lat)) : ASYNC_SPIN_MS;
      for (;;) {
        this.#drain();
        if (this.#head === this.#n || !this.#alive) {
          this.#asyncBackoff = 1;
          if (this.#head !== seen || quiet === t0) this.#noteLatency(clock.now() - t0);
          break;
        }
        if (this.#head !== seen) {
          seen = this.#head;
          k = 0;
          quiet = -1;
        }
        pause();
        if ((++k & 31) !== 0) continue;
        const now = clock.now();
        if (quiet < 0) quiet = now;
        if (now - quiet > window) {
          this.#asyncSkip = this.#asyncBackoff;
          this.#asyncBackoff = Math.min(this.#asyncBackoff * 2, 256);
          break;
        }
        if (now - t0 > MAX_PUMP_MS) break; // let the event loop breathe; the doorbell continues
      }
    }
    if (this.#head !== this.#n && this.#alive) {
      this.#flushedAt = started;
      this.#arm();
    } else this.#armForUpcalls();
  };

  /** Recent completion times of requests the flush waited for (ms, an average weighted to the latest). */
  #latency = 0;
  /** When the flush that armed the doorbell began (0: none pending). */
  #flushedAt = 0;
  #noteLatency(ms: number): void {
    this.#latency = this.#latency === 0 ? ms : 0.75 * this.#latency + 0.25 * ms;
  }

  /**
   * Whether the machine is crowded (crowding.ts); the sidecar's spin budget
   * follows: none while it is, this channel's own otherwise. Measured with
   * one core busy (bench load): the sidecar's spinning then made sync calls
   * slower than futex-only; the host's spinning did not.
   */
  #crowded(): boolean {
    if (this.#spinTicks === 0n) return false;
    // the sidecar's pid as it wrote it (only used to leave its threads out of the count)
    const pid = this.u32[(this.offset + CONTROL.sidecarPid) >> 2] as number;
    const c = machineCrowded(clock.now(), pid > 0 && pid < 1 << 22 ? pid : 0);
    if (c !== this.#spinOff) {
      this.#spinOff = c;
      this.u64[(this.offset + CONTROL.spinTicks) >> 3] = c ? 0n : this.#spinTicks;
    }
    return c;
  }
  #spinOff = false;

  #turnMarked = false;
  #turnStart = 0;
  readonly #newTurn = (): void => {
    this.#turnMarked = false;
  };

  #arm(): void {
    Atomics.store(this.i32, (this.offset + CONTROL.bellArmed) >> 2, 1);
    this.#drain();
    if (this.#head !== this.#n) this.#owner?.hold(true);
  }

  /** The doorbell rang: settle what completed; re-arm while requests remain (or callbacks may be called). */
  onBell(): void {
    if (this.#flushedAt > 0) {
      this.#noteLatency(clock.now() - this.#flushedAt);
      this.#flushedAt = 0;
    }
    this.#drain();
    if (this.#head !== this.#n) this.#arm();
    else {
      this.#owner?.hold(false);
      this.#armForUpcalls();
    }
  }

  /** With callbacks registered the doorbell stays armed, so a library's own thread can reach the event loop. */
  #armForUpcalls(): void {
    if (this.#upcalls.size === 0) return;
    Atomics.store(this.i32, (this.offset + CONTROL.bellArmed) >> 2, 1);
    if (this.#upcalls.size > 0) this.#serveUpcalls(); // one posted before the arming is not missed
  }

  /** Settles every completed request, oldest first. */
  #drain(): void {
    if (this.#upcalls.size > 0) this.#serveUpcalls();
    let h = this.#head;
    const n = this.#n;
    if (h === n) return;
    const done = (Atomics.load(this.i32, this.#cq) - h) | 0;
    if (done === 0) return;
    if (done < 0 || done > n - h) {
      this.#violation(`it reported ${done} completions with ${n - h} requests in flight`);
      return;
    }
    const end = h + done;
    const ring = this.#ring;
    const inBatch = this.#inBatch;
    const rare = this.#rare;
    // Settling never re-enters the channel (promises resolve later), so the head moves once, at the end.
    for (; h < end; h++) {
      const i = h & MASK;
      if (inBatch[i] !== 0) {
        h = this.#drainRun(h, end) - 1;
        continue;
      }
      const slot = ring + i * SLOT_SIZE;
      const req = this.#reqs[i] as Request;
      const settle = this.#settles[i];
      let v: unknown;
      let err: unknown = null;
      if (req.hasResult) {
        try {
          v = req.decode(this, slot);
        } catch (e) {
          err = e;
        }
      }
      if (this.#upcalls.failed(h)) err = this.#upcalls.takeError(h);
      if (rare[i] !== 0) this.#releaseRare(i);
      this.#settles[i] = null;
      this.#reqs[i] = null;
      if (settle === null) continue; // aborted while queued: settled then
      if (err !== null || v instanceof Error) fail(settle, err ?? v);
      else settle(v);
    }
    this.#head = end;
    if (this.#overflow.length > 0) this.#refill();
    if (this.#head === this.#n && this.#timer.armed) this.#timer.clear();
  }

  /**
   * Settles the completed requests of the batch at the front from request h
   * (a run of its slots, up to `end`); returns the request after them.
   */
  #drainRun(h: number, end: number): number {
    const b = this.#runs[0] as BatchRun<Request>;
    const stop = Math.min(end, b.start + b.sent);
    const inBatch = this.#inBatch;
    if (b.rare === 0 && (!b.req.hasResult || b.failed)) {
      // nothing to read or give back: clear the marks and count them
      const i = h & MASK;
      const j = i + (stop - h);
      if (j <= RING_SLOTS) inBatch.fill(0, i, j);
      else {
        inBatch.fill(0, i);
        inBatch.fill(0, 0, j - RING_SLOTS);
      }
    } else {
      const ring = this.#ring;
      const decode = b.req.hasResult && !b.failed;
      for (let n = h; n < stop; n++) {
        const i = n & MASK;
        if (decode) b.out[n - b.start] = b.req.decode(this, ring + i * SLOT_SIZE);
        if (this.#rare[i] !== 0) {
          this.#releaseRare(i);
          b.rare--;
        }
        inBatch[i] = 0;
      }
    }
    b.done += stop - h;
    if (b.finished) {
      this.#runs.shift();
      if (!b.failed) b.resolve(b.out);
    }
    return stop;
  }

  /** The sidecar broke the protocol: it is killed and replaced; the oldest request fails with why. */
  #violation(what: string): void {
    const err = new ProtocolError(`the sidecar broke the channel protocol (${what}); it was killed`);
    this.#owner?.replace(this.#head & MASK, err);
  }

  /** Moves overflowed requests into free slots. */
  #refill(): void {
    const before = this.#n;
    const q = this.#overflow;
    while (q.length > 0 && this.#alive) {
      const front = q.op;
      if (front instanceof BatchRun) {
        if (!front.failed && !this.#pumpBatch(front)) break;
        q.shift();
        continue;
      }
      if (!this.#room(front)) break;
      const values = q.args;
      const settle = q.settle;
      const timeoutMs = q.timeoutMs;
      const signal = q.signal;
      q.shift();
      if (signal?.aborted) {
        fail(settle, new AbortError(front.name, signal.reason));
        continue;
      }
      try {
        this.#enqueue(front, values, settle, timeoutMs, signal);
      } catch (e) {
        fail(settle, e);
      }
    }
    if (this.#n !== before) this.#wake();
  }

  /** Why nothing can be sent now (not running, stopped). */
  deadError(): Error {
    return this.#owner?.deadError() ?? new SidecarError('no sidecar serves this channel');
  }

  // ---------------------------------------------------------------- batches

  /** Many requests of one kind, one promise: they travel as a run of slots settled together. */
  batch(
    req: Request,
    lists: readonly (readonly unknown[])[],
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<unknown[]> {
    if (signal?.aborted) return Promise.reject(new AbortError(req.name, signal.reason));
    if (!this.#alive) return Promise.reject(this.deadError());
    if (lists.length === 0) return Promise.resolve([]);
    if (req.check) {
      // Every list is checked before any is sent: a bad one must not leave the others half done.
      let k = 0;
      try {
        for (; k < lists.length; k++) {
          const l = lists[k];
          if (!Array.isArray(l)) throw new TypeError(`${req.name}.batch: list ${k} is not an array of arguments`);
          req.check(this, l);
        }
      } catch (e) {
        if (e instanceof TypeError && lists.length > 1) e.message += ` (list ${k} of the batch; none of it was sent)`;
        return Promise.reject(e);
      }
    }
    const deadline = this.#timer.deadline(timeoutMs);
    return new Promise((resolve, reject) => {
      let onAbort: (() => void) | null = null;
      const done = () => {
        if (onAbort) signal?.removeEventListener('abort', onAbort);
      };
      const b = new BatchRun(
        req,
        lists,
        (v) => {
          done();
          resolve(v);
        },
        (e) => {
          done();
          reject(e);
        },
        deadline,
        timeoutMs,
      );
      if (signal) {
        onAbort = () => this.#abortBatch(b, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
      }
      if (this.#overflow.length > 0 || !this.#pumpBatch(b, true))
        this.#overflow.push(b, undefined, undefined, 0, undefined);
      if (!this.#flushQueued) {
        this.#flushQueued = true;
        queueMicrotask(this.#flush);
      }
    });
  }

  /**
   * Submits as much of a batch as there is room for; true when all of it is
   * submitted (or it failed). `checked`: every list was checked in this
   * tick, so the arguments are stored without checking them again.
   */
  #pumpBatch(b: BatchRun<Request>, checked = false): boolean {
    if (b.failed) return true;
    const lists = b.lists;
    const count = b.count;
    const req = b.req;
    let n = this.#n;
    if (b.start < 0) {
      b.start = n;
      this.#runs.push(b);
    } else if (n !== b.start + b.sent) throw new SidecarError("internal: a batch's lists are not consecutive requests");
    const inBatch = this.#inBatch;
    let k = b.sent;
    if (req.recordBytes === 0) {
      // Arguments in the slot: only the ring's room counts. #fillTemps is
      // null between requests, so it is reset only after a fill that used it.
      const ring = this.#ring;
      const stop = Math.min(count, k + RING_SLOTS - (n - this.#head));
      const store = checked ? req.store : undefined;
      try {
        for (; k < stop; k++) {
          const i = n & MASK;
          const slot = ring + i * SLOT_SIZE;
          if (store) store(this, slot, lists[k] as readonly unknown[]);
          else req.fill(this, slot, slot + SLOT.a0, lists[k] as readonly unknown[]);
          if (this.#fillTemps !== null || this.#fillCallbacks !== null) this.#keepRare(i, b);
          inBatch[i] = 1;
          n++;
          if ((n & (PUBLISH_EVERY - 1)) === 0) {
            this.#n = n;
            this.#wake();
          }
        }
      } catch (e) {
        this.#failPump(b, e, k, n);
        return true;
      }
    } else {
      while (k < count && this.#room(req)) {
        const i = n & MASK;
        try {
          this.#write(req, lists[k] as readonly unknown[], i);
        } catch (e) {
          this.#failPump(b, e, k, n);
          return true;
        }
        b.rare++; // its record
        inBatch[i] = 1;
        k++;
        n++;
      }
    }
    b.sent = k;
    this.#n = n;
    return k === count;
  }

  /** Keeps the temporaries and callbacks the fill of batch slot i made until it completes. */
  #keepRare(i: number, b: BatchRun<Request>): void {
    const r = this.#rareAt(i);
    if (this.#fillTemps !== null) {
      r.temps = this.#fillTemps;
      this.#fillTemps = null;
    }
    if (this.#fillCallbacks !== null) {
      r.callbacks = this.#fillCallbacks;
      this.#fillCallbacks = null;
    }
    this.#rare[i] = 1;
    b.rare++;
  }

  /** A list of batch b failed to fill: what was sent stays in flight, the batch rejects. */
  #failPump(b: BatchRun<Request>, e: unknown, sent: number, n: number): void {
    const temps = this.#fillTemps as number[] | null;
    if (temps) for (const t of temps) this.region.arena.free(t);
    this.#fillTemps = null;
    this.#dropFillCallbacks();
    b.sent = sent;
    this.#n = n;
    b.fail(e);
    if (b.finished) this.#runs.splice(this.#runs.indexOf(b), 1); // none of it in flight
  }

  #abortBatch(b: BatchRun<Request>, reason: unknown): void {
    if (b.failed || b.done === b.count) return;
    const err = new AbortError(b.req.name, reason);
    if (b.start >= 0) {
      // the running list cannot be stopped (replace the sidecar); queued ones become no-ops
      for (let n = Math.max(this.#head, b.start); n < b.start + b.sent; n++) {
        const i = n & MASK;
        if (n === this.#head) {
          this.#replaceAt(i, err);
          return;
        }
        this.i32[(this.#ring + i * SLOT_SIZE + SLOT.fn) >> 2] = PING;
      }
    }
    b.fail(err); // submits no more of it
  }

  // ---------------------------------------------------------------- synchronous requests

  /** Submits and blocks until the request completes; returns its result or throws. */
  submitSync(req: Request, values: readonly unknown[], timeoutMs: number): unknown {
    if (!this.#alive) throw this.deadError();
    if (this.#upcalls.running) {
      throw new SidecarError(
        `${req.name}: a callback cannot call its own sidecar synchronously (the sidecar waits for the callback); use the async call`,
      );
    }
    if (this.#head === this.#n && this.#overflow.length === 0) return this.#syncFast(req, values, timeoutMs);
    // Others are in flight: wait for room, then for this one in order.
    this.#wake(); // what this tick submitted so far goes first
    while (this.#overflow.length > 0 || !this.#room(req)) {
      this.#waitSync(this.#head, INF, 0);
      if (!this.#alive) throw this.deadError();
      this.#drain();
    }
    let result: unknown;
    let error: unknown = null;
    let settled = false;
    const n = this.#enqueue(
      req,
      values,
      (v) => {
        if (v instanceof Rejection) error = v.error;
        else result = v;
        settled = true;
      },
      INF,
      undefined,
    );
    this.#wake();
    const deadline = timeoutMs === INF ? INF : clock.now() + timeoutMs;
    try {
      this.#waitSync(n, deadline, timeoutMs);
    } finally {
      this.#drain();
    }
    if (!settled) throw error ?? this.deadError();
    if (error !== null) throw error;
    return result;
  }

  /**
   * A synchronous request with nothing else in flight, the latency-critical
   * case: no closures and no clock reads while the answer comes within the
   * spin (the deadline starts when the spin gives up, a few µs late at most).
   */
  #syncFast(req: Request, values: readonly unknown[], timeoutMs: number): unknown {
    const n = this.#n;
    const i = n & MASK;
    const slot = this.#write(req, values, i);
    this.#reqs[i] = req;
    this.#n = n + 1;
    const i32 = this.i32;
    const cq = this.#cq;
    const want = (n + 1) | 0;
    i32[slot >> 2] = (2 * n + 1) | 0; // published (nothing else is in flight: see #wake)
    this.#published = n + 1;
    this.#wake();
    let k = 0;
    while (Atomics.load(i32, cq) !== want) {
      if (this.#upcalls.size > 0 && this.#serveUpcalls()) k = 0; // a callback: its call goes on
      if (++k === FAST_SPINS) {
        // The long way: if the sidecar dies or is replaced meanwhile, the reason arrives here.
        // (Only calls that take it check the machine's load: the fast path stays a spin on one word.)
        this.#crowded();
        let failure: unknown = null;
        this.#settles[i] = (v) => {
          if (v instanceof Rejection) failure = v.error;
        };
        const deadline = timeoutMs === INF ? INF : clock.now() + timeoutMs;
        this.#waitSync(n, deadline, timeoutMs);
        if (this.#head > n || !this.#alive) throw failure ?? this.deadError();
        if (((Atomics.load(i32, cq) - want) | 0) !== 0) {
          this.#drain(); // a count beyond what is in flight: a broken sidecar
          throw failure ?? this.deadError();
        }
        this.#settles[i] = null;
        break;
      }
      pause();
    }
    // With the sidecar's spin off (a crowded machine), every call wakes it and may still end within
    // the fast spin: look again whether the machine is still crowded (at most every 50 ms), or a
    // stream of sync calls after a busy moment would never get the spin back.
    if (this.#spinOff) this.#crowded();
    const v = req.decode(this, slot);
    this.#head = n + 1;
    this.#release(i);
    const thrown = this.#upcalls.takeError(n);
    if (thrown !== null) throw thrown;
    if (v instanceof Error) throw v;
    return v;
  }

  /** Waits until request n has completed; returns early if the sidecar dies or the deadline passes (it is then replaced). */
  #waitSync(n: number, deadline: number, timeoutMs: number): void {
    const i32 = this.i32;
    const cq = this.#cq;
    const upcalls = this.#upcalls.size > 0;
    // A callback just served means another is likely soon (a sort's comparisons): spin again.
    let served = false;
    const isDone = (): boolean => {
      if (upcalls && this.#serveUpcalls()) served = true;
      return ((Atomics.load(i32, cq) - n - 1) | 0) >= 0;
    };
    if (isDone()) return;
    for (;;) {
      if (this.#syncSkip > 0 && !served) this.#syncSkip--;
      else {
        let t0 = clock.now();
        let k = 0;
        for (;;) {
          if (isDone()) {
            this.#syncBackoff = 1;
            return;
          }
          if (served) {
            served = false;
            t0 = clock.now();
          }
          pause();
          if ((++k & 63) === 0 && clock.now() - t0 > SYNC_SPIN_MS) break;
        }
        this.#syncSkip = this.#syncBackoff;
        this.#syncBackoff = Math.min(this.#syncBackoff * 2, 256);
      }
      const sleep = (this.offset + CONTROL.cqSleep) >> 2;
      for (;;) {
        const v = Atomics.load(i32, cq);
        Atomics.store(i32, sleep, 1);
        if (isDone()) {
          Atomics.store(i32, sleep, 0);
          return;
        }
        const slice = Math.min(SLEEP_SLICE_NS, Math.max(0, (deadline - clock.now()) * 1e6));
        this.#addon.futexWait(this.#cqAddress, v, slice);
        Atomics.store(i32, sleep, 0);
        if (isDone()) return;
        if (!this.#alive || this.#owner?.exited()) return;
        if (clock.now() >= deadline) {
          const i = n & MASK;
          this.#replaceAt(i, new TimeoutError(this.#nameAt(i), timeoutMs));
          return;
        }
        if (served) break; // back to spinning
      }
    }
  }

  // ---------------------------------------------------------------- deadlines and aborts

  #replaceAt(i: number, reason: Error): void {
    this.failWith(i, reason);
    this.#owner?.replace(i, reason);
  }

  #abort(n: number, reason: unknown): void {
    if (n < this.#head || n >= this.#n) return;
    const i = n & MASK;
    const err = new AbortError(this.#reqs[i]?.name ?? null, reason);
    if (n === this.#head) {
      // Running: a native call cannot be interrupted; replace the sidecar.
      this.#replaceAt(i, err);
      return;
    }
    // Queued: make it a no-op if the sidecar has not taken it yet, and settle it now.
    this.i32[(this.#ring + i * SLOT_SIZE + SLOT.fn) >> 2] = PING;
    const settle = this.#settles[i];
    this.#settles[i] = null;
    if (settle) fail(settle, err);
  }

  readonly #onTimer = (): void => {
    this.#drain();
    const now = clock.now();
    let next = INF;
    for (let n = this.#head; n < this.#n; n++) {
      const i = n & MASK;
      const b = this.#inBatch[i] !== 0 ? this.#runAt(n) : null;
      if (this.#settles[i] === null && b === null) continue;
      const d = b ? b.deadline : (this.#deadlines[i] as number);
      if (d <= now) {
        this.#replaceAt(i, new TimeoutError(this.#nameAt(i), b ? b.timeoutMs : (this.#timeouts[i] as number)));
        return;
      }
      if (d < next) next = d;
    }
    if (next !== INF) this.#timer.set(next);
  };
}
