/**
 * Upcalls: calls from the sidecar to the host, which is how a C callback
 * reaches a JavaScript function. A sidecar thread running one of the
 * sidecar's thunks posts an upcall slot in the channel's control page and
 * waits; the host, whenever it looks at the channel (every drain, the sync
 * waits, the doorbell), runs the handler registered for that thunk, marks
 * the slot answered or failed and wakes the thread. While a handler runs it
 * may have the waiting thread copy sidecar memory into the region (`read`).
 *
 * This is the upcall side of one channel: the handlers by thunk number, the
 * count of upcalls last seen, the slot whose handler runs now, and the error
 * a handler threw (the request in flight then rejects with it). `C` is the
 * channel type handlers receive (kept generic so this file needs nothing of
 * the channel).
 */

import { CONTROL, THUNK_COUNT, UPCALL, UPCALL_SIZE, UPCALL_SLOTS, UPCALL_STATE } from '../channel/layout.js';
import * as clock from '../sys/clock.js';
import type { ChannelAddon } from './addon.js';
import { SidecarError } from './errors.js';
import type { Region } from './region.js';
import { pause } from './waiting.js';

/** Runs a callback for the upcall slot at byte offset `slot` of the region: reads its arguments, writes its result. */
export type Handler<C> = (ch: C, slot: number) => void;

export class Upcalls<C> {
  readonly #handlers = new Map<number, Handler<C>>();
  #next = 0;
  readonly #free: number[] = [];
  #seen = 0;
  /** The upcall slot whose handler runs now (-1: none). */
  #running = -1;
  #error: unknown = null;
  #errorAt = -1;

  constructor(
    private readonly region: Region,
    /** Byte offset of the channel in the region. */
    private readonly offset: number,
    private readonly addon: ChannelAddon,
    private readonly channel: C,
    /** Whether a sidecar serves the channel (a copy waits no longer once it is gone). */
    private readonly alive: () => boolean,
  ) {}

  /** Handlers registered now. */
  get size(): number {
    return this.#handlers.size;
  }

  /** True while a handler runs. */
  get running(): boolean {
    return this.#running >= 0;
  }

  /** Registers a handler: the number of the sidecar's thunk that runs it. */
  add(handler: Handler<C>): number {
    const id = this.#free.pop() ?? (this.#next < THUNK_COUNT ? this.#next++ : -1);
    if (id < 0) throw new SidecarError(`more than ${THUNK_COUNT} callbacks at once: release some`);
    this.#handlers.set(id, handler);
    return id;
  }

  remove(id: number): void {
    if (this.#handlers.delete(id)) this.#free.push(id);
  }

  /**
   * Runs the handlers sidecar threads have posted since the last look;
   * whether there were any. `inFlight`: the request running now (-1: none),
   * which a handler's error is kept for.
   */
  serve(inFlight: number): boolean {
    const i32 = this.region.i32;
    const count = Atomics.load(i32, (this.offset + CONTROL.upcallCount) >> 2);
    if (count === this.#seen) return false;
    this.#seen = count;
    for (let j = 0; j < UPCALL_SLOTS; j++) {
      const s = this.offset + CONTROL.upcalls + j * UPCALL_SIZE;
      if (Atomics.load(i32, s >> 2) !== UPCALL_STATE.posted) continue;
      const h = this.#handlers.get(i32[(s + UPCALL.callback) >> 2] as number);
      let state: number = UPCALL_STATE.answered;
      this.#running = s;
      try {
        if (!h) throw new SidecarError('a released callback was called');
        h(this.channel, s);
      } catch (e) {
        state = UPCALL_STATE.failed;
        // The call in flight (if any) rejects with it when it completes.
        if (this.#error === null && inFlight >= 0) {
          this.#error = e;
          this.#errorAt = inFlight;
        }
      } finally {
        this.#running = -1;
      }
      Atomics.store(i32, s >> 2, state); // a full fence before reading its sleep flag
      if (Atomics.load(i32, (s + UPCALL.sleeping) >> 2) !== 0) this.addon.futexWake(this.region.address + s, 1);
    }
    return true;
  }

  /** Whether a handler threw while request n ran. */
  failed(n: number): boolean {
    return this.#errorAt === n;
  }

  /** The error a handler threw while request n ran, once (null: none). */
  takeError(n: number): unknown {
    if (this.#errorAt !== n) return null;
    const e = this.#error;
    this.#error = null;
    this.#errorAt = -1;
    return e;
  }

  /**
   * While a handler runs: `len` bytes at sidecar address `src`, copied by
   * the thread waiting for it (null when no handler runs); it stops short
   * where the memory is unreadable.
   */
  read(src: bigint, len: number): Uint8Array | null {
    if (this.#running < 0) return null;
    const arena = this.region.arena;
    const off = arena.alloc(Math.max(len, 1), 16);
    try {
      const got = this.#copy(this.#running, src, len, off);
      if (got < 0)
        throw new RangeError(`cannot read ${len} bytes at 0x${src.toString(16)} in the sidecar (errno ${-got})`);
      return this.region.u8.slice(off, off + got);
    } finally {
      arena.free(off);
    }
  }

  /**
   * While a handler runs in upcall slot `s`: has the waiting thunk copy
   * `len` bytes from sidecar address `src` to region offset `dst` (pwrite on
   * the region's descriptor, so an unreadable address fails with -EFAULT).
   * Returns the bytes copied or -errno.
   */
  #copy(s: number, src: bigint, len: number, dst: number): number {
    const { i32, u64, i64 } = this.region;
    u64[(s + UPCALL.args) >> 3] = src;
    u64[(s + UPCALL.args + 8) >> 3] = BigInt(len);
    u64[(s + UPCALL.args + 16) >> 3] = BigInt(dst);
    Atomics.store(i32, s >> 2, UPCALL_STATE.copy);
    this.addon.futexWake(this.region.address + s, 1);
    const t0 = clock.now();
    let k = 0;
    while (Atomics.load(i32, s >> 2) === UPCALL_STATE.copy) {
      pause();
      if ((++k & 1023) === 0 && (!this.alive() || clock.now() - t0 > 10_000)) {
        throw new SidecarError('the sidecar did not copy memory for the callback');
      }
    }
    return Number(i64[(s + UPCALL.args + 24) >> 3]);
  }
}
