/**
 * Callback thunks, built into the sidecar executable: THUNK_COUNT entry
 * points THUNK_STRIDE bytes apart, each `mov r11d, k; jmp common`, so the
 * host makes a callback by choosing a free k and naming its handler, with
 * no code to load. C calls a thunk as any function; the common part claims
 * one of the channel's upcall slots (UPCALL in src/channel/layout.ts),
 * spills the argument registers and the first stack words there, posts it,
 * wakes the host (a futex wake on the completion count, for a host waiting
 * in a synchronous call, and a doorbell byte when the host armed it, for
 * its event loop), and waits, spinning and then sleeping on the slot's
 * state word, until the host answers; then it returns the result the host
 * wrote. Any thread may call it: the slot is claimed with `lock cmpxchg`.
 *
 * While it waits the host may ask it to copy memory: state COPY with the
 * source, the length and the region offset in the first argument words;
 * the thunk copies with pwrite on the region's descriptor (so an
 * unreadable address is -EFAULT, not a fault), stores the result in the
 * fourth word and posts the slot again.
 */

import {
  CONTROL,
  FD,
  THUNK_COUNT,
  THUNK_STRIDE,
  UPCALL,
  UPCALL_ARG_WORDS,
  UPCALL_SIZE,
  UPCALL_SLOTS,
  UPCALL_STATE,
} from '../channel/layout.js';
import { FUTEX_WAIT, FUTEX_WAKE, SYS } from '../sys/linux.js';
import {
  type Assembler,
  byte,
  dword,
  eax,
  ecx,
  edi,
  edx,
  esi,
  type Label,
  qword,
  r8,
  r9,
  r10,
  r10d,
  r11d,
  r12,
  r13,
  r13d,
  r14,
  r14d,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
  xmm,
} from '../x86/index.js';

const SPINS = 4000;

/**
 * Emits the thunks at `start` (aligned) and their common part; `control` is
 * a writable quadword holding the channel's control page address, which
 * the sidecar stores at start.
 */
export function emitThunks(a: Assembler, start: Label, control: Label): void {
  const common = a.label();
  a.align(THUNK_STRIDE);
  a.bind(start);
  for (let k = 0; k < THUNK_COUNT; k++) {
    a.align(THUNK_STRIDE);
    a.mov(r11d, k);
    a.jmp(common);
  }
  a.align(16);
  emitCommon(a, common, control);
}

function emitCommon(a: Assembler, common: Label, control: Label): void {
  const claim = a.label();
  const tryNext = a.label();
  const got = a.label();
  const wait = a.label();
  const spin = a.label();
  const answered = a.label();
  const done = a.label();
  const noBell = a.label();
  const awake = a.label();
  const arg = (k: number) => qword(rbx, UPCALL.args + 8 * k);

  a.bind(common);
  a.push(rbp);
  a.mov(rbp, rsp);
  a.push(rbx);
  a.push(r12);
  a.push(r13);
  a.push(r14); // five pushes: the frame stays 16-byte aligned
  a.mov(r14d, r11d); // the callback's number
  a.mov(r12, qword(control));
  // Claim a free slot (any thread may be here); the argument registers stay as the caller set them.
  a.bind(claim);
  a.xor(r13d, r13d);
  a.bind(tryNext);
  a.mov(rbx, r13);
  a.shl(rbx, Math.log2(UPCALL_SIZE));
  a.lea(rbx, qword(r12, rbx, 1, CONTROL.upcalls));
  a.xor(eax, eax);
  a.mov(r10d, UPCALL_STATE.claimed);
  a.lock().cmpxchg(dword(rbx, UPCALL.state), r10d);
  a.jz(got);
  a.inc(r13d);
  a.cmp(r13d, UPCALL_SLOTS);
  a.jb(tryNext);
  a.pause();
  a.jmp(claim);
  // Spill the arguments, post, wake the host.
  a.bind(got);
  a.mov(dword(rbx, UPCALL.callback), r14d);
  [rdi, rsi, rdx, rcx, r8, r9].forEach((r, k) => {
    a.mov(arg(UPCALL_ARG_WORDS.int + k), r);
  });
  for (let k = 0; k < 8; k++) a.movsd(arg(UPCALL_ARG_WORDS.vec + k), xmm(k));
  for (let k = 0; k < UPCALL_ARG_WORDS.end - UPCALL_ARG_WORDS.stack; k++) {
    a.mov(rax, qword(rbp, 16 + 8 * k));
    a.mov(arg(UPCALL_ARG_WORDS.stack + k), rax);
  }
  a.mov(dword(rbx, UPCALL.state), UPCALL_STATE.posted);
  a.lock().inc(dword(r12, CONTROL.upcallCount)); // a full fence too
  a.lea(rdi, qword(r12, CONTROL.cqCount));
  a.mov(esi, FUTEX_WAKE);
  a.mov(edx, 0x7fffffff);
  a.mov(eax, SYS.futex);
  a.syscall();
  // A doorbell byte only when the host armed it (it keeps it armed while it
  // has callbacks): unconditional bytes would fill the pipe while a sync call
  // serves upcalls, and the write would block.
  a.xor(eax, eax);
  a.xchg(dword(r12, CONTROL.bellArmed), eax);
  a.test(eax, eax);
  a.jz(noBell);
  a.sub(rsp, 16);
  a.mov(byte(rsp), 1);
  a.mov(edi, FD.doorbell);
  a.mov(rsi, rsp);
  a.mov(edx, 1);
  a.mov(eax, SYS.write);
  a.syscall();
  a.add(rsp, 16);
  a.bind(noBell);
  // Wait for the answer: spin, then sleep while the state is still `posted`.
  a.bind(wait);
  a.mov(ecx, SPINS);
  a.bind(spin);
  a.mov(eax, dword(rbx, UPCALL.state));
  a.cmp(eax, UPCALL_STATE.posted);
  a.jne(answered);
  a.pause();
  a.dec(ecx);
  a.jnz(spin);
  // Sleep: the flag first (xchg: a full fence), then the state again (Dekker with the host).
  a.mov(eax, 1);
  a.xchg(dword(rbx, UPCALL.sleeping), eax);
  a.cmp(dword(rbx, UPCALL.state), UPCALL_STATE.posted);
  a.jne(awake);
  a.lea(rdi, qword(rbx, UPCALL.state));
  a.mov(esi, FUTEX_WAIT);
  a.mov(edx, UPCALL_STATE.posted);
  a.xor(r10d, r10d);
  a.mov(eax, SYS.futex);
  a.syscall();
  a.bind(awake);
  a.mov(dword(rbx, UPCALL.sleeping), 0);
  a.jmp(wait);
  a.bind(answered);
  a.cmp(eax, UPCALL_STATE.copy);
  a.jne(done);
  // pwrite(region fd, source, length, region offset): the host reads the copy from the region.
  a.mov(edi, FD.region);
  a.mov(rsi, arg(0));
  a.mov(rdx, arg(1));
  a.mov(r10, arg(2));
  a.mov(eax, SYS.pwrite64);
  a.syscall();
  a.mov(arg(3), rax);
  a.mov(dword(rbx, UPCALL.state), UPCALL_STATE.posted);
  a.jmp(wait);
  a.bind(done);
  a.mov(rax, qword(rbx, UPCALL.result));
  a.movsd(xmm(0), qword(rbx, UPCALL.result + 8));
  a.mov(dword(rbx, UPCALL.state), UPCALL_STATE.free);
  a.lea(rsp, qword(rbp, -32));
  a.pop(r14);
  a.pop(r13);
  a.pop(r12);
  a.pop(rbx);
  a.pop(rbp);
  a.ret();
}
