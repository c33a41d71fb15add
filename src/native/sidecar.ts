/**
 * The sidecar executable (bootstrap stage 1): an ELF linked to glibc whose
 * `main` maps the shared region at the host's address and then serves one
 * channel of it forever:
 *
 *   wait for slot n (spin briefly, then sleep on a futex) → run the request
 *   → publish the completion count n+1 → wake a sleeping host → ring the
 *   doorbell if the host armed it → n+1.
 *
 * Start-up, in order: die with the parent (PR_SET_PDEATHSIG) and exit at
 * once if the parent is already gone; read the region header through the
 * inherited memfd (fd 3); check the channel number given as argv[1]; map
 * the region with MAP_FIXED_NOREPLACE at the address the header names; mark
 * fds 3, 4 and 5 close-on-exec (fd 3 stays open: the COPY and STRING
 * requests write through it); when argv[2] names a jail block in the
 * region, apply the jail (src/native/jail.ts) before serving anything.
 *
 * Register use in the loop: r15 the channel, r12 its ring, r13d the request
 * number n, r14d the state word that submits n (2n+1), rbx the slot, rbp a
 * request's argument record.
 */

import { JAIL_BLOCK, JAIL_MAGIC } from '../channel/jail.js';
import {
  BUILTIN_TRAMPOLINES,
  CALL_SLOTS,
  CALLS_OFFSET,
  CHANNEL_BASE,
  CHANNEL_SIZE,
  CONTROL,
  EXIT_CODE,
  FD,
  FIRST_CALL,
  MAGIC,
  MAX_SPIN_TICKS,
  PAGE,
  REGION,
  RING_OFFSET,
  RING_SLOTS,
  SLOT,
  SLOT_SIZE,
  TRAMPOLINE_STRIDE,
  VERSION,
} from '../channel/layout.js';
import { argOffset, inRecord, REQUEST_ROWS, REQUESTS, type RequestRow, resultOffset } from '../channel/requests.js';
import { writeExecutable } from '../elf/index.js';
import {
  EFAULT,
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
  SIG_SETMASK,
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
  r10,
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
  rip,
  rsi,
  rsp,
} from '../x86/index.js';
import { emitJail, type JailLabels } from './jail.js';
import { emitStart } from './start.js';
import { emitThunks } from './thunk.js';
import { checkTrampolines, emitTrampolines } from './trampolines.js';

/** Stack frame of main (offsets from rsp). */
const M = {
  header: 0, // 64 bytes of the region header, read from the memfd
  spinSkip: 64, // waits left to sleep without spinning
  spinBackoff: 72, // next value of spinSkip after a missed spin
  one: 80, // the doorbell byte
  region: 88, // the region's address
  jail: 96, // argv[2] (the jail block's address in decimal), or 0
  size: 104, // ≡ 8 (mod 16) with the five pushes after rbp
} as const;

export function buildSidecar(): Uint8Array {
  const a = new Assembler();
  const main = a.label('main');
  const fn = (n: string): Label => a.extern(n);
  emitStart(a, main);

  const exits: [Label, number][] = [];
  const exitWith = (code: number): Label => {
    const l = a.label();
    exits.push([l, code]);
    return l;
  };
  const loop = a.label('serve');
  const waitSlot = a.label('wait_slot');
  const complete = a.label('complete');
  const dispatch = a.label('dispatch');
  const badRequest = a.label('bad_request');
  const trampolines = a.label('trampolines');
  const thunks = a.label('thunks');
  const controlPage = a.label('control_page');
  const errnoPtr = a.label('errno_ptr');
  const jail: JailLabels = { apply: a.label('jail_apply'), sigsys: a.label('jail_sigsys') };

  // int main(int argc, char **argv)
  a.bind(main);
  a.push(rbp);
  a.mov(rbp, rsp);
  a.push(rbx);
  a.push(r12);
  a.push(r13);
  a.push(r14);
  a.push(r15);
  a.sub(rsp, M.size);
  // argv[1]: the channel number (decimal digits), kept in r13 until the header is read;
  // argv[2], when there is one: the jail block's address (src/channel/jail.ts).
  a.mov(qword(rsp, M.jail), 0);
  {
    const two = a.label();
    const args = a.label();
    a.cmp(edi, 3);
    a.jne(two);
    a.mov(rax, qword(rsi, 16));
    a.mov(qword(rsp, M.jail), rax);
    a.jmp(args);
    a.bind(two);
    a.cmp(edi, 2);
    a.jne(exitWith(EXIT_CODE.badChannel));
    a.bind(args);
  }
  a.mov(rsi, qword(rsi, 8));
  a.xor(r13, r13);
  {
    const digit = a.label();
    const done = a.label();
    a.bind(digit);
    a.movzx(eax, byte(rsi));
    a.test(eax, eax);
    a.jz(done);
    a.sub(eax, 0x30);
    a.cmp(eax, 9);
    a.ja(exitWith(EXIT_CODE.badChannel));
    a.imul(r13, r13, 10);
    a.add(r13, rax);
    a.inc(rsi);
    a.cmp(r13, 1 << 16);
    a.ja(exitWith(EXIT_CODE.badChannel));
    a.jmp(digit);
    a.bind(done);
  }

  // The host starts us with every signal blocked (see the addon's spawn): unblock them.
  a.mov(qword(rsp, M.header), 0);
  a.mov(edi, SIG_SETMASK);
  a.lea(rsi, qword(rsp, M.header));
  a.xor(edx, edx);
  a.mov(r10d, 8);
  a.mov(eax, SYS.rt_sigprocmask);
  a.syscall();

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
  a.cmp(dword(rsp, M.header + REGION.magic), MAGIC);
  a.jne(exitWith(EXIT_CODE.badRegion));
  a.cmp(dword(rsp, M.header + REGION.version), VERSION);
  a.jne(exitWith(EXIT_CODE.badRegion));
  // The channel must exist and lie inside the region.
  a.mov(eax, dword(rsp, M.header + REGION.channels));
  a.cmp(r13, rax);
  a.jae(exitWith(EXIT_CODE.badChannel));
  a.imul(r13, r13, CHANNEL_SIZE);
  a.add(r13, CHANNEL_BASE); // the channel's offset
  a.lea(rax, qword(r13, CHANNEL_SIZE));
  a.cmp(rax, qword(rsp, M.header + REGION.size));
  a.ja(exitWith(EXIT_CODE.badRegion));

  // The parent may have died before PR_SET_PDEATHSIG took effect.
  a.call(fn('getppid'));
  a.cmp(eax, dword(rsp, M.header + REGION.hostPid));
  a.jne(exitWith(EXIT_CODE.orphan));

  // mmap(address, size, RW, MAP_SHARED | MAP_FIXED_NOREPLACE, FD.region, 0)
  a.mov(rdi, qword(rsp, M.header + REGION.address));
  a.mov(rsi, qword(rsp, M.header + REGION.size));
  a.mov(edx, PROT_RW);
  a.mov(r10d, MAP_SHARED | MAP_FIXED_NOREPLACE);
  a.mov(r8, FD.region);
  a.xor(r9d, r9d);
  a.mov(eax, SYS.mmap);
  a.syscall();
  a.cmp(rax, qword(rsp, M.header + REGION.address));
  a.jne(exitWith(EXIT_CODE.mapFailed));
  a.mov(qword(rsp, M.region), rax);
  a.lea(r15, qword(rax, r13, 1, 0)); // the channel

  for (const fd of [FD.region, FD.doorbell, FD.output]) {
    a.mov(edi, fd);
    a.mov(esi, F_SETFD);
    a.mov(edx, FD_CLOEXEC);
    a.xor(eax, eax);
    a.call(fn('fcntl'));
  }
  // The main thread's errno, where the errno-capturing trampolines find it (requests run on this thread only).
  a.call(fn('__errno_location'));
  a.mov(qword(errnoPtr), rax);
  a.call(fn('getpid'));
  a.mov(dword(r15, CONTROL.sidecarPid), eax);
  // The callback thunks: where they are (for the host) and the channel they post to.
  a.mov(qword(controlPage), r15);
  a.lea(rax, qword(thunks));
  a.mov(qword(r15, CONTROL.thunks), rax);

  // The jail, when asked for: applied before the first request is served.
  {
    const none = a.label();
    const digit = a.label();
    const parsed = a.label();
    const bad = exitWith(EXIT_CODE.jailFailed);
    a.mov(rsi, qword(rsp, M.jail));
    a.test(rsi, rsi);
    a.jz(none);
    a.xor(edi, edi);
    a.bind(digit);
    a.movzx(eax, byte(rsi));
    a.test(eax, eax);
    a.jz(parsed);
    a.sub(eax, 0x30);
    a.cmp(eax, 9);
    a.ja(bad);
    a.imul(rdi, rdi, 10);
    a.jo(bad);
    a.add(rdi, rax);
    a.inc(rsi);
    a.jmp(digit);
    a.bind(parsed);
    // The block must lie inside the region and carry its magic word.
    a.cmp(rdi, qword(rsp, M.region));
    a.jb(bad);
    a.lea(rax, qword(rdi, JAIL_BLOCK.size));
    a.mov(rcx, qword(rsp, M.region));
    a.add(rcx, qword(rsp, M.header + REGION.size));
    a.cmp(rax, rcx);
    a.ja(bad);
    a.cmp(dword(rdi, JAIL_BLOCK.magic), JAIL_MAGIC);
    a.jne(bad);
    a.call(jail.apply);
    a.bind(none);
  }

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
  a.cmp(dword(rbx, SLOT.state), r14d);
  a.je(dispatch);
  a.call(waitSlot);
  a.bind(dispatch);
  const request = a.label('request');
  a.mov(eax, dword(rbx, SLOT.fn));
  a.cmp(eax, FIRST_CALL);
  a.jb(request);
  a.cmp(eax, CALL_SLOTS);
  a.jae(badRequest);
  // A call: trampoline(slot, target) from the call table; a small trampoline
  // value is the number of one built into this executable.
  a.shl(eax, 4);
  a.lea(rcx, qword(r15, rax, 1, CALLS_OFFSET));
  a.mov(rdi, rbx);
  a.mov(rsi, qword(rcx, 8));
  a.mov(rax, qword(rcx));
  const loaded = a.label('loaded_trampoline');
  const called = a.label();
  a.cmp(rax, BUILTIN_TRAMPOLINES);
  a.jae(loaded);
  a.shl(eax, Math.log2(TRAMPOLINE_STRIDE));
  a.lea(rcx, mem(8, rip, null, 1, 0, { label: trampolines }));
  a.add(rax, rcx);
  a.bind(loaded);
  a.call(rax);
  a.bind(called);

  /** futex(cqCount, FUTEX_WAKE): wakes a host sleeping in a synchronous call. */
  const emitWakeHost = (): void => {
    a.lea(rdi, qword(r15, CONTROL.cqCount));
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

  // Publish the count n+1 (xchg: a full fence before reading the host's flags).
  a.bind(complete);
  a.lea(eax, mem(4, r13, null, 1, 1));
  a.xchg(dword(r15, CONTROL.cqCount), eax);
  const wakeHost = a.label();
  const afterWake = a.label();
  a.cmp(dword(r15, CONTROL.cqSleep), 0);
  a.jne(wakeHost);
  a.bind(afterWake);
  a.inc(r13d);
  const ring = a.label();
  a.cmp(dword(r15, CONTROL.bellArmed), 0);
  a.jne(ring);
  a.jmp(loop);

  // The host sleeps on cqCount: wake it.
  a.bind(wakeHost);
  emitWakeHost();
  a.jmp(afterWake);

  // The host asked for a doorbell byte: take the arming (only one writer wins) and write.
  a.bind(ring);
  a.xor(eax, eax);
  a.xchg(dword(r15, CONTROL.bellArmed), eax);
  a.test(eax, eax);
  a.jz(loop);
  emitDoorbell();
  a.jmp(loop);

  // Requests other than calls: a compare chain over the request table (they are rare).
  a.bind(request);
  const handlers = new Map<string, Label>(REQUEST_ROWS.map((r) => [r.name, a.label(`request_${r.name}`)]));
  a.mov(eax, dword(rbx, SLOT.fn));
  for (const r of REQUEST_ROWS) {
    a.cmp(eax, r.code);
    a.je(handlers.get(r.name) as Label);
  }
  a.bind(badRequest);
  a.mov(qword(rbx, SLOT.a0), -1); // unknown request
  a.mov(qword(rbx, SLOT.a1), -1);
  a.jmp(complete);

  /** Enters a request's handler: binds its label and, for a record, points rbp at it. */
  const enter = (row: RequestRow): void => {
    a.bind(handlers.get(row.name) as Label);
    if (inRecord(row)) a.mov(rbp, qword(rbx, SLOT.a0));
  };
  /** An argument of a request, by name. */
  const arg = (row: RequestRow, field: string) => qword(inRecord(row) ? rbp : rbx, argOffset(row, field));
  const result = (row: RequestRow, field: string) => qword(rbx, resultOffset(row, field));

  // PING: value ← value.
  {
    const r = REQUESTS.ping;
    enter(r);
    a.mov(rax, arg(r, 'value'));
    a.mov(result(r, 'value'), rax);
    a.jmp(complete);
  }

  // LOAD: map private memory, copy, relocate, protect the code part read+execute.
  {
    const r = REQUESTS.load;
    enter(r);
    const fail = a.label();
    a.xor(edi, edi);
    a.mov(rsi, arg(r, 'length'));
    a.mov(edx, PROT_RW);
    a.mov(r10d, MAP_PRIVATE | MAP_ANONYMOUS);
    a.mov(r8, -1);
    a.xor(r9d, r9d);
    a.mov(eax, SYS.mmap);
    a.syscall();
    a.cmp(rax, -4096);
    a.ja(fail);
    a.mov(r14, rax); // the base (r14 is recomputed at the next slot)
    a.mov(rdi, rax);
    a.mov(rsi, arg(r, 'src'));
    a.mov(rdx, arg(r, 'length'));
    a.call(fn('memcpy'));
    // for i < count: *(u64*)(base + relocs[i]) += base
    const relLoop = a.label();
    const relDone = a.label();
    a.mov(rdi, r14);
    a.mov(rsi, arg(r, 'relocs'));
    a.mov(rcx, arg(r, 'count'));
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
    a.mov(rsi, arg(r, 'execLength'));
    a.test(rsi, rsi);
    a.jz(noExec);
    a.mov(rdi, r14);
    a.mov(edx, PROT_RX);
    a.mov(eax, SYS.mprotect);
    a.syscall();
    a.test(rax, rax);
    a.jz(noExec);
    // Not executable after all: report why, and give the mapping back.
    a.neg(rax);
    a.mov(result(r, 'errno'), rax);
    a.mov(rdi, r14);
    a.mov(rsi, arg(r, 'length'));
    a.mov(eax, SYS.munmap);
    a.syscall();
    a.mov(result(r, 'base'), 0);
    a.jmp(complete);
    a.bind(noExec);
    a.mov(result(r, 'base'), r14);
    a.mov(result(r, 'errno'), 0);
    a.jmp(complete);
    a.bind(fail);
    a.neg(rax);
    a.mov(result(r, 'errno'), rax);
    a.mov(result(r, 'base'), 0);
    a.jmp(complete);
  }

  // UNLOAD: status ← munmap(base, length).
  {
    const r = REQUESTS.unload;
    enter(r);
    a.mov(rdi, arg(r, 'base'));
    a.mov(rsi, arg(r, 'length'));
    a.mov(eax, SYS.munmap);
    a.syscall();
    a.mov(result(r, 'status'), rax);
    a.jmp(complete);
  }

  // DLOPEN / DLSYM: the handle or address; on NULL, the dlerror() text into the control page.
  const saveError = a.label('save_dlerror');
  {
    const r = REQUESTS.dlopen;
    enter(r);
    a.mov(rdi, arg(r, 'path'));
    a.mov(rsi, arg(r, 'flags'));
    a.call(fn('dlopen'));
    a.mov(result(r, 'handle'), rax);
    a.test(rax, rax);
    a.jnz(complete);
    a.call(saveError);
    a.jmp(complete);
  }
  {
    const r = REQUESTS.dlsym;
    enter(r);
    a.call(fn('dlerror')); // clear a stale error
    a.mov(rdi, arg(r, 'handle'));
    a.mov(rsi, arg(r, 'name'));
    a.call(fn('dlsym'));
    a.mov(result(r, 'address'), rax);
    a.test(rax, rax);
    a.jnz(complete);
    a.call(saveError);
    a.jmp(complete);
  }

  // COPY: pwrite(region fd, src, length, dst): the kernel reads src, so a bad address is -EFAULT.
  {
    const r = REQUESTS.copy;
    enter(r);
    a.mov(edi, FD.region);
    a.mov(rsi, arg(r, 'src'));
    a.mov(rdx, arg(r, 'length'));
    a.mov(r10, arg(r, 'dst'));
    a.mov(eax, SYS.pwrite64);
    a.syscall();
    a.mov(result(r, 'copied'), rax);
    a.jmp(complete);
  }

  // STRING: the NUL-terminated string at src into region offset dst, a page at a time
  // through the region fd (pwrite reads src in the kernel: an unreadable page is -EFAULT,
  // not a fault); the NUL is looked for in the copy, never in src. r14 counts the bytes copied.
  {
    const r = REQUESTS.string;
    enter(r);
    const next = a.label();
    const found = a.label();
    const full = a.label();
    const fault = a.label();
    a.mov(rax, arg(r, 'dst'));
    a.mov(result(r, 'dst'), rax);
    a.xor(r14d, r14d);
    a.bind(next);
    // This chunk: up to the end of src's page, and no further than capacity.
    a.mov(rsi, arg(r, 'src'));
    a.add(rsi, r14);
    a.mov(eax, esi);
    a.and(eax, PAGE - 1);
    a.mov(edx, PAGE);
    a.sub(rdx, rax);
    a.mov(rax, arg(r, 'capacity'));
    a.sub(rax, r14);
    a.cmp(rdx, rax);
    a.cmova(rdx, rax);
    a.test(rdx, rdx);
    a.jz(full);
    a.mov(edi, FD.region);
    a.mov(r10, arg(r, 'dst'));
    a.add(r10, r14);
    a.mov(eax, SYS.pwrite64);
    a.syscall();
    a.test(rax, rax);
    a.jle(fault);
    // memchr(region + dst + done, 0, copied), keeping `copied` on the stack across the call.
    a.mov(rdx, rax);
    a.mov(rdi, qword(rsp, M.region));
    a.add(rdi, arg(r, 'dst'));
    a.add(rdi, r14);
    a.xor(esi, esi);
    a.sub(rsp, 16);
    a.mov(qword(rsp), rdx);
    a.call(fn('memchr'));
    a.mov(rcx, qword(rsp));
    a.add(rsp, 16);
    a.test(rax, rax);
    a.jnz(found);
    a.add(r14, rcx);
    a.jmp(next);
    a.bind(found);
    a.sub(rax, qword(rsp, M.region));
    a.sub(rax, arg(r, 'dst'));
    a.mov(result(r, 'length'), rax);
    a.cmp(arg(r, 'free'), 0);
    a.je(complete);
    a.mov(rdi, arg(r, 'src'));
    a.call(fn('free'));
    a.jmp(complete);
    a.bind(full);
    a.mov(result(r, 'length'), r14);
    a.jmp(complete);
    a.bind(fault);
    const failed = a.label();
    a.test(rax, rax);
    a.jnz(failed);
    a.mov(rax, -EFAULT); // a write of nothing: report it as unreadable rather than loop
    a.bind(failed);
    a.mov(result(r, 'length'), rax);
    a.jmp(complete);
  }

  // EXIT: complete (count, wake, doorbell), then exit(status).
  {
    const r = REQUESTS.exit;
    enter(r);
    a.mov(r14, arg(r, 'status'));
    a.lea(eax, mem(4, r13, null, 1, 1));
    a.xchg(dword(r15, CONTROL.cqCount), eax);
    emitWakeHost();
    emitDoorbell();
    a.mov(rdi, r14);
    a.call(fn('exit'));
  }

  // save_dlerror: copies dlerror() (if any) into the control page's error text, NUL-terminated.
  {
    a.bind(saveError);
    a.sub(rsp, 8);
    a.call(fn('dlerror'));
    a.lea(rdi, qword(r15, CONTROL.errorText));
    a.mov(byte(rdi), 0);
    const done = a.label();
    const copy = a.label();
    a.test(rax, rax);
    a.jz(done);
    a.mov(ecx, CONTROL.errorTextSize - 1);
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
    const trySpin = a.label();
    // Frame: the call pushed 8 bytes; main's locals are at rsp+8.
    const local = (off: number) => qword(rsp, 8 + off);
    a.cmp(local(M.spinSkip), 0);
    a.je(trySpin);
    a.dec(local(M.spinSkip));
    a.jmp(sleep);
    a.bind(trySpin);
    // The budget, clamped: the region is writable by other code in this process.
    a.mov(r8, qword(r15, CONTROL.spinTicks));
    a.mov(rax, MAX_SPIN_TICKS);
    a.cmp(r8, rax);
    a.cmova(r8, rax);
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
    a.cmp(dword(rbx, SLOT.state), r14d);
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
    a.mov(edx, dword(r15, CONTROL.sqBell));
    a.mov(eax, 1);
    a.xchg(dword(r15, CONTROL.sqSleep), eax);
    a.cmp(dword(rbx, SLOT.state), r14d);
    a.je(recheck);
    a.lea(rdi, qword(r15, CONTROL.sqBell));
    a.mov(esi, FUTEX_WAIT);
    a.xor(r10d, r10d);
    a.mov(eax, SYS.futex);
    a.syscall();
    a.bind(recheck);
    a.mov(dword(r15, CONTROL.sqSleep), 0);
    a.cmp(dword(rbx, SLOT.state), r14d);
    a.jne(sleep);
    a.ret();
  }

  emitTrampolines(a, trampolines, errnoPtr);
  emitThunks(a, thunks, controlPage);
  emitJail(a, jail, (n) => a.call(fn(n)), saveError, controlPage);
  a.data();
  a.align(8);
  a.bind(controlPage);
  a.dq(0);
  a.bind(errnoPtr);
  a.dq(0);
  a.text();

  for (const [l, code] of exits) {
    a.bind(l);
    a.mov(edi, code);
    a.call(fn('exit'));
  }
  const obj = a.finish();
  checkTrampolines(obj);
  return writeExecutable(obj, { needed: ['libc.so.6'] });
}
