/**
 * The jail's seccomp policy as a table (one row per system call it
 * allows, refuses with an errno, or checks the arguments of) and its
 * compilation into a classic-BPF program with src/bpf. The program checks
 * the architecture (x86-64 only) and refuses the x32 ABI with
 * SECCOMP_RET_KILL_PROCESS, then finds the call's row by a binary search
 * over the sorted numbers (each leaf ends in its own `ret`, so no jump is
 * long; a far branch is an `ja`). Anything without a row is
 * SECCOMP_RET_TRAP: the call does not happen, and the sidecar's SIGSYS
 * handler names it to the host and ends the process (src/native/jail.ts).
 *
 * What is allowed is what glibc, the dynamic loader, the sidecar's loop,
 * OpenBLAS's threads, the Forth and the common libraries call (found with
 * `strace -f` of real runs); paths and TCP ports are Landlock's to decide.
 */

import { abs, BpfAssembler, type BpfProgram, imm } from '../bpf/assembler.js';
import {
  AUDIT_ARCH_X86_64,
  CLONE_THREAD,
  CLONE_VFORK,
  CLONE_VM,
  ENOSYS,
  EPERM,
  SECCOMP_DATA,
  SECCOMP_RET,
  SIGSYS,
  X32_SYSCALL_BIT,
} from '../sys/linux.js';
import { SYSCALLS, type SyscallName } from '../sys/syscalls.js';

export interface SeccompOptions {
  /** Threads may be made (clone with CLONE_THREAD); without, a thread's clone ends the process. */
  threads: boolean;
  /** TCP sockets may be made and connected (the ports are Landlock's rule). */
  network: boolean;
}

/** What the filter does with one call. */
export type Verdict =
  | 'allow'
  | 'kill'
  | { errno: number }
  /**
   * Allow a thread (clone's flags hold CLONE_THREAD and CLONE_VM, no namespace flag); EPERM for a
   * posix_spawn (CLONE_VFORK: glibc blocks every signal around it, so a SIGSYS could not be named
   * and system() fails with -1 instead); anything else, fork() included, ends the process.
   */
  | 'clone-thread'
  /** Allow, except changing SIGSYS's disposition (the handler that names violations). */
  | 'sigaction-not-sigsys'
  /** Allow the terminal queries and fd flags glibc uses; EPERM for the rest (no TIOCSTI into the host's terminal). */
  | 'ioctl-safe'
  /** Allow IPv4 and IPv6 stream sockets only. */
  | 'socket-tcp';

const ALLOWED: Record<string, readonly SyscallName[]> = {
  'file descriptors and file I/O (Landlock decides which paths)': [
    'read',
    'write',
    'readv',
    'writev',
    'pread64',
    'pwrite64',
    'preadv',
    'pwritev',
    'preadv2',
    'pwritev2',
    'lseek',
    'close',
    'close_range',
    'open',
    'openat',
    'openat2',
    'creat',
    'stat',
    'fstat',
    'lstat',
    'newfstatat',
    'statx',
    'access',
    'faccessat',
    'faccessat2',
    'readlink',
    'readlinkat',
    'getdents64',
    'getcwd',
    'chdir',
    'fchdir',
    'fcntl',
    'dup',
    'dup2',
    'dup3',
    'pipe',
    'pipe2',
    'ftruncate',
    'truncate',
    'fsync',
    'fdatasync',
    'flock',
    'mkdir',
    'mkdirat',
    'unlink',
    'unlinkat',
    'rename',
    'renameat',
    'renameat2',
    'rmdir',
    'fallocate',
    'fadvise64',
    'sendfile',
    'copy_file_range',
    'splice',
    'tee',
    'utimensat',
    'fchmod',
    'chmod',
    'fchmodat',
    'umask',
    'statfs',
    'fstatfs',
    'memfd_create',
    'eventfd2',
    'select',
    'pselect6',
    'poll',
    'ppoll',
    'epoll_create1',
    'epoll_ctl',
    'epoll_wait',
    'epoll_pwait',
    'epoll_pwait2',
    'sync_file_range',
  ],
  memory: [
    'mmap',
    'munmap',
    'mprotect',
    'mremap',
    'madvise',
    'brk',
    'mlock',
    'munlock',
    'msync',
    'mincore',
    'membarrier',
  ],
  'threads and their synchronisation': [
    'futex',
    'futex_waitv',
    'set_tid_address',
    'rseq',
    'sched_yield',
    'sched_getaffinity',
    'sched_setaffinity',
    'sched_getparam',
    'sched_getscheduler',
    'sched_get_priority_max',
    'sched_get_priority_min',
    'getpriority',
    'gettid',
    'getpid',
    'getppid',
    'exit',
    'exit_group',
    'wait4',
    'waitid',
  ],
  'signals (Landlock scopes kill to the sidecar itself where the ABI has scoping)': [
    'rt_sigprocmask',
    'rt_sigreturn',
    'sigaltstack',
    'rt_sigpending',
    'rt_sigtimedwait',
    'rt_sigsuspend',
    'pause',
    'kill',
    'tgkill',
    'tkill',
  ],
  time: [
    'clock_gettime',
    'clock_getres',
    'clock_nanosleep',
    'nanosleep',
    'gettimeofday',
    'time',
    'times',
    'getrusage',
    'getitimer',
    'setitimer',
    'alarm',
    'timer_create',
    'timer_settime',
    'timer_gettime',
    'timer_getoverrun',
    'timer_delete',
    'timerfd_create',
    'timerfd_settime',
    'timerfd_gettime',
  ],
  'facts about the process and the machine': [
    'uname',
    'getuid',
    'geteuid',
    'getgid',
    'getegid',
    'getgroups',
    'getresuid',
    'getresgid',
    'getrlimit',
    'prlimit64',
    'sysinfo',
    'getrandom',
    'arch_prctl',
    'prctl',
    'capget',
    'getpgrp',
    'getpgid',
    'getsid',
  ],
  'sockets already open, and local socket pairs': [
    'sendto',
    'recvfrom',
    'sendmsg',
    'recvmsg',
    'sendmmsg',
    'recvmmsg',
    'shutdown',
    'getsockname',
    'getpeername',
    'getsockopt',
    'setsockopt',
    'socketpair',
  ],
};

/** Named so the table says it: each ends the process (as everything without a row does). */
const KILLED: readonly SyscallName[] = [
  'execve',
  'execveat',
  'fork',
  'vfork',
  'ptrace',
  'process_vm_readv',
  'process_vm_writev',
  'bpf',
  'perf_event_open',
  'userfaultfd',
  'unshare',
  'setns',
  'mount',
  'umount2',
  'pivot_root',
  'chroot',
  'keyctl',
  'add_key',
  'request_key',
  'init_module',
  'finit_module',
  'delete_module',
  'kexec_load',
  'kexec_file_load',
  'reboot',
  'swapon',
  'swapoff',
  'acct',
  'iopl',
  'ioperm',
  'open_by_handle_at',
  'name_to_handle_at',
  'quotactl',
  'io_uring_setup',
  'io_uring_enter',
  'io_uring_register',
  'pidfd_getfd',
  'process_madvise',
  'kcmp',
  'migrate_pages',
  'move_pages',
  'fanotify_init',
  'seccomp',
];

/** The rows of the policy: every system call with a verdict. */
export function seccompRules(o: SeccompOptions): Map<SyscallName, Verdict> {
  const rules = new Map<SyscallName, Verdict>();
  for (const names of Object.values(ALLOWED)) for (const n of names) rules.set(n, 'allow');
  for (const n of KILLED) rules.set(n, 'kill');
  rules.set('clone', 'clone-thread');
  // glibc makes threads with clone only when clone3 says ENOSYS (EPERM would fail pthread_create).
  rules.set('clone3', { errno: ENOSYS });
  // OpenBLAS's allocator calls mbind; glibc's threads register a robust list: both go on without.
  rules.set('mbind', { errno: EPERM });
  rules.set('set_mempolicy', { errno: EPERM });
  rules.set('get_mempolicy', { errno: EPERM });
  rules.set('set_robust_list', { errno: ENOSYS });
  rules.set('rt_sigaction', 'sigaction-not-sigsys');
  rules.set('ioctl', 'ioctl-safe');
  // Privilege changes: refused, not fatal (a library may try to drop privileges it does not have).
  for (const n of [
    'setuid',
    'setgid',
    'setreuid',
    'setregid',
    'setresuid',
    'setresgid',
    'setgroups',
    'capset',
  ] as const) {
    rules.set(n, { errno: EPERM });
  }
  for (const n of ['socket', 'connect', 'bind', 'listen', 'accept', 'accept4'] as const)
    rules.set(n, o.network ? 'allow' : 'kill');
  if (o.network) rules.set('socket', 'socket-tcp');
  return rules;
}

const NAMESPACE_FLAGS = 0x7e020000; // CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET
const SAFE_IOCTLS = [0x5401, 0x5413, 0x541b, 0x5421, 0x5450, 0x5451]; // TCGETS TIOCGWINSZ FIONREAD FIONBIO FIONCLEX FIOCLEX
const AF_INET = 2;
const AF_INET6 = 10;
const SOCK_STREAM = 1;
const arg = (i: number) => abs(SECCOMP_DATA.args + 8 * i); // the low 32 bits of argument i

const filters = new Map<string, BpfProgram>();

/** The filter program of a policy (made once per set of options). */
export function seccompFilter(o: SeccompOptions): BpfProgram {
  const key = `${o.threads} ${o.network}`;
  let f = filters.get(key);
  if (!f) {
    f = compile(o);
    filters.set(key, f);
  }
  return f;
}

function compile(o: SeccompOptions): BpfProgram {
  const rules = [...seccompRules(o)].map(([n, v]) => [SYSCALLS[n], v] as const).sort((x, y) => x[0] - y[0]);
  const p = new BpfAssembler();
  const ret = (k: number) => p.ret(imm(k));
  const TRAP = SECCOMP_RET.trap;

  p.ld(abs(SECCOMP_DATA.arch));
  p.jeq(imm(AUDIT_ARCH_X86_64), 1, 0);
  ret(SECCOMP_RET.killProcess);
  p.ld(abs(SECCOMP_DATA.nr));
  p.jge(imm(X32_SYSCALL_BIT), 0, 1);
  ret(SECCOMP_RET.killProcess);

  const body = (v: Verdict) => {
    if (v === 'allow') return ret(SECCOMP_RET.allow);
    if (v === 'kill') return ret(TRAP);
    if (typeof v === 'object') return ret(SECCOMP_RET.errno | v.errno);
    const refuse = p.label('refuse');
    const ok = p.label('ok');
    switch (v) {
      case 'clone-thread':
        p.ld(arg(0));
        if (!o.threads) p.jset(imm(CLONE_THREAD), refuse, 0);
        p.jset(imm(NAMESPACE_FLAGS), refuse, 0);
        p.jset(imm(CLONE_VFORK), 0, 1);
        ret(SECCOMP_RET.errno | EPERM);
        p.and(imm(CLONE_THREAD | CLONE_VM));
        p.jeq(imm(CLONE_THREAD | CLONE_VM), 0, refuse);
        ret(SECCOMP_RET.allow);
        p.bind(refuse);
        return ret(TRAP);
      case 'sigaction-not-sigsys':
        p.ld(arg(0));
        p.jeq(imm(SIGSYS), 0, ok);
        ret(SECCOMP_RET.errno | EPERM);
        p.bind(ok);
        return ret(SECCOMP_RET.allow);
      case 'ioctl-safe':
        p.ld(arg(1));
        for (const c of SAFE_IOCTLS) p.jeq(imm(c), ok, 0);
        ret(SECCOMP_RET.errno | EPERM);
        p.bind(ok);
        return ret(SECCOMP_RET.allow);
      case 'socket-tcp':
        p.ld(arg(0));
        p.jeq(imm(AF_INET), ok, 0);
        p.jeq(imm(AF_INET6), ok, refuse);
        p.bind(ok);
        p.ld(arg(1));
        p.and(imm(0xf));
        p.jeq(imm(SOCK_STREAM), 0, refuse);
        ret(SECCOMP_RET.allow);
        p.bind(refuse);
        return ret(TRAP);
    }
  };
  // Binary search over the sorted numbers; A holds the number throughout.
  const search = (lo: number, hi: number): unknown => {
    if (hi - lo <= 4) {
      for (let i = lo; i < hi; i++) {
        const next = p.label();
        p.jeq(imm((rules[i] as (typeof rules)[number])[0]), 0, next);
        body((rules[i] as (typeof rules)[number])[1]);
        p.bind(next);
      }
      return ret(TRAP);
    }
    const mid = (lo + hi) >> 1;
    const right = p.label('right');
    p.jge(imm((rules[mid] as (typeof rules)[number])[0]), 0, 1);
    p.ja(right);
    search(lo, mid);
    p.bind(right);
    search(mid, hi);
  };
  search(0, rules.length);
  return p.finish();
}
