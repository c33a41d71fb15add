/**
 * A batch in flight: many requests of one kind (`f.batch(lists)`), sent
 * in runs of ring slots as room allows and settled together by one
 * promise. The channel fills and drains it; this is its bookkeeping.
 */

/** A batch of calls of one function: submitted in runs of slots, settled by one promise. */
/** `R` is the channel's request type (kept generic so this file needs nothing of the channel). */
export class BatchRun<R> {
  next = 0;
  done = 0;
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
  fail(e: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.next = this.count;
    this.reject(e);
  }
}
