/**
 * Arithmetic and comparison primitives on cells and double cells.
 *
 * Almost all are copied inline into the words that use them. Those that
 * take a literal operand name a compile handler (`special`, bound in
 * peephole.ts): `5 +` compiles to `add rbx, 5` instead of a push and an
 * add, and a comparison followed by IF compiles to `cmp` and a conditional
 * jump with no flag in between. Division primitives let the CPU trap on a
 * zero divisor; the signal handler (exceptions.ts) turns the trap into
 * THROW -10, or -11 when the quotient overflows.
 */

import { al, bl, cl, ebx, qword, rax, rbp, rbx, rcx, rdx } from '../../x86/index.js';
import { CC, ccName } from './code.js';
import type { Builder } from './context.js';

/** + … WITHIN. */
export function arithmeticWords(k: Builder): void {
  const { tosPop, prim, alias, foldAlu, foldShift, cmpSpecial } = k;
  const { foldMul, compileNothing } = k.r;
  prim('+', '( a b -- a+b )', { inline: true, special: foldAlu(0) }, (x) => {
    x.add(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('-', '( a b -- a-b )', { inline: true, special: foldAlu(5) }, (x) => {
    x.neg(rbx);
    x.add(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('*', '( a b -- a*b )', { inline: true, special: foldMul }, (x) => {
    x.imul(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('AND', '( x1 x2 -- x3 )', { inline: true, special: foldAlu(4) }, (x) => {
    x.and(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('OR', '( x1 x2 -- x3 )', { inline: true, special: foldAlu(1) }, (x) => {
    x.or(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('XOR', '( x1 x2 -- x3 )', { inline: true, special: foldAlu(6) }, (x) => {
    x.xor(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('LSHIFT', '( x u -- x<<u )', { inline: true, special: foldShift(4) }, (x) => {
    x.mov(rcx, rbx);
    tosPop(x);
    x.shl(rbx, cl);
  });
  prim('RSHIFT', '( x u -- x>>u )', { inline: true, special: foldShift(5) }, (x) => {
    // logical
    x.mov(rcx, rbx);
    tosPop(x);
    x.shr(rbx, cl);
  });
  prim('ARSHIFT', '( x u -- x>>u )', { inline: true, special: foldShift(7) }, (x) => {
    // arithmetic
    x.mov(rcx, rbx);
    tosPop(x);
    x.sar(rbx, cl);
  });
  prim('1+', '( n -- n+1 )', { inline: true }, (x) => x.add(rbx, 1));
  prim('1-', '( n -- n-1 )', { inline: true }, (x) => x.sub(rbx, 1));
  prim('2*', '( x -- x*2 )', { inline: true }, (x) => x.shl(rbx, 1));
  prim('2/', '( x -- x/2 )', { inline: true }, (x) => x.sar(rbx, 1));
  prim('CELLS', '( n -- n*8 )', { inline: true }, (x) => x.shl(rbx, 3));
  prim('CELL+', '( addr -- addr+8 )', { inline: true }, (x) => x.add(rbx, 8));
  alias('CHAR+', '1+');
  // A float is a cell (an IEEE double, aligned as a cell).
  alias('FLOATS', 'CELLS');
  alias('DFLOATS', 'CELLS');
  alias('FLOAT+', 'CELL+');
  alias('DFLOAT+', 'CELL+');
  // A character is a byte: CHARS does nothing, and its compile handler compiles nothing.
  prim('CHARS', '( n -- n )', { special: compileNothing }, (x) => x.ret());
  prim('NEGATE', '( n -- -n )', { inline: true }, (x) => x.neg(rbx));
  prim('INVERT', '( x -- ~x )', { inline: true }, (x) => x.not(rbx));
  prim('ABS', '( n -- u )', { inline: true }, (x) => {
    x.mov(rax, rbx);
    x.neg(rbx);
    x.cmovs(rbx, rax);
  });
  prim('MIN', '( n1 n2 -- n3 )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
    x.cmp(rax, rbx);
    x.cmovl(rbx, rax);
  });
  prim('MAX', '( n1 n2 -- n3 )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
    x.cmp(rax, rbx);
    x.cmovg(rbx, rax);
  });
  // Division: a zero divisor (or MIN_INT / -1) traps (#DE); the signal handler makes it THROW -10.
  prim('/', '( n1 n2 -- n1/n2 )', { inline: true }, (x) => {
    // symmetric
    x.mov(rax, qword(rbp));
    x.cqo();
    x.idiv(rbx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('MOD', '( n1 n2 -- rem )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.cqo();
    x.idiv(rbx);
    x.mov(rbx, rdx);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('/MOD', '( n1 n2 -- rem quot )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.cqo();
    x.idiv(rbx);
    x.mov(qword(rbp), rdx);
    x.mov(rbx, rax);
  });
  prim('*/', '( n1 n2 n3 -- n1*n2/n3 )', { inline: true }, (x) => {
    // double-cell intermediate
    x.mov(rax, qword(rbp, 8));
    x.imul(qword(rbp));
    x.idiv(rbx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 16));
  });
  prim('*/MOD', '( n1 n2 n3 -- rem quot )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp, 8));
    x.imul(qword(rbp));
    x.idiv(rbx);
    x.mov(qword(rbp, 8), rdx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('UM*', '( u1 u2 -- ud )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.mul(rbx);
    x.mov(qword(rbp), rax);
    x.mov(rbx, rdx);
  });
  prim('M*', '( n1 n2 -- d )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.imul(rbx);
    x.mov(qword(rbp), rax);
    x.mov(rbx, rdx);
  });
  prim('UM/MOD', '( ud u -- urem uquot )', { inline: true }, (x) => {
    x.mov(rdx, qword(rbp));
    x.mov(rax, qword(rbp, 8));
    x.div(rbx);
    x.mov(qword(rbp, 8), rdx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('SM/REM', '( d n -- rem quot )', { inline: true }, (x) => {
    // symmetric
    x.mov(rdx, qword(rbp));
    x.mov(rax, qword(rbp, 8));
    x.idiv(rbx);
    x.mov(qword(rbp, 8), rdx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('FM/MOD', '( d n -- rem quot )', { inline: true }, (x) => {
    // floored
    const done = x.label();
    x.mov(rdx, qword(rbp));
    x.mov(rax, qword(rbp, 8));
    x.idiv(rbx);
    x.test(rdx, rdx);
    x.jz(done);
    x.mov(rcx, rdx);
    x.xor(rcx, rbx);
    x.jns(done);
    x.sub(rax, 1);
    x.add(rdx, rbx);
    x.bind(done);
    x.mov(qword(rbp, 8), rdx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('D+', '( d1 d2 -- d1+d2 )', { inline: true }, (x) => {
    // low cell below high cell
    x.mov(rax, qword(rbp));
    x.add(qword(rbp, 16), rax);
    x.adc(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('D-', '( d1 d2 -- d1-d2 )', { inline: true }, (x) => {
    x.mov(rax, qword(rbp));
    x.sub(qword(rbp, 16), rax);
    x.mov(rax, qword(rbp, 8));
    x.sbb(rax, rbx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 16));
  });
  prim('DNEGATE', '( d -- -d )', { inline: true }, (x) => {
    x.neg(qword(rbp));
    x.adc(rbx, 0);
    x.neg(rbx);
  });
  prim('UM+', '( u1 u2 -- u carry )', { inline: true }, (x) => {
    x.add(qword(rbp), rbx);
    x.mov(ebx, 0);
    x.setc(bl);
  });

  // Each leaves -1 or 0. cond: the x86 condition (flags of `cmp second, top` or
  // `test/cmp top`) under which the flag is true; the compiler fuses it with IF.
  const cmp2 = (name: string, cond: number): void => {
    prim(name, '( n1 n2 -- flag )', { inline: true, special: cmpSpecial(cond, 'two') }, (x) => {
      x.cmp(qword(rbp), rbx);
      x.emit(`set${ccName(cond)}`, [al]);
      x.movzx(ebx, al);
      x.neg(rbx);
      x.lea(rbp, qword(rbp, 8));
    });
  };
  const cmp0 = (name: string, cond: number): void => {
    prim(name, '( n -- flag )', { inline: true, special: cmpSpecial(cond, 'zero') }, (x) => {
      x.test(rbx, rbx);
      x.emit(`set${ccName(cond)}`, [al]);
      x.movzx(ebx, al);
      x.neg(rbx);
    });
  };
  cmp2('=', CC.e);
  cmp2('<>', CC.ne);
  cmp2('<', CC.l);
  cmp2('>', CC.g);
  cmp2('U<', CC.b);
  cmp2('U>', CC.a);
  cmp0('0=', CC.e);
  cmp0('0<>', CC.ne);
  cmp0('0<', CC.s);
  cmp0('0>', CC.g);
  prim('WITHIN', '( n lo hi -- flag )', { inline: true }, (x) => {
    // lo <= n < hi, on a circle
    x.mov(rax, qword(rbp, 8));
    x.mov(rcx, qword(rbp));
    x.sub(rbx, rcx);
    x.sub(rax, rcx);
    x.cmp(rax, rbx);
    x.setb(al);
    x.movzx(ebx, al);
    x.neg(rbx);
    x.lea(rbp, qword(rbp, 16));
  });
}
