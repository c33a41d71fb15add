/**
 * The builder's mnemonic methods, one per mnemonic of the table, typed by
 * the operand kinds of its rows. Generated from the instruction table by
 * generate.ts; do not edit. Each method is a plain method of the class (no
 * prototype patching at import), and makes its memo at its first call.
 */

import { AssemblerCore } from './assembler.js';
import type {
  Gp8,
  Gp16,
  Gp32,
  Gp64,
  Imm,
  KReg,
  Label,
  Mem,
  Operand,
  Rounding,
  Sae,
  Xmm,
  Ymm,
  Zmm,
} from './operands.js';
import { type FormMemo, memoFor } from './select.js';

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
  'vmovss',
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

/** The memo of each mnemonic, by its number in MNEMONICS, made at its first call. */
const MEMOS: (FormMemo | undefined)[] = [];

function memo(i: number): FormMemo {
  const m = memoFor(MNEMONICS[i] as string);
  MEMOS[i] = m;
  return m;
}

/** One method per mnemonic: `a.vaddpd(ymm0, ymm1, qword(rax))`. */
export class MnemonicMethods extends AssemblerCore {
  /** ADD (X64) */
  add(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  add(dst: Gp8, src: Gp8 | Mem): this;
  add(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  add(dst: Gp16, src: Gp16 | Mem): this;
  add(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  add(dst: Gp32, src: Gp32 | Mem): this;
  add(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  add(dst: Gp64, src: Gp64 | Mem): this;
  add(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[0] ?? memo(0), a, b, c, d, e);
  }
  /** OR (X64) */
  or(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  or(dst: Gp8, src: Gp8 | Mem): this;
  or(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  or(dst: Gp16, src: Gp16 | Mem): this;
  or(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  or(dst: Gp32, src: Gp32 | Mem): this;
  or(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  or(dst: Gp64, src: Gp64 | Mem): this;
  or(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[1] ?? memo(1), a, b, c, d, e);
  }
  /** ADC (X64) */
  adc(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  adc(dst: Gp8, src: Gp8 | Mem): this;
  adc(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  adc(dst: Gp16, src: Gp16 | Mem): this;
  adc(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  adc(dst: Gp32, src: Gp32 | Mem): this;
  adc(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  adc(dst: Gp64, src: Gp64 | Mem): this;
  adc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[2] ?? memo(2), a, b, c, d, e);
  }
  /** SBB (X64) */
  sbb(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  sbb(dst: Gp8, src: Gp8 | Mem): this;
  sbb(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  sbb(dst: Gp16, src: Gp16 | Mem): this;
  sbb(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  sbb(dst: Gp32, src: Gp32 | Mem): this;
  sbb(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  sbb(dst: Gp64, src: Gp64 | Mem): this;
  sbb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[3] ?? memo(3), a, b, c, d, e);
  }
  /** AND (X64) */
  and(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  and(dst: Gp8, src: Gp8 | Mem): this;
  and(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  and(dst: Gp16, src: Gp16 | Mem): this;
  and(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  and(dst: Gp32, src: Gp32 | Mem): this;
  and(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  and(dst: Gp64, src: Gp64 | Mem): this;
  and(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[4] ?? memo(4), a, b, c, d, e);
  }
  /** SUB (X64) */
  sub(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  sub(dst: Gp8, src: Gp8 | Mem): this;
  sub(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  sub(dst: Gp16, src: Gp16 | Mem): this;
  sub(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  sub(dst: Gp32, src: Gp32 | Mem): this;
  sub(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  sub(dst: Gp64, src: Gp64 | Mem): this;
  sub(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[5] ?? memo(5), a, b, c, d, e);
  }
  /** XOR (X64) */
  xor(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  xor(dst: Gp8, src: Gp8 | Mem): this;
  xor(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  xor(dst: Gp16, src: Gp16 | Mem): this;
  xor(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  xor(dst: Gp32, src: Gp32 | Mem): this;
  xor(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  xor(dst: Gp64, src: Gp64 | Mem): this;
  xor(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[6] ?? memo(6), a, b, c, d, e);
  }
  /** CMP (X64) */
  cmp(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  cmp(dst: Gp8, src: Gp8 | Mem): this;
  cmp(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  cmp(dst: Gp16, src: Gp16 | Mem): this;
  cmp(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  cmp(dst: Gp32, src: Gp32 | Mem): this;
  cmp(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  cmp(dst: Gp64, src: Gp64 | Mem): this;
  cmp(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[7] ?? memo(7), a, b, c, d, e);
  }
  /** MOV (X64) */
  mov(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  mov(dst: Gp8, src: Gp8 | Mem): this;
  mov(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  mov(dst: Gp16, src: Gp16 | Mem): this;
  mov(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  mov(dst: Gp32, src: Gp32 | Mem): this;
  mov(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  mov(dst: Gp64, src: Gp64 | Mem): this;
  mov(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[8] ?? memo(8), a, b, c, d, e);
  }
  /** MOVABS (X64) */
  movabs(dst: Gp64, src: Mem | Imm): this;
  movabs(dst: Gp8 | Gp16 | Gp32, src: Mem): this;
  movabs(dst: Mem, src: Gp8 | Gp16 | Gp32 | Gp64): this;
  movabs(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[9] ?? memo(9), a, b, c, d, e);
  }
  /** MOVZX (X64) */
  movzx(dst: Gp16 | Gp32 | Gp64, src: Gp8 | Gp16 | Mem): this;
  movzx(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[10] ?? memo(10), a, b, c, d, e);
  }
  /** MOVSX (X64) */
  movsx(dst: Gp16 | Gp32 | Gp64, src: Gp8 | Gp16 | Mem): this;
  movsx(dst: Gp64, src: Gp32 | Mem): this;
  movsx(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[11] ?? memo(11), a, b, c, d, e);
  }
  /** MOVSXD (X64) */
  movsxd(dst: Gp32 | Gp64, src: Gp32 | Mem): this;
  movsxd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[12] ?? memo(12), a, b, c, d, e);
  }
  /** LEA (X64) */
  lea(dst: Gp16 | Gp32 | Gp64, src: Mem): this;
  lea(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[13] ?? memo(13), a, b, c, d, e);
  }
  /** TEST (X64) */
  test(dst: Gp8 | Mem, src: Gp8 | Imm): this;
  test(dst: Gp8, src: Gp8 | Mem): this;
  test(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  test(dst: Gp16, src: Gp16 | Mem): this;
  test(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  test(dst: Gp32, src: Gp32 | Mem): this;
  test(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  test(dst: Gp64, src: Gp64 | Mem): this;
  test(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[14] ?? memo(14), a, b, c, d, e);
  }
  /** XCHG (X64) */
  xchg(dst: Gp64 | Mem, src: Gp64): this;
  xchg(dst: Gp16 | Mem, src: Gp16): this;
  xchg(dst: Gp16, src: Gp16 | Mem): this;
  xchg(dst: Gp32 | Mem, src: Gp32): this;
  xchg(dst: Gp32, src: Gp32 | Mem): this;
  xchg(dst: Gp64, src: Gp64 | Mem): this;
  xchg(dst: Gp8 | Mem, src: Gp8): this;
  xchg(dst: Gp8, src: Gp8 | Mem): this;
  xchg(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[15] ?? memo(15), a, b, c, d, e);
  }
  /** NOT (X64) */
  not(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  not(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[16] ?? memo(16), a, b, c, d, e);
  }
  /** NEG (X64) */
  neg(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  neg(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[17] ?? memo(17), a, b, c, d, e);
  }
  /** MUL (X64) */
  mul(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  mul(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[18] ?? memo(18), a, b, c, d, e);
  }
  /** IMUL (X64) */
  imul(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  imul(dst: Gp16, src: Gp16 | Mem | Imm): this;
  imul(dst: Gp32, src: Gp32 | Mem | Imm): this;
  imul(dst: Gp64, src: Gp64 | Mem | Imm): this;
  imul(dst: Gp16, src: Gp16 | Mem, imm: Imm): this;
  imul(dst: Gp32, src: Gp32 | Mem, imm: Imm): this;
  imul(dst: Gp64, src: Gp64 | Mem, imm: Imm): this;
  imul(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[19] ?? memo(19), a, b, c, d, e);
  }
  /** DIV (X64) */
  div(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  div(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[20] ?? memo(20), a, b, c, d, e);
  }
  /** IDIV (X64) */
  idiv(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  idiv(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[21] ?? memo(21), a, b, c, d, e);
  }
  /** INC (X64) */
  inc(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  inc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[22] ?? memo(22), a, b, c, d, e);
  }
  /** DEC (X64) */
  dec(op: Gp8 | Gp16 | Gp32 | Gp64 | Mem): this;
  dec(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[23] ?? memo(23), a, b, c, d, e);
  }
  /** ROL (X64) */
  rol(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  rol(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[24] ?? memo(24), a, b, c, d, e);
  }
  /** ROR (X64) */
  ror(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  ror(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[25] ?? memo(25), a, b, c, d, e);
  }
  /** RCL (X64) */
  rcl(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  rcl(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[26] ?? memo(26), a, b, c, d, e);
  }
  /** RCR (X64) */
  rcr(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  rcr(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[27] ?? memo(27), a, b, c, d, e);
  }
  /** SHL (X64) */
  shl(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  shl(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[28] ?? memo(28), a, b, c, d, e);
  }
  /** SAL (X64) */
  sal(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  sal(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[29] ?? memo(29), a, b, c, d, e);
  }
  /** SHR (X64) */
  shr(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  shr(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[30] ?? memo(30), a, b, c, d, e);
  }
  /** SAR (X64) */
  sar(dst: Gp8 | Gp16 | Gp32 | Gp64 | Mem, src: Gp8 | Imm): this;
  sar(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[31] ?? memo(31), a, b, c, d, e);
  }
  /** SHLD (X64) */
  shld(dst: Gp16 | Mem, a: Gp16, b: Gp8 | Imm): this;
  shld(dst: Gp32 | Mem, a: Gp32, b: Gp8 | Imm): this;
  shld(dst: Gp64 | Mem, a: Gp64, b: Gp8 | Imm): this;
  shld(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[32] ?? memo(32), a, b, c, d, e);
  }
  /** SHRD (X64) */
  shrd(dst: Gp16 | Mem, a: Gp16, b: Gp8 | Imm): this;
  shrd(dst: Gp32 | Mem, a: Gp32, b: Gp8 | Imm): this;
  shrd(dst: Gp64 | Mem, a: Gp64, b: Gp8 | Imm): this;
  shrd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[33] ?? memo(33), a, b, c, d, e);
  }
  /** PUSH (X64) */
  push(op: Gp16 | Gp64 | Mem | Imm): this;
  push(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[34] ?? memo(34), a, b, c, d, e);
  }
  /** POP (X64) */
  pop(op: Gp16 | Gp64 | Mem): this;
  pop(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[35] ?? memo(35), a, b, c, d, e);
  }
  /** CALL (X64) */
  call(op: Gp64 | Mem | Label): this;
  call(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[36] ?? memo(36), a, b, c, d, e);
  }
  /** JMP (X64) */
  jmp(op: Gp64 | Mem | Label): this;
  jmp(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[37] ?? memo(37), a, b, c, d, e);
  }
  /** RET (X64) */
  ret(): this;
  ret(op: Imm): this;
  ret(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[38] ?? memo(38), a, b, c, d, e);
  }
  /** LEAVE (X64) */
  leave(): this;
  leave(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[39] ?? memo(39), a, b, c, d, e);
  }
  /** JRCXZ (X64) */
  jrcxz(target: Label): this;
  jrcxz(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[40] ?? memo(40), a, b, c, d, e);
  }
  /** LOOP (X64) */
  loop(target: Label): this;
  loop(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[41] ?? memo(41), a, b, c, d, e);
  }
  /** JO (X64) */
  jo(target: Label): this;
  jo(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[42] ?? memo(42), a, b, c, d, e);
  }
  /** JNO (X64) */
  jno(target: Label): this;
  jno(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[43] ?? memo(43), a, b, c, d, e);
  }
  /** JB (X64) */
  jb(target: Label): this;
  jb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[44] ?? memo(44), a, b, c, d, e);
  }
  /** JC (X64) */
  jc(target: Label): this;
  jc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[45] ?? memo(45), a, b, c, d, e);
  }
  /** JNAE (X64) */
  jnae(target: Label): this;
  jnae(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[46] ?? memo(46), a, b, c, d, e);
  }
  /** JAE (X64) */
  jae(target: Label): this;
  jae(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[47] ?? memo(47), a, b, c, d, e);
  }
  /** JNB (X64) */
  jnb(target: Label): this;
  jnb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[48] ?? memo(48), a, b, c, d, e);
  }
  /** JNC (X64) */
  jnc(target: Label): this;
  jnc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[49] ?? memo(49), a, b, c, d, e);
  }
  /** JE (X64) */
  je(target: Label): this;
  je(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[50] ?? memo(50), a, b, c, d, e);
  }
  /** JZ (X64) */
  jz(target: Label): this;
  jz(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[51] ?? memo(51), a, b, c, d, e);
  }
  /** JNE (X64) */
  jne(target: Label): this;
  jne(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[52] ?? memo(52), a, b, c, d, e);
  }
  /** JNZ (X64) */
  jnz(target: Label): this;
  jnz(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[53] ?? memo(53), a, b, c, d, e);
  }
  /** JBE (X64) */
  jbe(target: Label): this;
  jbe(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[54] ?? memo(54), a, b, c, d, e);
  }
  /** JNA (X64) */
  jna(target: Label): this;
  jna(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[55] ?? memo(55), a, b, c, d, e);
  }
  /** JA (X64) */
  ja(target: Label): this;
  ja(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[56] ?? memo(56), a, b, c, d, e);
  }
  /** JNBE (X64) */
  jnbe(target: Label): this;
  jnbe(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[57] ?? memo(57), a, b, c, d, e);
  }
  /** JS (X64) */
  js(target: Label): this;
  js(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[58] ?? memo(58), a, b, c, d, e);
  }
  /** JNS (X64) */
  jns(target: Label): this;
  jns(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[59] ?? memo(59), a, b, c, d, e);
  }
  /** JP (X64) */
  jp(target: Label): this;
  jp(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[60] ?? memo(60), a, b, c, d, e);
  }
  /** JPE (X64) */
  jpe(target: Label): this;
  jpe(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[61] ?? memo(61), a, b, c, d, e);
  }
  /** JNP (X64) */
  jnp(target: Label): this;
  jnp(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[62] ?? memo(62), a, b, c, d, e);
  }
  /** JPO (X64) */
  jpo(target: Label): this;
  jpo(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[63] ?? memo(63), a, b, c, d, e);
  }
  /** JL (X64) */
  jl(target: Label): this;
  jl(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[64] ?? memo(64), a, b, c, d, e);
  }
  /** JNGE (X64) */
  jnge(target: Label): this;
  jnge(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[65] ?? memo(65), a, b, c, d, e);
  }
  /** JGE (X64) */
  jge(target: Label): this;
  jge(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[66] ?? memo(66), a, b, c, d, e);
  }
  /** JNL (X64) */
  jnl(target: Label): this;
  jnl(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[67] ?? memo(67), a, b, c, d, e);
  }
  /** JLE (X64) */
  jle(target: Label): this;
  jle(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[68] ?? memo(68), a, b, c, d, e);
  }
  /** JNG (X64) */
  jng(target: Label): this;
  jng(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[69] ?? memo(69), a, b, c, d, e);
  }
  /** JG (X64) */
  jg(target: Label): this;
  jg(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[70] ?? memo(70), a, b, c, d, e);
  }
  /** JNLE (X64) */
  jnle(target: Label): this;
  jnle(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[71] ?? memo(71), a, b, c, d, e);
  }
  /** SETO (X64) */
  seto(op: Gp8 | Mem): this;
  seto(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[72] ?? memo(72), a, b, c, d, e);
  }
  /** SETNO (X64) */
  setno(op: Gp8 | Mem): this;
  setno(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[73] ?? memo(73), a, b, c, d, e);
  }
  /** SETB (X64) */
  setb(op: Gp8 | Mem): this;
  setb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[74] ?? memo(74), a, b, c, d, e);
  }
  /** SETC (X64) */
  setc(op: Gp8 | Mem): this;
  setc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[75] ?? memo(75), a, b, c, d, e);
  }
  /** SETNAE (X64) */
  setnae(op: Gp8 | Mem): this;
  setnae(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[76] ?? memo(76), a, b, c, d, e);
  }
  /** SETAE (X64) */
  setae(op: Gp8 | Mem): this;
  setae(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[77] ?? memo(77), a, b, c, d, e);
  }
  /** SETNB (X64) */
  setnb(op: Gp8 | Mem): this;
  setnb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[78] ?? memo(78), a, b, c, d, e);
  }
  /** SETNC (X64) */
  setnc(op: Gp8 | Mem): this;
  setnc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[79] ?? memo(79), a, b, c, d, e);
  }
  /** SETE (X64) */
  sete(op: Gp8 | Mem): this;
  sete(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[80] ?? memo(80), a, b, c, d, e);
  }
  /** SETZ (X64) */
  setz(op: Gp8 | Mem): this;
  setz(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[81] ?? memo(81), a, b, c, d, e);
  }
  /** SETNE (X64) */
  setne(op: Gp8 | Mem): this;
  setne(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[82] ?? memo(82), a, b, c, d, e);
  }
  /** SETNZ (X64) */
  setnz(op: Gp8 | Mem): this;
  setnz(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[83] ?? memo(83), a, b, c, d, e);
  }
  /** SETBE (X64) */
  setbe(op: Gp8 | Mem): this;
  setbe(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[84] ?? memo(84), a, b, c, d, e);
  }
  /** SETNA (X64) */
  setna(op: Gp8 | Mem): this;
  setna(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[85] ?? memo(85), a, b, c, d, e);
  }
  /** SETA (X64) */
  seta(op: Gp8 | Mem): this;
  seta(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[86] ?? memo(86), a, b, c, d, e);
  }
  /** SETNBE (X64) */
  setnbe(op: Gp8 | Mem): this;
  setnbe(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[87] ?? memo(87), a, b, c, d, e);
  }
  /** SETS (X64) */
  sets(op: Gp8 | Mem): this;
  sets(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[88] ?? memo(88), a, b, c, d, e);
  }
  /** SETNS (X64) */
  setns(op: Gp8 | Mem): this;
  setns(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[89] ?? memo(89), a, b, c, d, e);
  }
  /** SETP (X64) */
  setp(op: Gp8 | Mem): this;
  setp(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[90] ?? memo(90), a, b, c, d, e);
  }
  /** SETPE (X64) */
  setpe(op: Gp8 | Mem): this;
  setpe(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[91] ?? memo(91), a, b, c, d, e);
  }
  /** SETNP (X64) */
  setnp(op: Gp8 | Mem): this;
  setnp(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[92] ?? memo(92), a, b, c, d, e);
  }
  /** SETPO (X64) */
  setpo(op: Gp8 | Mem): this;
  setpo(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[93] ?? memo(93), a, b, c, d, e);
  }
  /** SETL (X64) */
  setl(op: Gp8 | Mem): this;
  setl(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[94] ?? memo(94), a, b, c, d, e);
  }
  /** SETNGE (X64) */
  setnge(op: Gp8 | Mem): this;
  setnge(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[95] ?? memo(95), a, b, c, d, e);
  }
  /** SETGE (X64) */
  setge(op: Gp8 | Mem): this;
  setge(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[96] ?? memo(96), a, b, c, d, e);
  }
  /** SETNL (X64) */
  setnl(op: Gp8 | Mem): this;
  setnl(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[97] ?? memo(97), a, b, c, d, e);
  }
  /** SETLE (X64) */
  setle(op: Gp8 | Mem): this;
  setle(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[98] ?? memo(98), a, b, c, d, e);
  }
  /** SETNG (X64) */
  setng(op: Gp8 | Mem): this;
  setng(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[99] ?? memo(99), a, b, c, d, e);
  }
  /** SETG (X64) */
  setg(op: Gp8 | Mem): this;
  setg(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[100] ?? memo(100), a, b, c, d, e);
  }
  /** SETNLE (X64) */
  setnle(op: Gp8 | Mem): this;
  setnle(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[101] ?? memo(101), a, b, c, d, e);
  }
  /** CMOVO (CMOV) */
  cmovo(dst: Gp16, src: Gp16 | Mem): this;
  cmovo(dst: Gp32, src: Gp32 | Mem): this;
  cmovo(dst: Gp64, src: Gp64 | Mem): this;
  cmovo(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[102] ?? memo(102), a, b, c, d, e);
  }
  /** CMOVNO (CMOV) */
  cmovno(dst: Gp16, src: Gp16 | Mem): this;
  cmovno(dst: Gp32, src: Gp32 | Mem): this;
  cmovno(dst: Gp64, src: Gp64 | Mem): this;
  cmovno(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[103] ?? memo(103), a, b, c, d, e);
  }
  /** CMOVB (CMOV) */
  cmovb(dst: Gp16, src: Gp16 | Mem): this;
  cmovb(dst: Gp32, src: Gp32 | Mem): this;
  cmovb(dst: Gp64, src: Gp64 | Mem): this;
  cmovb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[104] ?? memo(104), a, b, c, d, e);
  }
  /** CMOVC (CMOV) */
  cmovc(dst: Gp16, src: Gp16 | Mem): this;
  cmovc(dst: Gp32, src: Gp32 | Mem): this;
  cmovc(dst: Gp64, src: Gp64 | Mem): this;
  cmovc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[105] ?? memo(105), a, b, c, d, e);
  }
  /** CMOVNAE (CMOV) */
  cmovnae(dst: Gp16, src: Gp16 | Mem): this;
  cmovnae(dst: Gp32, src: Gp32 | Mem): this;
  cmovnae(dst: Gp64, src: Gp64 | Mem): this;
  cmovnae(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[106] ?? memo(106), a, b, c, d, e);
  }
  /** CMOVAE (CMOV) */
  cmovae(dst: Gp16, src: Gp16 | Mem): this;
  cmovae(dst: Gp32, src: Gp32 | Mem): this;
  cmovae(dst: Gp64, src: Gp64 | Mem): this;
  cmovae(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[107] ?? memo(107), a, b, c, d, e);
  }
  /** CMOVNB (CMOV) */
  cmovnb(dst: Gp16, src: Gp16 | Mem): this;
  cmovnb(dst: Gp32, src: Gp32 | Mem): this;
  cmovnb(dst: Gp64, src: Gp64 | Mem): this;
  cmovnb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[108] ?? memo(108), a, b, c, d, e);
  }
  /** CMOVNC (CMOV) */
  cmovnc(dst: Gp16, src: Gp16 | Mem): this;
  cmovnc(dst: Gp32, src: Gp32 | Mem): this;
  cmovnc(dst: Gp64, src: Gp64 | Mem): this;
  cmovnc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[109] ?? memo(109), a, b, c, d, e);
  }
  /** CMOVE (CMOV) */
  cmove(dst: Gp16, src: Gp16 | Mem): this;
  cmove(dst: Gp32, src: Gp32 | Mem): this;
  cmove(dst: Gp64, src: Gp64 | Mem): this;
  cmove(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[110] ?? memo(110), a, b, c, d, e);
  }
  /** CMOVZ (CMOV) */
  cmovz(dst: Gp16, src: Gp16 | Mem): this;
  cmovz(dst: Gp32, src: Gp32 | Mem): this;
  cmovz(dst: Gp64, src: Gp64 | Mem): this;
  cmovz(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[111] ?? memo(111), a, b, c, d, e);
  }
  /** CMOVNE (CMOV) */
  cmovne(dst: Gp16, src: Gp16 | Mem): this;
  cmovne(dst: Gp32, src: Gp32 | Mem): this;
  cmovne(dst: Gp64, src: Gp64 | Mem): this;
  cmovne(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[112] ?? memo(112), a, b, c, d, e);
  }
  /** CMOVNZ (CMOV) */
  cmovnz(dst: Gp16, src: Gp16 | Mem): this;
  cmovnz(dst: Gp32, src: Gp32 | Mem): this;
  cmovnz(dst: Gp64, src: Gp64 | Mem): this;
  cmovnz(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[113] ?? memo(113), a, b, c, d, e);
  }
  /** CMOVBE (CMOV) */
  cmovbe(dst: Gp16, src: Gp16 | Mem): this;
  cmovbe(dst: Gp32, src: Gp32 | Mem): this;
  cmovbe(dst: Gp64, src: Gp64 | Mem): this;
  cmovbe(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[114] ?? memo(114), a, b, c, d, e);
  }
  /** CMOVNA (CMOV) */
  cmovna(dst: Gp16, src: Gp16 | Mem): this;
  cmovna(dst: Gp32, src: Gp32 | Mem): this;
  cmovna(dst: Gp64, src: Gp64 | Mem): this;
  cmovna(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[115] ?? memo(115), a, b, c, d, e);
  }
  /** CMOVA (CMOV) */
  cmova(dst: Gp16, src: Gp16 | Mem): this;
  cmova(dst: Gp32, src: Gp32 | Mem): this;
  cmova(dst: Gp64, src: Gp64 | Mem): this;
  cmova(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[116] ?? memo(116), a, b, c, d, e);
  }
  /** CMOVNBE (CMOV) */
  cmovnbe(dst: Gp16, src: Gp16 | Mem): this;
  cmovnbe(dst: Gp32, src: Gp32 | Mem): this;
  cmovnbe(dst: Gp64, src: Gp64 | Mem): this;
  cmovnbe(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[117] ?? memo(117), a, b, c, d, e);
  }
  /** CMOVS (CMOV) */
  cmovs(dst: Gp16, src: Gp16 | Mem): this;
  cmovs(dst: Gp32, src: Gp32 | Mem): this;
  cmovs(dst: Gp64, src: Gp64 | Mem): this;
  cmovs(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[118] ?? memo(118), a, b, c, d, e);
  }
  /** CMOVNS (CMOV) */
  cmovns(dst: Gp16, src: Gp16 | Mem): this;
  cmovns(dst: Gp32, src: Gp32 | Mem): this;
  cmovns(dst: Gp64, src: Gp64 | Mem): this;
  cmovns(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[119] ?? memo(119), a, b, c, d, e);
  }
  /** CMOVP (CMOV) */
  cmovp(dst: Gp16, src: Gp16 | Mem): this;
  cmovp(dst: Gp32, src: Gp32 | Mem): this;
  cmovp(dst: Gp64, src: Gp64 | Mem): this;
  cmovp(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[120] ?? memo(120), a, b, c, d, e);
  }
  /** CMOVPE (CMOV) */
  cmovpe(dst: Gp16, src: Gp16 | Mem): this;
  cmovpe(dst: Gp32, src: Gp32 | Mem): this;
  cmovpe(dst: Gp64, src: Gp64 | Mem): this;
  cmovpe(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[121] ?? memo(121), a, b, c, d, e);
  }
  /** CMOVNP (CMOV) */
  cmovnp(dst: Gp16, src: Gp16 | Mem): this;
  cmovnp(dst: Gp32, src: Gp32 | Mem): this;
  cmovnp(dst: Gp64, src: Gp64 | Mem): this;
  cmovnp(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[122] ?? memo(122), a, b, c, d, e);
  }
  /** CMOVPO (CMOV) */
  cmovpo(dst: Gp16, src: Gp16 | Mem): this;
  cmovpo(dst: Gp32, src: Gp32 | Mem): this;
  cmovpo(dst: Gp64, src: Gp64 | Mem): this;
  cmovpo(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[123] ?? memo(123), a, b, c, d, e);
  }
  /** CMOVL (CMOV) */
  cmovl(dst: Gp16, src: Gp16 | Mem): this;
  cmovl(dst: Gp32, src: Gp32 | Mem): this;
  cmovl(dst: Gp64, src: Gp64 | Mem): this;
  cmovl(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[124] ?? memo(124), a, b, c, d, e);
  }
  /** CMOVNGE (CMOV) */
  cmovnge(dst: Gp16, src: Gp16 | Mem): this;
  cmovnge(dst: Gp32, src: Gp32 | Mem): this;
  cmovnge(dst: Gp64, src: Gp64 | Mem): this;
  cmovnge(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[125] ?? memo(125), a, b, c, d, e);
  }
  /** CMOVGE (CMOV) */
  cmovge(dst: Gp16, src: Gp16 | Mem): this;
  cmovge(dst: Gp32, src: Gp32 | Mem): this;
  cmovge(dst: Gp64, src: Gp64 | Mem): this;
  cmovge(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[126] ?? memo(126), a, b, c, d, e);
  }
  /** CMOVNL (CMOV) */
  cmovnl(dst: Gp16, src: Gp16 | Mem): this;
  cmovnl(dst: Gp32, src: Gp32 | Mem): this;
  cmovnl(dst: Gp64, src: Gp64 | Mem): this;
  cmovnl(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[127] ?? memo(127), a, b, c, d, e);
  }
  /** CMOVLE (CMOV) */
  cmovle(dst: Gp16, src: Gp16 | Mem): this;
  cmovle(dst: Gp32, src: Gp32 | Mem): this;
  cmovle(dst: Gp64, src: Gp64 | Mem): this;
  cmovle(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[128] ?? memo(128), a, b, c, d, e);
  }
  /** CMOVNG (CMOV) */
  cmovng(dst: Gp16, src: Gp16 | Mem): this;
  cmovng(dst: Gp32, src: Gp32 | Mem): this;
  cmovng(dst: Gp64, src: Gp64 | Mem): this;
  cmovng(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[129] ?? memo(129), a, b, c, d, e);
  }
  /** CMOVG (CMOV) */
  cmovg(dst: Gp16, src: Gp16 | Mem): this;
  cmovg(dst: Gp32, src: Gp32 | Mem): this;
  cmovg(dst: Gp64, src: Gp64 | Mem): this;
  cmovg(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[130] ?? memo(130), a, b, c, d, e);
  }
  /** CMOVNLE (CMOV) */
  cmovnle(dst: Gp16, src: Gp16 | Mem): this;
  cmovnle(dst: Gp32, src: Gp32 | Mem): this;
  cmovnle(dst: Gp64, src: Gp64 | Mem): this;
  cmovnle(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[131] ?? memo(131), a, b, c, d, e);
  }
  /** BT (X64) */
  bt(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  bt(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  bt(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  bt(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[132] ?? memo(132), a, b, c, d, e);
  }
  /** BTS (X64) */
  bts(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  bts(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  bts(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  bts(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[133] ?? memo(133), a, b, c, d, e);
  }
  /** BTR (X64) */
  btr(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  btr(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  btr(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  btr(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[134] ?? memo(134), a, b, c, d, e);
  }
  /** BTC (X64) */
  btc(dst: Gp16 | Mem, src: Gp16 | Imm): this;
  btc(dst: Gp32 | Mem, src: Gp32 | Imm): this;
  btc(dst: Gp64 | Mem, src: Gp64 | Imm): this;
  btc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[135] ?? memo(135), a, b, c, d, e);
  }
  /** BSF (X64) */
  bsf(dst: Gp16, src: Gp16 | Mem): this;
  bsf(dst: Gp32, src: Gp32 | Mem): this;
  bsf(dst: Gp64, src: Gp64 | Mem): this;
  bsf(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[136] ?? memo(136), a, b, c, d, e);
  }
  /** BSR (X64) */
  bsr(dst: Gp16, src: Gp16 | Mem): this;
  bsr(dst: Gp32, src: Gp32 | Mem): this;
  bsr(dst: Gp64, src: Gp64 | Mem): this;
  bsr(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[137] ?? memo(137), a, b, c, d, e);
  }
  /** LZCNT (LZCNT) */
  lzcnt(dst: Gp16, src: Gp16 | Mem): this;
  lzcnt(dst: Gp32, src: Gp32 | Mem): this;
  lzcnt(dst: Gp64, src: Gp64 | Mem): this;
  lzcnt(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[138] ?? memo(138), a, b, c, d, e);
  }
  /** TZCNT (BMI1) */
  tzcnt(dst: Gp16, src: Gp16 | Mem): this;
  tzcnt(dst: Gp32, src: Gp32 | Mem): this;
  tzcnt(dst: Gp64, src: Gp64 | Mem): this;
  tzcnt(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[139] ?? memo(139), a, b, c, d, e);
  }
  /** POPCNT (POPCNT) */
  popcnt(dst: Gp16, src: Gp16 | Mem): this;
  popcnt(dst: Gp32, src: Gp32 | Mem): this;
  popcnt(dst: Gp64, src: Gp64 | Mem): this;
  popcnt(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[140] ?? memo(140), a, b, c, d, e);
  }
  /** XADD (X64) */
  xadd(dst: Gp16 | Mem, src: Gp16): this;
  xadd(dst: Gp32 | Mem, src: Gp32): this;
  xadd(dst: Gp64 | Mem, src: Gp64): this;
  xadd(dst: Gp8 | Mem, src: Gp8): this;
  xadd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[141] ?? memo(141), a, b, c, d, e);
  }
  /** CMPXCHG (X64) */
  cmpxchg(dst: Gp16 | Mem, src: Gp16): this;
  cmpxchg(dst: Gp32 | Mem, src: Gp32): this;
  cmpxchg(dst: Gp64 | Mem, src: Gp64): this;
  cmpxchg(dst: Gp8 | Mem, src: Gp8): this;
  cmpxchg(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[142] ?? memo(142), a, b, c, d, e);
  }
  /** BSWAP (X64) */
  bswap(op: Gp32 | Gp64): this;
  bswap(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[143] ?? memo(143), a, b, c, d, e);
  }
  /** CBW (X64) */
  cbw(): this;
  cbw(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[144] ?? memo(144), a, b, c, d, e);
  }
  /** CWDE (X64) */
  cwde(): this;
  cwde(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[145] ?? memo(145), a, b, c, d, e);
  }
  /** CDQE (X64) */
  cdqe(): this;
  cdqe(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[146] ?? memo(146), a, b, c, d, e);
  }
  /** CWD (X64) */
  cwd(): this;
  cwd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[147] ?? memo(147), a, b, c, d, e);
  }
  /** CDQ (X64) */
  cdq(): this;
  cdq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[148] ?? memo(148), a, b, c, d, e);
  }
  /** CQO (X64) */
  cqo(): this;
  cqo(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[149] ?? memo(149), a, b, c, d, e);
  }
  /** NOP (X64) */
  nop(): this;
  nop(op: Gp16 | Gp32 | Gp64 | Mem): this;
  nop(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[150] ?? memo(150), a, b, c, d, e);
  }
  /** INT3 (X64) */
  int3(): this;
  int3(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[151] ?? memo(151), a, b, c, d, e);
  }
  /** UD2 (X64) */
  ud2(): this;
  ud2(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[152] ?? memo(152), a, b, c, d, e);
  }
  /** PAUSE (X64) */
  pause(): this;
  pause(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[153] ?? memo(153), a, b, c, d, e);
  }
  /** SYSCALL (X64) */
  syscall(): this;
  syscall(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[154] ?? memo(154), a, b, c, d, e);
  }
  /** CPUID (X64) */
  cpuid(): this;
  cpuid(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[155] ?? memo(155), a, b, c, d, e);
  }
  /** RDTSC (X64) */
  rdtsc(): this;
  rdtsc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[156] ?? memo(156), a, b, c, d, e);
  }
  /** RDTSCP (RDTSCP) */
  rdtscp(): this;
  rdtscp(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[157] ?? memo(157), a, b, c, d, e);
  }
  /** MFENCE (SSE2) */
  mfence(): this;
  mfence(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[158] ?? memo(158), a, b, c, d, e);
  }
  /** LFENCE (SSE2) */
  lfence(): this;
  lfence(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[159] ?? memo(159), a, b, c, d, e);
  }
  /** SFENCE (SSE) */
  sfence(): this;
  sfence(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[160] ?? memo(160), a, b, c, d, e);
  }
  /** HLT (X64) */
  hlt(): this;
  hlt(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[161] ?? memo(161), a, b, c, d, e);
  }
  /** CLC (X64) */
  clc(): this;
  clc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[162] ?? memo(162), a, b, c, d, e);
  }
  /** STC (X64) */
  stc(): this;
  stc(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[163] ?? memo(163), a, b, c, d, e);
  }
  /** CLD (X64) */
  cld(): this;
  cld(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[164] ?? memo(164), a, b, c, d, e);
  }
  /** STD (X64) */
  std(): this;
  std(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[165] ?? memo(165), a, b, c, d, e);
  }
  /** MOVSB (X64) */
  movsb(): this;
  movsb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[166] ?? memo(166), a, b, c, d, e);
  }
  /** MOVSW (X64) */
  movsw(): this;
  movsw(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[167] ?? memo(167), a, b, c, d, e);
  }
  /** MOVSQ (X64) */
  movsq(): this;
  movsq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[168] ?? memo(168), a, b, c, d, e);
  }
  /** STOSB (X64) */
  stosb(): this;
  stosb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[169] ?? memo(169), a, b, c, d, e);
  }
  /** STOSW (X64) */
  stosw(): this;
  stosw(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[170] ?? memo(170), a, b, c, d, e);
  }
  /** STOSD (X64) */
  stosd(): this;
  stosd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[171] ?? memo(171), a, b, c, d, e);
  }
  /** STOSQ (X64) */
  stosq(): this;
  stosq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[172] ?? memo(172), a, b, c, d, e);
  }
  /** LODSB (X64) */
  lodsb(): this;
  lodsb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[173] ?? memo(173), a, b, c, d, e);
  }
  /** LODSQ (X64) */
  lodsq(): this;
  lodsq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[174] ?? memo(174), a, b, c, d, e);
  }
  /** CMPSB (X64) */
  cmpsb(): this;
  cmpsb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[175] ?? memo(175), a, b, c, d, e);
  }
  /** SCASB (X64) */
  scasb(): this;
  scasb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[176] ?? memo(176), a, b, c, d, e);
  }
  /** INT (X64) */
  int(op: Imm): this;
  int(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[177] ?? memo(177), a, b, c, d, e);
  }
  /** MOVSD (X64, SSE2) */
  movsd(): this;
  movsd(dst: Xmm, src: Xmm | Mem): this;
  movsd(dst: Xmm | Mem, src: Xmm): this;
  movsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[178] ?? memo(178), a, b, c, d, e);
  }
  /** PREFETCHNTA (SSE) */
  prefetchnta(op: Mem): this;
  prefetchnta(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[179] ?? memo(179), a, b, c, d, e);
  }
  /** PREFETCHT0 (SSE) */
  prefetcht0(op: Mem): this;
  prefetcht0(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[180] ?? memo(180), a, b, c, d, e);
  }
  /** PREFETCHT1 (SSE) */
  prefetcht1(op: Mem): this;
  prefetcht1(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[181] ?? memo(181), a, b, c, d, e);
  }
  /** PREFETCHT2 (SSE) */
  prefetcht2(op: Mem): this;
  prefetcht2(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[182] ?? memo(182), a, b, c, d, e);
  }
  /** PREFETCHW (PREFETCHW) */
  prefetchw(op: Mem): this;
  prefetchw(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[183] ?? memo(183), a, b, c, d, e);
  }
  /** MOVSS (SSE) */
  movss(dst: Xmm, src: Xmm | Mem): this;
  movss(dst: Xmm | Mem, src: Xmm): this;
  movss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[184] ?? memo(184), a, b, c, d, e);
  }
  /** MOVAPD (SSE2) */
  movapd(dst: Xmm, src: Xmm | Mem): this;
  movapd(dst: Xmm | Mem, src: Xmm): this;
  movapd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[185] ?? memo(185), a, b, c, d, e);
  }
  /** MOVUPD (SSE2) */
  movupd(dst: Xmm, src: Xmm | Mem): this;
  movupd(dst: Xmm | Mem, src: Xmm): this;
  movupd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[186] ?? memo(186), a, b, c, d, e);
  }
  /** MOVAPS (SSE) */
  movaps(dst: Xmm, src: Xmm | Mem): this;
  movaps(dst: Xmm | Mem, src: Xmm): this;
  movaps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[187] ?? memo(187), a, b, c, d, e);
  }
  /** MOVUPS (SSE) */
  movups(dst: Xmm, src: Xmm | Mem): this;
  movups(dst: Xmm | Mem, src: Xmm): this;
  movups(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[188] ?? memo(188), a, b, c, d, e);
  }
  /** MOVDQA (SSE2) */
  movdqa(dst: Xmm, src: Xmm | Mem): this;
  movdqa(dst: Xmm | Mem, src: Xmm): this;
  movdqa(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[189] ?? memo(189), a, b, c, d, e);
  }
  /** MOVDQU (SSE2) */
  movdqu(dst: Xmm, src: Xmm | Mem): this;
  movdqu(dst: Xmm | Mem, src: Xmm): this;
  movdqu(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[190] ?? memo(190), a, b, c, d, e);
  }
  /** MOVD (SSE2) */
  movd(dst: Xmm, src: Gp32 | Gp64 | Mem): this;
  movd(dst: Gp32 | Gp64 | Mem, src: Xmm): this;
  movd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[191] ?? memo(191), a, b, c, d, e);
  }
  /** MOVQ (SSE2) */
  movq(dst: Xmm, src: Gp64 | Xmm | Mem): this;
  movq(dst: Gp64 | Xmm | Mem, src: Xmm): this;
  movq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[192] ?? memo(192), a, b, c, d, e);
  }
  /** ADDSD (SSE2) */
  addsd(dst: Xmm, src: Xmm | Mem): this;
  addsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[193] ?? memo(193), a, b, c, d, e);
  }
  /** ADDSS (SSE) */
  addss(dst: Xmm, src: Xmm | Mem): this;
  addss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[194] ?? memo(194), a, b, c, d, e);
  }
  /** ADDPD (SSE2) */
  addpd(dst: Xmm, src: Xmm | Mem): this;
  addpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[195] ?? memo(195), a, b, c, d, e);
  }
  /** ADDPS (SSE) */
  addps(dst: Xmm, src: Xmm | Mem): this;
  addps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[196] ?? memo(196), a, b, c, d, e);
  }
  /** MULSD (SSE2) */
  mulsd(dst: Xmm, src: Xmm | Mem): this;
  mulsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[197] ?? memo(197), a, b, c, d, e);
  }
  /** MULSS (SSE) */
  mulss(dst: Xmm, src: Xmm | Mem): this;
  mulss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[198] ?? memo(198), a, b, c, d, e);
  }
  /** MULPD (SSE2) */
  mulpd(dst: Xmm, src: Xmm | Mem): this;
  mulpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[199] ?? memo(199), a, b, c, d, e);
  }
  /** MULPS (SSE) */
  mulps(dst: Xmm, src: Xmm | Mem): this;
  mulps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[200] ?? memo(200), a, b, c, d, e);
  }
  /** SUBSD (SSE2) */
  subsd(dst: Xmm, src: Xmm | Mem): this;
  subsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[201] ?? memo(201), a, b, c, d, e);
  }
  /** SUBSS (SSE) */
  subss(dst: Xmm, src: Xmm | Mem): this;
  subss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[202] ?? memo(202), a, b, c, d, e);
  }
  /** SUBPD (SSE2) */
  subpd(dst: Xmm, src: Xmm | Mem): this;
  subpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[203] ?? memo(203), a, b, c, d, e);
  }
  /** SUBPS (SSE) */
  subps(dst: Xmm, src: Xmm | Mem): this;
  subps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[204] ?? memo(204), a, b, c, d, e);
  }
  /** MINSD (SSE2) */
  minsd(dst: Xmm, src: Xmm | Mem): this;
  minsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[205] ?? memo(205), a, b, c, d, e);
  }
  /** MINSS (SSE) */
  minss(dst: Xmm, src: Xmm | Mem): this;
  minss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[206] ?? memo(206), a, b, c, d, e);
  }
  /** MINPD (SSE2) */
  minpd(dst: Xmm, src: Xmm | Mem): this;
  minpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[207] ?? memo(207), a, b, c, d, e);
  }
  /** MINPS (SSE) */
  minps(dst: Xmm, src: Xmm | Mem): this;
  minps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[208] ?? memo(208), a, b, c, d, e);
  }
  /** DIVSD (SSE2) */
  divsd(dst: Xmm, src: Xmm | Mem): this;
  divsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[209] ?? memo(209), a, b, c, d, e);
  }
  /** DIVSS (SSE) */
  divss(dst: Xmm, src: Xmm | Mem): this;
  divss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[210] ?? memo(210), a, b, c, d, e);
  }
  /** DIVPD (SSE2) */
  divpd(dst: Xmm, src: Xmm | Mem): this;
  divpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[211] ?? memo(211), a, b, c, d, e);
  }
  /** DIVPS (SSE) */
  divps(dst: Xmm, src: Xmm | Mem): this;
  divps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[212] ?? memo(212), a, b, c, d, e);
  }
  /** MAXSD (SSE2) */
  maxsd(dst: Xmm, src: Xmm | Mem): this;
  maxsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[213] ?? memo(213), a, b, c, d, e);
  }
  /** MAXSS (SSE) */
  maxss(dst: Xmm, src: Xmm | Mem): this;
  maxss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[214] ?? memo(214), a, b, c, d, e);
  }
  /** MAXPD (SSE2) */
  maxpd(dst: Xmm, src: Xmm | Mem): this;
  maxpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[215] ?? memo(215), a, b, c, d, e);
  }
  /** MAXPS (SSE) */
  maxps(dst: Xmm, src: Xmm | Mem): this;
  maxps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[216] ?? memo(216), a, b, c, d, e);
  }
  /** SQRTSD (SSE2) */
  sqrtsd(dst: Xmm, src: Xmm | Mem): this;
  sqrtsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[217] ?? memo(217), a, b, c, d, e);
  }
  /** SQRTSS (SSE) */
  sqrtss(dst: Xmm, src: Xmm | Mem): this;
  sqrtss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[218] ?? memo(218), a, b, c, d, e);
  }
  /** SQRTPD (SSE2) */
  sqrtpd(dst: Xmm, src: Xmm | Mem): this;
  sqrtpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[219] ?? memo(219), a, b, c, d, e);
  }
  /** SQRTPS (SSE) */
  sqrtps(dst: Xmm, src: Xmm | Mem): this;
  sqrtps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[220] ?? memo(220), a, b, c, d, e);
  }
  /** ANDPD (SSE2) */
  andpd(dst: Xmm, src: Xmm | Mem): this;
  andpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[221] ?? memo(221), a, b, c, d, e);
  }
  /** ANDPS (SSE) */
  andps(dst: Xmm, src: Xmm | Mem): this;
  andps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[222] ?? memo(222), a, b, c, d, e);
  }
  /** ANDNPD (SSE2) */
  andnpd(dst: Xmm, src: Xmm | Mem): this;
  andnpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[223] ?? memo(223), a, b, c, d, e);
  }
  /** ANDNPS (SSE) */
  andnps(dst: Xmm, src: Xmm | Mem): this;
  andnps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[224] ?? memo(224), a, b, c, d, e);
  }
  /** ORPD (SSE2) */
  orpd(dst: Xmm, src: Xmm | Mem): this;
  orpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[225] ?? memo(225), a, b, c, d, e);
  }
  /** ORPS (SSE) */
  orps(dst: Xmm, src: Xmm | Mem): this;
  orps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[226] ?? memo(226), a, b, c, d, e);
  }
  /** XORPD (SSE2) */
  xorpd(dst: Xmm, src: Xmm | Mem): this;
  xorpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[227] ?? memo(227), a, b, c, d, e);
  }
  /** XORPS (SSE) */
  xorps(dst: Xmm, src: Xmm | Mem): this;
  xorps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[228] ?? memo(228), a, b, c, d, e);
  }
  /** PXOR (SSE2) */
  pxor(dst: Xmm, src: Xmm | Mem): this;
  pxor(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[229] ?? memo(229), a, b, c, d, e);
  }
  /** PAND (SSE2) */
  pand(dst: Xmm, src: Xmm | Mem): this;
  pand(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[230] ?? memo(230), a, b, c, d, e);
  }
  /** POR (SSE2) */
  por(dst: Xmm, src: Xmm | Mem): this;
  por(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[231] ?? memo(231), a, b, c, d, e);
  }
  /** PADDQ (SSE2) */
  paddq(dst: Xmm, src: Xmm | Mem): this;
  paddq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[232] ?? memo(232), a, b, c, d, e);
  }
  /** PSUBQ (SSE2) */
  psubq(dst: Xmm, src: Xmm | Mem): this;
  psubq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[233] ?? memo(233), a, b, c, d, e);
  }
  /** UCOMISD (SSE2) */
  ucomisd(dst: Xmm, src: Xmm | Mem): this;
  ucomisd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[234] ?? memo(234), a, b, c, d, e);
  }
  /** COMISD (SSE2) */
  comisd(dst: Xmm, src: Xmm | Mem): this;
  comisd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[235] ?? memo(235), a, b, c, d, e);
  }
  /** UCOMISS (SSE) */
  ucomiss(dst: Xmm, src: Xmm | Mem): this;
  ucomiss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[236] ?? memo(236), a, b, c, d, e);
  }
  /** COMISS (SSE) */
  comiss(dst: Xmm, src: Xmm | Mem): this;
  comiss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[237] ?? memo(237), a, b, c, d, e);
  }
  /** CVTSI2SD (SSE2) */
  cvtsi2sd(dst: Xmm, src: Gp32 | Gp64 | Mem): this;
  cvtsi2sd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[238] ?? memo(238), a, b, c, d, e);
  }
  /** CVTSI2SS (SSE) */
  cvtsi2ss(dst: Xmm, src: Gp32 | Gp64 | Mem): this;
  cvtsi2ss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[239] ?? memo(239), a, b, c, d, e);
  }
  /** CVTTSD2SI (SSE2) */
  cvttsd2si(dst: Gp32 | Gp64, src: Xmm | Mem): this;
  cvttsd2si(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[240] ?? memo(240), a, b, c, d, e);
  }
  /** CVTSD2SI (SSE2) */
  cvtsd2si(dst: Gp32 | Gp64, src: Xmm | Mem): this;
  cvtsd2si(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[241] ?? memo(241), a, b, c, d, e);
  }
  /** CVTSD2SS (SSE2) */
  cvtsd2ss(dst: Xmm, src: Xmm | Mem): this;
  cvtsd2ss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[242] ?? memo(242), a, b, c, d, e);
  }
  /** CVTSS2SD (SSE2) */
  cvtss2sd(dst: Xmm, src: Xmm | Mem): this;
  cvtss2sd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[243] ?? memo(243), a, b, c, d, e);
  }
  /** UNPCKLPD (SSE2) */
  unpcklpd(dst: Xmm, src: Xmm | Mem): this;
  unpcklpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[244] ?? memo(244), a, b, c, d, e);
  }
  /** UNPCKHPD (SSE2) */
  unpckhpd(dst: Xmm, src: Xmm | Mem): this;
  unpckhpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[245] ?? memo(245), a, b, c, d, e);
  }
  /** SHUFPD (SSE2) */
  shufpd(dst: Xmm, src: Xmm | Mem, imm: Imm): this;
  shufpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[246] ?? memo(246), a, b, c, d, e);
  }
  /** MOVMSKPD (SSE2) */
  movmskpd(dst: Gp32, src: Xmm): this;
  movmskpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[247] ?? memo(247), a, b, c, d, e);
  }
  /** ROUNDSD (SSE4_1) */
  roundsd(dst: Xmm, src: Xmm | Mem, imm: Imm): this;
  roundsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[248] ?? memo(248), a, b, c, d, e);
  }
  /** VMOVUPD (AVX, AVX512F, AVX512VL) */
  vmovupd(dst: Xmm, src: Xmm | Mem): this;
  vmovupd(dst: Xmm | Mem, src: Xmm): this;
  vmovupd(dst: Ymm, src: Ymm | Mem): this;
  vmovupd(dst: Ymm | Mem, src: Ymm): this;
  vmovupd(dst: Zmm, src: Zmm | Mem): this;
  vmovupd(dst: Zmm | Mem, src: Zmm): this;
  vmovupd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[249] ?? memo(249), a, b, c, d, e);
  }
  /** VMOVAPD (AVX, AVX512F, AVX512VL) */
  vmovapd(dst: Xmm, src: Xmm | Mem): this;
  vmovapd(dst: Xmm | Mem, src: Xmm): this;
  vmovapd(dst: Ymm, src: Ymm | Mem): this;
  vmovapd(dst: Ymm | Mem, src: Ymm): this;
  vmovapd(dst: Zmm, src: Zmm | Mem): this;
  vmovapd(dst: Zmm | Mem, src: Zmm): this;
  vmovapd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[250] ?? memo(250), a, b, c, d, e);
  }
  /** VMOVUPS (AVX, AVX512F, AVX512VL) */
  vmovups(dst: Xmm, src: Xmm | Mem): this;
  vmovups(dst: Xmm | Mem, src: Xmm): this;
  vmovups(dst: Ymm, src: Ymm | Mem): this;
  vmovups(dst: Ymm | Mem, src: Ymm): this;
  vmovups(dst: Zmm, src: Zmm | Mem): this;
  vmovups(dst: Zmm | Mem, src: Zmm): this;
  vmovups(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[251] ?? memo(251), a, b, c, d, e);
  }
  /** VMOVAPS (AVX, AVX512F, AVX512VL) */
  vmovaps(dst: Xmm, src: Xmm | Mem): this;
  vmovaps(dst: Xmm | Mem, src: Xmm): this;
  vmovaps(dst: Ymm, src: Ymm | Mem): this;
  vmovaps(dst: Ymm | Mem, src: Ymm): this;
  vmovaps(dst: Zmm, src: Zmm | Mem): this;
  vmovaps(dst: Zmm | Mem, src: Zmm): this;
  vmovaps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[252] ?? memo(252), a, b, c, d, e);
  }
  /** VMOVSD (AVX) */
  vmovsd(dst: Xmm, src: Mem): this;
  vmovsd(dst: Mem, src: Xmm): this;
  vmovsd(dst: Xmm, a: Xmm, b: Xmm): this;
  vmovsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[253] ?? memo(253), a, b, c, d, e);
  }
  /** VMOVSS (AVX) */
  vmovss(dst: Xmm, src: Mem): this;
  vmovss(dst: Mem, src: Xmm): this;
  vmovss(dst: Xmm, a: Xmm, b: Xmm): this;
  vmovss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[254] ?? memo(254), a, b, c, d, e);
  }
  /** VADDPD (AVX, AVX512F, AVX512VL) */
  vaddpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vaddpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vaddpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vaddpd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vaddpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[255] ?? memo(255), a, b, c, d, e);
  }
  /** VADDSD (AVX, AVX512F) */
  vaddsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vaddsd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  vaddsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[256] ?? memo(256), a, b, c, d, e);
  }
  /** VMULPD (AVX, AVX512F, AVX512VL) */
  vmulpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmulpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vmulpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vmulpd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vmulpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[257] ?? memo(257), a, b, c, d, e);
  }
  /** VMULSD (AVX, AVX512F) */
  vmulsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmulsd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  vmulsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[258] ?? memo(258), a, b, c, d, e);
  }
  /** VSUBPD (AVX, AVX512F, AVX512VL) */
  vsubpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vsubpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vsubpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vsubpd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vsubpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[259] ?? memo(259), a, b, c, d, e);
  }
  /** VSUBSD (AVX, AVX512F) */
  vsubsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vsubsd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  vsubsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[260] ?? memo(260), a, b, c, d, e);
  }
  /** VMINPD (AVX, AVX512F, AVX512VL) */
  vminpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vminpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vminpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vminpd(dst: Zmm, a: Zmm, b: Zmm, rc: Sae): this;
  vminpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[261] ?? memo(261), a, b, c, d, e);
  }
  /** VMINSD (AVX, AVX512F) */
  vminsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vminsd(dst: Xmm, a: Xmm, b: Xmm, rc: Sae): this;
  vminsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[262] ?? memo(262), a, b, c, d, e);
  }
  /** VDIVPD (AVX, AVX512F, AVX512VL) */
  vdivpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vdivpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vdivpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vdivpd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vdivpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[263] ?? memo(263), a, b, c, d, e);
  }
  /** VDIVSD (AVX, AVX512F) */
  vdivsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vdivsd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  vdivsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[264] ?? memo(264), a, b, c, d, e);
  }
  /** VMAXPD (AVX, AVX512F, AVX512VL) */
  vmaxpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmaxpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vmaxpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vmaxpd(dst: Zmm, a: Zmm, b: Zmm, rc: Sae): this;
  vmaxpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[265] ?? memo(265), a, b, c, d, e);
  }
  /** VMAXSD (AVX, AVX512F) */
  vmaxsd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmaxsd(dst: Xmm, a: Xmm, b: Xmm, rc: Sae): this;
  vmaxsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[266] ?? memo(266), a, b, c, d, e);
  }
  /** VANDPD (AVX, AVX512DQ, AVX512VL) */
  vandpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vandpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vandpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vandpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[267] ?? memo(267), a, b, c, d, e);
  }
  /** VXORPD (AVX, AVX512DQ, AVX512VL) */
  vxorpd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vxorpd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vxorpd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vxorpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[268] ?? memo(268), a, b, c, d, e);
  }
  /** VFMADD132PD (FMA, AVX512F, AVX512VL) */
  vfmadd132pd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd132pd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd132pd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd132pd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vfmadd132pd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[269] ?? memo(269), a, b, c, d, e);
  }
  /** VFMADD213PD (FMA, AVX512F, AVX512VL) */
  vfmadd213pd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd213pd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd213pd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd213pd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vfmadd213pd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[270] ?? memo(270), a, b, c, d, e);
  }
  /** VFMADD231PD (FMA, AVX512F, AVX512VL) */
  vfmadd231pd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd231pd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd231pd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd231pd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vfmadd231pd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[271] ?? memo(271), a, b, c, d, e);
  }
  /** VFNMADD231PD (FMA, AVX512F, AVX512VL) */
  vfnmadd231pd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfnmadd231pd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfnmadd231pd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfnmadd231pd(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vfnmadd231pd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[272] ?? memo(272), a, b, c, d, e);
  }
  /** VFMADD132SD (FMA, AVX512F) */
  vfmadd132sd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd132sd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  vfmadd132sd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[273] ?? memo(273), a, b, c, d, e);
  }
  /** VFMADD213SD (FMA, AVX512F) */
  vfmadd213sd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd213sd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  vfmadd213sd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[274] ?? memo(274), a, b, c, d, e);
  }
  /** VFMADD231SD (FMA, AVX512F) */
  vfmadd231sd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd231sd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  vfmadd231sd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[275] ?? memo(275), a, b, c, d, e);
  }
  /** VFNMADD231SD (FMA, AVX512F) */
  vfnmadd231sd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfnmadd231sd(dst: Xmm, a: Xmm, b: Xmm, rc: Rounding): this;
  vfnmadd231sd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[276] ?? memo(276), a, b, c, d, e);
  }
  /** VBROADCASTSD (AVX, AVX2, AVX512F, AVX512VL) */
  vbroadcastsd(dst: Ymm | Zmm, src: Xmm | Mem): this;
  vbroadcastsd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[277] ?? memo(277), a, b, c, d, e);
  }
  /** VEXTRACTF128 (AVX) */
  vextractf128(dst: Xmm | Mem, src: Ymm, imm: Imm): this;
  vextractf128(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[278] ?? memo(278), a, b, c, d, e);
  }
  /** VINSERTF128 (AVX) */
  vinsertf128(dst: Ymm, a: Ymm, b: Xmm | Mem, imm: Imm): this;
  vinsertf128(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[279] ?? memo(279), a, b, c, d, e);
  }
  /** VPERM2F128 (AVX) */
  vperm2f128(dst: Ymm, a: Ymm, b: Ymm | Mem, imm: Imm): this;
  vperm2f128(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[280] ?? memo(280), a, b, c, d, e);
  }
  /** VPERMPD (AVX2) */
  vpermpd(dst: Ymm, src: Ymm | Mem, imm: Imm): this;
  vpermpd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[281] ?? memo(281), a, b, c, d, e);
  }
  /** VZEROUPPER (AVX) */
  vzeroupper(): this;
  vzeroupper(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[282] ?? memo(282), a, b, c, d, e);
  }
  /** VADDPS (AVX, AVX512F, AVX512VL) */
  vaddps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vaddps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vaddps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vaddps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vaddps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[283] ?? memo(283), a, b, c, d, e);
  }
  /** VMULPS (AVX, AVX512F, AVX512VL) */
  vmulps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmulps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vmulps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vmulps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vmulps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[284] ?? memo(284), a, b, c, d, e);
  }
  /** VSUBPS (AVX, AVX512F, AVX512VL) */
  vsubps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vsubps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vsubps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vsubps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vsubps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[285] ?? memo(285), a, b, c, d, e);
  }
  /** VMINPS (AVX, AVX512F, AVX512VL) */
  vminps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vminps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vminps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vminps(dst: Zmm, a: Zmm, b: Zmm, rc: Sae): this;
  vminps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[286] ?? memo(286), a, b, c, d, e);
  }
  /** VDIVPS (AVX, AVX512F, AVX512VL) */
  vdivps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vdivps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vdivps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vdivps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vdivps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[287] ?? memo(287), a, b, c, d, e);
  }
  /** VMAXPS (AVX, AVX512F, AVX512VL) */
  vmaxps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vmaxps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vmaxps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vmaxps(dst: Zmm, a: Zmm, b: Zmm, rc: Sae): this;
  vmaxps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[288] ?? memo(288), a, b, c, d, e);
  }
  /** VANDPS (AVX, AVX512DQ, AVX512VL) */
  vandps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vandps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vandps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vandps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[289] ?? memo(289), a, b, c, d, e);
  }
  /** VXORPS (AVX, AVX512DQ, AVX512VL) */
  vxorps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vxorps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vxorps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vxorps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[290] ?? memo(290), a, b, c, d, e);
  }
  /** VFMADD132PS (FMA, AVX512F, AVX512VL) */
  vfmadd132ps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd132ps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd132ps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd132ps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vfmadd132ps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[291] ?? memo(291), a, b, c, d, e);
  }
  /** VFMADD213PS (FMA, AVX512F, AVX512VL) */
  vfmadd213ps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd213ps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd213ps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd213ps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vfmadd213ps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[292] ?? memo(292), a, b, c, d, e);
  }
  /** VFMADD231PS (FMA, AVX512F, AVX512VL) */
  vfmadd231ps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfmadd231ps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfmadd231ps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfmadd231ps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vfmadd231ps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[293] ?? memo(293), a, b, c, d, e);
  }
  /** VFNMADD231PS (FMA, AVX512F, AVX512VL) */
  vfnmadd231ps(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vfnmadd231ps(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vfnmadd231ps(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vfnmadd231ps(dst: Zmm, a: Zmm, b: Zmm, rc: Rounding): this;
  vfnmadd231ps(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[294] ?? memo(294), a, b, c, d, e);
  }
  /** VBROADCASTSS (AVX, AVX2, AVX512F, AVX512VL) */
  vbroadcastss(dst: Xmm | Ymm | Zmm, src: Xmm | Mem): this;
  vbroadcastss(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[295] ?? memo(295), a, b, c, d, e);
  }
  /** VMOVDQU64 (AVX512F, AVX512VL) */
  vmovdqu64(dst: Xmm, src: Xmm | Mem): this;
  vmovdqu64(dst: Ymm, src: Ymm | Mem): this;
  vmovdqu64(dst: Zmm, src: Zmm | Mem): this;
  vmovdqu64(dst: Xmm | Mem, src: Xmm): this;
  vmovdqu64(dst: Ymm | Mem, src: Ymm): this;
  vmovdqu64(dst: Zmm | Mem, src: Zmm): this;
  vmovdqu64(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[296] ?? memo(296), a, b, c, d, e);
  }
  /** VMOVDQU32 (AVX512F, AVX512VL) */
  vmovdqu32(dst: Xmm, src: Xmm | Mem): this;
  vmovdqu32(dst: Ymm, src: Ymm | Mem): this;
  vmovdqu32(dst: Zmm, src: Zmm | Mem): this;
  vmovdqu32(dst: Xmm | Mem, src: Xmm): this;
  vmovdqu32(dst: Ymm | Mem, src: Ymm): this;
  vmovdqu32(dst: Zmm | Mem, src: Zmm): this;
  vmovdqu32(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[297] ?? memo(297), a, b, c, d, e);
  }
  /** VMOVDQA64 (AVX512F, AVX512VL) */
  vmovdqa64(dst: Xmm, src: Xmm | Mem): this;
  vmovdqa64(dst: Ymm, src: Ymm | Mem): this;
  vmovdqa64(dst: Zmm, src: Zmm | Mem): this;
  vmovdqa64(dst: Xmm | Mem, src: Xmm): this;
  vmovdqa64(dst: Ymm | Mem, src: Ymm): this;
  vmovdqa64(dst: Zmm | Mem, src: Zmm): this;
  vmovdqa64(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[298] ?? memo(298), a, b, c, d, e);
  }
  /** VMOVDQA32 (AVX512F, AVX512VL) */
  vmovdqa32(dst: Xmm, src: Xmm | Mem): this;
  vmovdqa32(dst: Ymm, src: Ymm | Mem): this;
  vmovdqa32(dst: Zmm, src: Zmm | Mem): this;
  vmovdqa32(dst: Xmm | Mem, src: Xmm): this;
  vmovdqa32(dst: Ymm | Mem, src: Ymm): this;
  vmovdqa32(dst: Zmm | Mem, src: Zmm): this;
  vmovdqa32(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[299] ?? memo(299), a, b, c, d, e);
  }
  /** VPANDD (AVX512F, AVX512VL) */
  vpandd(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vpandd(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vpandd(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vpandd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[300] ?? memo(300), a, b, c, d, e);
  }
  /** VPANDQ (AVX512F, AVX512VL) */
  vpandq(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vpandq(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vpandq(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vpandq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[301] ?? memo(301), a, b, c, d, e);
  }
  /** VPORD (AVX512F, AVX512VL) */
  vpord(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vpord(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vpord(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vpord(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[302] ?? memo(302), a, b, c, d, e);
  }
  /** VPORQ (AVX512F, AVX512VL) */
  vporq(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vporq(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vporq(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vporq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[303] ?? memo(303), a, b, c, d, e);
  }
  /** VPXORD (AVX512F, AVX512VL) */
  vpxord(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vpxord(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vpxord(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vpxord(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[304] ?? memo(304), a, b, c, d, e);
  }
  /** VPXORQ (AVX512F, AVX512VL) */
  vpxorq(dst: Xmm, a: Xmm, b: Xmm | Mem): this;
  vpxorq(dst: Ymm, a: Ymm, b: Ymm | Mem): this;
  vpxorq(dst: Zmm, a: Zmm, b: Zmm | Mem): this;
  vpxorq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[305] ?? memo(305), a, b, c, d, e);
  }
  /** KMOVB (AVX512DQ) */
  kmovb(dst: KReg, src: Gp32 | KReg | Mem): this;
  kmovb(dst: Gp32 | Mem, src: KReg): this;
  kmovb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[306] ?? memo(306), a, b, c, d, e);
  }
  /** KMOVW (AVX512F) */
  kmovw(dst: KReg, src: Gp32 | KReg | Mem): this;
  kmovw(dst: Gp32 | Mem, src: KReg): this;
  kmovw(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[307] ?? memo(307), a, b, c, d, e);
  }
  /** KMOVD (AVX512BW) */
  kmovd(dst: KReg, src: Gp32 | KReg | Mem): this;
  kmovd(dst: Gp32 | Mem, src: KReg): this;
  kmovd(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[308] ?? memo(308), a, b, c, d, e);
  }
  /** KMOVQ (AVX512BW) */
  kmovq(dst: KReg, src: Gp64 | KReg | Mem): this;
  kmovq(dst: Gp64 | Mem, src: KReg): this;
  kmovq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[309] ?? memo(309), a, b, c, d, e);
  }
  /** KXNORB (AVX512DQ) */
  kxnorb(dst: KReg, a: KReg, b: KReg): this;
  kxnorb(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[310] ?? memo(310), a, b, c, d, e);
  }
  /** KXNORW (AVX512F) */
  kxnorw(dst: KReg, a: KReg, b: KReg): this;
  kxnorw(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[311] ?? memo(311), a, b, c, d, e);
  }
  /** KXNORD (AVX512BW) */
  kxnord(dst: KReg, a: KReg, b: KReg): this;
  kxnord(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[312] ?? memo(312), a, b, c, d, e);
  }
  /** KXNORQ (AVX512BW) */
  kxnorq(dst: KReg, a: KReg, b: KReg): this;
  kxnorq(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[313] ?? memo(313), a, b, c, d, e);
  }
  /** KANDW (AVX512F) */
  kandw(dst: KReg, a: KReg, b: KReg): this;
  kandw(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[314] ?? memo(314), a, b, c, d, e);
  }
  /** KORW (AVX512F) */
  korw(dst: KReg, a: KReg, b: KReg): this;
  korw(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[315] ?? memo(315), a, b, c, d, e);
  }
  /** KXORW (AVX512F) */
  kxorw(dst: KReg, a: KReg, b: KReg): this;
  kxorw(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[316] ?? memo(316), a, b, c, d, e);
  }
  /** KNOTW (AVX512F) */
  knotw(dst: KReg, src: KReg): this;
  knotw(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[317] ?? memo(317), a, b, c, d, e);
  }
  /** KORTESTW (AVX512F) */
  kortestw(dst: KReg, src: KReg): this;
  kortestw(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {
    return this.emitOperands(MEMOS[318] ?? memo(318), a, b, c, d, e);
  }
}
