/**
 * Memory primitives: fetch and store of every width, block moves, data
 * space (HERE ALLOT , ALIGN), and the system's variables as addresses.
 *
 * Addresses are plain machine addresses: a bad one faults, and the signal
 * handler makes the fault THROW -9 rather than checking every access. The
 * system variables live in the user area that r13 points at (layout.ts U);
 * words like BASE and >IN push the address of their cell there.
 */

import {
  al,
  ax,
  bl,
  byte,
  dword,
  eax,
  ebx,
  edx,
  mem,
  qword,
  r13,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
} from '../../x86/index.js';
import { HDR, THROW, U } from '../layout.js';
import type { Builder } from './context.js';

/** @ … SOURCE-ID. */
export function memoryWords(k: Builder): void {
  const { ext, tosPush, tosPop, throwCode, ccall, prim, alias } = k;
  prim('@', '( addr -- x )', { inline: true }, (x) => x.mov(rbx, qword(rbx)));
  prim('!', '( x addr -- )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.mov(qword(rbx), rax);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('C@', '( addr -- char )', { inline: true }, (x) => x.movzx(ebx, byte(rbx)));
  prim('C!', '( char addr -- )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.mov(byte(rbx), al);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('W@', '( addr -- u16 )', { inline: true }, (x) => x.movzx(ebx, mem(2, rbx)));
  prim('W!', '( x addr -- )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.mov(mem(2, rbx), ax);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('L@', '( addr -- u32 )', { inline: true }, (x) => x.mov(ebx, dword(rbx)));
  prim('SL@', '( addr -- n32 )', { inline: true }, (x) => x.movsxd(rbx, dword(rbx)));
  prim('L!', '( x addr -- )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.mov(dword(rbx), eax);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('+!', '( n addr -- )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.add(qword(rbx), rax);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('2@', '( addr -- x1 x2 )', { inline: true }, (x) => {
    // x2 at addr
    x.sub(rbp, 8);
    x.mov(rax, qword(rbx, 8));
    x.mov(qword(rbp), rax);
    x.mov(rbx, qword(rbx));
  });
  prim('2!', '( x1 x2 addr -- )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.mov(qword(rbx), rax);
    x.mov(rax, qword(rbp, 8));
    x.mov(qword(rbx, 8), rax);
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
  });
  prim('CMOVE', '( from to u -- )', {}, (x) => {
    // byte by byte, upwards
    x.mov(rcx, rbx);
    x.mov(rdi, qword(rbp));
    x.mov(rsi, qword(rbp, 8));
    x.cld();
    x.rep().movsb();
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
    x.ret();
  });
  prim('CMOVE>', '( from to u -- )', {}, (x) => {
    // byte by byte, downwards
    const done = x.label();
    x.mov(rcx, rbx);
    x.test(rcx, rcx);
    x.jz(done);
    x.mov(rdi, qword(rbp));
    x.mov(rsi, qword(rbp, 8));
    x.lea(rdi, qword(rdi, rcx, 1, -1));
    x.lea(rsi, qword(rsi, rcx, 1, -1));
    x.std();
    x.rep().movsb();
    x.cld();
    x.bind(done);
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
    x.ret();
  });
  prim('MOVE', '( from to u -- )', {}, (x) => {
    // as if through a buffer
    x.mov(rdx, rbx);
    x.mov(rdi, qword(rbp));
    x.mov(rsi, qword(rbp, 8));
    ccall(ext('memmove'));
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
    x.ret();
  });
  prim('FILL', '( addr u char -- )', {}, (x) => {
    x.mov(rax, rbx);
    x.mov(rcx, qword(rbp));
    x.mov(rdi, qword(rbp, 8));
    x.cld();
    x.rep().stosb();
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
    x.ret();
  });

  // Data space.
  prim('HERE', '( -- addr )', { inline: true }, (x) => {
    tosPush(x);
    x.mov(rbx, qword(r13, U.here));
  });
  prim('ALLOT', '( n -- )', {}, (x) => {
    const over = x.label();
    x.mov(rax, qword(r13, U.here));
    x.add(rax, rbx);
    x.cmp(rax, qword(r13, U.dataEnd));
    x.ja(over);
    // Giving space back stops at the end of the newest header: below, it
    // would be written over by the next definition.
    const fine = x.label();
    x.test(rbx, rbx);
    x.jns(fine);
    x.mov(rcx, qword(r13, U.latest));
    x.test(rcx, rcx);
    x.jz(fine);
    x.movzx(edx, byte(rcx, HDR.nameLen));
    x.lea(rcx, qword(rcx, rdx, 1, HDR.name));
    x.cmp(rax, rcx);
    x.jb(over);
    x.bind(fine);
    x.mov(qword(r13, U.here), rax);
    tosPop(x);
    x.ret();
    x.bind(over);
    throwCode(THROW.dictionaryOverflow);
  });
  prim(',', '( x -- )', { inline: true }, (x) => {
    x.mov(rax, qword(r13, U.here));
    x.mov(qword(rax), rbx);
    x.add(qword(r13, U.here), 8);
    tosPop(x);
  });
  prim('C,', '( char -- )', { inline: true }, (x) => {
    x.mov(rax, qword(r13, U.here));
    x.mov(byte(rax), bl);
    x.add(qword(r13, U.here), 1);
    tosPop(x);
  });
  prim('ALIGN', '( -- )', { inline: true }, (x) => {
    x.mov(rax, qword(r13, U.here));
    x.add(rax, 7);
    x.and(rax, -8);
    x.mov(qword(r13, U.here), rax);
  });
  prim('ALIGNED', '( addr -- a-addr )', { inline: true }, (x) => {
    x.add(rbx, 7);
    x.and(rbx, -8);
  });
  alias('FALIGN', 'ALIGN');
  alias('DFALIGN', 'ALIGN');
  alias('FALIGNED', 'ALIGNED');
  alias('DFALIGNED', 'ALIGNED');
  prim('UNUSED', '( -- u )', {}, (x) => {
    tosPush(x);
    x.mov(rbx, qword(r13, U.dataEnd));
    x.sub(rbx, qword(r13, U.here));
    x.ret();
  });

  // Variables of the system, as addresses.
  const userVar = (name: string, off: number): void => {
    prim(name, '( -- addr )', { inline: true }, (x) => {
      tosPush(x);
      x.lea(rbx, qword(r13, off));
    });
  };
  userVar('STATE', U.state);
  userVar('(HERE)', U.here);
  userVar('BASE', U.base);
  userVar('>IN', U.toIn);
  userVar('(CURRENT)', U.current);
  userVar('(ORDER#)', U.orderCount);
  userVar('(ORDER)', U.order);
  userVar('(LATEST)', U.latest);
  userVar('(LAST-XT)', U.lastXt);
  userVar('(NOT-FOUND)', U.notFound);
  userVar('(REFILL-FILE)', U.refillFile);
  userVar('HLD', U.hld);
  userVar('(SOURCE-ID)', U.sourceId);
  userVar('(SOURCE)', U.srcAddr);
  userVar('(SOURCE-LEN)', U.srcLen);
  userVar('(LINE)', U.line);
  userVar('(TEXT)', U.textAddr);
  userVar('(TEXT-POS)', U.textPos);
  userVar('(WIDS)', U.widChain);
  userVar('(FORTH-WID)', U.forthWid);
  userVar('(CHERE)', U.chere);
  userVar('(SEE-HOOK)', U.seeHook);
  userVar('(SEE-LIST)', U.seeList);
  userVar('(SEE-HERE)', U.seeHere);
  userVar('(SEE-END)', U.seeEnd);
  userVar('(OUT#)', U.outLen);
  userVar('(LOCALS)', U.localsWid);
  userVar('(OUTBUF)', U.outBuf);
  userVar('(COLON-SNAP)', U.colonSnap);
  userVar('(ABANDON-HOOK)', U.abandonHook);
  userVar('(VM-HOOK)', U.vmHook);
  prim('SOURCE', '( -- addr len )', { inline: true }, (x) => {
    x.sub(rbp, 16);
    x.mov(qword(rbp, 8), rbx);
    x.mov(rax, qword(r13, U.srcAddr));
    x.mov(qword(rbp), rax);
    x.mov(rbx, qword(r13, U.srcLen));
  });
  prim('SOURCE-ID', '( -- source-id )', { inline: true }, (x) => {
    tosPush(x);
    x.mov(rbx, qword(r13, U.sourceId));
  });
}
