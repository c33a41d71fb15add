/**
 * The peephole optimiser: compile handlers that rewrite what was just
 * compiled, and the stack-effect tracking of a definition.
 *
 * The compiler remembers where the last literal, comparison, DUP and call
 * begin and end (U.lit*, U.cmp*, U.dup*, U.callEnd). A primitive's handler
 * looks back: if a literal ends exactly at HERE it rewinds over it and
 * emits the instruction with an immediate operand; IF after a comparison
 * rewinds over the flag's computation and emits one `cmp` and a `jcc`
 * (also when a DUP came before, keeping the value without a push); `;`
 * after a call makes it a jump. Nothing is rewritten across a branch
 * target (U.lastTarget), so code that a jump lands in stays whole.
 *
 * While a definition compiles, the needs and net effect of each word are
 * added up (from the info words) until one is unknown; `;` stores the
 * result in the new word's info word, so the interpreter can check the
 * depth before running it and words compiled from it are tracked in turn.
 */

import {
  al,
  byte,
  dword,
  eax,
  ebx,
  ecx,
  edx,
  type Label,
  qword,
  r13,
  rax,
  rbp,
  rbx,
  rcx,
  rdx,
} from '../../x86/index.js';
import { U } from '../layout.js';
import { CMP_RBX_IMM32, DROP, JE_REL32, snippet, TEST_TOS } from './code.js';
import type { Builder } from './context.js';

/** The fold and fusion handlers, compile_nothing, dup_special, fuse_branch. */
export function peepholeHandlers(k: Builder): void {
  const { a, foldAlus, foldShifts, cmps, L, emitSeq, emitSeqImm } = k;
  const { emitByte, emitDword, emitInline, trackEffect, trackStop, dupSpecial, foldMul, compileNothing, fuseBranch } =
    k.r;
  // Fold handlers. rax = xt; if the last thing compiled is a literal that fits
  // 32 bits, rewind over it and emit the immediate form instead.
  const litFits = (fail: Label): void => {
    a.mov(rcx, qword(r13, U.litEnd));
    a.cmp(rcx, qword(r13, U.chere));
    a.jne(fail);
    a.mov(rcx, qword(r13, U.litValue));
    a.movsxd(rdx, ecx);
    a.cmp(rdx, rcx);
    a.jne(fail);
  };
  const rewindLit = (): void => {
    a.mov(rcx, qword(r13, U.litStart));
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.litEnd), 0);
  };
  for (const [l, ext] of foldAlus) {
    const plain = L();
    a.bind(l);
    litFits(plain);
    rewindLit();
    emitSeqImm(a, [0x48, 0x81, 0xc3 | (ext << 3)]); // op rbx, imm32
    a.ret();
    a.bind(plain);
    a.jmp(a.label('compile_plain'));
  }
  {
    const plain = L();
    a.bind(foldMul);
    litFits(plain);
    rewindLit();
    emitSeqImm(
      a,
      snippet((s) => s.imul(rbx, rbx, 0x1234_5678), 4),
    );
    a.ret();
    a.bind(plain);
    a.jmp(a.label('compile_plain'));
  }
  for (const [l, ext] of foldShifts) {
    const plain = L();
    a.bind(l);
    litFits(plain);
    a.cmp(qword(r13, U.litValue), 63);
    a.ja(plain);
    rewindLit();
    emitSeq(a, [0x48, 0xc1, 0xe3 | (ext << 3)]); // shl/shr/sar rbx, imm8
    a.mov(al, byte(r13, U.litValue));
    a.call(emitByte);
    a.ret();
    a.bind(plain);
    a.jmp(a.label('compile_plain'));
  }
  // Comparison handlers: with a literal, `cmp rbx, imm32` + flag; else inline. Remember for IF.
  for (const [l, cond, kind, litCond] of cmps) {
    const plain = L();
    const record = L();
    a.bind(l);
    if (kind === 'two') {
      litFits(plain);
      rewindLit();
      a.mov(rcx, qword(r13, U.chere));
      a.mov(qword(r13, U.cmpStart), rcx);
      emitSeqImm(a, CMP_RBX_IMM32);
      // setcc al (by condition code); then 0 or -1
      emitSeq(a, [
        0x0f,
        0x90 | litCond,
        0xc0,
        ...snippet((s) => {
          s.movzx(ebx, al);
          s.neg(rbx);
        }),
      ]);
      a.mov(qword(r13, U.cmpKind), 1);
      a.mov(qword(r13, U.cmpCond), litCond);
      a.jmp(record);
      a.bind(plain);
      a.mov(rcx, qword(r13, U.chere));
      a.mov(qword(r13, U.cmpStart), rcx);
      a.call(emitInline);
      a.mov(qword(r13, U.cmpKind), 0);
      a.mov(qword(r13, U.cmpCond), cond);
    } else {
      a.mov(rcx, qword(r13, U.chere));
      a.mov(qword(r13, U.cmpStart), rcx);
      a.call(emitInline);
      a.mov(qword(r13, U.cmpKind), 2);
      a.mov(qword(r13, U.cmpCond), cond);
    }
    a.bind(record);
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.cmpEnd), rcx);
    a.ret();
  }
  a.bind(compileNothing);
  a.ret();
  a.bind(dupSpecial);
  a.mov(rcx, qword(r13, U.chere));
  a.mov(qword(r13, U.dupStart), rcx);
  a.call(emitInline);
  a.mov(rcx, qword(r13, U.chere));
  a.mov(qword(r13, U.dupEnd), rcx);
  a.ret();

  // fuse_branch: ecx = 1 forward (returns rax = address of the rel32 field), 0 backward to rdx.
  // Pops the flag; jumps when it is false. Fuses with a comparison compiled just before.
  {
    a.bind(fuseBranch);
    const plain = L();
    const jcc = L();
    a.push(rcx);
    a.push(rdx);
    // stack tracking: the flag is consumed, then tracking stops
    a.mov(ecx, 1);
    a.mov(edx, 127);
    a.call(trackEffect);
    a.call(trackStop);
    a.mov(rcx, qword(r13, U.cmpEnd));
    a.cmp(rcx, qword(r13, U.chere));
    a.jne(plain);
    // not when a jump lands in or after the comparison (`... 0<> THEN IF`):
    // the jump's path has its flag on the stack, not in the flags
    a.mov(rcx, qword(r13, U.cmpStart));
    a.cmp(rcx, qword(r13, U.lastTarget));
    a.jb(plain);
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.cmpEnd), 0);
    const one = L();
    const zero = L();
    a.cmp(qword(r13, U.cmpKind), 1);
    a.je(one);
    a.cmp(qword(r13, U.cmpKind), 2);
    a.je(zero);
    // two items: mov rax,[rbp]; cmp rax,rbx; mov rbx,[rbp+8]; lea rbp,[rbp+16]
    emitSeq(
      a,
      snippet((s) => {
        s.mov(rax, qword(rbp));
        s.cmp(rax, rbx);
        s.mov(rbx, qword(rbp, 8));
        s.lea(rbp, qword(rbp, 16));
      }),
    );
    a.jmp(jcc);
    // DUP just before: the value stays on the stack, so no push and no pop
    const noDup = L();
    const dupOne = L();
    a.bind(one);
    a.mov(rcx, qword(r13, U.dupEnd));
    a.cmp(rcx, qword(r13, U.chere));
    a.jne(noDup);
    a.mov(rcx, qword(r13, U.dupStart));
    a.cmp(rcx, qword(r13, U.lastTarget));
    a.jb(noDup);
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.dupEnd), 0);
    emitSeqImm(a, CMP_RBX_IMM32);
    a.jmp(jcc);
    a.bind(noDup);
    emitSeqImm(a, CMP_RBX_IMM32);
    emitSeq(a, DROP);
    a.jmp(jcc);
    a.bind(zero);
    a.mov(rcx, qword(r13, U.dupEnd));
    a.cmp(rcx, qword(r13, U.chere));
    a.jne(dupOne);
    a.mov(rcx, qword(r13, U.dupStart));
    a.cmp(rcx, qword(r13, U.lastTarget));
    a.jb(dupOne);
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.dupEnd), 0);
    emitSeq(a, TEST_TOS);
    a.jmp(jcc);
    a.bind(dupOne);
    emitSeq(a, [...TEST_TOS, ...DROP]);
    a.bind(jcc);
    // j(not cond) rel32
    a.mov(al, 0x0f);
    a.call(emitByte);
    a.mov(eax, dword(r13, U.cmpCond));
    a.xor(eax, 1);
    a.or(eax, 0x80);
    a.call(emitByte);
    const fin = L();
    a.jmp(fin);
    a.bind(plain);
    // mov rax, rbx; drop; test rax, rax; jz rel32
    emitSeq(a, [...snippet((s) => s.mov(rax, rbx)), ...DROP, ...snippet((s) => s.test(rax, rax)), ...JE_REL32]);
    a.bind(fin);
    a.pop(rdx);
    a.pop(rcx);
    const back = L();
    a.test(ecx, ecx);
    a.jz(back);
    a.mov(rax, qword(r13, U.chere));
    a.push(rax);
    a.xor(eax, eax);
    a.call(emitDword);
    a.pop(rax);
    a.ret();
    a.bind(back);
    a.mov(rax, rdx);
    a.sub(rax, qword(r13, U.chere));
    a.sub(rax, 4);
    a.jmp(emitDword);
  }
}

/** track_effect and track_stop. */
export function effectTracking(k: Builder): void {
  const { a, L } = k;
  const { trackEffect, trackStop } = k.r;
  // Stack-effect tracking of the definition being compiled (see layout.ts U.track*).
  // ecx = items needed, edx = net + 128 (255 unknown).
  {
    a.bind(trackEffect);
    const stop = L();
    a.cmp(qword(r13, U.trackOn), 0);
    a.je(a.label('track_ret'));
    a.cmp(ecx, 255);
    a.je(stop);
    a.cmp(edx, 255);
    a.je(stop);
    a.mov(rax, qword(r13, U.trackDepth));
    a.sub(rax, rcx);
    a.cmp(rax, qword(r13, U.trackMin));
    a.jge(a.label('track_nomin'));
    a.mov(qword(r13, U.trackMin), rax);
    a.bind(a.label('track_nomin'));
    a.sub(edx, 128);
    a.movsxd(rdx, edx);
    a.add(qword(r13, U.trackDepth), rdx);
    a.bind(a.label('track_ret'));
    a.ret();
    a.bind(stop);
    // the minimum so far stays valid; the net effect is unknown from here
    a.bind(trackStop);
    a.mov(qword(r13, U.trackOn), 0);
    a.ret();
  }
}
