/**
 * The arena allocator: hands out ranges of the shared region's arena to
 * `sc.alloc`, argument strings and code being loaded. First fit over an
 * address-ordered free list, coalescing on free. Its bookkeeping lives in
 * the host only, so a sidecar can never corrupt it.
 */

export class OutOfMemoryError extends RangeError {
  override name = 'OutOfMemoryError';
}

export class Arena {
  /** Free blocks as [offset, size], sorted by offset, never adjacent. */
  #free: [number, number][];
  #used = new Map<number, number>();
  constructor(start: number, size: number) {
    this.#free = [[start, size]];
  }

  /** Allocates `size` bytes aligned to `align` (a power of two); returns the region offset. */
  alloc(size: number, align = 16): number {
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`invalid allocation size ${size}`);
    const n = Math.max(16, Math.ceil(size / 16) * 16);
    for (let i = 0; i < this.#free.length; i++) {
      const [off, len] = this.#free[i] as [number, number];
      const at = Math.ceil(off / align) * align;
      const pad = at - off;
      if (pad + n > len) continue;
      const rest = len - pad - n;
      const repl: [number, number][] = [];
      if (pad > 0) repl.push([off, pad]);
      if (rest > 0) repl.push([at + n, rest]);
      this.#free.splice(i, 1, ...repl);
      this.#used.set(at, n);
      return at;
    }
    throw new OutOfMemoryError(`shared region exhausted: no ${size} free bytes (start the sidecar with more memory)`);
  }

  /** Releases a block returned by alloc. */
  free(offset: number): void {
    const n = this.#used.get(offset);
    if (n === undefined) throw new RangeError(`offset ${offset} is not an allocated block`);
    this.#used.delete(offset);
    const f = this.#free;
    let lo = 0;
    let hi = f.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((f[mid] as [number, number])[0] < offset) lo = mid + 1;
      else hi = mid;
    }
    f.splice(lo, 0, [offset, n]);
    // Merge with the next, then with the previous.
    const cur = f[lo] as [number, number];
    const next = f[lo + 1];
    if (next && cur[0] + cur[1] === next[0]) {
      cur[1] += next[1];
      f.splice(lo + 1, 1);
    }
    const prev = f[lo - 1];
    if (prev && prev[0] + prev[1] === cur[0]) {
      prev[1] += cur[1];
      f.splice(lo, 1);
    }
  }

  /** Size of the block at `offset`, or undefined if it is not allocated. */
  sizeOf(offset: number): number | undefined {
    return this.#used.get(offset);
  }
}
