/**
 * Requests waiting for room in the ring, kept in parallel arrays so that
 * queueing one allocates no object (10k calls in flight put most of them here).
 * An entry is either a call (op, args, settle function, deadline, signal) or
 * a batch (op set to the batch, the rest empty).
 */

import type { Settle } from './settle.js';

export class RequestQueue<O, B> {
  #op: (O | B | undefined)[] = [];
  #args: (readonly unknown[] | undefined)[] = [];
  #settle: (Settle | undefined)[] = [];
  #timeout: number[] = [];
  #signal: (AbortSignal | undefined)[] = [];
  #head = 0;

  get length(): number {
    return this.#op.length - this.#head;
  }

  push(
    op: O | B,
    args: readonly unknown[] | undefined,
    settle: Settle | undefined,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): void {
    this.#op.push(op);
    this.#args.push(args);
    this.#settle.push(settle);
    this.#timeout.push(timeoutMs);
    this.#signal.push(signal);
  }

  get op(): O | B {
    return this.#op[this.#head] as O | B;
  }
  get args(): readonly unknown[] {
    return this.#args[this.#head] as readonly unknown[];
  }
  get settle(): Settle {
    return this.#settle[this.#head] as Settle;
  }
  get timeoutMs(): number {
    return this.#timeout[this.#head] as number;
  }
  get signal(): AbortSignal | undefined {
    return this.#signal[this.#head];
  }

  /** Drops the front entry. */
  shift(): void {
    const h = this.#head;
    this.#op[h] = undefined;
    this.#args[h] = undefined;
    this.#settle[h] = undefined;
    this.#signal[h] = undefined;
    this.#head = h + 1;
    if (this.#head === this.#op.length) this.#clear();
    else if (this.#head > 4096 && this.#head * 2 > this.#op.length) this.#compact();
  }

  /** Every entry's op and settle function, oldest first; the queue is emptied. */
  takeAll(): [O | B, Settle | undefined][] {
    const out: [O | B, Settle | undefined][] = [];
    for (let i = this.#head; i < this.#op.length; i++) out.push([this.#op[i] as O | B, this.#settle[i]]);
    this.#clear();
    return out;
  }

  #clear(): void {
    this.#op = [];
    this.#args = [];
    this.#settle = [];
    this.#timeout = [];
    this.#signal = [];
    this.#head = 0;
  }

  #compact(): void {
    const h = this.#head;
    this.#op = this.#op.slice(h);
    this.#args = this.#args.slice(h);
    this.#settle = this.#settle.slice(h);
    this.#timeout = this.#timeout.slice(h);
    this.#signal = this.#signal.slice(h);
    this.#head = 0;
  }
}
