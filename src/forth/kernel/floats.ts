/**
 * Floating-point primitives: IEEE doubles on a stack of their own.
 *
 * The float stack is memory (r12 points at its top, growing down), not the
 * x87 stack nor registers: the values stay put across calls into C and
 * Forth code, and guard pages at both ends turn an overflow or underflow
 * into THROW -44 / -45. Arithmetic is SSE2 scalar code, copied inline; the
 * transcendental words are libm's, bound in lib/floats.fs.
 */

import { al, cl, dword, ebx, qword, r12, r13, rax, rbx, xmm0, xmm1 } from '../../x86/index.js';
import { U } from '../layout.js';
import type { Builder } from './context.js';

/** F@ … FROUND. */
export function floatWords(k: Builder): void {
  const { tosPush, tosPop, fpush, prim, alias } = k;
  prim('F@', '( addr -- ) ( F: -- r )', { inline: true }, (x) => {
    x.movsd(xmm0, qword(rbx));
    fpush(x, xmm0);
    tosPop(x);
  });
  prim('F!', '( addr -- ) ( F: r -- )', { inline: true }, (x) => {
    x.movsd(xmm0, qword(r12));
    x.add(r12, 8);
    x.movsd(qword(rbx), xmm0);
    tosPop(x);
  });
  alias('DF@', 'F@');
  alias('DF!', 'F!');
  prim('SF@', '( addr -- ) ( F: -- r )', { inline: true }, (x) => {
    x.movss(xmm0, dword(rbx));
    x.cvtss2sd(xmm0, xmm0);
    fpush(x, xmm0);
    tosPop(x);
  });
  prim('SF!', '( addr -- ) ( F: r -- )', { inline: true }, (x) => {
    x.movsd(xmm0, qword(r12));
    x.add(r12, 8);
    x.cvtsd2ss(xmm0, xmm0);
    x.movss(dword(rbx), xmm0);
    tosPop(x);
  });
  const fbin = (name: string, op: 'addsd' | 'subsd' | 'mulsd' | 'divsd' | 'minsd' | 'maxsd'): void => {
    prim(name, '( F: r1 r2 -- r3 )', { inline: true }, (x) => {
      x.movsd(xmm0, qword(r12, 8));
      x.emit(op, [xmm0, qword(r12)]);
      x.add(r12, 8);
      x.movsd(qword(r12), xmm0);
    });
  };
  fbin('F+', 'addsd');
  fbin('F-', 'subsd');
  fbin('F*', 'mulsd');
  fbin('F/', 'divsd');
  fbin('FMIN', 'minsd');
  fbin('FMAX', 'maxsd');
  prim('FNEGATE', '( F: r -- -r )', { inline: true }, (x) => x.btc(qword(r12), 63));
  prim('FABS', '( F: r -- |r| )', { inline: true }, (x) => x.btr(qword(r12), 63));
  prim('FSQRT', '( F: r -- sqrt[r] )', { inline: true }, (x) => {
    x.sqrtsd(xmm0, qword(r12));
    x.movsd(qword(r12), xmm0);
  });
  prim('FDUP', '( F: r -- r r )', { inline: true }, (x) => {
    x.movsd(xmm0, qword(r12));
    fpush(x, xmm0);
  });
  prim('FDROP', '( F: r -- )', { inline: true }, (x) => {
    x.movsd(xmm0, qword(r12)); // touch it: underflow faults here
    x.add(r12, 8);
  });
  prim('FSWAP', '( F: r1 r2 -- r2 r1 )', { inline: true }, (x) => {
    x.movsd(xmm0, qword(r12));
    x.movsd(xmm1, qword(r12, 8));
    x.movsd(qword(r12), xmm1);
    x.movsd(qword(r12, 8), xmm0);
  });
  prim('FOVER', '( F: r1 r2 -- r1 r2 r1 )', { inline: true }, (x) => {
    x.movsd(xmm0, qword(r12, 8));
    fpush(x, xmm0);
  });
  prim('FROT', '( F: r1 r2 r3 -- r2 r3 r1 )', { inline: true }, (x) => {
    x.movsd(xmm0, qword(r12, 16));
    x.mov(rax, qword(r12, 8));
    x.mov(qword(r12, 16), rax);
    x.mov(rax, qword(r12));
    x.mov(qword(r12, 8), rax);
    x.movsd(qword(r12), xmm0);
  });
  prim('FDEPTH', '( -- +n )', {}, (x) => {
    tosPush(x);
    x.mov(rbx, qword(r13, U.f0));
    x.sub(rbx, r12);
    x.sar(rbx, 3);
    x.ret();
  });
  prim('FP@', '( -- addr )', { inline: true }, (x) => {
    tosPush(x);
    x.mov(rbx, r12);
  });
  prim('FP!', '( addr -- )', { inline: true }, (x) => {
    x.mov(r12, rbx);
    tosPop(x);
  });
  // ucomisd sets CF (below) and ZF (equal) when either is a NaN, so r1 < r2 is
  // computed as r2 > r1 (`a`: neither CF nor ZF): a comparison with a NaN is false.
  const fcmp = (name: string, cond: 'e' | 'a', swap = false): void => {
    prim(name, '( -- flag ) ( F: r1 r2 -- )', { inline: true }, (x) => {
      x.movsd(xmm0, qword(r12, swap ? 0 : 8));
      x.ucomisd(xmm0, qword(r12, swap ? 8 : 0));
      x.emit(`set${cond}`, [al]);
      if (cond === 'e') {
        // unordered (NaN) compares unequal
        x.setnp(cl);
        x.and(al, cl);
      }
      x.lea(r12, qword(r12, 16));
      tosPush(x);
      x.movzx(ebx, al);
      x.neg(rbx);
    });
  };
  fcmp('F<', 'a', true);
  fcmp('F>', 'a');
  fcmp('F=', 'e');
  prim('F0<', '( -- flag ) ( F: r -- )', { inline: true }, (x) => {
    x.pxor(xmm1, xmm1);
    x.ucomisd(xmm1, qword(r12));
    x.seta(al);
    x.lea(r12, qword(r12, 8));
    tosPush(x);
    x.movzx(ebx, al);
    x.neg(rbx);
  });
  prim('F0=', '( -- flag ) ( F: r -- )', { inline: true }, (x) => {
    x.mov(rax, qword(r12));
    x.shl(rax, 1); // +0 and -0
    x.setz(al);
    x.lea(r12, qword(r12, 8));
    tosPush(x);
    x.movzx(ebx, al);
    x.neg(rbx);
  });
  prim('S>F', '( n -- ) ( F: -- r )', { inline: true }, (x) => {
    x.cvtsi2sd(xmm0, rbx);
    fpush(x, xmm0);
    tosPop(x);
  });
  prim('F>S', '( -- n ) ( F: r -- )', { inline: true }, (x) => {
    // truncates toward zero
    tosPush(x);
    x.cvttsd2si(rbx, qword(r12));
    x.add(r12, 8);
  });
  // roundsd's rounding modes: 0 to nearest (ties to even), 1 down, 3 toward zero.
  const fround = (name: string, mode: number): void => {
    prim(name, '( F: r1 -- r2 )', { inline: true }, (x) => {
      x.roundsd(xmm0, qword(r12), mode);
      x.movsd(qword(r12), xmm0);
    });
  };
  fround('FLOOR', 1);
  fround('FTRUNC', 3);
  fround('FROUND', 0);
}
