/**
 * Call trampolines: one per distinct list of parameter classes, loaded into
 * the sidecar once per generation. The sidecar calls a trampoline with
 * rdi = the request's slot and rsi = the target function; the trampoline
 * moves the argument words (from the slot, or from the argument record a0
 * points to when there are more than INLINE_WORDS) into registers and stack
 * as the System V AMD64 ABI wants them — six integer registers, eight
 * vector registers, the rest on the stack in order, the stack 16-byte
 * aligned at the call — calls the target, and stores rax in a0 and xmm0 in a1.
 *
 * Each argument occupies one 8-byte word, written by the host already
 * widened (integers sign- or zero-extended to 64 bits, floats in the low 4
 * bytes).
 *
 * Every trampoline sets al to the number of vector registers it loaded, so a
 * variadic function (printf, curl_easy_setopt) can be called through a
 * prototype that spells out the argument types of the call.
 */

import { INLINE_WORDS, SLOT } from '../channel/layout.js';
import {
  Assembler,
  dword,
  eax,
  qword,
  r8,
  r9,
  r11,
  r12,
  rax,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
  xmm,
} from '../x86/index.js';

/** How a parameter travels: in an integer register, or in a vector register as a float or a double. */
export type ParamClass = 'int' | 'f32' | 'f64';

const INT_REGS = [rdi, rsi, rdx, rcx, r8, r9];

/** Machine code of the trampoline for parameters of the given classes (position-independent). */
export function buildTrampoline(params: readonly ParamClass[]): Uint8Array {
  const a = new Assembler();
  // Classify: which arguments go to registers, which to the stack.
  const intArgs: number[] = [];
  const vecArgs: number[] = [];
  const stackArgs: number[] = [];
  params.forEach((k, i) => {
    if (k !== 'int') {
      if (vecArgs.length < 8) vecArgs.push(i);
      else stackArgs.push(i);
    } else if (intArgs.length < 6) intArgs.push(i);
    else stackArgs.push(i);
  });
  // Two pushes (rbx, r12) leave rsp ≡ 8 (mod 16): pad the stack area to make it aligned at the call.
  const stackBytes = Math.ceil((stackArgs.length * 8) / 16) * 16 + 8;

  a.push(rbx);
  a.push(r12);
  a.mov(rbx, rdi); // the slot
  a.mov(r12, rsi); // the target
  a.sub(rsp, stackBytes);
  if (params.length > INLINE_WORDS) a.mov(rax, qword(rbx, SLOT.a0));
  else a.lea(rax, qword(rbx, SLOT.a0));
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
  a.call(r12);
  a.mov(qword(rbx, SLOT.a0), rax);
  a.movsd(qword(rbx, SLOT.a1), xmm(0));
  a.add(rsp, stackBytes);
  a.pop(r12);
  a.pop(rbx);
  a.ret();
  const obj = a.finish();
  return (obj.sections[0] as { bytes: Uint8Array }).bytes;
}
