/**
 * The Linux x86-64 system interface the generated code uses: system call
 * numbers and flag values, named once for every generator.
 */

export const SYS = {
  close: 3,
  rt_sigprocmask: 14,
  dup2: 33,
  clone: 56,
  execve: 59,
  exit: 60,
  wait4: 61,
  mmap: 9,
  mprotect: 10,
  munmap: 11,
  write: 1,
  pwrite64: 18,
  mincore: 27,
  fcntl: 72,
  ftruncate: 77,
  futex: 202,
  waitid: 247,
  pipe2: 293,
  memfd_create: 319,
} as const;

export const PROT_RW = 3;
export const PROT_RX = 5;
export const MAP_SHARED = 1;
export const MAP_PRIVATE = 2;
export const MAP_ANONYMOUS = 0x20;
export const MAP_NORESERVE = 0x4000;
export const MAP_FIXED_NOREPLACE = 0x100000;
export const FUTEX_WAIT = 0;
export const FUTEX_WAKE = 1;
export const O_CLOEXEC = 0x80000;
export const F_SETFD = 2;
export const F_DUPFD_CLOEXEC = 1030;
export const SIG_SETMASK = 2;
export const SIGCHLD = 17;
export const CLONE_VM = 0x100;
export const CLONE_VFORK = 0x4000;
export const FD_CLOEXEC = 1;
export const F_ADD_SEALS = 1033;
export const F_SEAL_SEAL = 1;
export const F_SEAL_SHRINK = 2;
export const F_SEAL_GROW = 4;
export const MFD_CLOEXEC = 1;
export const MFD_ALLOW_SEALING = 2;
export const P_PID = 1;
export const WNOHANG = 1;
export const WEXITED = 4;
export const WNOWAIT = 0x01000000;
export const PR_SET_PDEATHSIG = 1;
export const SIGKILL = 9;
/** errno: a bad address handed to a system call (what pwrite says of an unreadable source). */
export const EFAULT = 14;
