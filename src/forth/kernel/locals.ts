/**
 * The code of locals: what the Locals word set (lib/locals.fs) compiles.
 *
 * Locals live on a stack of their own (U.lp, growing down, with guard
 * pages), not on the return stack: DO loops, >R and the return addresses
 * of subroutine threading stay where they are, and a local is one load
 * from a known offset. A definition with locals compiles, where its list
 * of locals ends, a frame: the locals stack grows by the frame's cells and
 * the initialised locals are taken off the data stack; at every exit the
 * frame is given back. CATCH saves U.lp, so a THROW out of any depth of
 * definitions with locals drops their frames.
 *
 * Slot j of a frame of n cells (j = 0 for the local declared first) is at
 * [lp + 8 (n - 1 - j)]; locals.fs turns a local into its offset from lp at
 * the point where it is used, so several frames in one definition work.
 * These primitives only emit code (and tell the stack-effect tracker what
 * it does); they run while a definition compiles.
 */

import { eax, ecx, edx, qword, r13, rax, rbp, rbx, rcx, rsp } from '../../x86/index.js';
import { U } from '../layout.js';
import { DROP, PUSH_TOS, snippet } from './code.js';
import type { Builder } from './context.js';

/** A 32-bit placeholder, so that the snippets keep a disp32 / imm32 the compiler fills in. */
const IMM = 0x1234_5678;

/** `mov rax, [r13 + lp]`. */
const LOAD_LP = snippet((s) => s.mov(rax, qword(r13, U.lp)));
/** `sub rax, imm32` without its immediate. */
const SUB_RAX = snippet((s) => s.sub(rax, IMM), 4);
/** `mov [r13 + lp], rax`. */
const STORE_LP = snippet((s) => s.mov(qword(r13, U.lp), rax));
/** `mov [rax + disp32], rbx` without its displacement. */
const STORE_TOS_SLOT = snippet((s) => s.mov(qword(rax, IMM), rbx), 4);
/** `mov rcx, [rbp + disp32]` without its displacement. */
const LOAD_ITEM = snippet((s) => s.mov(rcx, qword(rbp, IMM)), 4);
/** `mov [rax + disp32], rcx` without its displacement. */
const STORE_SLOT = snippet((s) => s.mov(qword(rax, IMM), rcx), 4);
/** `mov rbx, [rbp + disp32]` and `lea rbp, [rbp + disp32]` without their displacements. */
const LOAD_TOS = snippet((s) => s.mov(rbx, qword(rbp, IMM)), 4);
const DROP_ITEMS = snippet((s) => s.lea(rbp, qword(rbp, IMM)), 4);
/** `mov rbx, [rax + disp32]` without its displacement. */
const FETCH_SLOT = snippet((s) => s.mov(rbx, qword(rax, IMM)), 4);
/** `add qword [r13 + lp], imm32` without its immediate. */
const RELEASE = snippet((s) => s.add(qword(r13, U.lp), IMM), 4);

/** (LOCALS,) (LOCAL@,) (LOCAL!,) (LOCALS-RELEASE,). */
export function localsWords(k: Builder): void {
  const { a, prim, emitSeq, tosPop } = k;
  const { emitDword, trackEffect } = k.r;
  /** Emits the bytes, then eax as their disp32 / imm32. */
  const withDword = (bytes: number[]): void => {
    a.push(rax);
    emitSeq(a, bytes);
    a.pop(rax);
    a.call(emitDword);
  };

  prim('(LOCALS,)', '( ninit ntotal -- )', {}, (x) => {
    x.call(a.label('vm_flush'));
    // compiles a frame of ntotal cells; the first ninit declared take the top ninit items, the first the top
    const init = x.label();
    const done = x.label();
    x.push(qword(rbp)); // ninit
    x.push(rbx); // ntotal
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
    emitSeq(x, LOAD_LP);
    x.mov(rax, qword(rsp));
    x.shl(eax, 3);
    withDword(SUB_RAX);
    emitSeq(x, STORE_LP);
    // slot j at [lp + 8 (ntotal - 1 - j)]: j = 0 from rbx, j > 0 from [rbp + 8 (j - 1)]
    x.xor(ecx, ecx); // j
    x.bind(init);
    x.cmp(rcx, qword(rsp, 8));
    x.jae(done);
    x.push(rcx);
    x.test(ecx, ecx);
    const item = x.label();
    const slot = x.label();
    x.jnz(item);
    x.mov(rax, qword(rsp, 8)); // ntotal
    x.sub(eax, 1);
    x.shl(eax, 3);
    withDword(STORE_TOS_SLOT);
    x.jmp(slot);
    x.bind(item);
    x.lea(eax, qword(rcx, -1));
    x.shl(eax, 3);
    withDword(LOAD_ITEM);
    x.mov(rax, qword(rsp, 8)); // ntotal
    x.sub(rax, qword(rsp)); // - j
    x.sub(eax, 1);
    x.shl(eax, 3);
    withDword(STORE_SLOT);
    x.bind(slot);
    x.pop(rcx);
    x.add(rcx, 1);
    x.jmp(init);
    x.bind(done);
    // the new top, and the items taken
    const none = x.label();
    x.mov(rax, qword(rsp, 8)); // ninit
    x.test(rax, rax);
    x.jz(none);
    x.sub(eax, 1);
    x.shl(eax, 3);
    withDword(LOAD_TOS);
    x.mov(rax, qword(rsp, 8));
    x.shl(eax, 3);
    withDword(DROP_ITEMS);
    x.bind(none);
    // what it does to the data stack: ninit items go
    x.pop(rax); // ntotal
    x.pop(rcx); // ninit
    x.mov(edx, 128);
    x.sub(edx, ecx);
    x.jmp(trackEffect);
  });
  prim('(LOCAL@,)', '( offset -- )', {}, (x) => {
    x.call(a.label('vm_flush'));
    // compiles ( -- x ): the cell at lp + offset
    x.push(rbx);
    tosPop(x);
    emitSeq(x, [...PUSH_TOS, ...LOAD_LP]);
    x.pop(rax);
    x.shl(eax, 3);
    withDword(FETCH_SLOT);
    x.xor(ecx, ecx);
    x.mov(edx, 129);
    x.jmp(trackEffect);
  });
  prim('(LOCAL!,)', '( offset -- )', {}, (x) => {
    x.call(a.label('vm_flush'));
    // compiles ( x -- ): into the cell at lp + offset
    x.push(rbx);
    tosPop(x);
    emitSeq(x, LOAD_LP);
    x.pop(rax);
    x.shl(eax, 3);
    withDword(STORE_TOS_SLOT);
    emitSeq(x, DROP);
    x.mov(ecx, 1);
    x.mov(edx, 127);
    x.jmp(trackEffect);
  });
  prim('(LOCALS-RELEASE,)', '( n -- )', {}, (x) => {
    x.call(a.label('vm_flush'));
    // compiles the end of frames of n cells in all
    x.mov(rax, rbx);
    tosPop(x);
    x.shl(eax, 3);
    withDword(RELEASE);
    x.ret();
  });
}
