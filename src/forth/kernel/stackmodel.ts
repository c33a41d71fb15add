/**
 * The compiler's door to the stack model (lib/optimise.fs).
 *
 * While a colon definition compiles, the compiler hands each word, literal
 * and conditional branch to a Forth word (U.vmHook) that keeps the top of
 * the data stack as a compile-time model: constants, registers and cells
 * of the stack in memory, moved around without code, and emits the code
 * of what it knows (stack words, arithmetic, memory, comparisons fused with
 * the branch) on the registers the items live in. Anything it does not
 * know, and every branch target, call and exit, first flushes the model:
 * code that puts the items where every word expects them (the top in rbx,
 * the others at [rbp], [rbp+8] …).
 *
 * vm_call: ecx = kind, rdx = x → rax = nonzero when the model took it.
 * Kinds: 0 flush, 1 compile the xt x, 2 compile the literal x, 3 compile
 * the opcode of a branch taken when the top is false (fuse_branch writes
 * its rel32), 4 a definition begins. The model is called only while a
 * definition compiles (U.vmActive) and never from inside itself (U.vmBusy).
 * vm_flush: kind 0, keeping every register.
 */

import { ecx, qword, r8, r9, r10, r11, r13, rax, rbx, rcx, rdi, rdx, rsi } from '../../x86/index.js';
import { U } from '../layout.js';
import type { Builder } from './context.js';

export function stackModelDoor(k: Builder): void {
  const { a, L, tosPush, tosPop } = k;
  const no = L();
  a.bind(a.label('vm_call'));
  a.mov(rax, qword(r13, U.vmHook));
  a.test(rax, rax);
  a.jz(no);
  a.cmp(qword(r13, U.vmActive), 0);
  a.je(no);
  a.cmp(qword(r13, U.vmBusy), 0);
  a.jne(no);
  a.mov(qword(r13, U.vmBusy), 1);
  tosPush(a);
  a.mov(rbx, rdx);
  tosPush(a);
  a.mov(rbx, rcx);
  a.call(rax);
  a.mov(rax, rbx);
  tosPop(a);
  a.mov(qword(r13, U.vmBusy), 0);
  a.ret();
  a.bind(no);
  a.xor(rax, rax);
  a.ret();

  const saved = [rax, rcx, rdx, rsi, rdi, r8, r9, r10, r11];
  a.bind(a.label('vm_flush'));
  for (const r of saved) a.push(r);
  a.xor(ecx, ecx);
  a.xor(rdx, rdx);
  a.call(a.label('vm_call'));
  for (const r of [...saved].reverse()) a.pop(r);
  a.ret();
}
