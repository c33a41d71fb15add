/**
 * Calling C: (CCALL) and the dynamic linker's dlopen/dlsym/dlerror.
 *
 * A C function is called with its arguments taken from the Forth stacks as
 * the System V ABI wants them: integers and pointers from the data stack
 * into rdi rsi rdx rcx r8 r9, floats from the float stack into xmm0-7, the
 * rest on the machine stack, aligned to 16 bytes. Forth keeps its own
 * state in callee-saved registers (layout.ts), so nothing needs saving
 * around the call but the registers (CCALL) itself uses. A SIGINT that
 * arrives while C code runs is held until the function returns.
 */

import {
  al,
  ax,
  byte,
  dword,
  eax,
  ecx,
  edi,
  edx,
  esi,
  mem,
  qword,
  r8,
  r8d,
  r9,
  r9d,
  r10,
  r11,
  r11d,
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
  xmm,
  xmm0,
} from '../../x86/index.js';
import { THROW, U } from '../layout.js';
import type { A, Builder } from './context.js';

/** (CCALL) C-CALL (DLSYM) (DLOPEN) (DLERROR) (ERRNO). */
export function ccallWords(k: Builder): void {
  const { ext, tosPush, fpush, throwCode, ccall, prim, alias } = k;
  // (CCALL) ( i*x fn desc -- result? ) desc: count byte, kind bytes (0 integer/pointer
  // from the data stack, 1 double from the float stack, 2 float), return kind byte
  // (0 void, 1 cell, 2 double, 3 float, 4 int32, 5 uint32, 6 int8, 7 uint8, 8 int16, 9 uint16).
  // Integers come from the data stack and floats from the float stack, the last
  // parameter on top of its stack.
  prim('(CCALL)', '( i*x fn desc -- result? ) ( F: j*r -- r? )', { needs: 2 }, (x) => {
    const INT_REGS = [rdi, rsi, rdx, rcx, r8, r9];
    // Frame on the C stack (aligned): [0, 8*nstack) stack arguments, then 6 int + 8 vector slots.
    const count = x.label();
    const counted = x.label();
    const place = x.label();
    const placed = x.label();
    x.push(rbp);
    x.push(r12);
    x.push(r14);
    x.push(r15);
    x.mov(r15, rbx); // desc
    // Pass 1: count integer and float parameters.
    x.movzx(ecx, byte(r15));
    x.xor(r8d, r8d); // ints
    x.xor(r9d, r9d); // floats
    x.lea(rsi, qword(r15, 1));
    x.bind(count);
    x.test(ecx, ecx);
    x.jz(counted);
    x.cmp(byte(rsi), 0);
    const isFloat = x.label();
    const next = x.label();
    x.jne(isFloat);
    x.add(r8d, 1);
    x.jmp(next);
    x.bind(isFloat);
    x.add(r9d, 1);
    x.bind(next);
    x.add(rsi, 1);
    x.sub(ecx, 1);
    x.jmp(count);
    x.bind(counted);
    x.push(r8); // the counts, kept for after the call
    x.push(r9);
    x.mov(r14, rsp); // the Forth return stack, restored after the call
    // Stack slots: max(ints-6, 0) + max(floats-8, 0); frame = 8*(slots + 14), aligned.
    x.mov(eax, r8d);
    x.sub(eax, 6);
    x.mov(ecx, 0);
    x.cmovs(eax, ecx);
    x.mov(edx, r9d);
    x.sub(edx, 8);
    x.cmovs(edx, ecx);
    x.add(eax, edx);
    x.lea(r10, mem(8, null, rax, 8, 14 * 8 + 15));
    x.and(r10, -16);
    x.mov(r11, rsp);
    x.sub(r11, r10);
    x.and(r11, -16);
    x.mov(rsp, r11);
    x.lea(r10, qword(rsp, rax, 8, 0)); // register slots
    // Pass 2: place each parameter. edi = int index, esi = float index, r11d = stack slot.
    x.push(r10); // keep: register slot base (at [rsp]), shifts rsp by 8: compensated below
    x.xor(edi, edi);
    x.xor(esi, esi);
    x.xor(r11d, r11d);
    x.movzx(ecx, byte(r15));
    x.lea(rdx, qword(r15, 1)); // kind pointer
    x.bind(place);
    x.test(ecx, ecx);
    x.jz(placed);
    x.push(rcx);
    x.push(rdx);
    const pFloat = x.label();
    const pDone = x.label();
    x.cmp(byte(rdx), 0);
    x.jne(pFloat);
    // integer j = edi: value at data stack [rbp + 8 + 8*(ints-1-j)] (the fn cell is at [rbp])
    x.mov(eax, r8d);
    x.sub(eax, 1);
    x.sub(eax, edi);
    x.mov(rax, qword(rbp, rax, 8, 8));
    const intStack = x.label();
    x.cmp(edi, 6);
    x.jge(intStack);
    x.mov(r10, qword(rsp, 16));
    x.mov(qword(r10, rdi, 8, 0), rax);
    x.add(edi, 1);
    x.jmp(pDone);
    x.bind(intStack);
    x.mov(qword(rsp, r11, 8, 24), rax);
    x.add(r11d, 1);
    x.add(edi, 1);
    x.jmp(pDone);
    x.bind(pFloat);
    // float j = esi: value at float stack [r12 + 8*(floats-1-j)]
    x.mov(eax, r9d);
    x.sub(eax, 1);
    x.sub(eax, esi);
    x.movsd(xmm0, qword(r12, rax, 8, 0));
    const fDouble = x.label();
    x.cmp(byte(rdx), 2);
    x.jne(fDouble);
    x.cvtsd2ss(xmm0, xmm0);
    x.bind(fDouble);
    const fStack = x.label();
    x.cmp(esi, 8);
    x.jge(fStack);
    x.mov(r10, qword(rsp, 16));
    x.movsd(qword(r10, rsi, 8, 48), xmm0);
    x.add(esi, 1);
    x.jmp(pDone);
    x.bind(fStack);
    x.movsd(qword(rsp, r11, 8, 24), xmm0);
    x.add(r11d, 1);
    x.add(esi, 1);
    x.bind(pDone);
    x.pop(rdx);
    x.pop(rcx);
    x.add(rdx, 1);
    x.sub(ecx, 1);
    x.jmp(place);
    x.bind(placed);
    x.pop(r10);
    // Load registers and call. rsp is aligned again (the push above was popped).
    for (let i = 0; i < 8; i++) x.movsd(xmm(i), qword(r10, 48 + 8 * i));
    x.mov(r11, qword(rbp)); // fn
    // al = vector registers used (for variadic callees), before r9 becomes an argument
    x.mov(eax, r9d);
    x.cmp(eax, 8);
    const few = x.label();
    x.jbe(few);
    x.mov(eax, 8);
    x.bind(few);
    for (let i = 0; i < 6; i++) x.mov(INT_REGS[i] as typeof rdi, qword(r10, 8 * i));
    x.call(r11);
    x.mov(rsp, r14);
    // Result: drop desc, fn and the integer parameters; drop the float parameters.
    x.movzx(ecx, byte(r15));
    x.movzx(ecx, byte(r15, rcx, 1, 1)); // return kind
    x.pop(r9); // floats
    x.pop(r8); // ints
    x.pop(r15);
    x.pop(r14);
    x.pop(r12);
    x.pop(rbp);
    x.lea(rbp, qword(rbp, r8, 8, 8)); // past fn and the integers
    x.mov(rbx, qword(rbp)); // new top
    x.lea(rbp, qword(rbp, 8));
    x.lea(r12, qword(r12, r9, 8, 0));
    // Push the result.
    const kinds: [number, (x: A) => void][] = [
      [1, (y) => y.mov(rdx, rax)],
      [4, (y) => y.movsxd(rdx, eax)],
      [5, (y) => y.mov(edx, eax)],
      [6, (y) => y.movsx(rdx, al)],
      [7, (y) => y.movzx(edx, al)],
      [8, (y) => y.movsx(rdx, ax)],
      [9, (y) => y.movzx(edx, ax)],
    ];
    const pushed = x.label();
    const intDone = x.label();
    for (const [k, conv] of kinds) {
      const nx = x.label();
      x.cmp(ecx, k);
      x.jne(nx);
      conv(x);
      x.jmp(intDone);
      x.bind(nx);
    }
    const notD = x.label();
    x.cmp(ecx, 2);
    x.jne(notD);
    fpush(x, xmm0);
    x.jmp(pushed);
    x.bind(notD);
    const notF = x.label();
    x.cmp(ecx, 3);
    x.jne(notF);
    x.cvtss2sd(xmm0, xmm0);
    fpush(x, xmm0);
    x.bind(notF);
    x.jmp(pushed);
    x.bind(intDone);
    tosPush(x);
    x.mov(rbx, rdx);
    x.bind(pushed);
    const noInt = x.label();
    x.cmp(qword(r13, U.pendingInterrupt), 0);
    x.jne(noInt);
    x.ret();
    x.bind(noInt);
    x.mov(qword(r13, U.pendingInterrupt), 0);
    throwCode(THROW.userInterrupt);
  });
  alias('C-CALL', '(CCALL)'); // ( i*x fn desc -- result? )
  prim('(DLSYM)', '( handle zname -- addr|0 )', {}, (x) => {
    x.mov(rsi, rbx);
    x.mov(rdi, qword(rbp));
    ccall(ext('dlsym'));
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
    x.ret();
  });
  prim('(DLOPEN)', '( zname -- handle|0 )', {}, (x) => {
    x.mov(rdi, rbx);
    x.mov(esi, 2 | 0x100); // RTLD_NOW | RTLD_GLOBAL
    ccall(ext('dlopen'));
    x.mov(rbx, rax);
    x.ret();
  });
  prim('(DLERROR)', '( -- zstr|0 )', {}, (x) => {
    ccall(ext('dlerror'));
    tosPush(x);
    x.mov(rbx, rax);
    x.ret();
  });
  prim('(ERRNO)', '( -- n )', {}, (x) => {
    ccall(ext('__errno_location'));
    tosPush(x);
    x.movsxd(rbx, dword(rax));
    x.ret();
  });
}

/** ccall_aligned: rax = C function, called with rsp aligned. */
export function ccallAlignedRoutine(k: Builder): void {
  const { a } = k;
  const { ccallAligned } = k.r;
  a.bind(ccallAligned);
  a.push(rbp);
  a.mov(rbp, rsp);
  a.and(rsp, -16);
  a.call(rax);
  a.mov(rsp, rbp);
  a.pop(rbp);
  a.ret();
}
