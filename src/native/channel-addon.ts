/**
 * The channel addon: the only native code that runs inside the host. An
 * N-API module, assembled here, that does what JavaScript cannot: create a
 * sealed memfd and map it into an external ArrayBuffer, wait on and wake
 * futexes shared with another process, make pipes, peek at a child's exit
 * without reaping it, and watch a pipe on the event loop through libuv
 * (which Node exports to addons as it does N-API). Every other operation is
 * a raw `syscall`; no libc.
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
 *   watch(fd, kind, fn) → watch | -errno: polls fd (now owned by the watch) on the env's
 *     event loop, not holding it alive; when fd is readable, calls fn (through
 *     napi_make_callback, so microtasks run after it) with the number of bytes read
 *     (kind 0, the doorbell) or a Buffer of them (kind 1, the output), and with 0 at
 *     end-of-file or -errno, after which the watch no longer polls. A throw in fn is
 *     the host's uncaught exception.
 *   unwatch(watch) → 0: stops, closes fd, frees the watch (once libuv is done with it)
 *   ref(watch), unref(watch) → 0: whether the watch keeps the event loop alive
 *   read(watch) → Buffer | 0 | -errno (-11: nothing now): reads fd now, without waiting
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
  MAP_ANONYMOUS,
  MAP_FIXED_NOREPLACE,
  MAP_PRIVATE,
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
  ecx,
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

/**
 * A watch: one anonymous mapping, the uv_poll_t first (libuv hands the
 * callbacks its address, which is the watch's).
 */
const WATCH = {
  handle: 0, // uv_poll_t: uv_handle_size(UV_POLL) bytes, at most 256
  env: 256, // napi_env
  callback: 264, // napi_ref to the JS function
  fd: 272,
  kind: 280, // 0 doorbell, 1 output
  hook: 288, // napi_async_cleanup_hook_handle
  closing: 296, // 1 once uv_close was called
  buffer: 512,
  size: 512 + 65536,
} as const;
/** Bytes one read takes: the doorbell's bytes are only counted; the output's are handed over. */
const WATCH_READ = { bell: 256, output: 65536 } as const;
const UV_POLL = 8; // uv_handle_type
const UV_READABLE = 1;
const NAPI_PENDING_EXCEPTION = 10; // napi_status

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

  // Watches: a descriptor polled by libuv on the env's own loop (a worker's
  // loop in a worker), so the host hears the doorbell and reads the output
  // without node:net. One anonymous mapping per watch holds the uv_poll_t,
  // what the callbacks need, and the read buffer; the uv_close callback
  // unmaps it. An async cleanup hook closes a watch still open when the env
  // is torn down (a worker's loop must have no handle left at its end).
  {
    /**
     * Closes the watch at `w` (a callee-saved register) unless it is closing
     * already: stop polling, hand the handle to uv_close (its callback
     * unmaps the watch), close the descriptor.
     */
    const closeWatch = (w: typeof rbx): void => {
      const closed = a.label();
      a.cmp(qword(w, WATCH.closing), 0);
      a.jne(closed);
      a.mov(qword(w, WATCH.closing), 1);
      a.mov(rdi, w);
      a.call(napi('uv_poll_stop'));
      a.mov(rdi, w);
      a.lea(rsi, qword(a.label('onWatchClosed')));
      a.call(napi('uv_close'));
      a.mov(rdi, qword(w, WATCH.fd));
      syscall(SYS.close);
      a.bind(closed);
    };
    /** rax = read(watch r12's fd, its buffer): bytes, 0 at end-of-file, or -errno. */
    const readWatch = (): void => {
      const sized = a.label();
      a.mov(edx, WATCH_READ.output);
      a.cmp(qword(r12, WATCH.kind), 0);
      a.jne(sized);
      a.mov(edx, WATCH_READ.bell);
      a.bind(sized);
      a.mov(rdi, qword(r12, WATCH.fd));
      a.lea(rsi, qword(r12, WATCH.buffer));
      syscall(SYS.read);
    };

    // watch(fd, kind, callback) → watch address | -errno
    fn('watch', 2);
    const fail = a.label();
    const failUnmap = a.label();
    a.mov(edi, UV_POLL);
    a.call(napi('uv_handle_size'));
    const fits = a.label();
    a.cmp(rax, WATCH.env);
    a.jbe(fits);
    a.mov(rax, -22); // EINVAL: a uv_poll_t larger than its room
    a.jmp(fail);
    a.bind(fits);
    a.xor(edi, edi);
    a.mov(esi, WATCH.size);
    a.mov(edx, PROT_RW);
    a.mov(r10d, MAP_PRIVATE | MAP_ANONYMOUS);
    a.mov(r8, -1);
    a.xor(r9d, r9d);
    syscall(SYS.mmap);
    a.cmp(rax, -4096);
    a.ja(fail);
    a.mov(r12, rax);
    a.mov(qword(r12, WATCH.env), rbx);
    a.mov(rax, arg(0));
    a.mov(qword(r12, WATCH.fd), rax);
    a.mov(rax, arg(1));
    a.mov(qword(r12, WATCH.kind), rax);
    a.mov(rdi, rbx);
    a.lea(rsi, qword(rsp, F.tmp));
    a.call(napi('napi_get_uv_event_loop'));
    a.mov(r13, -22);
    a.test(eax, eax);
    a.jnz(failUnmap);
    a.mov(rdi, rbx);
    a.mov(rsi, qword(rsp, F.argv + 16));
    a.mov(edx, 1);
    a.lea(rcx, qword(r12, WATCH.callback));
    a.call(napi('napi_create_reference'));
    a.test(eax, eax);
    a.jnz(failUnmap); // not a function (or no memory): EINVAL
    a.mov(rdi, qword(rsp, F.tmp));
    a.mov(rsi, r12);
    a.mov(rdx, qword(r12, WATCH.fd));
    a.call(napi('uv_poll_init')); // also makes the descriptor non-blocking
    const inited = a.label();
    a.test(eax, eax);
    a.jz(inited);
    a.movsxd(r13, eax);
    a.mov(rdi, rbx);
    a.mov(rsi, qword(r12, WATCH.callback));
    a.call(napi('napi_delete_reference'));
    a.jmp(failUnmap);
    a.bind(inited);
    a.mov(rdi, r12);
    a.mov(esi, UV_READABLE);
    a.lea(rdx, qword(a.label('onWatchReadable')));
    a.call(napi('uv_poll_start'));
    const started = a.label();
    a.test(eax, eax);
    a.jz(started);
    a.movsxd(r13, eax);
    a.mov(qword(r12, WATCH.closing), 1);
    a.mov(rdi, r12);
    a.lea(rsi, qword(a.label('onWatchClosed')));
    a.call(napi('uv_close')); // frees the mapping once libuv is done with it
    a.mov(rax, r13);
    a.jmp(fail);
    a.bind(started);
    a.mov(rdi, r12);
    a.call(napi('uv_unref')); // an idle watch does not keep the loop alive
    a.mov(rdi, rbx);
    a.lea(rsi, qword(a.label('onWatchCleanup')));
    a.mov(rdx, r12);
    a.lea(rcx, qword(r12, WATCH.hook));
    a.call(napi('napi_add_async_cleanup_hook'));
    a.mov(rax, r12);
    returnNumber();
    a.bind(failUnmap);
    a.mov(rdi, r12);
    a.mov(esi, WATCH.size);
    syscall(SYS.munmap);
    a.mov(rax, r13);
    a.bind(fail);
    returnNumber();

    // unwatch(watch) → 0: stops polling, closes the descriptor; the mapping goes in the close callback.
    fn('unwatch', 1);
    a.mov(r12, arg(0));
    closeWatch(r12);
    a.xor(eax, eax);
    returnNumber();

    // ref(watch), unref(watch) → 0: whether the watch keeps the event loop alive.
    for (const [name, uv] of [
      ['ref', 'uv_ref'],
      ['unref', 'uv_unref'],
    ] as const) {
      fn(name, 1);
      const skip = a.label();
      a.mov(r12, arg(0));
      a.cmp(qword(r12, WATCH.closing), 0);
      a.jne(skip);
      a.mov(rdi, r12);
      a.call(napi(uv));
      a.bind(skip);
      a.xor(eax, eax);
      returnNumber();
    }

    // read(watch) → Buffer | 0 at end-of-file | -errno (-11: nothing now): what the poll callback would read.
    fn('read', 1);
    const none = a.label();
    a.mov(r12, arg(0));
    readWatch();
    a.test(rax, rax);
    a.jle(none);
    a.mov(rdi, rbx);
    a.mov(rsi, rax);
    a.lea(rdx, qword(r12, WATCH.buffer));
    a.xor(ecx, ecx);
    a.lea(r8, qword(rsp, F.result));
    a.call(napi('napi_create_buffer_copy'));
    a.mov(rax, qword(rsp, F.result));
    epilogue();
    a.bind(none);
    returnNumber();

    // onWatchReadable(handle, status, events): read, then call the watch's
    // function through napi_make_callback (so microtasks run after it, as
    // after any I/O callback) with the byte count (doorbell), the bytes
    // (output), or 0 / -errno at the end, when polling stops: the poll is
    // level-triggered and would report the end again and again.
    const P = { result: 0, scope: 8, recv: 16, func: 24, value: 32, exception: 40, size: 56 } as const;
    a.bind(a.label('onWatchReadable'));
    a.push(rbp);
    a.mov(rbp, rsp);
    a.push(rbx);
    a.push(r12);
    a.push(r13);
    a.push(r14);
    a.push(r15);
    a.sub(rsp, P.size);
    a.mov(r12, rdi);
    a.mov(rbx, qword(r12, WATCH.env));
    const ended = a.label();
    const call = a.label();
    const leave = a.label();
    a.movsxd(r13, esi);
    a.test(r13, r13);
    a.js(ended);
    readWatch();
    a.mov(r13, rax);
    a.cmp(r13, -11); // EAGAIN: nothing after all
    a.je(leave);
    a.cmp(r13, -4); // EINTR: the poll reports it again
    a.je(leave);
    a.test(r13, r13);
    a.jg(call);
    a.bind(ended);
    a.mov(rdi, r12);
    a.call(napi('uv_poll_stop'));
    a.bind(call);
    a.mov(rdi, rbx);
    a.lea(rsi, qword(rsp, P.scope));
    a.call(napi('napi_open_handle_scope'));
    a.mov(rdi, rbx);
    a.lea(rsi, qword(rsp, P.recv));
    a.call(napi('napi_get_global'));
    a.mov(rdi, rbx);
    a.mov(rsi, qword(r12, WATCH.callback));
    a.lea(rdx, qword(rsp, P.func));
    a.call(napi('napi_get_reference_value'));
    const asNumber = a.label();
    const made = a.label();
    a.test(r13, r13);
    a.jle(asNumber);
    a.cmp(qword(r12, WATCH.kind), 0);
    a.je(asNumber);
    a.mov(rdi, rbx);
    a.mov(rsi, r13);
    a.lea(rdx, qword(r12, WATCH.buffer));
    a.xor(ecx, ecx);
    a.lea(r8, qword(rsp, P.value));
    a.call(napi('napi_create_buffer_copy'));
    a.jmp(made);
    a.bind(asNumber);
    a.cvtsi2sd(xmm0, r13);
    a.mov(rdi, rbx);
    a.lea(rsi, qword(rsp, P.value));
    a.call(napi('napi_create_double'));
    a.bind(made);
    // From here the watch may be gone (the function may unwatch it): only rbx and the stack.
    a.lea(rax, qword(rsp, P.result));
    a.mov(qword(rsp, 0), rax); // 7th argument, on the stack
    a.mov(rdi, rbx);
    a.xor(esi, esi); // no async context
    a.mov(rdx, qword(rsp, P.recv));
    a.mov(rcx, qword(rsp, P.func));
    a.mov(r8d, 1);
    a.lea(r9, qword(rsp, P.value));
    a.call(napi('napi_make_callback'));
    // A throw in the function is the host's uncaught exception, as in any I/O callback: never swallowed.
    const thrown = a.label();
    a.cmp(eax, NAPI_PENDING_EXCEPTION);
    a.jne(thrown);
    a.mov(rdi, rbx);
    a.lea(rsi, qword(rsp, P.exception));
    a.call(napi('napi_get_and_clear_last_exception'));
    a.mov(rdi, rbx);
    a.mov(rsi, qword(rsp, P.exception));
    a.call(napi('napi_fatal_exception'));
    a.bind(thrown);
    a.mov(rdi, rbx);
    a.mov(rsi, qword(rsp, P.scope));
    a.call(napi('napi_close_handle_scope'));
    a.bind(leave);
    epilogue();

    // onWatchClosed(handle): libuv is done with the watch: drop the function, the hook, the mapping.
    a.bind(a.label('onWatchClosed'));
    a.push(rbx);
    a.mov(rbx, rdi);
    a.mov(rdi, qword(rbx, WATCH.env));
    a.mov(rsi, qword(rbx, WATCH.callback));
    a.call(napi('napi_delete_reference'));
    const noHook = a.label();
    a.mov(rdi, qword(rbx, WATCH.hook));
    a.test(rdi, rdi);
    a.jz(noHook);
    a.call(napi('napi_remove_async_cleanup_hook')); // unregisters it, or tells the teardown it is done
    a.bind(noHook);
    a.mov(rdi, rbx);
    a.mov(esi, WATCH.size);
    syscall(SYS.munmap);
    a.pop(rbx);
    a.ret();

    // onWatchCleanup(hookHandle, watch): the env ends with the watch open: close it.
    a.bind(a.label('onWatchCleanup'));
    a.push(rbx);
    a.mov(rbx, rsi);
    closeWatch(rbx); // if it is closing already, its close callback completes the hook
    a.pop(rbx);
    a.ret();
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
