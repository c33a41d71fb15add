/**
 * A Pool: several sidecars over one shared region, one channel each. Work
 * given to the pool runs on whichever member is free (first come, first
 * served); `each` runs on all. Every member maps the same region, so a
 * buffer allocated through the pool is the same bytes in every member and
 * in the host: members compute on shared matrices without copies.
 *
 * Members restart by themselves when they crash (a restart policy, see
 * supervisor.ts); the crashed member's work in flight rejects with the
 * sidecar's error, the others go on, and the region is untouched. A member
 * whose policy gives up is no longer given work; when none is left, work
 * rejects with the RestartLimitError.
 */

import { EventEmitter } from 'node:events';
import os from 'node:os';
import { loadChannelAddon } from './addon.js';
import type { Executor } from './call.js';
import type { Channel } from './channel.js';
import { SidecarError } from './errors.js';
import { loadJailFor } from './jailing.js';
import { Library } from './library.js';
import type { RegionArray } from './marshal.js';
import { shown } from './options.js';
import { Region } from './region.js';
import { checkStartOptions, type RegionArrayOf, Sidecar, type StartOptions } from './sidecar.js';
import type { StructType } from './structs.js';

export interface PoolOptions extends StartOptions {
  /** How many sidecars (default: one per logical CPU). */
  size?: number;
}

/** The most members a pool may have (each is a process with its own channel). */
export const MAX_POOL = 256;

interface Waiter {
  resolve: (member: number) => void;
  reject: (e: Error) => void;
}

export class Pool extends EventEmitter implements Executor {
  /** The members, by index; the same objects for the life of the pool (a crashed member restarts in place). */
  readonly members: readonly Sidecar[];
  readonly region: Region;
  /** Tasks running on each member (0 or 1). */
  readonly #busy: number[];
  readonly #waiting: Waiter[] = [];
  #stopped = false;
  #next = 0;
  readonly #libraries = new Map<string, Library>();
  readonly timeoutMs: number;

  private constructor(region: Region, members: Sidecar[]) {
    super();
    this.region = region;
    this.members = members;
    this.#busy = members.map(() => 0);
    this.timeoutMs = (members[0] as Sidecar).timeoutMs;
    members.forEach((m, i) => {
      m.on('exit', (info) => this.emit('exit', i, info));
      m.on('restart', () => {
        this.emit('restart', i);
        this.#pump();
      });
      m.on('giveup', (e: Error) => {
        this.emit('giveup', i, e);
        this.#pump();
      });
    });
  }

  /** Starts `size` sidecars (default one per CPU) over one region and waits until all answer. */
  static async start(opts: PoolOptions = {}): Promise<Pool> {
    const { size: n = os.availableParallelism?.() ?? os.cpus().length, ...rest } = opts ?? {};
    if (!Number.isInteger(n) || n < 1 || n > MAX_POOL) {
      throw new RangeError(`Pool.start: size must be an integer from 1 to ${MAX_POOL}, got ${shown(n)}`);
    }
    await loadJailFor(rest);
    const size = checkStartOptions(rest, 'Pool.start', n);
    // Members always have a policy: without one a crashed member would never be given work again.
    const memberOpts: StartOptions = {
      ...rest,
      restart: rest.restart === false ? { intensity: 0 } : (rest.restart ?? true),
    };
    delete memberOpts.memory;
    await loadChannelAddon();
    const region = Region.create(size, n);
    const started = await Promise.allSettled(
      Array.from({ length: n }, (_, i) => Sidecar.startMember(region, i, memberOpts)),
    );
    const members = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) {
      await Promise.allSettled(members.map((m) => m.stop()));
      region.close();
      throw failed.reason;
    }
    return new Pool(region, members);
  }

  get size(): number {
    return this.members.length;
  }

  /** How many tasks wait for a free member. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Runs `fn` with a free member (waiting for one if all are busy) and
   * resolves to what it returns. The member is busy until `fn`'s promise
   * settles.
   */
  async run<T>(fn: (sc: Sidecar, index: number) => T | Promise<T>): Promise<T> {
    if (typeof fn !== 'function') throw new TypeError(`pool.run: expected a function (sc) => ..., got ${shown(fn)}`);
    const i = await this.#acquire();
    try {
      return await fn(this.members[i] as Sidecar, i);
    } finally {
      this.#release(i);
    }
  }

  /** Runs `fn` on every member at once (not waiting for them to be free); the results by member. */
  async each<T>(fn: (sc: Sidecar, index: number) => T | Promise<T>): Promise<T[]> {
    if (typeof fn !== 'function') throw new TypeError(`pool.each: expected a function (sc) => ..., got ${shown(fn)}`);
    if (this.#stopped) throw new SidecarError('pool.each: this pool was stopped');
    return Promise.all(this.members.map(async (m, i) => fn(m, i)));
  }

  /**
   * The channel of the member with the fewest requests in flight (ties in
   * turn): where a call of a pool's library goes. Members that are down are
   * passed over while any is up.
   */
  channel(): Channel {
    let best = -1;
    let least = Number.POSITIVE_INFINITY;
    const n = this.members.length;
    for (let k = 0; k < n; k++) {
      const i = (this.#next + k) % n;
      const m = this.members[i] as Sidecar;
      if (!m.running || !this.#usable(i)) continue;
      const load = m.channel().inFlight + (this.#busy[i] as number);
      if (load < least) {
        least = load;
        best = i;
      }
    }
    if (best < 0) best = this.#next % n; // none is up: its calls reject with why
    this.#next = best + 1;
    return (this.members[best] as Sidecar).channel();
  }

  /**
   * A library opened in every member; its functions run on the least busy
   * member (`const m = await pool.library('m'); await m.func('cos')(1)`).
   */
  async library(name: string): Promise<Library> {
    const cached = this.#libraries.get(name);
    if (cached) return cached;
    const opened = await this.each((sc) => sc.library(name));
    const first = opened[0] as Library;
    const lib = new Library(this, name, first.soname, first.prototypes);
    this.#libraries.set(name, lib);
    return lib;
  }

  /** A zeroed typed array in the shared region: the same bytes in every member. */
  alloc<T extends keyof RegionArrayOf>(type: T, count: number): RegionArrayOf[T];
  alloc(type: StructType, count?: number): Uint8Array;
  alloc(type: string, count: number): RegionArray;
  alloc(type: string | StructType, count?: number): RegionArray {
    return (this.members[0] as Sidecar).alloc(type as string, count as number);
  }

  /** Returns an `alloc`ed array's memory to the region. */
  free(view: ArrayBufferView): void {
    (this.members[0] as Sidecar).free(view);
  }

  /** The address of a view of the region, the same in the host and in every member. */
  address(view: ArrayBufferView): bigint {
    return (this.members[0] as Sidecar).address(view);
  }

  /** Stops every member (work waiting rejects) and closes the region; buffers stay readable. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const w of this.#waiting.splice(0)) w.reject(new SidecarError('this pool was stopped'));
    await Promise.allSettled(this.members.map((m) => m.stop()));
    this.region.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  #usable(i: number): boolean {
    const m = this.members[i] as Sidecar;
    return m.gaveUp === null;
  }

  #acquire(): Promise<number> {
    if (this.#stopped) return Promise.reject(new SidecarError('this pool was stopped'));
    const i = this.#free();
    if (i >= 0) {
      this.#busy[i] = 1;
      return Promise.resolve(i);
    }
    const lost = this.#allLost();
    if (lost) return Promise.reject(lost);
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** A free running member, or -1 (one that is restarting is given work when it is back: 'restart'). */
  #free(): number {
    for (let i = 0; i < this.members.length; i++) {
      if (!this.#busy[i] && this.#usable(i) && (this.members[i] as Sidecar).running) return i;
    }
    return -1;
  }

  /** When every member has given up: the error work rejects with. */
  #allLost(): Error | null {
    if (this.members.some((_, i) => this.#usable(i))) return null;
    return (this.members[0] as Sidecar).gaveUp;
  }

  #release(i: number): void {
    this.#busy[i] = 0;
    this.#pump();
  }

  #pump(): void {
    while (this.#waiting.length > 0) {
      const lost = this.#allLost();
      if (lost) {
        for (const w of this.#waiting.splice(0)) w.reject(lost);
        return;
      }
      const i = this.#free();
      if (i < 0) return;
      this.#busy[i] = 1;
      (this.#waiting.shift() as Waiter).resolve(i);
    }
  }
}
