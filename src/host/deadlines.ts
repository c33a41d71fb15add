/**
 * Deadlines of requests in flight, with one timer: the channel asks to be
 * called back by the earliest deadline it holds, and the timer is moved only
 * when an earlier one arrives. Time is `clock.now()` read once per
 * tick for everything submitted in it (a deadline may be a few µs late,
 * never early).
 */

import * as clock from '../sys/clock.js';

export class DeadlineTimer {
  #timer: NodeJS.Timeout | null = null;
  #at = Number.POSITIVE_INFINITY;
  #tick = -1;
  readonly #fire: () => void;

  constructor(fire: () => void) {
    this.#fire = () => {
      this.#timer = null;
      this.#at = Number.POSITIVE_INFINITY;
      fire();
    };
  }

  /** The clock for deadlines set in this tick (read once until `newTick()`). */
  now(): number {
    if (this.#tick < 0) this.#tick = clock.now();
    return this.#tick;
  }

  /** Forgets the tick's clock reading (called when the tick's submissions are flushed). */
  newTick(): void {
    this.#tick = -1;
  }

  /** The deadline `timeoutMs` from now (Infinity for none). */
  deadline(timeoutMs: number): number {
    if (timeoutMs === Number.POSITIVE_INFINITY) return timeoutMs;
    const d = this.now() + timeoutMs;
    if (d < this.#at) this.set(d);
    return d;
  }

  /** Fires at `at` (or earlier, if already set earlier). */
  set(at: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#at = at;
    this.#timer = setTimeout(this.#fire, Math.max(0, at - clock.now()));
    this.#timer.unref();
  }

  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#at = Number.POSITIVE_INFINITY;
  }

  get armed(): boolean {
    return this.#timer !== null;
  }
}
