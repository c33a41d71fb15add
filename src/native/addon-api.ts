/**
 * The channel addon's interface, apart from its generator: what the host
 * calls (as `process.dlopen` returns it) and the block `spawn` reads. The
 * host imports this file, not the generator (which pulls in the assembler).
 */

/** The addon's JavaScript interface, as `process.dlopen` returns it. */
export interface ChannelAddon {
  /** [fd, address, buffer] or -errno. */
  createRegion(size: number, hint: number): [number, number, ArrayBuffer] | number;
  /** 0 when woken, -11 when the word no longer held `expected`, -110 on timeout, else -errno. */
  futexWait(address: number, expected: number, timeoutNs: number): number;
  futexWake(address: number, count: number): number;
  pipe(): [number, number] | number;
  close(fd: number): number;
  /** 0 running, 512 + exit status, 256 + signal number, or -errno; `reap` collects the child. */
  exited(pid: number, reap: number): number;
  /** Starts a process described by the SPAWN_BLOCK at `block` (an address in the region): its pid, or -errno. */
  spawn(block: number): number;
  /**
   * Polls `fd` (which the watch then owns) on this thread's event loop without
   * holding the loop alive: `fn` gets the bytes read (kind 0, a count; kind 1,
   * a Buffer), then 0 at end-of-file or -errno, after which polling has stopped.
   * The watch's address, or -errno.
   */
  watch(fd: number, kind: WatchKind, fn: (got: number | Buffer) => void): number;
  /** Stops polling, closes the descriptor, frees the watch. */
  unwatch(watch: number): number;
  ref(watch: number): number;
  unref(watch: number): number;
  /** What the descriptor has now: bytes, 0 at end-of-file, -11 if nothing yet, else -errno. */
  read(watch: number): Buffer | number;
}

/** What a watch hands its function: 0, a count (the doorbell); 1, the bytes (the output). */
export const WATCH_KIND = { bell: 0, output: 1 } as const;
export type WatchKind = (typeof WATCH_KIND)[keyof typeof WATCH_KIND];

/**
 * What `spawn` reads: pointers to the path and to NULL-terminated argv and
 * envp arrays, and the six descriptors the child gets as its 0..5.
 */
export const SPAWN_BLOCK = {
  path: 0, // u64
  argv: 8, // u64
  envp: 16, // u64
  fds: 24, // i32 × 6
  /** Written by the child when execve fails: -errno. */
  error: 48, // i32
  size: 64,
} as const;
