/**
 * `_start` of the executables Sidecar generates (the sidecar itself, the
 * hello proof, the bench's ping-pong floor): glibc's entry convention.
 */

import { type Assembler, ebp, ecx, mem, r8d, r9, rax, rdi, rdx, rip, rsi, rsp } from '../x86/index.js';

/** `_start` for a glibc executable: hands `main` to __libc_start_main. */
export function emitStart(a: Assembler, main: ReturnType<Assembler['label']>): void {
  a.global(a.here('_start'));
  a.xor(ebp, ebp);
  a.mov(r9, rdx); // rtld_fini from the loader
  a.pop(rsi); // argc
  a.mov(rdx, rsp); // argv
  a.and(rsp, -16);
  a.push(rax);
  a.push(rsp);
  a.xor(r8d, r8d);
  a.xor(ecx, ecx);
  a.lea(rdi, mem(0, rip, null, 1, 0, { label: main }));
  a.call(mem(8, rip, null, 1, 0, { label: a.extern('__libc_start_main'), got: true }));
  a.hlt();
}
