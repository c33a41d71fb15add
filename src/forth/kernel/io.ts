/**
 * Output and input primitives, and the output buffer.
 *
 * Output goes to a 4 KiB buffer in the user area and out to the host's
 * pipe (fd 5) when it fills, at CR, before reading input or sleeping, and
 * when an evaluation ends; the host counts the bytes (CTX.outTotal) to
 * know when it has all of an evaluation's output. An interrupt that
 * arrives while the buffer is written ends the write with THROW -28. Input reads standard
 * input a byte at a time.
 */

import {
  bl,
  byte,
  dword,
  eax,
  ebx,
  ecx,
  edi,
  edx,
  esi,
  qword,
  r13,
  r14,
  r14d,
  rax,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
} from '../../x86/index.js';
import { CTX, THROW, U } from '../layout.js';
import type { Builder } from './context.js';

/** EMIT CR (FLUSH) KEY EKEY MS; TYPE and ACCEPT are written in Forth (lib/core.fs). */
export function ioWords(k: Builder): void {
  const { a, ext, tosPush, tosPop, throwCode, ccall, prim, alias } = k;
  const { flushOut } = k.r;
  prim('EMIT', '( char -- )', {}, (x) => {
    const room = x.label();
    x.mov(rax, qword(r13, U.outLen));
    x.cmp(rax, U.outBufSize);
    x.jb(room);
    x.call(flushOut);
    x.xor(eax, eax);
    x.bind(room);
    x.mov(byte(r13, rax, 1, U.outBuf), bl);
    x.add(qword(r13, U.outLen), 1);
    tosPop(x);
    x.ret();
  });
  prim('CR', '( -- )', {}, (x) => {
    // newline, and the output goes out now
    tosPush(x);
    x.mov(ebx, 10);
    x.call(a.label('p_EMIT'));
    x.jmp(flushOut);
  });
  prim('(FLUSH)', '( -- )', {}, (x) => x.jmp(flushOut));
  prim('KEY', '( -- char )', {}, (x) => {
    // from standard input; -1 at end of input
    const got = x.label();
    x.call(flushOut);
    tosPush(x);
    x.push(rax); // a byte of room on the stack
    x.xor(edi, edi);
    x.mov(rsi, rsp);
    x.mov(edx, 1);
    ccall(ext('read'));
    x.cmp(rax, 1);
    x.movzx(ebx, byte(rsp));
    x.je(got);
    x.mov(rbx, -1);
    x.bind(got);
    x.pop(rax);
    x.ret();
  });
  alias('EKEY', 'KEY');
  prim('MS', '( ms -- )', {}, (x) => {
    // sleep; the output so far goes out first; an interrupt ends it (THROW -28)
    x.call(flushOut);
    x.sub(rsp, 16);
    x.mov(rax, rbx);
    x.xor(edx, edx);
    x.mov(ecx, 1000);
    x.div(rcx);
    x.mov(qword(rsp), rax);
    x.imul(rdx, rdx, 1_000_000);
    x.mov(qword(rsp, 8), rdx);
    x.mov(rdi, rsp);
    x.xor(esi, esi);
    ccall(ext('nanosleep'));
    x.add(rsp, 16);
    tosPop(x);
    const calm = x.label();
    x.cmp(qword(r13, U.pendingInterrupt), 0);
    x.je(calm);
    x.mov(qword(r13, U.pendingInterrupt), 0);
    throwCode(THROW.userInterrupt);
    x.bind(calm);
    x.ret();
  });
}

/** flush_out: the buffer to fd 5. */
export function flushOutRoutine(k: Builder): void {
  const { a, L, ext, ccall } = k;
  const { flushOut } = k.r;
  // flush_out: write the output buffer to the output fd (5), counting bytes in ctx.
  {
    a.bind(flushOut);
    const loop = L();
    const done = L();
    const again = L();
    a.push(rsi);
    a.push(rdi);
    a.push(rcx);
    a.push(rdx);
    a.push(rax);
    a.push(r14);
    a.xor(r14d, r14d);
    a.bind(loop);
    a.mov(rdx, qword(r13, U.outLen));
    a.sub(rdx, r14);
    a.jle(done);
    a.mov(edi, 5);
    a.lea(rsi, qword(r13, r14, 1, U.outBuf));
    ccall(ext('write'));
    // An interrupt that came during the write stops here, inside a CATCH: a
    // loop that prints spends its time in write, where the signal only sets
    // the flag. (Outside one, at the end of an evaluation, the write goes on.)
    const calm = L();
    a.cmp(qword(r13, U.pendingInterrupt), 0);
    a.je(calm);
    a.cmp(qword(r13, U.handler), 0);
    a.je(calm);
    a.mov(qword(r13, U.pendingInterrupt), 0);
    a.test(rax, rax);
    const none = L();
    a.jle(none);
    a.mov(rcx, qword(r13, U.ctx));
    a.add(qword(rcx, CTX.outTotal), rax);
    a.bind(none);
    a.mov(qword(r13, U.outLen), 0);
    a.mov(eax, THROW.userInterrupt);
    a.jmp(k.r.throwL);
    a.bind(calm);
    a.test(rax, rax);
    a.jg(again);
    // interrupted: try again; other errors: drop the output
    a.push(rax);
    ccall(ext('__errno_location'));
    a.mov(ecx, dword(rax));
    a.pop(rax);
    a.cmp(ecx, 4);
    a.je(loop);
    a.jmp(done);
    a.bind(again);
    a.add(r14, rax);
    a.mov(rcx, qword(r13, U.ctx));
    a.add(qword(rcx, CTX.outTotal), rax);
    a.jmp(loop);
    a.bind(done);
    a.mov(qword(r13, U.outLen), 0);
    a.pop(r14);
    a.pop(rax);
    a.pop(rdx);
    a.pop(rcx);
    a.pop(rdi);
    a.pop(rsi);
    a.ret();
  }
}
