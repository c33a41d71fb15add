/**
 * The jail block: the policy of a jailed sidecar as data, written by the host
 * into the region's arena before every spawn (its address is argv[2]) and
 * applied by the sidecar's `main` before it serves anything: preload the
 * listed libraries, PR_SET_NO_NEW_PRIVS, the rlimits, the Landlock ruleset,
 * then the seccomp filter. The sidecar writes what it reached into the
 * block's report fields, which the host reads after the first ping (or
 * after a start-up failure, exit code EXIT_CODE.jailFailed).
 *
 *   0        header (JAIL_BLOCK)
 *   +size    the arrays the header points to, and their strings
 *
 * Masks are tables indexed by the Landlock ABI (0..LANDLOCK_ABI_MAX) so the
 * sidecar asks only for the access rights its kernel knows.
 */

export const JAIL_MAGIC = 0x4c49414a; // 'JAIL'
/** The highest Landlock ABI the mask tables describe (a newer kernel is treated as this one). */
export const LANDLOCK_ABI_MAX = 7;

export const JAIL_BLOCK = {
  magic: 0, // u32
  flags: 4, // u32: JAIL_FLAG
  preloadCount: 8, // u32
  rlimitCount: 12, // u32
  preloads: 16, // u64 address: preloadCount × u64 address of a NUL-terminated path
  rlimits: 24, // u64 address: rlimitCount × { u64 resource, u64 limit } (soft = hard)
  fsRules: 32, // u64 address: fsRuleCount × { u64 path address, u64 access rights (the newest ABI's) }
  fsRuleCount: 40, // u32
  portCount: 44, // u32
  ports: 48, // u64 address: portCount × u64 TCP port the sidecar may connect to
  filter: 56, // u64 address of the sock_filter array
  filterLength: 64, // u64: instructions
  /** u64 × 8, by ABI: handled_access_fs, handled_access_net, scoped, the ruleset attribute's size. */
  fsMask: 72,
  netMask: 136,
  scopeMask: 200,
  attrSize: 264,
  // The report, written by the sidecar.
  /** i32: the Landlock ABI the kernel answered (or -errno: unavailable). */
  landlockAbi: 328,
  /** i32: 1 when the ruleset is in force, 0 when skipped (bestEffort), -errno when a step failed. */
  landlock: 332,
  /** i32: 1 when the filter is in force, 0 when skipped (bestEffort), -errno when it failed. */
  seccomp: 336,
  /** i32: 1 when no_new_privs is set, -errno when it failed. */
  noNewPrivs: 340,
  /** i32: 1 + the index of the preload that failed (dlerror() in the control page), else 0. */
  preloadFailed: 344,
  /** i32: 1 + the index of the rlimit that failed, else 0. */
  rlimitFailed: 348,
  /** i32: 1 + the index of the filesystem rule that failed, else 0. */
  fsRuleFailed: 352,
  /** i32: the errno of the failed step (positive), else 0. */
  errno: 356,
  /** u32: the steps done so far (JAIL_STEP), for a start-up failure's message. */
  step: 360,
  /** u32: how many initialisation calls follow the Landlock ruleset (JAIL_INIT entries). */
  initCount: 364,
  /** u64 address: initCount × JAIL_INIT. */
  inits: 368,
  /** i32: 1 + the index of the initialisation that failed (its symbol missing, or a non-zero result it must not have). */
  initFailed: 376,
  size: 384,
} as const;

export const JAIL_FLAG = {
  /** Go on without Landlock or seccomp where the kernel lacks them (the report says so). */
  bestEffort: 1,
  landlock: 2,
  seccomp: 4,
  /** dlopen the preloads RTLD_GLOBAL (an interpreter whose extension modules need its symbols). */
  preloadGlobal: 8,
} as const;

/**
 * One initialisation call, made after the Landlock ruleset and before the
 * filter (so what it loads needs no system call the filter denies, and any
 * thread it starts is under Landlock already): `symbol(arg)`, found with
 * dlsym in the global scope. Python is initialised this way, and the
 * imports a jailed sidecar's user lists.
 */
export const JAIL_INIT = {
  /** u64 address of the NUL-terminated symbol name. */
  symbol: 0,
  /** u64: the argument (an integer, or the address of a string). */
  arg: 8,
  /** u64: 1 when the call must return 0 (in eax), else 0. */
  mustBeZero: 16,
  size: 24,
} as const;

/** The steps in order, as written to JAIL_BLOCK.step when each begins. */
export const JAIL_STEP = {
  preload: 1,
  noNewPrivs: 2,
  rlimits: 3,
  landlock: 4,
  seccomp: 5,
  done: 6,
  /** The initialisation calls, between the Landlock ruleset and the filter. */
  init: 7,
} as const;

/** Control-page fields a jailed sidecar's SIGSYS handler writes (offsets from the channel's start). */
export const VIOLATION = {
  /** u32: 1 + the number of the system call the filter refused (0: none). */
  syscall: 464,
  /** u32: the AUDIT_ARCH_* of the call. */
  arch: 468,
  /** u64: its first argument (clone's flags, socket's domain …). */
  arg0: 472,
  /** u64: the address of the instruction after the `syscall`. */
  address: 480,
} as const;
