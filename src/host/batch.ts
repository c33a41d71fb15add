/**
 * A batch in flight: many requests of one kind (`f.batch(lists)`), sent
 * in runs of ring slots as room allows and settled together by one
 * promise. The channel fills and drains it; this is its bookkeeping.
 *
 * A batch's slots are consecutive requests: list k is request `start + k`.
 * (Once a batch has begun, every later request queues behind it until all
 * of it is sent.) So the channel marks a batch's slots with one byte each
 * and finds the batch by its range, and a drain settles a whole run of a
 * batch's completions at once.
 */

/** `R` is the channel's request type (kept generic so this file needs nothing of the channel). */
export class BatchRun<R> {
  /** The request number of list 0 (-1 until the first list is sent). */
  start = -1;
  /** Lists written into slots so far. */
  sent = 0;
  /** Lists completed so far. */
  done = 0;
  /** Slots of this batch that carry rare state (temporaries, callbacks, records): a drain then goes slot by slot. */
  rare = 0;
  failed = false;
  readonly count: number;
  readonly out: unknown[];
  constructor(
    readonly req: R,
    readonly lists: readonly (readonly unknown[])[],
    readonly resolve: (v: unknown[]) => void,
    readonly reject: (e: unknown) => void,
    readonly deadline: number,
    readonly timeoutMs: number,
  ) {
    this.count = lists.length;
    this.out = new Array(lists.length).fill(undefined);
  }
  /** Whether request n is one of this batch's sent lists. */
  holds(n: number): boolean {
    return this.start >= 0 && n >= this.start && n < this.start + this.sent;
  }
  /** Every sent list has completed and no more will be sent. */
  get finished(): boolean {
    return this.done === this.sent && (this.failed || this.sent === this.count);
  }
  fail(e: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.reject(e);
  }
}
