/**
 * Machine code the compiler copies into the words it compiles, assembled
 * once with our own assembler, and the offsets of the fixed code shapes it
 * patches later (a CREATE'd word's body address and DOES> jump, the info
 * word before every xt).
 *
 * The compiler never assembles at run time: it copies these byte strings
 * (from the kernel's read-only data) and writes the immediates and
 * displacements itself. Each snippet is written here as the instructions it
 * stands for, so that what the compiler emits reads like code.
 */

import { Assembler, qword, r14, r15, rax, rbp, rbx, rcx } from '../../x86/index.js';
import { INFO } from '../layout.js';

type A = Assembler;

/**
 * The bytes of `build`'s code. The last `open` bytes (an immediate or a
 * displacement assembled here as a placeholder) are left off: the compiler
 * writes them itself.
 */
export function snippet(build: (s: A) => void, open = 0): number[] {
  const s = new Assembler();
  build(s);
  const bytes = s.finish().sections.find((x) => x.name === '.text')?.bytes ?? new Uint8Array(0);
  return Array.from(bytes.subarray(0, bytes.length - open));
}

/** ( x -- x x ): the top of stack (rbx) goes to memory. */
export const PUSH_TOS = snippet((s) => {
  s.sub(rbp, 8);
  s.mov(qword(rbp), rbx);
});
/** ( x -- ): the next item becomes the top. */
export const DROP = snippet((s) => {
  s.mov(rbx, qword(rbp));
  s.lea(rbp, qword(rbp, 8));
});
/** `mov rbx, simm32` without its immediate. */
export const MOV_RBX_IMM32 = snippet((s) => s.mov(rbx, -1), 4);
/** `movabs rbx, imm64` without its immediate. */
export const MOVABS_RBX = snippet((s) => s.mov(rbx, 0x1234_5678_9abc_def0n), 8);
/**
 * A CREATE'd word's code (see do_create in dictionary.ts): PUSH_TOS,
 * `movabs rbx, body`, then `ret` and four nops, which (DOES>) may overwrite
 * with a `jmp rel32` to its DOES> code. The offsets from the xt:
 */
export const CREATED = {
  /** the body address (movabs's imm64) */
  body: PUSH_TOS.length + MOVABS_RBX.length,
  /** the ret, or the jmp's opcode */
  ret: PUSH_TOS.length + MOVABS_RBX.length + 8,
  /** the jmp's rel32 */
  rel: PUSH_TOS.length + MOVABS_RBX.length + 9,
  /** the end of the jmp (what rel32 is relative to) */
  end: PUSH_TOS.length + MOVABS_RBX.length + 13,
} as const;
/** Offsets of the info word's fields from an xt: the info word is the INFO.size bytes before it. */
export const XI = {
  inlineLen: INFO.inlineLen - INFO.size,
  flags: INFO.flags - INFO.size,
  needs: INFO.needs - INFO.size,
  net: INFO.net - INFO.size,
  inlineAt: INFO.inlineAt - INFO.size,
} as const;
/** `cmp rbx, imm32` without its immediate. */
export const CMP_RBX_IMM32 = snippet((s) => s.cmp(rbx, 0x1234_5678), 4);
/**
 * A guard at the start of a colon definition: `cmp rbx, imm32; jcc +1;
 * ret` (`DUP 2 < IF EXIT THEN`): offsets from the xt, and its first bytes.
 */
export const GUARD = {
  /** the jcc's 0x0f (the cmp before it is CMP_RBX_IMM32 and 4 bytes) */
  jcc: CMP_RBX_IMM32.length + 4,
  /** the jcc's rel32, which must be 1 */
  jccRel: CMP_RBX_IMM32.length + 6,
  /** the ret it jumps over */
  ret: CMP_RBX_IMM32.length + 10,
  /** what follows: the body after the guard */
  size: CMP_RBX_IMM32.length + 11,
  /** the bytes of `cmp rbx, imm32` before its immediate, little-endian */
  head: CMP_RBX_IMM32.slice(0, 3).reduce((v, b, i) => v | (b << (8 * i)), 0),
} as const;
/** `test rbx, rbx`. */
export const TEST_TOS = snippet((s) => s.test(rbx, rbx));
/** The opcodes of `jno rel32` and `je rel32`; the compiler writes the displacement. */
export const JNO_REL32 = [0x0f, 0x81];
export const JE_REL32 = [0x0f, 0x84];
/**
 * (DO) and (?DO): save the enclosing loop's r15 r14, pop start (rax) and
 * limit (rcx); r15 = limit ^ 2^63, r14 = start - r15, so that the index
 * is r14 + r15 and the loop ends when r14 overflows.
 */
export const DO_SETUP = snippet((s) => {
  s.push(r15);
  s.push(r14);
  s.mov(rax, rbx);
  s.mov(rcx, qword(rbp));
  s.mov(rbx, qword(rbp, 8));
  s.lea(rbp, qword(rbp, 16));
  s.mov(r15, rcx);
  s.btc(r15, 63);
  s.mov(r14, rax);
  s.sub(r14, r15);
});

/** x86 condition codes by their number (the low nibble of jcc/setcc opcodes). */
export const CC = { o: 0, b: 2, ae: 3, e: 4, ne: 5, be: 6, a: 7, s: 8, ns: 9, l: 12, ge: 13, le: 14, g: 15 } as const;

/** The mnemonic suffix of a condition code (`setl`, `jge` …). */
export function ccName(cond: number): string {
  return ['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g'][cond] as string;
}
