/**
 * The peephole optimiser: compile handlers that rewrite what was just
 * compiled, and the stack-effect tracking of a definition.
 *
 * The compiler remembers where the last literal, comparison, DUP, pusher and call
 * begin and end (U.lit*, U.cmp*, U.dup*, U.callEnd). A primitive's handler
 * looks back: if a literal ends exactly at HERE it rewinds over it and
 * emits the instruction with an immediate operand; IF after a comparison
 * rewinds over the flag's computation and emits one `cmp` and a `jcc`
 * (also when a DUP came before, keeping the value without a push); `;`
 * after a call makes it a jump. A word that only pushes a value (DUP OVER
 * I J R@ R>) is remembered with the code that loads that value into rax,
 * so that an operator after it (+ - * AND OR XOR, a comparison) rewinds
 * over the push and takes the value from rax: `I +` is `lea rax, [r14 +
 * r15]; add rbx, rax`. Nothing is rewritten across a branch target
 * (U.lastTarget), so code that a jump lands in stays whole.
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
  edi,
  edx,
  type Label,
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
import { U } from '../layout.js';
import { CMP_RBX_IMM32, DROP, JE_REL32, snippet, TEST_TOS } from './code.js';
import type { Builder } from './context.js';

/** The fold and fusion handlers, compile_nothing, dup_special, fuse_branch. */
export function peepholeHandlers(k: Builder): void {
  const { a, foldAlus, foldShifts, cmps, pushers, seqs, L, emitSeq, emitSeqImm } = k;
  const {
    emitByte,
    emitDword,
    emitQword,
    emitBytes,
    emitInline,
    trackEffect,
    trackStop,
    dupSpecial,
    foldMul,
    compileNothing,
    fuseBranch,
  } = k.r;
  // What was compiled last may be rewritten only if it ends at HERE and no
  // branch lands inside it (a target at its first byte still finds the
  // rewritten code there).
  const endsHere = (start: number, end: number, fail: Label): void => {
    a.mov(rcx, qword(r13, end));
    a.cmp(rcx, qword(r13, U.chere));
    a.jne(fail);
    a.mov(rcx, qword(r13, start));
    a.cmp(rcx, qword(r13, U.lastTarget));
    a.jb(fail);
  };
  // A length-prefixed byte string in rodata (the loads of pushers).
  const seqCache = new Map<string, Label>();
  const seqLabel = (bytes: number[]): Label => {
    const key = bytes.join(',');
    let l = seqCache.get(key);
    if (!l) {
      l = L();
      seqs.push([l, [bytes.length, ...bytes]]);
      seqCache.set(key, l);
    }
    return l;
  };
  // push_append: rsi = a length-prefixed string, appended to the pusher's
  // load in U.pushBuf; too long for it: the pusher is forgotten.
  {
    const copy = L();
    const done = L();
    const full = L();
    a.bind(a.label('push_append'));
    a.movzx(ecx, byte(rsi));
    a.movzx(edx, byte(r13, U.pushBuf));
    a.lea(eax, qword(rcx, rdx, 1, 0));
    a.cmp(eax, U.pushBufSize - 1);
    a.ja(full);
    a.mov(byte(r13, U.pushBuf), al);
    a.lea(rdi, qword(r13, rdx, 1, U.pushBuf + 1));
    a.add(rsi, 1);
    a.bind(copy);
    a.test(ecx, ecx);
    a.jz(done);
    a.mov(al, byte(rsi));
    a.mov(byte(rdi), al);
    a.add(rsi, 1);
    a.add(rdi, 1);
    a.sub(ecx, 1);
    a.jmp(copy);
    a.bind(full);
    a.mov(qword(r13, U.pushEnd), 0);
    a.bind(done);
    a.ret();
  }
  // push_extend: rsi = the form on rax of the operator of one item just
  // compiled from rdx to HERE. Right after the pusher, it becomes part of it.
  {
    const not = L();
    a.bind(a.label('push_extend'));
    a.cmp(qword(r13, U.pushEnd), rdx);
    a.jne(not);
    a.call(a.label('push_append'));
    a.cmp(qword(r13, U.pushEnd), 0);
    a.je(not);
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.pushEnd), rcx);
    a.bind(not);
    a.ret();
  }
  // push_extend_imm: the same, then ecx (1 or 4) bytes of the literal (U.litValue).
  {
    const not = L();
    a.bind(a.label('push_extend_imm'));
    a.cmp(qword(r13, U.pushEnd), rdx);
    a.jne(not);
    a.push(rcx);
    a.call(a.label('push_append'));
    a.pop(rcx);
    a.cmp(qword(r13, U.pushEnd), 0);
    a.je(not);
    a.movzx(edx, byte(r13, U.pushBuf));
    a.cmp(edx, U.pushBufSize - 1 - 8); // room for the qword written below
    a.ja(a.label('push_forget'));
    a.lea(eax, qword(rcx, rdx, 1, 0));
    a.mov(byte(r13, U.pushBuf), al);
    a.mov(rax, qword(r13, U.litValue));
    a.mov(qword(r13, rdx, 1, U.pushBuf + 1), rax); // ecx bytes of it count
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.pushEnd), rcx);
    a.bind(not);
    a.ret();
    a.bind(a.label('push_forget'));
    a.mov(qword(r13, U.pushEnd), 0);
    a.ret();
  }
  // swap_candidate: rdx = where an operator of one item begins → rdi = the
  // start of a SWAP copied inline that ends there (no branch target inside), or 0.
  const swapXt = k.prims.find((p) => p.name === 'SWAP')?.xt as Label;
  {
    const none = L();
    a.bind(a.label('swap_candidate'));
    a.xor(edi, edi);
    a.cmp(qword(r13, U.inlEnd), rdx);
    a.jne(none);
    a.mov(rcx, qword(r13, U.inlStart));
    a.cmp(rcx, qword(r13, U.lastTarget));
    a.jb(none);
    a.lea(rcx, qword(swapXt));
    a.cmp(qword(r13, U.inlXt), rcx);
    a.jne(none);
    a.mov(rdi, qword(r13, U.inlStart));
    a.bind(none);
    a.ret();
  }
  // swap_note: rdi = a SWAP's start (or 0), rsi = the form on the second item
  // of the operator just compiled after it (length-prefixed, or 0), ecx = bytes
  // of the literal (U.litValue) after that form: remembered for a second SWAP.
  {
    const none = L();
    const copy = L();
    const copied = L();
    a.bind(a.label('swap_note'));
    a.test(rdi, rdi);
    a.jz(none);
    a.test(rsi, rsi);
    a.jz(none);
    a.mov(qword(r13, U.swapStart), rdi);
    a.movzx(edx, byte(rsi));
    a.lea(eax, qword(rdx, rcx, 1, 0));
    a.mov(byte(r13, U.swapForm), al);
    a.lea(rdi, qword(r13, U.swapForm + 1));
    a.add(rsi, 1);
    a.bind(copy);
    a.test(edx, edx);
    a.jz(copied);
    a.mov(al, byte(rsi));
    a.mov(byte(rdi), al);
    a.add(rsi, 1);
    a.add(rdi, 1);
    a.sub(edx, 1);
    a.jmp(copy);
    a.bind(copied);
    a.mov(rax, qword(r13, U.litValue));
    a.mov(qword(rdi), rax); // ecx bytes of it count (forms are at most 4 bytes: room for 8)
    a.mov(rax, qword(r13, U.chere));
    a.mov(qword(r13, U.swapEnd), rax);
    a.bind(none);
    a.ret();
  }
  // The last literal fits 32 bits (it ends here: endsHere(litStart, litEnd) first).
  const litFits = (fail: Label): void => {
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
  // The last literal, whatever its size, into rax instead of a push: movabs rax, imm64.
  const litToRax = (): void => {
    rewindLit();
    emitSeq(
      a,
      snippet((s) => s.mov(rax, 0x1234_5678_9abc_def0n), 8),
    );
    a.mov(rax, qword(r13, U.litValue));
    a.call(emitQword);
  };
  // The last pusher's value into rax instead of a push (its load, from U.pushBuf).
  const pushToRax = (): void => {
    a.mov(rcx, qword(r13, U.pushStart));
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.pushEnd), 0);
    a.lea(rsi, qword(r13, U.pushBuf + 1));
    a.movzx(ecx, byte(r13, U.pushBuf));
    a.call(emitBytes);
  };
  // An operator whose second operand was just pushed (by a literal or a
  // pusher) takes it from the instruction instead: `op rbx, imm32`, or the
  // value loaded into rax and `op rbx, rax`. Else the operator's own code.
  // An operator with a literal folded in, right after a pusher, makes a
  // longer pusher: `J 200 *` loads `mov rax, [rsp]; add rax, [rsp+8]; imul
  // rax, rax, 200`. raxImm: its form on rax without the immediate, immSize
  // 4 or 1 bytes of the literal after it.
  const extendImm = (raxImm: number[], immSize: number): void => {
    a.mov(rdx, qword(r13, U.litStart));
    a.lea(rsi, qword(seqLabel(raxImm)));
    a.mov(ecx, immSize);
    a.call(a.label('push_extend_imm'));
  };
  // … and after a SWAP, the form on the second item is remembered (`SWAP 8 + SWAP`).
  const noteSwapImm = (rbpImm: number[] | null, immSize: number): void => {
    if (!rbpImm) return;
    a.mov(rdx, qword(r13, U.litStart));
    a.call(a.label('swap_candidate'));
    a.lea(rsi, qword(seqLabel(rbpImm)));
    a.mov(ecx, immSize);
    a.call(a.label('swap_note'));
  };
  const fused = (imm: () => void, reg: number[], raxImm: number[], rbpImm: number[] | null): void => {
    const wide = L();
    const pushed = L();
    const plain = L();
    endsHere(U.litStart, U.litEnd, pushed);
    litFits(wide);
    rewindLit();
    imm();
    extendImm(raxImm, 4);
    noteSwapImm(rbpImm, 4);
    a.ret();
    a.bind(wide);
    litToRax();
    emitSeq(a, reg);
    a.ret();
    a.bind(pushed);
    endsHere(U.pushStart, U.pushEnd, plain);
    pushToRax();
    emitSeq(a, reg);
    a.ret();
    a.bind(plain);
    a.jmp(a.label('compile_plain'));
  };
  // rax = xt on entry of every handler.
  for (const [l, ext] of foldAlus) {
    a.bind(l);
    fused(
      () => emitSeqImm(a, [0x48, 0x81, 0xc3 | (ext << 3)]), // op rbx, imm32
      [0x48, (ext << 3) | 1, 0xc3], // op rbx, rax
      [0x48, 0x81, 0xc0 | (ext << 3)], // op rax, imm32
      [0x48, 0x81, 0x45 | (ext << 3), 0x00], // op qword [rbp], imm32
    );
  }
  a.bind(foldMul);
  fused(
    () =>
      emitSeqImm(
        a,
        snippet((s) => s.imul(rbx, rbx, 0x1234_5678), 4),
      ),
    snippet((s) => s.imul(rbx, rax)),
    snippet((s) => s.imul(rax, rax, 0x1234_5678), 4),
    null,
  );
  for (const [l, ext] of foldShifts) {
    const plain = L();
    a.bind(l);
    endsHere(U.litStart, U.litEnd, plain);
    litFits(plain);
    a.cmp(qword(r13, U.litValue), 63);
    a.ja(plain);
    rewindLit();
    emitSeq(a, [0x48, 0xc1, 0xe3 | (ext << 3)]); // shl/shr/sar rbx, imm8
    a.mov(al, byte(r13, U.litValue));
    a.call(emitByte);
    extendImm([0x48, 0xc1, 0xe0 | (ext << 3)], 1); // shl/shr/sar rax, imm8
    noteSwapImm([0x48, 0xc1, 0x45 | (ext << 3), 0x00], 1); // shl/shr/sar qword [rbp], imm8
    a.ret();
    a.bind(plain);
    a.jmp(a.label('compile_plain'));
  }
  // Comparison handlers: with a literal, `cmp rbx, imm32` + flag; with a
  // pushed value, its load and `cmp rbx, rax` + flag; else inline. Remember for IF.
  const setFlag = (cond: number): number[] => [
    0x0f,
    0x90 | cond, // setcc al
    0xc0,
    ...snippet((s) => {
      s.movzx(ebx, al);
      s.neg(rbx);
    }),
  ];
  for (const [l, cond, kind, litCond] of cmps) {
    const plain = L();
    const record = L();
    a.bind(l);
    if (kind === 'two') {
      const pushed = L();
      endsHere(U.litStart, U.litEnd, pushed);
      litFits(pushed);
      rewindLit();
      a.mov(rcx, qword(r13, U.chere));
      a.mov(qword(r13, U.cmpStart), rcx);
      emitSeqImm(a, CMP_RBX_IMM32);
      emitSeq(a, setFlag(litCond));
      a.mov(qword(r13, U.cmpKind), 1);
      a.mov(qword(r13, U.cmpCond), litCond);
      a.jmp(record);
      a.bind(pushed);
      endsHere(U.pushStart, U.pushEnd, plain);
      a.mov(rcx, qword(r13, U.pushStart));
      a.mov(qword(r13, U.cmpStart), rcx);
      pushToRax();
      emitSeq(
        a,
        snippet((s) => s.cmp(rbx, rax)),
      );
      a.mov(rcx, qword(r13, U.chere));
      a.mov(qword(r13, U.cmpMid), rcx);
      emitSeq(a, setFlag(cond));
      a.mov(qword(r13, U.cmpKind), 3);
      a.mov(qword(r13, U.cmpCond), cond);
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
  // Pushers: compiled inline as usual, remembered with their load for the operator after them.
  const recordPusher = (load: Label): void => {
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.pushStart), rcx);
    a.call(emitInline);
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.pushEnd), rcx);
    a.mov(byte(r13, U.pushBuf), 0);
    a.lea(rsi, qword(load));
    a.call(a.label('push_append'));
  };
  const loadSeq = seqLabel;
  for (const [l, load, afterLit] of pushers) {
    a.bind(l);
    if (afterLit) {
      const alone = L();
      endsHere(U.litStart, U.litEnd, alone);
      litFits(alone);
      rewindLit();
      a.mov(qword(r13, U.pushEnd), 0);
      emitSeqImm(a, afterLit);
      a.ret();
      a.bind(alone);
    }
    recordPusher(loadSeq(load));
    a.ret();
  }
  a.bind(compileNothing);
  a.ret();
  a.bind(dupSpecial);
  recordPusher(loadSeq(snippet((s) => s.mov(rax, rbx))));
  a.mov(rcx, qword(r13, U.pushStart));
  a.mov(qword(r13, U.dupStart), rcx);
  a.mov(rcx, qword(r13, U.pushEnd));
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
    // the stack model compiles the test and the jcc's opcode (stackmodel.ts)
    const notModel = L();
    const modelled = L();
    // x: the destination of a backward branch (its loop's layout), 0 forward
    a.mov(rax, rdx);
    a.test(ecx, ecx);
    a.mov(edx, 0);
    a.cmovz(rdx, rax);
    a.mov(ecx, 3);
    a.call(a.label('vm_call'));
    a.test(rax, rax);
    a.jz(notModel);
    a.mov(ecx, 1);
    a.mov(edx, 127);
    a.call(trackEffect);
    a.call(a.label('track_stop_only')); // no flush between the jcc's opcode and its rel32
    a.jmp(modelled);
    a.bind(notModel);
    // stack tracking: the flag is consumed, then tracking stops
    a.mov(ecx, 1);
    a.mov(edx, 127);
    a.call(trackEffect);
    a.call(trackStop);
    endsHere(U.cmpStart, U.cmpEnd, plain);
    a.mov(rcx, qword(r13, U.cmpStart));
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.cmpEnd), 0);
    const one = L();
    const zero = L();
    const withRax = L();
    a.cmp(qword(r13, U.cmpKind), 1);
    a.je(one);
    a.cmp(qword(r13, U.cmpKind), 2);
    a.je(zero);
    a.cmp(qword(r13, U.cmpKind), 3);
    a.je(withRax);
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
    // a pushed value: keep its load and `cmp rbx, rax`, drop the flag's code and the first item
    a.bind(withRax);
    a.mov(rcx, qword(r13, U.cmpMid));
    a.mov(qword(r13, U.chere), rcx);
    emitSeq(a, DROP);
    a.jmp(jcc);
    a.bind(one);
    endsHere(U.dupStart, U.dupEnd, noDup);
    a.mov(rcx, qword(r13, U.dupStart));
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.dupEnd), 0);
    emitSeqImm(a, CMP_RBX_IMM32);
    a.jmp(jcc);
    a.bind(noDup);
    emitSeqImm(a, CMP_RBX_IMM32);
    emitSeq(a, DROP);
    a.jmp(jcc);
    a.bind(zero);
    endsHere(U.dupStart, U.dupEnd, dupOne);
    a.mov(rcx, qword(r13, U.dupStart));
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
    // test rbx, rbx; drop (which leaves the flags); jz rel32
    emitSeq(a, [...TEST_TOS, ...DROP, ...JE_REL32]);
    a.bind(fin);
    a.bind(modelled);
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
    a.call(a.label('vm_flush')); // a branch, a target or a word of unknown effect: the model flushes
    a.bind(a.label('track_stop_only'));
    a.mov(qword(r13, U.trackOn), 0);
    a.ret();
  }
}
