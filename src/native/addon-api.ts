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
}

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
