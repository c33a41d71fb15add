/**
 * The channel addon: the only native code that runs inside the host. An
 * N-API module, assembled here, that does what JavaScript cannot: create a
 * sealed memfd and map it into an external ArrayBuffer, wait on and wake
 * futexes shared with another process, make pipes, and peek at a child's
 * exit without reaping it. Every operation is a raw `syscall`; no libc.
 *
 * JavaScript interface (all numbers; negative results are -errno):
 *   createRegion(size, hintAddress) → [fd, address, ArrayBuffer] | -errno
 *   futexWait(address, expected, timeoutNs) → 0 | -errno (-11 changed, -110 timed out)
 *   futexWake(address, count) → woken | -errno
 *   pipe() → [readFd, writeFd] | -errno
 *   close(fd) → 0 | -errno
 *   exited(pid, reap) → 0 running, 512 + status after exit(), 256 + signal if killed, -errno;
 *     reap = 0 leaves the child to be waited for again, 1 collects it
 *   spawn(block) → pid | -errno: starts a process as posix_spawn does (SPAWN_BLOCK)
 */

import { writeSharedObject } from '../elf/index.js';
import {
  CLONE_VFORK,
  CLONE_VM,
  F_ADD_SEALS,
  F_DUPFD_CLOEXEC,
  F_SEAL_GROW,
  F_SEAL_SEAL,
  F_SEAL_SHRINK,
  FUTEX_WAIT,
  FUTEX_WAKE,
  MAP_FIXED_NOREPLACE,
  MAP_SHARED,
  MFD_ALLOW_SEALING,
  MFD_CLOEXEC,
  O_CLOEXEC,
  P_PID,
  PROT_RW,
  SIG_SETMASK,
  SIGCHLD,
  SYS,
  WEXITED,
  WNOHANG,
  WNOWAIT,
} from '../sys/linux.js';
import {
  Assembler,
  dword,
  eax,
  edi,
  edx,
  esi,
  type Label,
  qword,
  r8,
  r8d,
  r9,
  r9d,
  r10,
  r10d,
  r12,
  r13,
  r14,
  r15,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
  xmm0,
} from '../x86/index.js';
import { SPAWN_BLOCK } from './addon-api.js';

/** Stack frame of every exported function (offsets from rsp after the prologue). */
const F = {
  argc: 0,
  argv: 8, // 4 napi_values
  ints: 40, // 4 int64 conversions of the arguments
  result: 72,
  tmp: 80, // 160 bytes of scratch
  size: 248, // ≡ 8 (mod 16): with the six pushes the stack is 16-byte aligned
} as const;

export function buildChannelAddon(): Uint8Array {
  const a = new Assembler();
  const napi = (n: string): Label => a.extern(n);
  const exportsList: [string, Label][] = [];
  const strings: [Label, string][] = [];
  const str = (s: string): Label => {
    const l = a.label();
    strings.push([l, s]);
    return l;
  };

  /** Prologue: saves callee-saved registers, fetches up to 4 arguments as int64 into [rsp+ints]. */
  const fn = (name: string, nargs: number): void => {
    const l = a.label(`sc_${name}`);
    exportsList.push([name, l]);
    a.bind(l);
    a.push(rbp);
    a.mov(rbp, rsp);
    a.push(rbx);
    a.push(r12);
    a.push(r13);
    a.push(r14);
    a.push(r15);
    a.sub(rsp, F.size);
    a.mov(rbx, rdi); // env
    for (let i = 0; i < 4; i++) a.mov(qword(rsp, F.ints + 8 * i), 0);
    if (nargs > 0) {
      a.mov(qword(rsp, F.argc), 4);
      a.lea(rdx, qword(rsp, F.argc));
      a.lea(rcx, qword(rsp, F.argv));
      a.xor(r8d, r8d);
      a.xor(r9d, r9d);
      a.call(napi('napi_get_cb_info')); // (env, info, &argc, argv, NULL, NULL)
      for (let i = 0; i < nargs; i++) {
        a.mov(rdi, rbx);
        a.mov(rsi, qword(rsp, F.argv + 8 * i));
        a.lea(rdx, qword(rsp, F.ints + 8 * i));
        a.call(napi('napi_get_value_int64'));
      }
    }
  };
  /** Epilogue: returns rax (an int64) as a JavaScript number. */
  const returnNumber = (): void => {
    a.cvtsi2sd(xmm0, rax);
    a.mov(rdi, rbx);
    a.lea(rsi, qword(rsp, F.result));
    a.call(napi('napi_create_double'));
    a.mov(rax, qword(rsp, F.result));
    epilogue();
  };
  const epilogue = (): void => {
    a.lea(rsp, qword(rbp, -40));
    a.pop(r15);
    a.pop(r14);
    a.pop(r13);
    a.pop(r12);
    a.pop(rbx);
    a.pop(rbp);
    a.ret();
  };
  const arg = (i: number) => qword(rsp, F.ints + 8 * i);
  const syscall = (nr: number): void => {
    a.mov(eax, nr);
    a.syscall();
  };
  /** Builds a JS array from numbers in registers/stack: values are int64 at [rsp+tmp+8i]. */
  const returnArray = (count: number, extra?: () => void): void => {
    a.mov(rdi, rbx);
    a.lea(rsi, qword(rsp, F.result));
    a.call(napi('napi_create_array'));
    for (let i = 0; i < count; i++) {
      a.cvtsi2sd(xmm0, qword(rsp, F.tmp + 8 * i));
      a.mov(rdi, rbx);
      a.lea(rsi, qword(rsp, F.tmp + 40));
      a.call(napi('napi_create_double'));
      a.mov(rdi, rbx);
      a.mov(rsi, qword(rsp, F.result));
      a.mov(edx, i);
      a.mov(rcx, qword(rsp, F.tmp + 40));
      a.call(napi('napi_set_element'));
    }
    extra?.();
    a.mov(rax, qword(rsp, F.result));
    epilogue();
  };

  // createRegion(size, hint) → [fd, address, ArrayBuffer]
  {
    fn('createRegion', 2);
    const fail = a.label();
    const failClose = a.label();
    a.lea(rdi, qword(str('sidecar-region')));
    a.mov(esi, MFD_CLOEXEC | MFD_ALLOW_SEALING);
    syscall(SYS.memfd_create);
    a.test(rax, rax);
    a.js(fail);
    a.mov(r12, rax); // fd
    a.mov(rdi, r12);
    a.mov(rsi, arg(0));
    syscall(SYS.ftruncate);
    a.test(rax, rax);
    a.js(failClose);
    a.mov(rdi, r12);
    a.mov(esi, F_ADD_SEALS);
    a.mov(edx, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL);
    syscall(SYS.fcntl);
    a.test(rax, rax);
    a.js(failClose);
    a.mov(rdi, arg(1)); // hint
    a.mov(rsi, arg(0));
    a.mov(edx, PROT_RW);
    a.mov(r10, MAP_SHARED);
    const noHint = a.label();
    a.test(rdi, rdi);
    a.jz(noHint);
    a.or(r10, MAP_FIXED_NOREPLACE);
    a.bind(noHint);
    a.mov(r8, r12);
    a.xor(r9d, r9d);
    syscall(SYS.mmap);
    a.cmp(rax, -4096);
    a.ja(failClose); // -4095..-1 are errors
    a.mov(r13, rax); // address
    // A kernel without MAP_FIXED_NOREPLACE treats it as a hint: insist on the address.
    const placed = a.label();
    a.mov(rcx, arg(1));
    a.test(rcx, rcx);
    a.jz(placed);
    a.cmp(rax, rcx);
    a.je(placed);
    a.mov(rdi, rax);
    a.mov(rsi, arg(0));
    syscall(SYS.munmap);
    a.mov(rax, -17); // EEXIST
    a.jmp(failClose);
    a.bind(placed);
    // napi_create_external_arraybuffer(env, addr, size, finalize, hint=size, &ab)
    a.mov(rdi, rbx);
    a.mov(rsi, r13);
    a.mov(rdx, arg(0));
    a.lea(rcx, qword(a.label('finalizeRegion')));
    a.mov(r8, arg(0));
    a.lea(r9, qword(rsp, F.tmp + 32));
    a.call(napi('napi_create_external_arraybuffer'));
    const made = a.label();
    a.test(eax, eax);
    a.jz(made);
    // No buffer (napi_status in eax): undo the mapping, report ENOMEM.
    a.mov(rdi, r13);
    a.mov(rsi, arg(0));
    syscall(SYS.munmap);
    a.mov(rax, -12);
    a.jmp(failClose);
    a.bind(made);
    // V8 counts the buffer's bytes as external memory, and subtracts them
    // itself when the buffer is detached or collected: the count must not be
    // adjusted here (Node 24+ aborts the process when it goes below zero).
    a.mov(qword(rsp, F.tmp), r12);
    a.mov(qword(rsp, F.tmp + 8), r13);
    returnArray(2, () => {
      a.mov(rdi, rbx);
      a.mov(rsi, qword(rsp, F.result));
      a.mov(edx, 2);
      a.mov(rcx, qword(rsp, F.tmp + 32));
      a.call(napi('napi_set_element'));
    });
    a.bind(failClose);
    a.mov(r14, rax);
    a.mov(rdi, r12);
    syscall(SYS.close);
    a.mov(rax, r14);
    a.bind(fail);
    returnNumber();

    // finalizeRegion(env, data, hint=size): unmaps the region once its ArrayBuffer is collected.
    a.bind(a.label('finalizeRegion'));
    a.sub(rsp, 8);
    a.mov(rdi, rsi);
    a.mov(rsi, rdx);
    syscall(SYS.munmap);
    a.add(rsp, 8);
    a.ret();
  }
  fn('futexWait', 3);
  a.mov(rax, arg(2));
  a.xor(edx, edx);
  a.mov(rcx, 1_000_000_000);
  a.div(rcx);
  a.mov(qword(rsp, F.tmp), rax); // tv_sec
  a.mov(qword(rsp, F.tmp + 8), rdx); // tv_nsec
  a.mov(rdi, arg(0));
  a.mov(esi, FUTEX_WAIT);
  a.mov(rdx, arg(1));
  a.lea(r10, qword(rsp, F.tmp));
  a.xor(r8d, r8d);
  a.xor(r9d, r9d);
  syscall(SYS.futex);
  returnNumber();
  fn('futexWake', 2);
  a.mov(rdi, arg(0));
  a.mov(esi, FUTEX_WAKE);
  a.mov(rdx, arg(1));
  syscall(SYS.futex);
  returnNumber();

  // pipe() → [readFd, writeFd]
  {
    fn('pipe', 0);
    const fail = a.label();
    a.lea(rdi, qword(rsp, F.tmp + 32));
    a.mov(esi, O_CLOEXEC);
    syscall(SYS.pipe2);
    a.test(rax, rax);
    a.js(fail);
    a.movsxd(rax, dword(rsp, F.tmp + 32));
    a.mov(qword(rsp, F.tmp), rax);
    a.movsxd(rax, dword(rsp, F.tmp + 36));
    a.mov(qword(rsp, F.tmp + 8), rax);
    returnArray(2);
    a.bind(fail);
    returnNumber();
  }
  fn('close', 1);
  a.mov(rdi, arg(0));
  syscall(SYS.close);
  returnNumber();

  // exited(pid): has the child ended, and how? Leaves it for libuv to reap (WNOWAIT).
  {
    fn('exited', 2);
    const done = a.label();
    const peek = a.label();
    a.mov(dword(rsp, F.tmp + 16), 0); // si_pid
    a.mov(edi, P_PID);
    a.mov(rsi, arg(0));
    a.lea(rdx, qword(rsp, F.tmp));
    a.mov(r10d, WEXITED | WNOHANG | WNOWAIT);
    a.cmp(arg(1), 0);
    a.je(peek);
    a.mov(r10d, WEXITED | WNOHANG);
    a.bind(peek);
    a.xor(r8d, r8d);
    syscall(SYS.waitid);
    a.test(rax, rax);
    a.js(done);
    a.mov(eax, dword(rsp, F.tmp + 16));
    a.test(eax, eax);
    a.jz(done);
    // Exited normally (si_code CLD_EXITED): 512 + status; by a signal: 256 + signal.
    const bySignal = a.label();
    a.mov(eax, dword(rsp, F.tmp + 24));
    a.cmp(dword(rsp, F.tmp + 8), 1);
    a.jne(bySignal);
    a.add(eax, 512);
    a.jmp(done);
    a.bind(bySignal);
    a.add(eax, 256);
    a.bind(done);
    returnNumber();
  }

  // spawn(block) → pid: clone(CLONE_VM | CLONE_VFORK) as posix_spawn does (no
  // copy of the host's page tables; the host's thread waits until the child
  // has exec'd). All signals are blocked around it, so no handler of the host
  // runs in the child; the sidecar unblocks them itself. The child moves the
  // six descriptors out of the way (F_DUPFD_CLOEXEC) and then onto 0..5, and
  // execs; if execve fails it writes -errno into the block and exits 127.
  {
    fn('spawn', 1);
    const child = a.label();
    const childFail = a.label();
    const failed = a.label();
    const done = a.label();
    a.mov(r12, arg(0));
    a.mov(dword(r12, SPAWN_BLOCK.error), 0);
    a.mov(qword(rsp, F.tmp), -1); // every signal
    a.mov(edi, SIG_SETMASK);
    a.lea(rsi, qword(rsp, F.tmp));
    a.lea(rdx, qword(rsp, F.tmp + 8)); // the mask before
    a.mov(r10d, 8);
    syscall(SYS.rt_sigprocmask);
    a.mov(edi, CLONE_VM | CLONE_VFORK | SIGCHLD);
    a.xor(esi, esi); // the same stack: the host's thread is suspended until the exec
    a.xor(edx, edx);
    a.xor(r10d, r10d);
    a.xor(r8d, r8d);
    syscall(SYS.clone);
    a.test(rax, rax);
    a.jz(child);
    a.mov(r13, rax);
    a.mov(edi, SIG_SETMASK);
    a.lea(rsi, qword(rsp, F.tmp + 8));
    a.xor(edx, edx);
    a.mov(r10d, 8);
    syscall(SYS.rt_sigprocmask);
    a.mov(rax, r13);
    a.test(rax, rax);
    a.js(done);
    a.cmp(dword(r12, SPAWN_BLOCK.error), 0);
    a.jne(failed);
    a.jmp(done);
    a.bind(failed); // the exec failed: collect the child, report why
    a.mov(rdi, r13);
    a.xor(esi, esi);
    a.xor(edx, edx);
    a.xor(r10d, r10d);
    syscall(SYS.wait4);
    a.movsxd(rax, dword(r12, SPAWN_BLOCK.error));
    a.bind(done);
    returnNumber();

    // The child: only system calls and stores into the block and the scratch
    // below (the host's frame is not used again by the host after the clone).
    a.bind(child);
    for (let k = 0; k < 6; k++) {
      a.mov(edi, dword(r12, SPAWN_BLOCK.fds + 4 * k));
      a.mov(esi, F_DUPFD_CLOEXEC);
      a.mov(edx, 64);
      syscall(SYS.fcntl);
      a.test(eax, eax);
      a.js(childFail);
      a.mov(dword(rsp, F.tmp + 16 + 4 * k), eax);
    }
    for (let k = 0; k < 6; k++) {
      a.mov(edi, dword(rsp, F.tmp + 16 + 4 * k));
      a.mov(esi, k);
      syscall(SYS.dup2);
      a.test(eax, eax);
      a.js(childFail);
    }
    a.mov(rdi, qword(r12, SPAWN_BLOCK.path));
    a.mov(rsi, qword(r12, SPAWN_BLOCK.argv));
    a.mov(rdx, qword(r12, SPAWN_BLOCK.envp));
    syscall(SYS.execve);
    a.bind(childFail);
    a.mov(dword(r12, SPAWN_BLOCK.error), eax);
    a.mov(edi, 127);
    syscall(SYS.exit);
  }

  // napi_register_module_v1(env, exports): one property per function above.
  a.global(a.here('napi_register_module_v1'));
  a.push(rbx);
  a.push(r12);
  a.push(r13);
  a.sub(rsp, 16);
  a.mov(rbx, rdi);
  a.mov(r12, rsi);
  for (const [name, l] of exportsList) {
    const n = str(name);
    a.mov(rdi, rbx);
    a.lea(rsi, qword(n));
    a.mov(rdx, -1); // NAPI_AUTO_LENGTH
    a.lea(rcx, qword(l));
    a.xor(r8d, r8d);
    a.mov(r9, rsp);
    a.call(napi('napi_create_function'));
    a.mov(rdi, rbx);
    a.mov(rsi, r12);
    a.lea(rdx, qword(n));
    a.mov(rcx, qword(rsp));
    a.call(napi('napi_set_named_property'));
  }
  a.mov(rax, r12);
  a.add(rsp, 16);
  a.pop(r13);
  a.pop(r12);
  a.pop(rbx);
  a.ret();

  a.rodata();
  for (const [l, text] of strings) {
    a.bind(l);
    a.asciz(text);
  }
  return writeSharedObject(a.finish(), { exports: ['napi_register_module_v1'] });
}
