/**
 * Callback thunks: the machine code behind a function pointer that runs a
 * JavaScript function. C calls the thunk as any function; it claims one of
 * the channel's upcall slots (UPCALL in src/channel/layout.ts), spills the
 * argument registers and the first stack words there, posts it, wakes the
 * host (a futex wake on the completion count, for a host waiting in a
 * synchronous call, and a doorbell byte when the host armed it, for its
 * event loop), and waits,
 * spinning and then sleeping on the slot's state word, until the host
 * answers; then it returns the result the host wrote. Any thread may call
 * it: the slot is claimed with `lock cmpxchg`.
 *
 * While it waits the host may ask it to copy memory: state COPY with the
 * source, the length and the region offset in the first argument words;
 * the thunk copies with pwrite on the region's descriptor (so an
 * unreadable address is -EFAULT, not a fault), stores the result in the
 * fourth word and posts the slot again.
 */

import { CONTROL, FD, UPCALL, UPCALL_SIZE, UPCALL_SLOTS, UPCALL_STATE } from '../channel/layout.js';
import { FUTEX_WAIT, FUTEX_WAKE, SYS } from '../sys/linux.js';
import {
  Assembler,
  byte,
  dword,
  eax,
  edi,
  edx,
  esi,
  type ObjectCode,
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

/** Stack words of the caller's frame the thunk spills (a callback may take this many arguments on the stack). */
export const THUNK_STACK_WORDS = 8;
/** Upcall argument words: integer registers at 0, vector registers at 8, stack words at 16. */
export const UPCALL_ARGS = { int: 0, vec: 8, stack: 16 } as const;

const SPINS = 4000;

/** The thunk of callback `id`, posting to the channel whose control page is at `control`. */
export function buildThunk(id: number, control: bigint): ObjectCode {
  const a = new Assembler();
  const claim = a.label();
  const tryNext = a.label();
  const got = a.label();
  const wait = a.label();
  const spin = a.label();
  const answered = a.label();
  const done = a.label();
  const arg = (k: number) => qword(rbx, UPCALL.args + 8 * k);

  a.push(rbp);
  a.mov(rbp, rsp);
  a.push(rbx);
  a.push(r12);
  a.push(r13);
  a.push(r14); // five pushes: the frame stays 16-byte aligned
  a.mov(r12, control);
  // Claim a free slot (any thread may be here).
  a.bind(claim);
  a.xor(r13d, r13d);
  a.bind(tryNext);
  a.mov(rbx, r13);
  a.shl(rbx, Math.log2(UPCALL_SIZE));
  a.lea(rbx, qword(r12, rbx, 1, CONTROL.upcalls));
  a.xor(eax, eax);
  a.mov(r11d, UPCALL_STATE.claimed); // the argument registers stay as the caller set them
  a.lock().cmpxchg(dword(rbx, UPCALL.state), r11d);
  a.jz(got);
  a.inc(r13d);
  a.cmp(r13d, UPCALL_SLOTS);
  a.jb(tryNext);
  a.pause();
  a.jmp(claim);
  // Spill the arguments, post, wake the host.
  a.bind(got);
  a.mov(dword(rbx, UPCALL.callback), id);
  [rdi, rsi, rdx, rcx, r8, r9].forEach((r, k) => {
    a.mov(arg(UPCALL_ARGS.int + k), r);
  });
  for (let k = 0; k < 8; k++) a.movsd(arg(UPCALL_ARGS.vec + k), xmm(k));
  for (let k = 0; k < THUNK_STACK_WORDS; k++) {
    a.mov(rax, qword(rbp, 16 + 8 * k));
    a.mov(arg(UPCALL_ARGS.stack + k), rax);
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
  const noBell = a.label();
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
  a.mov(r14d, SPINS);
  a.bind(spin);
  a.mov(eax, dword(rbx, UPCALL.state));
  a.cmp(eax, UPCALL_STATE.posted);
  a.jne(answered);
  a.pause();
  a.dec(r14d);
  a.jnz(spin);
  a.lea(rdi, qword(rbx, UPCALL.state));
  a.mov(esi, FUTEX_WAIT);
  a.mov(edx, UPCALL_STATE.posted);
  a.xor(r10d, r10d);
  a.mov(eax, SYS.futex);
  a.syscall();
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
  return a.finish();
}
