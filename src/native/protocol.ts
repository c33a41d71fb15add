/**
 * The channel protocol: the layout of the shared region and the requests the
 * sidecar kernel understands. Host code (TypeScript) and the kernel (machine
 * code generated from TypeScript) both read these constants, so they cannot
 * drift apart.
 *
 * Region layout (one memfd, mapped at the same address in host and sidecar):
 *
 *   0        header page (fields below; each side's hot words on its own cache line)
 *   4096     ring: RING_SLOTS slots of SLOT_SIZE bytes
 *   ...      argument blocks: one of ARGBLOCK_SIZE bytes per slot
 *   ...      arena: code, strings, user buffers (host allocator)
 *
 * A slot carries one request and, once done, its result. Its first word is
 * the state: the host writes 2n+1 to submit request number n, the sidecar
 * writes 2n+2 when it completes. Slot i holds requests n ≡ i (mod RING_SLOTS).
 */

export const MAGIC = 0x52414353; // 'SCAR'
export const VERSION = 1;

export const HEADER_SIZE = 4096;
export const SLOT_SIZE = 64;
export const RING_SLOTS = 4096;
export const RING_OFFSET = HEADER_SIZE;
/** Per-slot argument blocks for calls with more than INLINE_ARGS arguments. */
export const ARGBLOCK_SIZE = 256;
export const ARGBLOCK_OFFSET = RING_OFFSET + RING_SLOTS * SLOT_SIZE;
export const ARENA_OFFSET = ARGBLOCK_OFFSET + RING_SLOTS * ARGBLOCK_SIZE;

/** Header fields (byte offsets). */
export const H = {
  magic: 0, // u32
  version: 4, // u32
  size: 8, // u64: region size
  address: 16, // u64: where the host mapped the region
  ringOffset: 24, // u32
  ringSlots: 28, // u32
  hostPid: 32, // u32
  sidecarPid: 36, // u32, written by the sidecar when it is up
  /** Sidecar's sleep flag: 1 while it waits on sqBell. Written only by the sidecar. */
  sqSleep: 64, // u32
  /** Bumped by the host when it wakes a sleeping sidecar; the sidecar's futex word. */
  sqBell: 68, // u32
  /** Host's sleep flag: 1 while a synchronous caller waits on cqCount. Written only by the host. */
  cqSleep: 128, // u32
  /** Completions posted so far (wrapping); the host's futex word. */
  cqCount: 132, // u32
  /** Host asks for a doorbell byte on the pipe when the current batch is done. */
  bellArmed: 192, // u32
  /** Sidecar spin budget in TSC ticks (host-tunable, 0 = never spin). */
  spinTicks: 256, // u64
  /** Written only by the host, atomically: the full fence before it reads sqSleep. */
  hostFence: 320, // u32
  /**
   * The region's resident pages that the host's releaseRegion counted back
   * into V8's external memory at stop() (0 until then); the finalizer gives
   * back the rest: size - accounted * 4096 (see the channel addon).
   */
  accounted: 324, // u32
  /** Scratch for error text (dlerror), NUL-terminated. */
  errorText: 1024,
  errorTextSize: 1024,
} as const;

/** Slot fields (byte offsets within a slot). */
export const S = {
  state: 0, // u32
  op: 4, // u32
  /** call: trampoline address; on completion: rax / result. */
  a0: 8,
  /** call: target function; on completion: xmm0 bits / errno. */
  a1: 16,
  /** call: first inline argument (up to INLINE_ARGS), or a pointer to an argument block. */
  args: 24,
} as const;

/** Arguments that fit in the slot itself; longer lists go in an arena block. */
export const INLINE_ARGS = 5;

/** Requests. */
export const OP = {
  /** a0 ← a1. */
  PING: 1,
  /** rdi = slot; call [slot.a0] (a trampoline, which calls slot.a1 and stores results). */
  CALL: 2,
  /** Load code: args[0] src, args[1] len, args[2] relocs (u32 offsets), args[3] count, args[4] exec length. a0 ← base, or 0 and a1 ← errno. */
  LOAD: 3,
  /** munmap(args[0], args[1]). */
  UNLOAD: 4,
  /** a0 ← dlopen(args[0] path or 0, args[1] flags); 0 and errorText on failure. */
  DLOPEN: 5,
  /** a0 ← dlsym(args[0] handle, args[1] name); 0 and errorText on failure. */
  DLSYM: 6,
  /** Complete, then exit(args[0]). */
  EXIT: 7,
} as const;

/** File descriptors the sidecar inherits. */
export const FD = {
  region: 3,
  doorbell: 4,
  /** Output stream for the REPL (sidecar → host). */
  output: 5,
} as const;

/** Sidecar exit codes for start-up failures (distinct from the usual 0/1). */
export const EXIT_CODE = {
  badRegion: 70,
  mapFailed: 71,
  orphan: 72,
} as const;

/** Default spin budget of the sidecar before it sleeps, in TSC ticks (~20 µs at 2.5 GHz); written into the header. */
export const DEFAULT_SPIN_TICKS = 50_000;
