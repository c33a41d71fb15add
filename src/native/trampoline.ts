/**
 * Call trampolines: one per distinct signature, loaded into the sidecar once.
 * The kernel calls a trampoline with rdi = the request's slot; the trampoline
 * moves the arguments from the slot (or from the slot's argument block when
 * there are more than INLINE_ARGS) into registers and stack as the System V
 * AMD64 ABI wants them — six integer registers, eight vector registers, the
 * rest on the stack in order, the stack 16-byte aligned at the call — calls
 * the target in slot.a1, and stores rax in slot.a0 and xmm0 in slot.a1.
 *
 * Each argument occupies 8 bytes of the argument area, written by the host
 * already widened (integers sign- or zero-extended to 64 bits, floats in the
 * low 4 bytes).
 *
 * Every trampoline sets al to the number of vector registers it loaded, so a
 * variadic function (printf, curl_easy_setopt) can be called through a
 * prototype that spells out the argument types of the call.
 */

import { type CKind, isFloatKind } from '../host/ctypes.js';
import { Assembler, dword, eax, qword, r8, r9, r11, rax, rbx, rcx, rdi, rdx, rsi, rsp, xmm } from '../x86/index.js';
import { INLINE_ARGS, S } from './protocol.js';

const INT_REGS = [rdi, rsi, rdx, rcx, r8, r9];

/** Machine code of the trampoline for parameters of the given kinds (position-independent). */
export function buildTrampoline(params: readonly CKind[]): Uint8Array {
  const a = new Assembler();
  // Classify: which arguments go to registers, which to the stack.
  const intArgs: number[] = [];
  const vecArgs: number[] = [];
  const stackArgs: number[] = [];
  params.forEach((k, i) => {
    if (isFloatKind(k)) {
      if (vecArgs.length < 8) vecArgs.push(i);
      else stackArgs.push(i);
    } else if (intArgs.length < 6) intArgs.push(i);
    else stackArgs.push(i);
  });
  const stackBytes = Math.ceil((stackArgs.length * 8) / 16) * 16;

  a.push(rbx); // entry rsp ≡ 8 (mod 16); now aligned
  a.mov(rbx, rdi);
  if (stackBytes > 0) a.sub(rsp, stackBytes);
  if (params.length > INLINE_ARGS) a.mov(rax, qword(rbx, S.args));
  else a.lea(rax, qword(rbx, S.args));
  stackArgs.forEach((p, j) => {
    a.mov(r11, qword(rax, 8 * p));
    a.mov(qword(rsp, 8 * j), r11);
  });
  vecArgs.forEach((p, j) => {
    if (params[p] === 'f32') a.movss(xmm(j), dword(rax, 8 * p));
    else a.movsd(xmm(j), qword(rax, 8 * p));
  });
  intArgs.forEach((p, j) => {
    a.mov(INT_REGS[j] as typeof rdi, qword(rax, 8 * p));
  });
  // al = vector registers used: what a variadic callee expects, harmless otherwise.
  a.mov(eax, vecArgs.length);
  a.call(qword(rbx, S.a1));
  a.mov(qword(rbx, S.a0), rax);
  a.movsd(qword(rbx, S.a1), xmm(0));
  if (stackBytes > 0) a.add(rsp, stackBytes);
  a.pop(rbx);
  a.ret();
  const obj = a.finish();
  return (obj.sections[0] as { bytes: Uint8Array }).bytes;
}
