/**
 * The floor under every cross-process call: two native processes, built by
 * our own assembler and ELF writer (no C compiler), ping-ponging a counter
 * on a shared page. It is what the channel would cost with nothing but the
 * hand-off itself: no JavaScript, no ring slots, no arguments.
 *
 * One executable per waiting strategy. `main` maps a shared anonymous page,
 * forks, and the two processes alternate on its first word: the parent
 * publishes 2i+1 and waits for 2i+2, the child waits for 2i+1 and publishes
 * 2i+2. After WARMUP untimed rounds the parent times ROUNDS rounds with
 * clock_gettime(CLOCK_MONOTONIC) and prints
 *
 *   ROUNDS s0 ns0 s1 ns1
 *
 * Strategies:
 *   spin        wait with a `pause` loop on the word; publish with a plain store
 *   futex       wait with FUTEX_WAIT on the word, publish and FUTEX_WAKE every time
 *   spin-futex  spin up to SPIN_TICKS TSC ticks, then set an "I sleep" flag and
 *               FUTEX_WAIT; the publisher wakes only a side whose flag is set
 *               (the scheme the sidecar kernel and host use, without adaptation)
 *
 * With `pin`, the parent runs on CPU 0 and the child on CPU 1; otherwise the
 * scheduler places them (on two cores with other load, often on one CPU).
 */

import { DEFAULT_SPIN_TICKS } from '../src/channel/layout.js';
import { writeExecutable } from '../src/elf/index.js';
import { emitStart } from '../src/native/start.js';
import { FUTEX_WAIT, FUTEX_WAKE, MAP_ANONYMOUS, MAP_SHARED, PROT_RW, SYS } from '../src/sys/linux.js';
import {
  Assembler,
  al,
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
  r9,
  r10d,
  r11,
  r12,
  r12d,
  r13,
  r13d,
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
} from '../src/x86/index.js';

export type FloorMode = 'spin' | 'futex' | 'spin-futex';

export interface FloorOptions {
  rounds: number;
  warmup: number;
  /** Pin the parent to CPU 0 and the child to CPU 1 (sched_setaffinity). */
  pin?: boolean;
}

const CLOCK_MONOTONIC = 1;

/** Offsets in the shared page: the word, and each side's sleep flag on its own cache line. */
const WORD = 0;
const FLAG = { parent: 64, child: 128 } as const;

/** Builds the ping-pong executable for one strategy. */
export function buildFloor(mode: FloorMode, opts: FloorOptions): Uint8Array {
  const a = new Assembler();
  const main = a.label('main');
  const fn = (n: string): Label => a.extern(n);
  const fmt = a.label();
  emitStart(a, main);

  // Publishes eax into the word; `other` is the peer's sleep flag.
  const publish = (other: number) => {
    if (mode === 'spin') {
      a.mov(dword(rbx, WORD), eax);
      return;
    }
    if (mode === 'futex') {
      a.mov(dword(rbx, WORD), eax);
      futexWake();
      return;
    }
    const skip = a.label();
    a.xchg(dword(rbx, WORD), eax); // a full fence before reading the peer's flag
    a.cmp(dword(rbx, other), 0);
    a.je(skip);
    futexWake();
    a.bind(skip);
  };
  const futexWake = () => {
    a.lea(rdi, qword(rbx, WORD));
    a.mov(esi, FUTEX_WAKE);
    a.mov(edx, 1);
    a.mov(eax, SYS.futex);
    a.syscall();
  };
  // futex(word, FUTEX_WAIT, eax, NULL): sleeps while the word still holds eax.
  const futexWait = () => {
    a.mov(edx, eax);
    a.lea(rdi, qword(rbx, WORD));
    a.mov(esi, FUTEX_WAIT);
    a.xor(r10d, r10d);
    a.mov(eax, SYS.futex);
    a.syscall();
  };
  // Waits until the word equals r13d; `own` is this side's sleep flag.
  const wait = (own: number) => {
    const done = a.label();
    if (mode === 'spin') {
      const spin = a.label();
      a.bind(spin);
      a.cmp(dword(rbx, WORD), r13d);
      a.je(done);
      a.pause();
      a.jmp(spin);
      a.bind(done);
      return;
    }
    if (mode === 'futex') {
      const again = a.label();
      a.bind(again);
      a.mov(eax, dword(rbx, WORD));
      a.cmp(eax, r13d);
      a.je(done);
      futexWait();
      a.jmp(again);
      a.bind(done);
      return;
    }
    const spin = a.label();
    const sleep = a.label();
    const woke = a.label();
    a.cmp(dword(rbx, WORD), r13d);
    a.je(done);
    a.rdtsc();
    a.shl(rdx, 32);
    a.or(rax, rdx);
    a.mov(r11, rax);
    a.bind(spin);
    a.pause();
    a.cmp(dword(rbx, WORD), r13d);
    a.je(done);
    a.rdtsc();
    a.shl(rdx, 32);
    a.or(rax, rdx);
    a.sub(rax, r11);
    a.cmp(rax, DEFAULT_SPIN_TICKS);
    a.jb(spin);
    a.bind(sleep);
    a.mov(eax, 1);
    a.xchg(dword(rbx, own), eax); // "I sleep", fenced before the re-check
    a.mov(eax, dword(rbx, WORD));
    a.cmp(eax, r13d);
    a.je(woke);
    futexWait();
    a.bind(woke);
    a.mov(dword(rbx, own), 0); // only the waiter clears its own flag
    a.cmp(dword(rbx, WORD), r13d);
    a.jne(sleep);
    a.bind(done);
  };

  // int main(void)
  // Frame: six pushes, then 40 bytes: [rsp] timespec t0, [rsp+16] timespec t1, [rsp+32] CPU mask.
  a.bind(main);
  for (const r of [rbx, rbp, r12, r13, r14, r15]) a.push(r);
  a.sub(rsp, 40);
  // rbx = mmap(NULL, 4096, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0)
  a.xor(edi, edi);
  a.mov(esi, 4096);
  a.mov(edx, PROT_RW);
  a.mov(ecx, MAP_SHARED | MAP_ANONYMOUS);
  a.mov(r8, -1);
  a.xor(r9, r9);
  a.call(fn('mmap'));
  a.mov(rbx, rax);
  a.call(fn('fork'));
  a.mov(r15, rax); // child pid, or 0 in the child
  if (opts.pin) {
    // sched_setaffinity(0, 8, &mask): mask 1 (CPU 0) in the parent, 2 (CPU 1) in the child.
    a.xor(eax, eax);
    a.test(r15, r15);
    a.sete(al);
    a.inc(eax);
    a.mov(qword(rsp, 32), rax);
    a.xor(edi, edi);
    a.mov(esi, 8);
    a.lea(rdx, qword(rsp, 32));
    a.call(fn('sched_setaffinity'));
  }
  a.xor(r12d, r12d); // i
  const child = a.label('child');
  a.test(r15, r15);
  a.jz(child);

  // Parent: publish 2i+1, wait for 2i+2; start the clock after the warm-up.
  const total = opts.warmup + opts.rounds;
  const ploop = a.label('parent_loop');
  const noClock = a.label();
  a.bind(ploop);
  a.cmp(r12d, opts.warmup);
  a.jne(noClock);
  a.mov(edi, CLOCK_MONOTONIC);
  a.lea(rsi, qword(rsp, 0));
  a.call(fn('clock_gettime'));
  a.bind(noClock);
  a.lea(eax, mem(0, r12, r12, 1, 1)); // 2i+1
  a.lea(r13d, mem(0, r12, r12, 1, 2)); // 2i+2
  publish(FLAG.child);
  wait(FLAG.parent);
  a.inc(r12d);
  a.cmp(r12d, total);
  a.jb(ploop);
  a.mov(edi, CLOCK_MONOTONIC);
  a.lea(rsi, qword(rsp, 16));
  a.call(fn('clock_gettime'));
  // waitpid(pid, NULL, 0)
  a.mov(rdi, r15);
  a.xor(esi, esi);
  a.xor(edx, edx);
  a.call(fn('waitpid'));
  // printf("%ld %ld %ld %ld %ld\n", rounds, s0, ns0, s1, ns1)
  a.lea(rdi, qword(fmt));
  a.mov(esi, opts.rounds);
  a.mov(rdx, qword(rsp, 0));
  a.mov(rcx, qword(rsp, 8));
  a.mov(r8, qword(rsp, 16));
  a.mov(r9, qword(rsp, 24));
  a.xor(eax, eax);
  a.call(fn('printf'));
  a.xor(eax, eax);
  a.add(rsp, 40);
  for (const r of [r15, r14, r13, r12, rbp, rbx]) a.pop(r);
  a.ret();

  // Child: wait for 2i+1, publish 2i+2.
  a.bind(child);
  const cloop = a.label('child_loop');
  a.bind(cloop);
  a.lea(r13d, mem(0, r12, r12, 1, 1)); // 2i+1
  wait(FLAG.child);
  a.lea(eax, mem(0, r12, r12, 1, 2)); // 2i+2
  publish(FLAG.parent);
  a.inc(r12d);
  a.cmp(r12d, total);
  a.jb(cloop);
  a.xor(edi, edi);
  a.call(fn('_exit'));

  a.rodata();
  a.bind(fmt);
  a.asciz('%ld %ld %ld %ld %ld\n');
  return writeExecutable(a.finish(), { needed: ['libc.so.6'] });
}

/** Nanoseconds per round trip from the executable's output line. */
export function parseFloor(out: string): number {
  const f = out.trim().split(/\s+/).map(Number);
  if (f.length !== 5 || f.some((x) => !Number.isFinite(x))) throw new Error(`unexpected floor output '${out}'`);
  const [rounds, s0, n0, s1, n1] = f as [number, number, number, number, number];
  return ((s1 - s0) * 1e9 + (n1 - n0)) / rounds;
}
