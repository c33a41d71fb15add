/**
 * The text interpreter: parsing, number conversion, INTERPRET and REFILL.
 *
 * The host hands forth_eval a whole text; REFILL makes each of its lines
 * the input buffer in turn, as a terminal would, so `\\`, >IN and SOURCE
 * behave as the standard describes. INTERPRET looks each name up through
 * the search order, then tries a single-cell number, then the not-found
 * hook (U.notFound, set in lib/floats.fs: double-cell and float literals).
 * Before it runs a word in interpretation state, it checks that the stack
 * holds as many items as the word's info word says it needs, so a stack
 * underflow is reported (THROW -4) before the word reads past the stack.
 */

import {
  bl,
  byte,
  dword,
  eax,
  ebx,
  ecx,
  edx,
  qword,
  r8,
  r8d,
  r9,
  r9d,
  r10,
  r11,
  r13,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
} from '../../x86/index.js';
import { HDR, HFLAG, THROW, U } from '../layout.js';
import { XI } from './code.js';
import type { Builder } from './context.js';

/** PARSE-NAME … (SET-SOURCE). */
export function interpreterWords(k: Builder): void {
  const { a, tosPush, prim } = k;
  const { parseName, toNumber, interpret, refill } = k.r;
  // The text interpreter.
  prim('PARSE-NAME', '( "name" -- addr len )', {}, (x) => {
    x.call(parseName);
    x.sub(rbp, 16);
    x.mov(qword(rbp, 8), rbx);
    x.mov(qword(rbp), rsi);
    x.mov(rbx, rcx);
    x.ret();
  });
  prim('PARSE', '( char "ccc<char>" -- addr len )', {}, (x) => {
    const loop = x.label();
    const end = x.label();
    const found = x.label();
    x.mov(rsi, qword(r13, U.srcAddr));
    x.mov(rcx, qword(r13, U.toIn));
    x.mov(rdx, qword(r13, U.srcLen));
    x.lea(rdi, qword(rsi, rcx, 1, 0)); // start
    x.bind(loop);
    x.cmp(rcx, rdx);
    x.jge(end);
    x.cmp(byte(rsi, rcx, 1, 0), bl);
    x.je(found);
    x.add(rcx, 1);
    x.jmp(loop);
    x.bind(found);
    x.lea(rax, qword(rsi, rcx, 1, 0));
    x.sub(rax, rdi);
    x.add(rcx, 1);
    x.mov(qword(r13, U.toIn), rcx);
    x.sub(rbp, 8);
    x.mov(qword(rbp), rdi);
    x.mov(rbx, rax);
    x.ret();
    x.bind(end);
    x.mov(qword(r13, U.toIn), rdx);
    x.lea(rax, qword(rsi, rdx, 1, 0));
    x.sub(rax, rdi);
    x.sub(rbp, 8);
    x.mov(qword(rbp), rdi);
    x.mov(rbx, rax);
    x.ret();
  });
  prim('(NUMBER?)', '( addr len -- n true | false )', { needs: 2 }, (x) => {
    // a single-cell number in BASE, with # $ % 'c' prefixes and -
    const no = x.label();
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.call(toNumber);
    x.test(edx, edx);
    x.jz(no);
    x.mov(qword(rbp), rax);
    x.mov(rbx, -1);
    x.ret();
    x.bind(no);
    x.lea(rbp, qword(rbp, 8));
    x.xor(ebx, ebx);
    x.ret();
  });
  prim('>NUMBER', '( ud1 addr1 u1 -- ud2 addr2 u2 )', {}, (x) => {
    // accumulate digits of BASE into ud
    const loop = x.label();
    const done = x.label();
    x.mov(rsi, qword(rbp)); // addr
    x.mov(r8, qword(rbp, 8)); // ud hi
    x.mov(r9, qword(rbp, 16)); // ud lo
    x.bind(loop);
    x.test(rbx, rbx);
    x.jz(done);
    x.movzx(eax, byte(rsi));
    x.call(a.label('digit_value')); // eax → eax digit or -1
    x.test(eax, eax);
    x.js(done);
    x.cmp(rax, qword(r13, U.base));
    x.jae(done);
    // ud = ud * base + digit
    x.mov(r10, rax);
    x.mov(rax, r9);
    x.mul(qword(r13, U.base));
    x.mov(r9, rax);
    x.mov(r11, rdx);
    x.mov(rax, r8);
    x.imul(rax, qword(r13, U.base));
    x.add(r11, rax);
    x.add(r9, r10);
    x.adc(r11, 0);
    x.mov(r8, r11);
    x.add(rsi, 1);
    x.sub(rbx, 1);
    x.jmp(loop);
    x.bind(done);
    x.mov(qword(rbp), rsi);
    x.mov(qword(rbp, 8), r8);
    x.mov(qword(rbp, 16), r9);
    x.ret();
  });
  prim('INTERPRET', '( i*x -- j*x )', { needs: 0 }, (x) => x.jmp(interpret));
  prim('REFILL', '( -- flag )', {}, (x) => {
    x.call(refill);
    tosPush(x);
    x.movsxd(rbx, eax);
    x.neg(rbx);
    x.ret();
  });
  prim('(SET-SOURCE)', '( addr len id -- )', {}, (x) => {
    // make a line the current input (for file input)
    x.mov(qword(r13, U.sourceId), rbx);
    x.mov(rax, qword(rbp));
    x.mov(qword(r13, U.srcLen), rax);
    x.mov(rax, qword(rbp, 8));
    x.mov(qword(r13, U.srcAddr), rax);
    x.mov(qword(r13, U.toIn), 0);
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
    x.ret();
  });
}

/** parse_name, digit_value, to_number, interpret, refill. */
export function interpreterRoutines(k: Builder): void {
  const { a, L, tosPush, tosPop, throwCode } = k;
  const { compileXt, compileLit, parseName, findName, toNumber, interpret, refill, saveCulprit } = k.r;
  // parse_name: skip spaces (and other control characters), take a word → rsi, rcx.
  {
    a.bind(parseName);
    const skip = L();
    const word = L();
    const end = L();
    a.mov(rdi, qword(r13, U.srcAddr));
    a.mov(rax, qword(r13, U.toIn));
    a.mov(rdx, qword(r13, U.srcLen));
    a.bind(skip);
    a.cmp(rax, rdx);
    a.jge(end);
    a.cmp(byte(rdi, rax, 1, 0), 32);
    a.ja(word);
    a.add(rax, 1);
    a.jmp(skip);
    a.bind(word);
    a.lea(rsi, qword(rdi, rax, 1, 0));
    const scan = L();
    const stop = L();
    a.bind(scan);
    a.cmp(rax, rdx);
    a.jge(stop);
    a.cmp(byte(rdi, rax, 1, 0), 32);
    a.jbe(stop);
    a.add(rax, 1);
    a.jmp(scan);
    a.bind(stop);
    a.lea(rcx, qword(rdi, rax, 1, 0));
    a.sub(rcx, rsi);
    // >IN past the delimiter
    const atEnd = L();
    a.cmp(rax, rdx);
    a.jge(atEnd);
    a.add(rax, 1);
    a.bind(atEnd);
    a.mov(qword(r13, U.toIn), rax);
    a.ret();
    a.bind(end);
    a.mov(qword(r13, U.toIn), rdx);
    a.lea(rsi, qword(rdi, rdx, 1, 0));
    a.xor(ecx, ecx);
    a.ret();
  }

  // digit_value: eax = char → eax = digit value (0-35) or -1
  {
    a.bind(a.label('digit_value'));
    const notDigit = L();
    const bad = L();
    a.lea(ecx, dword(rax, -48));
    a.cmp(ecx, 9);
    a.ja(notDigit);
    a.mov(eax, ecx);
    a.ret();
    a.bind(notDigit);
    a.or(eax, 32);
    a.lea(ecx, dword(rax, -97));
    a.cmp(ecx, 25);
    a.ja(bad);
    a.lea(eax, dword(rcx, 10));
    a.ret();
    a.bind(bad);
    a.mov(eax, -1);
    a.ret();
  }
  // to_number: rsi/rcx → rax value, edx 1 if the whole text is a single-cell number.
  {
    a.bind(toNumber);
    const fail = L();
    const sign = L();
    const digits = L();
    const done = L();
    a.push(r8);
    a.push(r9);
    a.push(qword(r13, U.base));
    a.test(rcx, rcx);
    a.jz(fail);
    // 'c'
    const notChar = L();
    a.cmp(rcx, 3);
    a.jne(notChar);
    a.cmp(byte(rsi), 39);
    a.jne(notChar);
    a.cmp(byte(rsi, 2), 39);
    a.jne(notChar);
    a.movzx(eax, byte(rsi, 1));
    a.mov(edx, 1);
    a.jmp(a.label('num_out'));
    a.bind(notChar);
    // base prefixes
    a.movzx(eax, byte(rsi));
    for (const [c, b] of [
      [35, 10],
      [36, 16],
      [37, 2],
    ] as const) {
      const nx = L();
      a.cmp(eax, c);
      a.jne(nx);
      a.mov(qword(r13, U.base), b);
      a.add(rsi, 1);
      a.sub(rcx, 1);
      a.jmp(sign);
      a.bind(nx);
    }
    a.bind(sign);
    a.xor(r9d, r9d); // negative?
    a.test(rcx, rcx);
    a.jz(fail);
    a.cmp(byte(rsi), 45);
    a.jne(digits);
    a.mov(r9d, 1);
    a.add(rsi, 1);
    a.sub(rcx, 1);
    a.jz(fail);
    a.bind(digits);
    a.xor(r8d, r8d); // value
    const loop = L();
    a.bind(loop);
    a.test(rcx, rcx);
    a.jz(done);
    a.movzx(eax, byte(rsi));
    a.push(rcx);
    a.call(a.label('digit_value'));
    a.pop(rcx);
    a.test(eax, eax);
    a.js(fail);
    a.cmp(rax, qword(r13, U.base));
    a.jae(fail);
    a.imul(r8, qword(r13, U.base));
    a.add(r8, rax);
    a.add(rsi, 1);
    a.sub(rcx, 1);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, r8);
    a.test(r9d, r9d);
    const pos = L();
    a.jz(pos);
    a.neg(rax);
    a.bind(pos);
    a.mov(edx, 1);
    a.jmp(a.label('num_out'));
    a.bind(fail);
    a.xor(edx, edx);
    a.bind(a.label('num_out'));
    a.pop(qword(r13, U.base));
    a.pop(r9);
    a.pop(r8);
    a.ret();
  }

  // interpret: the text interpreter over the current input line.
  {
    a.bind(interpret);
    const loop = L();
    const notFound = L();
    const compileIt = L();
    const done = L();
    const under = L();
    a.bind(loop);
    a.cmp(qword(r13, U.pendingInterrupt), 0);
    a.jne(a.label('interp_int'));
    a.call(parseName);
    a.test(rcx, rcx);
    a.jz(done);
    a.push(rsi);
    a.push(rcx);
    a.call(findName);
    a.pop(rcx);
    a.pop(rsi);
    a.test(rax, rax);
    a.jz(notFound);
    a.mov(rdx, qword(rax, HDR.xt));
    a.movzx(ecx, byte(rax, HDR.flags));
    a.cmp(qword(r13, U.state), 0);
    a.je(a.label('interp_exec'));
    a.test(ecx, HFLAG.immediate);
    a.jz(compileIt);
    // immediate during compilation: record it for SEE, then run it
    a.push(rdx);
    a.call(a.label('see_imm'));
    a.pop(rdx);
    a.mov(rax, rdx);
    a.call(rax);
    a.call(a.label('see_imm_done'));
    a.jmp(loop);
    a.bind(a.label('interp_exec'));
    a.test(ecx, HFLAG.compileOnly);
    a.jz(a.label('interp_run'));
    throwCode(THROW.compileOnly);
    a.bind(a.label('interp_run'));
    // enough items for what the word is known to need?
    a.movzx(ecx, byte(rdx, XI.needs));
    a.cmp(ecx, 255);
    a.je(a.label('interp_go'));
    a.mov(rax, qword(r13, U.s0));
    a.sub(rax, rbp);
    a.sar(rax, 3);
    a.cmp(rax, rcx);
    a.jl(under);
    a.bind(a.label('interp_go'));
    a.mov(rax, rdx);
    a.call(rax);
    a.cmp(rbp, qword(r13, U.s0));
    a.ja(under);
    a.jmp(loop);
    a.bind(compileIt);
    a.mov(rax, rdx);
    a.call(compileXt);
    a.jmp(loop);
    a.bind(notFound);
    a.push(rsi);
    a.push(rcx);
    a.call(toNumber);
    a.pop(rcx);
    a.pop(rsi);
    a.test(edx, edx);
    a.jz(a.label('interp_hook'));
    a.cmp(qword(r13, U.state), 0);
    a.je(a.label('interp_push'));
    a.call(compileLit);
    a.jmp(loop);
    a.bind(a.label('interp_push'));
    tosPush(a);
    a.mov(rbx, rax);
    a.jmp(loop);
    a.bind(a.label('interp_hook'));
    // ( addr len -- ) the NOT-FOUND hook (doubles, floats) or THROW -13
    const noHook = L();
    a.mov(rax, qword(r13, U.notFound));
    a.test(rax, rax);
    a.jz(noHook);
    a.sub(rbp, 16);
    a.mov(qword(rbp, 8), rbx);
    a.mov(qword(rbp), rsi);
    a.mov(rbx, rcx);
    a.call(rax);
    a.jmp(loop);
    a.bind(noHook);
    a.call(saveCulprit);
    throwCode(THROW.undefinedWord);
    a.bind(under);
    a.mov(rbp, qword(r13, U.s0));
    throwCode(THROW.stackUnderflow);
    a.bind(a.label('interp_int'));
    a.mov(qword(r13, U.pendingInterrupt), 0);
    throwCode(THROW.userInterrupt);
    a.bind(done);
    a.ret();
  }

  // refill: the next line of the top-level text (SOURCE-ID 0), or of a file through the hook.
  {
    a.bind(refill);
    const text = L();
    const no = L();
    a.mov(rax, qword(r13, U.sourceId));
    a.test(rax, rax);
    a.jz(text);
    a.cmp(rax, -1);
    a.je(no);
    // a file: the Forth-defined hook ( -- flag )
    a.mov(rax, qword(r13, U.refillFile));
    a.test(rax, rax);
    a.jz(no);
    a.call(rax);
    a.mov(eax, ebx);
    a.neg(eax);
    tosPop(a);
    a.ret();
    a.bind(text);
    const scan = L();
    const eol = L();
    a.mov(rsi, qword(r13, U.textAddr));
    a.mov(rcx, qword(r13, U.textPos));
    a.mov(rdx, qword(r13, U.textLen));
    a.cmp(rcx, rdx);
    a.jae(no);
    a.lea(rdi, qword(rsi, rcx, 1, 0));
    a.mov(qword(r13, U.srcAddr), rdi);
    a.bind(scan);
    a.cmp(rcx, rdx);
    a.jae(eol);
    a.cmp(byte(rsi, rcx, 1, 0), 10);
    a.je(eol);
    a.add(rcx, 1);
    a.jmp(scan);
    a.bind(eol);
    a.lea(rax, qword(rsi, rcx, 1, 0));
    a.sub(rax, rdi);
    a.mov(qword(r13, U.srcLen), rax);
    a.add(rcx, 1);
    a.mov(qword(r13, U.textPos), rcx);
    a.mov(qword(r13, U.toIn), 0);
    a.add(qword(r13, U.line), 1);
    a.mov(eax, 1);
    a.ret();
    a.bind(no);
    a.xor(eax, eax);
    a.ret();
  }
}
