/**
 * The entry points the host calls (System V ABI), and the kernel's data.
 *
 *   long forth_boot(void *ctx)                      sets up memory, signals, the dictionary
 *   long forth_eval(void *ctx, const char *src, long len)   interprets text; returns the THROW code
 *
 * forth_boot maps the data space, the two stacks with guard pages, and
 * code space: one memfd mapped twice, read+write and read+execute at
 * different addresses, so no page is ever writable and executable at once.
 * It installs the signal handler, then makes a header for every row of the
 * primitive table. forth_eval saves the C registers, loads the Forth ones
 * from the user area, runs the text under a CATCH, and reports the result
 * in the status block (layout.ts CTX) that the host reads.
 */

import {
  MAP_ANONYMOUS,
  MAP_NORESERVE,
  MAP_PRIVATE,
  MAP_SHARED,
  MFD_CLOEXEC,
  PROT_RW,
  PROT_RX,
} from '../../sys/linux.js';
import {
  byte,
  cl,
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
  r9d,
  r12,
  r13,
  r14,
  r14d,
  r15,
  r15d,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
} from '../../x86/index.js';
import { CTX, HDR, MEM, U } from '../layout.js';
import type { Builder } from './context.js';
import { SIGBUS, SIGFPE, SIGINT, SIGSEGV } from './exceptions.js';

/** forth_boot, forth_eval, eval_lines. */
export function entryPoints(k: Builder): void {
  const { a, L, ext, tosPush, tosPop } = k;
  const { interpret, makeHeader, flushOut, refill, dataUA } = k.r;
  const savedRegs = [rbx, rbp, r12, r13, r14, r15];
  // long forth_boot(void *ctx)
  {
    a.global(a.here('forth_boot'));
    for (const r of savedRegs) a.push(r);
    a.sub(rsp, 8);
    a.lea(r13, qword(dataUA));
    a.mov(qword(r13, U.ctx), rdi);
    const fail = L();
    const mmap = (size: number | bigint, prot: number, flags: number, fd: 'anon' | Label): void => {
      a.xor(edi, edi);
      a.mov(rsi, size);
      a.mov(edx, prot);
      a.mov(ecx, flags);
      if (fd === 'anon') a.mov(r8, -1);
      else a.mov(r8, qword(fd));
      a.xor(r9d, r9d);
      a.call(ext('mmap'));
      a.cmp(rax, -1);
      a.je(fail);
    };
    const PRIV_ANON = MAP_PRIVATE | MAP_ANONYMOUS;
    // data space
    mmap(MEM.dataSpace, PROT_RW, PRIV_ANON | MAP_NORESERVE, 'anon');
    a.mov(qword(r13, U.here), rax);
    a.add(rax, MEM.dataSpace);
    a.mov(qword(r13, U.dataEnd), rax);
    // stacks with guard pages at both ends
    const stack = (size: number, low: number, base: number): void => {
      mmap(size + 2 * MEM.guard, PROT_RW, PRIV_ANON, 'anon');
      a.push(rax);
      a.push(rax);
      a.mov(qword(r13, low), rax); // lower guard
      a.mov(rdi, rax);
      a.mov(esi, MEM.guard);
      a.xor(edx, edx);
      a.call(ext('mprotect'));
      a.pop(rax);
      a.lea(rdi, mem(8, rax, null, 1, MEM.guard + size));
      a.mov(qword(r13, base), rdi);
      a.mov(esi, MEM.guard);
      a.xor(edx, edx);
      a.call(ext('mprotect'));
      a.pop(rax);
    };
    stack(MEM.dataStack, U.dsLow, U.s0);
    // four cells between the empty stack and its guard page: a loop's head may
    // load the items it keeps in registers before the program knows they are there
    a.sub(qword(r13, U.s0), 32);
    stack(MEM.floatStack, U.fsLow, U.f0);
    stack(MEM.localsStack, U.lpLow, U.lp0);
    // code space: one memfd, two views
    a.lea(rdi, qword(a.label('str_code')));
    a.mov(esi, MFD_CLOEXEC);
    a.call(ext('memfd_create'));
    a.test(eax, eax);
    a.js(fail);
    a.mov(qword(a.label('code_fd')), rax);
    a.mov(edi, eax);
    a.mov(rsi, MEM.codeSpace);
    a.call(ext('ftruncate'));
    a.test(eax, eax);
    a.jnz(fail);
    // Each view is a page longer than the file: code written past the end
    // faults (SIGBUS, THROW -8) instead of landing in the next mapping.
    mmap(MEM.codeSpace + MEM.guard, PROT_RW, MAP_SHARED, a.label('code_fd'));
    a.push(rax);
    a.push(rax);
    mmap(MEM.codeSpace + MEM.guard, PROT_RX, MAP_SHARED, a.label('code_fd'));
    a.pop(rcx);
    a.pop(rcx);
    a.mov(qword(r13, U.chere), rax);
    a.mov(qword(r13, U.codeLow), rax);
    a.sub(rcx, rax);
    a.mov(qword(r13, U.codeDelta), rcx);
    a.add(rax, MEM.codeSpace);
    a.mov(qword(r13, U.codeEnd), rax);
    a.mov(rdi, qword(a.label('code_fd')));
    a.call(ext('close'));
    // the SEE recorder's arena (lib/boot.fs fills it)
    mmap(MEM.seeArena, PROT_RW, PRIV_ANON | MAP_NORESERVE, 'anon');
    a.mov(qword(r13, U.seeHere), rax);
    a.add(rax, MEM.seeArena);
    a.mov(qword(r13, U.seeEnd), rax);
    // kernel code range
    a.lea(rax, qword(a.label('kernel_start')));
    a.mov(qword(r13, U.kernelLow), rax);
    a.lea(rax, qword(a.label('kernel_end')));
    a.mov(qword(r13, U.kernelHigh), rax);
    // signals: an alternate stack, handlers for SEGV, BUS, FPE, INT
    mmap(MEM.altStack, PROT_RW, PRIV_ANON, 'anon');
    a.sub(rsp, 32);
    a.mov(qword(rsp), rax);
    a.mov(qword(rsp, 8), 0);
    a.mov(qword(rsp, 16), MEM.altStack);
    a.mov(rdi, rsp);
    a.xor(esi, esi);
    a.call(ext('sigaltstack'));
    a.add(rsp, 32);
    a.sub(rsp, 160);
    for (let i = 0; i < 160; i += 8) a.mov(qword(rsp, i), 0);
    a.lea(rax, qword(a.label('signal_handler')));
    a.mov(qword(rsp), rax);
    a.mov(dword(rsp, 136), 0x4 | 0x08000000 | 0x40000000); // SA_SIGINFO | SA_ONSTACK | SA_NODEFER
    for (const sig of [SIGSEGV, SIGBUS, SIGFPE, SIGINT]) {
      a.mov(edi, sig);
      a.mov(rsi, rsp);
      a.xor(edx, edx);
      a.call(ext('sigaction'));
    }
    a.add(rsp, 160);
    // dictionary: the FORTH word list, then the primitives' headers
    a.call(a.label('new_wordlist'));
    a.mov(qword(r13, U.forthWid), rax);
    a.mov(qword(r13, U.current), rax);
    a.mov(qword(r13, U.order), rax);
    a.mov(qword(r13, U.orderCount), 1);
    {
      const loop = L();
      const done = L();
      a.lea(r12, qword(a.label('prim_table')));
      a.bind(loop);
      a.mov(rax, qword(r12));
      a.test(rax, rax);
      a.jz(done);
      a.movzx(ecx, byte(r12, 9));
      a.lea(rsi, qword(r12, 10));
      a.call(makeHeader);
      a.mov(rcx, qword(r12));
      a.mov(qword(rax, HDR.xt), rcx);
      a.mov(cl, byte(r12, 8));
      a.mov(byte(rax, HDR.flags), cl);
      a.movzx(ecx, byte(r12, 9));
      a.lea(r12, qword(r12, rcx, 1, 10 + 7));
      a.and(r12, -8);
      a.jmp(loop);
      a.bind(done);
    }
    a.mov(qword(r13, U.base), 10);
    a.mov(qword(r13, U.state), 0);
    a.mov(rax, qword(r13, U.s0));
    a.mov(qword(r13, U.savedDsp), rax);
    a.mov(rax, qword(r13, U.f0));
    a.mov(qword(r13, U.savedFsp), rax);
    a.mov(rax, qword(r13, U.lp0));
    a.mov(qword(r13, U.lp), rax);
    a.xor(eax, eax);
    const out = L();
    a.bind(out);
    a.add(rsp, 8);
    for (const r of [...savedRegs].reverse()) a.pop(r);
    a.ret();
    a.bind(fail);
    a.mov(rax, -1);
    a.jmp(out);
  }
  // long forth_eval(void *ctx, const char *src, long len)
  {
    a.global(a.here('forth_eval'));
    for (const r of savedRegs) a.push(r);
    a.sub(rsp, 8);
    a.lea(r13, qword(dataUA));
    a.mov(qword(r13, U.ctx), rdi);
    a.mov(qword(r13, U.cRsp), rsp);
    a.mov(qword(r13, U.textAddr), rsi);
    a.mov(qword(r13, U.textLen), rdx);
    a.mov(qword(r13, U.textPos), 0);
    a.mov(qword(r13, U.srcAddr), rsi);
    a.mov(qword(r13, U.srcLen), 0);
    a.mov(qword(r13, U.toIn), 0);
    a.mov(qword(r13, U.sourceId), 0);
    a.mov(qword(r13, U.line), 0);
    a.mov(qword(rdi, CTX.code), 0);
    a.mov(qword(rdi, CTX.textLen), 0);
    a.mov(qword(rdi, CTX.bye), 0);
    a.mov(qword(r13, U.handler), 0);
    a.mov(rbx, qword(r13, U.savedTos));
    a.mov(rbp, qword(r13, U.savedDsp));
    a.mov(r12, qword(r13, U.savedFsp));
    a.xor(r14d, r14d);
    a.xor(r15d, r15d);
    // An interrupt the host asked for before this evaluation began is its
    // own (the interpreter throws -28 before the first word); one left from
    // the last evaluation's end is not.
    a.mov(rax, qword(rdi, CTX.interrupt));
    a.mov(qword(rdi, CTX.interrupt), 0);
    a.mov(qword(r13, U.pendingInterrupt), rax);
    a.mov(qword(r13, U.active), 1);
    // CATCH around the line loop
    tosPush(a);
    a.lea(rbx, qword(a.label('eval_lines')));
    a.call(a.label('p_CATCH'));
    a.mov(rax, rbx);
    tosPop(a);
    const ok = L();
    a.test(rax, rax);
    a.jz(ok);
    // An uncaught error: report it, empty the stacks, leave compilation.
    a.mov(rdi, qword(r13, U.ctx));
    a.mov(qword(rdi, CTX.code), rax);
    a.mov(rcx, qword(r13, U.errLine));
    a.mov(qword(rdi, CTX.line), rcx);
    a.mov(rcx, qword(r13, U.errIn));
    a.mov(qword(rdi, CTX.column), rcx);
    // the source line
    a.push(rax);
    a.mov(rsi, qword(r13, U.errSrc));
    a.mov(rcx, qword(r13, U.errLen));
    a.cmp(rcx, CTX.srcLineSize - 1);
    a.mov(edx, CTX.srcLineSize - 1);
    a.cmova(ecx, edx);
    a.mov(qword(rdi, CTX.srcLineLen), rcx);
    a.lea(rdi, qword(rdi, CTX.srcLine));
    a.cld();
    a.rep().movsb();
    a.pop(rax);
    a.mov(rbp, qword(r13, U.s0));
    a.mov(r12, qword(r13, U.f0));
    // In the middle of a definition: it is taken back ((ABANDON), under a CATCH).
    const whole = L();
    a.cmp(qword(r13, U.colonDepth), 0);
    a.je(whole);
    a.mov(qword(r13, U.colonDepth), 0);
    a.cmp(qword(r13, U.abandonHook), 0);
    a.je(whole);
    a.push(rax);
    a.push(rax);
    tosPush(a);
    a.mov(rbx, qword(r13, U.abandonHook));
    a.call(a.label('p_CATCH'));
    a.pop(rax);
    a.pop(rax);
    a.mov(rbp, qword(r13, U.s0));
    a.mov(r12, qword(r13, U.f0));
    a.bind(whole);
    a.mov(qword(r13, U.state), 0);
    a.mov(qword(r13, U.vmActive), 0);
    a.bind(ok);
    a.push(rax);
    a.call(flushOut);
    // depths for the host
    a.mov(rdi, qword(r13, U.ctx));
    a.mov(rcx, qword(r13, U.s0));
    a.sub(rcx, rbp);
    a.sar(rcx, 3);
    a.mov(qword(rdi, CTX.depth), rcx);
    a.mov(rcx, qword(r13, U.f0));
    a.sub(rcx, r12);
    a.sar(rcx, 3);
    a.mov(qword(rdi, CTX.fdepth), rcx);
    a.mov(rcx, qword(r13, U.state));
    a.mov(qword(rdi, CTX.state), rcx);
    a.pop(rax);
    a.mov(qword(r13, U.active), 0);
    a.mov(qword(r13, U.savedTos), rbx);
    a.mov(qword(r13, U.savedDsp), rbp);
    a.mov(qword(r13, U.savedFsp), r12);
    a.mov(rsp, qword(r13, U.cRsp));
    a.add(rsp, 8);
    for (const r of [...savedRegs].reverse()) a.pop(r);
    a.ret();

    // eval_lines ( -- ): REFILL and INTERPRET until the text ends.
    a.bind(a.label('eval_lines'));
    const loop = L();
    const done = L();
    a.bind(loop);
    a.call(refill);
    a.test(eax, eax);
    a.jz(done);
    a.call(interpret);
    a.jmp(loop);
    a.bind(done);
    a.ret();
  }
}

/** The tables forth_boot reads, the byte strings the compiler copies, the user area. */
export function kernelData(k: Builder): void {
  const { a, prims, seqs, specials } = k;
  const { dataUA } = k.r;
  a.bind(a.label('kernel_end'));
  a.rodata();
  a.align(8);
  a.bind(a.label('special_table'));
  for (const [xt, h] of specials) {
    a.dq(xt);
    a.dq(h);
  }
  a.dq(0, 0);
  a.bind(a.label('prim_table'));
  for (const p of prims) {
    a.align(8);
    a.dq(p.xt);
    a.db(p.hflags, p.name.length);
    a.ascii(p.name);
  }
  a.align(8);
  a.dq(0);
  a.bind(a.label('str_code'));
  a.asciz('forth-code');
  for (const [l, bytes] of seqs) {
    a.bind(l);
    a.bytes(bytes);
  }
  a.data();
  a.align(64);
  a.bind(dataUA);
  a.zero(U.size);
  a.align(8);
  a.bind(a.label('code_fd'));
  a.dq(0);
}
