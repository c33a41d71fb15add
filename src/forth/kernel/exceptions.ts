/**
 * CATCH and THROW, and the signal handler that turns faults into THROWs.
 *
 * CATCH pushes a frame on the return stack (the stack pointers, loop
 * registers, input source and the previous handler) and records it in
 * U.handler; THROW unwinds rsp to it and restores what it saved, so an
 * error inside any depth of calls, or inside INCLUDED, comes back to the
 * CATCH with the caller's input source. forth_eval wraps every evaluation
 * in a CATCH, which is how an uncaught error reaches the host.
 *
 * Faults are not checked for in the code: a SIGSEGV, SIGBUS or SIGFPE in
 * Forth code runs the handler (on an alternate stack), which decides from
 * the faulting address which THROW it is (a guard page of a stack: under-
 * or overflow; near rsp: return stack overflow; else -9) and rewrites the
 * interrupted context so that it resumes in throw_from_signal.
 *
 * A THROW that ends an evaluation in the middle of a definition takes the
 * definition back: `:` and :NONAME note what the outermost definition found
 * (colon_snapshot), and forth_eval's error path runs (ABANDON) (lib/tools.fs),
 * which puts HERE, code space, LATEST and the word lists as they were.
 */

import {
  dword,
  eax,
  ebx,
  ecx,
  edi,
  edx,
  qword,
  r8,
  r9,
  r10,
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
} from '../../x86/index.js';
import { CTX, MEM, THROW, U } from '../layout.js';
import type { Builder } from './context.js';

/** The signals the handler takes (Linux x86-64 numbers). */
export const SIGINT = 2;
export const SIGBUS = 7;
export const SIGFPE = 8;
export const SIGSEGV = 11;

/** CATCH THROW, forth_throw, (CULPRIT) and BYE. */
export function exceptionWords(k: Builder): void {
  const { a, tosPush, tosPop, throwCode, prim } = k;
  const { throwL, saveCulprit } = k.r;
  // CATCH ( i*x xt -- j*x 0 | i*x n ): the frame on the return stack holds the
  // caller's stack pointers (the locals stack's too), loop registers, input
  // source and the previous handler. The cached top is stored in the cell it would have in memory, and
  // THROW reloads it from there: after a THROW the i*x are what the stack's
  // cells hold then, as in a Forth whose stack is all memory.
  const catchFrame = [U.srcAddr, U.srcLen, U.toIn, U.sourceId, U.line, U.lp];
  prim('CATCH', '( i*x xt -- j*x 0 | i*x n )', { needs: 1 }, (x) => {
    x.mov(rax, rbx);
    tosPop(x);
    x.mov(qword(rbp, -8), rbx);
    x.push(r14);
    x.push(r15);
    x.push(r12);
    x.push(rbp);
    for (const f of catchFrame) x.push(qword(r13, f));
    x.push(qword(r13, U.handler));
    x.mov(qword(r13, U.handler), rsp);
    x.call(rax);
    x.pop(qword(r13, U.handler));
    x.add(rsp, 8 * (4 + catchFrame.length));
    tosPush(x);
    x.xor(ebx, ebx);
    x.ret();
  });
  prim('THROW', '( k*x n -- k*x | i*x n )', { needs: 1 }, (x) => {
    const zero = x.label();
    x.test(rbx, rbx);
    x.jz(zero);
    x.mov(rax, rbx);
    x.jmp(throwL);
    x.bind(zero);
    tosPop(x);
    x.ret();
  });
  // forth_throw: eax = code (sign-extended): unwind to the innermost CATCH.
  a.bind(throwL);
  a.movsxd(rax, eax);
  // where it happened, for the report of an uncaught error
  for (const [from, to] of [
    [U.line, U.errLine],
    [U.toIn, U.errIn],
    [U.srcAddr, U.errSrc],
    [U.srcLen, U.errLen],
  ] as const) {
    a.mov(rcx, qword(r13, from));
    a.mov(qword(r13, to), rcx);
  }
  a.mov(rsp, qword(r13, U.handler));
  a.pop(qword(r13, U.handler));
  for (const f of [...catchFrame].reverse()) a.pop(qword(r13, f));
  a.pop(rbp);
  a.mov(rbx, qword(rbp, -8));
  a.pop(r12);
  a.pop(r15);
  a.pop(r14);
  tosPush(a);
  a.mov(rbx, rax);
  a.ret();

  prim('(CULPRIT)', '( addr len -- )', {}, (x) => {
    // text the next uncaught error reports with its message
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.call(saveCulprit);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
    x.ret();
  });
  prim('BYE', '( -- )', {}, (x) => {
    x.mov(rax, qword(r13, U.ctx));
    x.mov(qword(rax, CTX.bye), 1);
    throwCode(THROW.bye);
  });
}

/** save_culprit: rsi, rcx: text the next uncaught error reports. */
export function culpritRoutine(k: Builder): void {
  const { a } = k;
  const { saveCulprit } = k.r;
  a.bind(saveCulprit);
  a.push(rdi);
  a.mov(rdi, qword(r13, U.ctx));
  a.cmp(rcx, CTX.textSize);
  a.mov(eax, CTX.textSize);
  a.cmova(ecx, eax);
  a.mov(qword(rdi, CTX.textLen), rcx);
  a.lea(rdi, qword(rdi, CTX.text));
  a.cld();
  a.rep().movsb();
  a.pop(rdi);
  a.ret();
}

/** The signal handler and throw_from_signal. */
export function signalHandler(k: Builder): void {
  const { a, L, ext } = k;
  const { throwL, dataUA } = k.r;
  const UC_RIP = 168;
  const UC_RDI = 104;
  const UC_RSP = 160;
  const throwStub = L('throw_from_signal');
  {
    // handler(sig, info, uc): inside forth_eval, a fault becomes a THROW.
    a.bind(a.label('signal_handler'));
    const dfl = L();
    const redirect = L();
    const notInt = L();
    a.push(rbx);
    a.lea(rax, qword(dataUA));
    a.cmp(qword(rax, U.active), 0);
    const idle = L();
    a.je(idle);
    a.cmp(edi, SIGINT);
    a.jne(notInt);
    // SIGINT: at once if Forth code runs, else when the C function returns
    // (or, outside every CATCH, when the interpreter reads its next word).
    // The host's request in the status block is then taken.
    a.mov(rcx, qword(rax, U.ctx));
    a.mov(qword(rcx, CTX.interrupt), 0);
    a.cmp(qword(rax, U.handler), 0);
    a.je(a.label('sig_later'));
    const inForth = L();
    a.mov(rcx, qword(rdx, UC_RIP));
    a.cmp(rcx, qword(rax, U.codeLow));
    a.jb(a.label('sig_k'));
    a.cmp(rcx, qword(rax, U.codeEnd));
    a.jb(inForth);
    a.bind(a.label('sig_k'));
    a.cmp(rcx, qword(rax, U.kernelLow));
    a.jb(a.label('sig_later'));
    a.cmp(rcx, qword(rax, U.kernelHigh));
    a.jb(inForth);
    a.bind(a.label('sig_later'));
    a.mov(qword(rax, U.pendingInterrupt), 1);
    a.pop(rbx);
    a.ret();
    a.bind(inForth);
    a.mov(ecx, THROW.userInterrupt);
    a.jmp(redirect);
    a.bind(notInt);
    const notFpe = L();
    a.cmp(edi, SIGFPE);
    a.jne(notFpe);
    // The division primitives divide by rbx: zero is -10, anything else overflowed (-11).
    a.mov(ecx, THROW.divideByZero);
    a.cmp(qword(rdx, 128), 0); // uc_mcontext.gregs[REG_RBX]
    a.je(redirect);
    a.mov(ecx, THROW.outOfRange);
    a.jmp(redirect);
    a.bind(notFpe);
    // SIGSEGV/SIGBUS: which guard page (if any) did it hit?
    a.mov(r8, qword(rsi, 16)); // si_addr
    a.mov(ecx, THROW.invalidAddress);
    const guard = (base: number, size: number, code: number): void => {
      const nx = L();
      a.mov(r9, qword(rax, base));
      a.mov(r10, r8);
      a.sub(r10, r9);
      a.cmp(r10, size);
      a.jae(nx);
      a.mov(ecx, code);
      a.jmp(redirect);
      a.bind(nx);
    };
    guard(U.s0, MEM.guard, THROW.stackUnderflow);
    guard(U.dsLow, MEM.guard, THROW.stackOverflow);
    guard(U.f0, MEM.guard, THROW.floatUnderflow);
    guard(U.fsLow, MEM.guard, THROW.floatOverflow);
    guard(U.lp0, MEM.guard, THROW.returnStackUnderflow); // locals live on a return stack of their own
    guard(U.lpLow, MEM.guard, THROW.returnStackOverflow);
    {
      // the page past code space's write view (entry.ts): dictionary overflow
      const nx = L();
      a.mov(r9, qword(rax, U.codeEnd));
      a.add(r9, qword(rax, U.codeDelta));
      a.mov(r10, r8);
      a.sub(r10, r9);
      a.cmp(r10, MEM.guard);
      a.jae(nx);
      a.mov(ecx, THROW.dictionaryOverflow);
      a.jmp(redirect);
      a.bind(nx);
    }
    // near the return stack pointer: return stack overflow
    {
      const nx = L();
      a.mov(r9, qword(rdx, UC_RSP));
      a.sub(r9, r8);
      a.add(r9, 4096);
      a.cmp(r9, 65536);
      a.ja(nx);
      a.mov(ecx, THROW.returnStackOverflow);
      a.bind(nx);
    }
    a.bind(redirect);
    a.mov(r9, qword(rax, U.ctx));
    a.mov(r8, qword(rsi, 16));
    a.mov(qword(r9, CTX.faultAddr), r8);
    a.mov(qword(rdx, UC_RDI), rcx);
    a.lea(rcx, qword(throwStub));
    a.mov(qword(rdx, UC_RIP), rcx);
    a.pop(rbx);
    a.ret();
    a.bind(idle);
    // Forth is not running: an interrupt has nothing to stop; a fault is not ours.
    a.cmp(edi, SIGINT);
    a.jne(dfl);
    a.pop(rbx);
    a.ret();
    a.bind(dfl);
    // Back to the default action; the fault repeats and kills, as it would without Forth.
    a.push(rdi);
    a.sub(rsp, 168);
    for (let i = 0; i < 152; i += 8) a.mov(qword(rsp, i), 0);
    a.mov(rsi, rsp);
    a.xor(edx, edx);
    a.mov(edi, dword(rsp, 168));
    a.xor(eax, eax);
    a.call(ext('sigaction'));
    a.add(rsp, 168);
    a.pop(rdi);
    a.pop(rbx);
    a.ret();
  }
  // throw_from_signal: rdi = code; Forth registers may be wrong, r13 is set again.
  a.bind(throwStub);
  a.lea(r13, qword(dataUA));
  a.mov(eax, edi);
  a.jmp(throwL);
}

/** colon_snapshot (at the start of the outermost definition) and colon_ended (at its ;); rsi/rcx kept. */
export function colonSnapshotRoutines(k: Builder): void {
  const { a, L } = k;
  a.bind(a.label('colon_snapshot'));
  const nested = L();
  a.add(qword(r13, U.colonDepth), 1);
  a.cmp(qword(r13, U.colonDepth), 1);
  a.jne(nested);
  for (const [i, f] of [U.here, U.chere, U.latest, U.lastXt, U.seeHere].entries()) {
    a.mov(rax, qword(r13, f));
    a.mov(qword(r13, U.colonSnap + 8 * i), rax);
  }
  a.bind(nested);
  a.ret();
  a.bind(a.label('colon_ended'));
  const none = L();
  a.cmp(qword(r13, U.colonDepth), 0);
  a.je(none);
  a.sub(qword(r13, U.colonDepth), 1);
  a.bind(none);
  a.ret();
}
