/**
 * The Linux x86-64 system interface the generated code uses: system call
 * numbers and flag values, named once for every generator.
 */

export const SYS = {
  read: 0,
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
export const EPERM = 1;
export const ENOSYS = 38;
export const SIGSYS = 31;
export const SA_SIGINFO = 4;
export const RTLD_NOW = 2;
/** dlopen: the library's symbols resolve later libraries' references (an interpreter's extension modules). */
export const RTLD_GLOBAL = 0x100;
export const PR_SET_NO_NEW_PRIVS = 38;
export const O_PATH = 0x200000;
export const AT_FDCWD = -100;
export const CLONE_FS = 0x200;
export const CLONE_FILES = 0x400;
export const CLONE_SIGHAND = 0x800;
export const CLONE_THREAD = 0x10000;
export const CLONE_SYSVSEM = 0x40000;
export const CLONE_SETTLS = 0x80000;
export const CLONE_PARENT_SETTID = 0x100000;
export const CLONE_CHILD_CLEARTID = 0x200000;
/** rlimit resources. */
export const RLIMIT = { CPU: 0, FSIZE: 1, DATA: 2, CORE: 4, NOFILE: 7, AS: 9 } as const;
/** seccomp(2): operation, flag, and the filter's return actions. */
export const SECCOMP_SET_MODE_FILTER = 1;
export const SECCOMP_FILTER_FLAG_TSYNC = 1;
export const SECCOMP_RET = {
  killProcess: 0x80000000,
  killThread: 0,
  trap: 0x00030000,
  errno: 0x00050000,
  allow: 0x7fff0000,
} as const;
export const AUDIT_ARCH_X86_64 = 0xc000003e;
/** seccomp_data: what a filter reads (nr, arch, instruction pointer, six arguments). */
export const SECCOMP_DATA = { nr: 0, arch: 4, ip: 8, args: 16 } as const;
/** The x32 ABI's system calls have this bit set in their number. */
export const X32_SYSCALL_BIT = 0x40000000;
export const LANDLOCK_CREATE_RULESET_VERSION = 1;
export const LANDLOCK_RULE_PATH_BENEATH = 1;
export const LANDLOCK_RULE_NET_PORT = 2;
