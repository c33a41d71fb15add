/**
 * The call trampolines built into the sidecar executable. The sidecar
 * calls one with rdi = the request's slot and rsi = the target function; it
 * moves the argument words into registers and stack as the System V AMD64
 * ABI wants them, calls the target with the stack 16-byte aligned, and
 * stores rax over the slot's a0 and xmm0 over a1.
 *
 * Fifteen inline trampolines serve calls of up to three arguments, read from
 * the slot in C order: one per list of argument classes (integer register,
 * or vector register: a float travels in the low four bytes of its word,
 * which movsd carries as well). The record trampoline serves every other
 * call: the host writes the argument record in register order (CALL_RECORD:
 * six integer registers, eight vector registers, then the stack words), so
 * one piece of code serves all signatures, and al is set from the record
 * for variadic callees. It also returns a struct's second eightbyte (rdx,
 * or xmm1 when the record's result shape says so) over a2.
 *
 * They sit TRAMPOLINE_STRIDE bytes apart from the `trampolines` label, so
 * the sidecar finds number k without a table of addresses (the executable
 * is position-independent).
 */

import {
  BUILTIN_TRAMPOLINES,
  CALL_RECORD,
  INLINE_WORDS,
  inlineTrampoline,
  RECORD_TRAMPOLINE,
  SLOT,
  TRAMPOLINE_STRIDE,
} from '../channel/layout.js';
import type { ObjectCode } from '../x86/assembler.js';
import {
  type Assembler,
  byte,
  dword,
  eax,
  type Label,
  qword,
  r8,
  r9,
  r11,
  r12,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
  xmm,
} from '../x86/index.js';

const INT_REGS = [rdi, rsi, rdx, rcx, r8, r9];

/** Every list of up to INLINE_WORDS classes (true = vector), in trampoline-number order. */
function inlineShapes(): boolean[][] {
  const out: boolean[][] = [];
  for (let n = 0; n <= INLINE_WORDS; n++) {
    for (let mask = 0; mask < 1 << n; mask++) out.push(Array.from({ length: n }, (_, k) => (mask & (1 << k)) !== 0));
  }
  return out;
}

/** inline(classes): loads the slot's words into their registers and calls. */
function emitInline(a: Assembler, vector: readonly boolean[]): void {
  a.push(rbx); // rsp is now 16-byte aligned
  a.mov(rbx, rdi);
  a.mov(r11, rsi); // the target: rdi and rsi are argument registers
  let ints = 0;
  let vecs = 0;
  vector.forEach((v, k) => {
    const word = qword(rbx, SLOT.a0 + 8 * k);
    if (v) a.movsd(xmm(vecs++), word);
    else a.mov(INT_REGS[ints++] as typeof rdi, word);
  });
  a.mov(eax, vecs);
  a.call(r11);
  a.mov(qword(rbx, SLOT.a0), rax);
  a.movsd(qword(rbx, SLOT.a1), xmm(0));
  a.pop(rbx);
  a.ret();
}

/** The record trampoline: registers and stack words from a register-order record at [slot.a0]. */
function emitRecord(a: Assembler): void {
  const w = (k: number) => qword(r11, 8 * k);
  a.push(rbx);
  a.push(r12);
  a.push(rbp); // rsp is now 16-byte aligned
  a.mov(rbp, rsp);
  a.mov(rbx, rdi);
  a.mov(r12, rsi);
  a.mov(r11, qword(rbx, SLOT.a0));
  // The stack words, copied below an aligned frame.
  a.mov(rcx, w(CALL_RECORD.stackCount));
  a.lea(rdx, qword(null, rcx, 8, 15));
  a.and(rdx, -16);
  a.sub(rsp, rdx);
  const copy = a.label();
  const copied = a.label();
  a.bind(copy);
  a.test(rcx, rcx);
  a.jz(copied);
  a.dec(rcx);
  a.mov(rdx, qword(r11, rcx, 8, 8 * CALL_RECORD.stack));
  a.mov(qword(rsp, rcx, 8, 0), rdx);
  a.jmp(copy);
  a.bind(copied);
  for (let j = 0; j < 8; j++) a.movsd(xmm(j), w(CALL_RECORD.vecRegs + j));
  INT_REGS.forEach((r, k) => {
    a.mov(r, w(CALL_RECORD.intRegs + k));
  });
  a.mov(eax, dword(r11, 8 * CALL_RECORD.vecCount));
  a.call(r12);
  // Results: rax over a0, xmm0 over a1, and the second eightbyte of a
  // struct over a2: rdx, or xmm1 when the record says so (two SSE classes).
  const fromRdx = a.label();
  const stored = a.label();
  a.mov(r11, qword(rbx, SLOT.a0));
  a.test(byte(r11, 8 * CALL_RECORD.resultShape), CALL_RECORD.secondInXmm1);
  a.jz(fromRdx);
  a.movsd(qword(rbx, SLOT.a2), xmm(1));
  a.jmp(stored);
  a.bind(fromRdx);
  a.mov(qword(rbx, SLOT.a2), rdx);
  a.bind(stored);
  a.mov(qword(rbx, SLOT.a0), rax);
  a.movsd(qword(rbx, SLOT.a1), xmm(0));
  a.mov(rsp, rbp);
  a.pop(rbp);
  a.pop(r12);
  a.pop(rbx);
  a.ret();
}

/** Emits the built-in trampolines, number 0 at `start`. */
export function emitTrampolines(a: Assembler, start: Label): void {
  const shapes = inlineShapes();
  a.align(TRAMPOLINE_STRIDE);
  a.bind(start);
  for (let k = 0; k < BUILTIN_TRAMPOLINES; k++) {
    a.align(TRAMPOLINE_STRIDE);
    a.mark(MARK_START + k);
    if (k === RECORD_TRAMPOLINE) emitRecord(a);
    else {
      const shape = shapes[k] as boolean[];
      if (inlineTrampoline(shape) !== k) throw new Error('internal: trampoline numbering');
      emitInline(a, shape);
    }
    a.mark(MARK_END + k);
  }
}

const MARK_START = 0x7400;
const MARK_END = 0x7500;

/** Checks, after layout, that trampoline k starts k strides after number 0 (none outgrew its stride). */
export function checkTrampolines(obj: ObjectCode): void {
  const at = new Map(obj.marks.map(([tag, , off]) => [tag, off]));
  const base = at.get(MARK_START) as number;
  for (let k = 0; k < BUILTIN_TRAMPOLINES; k++) {
    const start = at.get(MARK_START + k) as number;
    const end = at.get(MARK_END + k) as number;
    if (start - base !== k * TRAMPOLINE_STRIDE || (k !== RECORD_TRAMPOLINE && end - start > TRAMPOLINE_STRIDE)) {
      throw new Error(`internal: built-in trampoline ${k} is ${end - start} bytes at +${start - base}`);
    }
  }
}
