/**
 * The two smallest programs that prove the assembler and ELF writer produce
 * native code glibc and Node accept: an executable that finds `cos` in libm
 * through dlopen/dlsym and prints cos(0.5), and an N-API addon whose `add`
 * sums two numbers.
 */

import { writeExecutable, writeSharedObject } from '../elf/index.js';
import {
  Assembler as Asm,
  eax,
  esi,
  qword,
  r8d,
  r9,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
  xmm0,
  xmm1,
} from '../x86/index.js';
import { emitStart } from './start.js';

/** Prints cos(0.5) with printf("%.17g\n"), having found cos with dlopen/dlsym. Exit status 0. */
export function buildHello(): Uint8Array {
  const a = new Asm();
  const main = a.label('main');
  const fail = a.label();
  const libm = a.label();
  const cosName = a.label();
  const fmt = a.label();
  const half = a.label();
  emitStart(a, main);

  a.bind(main);
  a.push(rbx);
  a.lea(rdi, qword(libm));
  a.mov(esi, 2); // RTLD_NOW
  a.call(a.extern('dlopen'));
  a.test(rax, rax);
  a.jz(fail);
  a.mov(rdi, rax);
  a.lea(rsi, qword(cosName));
  a.call(a.extern('dlsym'));
  a.test(rax, rax);
  a.jz(fail);
  a.movsd(xmm0, qword(half));
  a.call(rax);
  a.lea(rdi, qword(fmt));
  a.mov(eax, 1); // one vector register argument
  a.call(a.extern('printf'));
  a.xor(eax, eax);
  a.pop(rbx);
  a.ret();
  a.bind(fail);
  a.mov(eax, 1);
  a.pop(rbx);
  a.ret();

  a.rodata();
  a.align(8);
  a.bind(half);
  a.f64(0.5);
  a.bind(libm);
  a.asciz('libm.so.6');
  a.bind(cosName);
  a.asciz('cos');
  a.bind(fmt);
  a.asciz('%.17g\n');
  return writeExecutable(a.finish());
}

/** An N-API module exporting `add(a, b)`: the seed of the channel addon. */
export function buildAdderAddon(): Uint8Array {
  const a = new Asm();
  const napi = (name: string) => a.extern(name);
  const add = a.label('add');
  const addName = a.label();

  // napi_value napi_register_module_v1(napi_env env, napi_value exports)
  a.global(a.here('napi_register_module_v1'));
  a.push(rbx);
  a.push(rbp);
  a.sub(rsp, 24);
  a.mov(rbx, rdi); // env
  a.mov(rbp, rsi); // exports
  // napi_create_function(env, "add", NAPI_AUTO_LENGTH, add, NULL, &fn)
  a.lea(rsi, qword(addName));
  a.mov(rdx, -1);
  a.lea(rcx, qword(add));
  a.xor(r8d, r8d);
  a.lea(r9, qword(rsp, 8));
  a.call(napi('napi_create_function'));
  // napi_set_named_property(env, exports, "add", fn)
  a.mov(rdi, rbx);
  a.mov(rsi, rbp);
  a.lea(rdx, qword(addName));
  a.mov(rcx, qword(rsp, 8));
  a.call(napi('napi_set_named_property'));
  a.mov(rax, rbp);
  a.add(rsp, 24);
  a.pop(rbp);
  a.pop(rbx);
  a.ret();

  // napi_value add(napi_env env, napi_callback_info info)
  // frame: [rsp] argc, [rsp+8] argv[0], [rsp+16] argv[1], [rsp+24] x, [rsp+32] y, [rsp+40] result
  a.bind(add);
  a.push(rbx);
  a.sub(rsp, 48);
  a.mov(rbx, rdi);
  a.mov(qword(rsp), 2);
  a.mov(rdx, rsp); // &argc
  a.lea(rcx, qword(rsp, 8)); // argv
  a.xor(r8d, r8d);
  a.xor(r9, r9);
  a.call(napi('napi_get_cb_info')); // (env, info, &argc, argv, NULL, NULL)
  a.mov(rdi, rbx);
  a.mov(rsi, qword(rsp, 8));
  a.lea(rdx, qword(rsp, 24));
  a.call(napi('napi_get_value_double'));
  a.mov(rdi, rbx);
  a.mov(rsi, qword(rsp, 16));
  a.lea(rdx, qword(rsp, 32));
  a.call(napi('napi_get_value_double'));
  a.movsd(xmm0, qword(rsp, 24));
  a.movsd(xmm1, qword(rsp, 32));
  a.addsd(xmm0, xmm1);
  a.mov(rdi, rbx);
  a.lea(rsi, qword(rsp, 40));
  a.call(napi('napi_create_double')); // (env, value in xmm0, &result)
  a.mov(rax, qword(rsp, 40));
  a.add(rsp, 48);
  a.pop(rbx);
  a.ret();

  a.rodata();
  a.bind(addName);
  a.asciz('add');
  return writeSharedObject(a.finish(), { exports: ['napi_register_module_v1'] });
}
