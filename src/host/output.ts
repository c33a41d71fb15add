/**
 * A sidecar's output stream (its fd 5: what the Forth or Python in it
 * prints), read on the event loop by a watch of the channel addon, whether
 * or not anyone listens: a full pipe would block the sidecar. What arrives
 * before the first listener is kept for it (the last HELD_LIMIT bytes or
 * so; older chunks are dropped). The process drains it when
 * the sidecar ends, so what it printed last reaches the listeners before
 * its exit is reported.
 */

import { WATCH_KIND } from '../native/addon-api.js';
import { channelAddon } from './addon.js';

/** What the host hands the sessions that read a sidecar's output. */
export interface SidecarOutput {
  /** Calls `listener` with each chunk the sidecar prints, in order, from now on (and with what was kept for it). */
  onOutput(listener: (bytes: Buffer) => void): void;
  /** The output is awaited: keep the event loop alive while the sidecar runs. */
  ref(): void;
  /** Nothing waits for output: the event loop may end. */
  unref(): void;
}

/** Bytes kept for a listener that comes late (the newest whole chunks that fit). */
const HELD_LIMIT = 1 << 20;

export class OutputStream implements SidecarOutput {
  #watch: number;
  #ended = false;
  readonly #listeners: ((bytes: Buffer) => void)[] = [];
  #held: Buffer[] = [];
  #heldBytes = 0;
  #flushing = false;

  /** Watches `fd` (the read end of the output pipe, which it now owns). */
  constructor(fd: number) {
    const addon = channelAddon();
    const w = addon.watch(fd, WATCH_KIND.output, (got) => this.#got(got));
    if (w < 0) {
      addon.close(fd);
      throw new Error(`cannot watch the sidecar's output (errno ${-w})`);
    }
    this.#watch = w;
  }

  onOutput(listener: (bytes: Buffer) => void): void {
    this.#listeners.push(listener);
    if (this.#held.length > 0 && !this.#flushing) {
      // As a stream resumes: the kept bytes come after the caller has set up.
      this.#flushing = true;
      queueMicrotask(() => this.#flush());
    }
  }

  ref(): void {
    if (this.#watch) channelAddon().ref(this.#watch);
  }

  unref(): void {
    if (this.#watch) channelAddon().unref(this.#watch);
  }

  /** Reads what the pipe holds now (the sidecar has ended: nothing more is on its way). */
  drain(): void {
    const addon = channelAddon();
    while (this.#watch && !this.#ended) {
      const got = addon.read(this.#watch);
      if (got === -11 || got === -4) return;
      this.#got(got);
    }
  }

  /** No more output from this stream: stops watching and closes the pipe. */
  close(): void {
    if (!this.#watch) return;
    channelAddon().unwatch(this.#watch);
    this.#watch = 0;
    this.#ended = true;
  }

  #got(got: Buffer | number): void {
    if (typeof got === 'number') {
      // End-of-file or an error: the watch has stopped polling; free it.
      this.#ended = true;
      this.close();
      return;
    }
    if (this.#listeners.length === 0 || this.#flushing) {
      this.#held.push(got);
      this.#heldBytes += got.length;
      while (this.#heldBytes > HELD_LIMIT && this.#held.length > 1)
        this.#heldBytes -= (this.#held.shift() as Buffer).length;
      return;
    }
    for (const l of this.#listeners) l(got);
  }

  #flush(): void {
    const held = this.#held;
    this.#held = [];
    this.#heldBytes = 0;
    this.#flushing = false;
    for (const b of held) for (const l of this.#listeners) l(b);
  }
}
