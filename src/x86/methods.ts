/**
 * The builder's mnemonic methods, typed by the operand kinds of their
 * rows. Generated from the instruction table by generate.ts; do not edit.
 */

import type { Gp8, Gp16, Gp32, Gp64, Imm, KReg, Label, Mem, Rounding, Sae, Xmm, Ymm, Zmm } from './operands.js';

/** Every mnemonic of the table, in table order. */
export const MNEMONICS = [
  'add',
  'or',
  'adc',
  'sbb',
  'and',
  'sub',
  'xor',
  'cmp',
  'mov',
  'movabs',
  'movzx',
  'movsx',
  'movsxd',
  'lea',
  'test',
  'xchg',
  'not',
  'neg',
  'mul',
  'imul',
  'div',
  'idiv',
  'inc',
  'dec',
  'rol',
  'ror',
  'rcl',
  'rcr',
  'shl',
  'sal',
  'shr',
  'sar',
  'shld',
  'shrd',
  'push',
  'pop',
  'call',
  'jmp',
  'ret',
  'leave',
  'jrcxz',
  'loop',
  'jo',
  'jno',
  'jb',
  'jc',
  'jnae',
  'jae',
  'jnb',
  'jnc',
  'je',
  'jz',
  'jne',
  'jnz',
  'jbe',
  'jna',
  'ja',
  'jnbe',
  'js',
  'jns',
  'jp',
  'jpe',
  'jnp',
  'jpo',
  'jl',
  'jnge',
  'jge',
  'jnl',
  'jle',
  'jng',
  'jg',
  'jnle',
  'seto',
  'setno',
  'setb',
  'setc',
  'setnae',
  'setae',
  'setnb',
  'setnc',
  'sete',
  'setz',
  'setne',
  'setnz',
  'setbe',
  'setna',
  'seta',
  'setnbe',
  'sets',
  'setns',
  'setp',
  'setpe',
  'setnp',
  'setpo',
  'setl',
  'setnge',
  'setge',
  'setnl',
  'setle',
  'setng',
  'setg',
  'setnle',
  'cmovo',
  'cmovno',
  'cmovb',
  'cmovc',
  'cmovnae',
  'cmovae',
  'cmovnb',
  'cmovnc',
  'cmove',
  'cmovz',
  'cmovne',
  'cmovnz',
  'cmovbe',
  'cmovna',
  'cmova',
  'cmovnbe',
  'cmovs',
  'cmovns',
  'cmovp',
  'cmovpe',
  'cmovnp',
  'cmovpo',
  'cmovl',
  'cmovnge',
  'cmovge',
  'cmovnl',
  'cmovle',
  'cmovng',
  'cmovg',
  'cmovnle',
  'bt',
  'bts',
  'btr',
  'btc',
  'bsf',
  'bsr',
  'lzcnt',
  'tzcnt',
  'popcnt',
  'xadd',
  'cmpxchg',
  'bswap',
  'cbw',
  'cwde',
  'cdqe',
  'cwd',
  'cdq',
  'cqo',
  'nop',
  'int3',
  'ud2',
  'pause',
  'syscall',
  'cpuid',
  'rdtsc',
  'rdtscp',
  'mfence',
  'lfence',
  'sfence',
  'hlt',
  'clc',
  'stc',
  'cld',
  'std',
  'movsb',
  'movsw',
  'movsq',
  'stosb',
  'stosw',
  'stosd',
  'stosq',
  'lodsb',
  'lodsq',
  'cmpsb',
  'scasb',
  'int',
  'movsd',
  'prefetchnta',
  'prefetcht0',
  'prefetcht1',
  'prefetcht2',
  'prefetchw',
  'movss',
  'movapd',
  'movupd',
  'movaps',
  'movups',
  'movdqa',
  'movdqu',
  'movd',
  'movq',
  'addsd',
  'addss',
  'addpd',
  'addps',
  'mulsd',
  'mulss',
  'mulpd',
  'mulps',
  'subsd',
  'subss',
  'subpd',
  'subps',
  'minsd',
  'minss',
  'minpd',
  'minps',
  'divsd',
  'divss',
  'divpd',
  'divps',
  'maxsd',
  'maxss',
  'maxpd',
  'maxps',
  'sqrtsd',
  'sqrtss',
  'sqrtpd',
  'sqrtps',
  'andpd',
  'andps',
  'andnpd',
  'andnps',
  'orpd',
  'orps',
  'xorpd',
  'xorps',
  'pxor',
  'pand',
  'por',
  'paddq',
  'psubq',
  'ucomisd',
  'comisd',
  'ucomiss',
  'comiss',
  'cvtsi2sd',
  'cvtsi2ss',
  'cvttsd2si',
  'cvtsd2si',
  'cvtsd2ss',
  'cvtss2sd',
  'unpcklpd',
  'unpckhpd',
  'shufpd',
  'movmskpd',
  'roundsd',
  'vmovupd',
  'vmovapd',
  'vmovups',
  'vmovaps',
  'vmovsd',
  'vaddpd',
  'vaddsd',
  'vmulpd',
  'vmulsd',
  'vsubpd',
  'vsubsd',
  'vminpd',
  'vminsd',
  'vdivpd',
  'vdivsd',
  'vmaxpd',
  'vmaxsd',
  'vandpd',
  'vxorpd',
  'vfmadd132pd',
  'vfmadd213pd',
  'vfmadd231pd',
  'vfnmadd231pd',
  'vfmadd132sd',
  'vfmadd213sd',
  'vfmadd231sd',
  'vfnmadd231sd',
  'vbroadcastsd',
  'vextractf128',
  'vinsertf128',
  'vperm2f128',
  'vpermpd',
  'vzeroupper',
  'vaddps',
  'vmulps',
  'vsubps',
  'vminps',
  'vdivps',
  'vmaxps',
  'vandps',
  'vxorps',
  'vfmadd132ps',
  'vfmadd213ps',
  'vfmadd231ps',
  'vfnmadd231ps',
  'vbroadcastss',
  'vmovdqu64',
  'vmovdqu32',
  'vmovdqa64',
  'vmovdqa32',
  'vpandd',
  'vpandq',
  'vpord',
  'vporq',
  'vpxord',
  'vpxorq',
  'kmovb',
  'kmovw',
  'kmovd',
  'kmovq',
  'kxnorb',
  'kxnorw',
  'kxnord',
  'kxnorq',
  'kandw',
  'korw',
  'kxorw',
  'knotw',
  'kortestw',
] as const;

export type Mnemonic = (typeof MNEMONICS)[number];

/** One method per mnemonic: `a.vaddpd(ymm0, ymm1, qword(rax))`. */
export interface MnemonicMethods {
  /** ADD (X64) */
  add(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  add(dst: Gp8, src: Gp8 | Mem): this;
  add(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  add(dst: Gp16, src: Gp16 | Mem): this;
  add(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  add(dst: Gp32, src: Gp32 | Mem): this;
  add(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  add(dst: Gp64, src: Gp64 | Mem): this;
  /** OR (X64) */
  or(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  or(dst: Gp8, src: Gp8 | Mem): this;
  or(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  or(dst: Gp16, src: Gp16 | Mem): this;
  or(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  or(dst: Gp32, src: Gp32 | Mem): this;
  or(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  or(dst: Gp64, src: Gp64 | Mem): this;
  /** ADC (X64) */
  adc(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  adc(dst: Gp8, src: Gp8 | Mem): this;
  adc(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  adc(dst: Gp16, src: Gp16 | Mem): this;
  adc(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  adc(dst: Gp32, src: Gp32 | Mem): this;
  adc(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  adc(dst: Gp64, src: Gp64 | Mem): this;
  /** SBB (X64) */
  sbb(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  sbb(dst: Gp8, src: Gp8 | Mem): this;
  sbb(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  sbb(dst: Gp16, src: Gp16 | Mem): this;
  sbb(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  sbb(dst: Gp32, src: Gp32 | Mem): this;
  sbb(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  sbb(dst: Gp64, src: Gp64 | Mem): this;
  /** AND (X64) */
  and(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  and(dst: Gp8, src: Gp8 | Mem): this;
  and(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  and(dst: Gp16, src: Gp16 | Mem): this;
  and(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  and(dst: Gp32, src: Gp32 | Mem): this;
  and(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  and(dst: Gp64, src: Gp64 | Mem): this;
  /** SUB (X64) */
  sub(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  sub(dst: Gp8, src: Gp8 | Mem): this;
  sub(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  sub(dst: Gp16, src: Gp16 | Mem): this;
  sub(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  sub(dst: Gp32, src: Gp32 | Mem): this;
  sub(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  sub(dst: Gp64, src: Gp64 | Mem): this;
  /** XOR (X64) */
  xor(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  xor(dst: Gp8, src: Gp8 | Mem): this;
  xor(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  xor(dst: Gp16, src: Gp16 | Mem): this;
  xor(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  xor(dst: Gp32, src: Gp32 | Mem): this;
  xor(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  xor(dst: Gp64, src: Gp64 | Mem): this;
  /** CMP (X64) */
  cmp(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  cmp(dst: Gp8, src: Gp8 | Mem): this;
  cmp(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  cmp(dst: Gp16, src: Gp16 | Mem): this;
  cmp(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  cmp(dst: Gp32, src: Gp32 | Mem): this;
  cmp(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  cmp(dst: Gp64, src: Gp64 | Mem): this;
  /** MOV (X64) */
  mov(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  mov(dst: Gp8, src: Gp8 | Mem): this;
  mov(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  mov(dst: Gp16, src: Gp16 | Mem): this;
  mov(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  mov(dst: Gp32, src: Gp32 | Mem): this;
  mov(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  mov(dst: Gp64, src: Gp64 | Mem): this;
  /** MOVABS (X64) */
  movabs(dst: Gp64, src: Mem | Imm): this;
  movabs(dst: Gp8 | Gp16 | Gp32, src: Mem): this;
  movabs(dst: Mem, src: Gp8 | Gp16 | Gp32 | Gp64): this;
  /** MOVZX (X64) */
  movzx(dst: Gp16 | Gp32 | Gp64, src: Gp8 | Gp16 | Mem): this;
  /** MOVSX (X64) */
  movsx(dst: Gp16 | Gp32 | Gp64, src: Gp8 | Gp16 | Mem): this;
  movsx(dst: Gp64, src: Gp32 | Mem): this;
  /** MOVSXD (X64) */
  movsxd(dst: Gp32 | Gp64, src: Gp32 | Mem): this;
  /** LEA (X64) */
  lea(dst: Gp16 | Gp32 | Gp64, src: Mem): this;
  /** TEST (X64) */
  test(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  test(dst: Gp8, src: Gp8 | Mem): this;
  test(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  test(dst: Gp16, src: Gp16 | Mem): this;
  test(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  test(dst: Gp32, src: Gp32 | Mem): this;
  test(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  test(dst: Gp64, src: Gp64 | Mem): this;
  /** XCHG (X64) */
  xchg(dst: Gp64 | Mem, src: Gp64): this;
  xchg(dst: Gp16 | Mem, src: Gp16): this;
  xchg(dst: Gp16, src: Gp16 | Mem): this;
  xchg(dst: Gp32 | Mem, src: Gp32): this;
  xchg(dst: Gp32, src: Gp32 | Mem): this;
  xchg(dst: Gp64, src: Gp64 | Mem): this;
  xchg(dst: Gp8 | Mem, src: Gp8): this;
  xchg(dst: Gp8, src: Gp8 | Mem): this;
  /** NOT (X64) */
  not(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  /** NEG (X64) */
  neg(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  /** MUL (X64) */
  mul(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  /** IMUL (X64) */
  imul(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  imul(dst: Gp16, src: Gp16 | Mem | Imm): this;
  imul(dst: Gp32, src: Gp32 | Mem | Imm): this;
  imul(dst: Gp64, src: Gp64 | Mem | Imm): this;
  imul(dst: Gp16, src: Gp16 | Mem, imm: Imm): this;
  imul(dst: Gp32, src: Gp32 | Mem, imm: Imm): this;
  imul(dst: Gp64, src: Gp64 | Mem, imm: Imm): this;
  /** DIV (X64) */
  div(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  /** IDIV (X64) */
  idiv(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  /** INC (X64) */
  inc(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  /** DEC (X64) */
  dec(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  /** ROL (X64) */
  rol(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  /** ROR (X64) */
  ror(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  /** RCL (X64) */
  rcl(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  /** RCR (X64) */
  rcr(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  /** SHL (X64) */
  shl(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  /** SAL (X64) */
  sal(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  /** SHR (X64) */
  shr(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  /** SAR (X64) */
  sar(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  /** SHLD (X64) */
  shld(dst: Gp16 | Mem, a: Gp16, b: Gp8 | Imm): this;
  shld(dst: Gp32 | Mem, a: Gp32, b: Gp8 | Imm): this;
  shld(dst: Gp64 | Mem, a: Gp64, b: Gp8 | Imm): this;
  /** SHRD (X64) */
  shrd(dst: Gp16 | Mem, a: Gp16, b: Gp8 | Imm): this;
  shrd(dst: Gp32 | Mem, a: Gp32, b: Gp8 | Imm): this;
  shrd(dst: Gp64 | Mem, a: Gp64, b: Gp8 | Imm): this;
  /** PUSH (X64) */
  push(op: Gp16 | Gp64 | Mem | Imm): this;
  /** POP (X64) */
  pop(op: Gp16 | Gp64 | Mem): this;
  /** CALL (X64) */
  call(op: Gp64 | Mem | Label): this;
  /** JMP (X64) */
  jmp(op: Gp64 | Mem | Label): this;
  /** RET (X64) */
  ret(): this;
  ret(op: Imm): this;
  /** LEAVE (X64) */
  leave(): this;
  /** JRCXZ (X64) */
  jrcxz(target: Label): this;
  /** LOOP (X64) */
  loop(target: Label): this;
  /** JO (X64) */
  jo(target: Label): this;
  /** JNO (X64) */
  jno(target: Label): this;
  /** JB (X64) */
  jb(target: Label): this;
  /** JC (X64) */
  jc(target: Label): this;
  /** JNAE (X64) */
  jnae(target: Label): this;
  /** JAE (X64) */
  jae(target: Label): this;
  /** JNB (X64) */
  jnb(target: Label): this;
  /** JNC (X64) */
  jnc(target: Label): this;
  /** JE (X64) */
  je(target: Label): this;
  /** JZ (X64) */
  jz(target: Label): this;
  /** JNE (X64) */
  jne(target: Label): this;
  /** JNZ (X64) */
  jnz(target: Label): this;
  /** JBE (X64) */
  jbe(target: Label): this;
  /** JNA (X64) */
  jna(target: Label): this;
  /** JA (X64) */
  ja(target: Label): this;
  /** JNBE (X64) */
  jnbe(target: Label): this;
  /** JS (X64) */
  js(target: Label): this;
  /** JNS (X64) */
  jns(target: Label): this;
  /** JP (X64) */
  jp(target: Label): this;
  /** JPE (X64) */
  jpe(target: Label): this;
  /** JNP (X64) */
  jnp(target: Label): this;
  /** JPO (X64) */
  jpo(target: Label): this;
  /** JL (X64) */
  jl(target: Label): this;
  /** JNGE (X64) */
  jnge(target: Label): this;
  /** JGE (X64) */
  jge(target: Label): this;
  /** JNL (X64) */
  jnl(target: Label): this;
  /** JLE (X64) */
  jle(target: Label): this;
  /** JNG (X64) */
  jng(target: Label): this;
  /** JG (X64) */
  jg(target: Label): this;
  /** JNLE (X64) */
  jnle(target: Label): this;
  /** SETO (X64) */
  seto(op: Gp8 | Mem): this;
  /** SETNO (X64) */
  setno(op: Gp8 | Mem): this;
  /** SETB (X64) */
  setb(op: Gp8 | Mem): this;
  /** SETC (X64) */
  setc(op: Gp8 | Mem): this;
  /** SETNAE (X64) */
  setnae(op: Gp8 | Mem): this;
  /** SETAE (X64) */
  setae(op: Gp8 | Mem): this;
  /** SETNB (X64) */
  setnb(op: Gp8 | Mem): this;
  /** SETNC (X64) */
  setnc(op: Gp8 | Mem): this;
  /** SETE (X64) */
  sete(op: Gp8 | Mem): this;
  /** SETZ (X64) */
  setz(op: Gp8 | Mem): this;
  /** SETNE (X64) */
  setne(op: Gp8 | Mem): this;
  /** SETNZ (X64) */
  setnz(op: Gp8 | Mem): this;
  /** SETBE (X64) */
  setbe(op: Gp8 | Mem): this;
  /** SETNA (X64) */
  setna(op: Gp8 | Mem): this;
  /** SETA (X64) */
  seta(op: Gp8 | Mem): this;
  /** SETNBE (X64) */
  setnbe(op: Gp8 | Mem): this;
  /** SETS (X64) */
  sets(op: Gp8 | Mem): this;
  /** SETNS (X64) */
  setns(op: Gp8 | Mem): this;
  /** SETP (X64) */
  setp(op: Gp8 | Mem): this;
  /** SETPE (X64) */
  setpe(op: Gp8 | Mem): this;
  /** SETNP (X64) */
  setnp(op: Gp8 | Mem): this;
  /** SETPO (X64) */
  setpo(op: Gp8 | Mem): this;
  /** SETL (X64) */
  setl(op: Gp8 | Mem): this;
  /** SETNGE (X64) */
  setnge(op: Gp8 | Mem): this;
  /** SETGE (X64) */
  setge(op: Gp8 | Mem): this;
  /** SETNL (X64) */
  setnl(op: Gp8 | Mem): this;
  /** SETLE (X64) */
  setle(op: Gp8 | Mem): this;
  /** SETNG (X64) */
  setng(op: Gp8 | Mem): this;
  /** SETG (X64) */
  setg(op: Gp8 | Mem): this;
  /** SETNLE (X64) */
  setnle(op: Gp8 | Mem): this;
  /** CMOVO (CMOV) */
  cmovo(dst: Gp16, src: Gp16 | Mem): this;
  cmovo(dst: Gp32, src: Gp32 | Mem): this;
  cmovo(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNO (CMOV) */
  cmovno(dst: Gp16, src: Gp16 | Mem): this;
  cmovno(dst: Gp32, src: Gp32 | Mem): this;
  cmovno(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVB (CMOV) */
  cmovb(dst: Gp16, src: Gp16 | Mem): this;
  cmovb(dst: Gp32, src: Gp32 | Mem): this;
  cmovb(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVC (CMOV) */
  cmovc(dst: Gp16, src: Gp16 | Mem): this;
  cmovc(dst: Gp32, src: Gp32 | Mem): this;
  cmovc(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNAE (CMOV) */
  cmovnae(dst: Gp16, src: Gp16 | Mem): this;
  cmovnae(dst: Gp32, src: Gp32 | Mem): this;
  cmovnae(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVAE (CMOV) */
  cmovae(dst: Gp16, src: Gp16 | Mem): this;
  cmovae(dst: Gp32, src: Gp32 | Mem): this;
  cmovae(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNB (CMOV) */
  cmovnb(dst: Gp16, src: Gp16 | Mem): this;
  cmovnb(dst: Gp32, src: Gp32 | Mem): this;
  cmovnb(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNC (CMOV) */
  cmovnc(dst: Gp16, src: Gp16 | Mem): this;
  cmovnc(dst: Gp32, src: Gp32 | Mem): this;
  cmovnc(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVE (CMOV) */
  cmove(dst: Gp16, src: Gp16 | Mem): this;
  cmove(dst: Gp32, src: Gp32 | Mem): this;
  cmove(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVZ (CMOV) */
  cmovz(dst: Gp16, src: Gp16 | Mem): this;
  cmovz(dst: Gp32, src: Gp32 | Mem): this;
  cmovz(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNE (CMOV) */
  cmovne(dst: Gp16, src: Gp16 | Mem): this;
  cmovne(dst: Gp32, src: Gp32 | Mem): this;
  cmovne(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNZ (CMOV) */
  cmovnz(dst: Gp16, src: Gp16 | Mem): this;
  cmovnz(dst: Gp32, src: Gp32 | Mem): this;
  cmovnz(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVBE (CMOV) */
  cmovbe(dst: Gp16, src: Gp16 | Mem): this;
  cmovbe(dst: Gp32, src: Gp32 | Mem): this;
  cmovbe(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNA (CMOV) */
  cmovna(dst: Gp16, src: Gp16 | Mem): this;
  cmovna(dst: Gp32, src: Gp32 | Mem): this;
  cmovna(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVA (CMOV) */
  cmova(dst: Gp16, src: Gp16 | Mem): this;
  cmova(dst: Gp32, src: Gp32 | Mem): this;
  cmova(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNBE (CMOV) */
  cmovnbe(dst: Gp16, src: Gp16 | Mem): this;
  cmovnbe(dst: Gp32, src: Gp32 | Mem): this;
  cmovnbe(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVS (CMOV) */
  cmovs(dst: Gp16, src: Gp16 | Mem): this;
  cmovs(dst: Gp32, src: Gp32 | Mem): this;
  cmovs(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNS (CMOV) */
  cmovns(dst: Gp16, src: Gp16 | Mem): this;
  cmovns(dst: Gp32, src: Gp32 | Mem): this;
  cmovns(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVP (CMOV) */
  cmovp(dst: Gp16, src: Gp16 | Mem): this;
  cmovp(dst: Gp32, src: Gp32 | Mem): this;
  cmovp(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVPE (CMOV) */
  cmovpe(dst: Gp16, src: Gp16 | Mem): this;
  cmovpe(dst: Gp32, src: Gp32 | Mem): this;
  cmovpe(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNP (CMOV) */
  cmovnp(dst: Gp16, src: Gp16 | Mem): this;
  cmovnp(dst: Gp32, src: Gp32 | Mem): this;
  cmovnp(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVPO (CMOV) */
  cmovpo(dst: Gp16, src: Gp16 | Mem): this;
  cmovpo(dst: Gp32, src: Gp32 | Mem): this;
  cmovpo(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVL (CMOV) */
  cmovl(dst: Gp16, src: Gp16 | Mem): this;
  cmovl(dst: Gp32, src: Gp32 | Mem): this;
  cmovl(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNGE (CMOV) */
  cmovnge(dst: Gp16, src: Gp16 | Mem): this;
  cmovnge(dst: Gp32, src: Gp32 | Mem): this;
  cmovnge(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVGE (CMOV) */
  cmovge(dst: Gp16, src: Gp16 | Mem): this;
  cmovge(dst: Gp32, src: Gp32 | Mem): this;
  cmovge(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNL (CMOV) */
  cmovnl(dst: Gp16, src: Gp16 | Mem): this;
  cmovnl(dst: Gp32, src: Gp32 | Mem): this;
  cmovnl(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVLE (CMOV) */
  cmovle(dst: Gp16, src: Gp16 | Mem): this;
  cmovle(dst: Gp32, src: Gp32 | Mem): this;
  cmovle(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNG (CMOV) */
  cmovng(dst: Gp16, src: Gp16 | Mem): this;
  cmovng(dst: Gp32, src: Gp32 | Mem): this;
  cmovng(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVG (CMOV) */
  cmovg(dst: Gp16, src: Gp16 | Mem): this;
  cmovg(dst: Gp32, src: Gp32 | Mem): this;
  cmovg(dst: Gp64, src: Gp64 | Mem): this;
  /** CMOVNLE (CMOV) */
  cmovnle(dst: Gp16, src: Gp16 | Mem): this;
  cmovnle(dst: Gp32, src: Gp32 | Mem): this;
  cmovnle(dst: Gp64, src: Gp64 | Mem): this;
  /** BT (X64) */
  bt(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  bt(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  bt(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  /** BTS (X64) */
  bts(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  bts(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  bts(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  /** BTR (X64) */
  btr(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  btr(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  btr(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  /** BTC (X64) */
  btc(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  btc(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  btc(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  /** BSF (X64) */
  bsf(dst: Gp16, src: Gp16 | Mem): this;
  bsf(dst: Gp32, src: Gp32 | Mem): this;
  bsf(dst: Gp64, src: Gp64 | Mem): this;
  /** BSR (X64) */
  bsr(dst: Gp16, src: Gp16 | Mem): this;
  bsr(dst: Gp32, src: Gp32 | Mem): this;
  bsr(dst: Gp64, src: Gp64 | Mem): this;
  /** LZCNT (LZCNT) */
  lzcnt(dst: Gp16, src: Gp16 | Mem): this;
  lzcnt(dst: Gp32, src: Gp32 | Mem): this;
  lzcnt(dst: Gp64, src: Gp64 | Mem): this;
  /** TZCNT (BMI1) */
  tzcnt(dst: Gp16, src: Gp16 | Mem): this;
  tzcnt(dst: Gp32, src: Gp32 | Mem): this;
  tzcnt(dst: Gp64, src: Gp64 | Mem): this;
  /** POPCNT (POPCNT) */
  popcnt(dst: Gp16, src: Gp16 | Mem): this;
  popcnt(dst: Gp32, src: Gp32 | Mem): this;
  popcnt(dst: Gp64, src: Gp64 | Mem): this;
  /** XADD (X64) */
  xadd(dst: Gp16 | Mem, src: Gp16): this;
  xadd(dst: Gp32 | Mem, src: Gp32): this;
  xadd(dst: Gp64 | Mem, src: Gp64): this;
  xadd(dst: Gp8 | Mem, src: Gp8): this;
  /** CMPXCHG (X64) */
  cmpxchg(dst: Gp16 | Mem, src: Gp16): this;
  cmpxchg(dst: Gp32 | Mem, src: Gp32): this;
  cmpxchg(dst: Gp64 | Mem, src: Gp64): this;
  cmpxchg(dst: Gp8 | Mem, src: Gp8): this;
  /** BSWAP (X64) */
  bswap(op: Gp32 | Gp64): this;
  /** CBW (X64) */
  cbw(): this;
  /** CWDE (X64) */
  cwde(): this;
  /** CDQE (X64) */
  cdqe(): this;
  /** CWD (X64) */
  cwd(): this;
  /** CDQ (X64) */
  cdq(): this;
  /** CQO (X64) */
  cqo(): this;
  /** NOP (X64) */
  nop(): this;
  nop(op: Gp16 | Gp32 | Gp64 | Mem): this;
  /** INT3 (X64) */
  int3(): this;
  /** UD2 (X64) */
  ud2(): this;
  /** PAUSE (X64) */
  pause(): this;
  /** SYSCALL (X64) */
  syscall(): this;
  /** CPUID (X64) */
  cpuid(): this;
  /** RDTSC (X64) */
  rdtsc(): this;
  /** RDTSCP (RDTSCP) */
  rdtscp(): this;
  /** MFENCE (SSE2) */
  mfence(): this;
  /** LFENCE (SSE2) */
  lfence(): this;
  /** SFENCE (SSE) */
  sfence(): this;
  /** HLT (X64) */
  hlt(): this;
  /** CLC (X64) */
  clc(): this;
  /** STC (X64) */
  stc(): this;
  /** CLD (X64) */
  cld(): this;
  /** STD (X64) */
  std(): this;
  /** MOVSB (X64) */
  movsb(): this;
  /** MOVSW (X64) */
  movsw(): this;
  /** MOVSQ (X64) */
  movsq(): this;
  /** STOSB (X64) */
  stosb(): this;
  /** STOSW (X64) */
  stosw(): this;
  /** STOSD (X64) */
  stosd(): this;
  /** STOSQ (X64) */
  stosq(): this;
  /** LODSB (X64) */
  lodsb(): this;
  /** LODSQ (X64) */
  lodsq(): this;
  /** CMPSB (X64) */
  cmpsb(): this;
  /** SCASB (X64) */
  scasb(): this;
  /** INT (X64) */
  int(op: Imm): this;
  /** MOVSD (X64, SSE2) */
  movsd(): this;
  movsd(dst: Xmm, src: Xmm | Mem): this;
  movsd(dst: Xmm | Mem, src: Xmm): this;
  /** PREFETCHNTA (SSE) */
  prefetchnta(op: Mem): this;
  /** PREFETCHT0 (SSE) */
  prefetcht0(op: Mem): this;
  /** PREFETCHT1 (SSE) */
  prefetcht1(op: Mem): this;
  /** PREFETCHT2 (SSE) */
  prefetcht2(op: Mem): this;
  /** PREFETCHW (PREFETCHW) */
  prefetchw(op: Mem): this;
  /** MOVSS (SSE) */
  movss(dst: Xmm, src: Xmm | Mem): this;
  movss(dst: Xmm | Mem, src: Xmm): this;
  /** MOVAPD (SSE2) */
  movapd(dst: Xmm, src: Xmm | Mem): this;
  movapd(dst: Xmm | Mem, src: Xmm): this;
  /** MOVUPD (SSE2) */
  movupd(dst: Xmm, src: Xmm | Mem): this;
  movupd(dst: Xmm | Mem, src: Xmm): this;
  /** MOVAPS (SSE) */
  movaps(dst: Xmm, src: Xmm | Mem): this;
  movaps(dst: Xmm | Mem, src: Xmm): this;
  /** MOVUPS (SSE) */
  movups(dst: Xmm, src: Xmm | Mem): this;
  movups(dst: Xmm | Mem, src: Xmm): this;
  /** MOVDQA (SSE2) */
  movdqa(dst: Xmm, src: Xmm | Mem): this;
  movdqa(dst: Xmm | Mem, src: Xmm): this;
  /** MOVDQU (SSE2) */
  movdqu(dst: Xmm, src: Xmm | Mem): this;
  movdqu(dst: Xmm | Mem, src: Xmm): this;
  /** MOVD (SSE2) */
  movd(dst: Xmm, src: Gp32 | Gp64 | Mem): this;
  movd(dst: Gp32 | Gp64 | Mem, src: Xmm): this;
  /** MOVQ (SSE2) */
  movq(dst: Xmm, src: Gp64 | Xmm | Mem): this;
  movq(dst: Gp64 | Xmm | Mem, src: Xmm): this;
  /** ADDSD (SSE2) */
  addsd(dst: Xmm, src: Xmm | Mem): this;
  /** ADDSS (SSE) */
  addss(dst: Xmm, src: Xmm | Mem): this;
  /** ADDPD (SSE2) */
  addpd(dst: Xmm, src: Xmm | Mem): this;
  /** ADDPS (SSE) */
  addps(dst: Xmm, src: Xmm | Mem): this;
  /** MULSD (SSE2) */
  mulsd(dst: Xmm, src: Xmm | Mem): this;
  /** MULSS (SSE) */
  mulss(dst: Xmm, src: Xmm | Mem): this;
  /** MULPD (SSE2) */
  mulpd(dst: Xmm, src: Xmm | Mem): this;
  /** MULPS (SSE) */
  mulps(dst: Xmm, src: Xmm | Mem): this;
  /** SUBSD (SSE2) */
  subsd(dst: Xmm, src: Xmm | Mem): this;
  /** SUBSS (SSE) */
  subss(dst: Xmm, src: Xmm | Mem): this;
  /** SUBPD (SSE2) */
  subpd(dst: Xmm, src: Xmm | Mem): this;
  /** SUBPS (SSE) */
  subps(dst: Xmm, src: Xmm | Mem): this;
  /** MINSD (SSE2) */
  minsd(dst: Xmm, src: Xmm | Mem): this;
  /** MINSS (SSE) */
  minss(dst: Xmm, src: Xmm | Mem): this;
  /** MINPD (SSE2) */
  minpd(dst: Xmm, src: Xmm | Mem): this;
  /** MINPS (SSE) */
  minps(dst: Xmm, src: Xmm | Mem): this;
  /** DIVSD (SSE2) */
  divsd(dst: Xmm, src: Xmm | Mem): this;
  /** DIVSS (SSE) */
  divss(dst: Xmm, src: Xmm | Mem): this;
  /** DIVPD (SSE2) */
  divpd(dst: Xmm, src: Xmm | Mem): this;
  /** DIVPS (SSE) */
  divps(dst: Xmm, src: Xmm | Mem): this;
  /** MAXSD (SSE2) */
  maxsd(dst: Xmm, src: Xmm | Mem): this;
  /** MAXSS (SSE) */
  maxss(dst: Xmm, src: Xmm | Mem): this;
  /** MAXPD (SSE2) */
  maxpd(dst: Xmm, src: Xmm | Mem): this;
  /** MAXPS (SSE) */
  maxps(dst: Xmm, src: Xmm | Mem): this;
  /** SQRTSD (SSE2) */
  sqrtsd(dst: Xmm, src: Xmm | Mem): this;
  /** SQRTSS (SSE) */
  sqrtss(dst: Xmm, src: Xmm | Mem): this;
  /** SQRTPD (SSE2) */
  sqrtpd(dst: Xmm, src: Xmm | Mem): this;
  /** SQRTPS (SSE) */
  sqrtps(dst: Xmm, src: Xmm | Mem): this;
  /** ANDPD (SSE2) */
  andpd(dst: Xmm, src: Xmm | Mem): this;
  /** ANDPS (SSE) */
  andps(dst: Xmm, src: Xmm | Mem): this;
  /** ANDNPD (SSE2) */
  andnpd(dst: Xmm, src: Xmm | Mem): this;
  /** ANDNPS (SSE) */
  andnps(dst: Xmm, src: Xmm | Mem): this;
  /** ORPD (SSE2) */
  orpd(dst: Xmm, src: Xmm | Mem): this;
  /** ORPS (SSE) */
  orps(dst: Xmm, src: Xmm | Mem): this;
  /** XORPD (SSE2) */
  xorpd(dst: Xmm, src: Xmm | Mem): this;
  /** XORPS (SSE) */
  xorps(dst: Xmm, src: Xmm | Mem): this;
  /** PXOR (SSE2) */
  pxor(dst: Xmm, src: Xmm | Mem): this;
  /** PAND (SSE2) */
  pand(dst: Xmm, src: Xmm | Mem): this;
  /** POR (SSE2) */
  por(dst: Xmm, src: Xmm | Mem): this;
  /** PADDQ (SSE2) */
  paddq(dst: Xmm, src: Xmm | Mem): this;
  /** PSUBQ (SSE2) */
  psubq(dst: Xmm, src: Xmm | Mem): this;
  /** UCOMISD (SSE2) */
  ucomisd(dst: Xmm, src: Xmm | Mem): this;
  /** COMISD (SSE2) */
  comisd(dst: Xmm, src: Xmm | Mem): this;
  /** UCOMISS (SSE) */
  ucomiss(dst: Xmm, src: Xmm | Mem): this;
  /** COMISS (SSE) */
  comiss(dst: Xmm, src: Xmm | Mem): this;
  /** CVTSI2SD (SSE2) */
  cvtsi2sd(dst: Xmm, src: Gp32 | Gp64 | Mem): this;
  /** CVTSI2SS (SSE) */
  cvtsi2ss(dst: Xmm, src: Gp32 | Gp64 | Mem): this;
  /** CVTTSD2SI (SSE2) */
  cvttsd2si(dst: Gp32 | Gp64, src: Xmm | Mem): this;
  /** CVTSD2SI (SSE2) */
  cvtsd2si(dst: Gp32 | Gp64, src: Xmm | Mem): this;
  /** CVTSD2SS (SSE2) */
  cvtsd2ss(dst: Xmm, src: Xmm | Mem): this;
  /** CVTSS2SD (SSE2) */
  cvtss2sd(dst: Xmm, src: Xmm | Mem): this;
  /** UNPCKLPD (SSE2) */
  unpcklpd(dst: Xmm, src: Xmm | Mem): this;
  /** UNPCKHPD (SSE2) */
  unpckhpd(dst: Xmm, src: Xmm | Mem): this;
  /** SHUFPD (SSE2) */
  shufpd(dst: Xmm, src: Xmm | Mem, imm: Imm): this;
  /** MOVMSKPD (SSE2) */
  movmskpd(dst: Gp32, src: Xmm): this;
  /** ROUNDSD (SSE4_1) */
  roundsd(dst: Xmm, src: Xmm | Mem, imm: Imm): this;
  /** VMOVUPD (AVX, AVX512F, AVX512VL) */
  vmovupd(dst: Xmm, src: Xmm | Mem): this;
  vmovupd(dst: Xmm | Mem, src: Xmm): this;
  vmovupd(dst: Ymm, src: Ymm | Mem): this;
  vmovupd(dst: Ymm | Mem, src: Ymm): this;
  vmovupd(dst: Zmm, src: Zmm | Mem): this;
  vmovupd(dst: Zmm | Mem, src: Zmm): this;
  /** VMOVAPD (AVX, AVX512F, AVX512VL) */
  vmovapd(dst: Xmm, src: Xmm | Mem): this;
  vmovapd(dst: Xmm | Mem, src: Xmm): this;
  vmovapd(dst: Ymm, src: Ymm | Mem): this;
  vmovapd(dst: Ymm | Mem, src: Ymm): this;
  vmovapd(dst: Zmm, src: Zmm | Mem): this;
  vmovapd(dst: Zmm | Mem, src: Zmm): this;
  /** VMOVUPS (AVX, AVX512F, AVX512VL) */
  vmovups(dst: Xmm, src: Xmm | Mem): this;
  vmovups(dst: Xmm | Mem, src: Xmm): this;
  vmovups(dst: Ymm, src: Ymm | Mem): this;
  vmovups(dst: Ymm | Mem, src: Ymm): this;
  vmovups(dst: Zmm, src: Zmm | Mem): this;
  vmovups(dst: Zmm | Mem, src: Zmm): this;
  /** VMOVAPS (AVX, AVX512F, AVX512VL) */
  vmovaps(dst: Xmm, src: Xmm | Mem): this;
  vmovaps(dst: Xmm | Mem, src: Xmm): this;
  vmovaps(dst: Ymm, src: Ymm | Mem): this;
  vmovaps(dst: Ymm | Mem, src: Ymm): this;
  vmovaps(dst: Zmm, src: Zmm | Mem): this;
  vmovaps(dst: Zmm | Mem, src: Zmm): this;
  /** VMOVSD (AVX) */
  vmovsd(dst: Xmm, src: Mem): this;
  vmovsd(dst: Mem, src: Xmm): this;
  vmovsd(dst: Xmm, a: Xmm, b: Xmm): this;
  /** VADDPD (AVX, AVX512F, AVX512VL) */
  vaddpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vaddpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vaddpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vaddpd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VADDSD (AVX, AVX512F) */
  vaddsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vaddsd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  /** VMULPD (AVX, AVX512F, AVX512VL) */
  vmulpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmulpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vmulpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vmulpd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VMULSD (AVX, AVX512F) */
  vmulsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmulsd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  /** VSUBPD (AVX, AVX512F, AVX512VL) */
  vsubpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vsubpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vsubpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vsubpd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VSUBSD (AVX, AVX512F) */
  vsubsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vsubsd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  /** VMINPD (AVX, AVX512F, AVX512VL) */
  vminpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vminpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vminpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vminpd(dst: Zmm, a: Zmm, b: Zmm, rc: Sae): this;
  /** VMINSD (AVX, AVX512F) */
  vminsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vminsd(dst: Xmm, a: Xmm, b: Xmm, rc: Sae): this;
  /** VDIVPD (AVX, AVX512F, AVX512VL) */
  vdivpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vdivpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vdivpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vdivpd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VDIVSD (AVX, AVX512F) */
  vdivsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vdivsd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  /** VMAXPD (AVX, AVX512F, AVX512VL) */
  vmaxpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmaxpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vmaxpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vmaxpd(dst: Zmm, a: Zmm, b: Zmm, rc: Sae): this;
  /** VMAXSD (AVX, AVX512F) */
  vmaxsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmaxsd(dst: Xmm, a: Xmm, b: Xmm, rc: Sae): this;
  /** VANDPD (AVX, AVX512DQ, AVX512VL) */
  vandpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vandpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vandpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  /** VXORPD (AVX, AVX512DQ, AVX512VL) */
  vxorpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vxorpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vxorpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  /** VFMADD132PD (FMA, AVX512F, AVX512VL) */
  vfmadd132pd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd132pd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd132pd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd132pd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VFMADD213PD (FMA, AVX512F, AVX512VL) */
  vfmadd213pd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd213pd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd213pd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd213pd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VFMADD231PD (FMA, AVX512F, AVX512VL) */
  vfmadd231pd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd231pd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd231pd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd231pd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VFNMADD231PD (FMA, AVX512F, AVX512VL) */
  vfnmadd231pd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfnmadd231pd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfnmadd231pd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfnmadd231pd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VFMADD132SD (FMA, AVX512F) */
  vfmadd132sd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd132sd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  /** VFMADD213SD (FMA, AVX512F) */
  vfmadd213sd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd213sd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  /** VFMADD231SD (FMA, AVX512F) */
  vfmadd231sd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd231sd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  /** VFNMADD231SD (FMA, AVX512F) */
  vfnmadd231sd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfnmadd231sd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  /** VBROADCASTSD (AVX, AVX2, AVX512F, AVX512VL) */
  vbroadcastsd(dst: Ymm | Zmm, src: Xmm | Mem): this;
  /** VEXTRACTF128 (AVX) */
  vextractf128(dst: Xmm | Mem, src: Ymm, imm: Imm): this;
  /** VINSERTF128 (AVX) */
  vinsertf128(dst: Ymm, a: Ymm, b: Xmm | Mem, imm: Imm): this;
  /** VPERM2F128 (AVX) */
  vperm2f128(dst: Ymm, a: Ymm, b: Ymm | Mem, imm: Imm): this;
  /** VPERMPD (AVX2) */
  vpermpd(dst: Ymm, src: Ymm | Mem, imm: Imm): this;
  /** VZEROUPPER (AVX) */
  vzeroupper(): this;
  /** VADDPS (AVX, AVX512F, AVX512VL) */
  vaddps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vaddps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vaddps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vaddps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VMULPS (AVX, AVX512F, AVX512VL) */
  vmulps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmulps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vmulps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vmulps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VSUBPS (AVX, AVX512F, AVX512VL) */
  vsubps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vsubps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vsubps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vsubps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VMINPS (AVX, AVX512F, AVX512VL) */
  vminps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vminps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vminps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vminps(dst: Zmm, a: Zmm, b: Zmm, rc: Sae): this;
  /** VDIVPS (AVX, AVX512F, AVX512VL) */
  vdivps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vdivps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vdivps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vdivps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VMAXPS (AVX, AVX512F, AVX512VL) */
  vmaxps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmaxps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vmaxps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vmaxps(dst: Zmm, a: Zmm, b: Zmm, rc: Sae): this;
  /** VANDPS (AVX, AVX512DQ, AVX512VL) */
  vandps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vandps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vandps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  /** VXORPS (AVX, AVX512DQ, AVX512VL) */
  vxorps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vxorps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vxorps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  /** VFMADD132PS (FMA, AVX512F, AVX512VL) */
  vfmadd132ps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd132ps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd132ps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd132ps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VFMADD213PS (FMA, AVX512F, AVX512VL) */
  vfmadd213ps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd213ps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd213ps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd213ps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VFMADD231PS (FMA, AVX512F, AVX512VL) */
  vfmadd231ps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd231ps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd231ps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd231ps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VFNMADD231PS (FMA, AVX512F, AVX512VL) */
  vfnmadd231ps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfnmadd231ps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfnmadd231ps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfnmadd231ps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  /** VBROADCASTSS (AVX, AVX2, AVX512F, AVX512VL) */
  vbroadcastss(dst: Xmm | Ymm | Zmm, src: Xmm | Mem): this;
  /** VMOVDQU64 (AVX512F, AVX512VL) */
  vmovdqu64(dst: Xmm, src: Xmm | Mem): this;
  vmovdqu64(dst: Ymm, src: Ymm | Mem): this;
  vmovdqu64(dst: Zmm, src: Zmm | Mem): this;
  vmovdqu64(dst: Xmm | Mem, src: Xmm): this;
  vmovdqu64(dst: Ymm | Mem, src: Ymm): this;
  vmovdqu64(dst: Zmm | Mem, src: Zmm): this;
  /** VMOVDQU32 (AVX512F, AVX512VL) */
  vmovdqu32(dst: Xmm, src: Xmm | Mem): this;
  vmovdqu32(dst: Ymm, src: Ymm | Mem): this;
  vmovdqu32(dst: Zmm, src: Zmm | Mem): this;
  vmovdqu32(dst: Xmm | Mem, src: Xmm): this;
  vmovdqu32(dst: Ymm | Mem, src: Ymm): this;
  vmovdqu32(dst: Zmm | Mem, src: Zmm): this;
  /** VMOVDQA64 (AVX512F, AVX512VL) */
  vmovdqa64(dst: Xmm, src: Xmm | Mem): this;
  vmovdqa64(dst: Ymm, src: Ymm | Mem): this;
  vmovdqa64(dst: Zmm, src: Zmm | Mem): this;
  vmovdqa64(dst: Xmm | Mem, src: Xmm): this;
  vmovdqa64(dst: Ymm | Mem, src: Ymm): this;
  vmovdqa64(dst: Zmm | Mem, src: Zmm): this;
  /** VMOVDQA32 (AVX512F, AVX512VL) */
  vmovdqa32(dst: Xmm, src: Xmm | Mem): this;
  vmovdqa32(dst: Ymm, src: Ymm | Mem): this;
  vmovdqa32(dst: Zmm, src: Zmm | Mem): this;
  vmovdqa32(dst: Xmm | Mem, src: Xmm): this;
  vmovdqa32(dst: Ymm | Mem, src: Ymm): this;
  vmovdqa32(dst: Zmm | Mem, src: Zmm): this;
  /** VPANDD (AVX512F, AVX512VL) */
  vpandd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vpandd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vpandd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  /** VPANDQ (AVX512F, AVX512VL) */
  vpandq(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vpandq(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vpandq(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  /** VPORD (AVX512F, AVX512VL) */
  vpord(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vpord(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vpord(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  /** VPORQ (AVX512F, AVX512VL) */
  vporq(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vporq(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vporq(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  /** VPXORD (AVX512F, AVX512VL) */
  vpxord(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vpxord(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vpxord(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  /** VPXORQ (AVX512F, AVX512VL) */
  vpxorq(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vpxorq(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vpxorq(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  /** KMOVB (AVX512DQ) */
  kmovb(dst: KReg, src: Gp32 | KReg | Mem): this;
  kmovb(dst: Gp32 | Mem, src: KReg): this;
  /** KMOVW (AVX512F) */
  kmovw(dst: KReg, src: Gp32 | KReg | Mem): this;
  kmovw(dst: Gp32 | Mem, src: KReg): this;
  /** KMOVD (AVX512BW) */
  kmovd(dst: KReg, src: Gp32 | KReg | Mem): this;
  kmovd(dst: Gp32 | Mem, src: KReg): this;
  /** KMOVQ (AVX512BW) */
  kmovq(dst: KReg, src: Gp64 | KReg | Mem): this;
  kmovq(dst: Gp64 | Mem, src: KReg): this;
  /** KXNORB (AVX512DQ) */
  kxnorb(dst: KReg, a: KReg, b: KReg): this;
  /** KXNORW (AVX512F) */
  kxnorw(dst: KReg, a: KReg, b: KReg): this;
  /** KXNORD (AVX512BW) */
  kxnord(dst: KReg, a: KReg, b: KReg): this;
  /** KXNORQ (AVX512BW) */
  kxnorq(dst: KReg, a: KReg, b: KReg): this;
  /** KANDW (AVX512F) */
  kandw(dst: KReg, a: KReg, b: KReg): this;
  /** KORW (AVX512F) */
  korw(dst: KReg, a: KReg, b: KReg): this;
  /** KXORW (AVX512F) */
  kxorw(dst: KReg, a: KReg, b: KReg): this;
  /** KNOTW (AVX512F) */
  knotw(dst: KReg, src: KReg): this;
  /** KORTESTW (AVX512F) */
  kortestw(dst: KReg, src: KReg): this;
}
