/**
 * The shared region's layout: one memfd, mapped at the same address in the
 * host and in every sidecar that serves it, so a pointer into it means the
 * same thing on all sides. The host's TypeScript and the sidecar's generated
 * machine code both read these numbers, so they cannot drift apart.
 *
 *   0              region header (one page, written only by the host)
 *   CHANNEL_BASE   channel 0, channel 1, ... (CHANNEL_SIZE bytes each)
 *   arenaOffset    the arena: user buffers, code being loaded, strings
 *
 * A region holds one channel per sidecar that serves it: a `Sidecar` has
 * one, a `Pool` of n members has n, all over the same arena, so the members
 * compute on the same buffers without copies. A channel is:
 *
 *   +0             control page: each side's hot words on its own cache line
 *   +CALLS_OFFSET  call table: CALL_SLOTS entries of { trampoline, target }
 *   +RING_OFFSET   ring: RING_SLOTS slots of SLOT_SIZE bytes
 *   +ARGS_OFFSET   argument records for calls with more than INLINE_WORDS words
 *
 * A slot carries one request: its state word, then the function (an index
 * into the call table, or a request code below FIRST_CALL), then three
 * eightbytes of arguments. The host writes the slot and then the state
 * 2n+1 to submit request number n (slot n mod RING_SLOTS); the sidecar runs
 * it, writes the results over the first two argument words, and then the
 * channel's completion count n+1. Requests complete in order, so the count
 * alone says which slots are done.
 */

export const MAGIC = 0x52414353; // 'SCAR'
export const VERSION = 2;

export const PAGE = 4096;

/** Region header fields (byte offsets). The host writes them at creation and again before every (re)start. */
export const REGION = {
  magic: 0, // u32
  version: 4, // u32
  size: 8, // u64: region size
  address: 16, // u64: where the host mapped it (the sidecar maps it there too)
  hostPid: 24, // u32
  channels: 28, // u32: how many channels follow the header
  arenaOffset: 32, // u64
} as const;

/** The first channel's offset. */
export const CHANNEL_BASE = PAGE;

/** Channel control page fields (byte offsets from the channel's start). */
export const CONTROL = {
  /** Written by the sidecar when it is up. */
  sidecarPid: 0, // u32
  /** Sidecar's sleep flag: 1 while it waits on sqBell. Written only by the sidecar. */
  sqSleep: 64, // u32
  /** Bumped by the host when it wakes a sleeping sidecar; the sidecar's futex word. */
  sqBell: 68, // u32
  /** Host's sleep flag: 1 while a synchronous caller waits on cqCount. Written only by the host. */
  cqSleep: 128, // u32
  /** Requests completed so far (wrapping); the host's futex word. Written only by the sidecar. */
  cqCount: 192, // u32
  /** Host asks for a doorbell byte on the pipe when the current batch is done; the sidecar takes it. */
  bellArmed: 256, // u32
  /** Sidecar spin budget in TSC ticks (0 = never spin); the sidecar clamps it to MAX_SPIN_TICKS. */
  spinTicks: 320, // u64
  /** Written only by the host, atomically: the full fence before it reads sqSleep. */
  hostFence: 384, // u32
  /** Upcalls (sidecar → host, for callbacks): see UPCALL. */
  upcallCount: 448, // u32: upcalls posted (wrapping), written by sidecar threads (lock xadd)
  upcallServed: 452, // u32: upcalls the host has taken, written by the host
  /** Where the sidecar's callback thunks start (u64, written by the sidecar at start): thunk k is THUNK_STRIDE × k further. */
  thunks: 456,
  /** Scratch for error text (dlerror), NUL-terminated. */
  errorText: 1024,
  errorTextSize: 1024,
  /** Upcall slots: UPCALL_SLOTS × UPCALL_SIZE. */
  upcalls: 2048,
} as const;

/** Slot fields (byte offsets within a slot). */
export const SLOT = {
  state: 0, // u32
  /** A request code (< FIRST_CALL) or an index into the call table; after a call through an errno-capturing trampoline, the errno it left. */
  fn: 4, // u32
  /** Argument words; results are written over a0 and a1 (rax, xmm0) and, by the record trampoline, a2 (rdx or xmm1). */
  a0: 8,
  a1: 16,
  a2: 24,
} as const;

export const SLOT_SIZE = 32;
export const RING_SLOTS = 16384;
/** Argument words that fit in the slot; longer argument lists go in a record, and a0 points to it. */
export const INLINE_WORDS = 3;

/** Call table entries: { trampoline: u64, target: u64 }. Index 0..FIRST_CALL-1 are request codes. */
export const CALL_ENTRY_SIZE = 16;
/**
 * A call-table entry's trampoline is either the address of code loaded into
 * the sidecar, or (below BUILTIN_TRAMPOLINES) the number of one of the
 * trampolines built into the sidecar executable:
 *   - inline(classes): up to INLINE_WORDS arguments in the slot, in C order,
 *     each an integer or a vector register's (float or double); number
 *     (1 << n) - 1 + mask, where bit k of mask is set when argument k is a vector;
 *   - RECORD_TRAMPOLINE: any number of arguments, in an argument record laid
 *     out in register order (CALL_RECORD);
 *   - each of those plus ERRNO_TRAMPOLINES: the same, and it also captures
 *     errno: sets it to 0 before the call and stores what the call left
 *     over the slot's fn word (which the sidecar reads only before the call).
 */
export const BUILTIN_TRAMPOLINES = 32;
export const RECORD_TRAMPOLINE = 15;
export const ERRNO_TRAMPOLINES = 16;
/** Built-in trampolines are this many bytes apart in the executable (each fits in it: checked when it is built). */
export const TRAMPOLINE_STRIDE = 256;
/** The argument record of RECORD_TRAMPOLINE, in eightbytes from its start. */
export const CALL_RECORD = {
  /** rdi rsi rdx rcx r8 r9. */
  intRegs: 0,
  /** xmm0 … xmm7 (the low four bytes for a float). */
  vecRegs: 6,
  /** How many stack words follow. */
  stackCount: 14,
  /** al at the call: vector registers used (what a variadic callee expects), in the word's low four bytes. */
  vecCount: 15,
  /** The high four bytes of the vecCount word: how the result comes back (secondInXmm1). */
  resultShape: 15.5,
  /** resultShape bit: a struct's second eightbyte is in xmm1 (both SSE), not rdx; a2 gets it. */
  secondInXmm1: 1,
  /** The stack arguments, in order. */
  stack: 16,
} as const;

/**
 * The built-in trampoline for up to INLINE_WORDS inline arguments; `vector[k]`
 * says argument k goes to a vector register; `errno`: one that captures errno.
 */
export function inlineTrampoline(vector: readonly boolean[], errno = false): number {
  if (vector.length > INLINE_WORDS) throw new RangeError('more arguments than fit in a slot');
  let mask = 0;
  vector.forEach((v, k) => {
    if (v) mask |= 1 << k;
  });
  return (1 << vector.length) - 1 + mask + (errno ? ERRNO_TRAMPOLINES : 0);
}
export const CALL_SLOTS = 2048;
export const FIRST_CALL = 16;

export const CALLS_OFFSET = PAGE;
export const RING_OFFSET = CALLS_OFFSET + CALL_SLOTS * CALL_ENTRY_SIZE;
export const ARGS_OFFSET = RING_OFFSET + RING_SLOTS * SLOT_SIZE;
/** Bytes of argument records per channel (a ring the host allocates from in order). */
export const ARGS_SIZE = 256 * 1024;
export const CHANNEL_SIZE = ARGS_OFFSET + ARGS_SIZE;

/**
 * An upcall slot: a sidecar thread (inside a call the host made, or one a
 * library started) asks the host to run a JavaScript callback.
 * The state word is UPCALL_STATE.
 */
export const UPCALL = {
  state: 0, // u32
  callback: 4, // u32: the callback's id
  /** The arguments as the thunk spilled them (eight integer and eight vector registers, then stack words). */
  args: 8,
  /** The result: rax and xmm0 (or a struct's two eightbytes). */
  result: 8 + 8 * 24,
  /** u32: 1 while the thunk sleeps on the state word (the host wakes it only then). */
  sleeping: 8 + 8 * 26,
} as const;
/** Where the thunk spills a callback's arguments, in words of UPCALL.args: integer registers, vector registers, stack words, end. */
export const UPCALL_ARG_WORDS = { int: 0, vec: 8, stack: 16, end: 24 } as const;

/** Upcall slot states. */
export const UPCALL_STATE = {
  free: 0,
  claimed: 1,
  posted: 2,
  answered: 3,
  /** The callback threw: the thunk returns zero. */
  failed: 4,
  /** The host asks the waiting thunk to copy memory (src, length, region offset in the first argument words). */
  copy: 5,
} as const;
/** Callback thunks built into the sidecar executable (src/native/thunk.ts): a callback is one of them. */
export const THUNK_COUNT = 1024;
export const THUNK_STRIDE = 16;
export const UPCALL_SIZE = 256;
export const UPCALL_SLOTS = 8;

/** Default spin budget of the sidecar before it sleeps, in TSC ticks (~20 µs at 2.5 GHz). */
export const DEFAULT_SPIN_TICKS = 50_000;
/** The most the sidecar spins whatever the header says (~4 ms at 2.5 GHz): a corrupt word cannot pin a core. */
export const MAX_SPIN_TICKS = 10_000_000;

/** File descriptors a sidecar inherits. */
export const FD = {
  region: 3,
  doorbell: 4,
  /** Output stream (sidecar → host): what the Forth or Python in it prints. */
  output: 5,
} as const;

/** Sidecar exit codes for start-up failures (distinct from the usual 0/1). */
export const EXIT_CODE = {
  badRegion: 70,
  mapFailed: 71,
  orphan: 72,
  badChannel: 73,
  /** A jailed sidecar's SIGSYS handler: the filter refused a system call (named in the control page, VIOLATION). */
  jailViolation: 74,
  /** A jailed sidecar could not apply its jail (the block's report says which step). */
  jailFailed: 75,
} as const;

/** Offset of channel `k` in its region. */
export function channelOffset(k: number): number {
  return CHANNEL_BASE + k * CHANNEL_SIZE;
}

/** Where the arena of a region with `channels` channels starts (page aligned). */
export function arenaOffset(channels: number): number {
  return channelOffset(channels);
}
