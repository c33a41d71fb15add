/**
 * A value that lives in one sidecar and must be made again in the next: a
 * dlopen handle, a symbol's address, a loaded image's base, a trampoline.
 * `PerGeneration` keeps one per channel, tagged with the channel's
 * generation, and resolves it again (once, however many callers ask at the
 * same time) when a restart has made it void. This is the one place that
 * knows how "resolve again after a restart" works.
 */

import type { Channel } from './channel.js';

interface Entry<T> {
  gen: number;
  value: T | undefined;
  pending: Promise<T> | null;
}

export class PerGeneration<T> {
  readonly #entries = new WeakMap<Channel, Entry<T>>();
  readonly #make: (ch: Channel) => Promise<T>;
  readonly #makeSync: (ch: Channel) => T;

  constructor(make: (ch: Channel) => Promise<T>, makeSync: (ch: Channel) => T) {
    this.#make = make;
    this.#makeSync = makeSync;
  }

  /** The value for `ch`'s current generation, if it is already made. */
  peek(ch: Channel): T | undefined {
    const e = this.#entries.get(ch);
    return e && e.gen === ch.generation && e.pending === null ? e.value : undefined;
  }

  /** The value for `ch`'s current generation, made if needed. */
  get(ch: Channel): Promise<T> {
    const gen = ch.generation;
    const e = this.#entries.get(ch);
    if (e && e.gen === gen) return e.pending ?? Promise.resolve(e.value as T);
    const entry: Entry<T> = { gen, value: undefined, pending: null };
    entry.pending = this.#make(ch).then(
      (v) => {
        entry.value = v;
        entry.pending = null;
        return v;
      },
      (err) => {
        if (this.#entries.get(ch) === entry) this.#entries.delete(ch);
        throw err;
      },
    );
    this.#entries.set(ch, entry);
    return entry.pending;
  }

  /** The same, blocking (made with the channel's synchronous requests). */
  getSync(ch: Channel): T {
    const e = this.#entries.get(ch);
    if (e && e.gen === ch.generation && e.pending === null) return e.value as T;
    const gen = ch.generation;
    const value = this.#makeSync(ch);
    this.#entries.set(ch, { gen, value, pending: null });
    return value;
  }

  /** Drops the value of `ch`, returning it if it belongs to its current generation (to release it). */
  forget(ch: Channel): T | undefined {
    const v = this.peek(ch);
    this.#entries.delete(ch);
    return v;
  }
}
