/**
 * Requests waiting for room in the ring, kept in parallel arrays so that
 * queueing one allocates no object (10k calls in flight put most of them here).
 * An entry is either a call (op, args, settle functions, deadline, signal) or
 * a batch (op set to the batch, the rest empty).
 */
export class RequestQueue<O, B> {
  #op: (O | B | undefined)[] = [];
  #args: (readonly unknown[] | undefined)[] = [];
  #resolve: (((v: unknown) => void) | undefined)[] = [];
  #reject: (((e: unknown) => void) | undefined)[] = [];
  #timeout: number[] = [];
  #signal: (AbortSignal | undefined)[] = [];
  #head = 0;

  get length(): number {
    return this.#op.length - this.#head;
  }

  push(
    op: O | B,
    args: readonly unknown[] | undefined,
    resolve: ((v: unknown) => void) | undefined,
    reject: ((e: unknown) => void) | undefined,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): void {
    this.#op.push(op);
    this.#args.push(args);
    this.#resolve.push(resolve);
    this.#reject.push(reject);
    this.#timeout.push(timeoutMs);
    this.#signal.push(signal);
  }

  get op(): O | B {
    return this.#op[this.#head] as O | B;
  }
  get args(): readonly unknown[] {
    return this.#args[this.#head] as readonly unknown[];
  }
  get resolve(): (v: unknown) => void {
    return this.#resolve[this.#head] as (v: unknown) => void;
  }
  get reject(): (e: unknown) => void {
    return this.#reject[this.#head] as (e: unknown) => void;
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
    this.#resolve[h] = undefined;
    this.#reject[h] = undefined;
    this.#signal[h] = undefined;
    this.#head = h + 1;
    if (this.#head === this.#op.length) this.#clear();
    else if (this.#head > 4096 && this.#head * 2 > this.#op.length) this.#compact();
  }

  /** Every entry's op and reject, oldest first; the queue is emptied. */
  takeAll(): [O | B, ((e: unknown) => void) | undefined][] {
    const out: [O | B, ((e: unknown) => void) | undefined][] = [];
    for (let i = this.#head; i < this.#op.length; i++) out.push([this.#op[i] as O | B, this.#reject[i]]);
    this.#clear();
    return out;
  }

  #clear(): void {
    this.#op = [];
    this.#args = [];
    this.#resolve = [];
    this.#reject = [];
    this.#timeout = [];
    this.#signal = [];
    this.#head = 0;
  }

  #compact(): void {
    const h = this.#head;
    this.#op = this.#op.slice(h);
    this.#args = this.#args.slice(h);
    this.#resolve = this.#resolve.slice(h);
    this.#reject = this.#reject.slice(h);
    this.#timeout = this.#timeout.slice(h);
    this.#signal = this.#signal.slice(h);
    this.#head = 0;
  }
}
