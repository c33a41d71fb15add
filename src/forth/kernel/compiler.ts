/**
 * The native-code compiler: subroutine threading, with small primitives
 * copied inline.
 *
 * A colon definition is machine code: each word compiled is a `call` to its
 * xt, or the bytes of its inline body (INFO.inlineLen bytes, from the info
 * word at xt-8), or a literal, `mov rbx, imm` after a push. The control
 * structures written in Forth (lib/core.fs) call the branch emitters here;
 * the control-flow stack is the data stack, holding addresses in code
 * space. Code space is written through its read+write view (U.codeDelta
 * away from the address it runs at).
 *
 * For SEE, the compiler also records what each definition was compiled
 * from: a list of tokens (word, literal, immediate word run) per colon
 * definition, in an arena of its own.
 */

import {
  al,
  byte,
  cl,
  dword,
  eax,
  ebx,
  ecx,
  edx,
  type Label,
  qword,
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
import { HDR, INFO_FLAG, THROW, U } from '../layout.js';
import {
  CREATED,
  DO_SETUP,
  DROP,
  GUARD,
  JE_REL32,
  JNO_REL32,
  MOV_RBX_IMM32,
  MOVABS_RBX,
  PUSH_TOS,
  snippet,
  XI,
} from './code.js';
import type { A, Builder } from './context.js';

/** COMPILE, … (+LOOP). */
export function compilerWords(k: Builder): void {
  const { a, tosPush, tosPop, prim, alias, emitSeq } = k;
  const { emitByte, emitDword, emitQword, compileXt, compileLit, makeHeader, trackStop, fuseBranch } = k.r;
  prim('COMPILE,', '( xt -- )', {}, (x) => {
    x.mov(rax, rbx);
    tosPop(x);
    x.jmp(compileXt);
  });
  prim('LITERAL', '( x -- )', { immediate: true, compileOnly: true }, (x) => {
    // Compilation: ( x -- ) run-time: ( -- x )
    x.mov(rax, rbx);
    tosPop(x);
    x.jmp(compileLit);
  });
  alias('(LITERAL)', 'LITERAL', 0); // not immediate: for words that compile a literal
  prim('(FLITERAL)', '( F: r -- )', {}, (x) => {
    x.call(a.label('vm_flush'));
    // compile code that pushes r: sub r12,8; mov rax, imm64; mov [r12], rax
    emitSeq(
      x,
      snippet((s) => {
        s.sub(r12, 8);
        s.mov(rax, 0x1234_5678_9abc_def0n);
      }, 8),
    );
    x.mov(rax, qword(r12));
    x.add(r12, 8);
    x.call(emitQword);
    emitSeq(
      x,
      snippet((s) => s.mov(qword(r12), rax)),
    );
    x.ret();
  });
  prim('CODE,', '( byte -- )', {}, (x) => {
    // one byte of machine code (after what the stack model holds, unless the model is writing it)
    x.call(a.label('vm_flush'));
    x.mov(eax, ebx);
    tosPop(x);
    x.jmp(emitByte);
  });
  prim('CODE-HERE', '( -- addr )', {}, (x) => {
    x.call(a.label('vm_flush'));
    tosPush(x);
    x.mov(rbx, qword(r13, U.chere));
    x.ret();
  });
  prim('(RET,)', '( -- )', {}, (x) => {
    // compile the end of a word built without ':' (a return, or a tail jump)
    x.jmp(a.label('compile_exit'));
  });
  prim('(HEADER-XT)', '( xt flags addr len -- )', {}, (x) => {
    // a header for an existing xt (SYNONYM)
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.call(makeHeader);
    x.mov(rcx, qword(rbp, 16));
    x.mov(qword(rax, HDR.xt), rcx);
    x.mov(rcx, qword(rbp, 8));
    x.mov(byte(rax, HDR.flags), cl);
    x.mov(rbx, qword(rbp, 24));
    x.lea(rbp, qword(rbp, 32));
    x.ret();
  });

  // The stack model's part in loops (stackmodel.ts): kind, x → rax.
  const vm = (x: A, kind: number, arg?: 'rbx' | number): void => {
    if (arg === 'rbx') x.mov(rdx, rbx);
    else x.mov(edx, arg ?? 0);
    x.mov(ecx, kind);
    x.call(a.label('vm_call'));
  };
  // A loop's head: the model keeps what the loop carries in registers, from here (kinds 5, 6).
  const loopHead = (x: A, consumed: number, setup: () => void): void => {
    vm(x, 5, consumed);
    x.call(a.label('track_stop_only'));
    setup();
    vm(x, 6);
    tosPush(x);
    x.mov(rbx, qword(r13, U.chere));
    x.mov(qword(r13, U.lastTarget), rbx);
    x.ret();
  };
  // Branch emitters for the control structures written in Forth.
  // (0BRANCH>) ( -- orig ) a forward jump taken when the flag is false, fused with a
  // comparison just compiled; orig is the address of its rel32 field.
  prim('(0BRANCH>)', '( -- orig )', {}, (x) => {
    x.mov(ecx, 1);
    x.call(fuseBranch);
    tosPush(x);
    x.mov(rbx, rax);
    x.ret();
  });
  prim('(<0BRANCH)', '( dest -- )', {}, (x) => {
    // a backward jump taken when the flag is false
    x.call(a.label('check_cf'));
    x.mov(rdx, rbx);
    tosPop(x);
    x.xor(ecx, ecx);
    x.jmp(fuseBranch);
  });
  prim('(BRANCH>)', '( -- orig )', {}, (x) => {
    // an unconditional forward jump
    vm(x, 11);
    x.call(a.label('track_stop_only'));
    x.mov(al, 0xe9);
    x.call(emitByte);
    tosPush(x);
    x.mov(rbx, qword(r13, U.chere));
    x.xor(eax, eax);
    x.call(emitDword);
    x.ret();
  });
  /** Compiles `jmp rel32` to the code address in rbx (it stays there). */
  const jmpBack = (x: A): void => {
    x.mov(al, 0xe9);
    x.call(emitByte);
    x.mov(rax, rbx);
    x.sub(rax, qword(r13, U.chere));
    x.sub(rax, 4);
    x.call(emitDword);
  };
  prim('(<BRANCH)', '( dest -- )', {}, (x) => {
    // an unconditional backward jump (the model flushes to the loop's layout)
    x.call(a.label('check_cf'));
    vm(x, 7, 'rbx');
    x.call(trackStop);
    jmpBack(x);
    tosPop(x);
    x.ret();
  });
  prim('(REPEAT)', '( orig dest -- orig )', {}, (x) => {
    // REPEAT's backward jump; the model (kind 12, the orig under dest) may
    // instead repeat the loop's test here, a jcc back to the body
    const rotated = x.label();
    x.call(a.label('check_cf'));
    vm(x, 12, 'rbx'); // flushes to the loop's layout
    x.call(a.label('track_stop_only'));
    x.test(rax, rax);
    x.jnz(rotated);
    jmpBack(x);
    x.bind(rotated);
    tosPop(x);
    x.ret();
  });
  prim('(RESOLVE>)', '( orig -- )', {}, (x) => {
    // the forward jump at orig lands here (the model takes the layout it jumps with)
    x.call(a.label('check_cf'));
    vm(x, 10, 'rbx');
    x.call(a.label('track_stop_only'));
    x.mov(rax, qword(r13, U.chere));
    x.mov(qword(r13, U.lastTarget), rax);
    x.sub(rax, rbx);
    x.sub(rax, 4);
    x.add(rbx, qword(r13, U.codeDelta));
    x.mov(dword(rbx), eax);
    tosPop(x);
    x.ret();
  });
  prim('(<MARK)', '( -- dest )', {}, (x) => {
    // a backward jump's destination
    loopHead(x, 0, () => {});
  });
  // Counted loops. (DO) ( -- dest ): see DO_SETUP.
  prim('(DO)', '( -- dest )', {}, (x) => {
    loopHead(x, 2, () => {
      emitSeq(x, DO_SETUP);
      x.call(a.label('leave_mark'));
    });
  });
  prim('(?DO)', '( -- dest )', {}, (x) => {
    loopHead(x, 2, () => {
      // and when start = limit, skip the loop: je to a LEAVE site
      emitSeq(x, [...DO_SETUP, ...snippet((s) => s.cmp(rax, rcx)), ...JE_REL32]);
      x.call(a.label('leave_mark'));
      x.call(a.label('leave_site'));
    });
  });
  prim('(LEAVE)', '( -- )', {}, (x) => {
    // a jump to the innermost loop's exit
    x.call(trackStop);
    x.mov(al, 0xe9);
    x.call(emitByte);
    x.jmp(a.label('leave_site'));
  });
  const loopEnd = (x: A, step: number[], kind: number): void => {
    // ( dest -- ) step code, jno dest, then the exit: LEAVEs land here, pop r14 r15
    x.call(a.label('check_cf'));
    const modelled = x.label();
    vm(x, kind, 'rbx'); // the model compiles the step and jno's opcode
    x.test(rax, rax);
    x.jnz(modelled);
    x.call(trackStop);
    emitSeq(x, [...step, ...JNO_REL32]);
    x.bind(modelled);
    x.call(a.label('track_stop_only'));
    x.mov(rax, rbx);
    x.sub(rax, qword(r13, U.chere));
    x.sub(rax, 4);
    x.call(emitDword);
    tosPop(x);
    x.call(a.label('vm_flush')); // what the loop left in registers, before the LEAVEs' target
    x.call(a.label('leave_resolve'));
    emitSeq(
      x,
      snippet((s) => {
        s.pop(r14);
        s.pop(r15);
      }),
    );
    x.ret();
  };
  prim('(LOOP)', '( dest -- )', {}, (x) =>
    loopEnd(
      x,
      snippet((s) => s.inc(r14)),
      8,
    ),
  );
  prim('(+LOOP)', '( dest -- )', {}, (x) => loopEnd(x, [...snippet((s) => s.add(r14, rbx)), ...DROP], 9));
}

/** emit_*, compile_call, compile_lit, compile_xt, emit_inline. */
export function codeEmitters(k: Builder): void {
  const { a, L, emitSeq } = k;
  const { emitByte, emitDword, emitQword, emitBytes, emitInline, compileXt, compileLit, compileCall, trackEffect } =
    k.r;
  // emit_*: append to code space through the write view. Clobber rdx (and rsi/rcx for emit_bytes).
  for (const [l, size] of [
    [emitByte, 1],
    [emitDword, 4],
    [emitQword, 8],
  ] as const) {
    a.bind(l);
    a.mov(rdx, qword(r13, U.chere));
    a.add(rdx, qword(r13, U.codeDelta));
    if (size === 1) a.mov(byte(rdx), al);
    else if (size === 4) a.mov(dword(rdx), eax);
    else a.mov(qword(rdx), rax);
    a.add(qword(r13, U.chere), size);
    a.ret();
  }
  a.bind(emitBytes);
  {
    const loop = L();
    const done = L();
    a.mov(rdx, qword(r13, U.chere));
    a.add(qword(r13, U.chere), rcx);
    a.add(rdx, qword(r13, U.codeDelta));
    a.bind(loop);
    a.test(rcx, rcx);
    a.jz(done);
    a.mov(al, byte(rsi));
    a.mov(byte(rdx), al);
    a.add(rsi, 1);
    a.add(rdx, 1);
    a.sub(rcx, 1);
    a.jmp(loop);
    a.bind(done);
    a.ret();
  }
  // compile_call: rax = target → E8 rel32, remembered for tail calls.
  // A callee in code space that begins with a guard, `cmp rbx, imm32; jcc
  // +1; ret` (what `DUP n < IF EXIT THEN` compiles to: return at once,
  // stack untouched, unless the condition holds), has its guard tested
  // here instead: `cmp rbx, imm32; j!cc over; call callee+GUARD`. Half the
  // calls of a doubly recursive word are such early returns.
  a.bind(compileCall);
  a.call(a.label('vm_flush'));
  {
    const plainCall = L();
    a.cmp(rax, qword(r13, U.codeLow));
    a.jb(plainCall);
    a.lea(rcx, qword(rax, GUARD.size));
    a.cmp(rcx, qword(r13, U.chere));
    a.ja(plainCall);
    a.mov(ecx, dword(rax));
    a.and(ecx, 0xff_ffff);
    a.cmp(ecx, GUARD.head);
    a.jne(plainCall);
    a.cmp(dword(rax, GUARD.jccRel), 1);
    a.jne(plainCall);
    a.cmp(byte(rax, GUARD.jcc), 0x0f);
    a.jne(plainCall);
    a.cmp(byte(rax, GUARD.ret), 0xc3);
    a.jne(plainCall);
    a.movzx(ecx, byte(rax, GUARD.jcc + 1));
    a.and(ecx, 0xf0);
    a.cmp(ecx, 0x80);
    a.jne(plainCall);
    a.push(rax);
    a.mov(rsi, rax);
    a.mov(ecx, GUARD.jcc); // the cmp with its immediate
    a.call(emitBytes);
    a.mov(al, 0x0f);
    a.call(emitByte);
    a.mov(rax, qword(rsp));
    a.mov(al, byte(rax, GUARD.jcc + 1));
    a.xor(al, 1); // the opposite condition jumps over the call
    a.call(emitByte);
    a.mov(eax, 5);
    a.call(emitDword);
    a.pop(rax);
    a.add(rax, GUARD.size);
    a.call(plainCall);
    // the j!cc lands here: nothing is rewritten across it
    a.mov(rax, qword(r13, U.chere));
    a.mov(qword(r13, U.lastTarget), rax);
    a.mov(qword(r13, U.guardEnd), rax);
    a.ret();
    a.bind(plainCall);
  }
  a.push(rax);
  a.mov(al, 0xe8);
  a.call(emitByte);
  a.pop(rax);
  a.sub(rax, qword(r13, U.chere));
  a.sub(rax, 4);
  a.call(emitDword);
  a.mov(rax, qword(r13, U.chere));
  a.mov(qword(r13, U.callEnd), rax);
  a.ret();

  // compile_lit: rax = value. push the top; mov rbx, imm. Remembered for folding.
  {
    const wide = L();
    const done = L();
    a.bind(compileLit);
    const tracked = L();
    {
      // the stack model takes every literal
      const notModel = L();
      a.push(rax);
      a.mov(rdx, rax);
      a.mov(ecx, 2);
      a.call(a.label('vm_call'));
      a.mov(rcx, rax);
      a.pop(rax);
      a.test(rcx, rcx);
      a.jz(notModel);
      a.mov(qword(r13, U.litValue), rax);
      a.call(a.label('peephole_forget'));
      a.jmp(tracked);
      a.bind(notModel);
    }
    a.push(rax);
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.litStart), rcx);
    emitSeq(a, PUSH_TOS);
    a.mov(rax, qword(rsp));
    a.movsxd(rcx, eax);
    a.cmp(rcx, rax);
    a.jne(wide);
    emitSeq(a, MOV_RBX_IMM32);
    a.mov(rax, qword(rsp));
    a.call(emitDword);
    a.jmp(done);
    a.bind(wide);
    emitSeq(a, MOVABS_RBX);
    a.mov(rax, qword(rsp));
    a.call(emitQword);
    a.bind(done);
    a.pop(rax);
    a.mov(qword(r13, U.litValue), rax);
    a.mov(rax, qword(r13, U.chere));
    a.mov(qword(r13, U.litEnd), rax);
    a.bind(tracked);
    // stack tracking: +1
    a.mov(ecx, 0);
    a.mov(edx, 129);
    a.call(trackEffect);
    a.jmp(a.label('see_lit'));
  }

  // compile_xt: rax = xt. Inline, fold, literal for CREATE'd words, or call.
  {
    a.bind(compileXt);
    const notCreated = L();
    const notSpecial = L();
    const viaCall = L();
    a.push(rax);
    a.call(a.label('see_xt'));
    a.mov(rax, qword(rsp));
    // Track the stack effect.
    a.movzx(ecx, byte(rax, XI.needs));
    a.movzx(edx, byte(rax, XI.net));
    a.call(trackEffect);
    a.pop(rax);
    // CREATE'd word: a literal (and a call of its DOES> code).
    a.test(byte(rax, XI.flags), INFO_FLAG.created);
    a.jz(notCreated);
    a.push(rax);
    a.mov(rax, qword(rax, CREATED.body));
    a.call(a.label('compile_lit_raw'));
    a.pop(rax);
    a.test(byte(rax, XI.flags), INFO_FLAG.does);
    a.jz(a.label('cx_ret'));
    a.movsxd(rcx, dword(rax, CREATED.rel));
    a.lea(rax, qword(rax, rcx, 1, CREATED.end));
    a.jmp(compileCall);
    a.bind(a.label('cx_ret'));
    a.ret();
    a.bind(notCreated);
    // The stack model (stackmodel.ts) first; what it does not take, it has flushed.
    {
      const notModel = L();
      a.push(rax);
      a.mov(rdx, rax);
      a.mov(ecx, 1);
      a.call(a.label('vm_call'));
      a.mov(rcx, rax);
      a.pop(rax);
      a.test(rcx, rcx);
      a.jz(notModel);
      a.call(a.label('peephole_forget'));
      a.ret();
      a.bind(notModel);
    }
    // Folding/fusion handlers.
    a.test(byte(rax, XI.flags), INFO_FLAG.foldable);
    a.jz(notSpecial);
    a.lea(rdx, qword(a.label('special_table')));
    const scan = L();
    const scanNext = L();
    a.bind(scan);
    a.mov(rcx, qword(rdx));
    a.test(rcx, rcx);
    a.jz(notSpecial);
    a.cmp(rcx, rax);
    a.jne(scanNext);
    a.jmp(qword(rdx, 8)); // handler: rax = xt
    a.bind(scanNext);
    a.add(rdx, 16);
    a.jmp(scan);
    a.bind(notSpecial);
    a.bind(a.label('compile_plain'));
    // Inline copy?
    a.cmp(byte(rax, XI.inlineLen), 0);
    a.je(viaCall);
    // SWAP op SWAP, op an operator of one item (peephole.ts swap_note): op on the second item.
    const notSwapOpSwap = L();
    a.lea(rcx, qword(a.label('p_SWAP')));
    a.cmp(rax, rcx);
    a.jne(notSwapOpSwap);
    a.mov(rcx, qword(r13, U.swapEnd));
    a.cmp(rcx, qword(r13, U.chere));
    a.jne(notSwapOpSwap);
    a.mov(rcx, qword(r13, U.swapStart));
    a.cmp(rcx, qword(r13, U.lastTarget));
    a.jb(notSwapOpSwap);
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.swapEnd), 0);
    a.mov(qword(r13, U.inlEnd), 0);
    a.mov(qword(r13, U.pushEnd), 0);
    a.lea(rsi, qword(r13, U.swapForm + 1));
    a.movzx(ecx, byte(r13, U.swapForm));
    a.jmp(emitBytes);
    a.bind(notSwapOpSwap);
    // Pair fusion: this primitive right after another copied inline (and no
    // branch target between them) may make one shorter primitive, or none.
    const copy = L();
    const pairScan = L();
    const pairNext = L();
    a.mov(rcx, qword(r13, U.inlEnd));
    a.cmp(rcx, qword(r13, U.chere));
    a.jne(copy);
    a.mov(rcx, qword(r13, U.inlStart));
    a.cmp(rcx, qword(r13, U.lastTarget));
    a.jb(copy);
    a.mov(rcx, qword(r13, U.inlXt));
    a.lea(rdx, qword(a.label('pair_table')));
    a.bind(pairScan);
    a.cmp(qword(rdx), 0);
    a.je(copy);
    a.cmp(qword(rdx), rcx);
    a.jne(pairNext);
    a.cmp(qword(rdx, 8), rax);
    a.jne(pairNext);
    a.mov(rcx, qword(r13, U.inlStart));
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.inlEnd), 0);
    a.mov(rax, qword(rdx, 16));
    a.test(rax, rax);
    a.jnz(copy);
    a.ret(); // the pair does nothing
    a.bind(pairNext);
    a.add(rdx, 24);
    a.jmp(pairScan);
    a.bind(copy);
    a.mov(rdx, qword(r13, U.chere));
    a.push(rax);
    a.call(a.label('swap_candidate'));
    a.pop(rax);
    a.push(rdi); // a SWAP this primitive comes right after, or 0
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.inlStart), rcx);
    a.mov(qword(r13, U.inlXt), rax);
    a.call(emitInline);
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.inlEnd), rcx);
    // An operator of one item right after a pusher makes a longer pusher (peephole.ts).
    const unaryScan = L();
    const unaryNext = L();
    const unaryDone = L();
    a.mov(rax, qword(r13, U.inlXt));
    a.lea(rdx, qword(a.label('unary_table')));
    a.bind(unaryScan);
    a.cmp(qword(rdx), 0);
    a.je(unaryDone);
    a.cmp(qword(rdx), rax);
    a.jne(unaryNext);
    a.push(qword(rdx, 16));
    a.mov(rsi, qword(rdx, 8));
    a.mov(rdx, qword(r13, U.inlStart));
    a.call(a.label('push_extend'));
    a.pop(rsi);
    a.pop(rdi);
    a.xor(ecx, ecx);
    a.jmp(a.label('swap_note'));
    a.bind(unaryNext);
    a.add(rdx, 24);
    a.jmp(unaryScan);
    a.bind(unaryDone);
    a.pop(rdi);
    a.ret();
    a.bind(viaCall);
    a.jmp(compileCall);
  }
  // The pairs of inline primitives (none of them with a compile handler of
  // its own, so no handler has remembered where they begin) that make one
  // primitive, or nothing.
  const xt = (name: string) => {
    const p = k.prims.find((q) => q.name === name);
    if (!p) throw new Error(`pair fusion: no primitive ${name}`);
    return p.xt;
  };
  const pairs: [string, string, string | null][] = [
    ['ROT', 'ROT', '-ROT'],
    ['ROT', '-ROT', null],
    ['-ROT', 'ROT', null],
    ['SWAP', 'SWAP', null],
    ['SWAP', 'DROP', 'NIP'],
    ['DROP', 'DROP', '2DROP'],
    ['2SWAP', '2SWAP', null],
  ];
  a.rodata();
  a.align(8);
  a.bind(a.label('pair_table'));
  for (const [first, second, both] of pairs) {
    a.dq(xt(first));
    a.dq(xt(second));
    if (both) a.dq(xt(both));
    else a.dq(0);
  }
  a.dq(0);
  // The inline operators of one item: their form on rax, for a pusher before
  // them, and on the second item ([rbp]), for `SWAP op SWAP` (a length byte, then the code).
  const unary: [string, (s: A) => void, ((s: A) => void) | null][] = [
    ['@', (s) => s.mov(rax, qword(rax)), null],
    ['C@', (s) => s.movzx(eax, byte(rax)), null],
    ['CELL+', (s) => s.add(rax, 8), (s) => s.add(qword(rbp), 8)],
    ['CELLS', (s) => s.shl(rax, 3), (s) => s.shl(qword(rbp), 3)],
    ['1+', (s) => s.add(rax, 1), (s) => s.add(qword(rbp), 1)],
    ['1-', (s) => s.sub(rax, 1), (s) => s.sub(qword(rbp), 1)],
    ['2*', (s) => s.shl(rax, 1), (s) => s.shl(qword(rbp), 1)],
    ['2/', (s) => s.sar(rax, 1), (s) => s.sar(qword(rbp), 1)],
  ];
  const form = (f: (s: A) => void): Label => {
    const l = L();
    const bytes = snippet(f);
    k.seqs.push([l, [bytes.length, ...bytes]]);
    return l;
  };
  const forms = unary.map(([, onRax, onSecond]) => [form(onRax), onSecond ? form(onSecond) : null] as const);
  a.align(8);
  a.bind(a.label('unary_table'));
  unary.forEach(([name], i) => {
    const [onRax, onSecond] = forms[i] as readonly [Label, Label | null];
    a.dq(xt(name));
    a.dq(onRax);
    if (onSecond) a.dq(onSecond);
    else a.dq(0);
  });
  a.dq(0);
  a.text();
  // peephole_forget: what the model compiled is no literal, pusher … to rewrite.
  a.bind(a.label('peephole_forget'));
  for (const f of [U.litEnd, U.cmpEnd, U.dupEnd, U.inlEnd, U.pushEnd, U.swapEnd]) a.mov(qword(r13, f), 0);
  a.ret();
  // emit_inline: rax = xt of an inline primitive: its inline copy goes into the code.
  a.bind(emitInline);
  a.movzx(ecx, byte(rax, XI.inlineLen));
  a.movsxd(rsi, dword(rax, XI.inlineAt));
  a.add(rsi, rax);
  a.jmp(emitBytes);
  a.bind(a.label('compile_lit_raw'));
  a.push(qword(r13, U.seeList));
  a.push(qword(r13, U.trackOn));
  a.mov(qword(r13, U.seeList), 0);
  a.mov(qword(r13, U.trackOn), 0);
  a.call(compileLit);
  a.pop(qword(r13, U.trackOn));
  a.pop(qword(r13, U.seeList));
  a.ret();
}

/** check_cf and the LEAVE bookkeeping. */
export function controlFlowChecks(k: Builder): void {
  const { a, L, throwCode } = k;
  const { emitDword } = k.r;
  // check_cf: the top of the stack must be a control-flow item (an address in
  // compiled code, not the colon-sys marker or anything else): else THROW -22.
  {
    a.bind(a.label('check_cf'));
    const bad = L();
    a.cmp(rbx, qword(r13, U.codeLow));
    a.jb(bad);
    a.cmp(rbx, qword(r13, U.chere));
    a.ja(bad);
    a.ret();
    a.bind(bad);
    throwCode(THROW.controlMismatch);
  }

  // LEAVE bookkeeping: a small stack of rel32 field addresses, 0 marks a DO.
  // More DOs and LEAVEs open at once than it holds: THROW -52; a loop end
  // without its DO (`BEGIN LOOP`): THROW -22.
  {
    const overflow = L();
    const underflow = L();
    a.bind(a.label('leave_mark'));
    a.mov(rax, qword(r13, U.leaveSp));
    a.cmp(rax, U.leaveStackCells);
    a.jae(overflow);
    a.mov(qword(r13, rax, 8, U.leaveStack), 0);
    a.add(qword(r13, U.leaveSp), 1);
    a.ret();
    a.bind(a.label('leave_site'));
    // the jump opcode is emitted; reserve rel32 and remember it
    a.mov(rax, qword(r13, U.chere));
    a.mov(rcx, qword(r13, U.leaveSp));
    a.cmp(rcx, U.leaveStackCells);
    a.jae(overflow);
    a.mov(qword(r13, rcx, 8, U.leaveStack), rax);
    a.add(qword(r13, U.leaveSp), 1);
    a.xor(eax, eax);
    a.jmp(emitDword);
    a.bind(overflow);
    throwCode(THROW.controlFlowOverflow);
    a.bind(underflow);
    throwCode(THROW.controlMismatch);
    a.bind(a.label('leave_resolve'));
    const loop = L();
    const done = L();
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.lastTarget), rcx);
    a.bind(loop);
    a.cmp(qword(r13, U.leaveSp), 0);
    a.je(underflow);
    a.sub(qword(r13, U.leaveSp), 1);
    a.mov(rax, qword(r13, U.leaveSp));
    a.mov(rdx, qword(r13, rax, 8, U.leaveStack));
    a.test(rdx, rdx);
    a.jz(done);
    a.mov(rax, rcx);
    a.sub(rax, rdx);
    a.sub(rax, 4);
    a.add(rdx, qword(r13, U.codeDelta));
    a.mov(dword(rdx), eax);
    a.jmp(loop);
    a.bind(done);
    a.ret();
  }
}

/**
 * The SEE recorder's calls. What is recorded, and where, is Forth's
 * business (lib/boot.fs): the compiler calls the word in U.seeHook with
 * ( x kind -- ) for each word compiled (kind 1, x its xt), literal (2, its
 * value) and immediate word run (3, its nt) while U.seeList is set, and
 * when a colon definition begins (4, its nt or 0) and ends (0, 0), and
 * after an immediate word has run (5, 0). No hook: nothing is recorded.
 */
export function seeRecorder(k: Builder): void {
  const { a, L, tosPush } = k;
  const token = L('see_token'); // ecx = kind, rdx = x
  {
    const none = L();
    const call = L();
    a.bind(token);
    a.mov(rax, qword(r13, U.seeHook));
    a.test(rax, rax);
    a.jz(none);
    a.cmp(ecx, 1);
    a.jb(call);
    a.cmp(ecx, 3);
    a.ja(call);
    a.cmp(qword(r13, U.seeList), 0); // a token of a definition being recorded?
    a.je(none);
    a.bind(call);
    tosPush(a);
    a.mov(rbx, rdx);
    tosPush(a);
    a.mov(ebx, ecx);
    a.jmp(rax);
    a.bind(none);
    a.ret();
  }
  a.bind(a.label('see_xt')); // rax = xt
  a.mov(rdx, rax);
  a.mov(ecx, 1);
  a.jmp(token);
  a.bind(a.label('see_lit'));
  a.mov(rdx, qword(r13, U.litValue));
  a.mov(ecx, 2);
  a.jmp(token);
  a.bind(a.label('see_imm')); // rax = nt, kept
  a.push(rax);
  a.mov(rdx, rax);
  a.mov(ecx, 3);
  a.call(token);
  a.pop(rax);
  a.ret();
  a.bind(a.label('see_imm_done')); // an immediate word has run: the recorder may replace what it compiled by the text it parsed
  a.xor(edx, edx);
  a.mov(ecx, 5);
  a.jmp(token);
  a.bind(a.label('see_begin'));
  a.mov(rdx, qword(r13, U.defHdr));
  a.mov(ecx, 4);
  a.jmp(token);
  a.bind(a.label('see_end'));
  a.xor(ecx, ecx);
  a.xor(edx, edx);
  a.jmp(token);
}
