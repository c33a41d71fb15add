/**
 * The sidecar executable (bootstrap stage 1): an ELF linked to glibc whose
 * `main` maps the shared region at the host's address and then serves the
 * submission ring forever:
 *
 *   wait for slot n (spin briefly, then sleep on a futex) → execute the
 *   request → publish 2n+2 in the slot → wake a sleeping host → ring the
 *   doorbell if the host armed it → n+1.
 *
 * Start-up, in order: die with the parent (PR_SET_PDEATHSIG) and exit at
 * once if the parent is already gone; read the header through the inherited
 * memfd (fd 3); map the region with MAP_FIXED_NOREPLACE at the address the
 * header names; close fd 3; mark fds 4 and 5 close-on-exec.
 *
 * Register use in the loop: r15 region base, r12 ring base, r13d request
 * number n, r14d the state word that submits n (2n+1), rbx the slot.
 */

import { writeExecutable } from '../elf/index.js';
import {
  F_SETFD,
  FD_CLOEXEC,
  FUTEX_WAIT,
  FUTEX_WAKE,
  MAP_ANONYMOUS,
  MAP_FIXED_NOREPLACE,
  MAP_PRIVATE,
  MAP_SHARED,
  PR_SET_PDEATHSIG,
  PROT_RW,
  PROT_RX,
  SIGKILL,
  SYS,
} from '../sys/linux.js';
import {
  Assembler,
  byte,
  dl,
  dword,
  eax,
  ecx,
  edi,
  edx,
  esi,
  type Label,
  mem,
  qword,
  r8,
  r8d,
  r9d,
  r10d,
  r11,
  r12,
  r13,
  r13d,
  r14,
  r14d,
  r15,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
} from '../x86/index.js';
import { EXIT_CODE, FD, H, MAGIC, OP, RING_OFFSET, RING_SLOTS, S, SLOT_SIZE, VERSION } from './protocol.js';
import { emitStart } from './start.js';

/** Stack frame of main (offsets from rsp). */
const M = {
  header: 0, // 64 bytes read from the memfd
  spinSkip: 64, // waits left to sleep without spinning
  spinBackoff: 72, // next value of spinSkip after a missed spin
  one: 80, // the doorbell byte
  size: 88, // ≡ 8 (mod 16) with the five pushes after rbp
} as const;

export function buildKernel(): Uint8Array {
  const a = new Assembler();
  const main = a.label('main');
  const fn = (n: string): Label => a.extern(n);
  emitStart(a, main);

  const exitWith = (code: number): Label => {
    const l = a.label();
    exits.push([l, code]);
    return l;
  };
  const exits: [Label, number][] = [];
  const loop = a.label('serve');
  const waitSlot = a.label('wait_slot');
  const complete = a.label('complete');
  const dispatch = a.label('dispatch');

  // int main(void)
  a.bind(main);
  a.push(rbp);
  a.mov(rbp, rsp);
  a.push(rbx);
  a.push(r12);
  a.push(r13);
  a.push(r14);
  a.push(r15);
  a.sub(rsp, M.size);

  a.mov(edi, PR_SET_PDEATHSIG);
  a.mov(esi, SIGKILL);
  a.xor(edx, edx);
  a.xor(ecx, ecx);
  a.xor(r8d, r8d);
  a.xor(eax, eax); // variadic: no vector arguments
  a.call(fn('prctl'));

  // pread(FD.region, header, 64, 0)
  a.mov(edi, FD.region);
  a.lea(rsi, qword(rsp, M.header));
  a.mov(edx, 64);
  a.xor(ecx, ecx);
  a.call(fn('pread'));
  a.cmp(rax, 64);
  a.jne(exitWith(EXIT_CODE.badRegion));
  a.cmp(dword(rsp, M.header + H.magic), MAGIC);
  a.jne(exitWith(EXIT_CODE.badRegion));
  a.cmp(dword(rsp, M.header + H.version), VERSION);
  a.jne(exitWith(EXIT_CODE.badRegion));

  // The parent may have died before PR_SET_PDEATHSIG took effect.
  a.call(fn('getppid'));
  a.cmp(eax, dword(rsp, M.header + H.hostPid));
  a.jne(exitWith(EXIT_CODE.orphan));

  // mmap(address, size, RW, MAP_SHARED | MAP_FIXED_NOREPLACE, FD.region, 0)
  a.mov(rdi, qword(rsp, M.header + H.address));
  a.mov(rsi, qword(rsp, M.header + H.size));
  a.mov(edx, PROT_RW);
  a.mov(r10d, MAP_SHARED | MAP_FIXED_NOREPLACE);
  a.mov(r8, FD.region);
  a.xor(r9d, r9d);
  a.mov(eax, SYS.mmap);
  a.syscall();
  a.cmp(rax, qword(rsp, M.header + H.address));
  a.jne(exitWith(EXIT_CODE.mapFailed));
  a.mov(r15, rax);

  a.mov(edi, FD.region);
  a.call(fn('close'));
  for (const fd of [FD.doorbell, FD.output]) {
    a.mov(edi, fd);
    a.mov(esi, F_SETFD);
    a.mov(edx, FD_CLOEXEC);
    a.xor(eax, eax);
    a.call(fn('fcntl'));
  }
  a.call(fn('getpid'));
  a.mov(dword(r15, H.sidecarPid), eax);

  a.mov(qword(rsp, M.spinSkip), 0);
  a.mov(qword(rsp, M.spinBackoff), 1);
  a.mov(qword(rsp, M.one), 1);
  a.lea(r12, qword(r15, RING_OFFSET));
  a.xor(r13d, r13d);

  // The loop.
  a.align(16);
  a.bind(loop);
  a.mov(eax, r13d);
  a.and(eax, RING_SLOTS - 1);
  a.shl(eax, Math.log2(SLOT_SIZE));
  a.lea(rbx, qword(r12, rax, 1, 0));
  a.lea(r14d, mem(4, null, r13, 2, 1));
  a.cmp(dword(rbx, S.state), r14d);
  a.je(dispatch);
  a.call(waitSlot);
  a.bind(dispatch);
  const notCall = a.label();
  a.cmp(dword(rbx, S.op), OP.CALL);
  a.jne(notCall);
  a.mov(rdi, rbx);
  a.call(qword(rbx, S.a0));

  /** futex(cqCount, FUTEX_WAKE): wakes a host sleeping in a synchronous call. */
  const emitWakeHost = (): void => {
    a.lea(rdi, qword(r15, H.cqCount));
    a.mov(esi, FUTEX_WAKE);
    a.mov(edx, 0x7fffffff);
    a.mov(eax, SYS.futex);
    a.syscall();
  };
  /** write(doorbell, "\x01", 1): wakes the host's event loop. */
  const emitDoorbell = (): void => {
    a.mov(edi, FD.doorbell);
    a.lea(rsi, qword(rsp, M.one));
    a.mov(edx, 1);
    a.call(fn('write'));
  };

  // Publish 2n+2 (xchg: a full fence before reading the host's flags).
  a.bind(complete);
  a.lea(eax, mem(4, r14, null, 1, 1));
  a.xchg(dword(rbx, S.state), eax);
  a.inc(dword(r15, H.cqCount));
  const wakeHost = a.label();
  const afterWake = a.label();
  a.cmp(dword(r15, H.cqSleep), 0);
  a.jne(wakeHost);
  a.bind(afterWake);
  a.inc(r13d);
  const ring = a.label();
  a.cmp(dword(r15, H.bellArmed), 0);
  a.jne(ring);
  a.jmp(loop);

  // The host sleeps on cqCount: wake it.
  a.bind(wakeHost);
  emitWakeHost();
  a.jmp(afterWake);

  // The host asked for a doorbell byte: take the arming (only one writer wins) and write.
  a.bind(ring);
  a.xor(eax, eax);
  a.xchg(dword(r15, H.bellArmed), eax);
  a.test(eax, eax);
  a.jz(loop);
  emitDoorbell();
  a.jmp(loop);

  // Requests other than CALL.
  a.bind(notCall);
  const ops: [number, Label][] = [
    [OP.PING, a.label()],
    [OP.LOAD, a.label()],
    [OP.UNLOAD, a.label()],
    [OP.DLOPEN, a.label()],
    [OP.DLSYM, a.label()],
    [OP.EXIT, a.label()],
  ];
  a.mov(eax, dword(rbx, S.op));
  for (const [op, l] of ops) {
    a.cmp(eax, op);
    a.je(l);
  }
  a.mov(qword(rbx, S.a0), -1); // unknown request
  a.mov(qword(rbx, S.a1), -1);
  a.jmp(complete);
  const arg = (i: number) => qword(rbx, S.args + 8 * i);
  const handler = (op: number): Label => (ops.find(([o]) => o === op) as [number, Label])[1];

  // PING: a0 ← a1.
  a.bind(handler(OP.PING));
  a.mov(rax, qword(rbx, S.a1));
  a.mov(qword(rbx, S.a0), rax);
  a.jmp(complete);

  // LOAD: map private memory, copy, relocate, protect the code part read+execute.
  {
    a.bind(handler(OP.LOAD));
    const fail = a.label();
    a.xor(edi, edi);
    a.mov(rsi, arg(1));
    a.mov(edx, PROT_RW);
    a.mov(r10d, MAP_PRIVATE | MAP_ANONYMOUS);
    a.mov(r8, -1);
    a.xor(r9d, r9d);
    a.mov(eax, SYS.mmap);
    a.syscall();
    a.cmp(rax, -4096);
    a.ja(fail);
    a.mov(qword(rbx, S.a0), rax);
    a.mov(rdi, rax);
    a.mov(rsi, arg(0));
    a.mov(rdx, arg(1));
    a.call(fn('memcpy'));
    // for i < count: *(u64*)(base + relocs[i]) += base
    const relLoop = a.label();
    const relDone = a.label();
    a.mov(rdi, qword(rbx, S.a0));
    a.mov(rsi, arg(2));
    a.mov(rcx, arg(3));
    a.bind(relLoop);
    a.test(rcx, rcx);
    a.jz(relDone);
    a.mov(eax, dword(rsi));
    a.add(qword(rdi, rax, 1, 0), rdi);
    a.add(rsi, 4);
    a.dec(rcx);
    a.jmp(relLoop);
    a.bind(relDone);
    const noExec = a.label();
    a.cmp(arg(4), 0);
    a.je(noExec);
    a.mov(rsi, arg(4));
    a.mov(edx, PROT_RX);
    a.mov(eax, SYS.mprotect);
    a.syscall();
    a.test(rax, rax);
    a.jz(noExec);
    // Not executable after all: report why, and give the mapping back.
    a.neg(rax);
    a.mov(qword(rbx, S.a1), rax);
    a.mov(rdi, qword(rbx, S.a0));
    a.mov(rsi, arg(1));
    a.mov(eax, SYS.munmap);
    a.syscall();
    a.mov(qword(rbx, S.a0), 0);
    a.jmp(complete);
    a.bind(noExec);
    a.mov(qword(rbx, S.a1), 0);
    a.jmp(complete);
    a.bind(fail);
    a.neg(rax);
    a.mov(qword(rbx, S.a1), rax);
    a.mov(qword(rbx, S.a0), 0);
    a.jmp(complete);
  }

  // UNLOAD: a0 ← munmap(args0, args1).
  a.bind(handler(OP.UNLOAD));
  a.mov(rdi, arg(0));
  a.mov(rsi, arg(1));
  a.mov(eax, SYS.munmap);
  a.syscall();
  a.mov(qword(rbx, S.a0), rax);
  a.jmp(complete);

  // DLOPEN / DLSYM: a0 ← handle or address; on NULL, dlerror() text into the header.
  const saveError = a.label('save_dlerror');
  a.bind(handler(OP.DLOPEN));
  a.mov(rdi, arg(0));
  a.mov(rsi, arg(1));
  a.call(fn('dlopen'));
  a.mov(qword(rbx, S.a0), rax);
  a.test(rax, rax);
  a.jnz(complete);
  a.call(saveError);
  a.jmp(complete);

  a.bind(handler(OP.DLSYM));
  a.call(fn('dlerror')); // clear a stale error
  a.mov(rdi, arg(0));
  a.mov(rsi, arg(1));
  a.call(fn('dlsym'));
  a.mov(qword(rbx, S.a0), rax);
  a.test(rax, rax);
  a.jnz(complete);
  a.call(saveError);
  a.jmp(complete);
  a.bind(handler(OP.EXIT));
  a.mov(r14, arg(0));
  a.lea(eax, mem(4, null, r13, 2, 2));
  a.xchg(dword(rbx, S.state), eax);
  a.inc(dword(r15, H.cqCount));
  emitWakeHost();
  emitDoorbell();
  a.mov(rdi, r14);
  a.call(fn('exit'));

  // save_dlerror: copies dlerror() (if any) into the header's error text, NUL-terminated.
  {
    a.bind(saveError);
    a.sub(rsp, 8);
    a.call(fn('dlerror'));
    a.lea(rdi, qword(r15, H.errorText));
    a.mov(byte(rdi), 0);
    const done = a.label();
    const copy = a.label();
    a.test(rax, rax);
    a.jz(done);
    a.mov(ecx, H.errorTextSize - 1);
    a.bind(copy);
    a.mov(dl, byte(rax));
    a.mov(byte(rdi), dl);
    a.test(dl, dl);
    a.jz(done);
    a.inc(rax);
    a.inc(rdi);
    a.dec(ecx);
    a.jnz(copy);
    a.mov(byte(rdi), 0);
    a.bind(done);
    a.add(rsp, 8);
    a.ret();
  }

  // wait_slot: returns once [rbx] == r14d. Spins up to spinTicks (adaptively), then sleeps on sqBell.
  {
    a.bind(waitSlot);
    const sleep = a.label();
    const spin = a.label();
    const hit = a.label();
    // Frame: the call pushed 8 bytes; main's locals are at rsp+8.
    const local = (off: number) => qword(rsp, 8 + off);
    a.cmp(local(M.spinSkip), 0);
    a.je(a.label('wait_try_spin'));
    a.dec(local(M.spinSkip));
    a.jmp(sleep);
    a.bind(a.label('wait_try_spin'));
    a.mov(r8, qword(r15, H.spinTicks));
    a.test(r8, r8);
    a.jz(sleep);
    /** rax = the time-stamp counter (rdtsc's edx:eax). */
    const readTsc = (): void => {
      a.rdtsc();
      a.shl(rdx, 32);
      a.or(rax, rdx);
    };
    readTsc();
    a.mov(r11, rax);
    a.bind(spin);
    a.pause();
    a.cmp(dword(rbx, S.state), r14d);
    a.je(hit);
    readTsc();
    a.sub(rax, r11);
    a.cmp(rax, r8);
    a.jb(spin);
    // Skip spinning for the next 1, 2, 4 ... 256 waits.
    a.mov(rax, local(M.spinBackoff));
    a.mov(local(M.spinSkip), rax);
    a.add(rax, rax);
    a.cmp(rax, 256);
    a.mov(ecx, 256);
    a.cmova(eax, ecx);
    a.mov(local(M.spinBackoff), rax);
    a.jmp(sleep);
    a.bind(hit);
    a.mov(local(M.spinBackoff), 1);
    a.ret();

    // Sleep: publish the flag, re-check, then futex-wait on sqBell.
    const recheck = a.label();
    a.bind(sleep);
    a.mov(edx, dword(r15, H.sqBell));
    a.mov(eax, 1);
    a.xchg(dword(r15, H.sqSleep), eax);
    a.cmp(dword(rbx, S.state), r14d);
    a.je(recheck);
    a.lea(rdi, qword(r15, H.sqBell));
    a.mov(esi, FUTEX_WAIT);
    a.xor(r10d, r10d);
    a.mov(eax, SYS.futex);
    a.syscall();
    a.bind(recheck);
    a.mov(dword(r15, H.sqSleep), 0);
    a.cmp(dword(rbx, S.state), r14d);
    a.jne(sleep);
    a.ret();
  }

  for (const [l, code] of exits) {
    a.bind(l);
    a.mov(edi, code);
    a.call(fn('exit'));
  }
  return writeExecutable(a.finish(), { needed: ['libc.so.6'] });
}
