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
 * Each has a twin, ERRNO_TRAMPOLINES further on, that also captures errno
 * (for functions bound with `{ errno: true }`): it sets errno to 0 before the
 * call and stores what the call left over the slot's function word (read
 * only before the call), so the host reads the errno of exactly that call,
 * never one a later call or the sidecar's own loop overwrote.
 * Requests are served on the sidecar's main thread only, so its errno lives
 * at one address, found once at start (`errno_ptr`, from __errno_location).
 *
 * They sit TRAMPOLINE_STRIDE bytes apart from the `trampolines` label, so
 * the sidecar finds number k without a table of addresses (the executable
 * is position-independent).
 */

import {
  BUILTIN_TRAMPOLINES,
  CALL_RECORD,
  ERRNO_TRAMPOLINES,
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
  ecx,
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

/** Sets the main thread's errno to 0 (clobbers rax). */
function clearErrno(a: Assembler, errnoPtr: Label): void {
  a.mov(rax, qword(errnoPtr));
  a.mov(dword(rax), 0);
}

/** ecx = the errno the call left. */
function readErrno(a: Assembler, errnoPtr: Label): void {
  a.mov(rcx, qword(errnoPtr));
  a.mov(ecx, dword(rcx));
}

/** inline(classes): loads the slot's words into their registers and calls; with `errnoPtr`, captures errno over the slot's fn word. */
function emitInline(a: Assembler, vector: readonly boolean[], errnoPtr: Label | null): void {
  a.push(rbx); // rsp is now 16-byte aligned
  a.mov(rbx, rdi);
  a.mov(r11, rsi); // the target: rdi and rsi are argument registers
  if (errnoPtr) clearErrno(a, errnoPtr);
  let ints = 0;
  let vecs = 0;
  vector.forEach((v, k) => {
    const word = qword(rbx, SLOT.a0 + 8 * k);
    if (v) a.movsd(xmm(vecs++), word);
    else a.mov(INT_REGS[ints++] as typeof rdi, word);
  });
  a.mov(eax, vecs);
  a.call(r11);
  if (errnoPtr) {
    readErrno(a, errnoPtr);
    a.mov(dword(rbx, SLOT.fn), ecx); // read by the host with the results
  }
  a.mov(qword(rbx, SLOT.a0), rax);
  a.movsd(qword(rbx, SLOT.a1), xmm(0));
  a.pop(rbx);
  a.ret();
}

/** The record trampoline: registers and stack words from a register-order record at [slot.a0]; with `errnoPtr`, captures errno over the slot's fn word. */
function emitRecord(a: Assembler, errnoPtr: Label | null): void {
  const w = (k: number) => qword(r11, 8 * k);
  a.push(rbx);
  a.push(r12);
  a.push(rbp); // rsp is now 16-byte aligned
  a.mov(rbp, rsp);
  a.mov(rbx, rdi);
  a.mov(r12, rsi);
  if (errnoPtr) clearErrno(a, errnoPtr);
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
  if (errnoPtr) {
    readErrno(a, errnoPtr);
    a.mov(dword(rbx, SLOT.fn), ecx); // read by the host with the results
  }
  a.mov(rsp, rbp);
  a.pop(rbp);
  a.pop(r12);
  a.pop(rbx);
  a.ret();
}

/**
 * Emits the built-in trampolines, number 0 at `start`; `errnoPtr` labels the
 * quadword where the sidecar keeps its main thread's errno address.
 */
export function emitTrampolines(a: Assembler, start: Label, errnoPtr: Label): void {
  const shapes = inlineShapes();
  a.align(TRAMPOLINE_STRIDE);
  a.bind(start);
  for (let k = 0; k < BUILTIN_TRAMPOLINES; k++) {
    const errno = k >= ERRNO_TRAMPOLINES;
    const base = k % ERRNO_TRAMPOLINES;
    a.align(TRAMPOLINE_STRIDE);
    a.mark(MARK_START + k);
    if (base === RECORD_TRAMPOLINE) emitRecord(a, errno ? errnoPtr : null);
    else {
      const shape = shapes[base] as boolean[];
      if (inlineTrampoline(shape, errno) !== k) throw new Error('internal: trampoline numbering');
      emitInline(a, shape, errno ? errnoPtr : null);
    }
    a.mark(MARK_END + k);
  }
}

const MARK_START = 0x7400;
const MARK_END = 0x7500;

/** Checks, after layout, that trampoline k starts k strides after number 0 and none outgrew its stride. */
export function checkTrampolines(obj: ObjectCode): void {
  const at = new Map(obj.marks.map(([tag, , off]) => [tag, off]));
  const base = at.get(MARK_START) as number;
  for (let k = 0; k < BUILTIN_TRAMPOLINES; k++) {
    const start = at.get(MARK_START + k) as number;
    const end = at.get(MARK_END + k) as number;
    if (start - base !== k * TRAMPOLINE_STRIDE || end - start > TRAMPOLINE_STRIDE) {
      throw new Error(`internal: built-in trampoline ${k} is ${end - start} bytes at +${start - base}`);
    }
  }
}
