/**
 * The assembler as a builder: `AssemblerCore` plus one method per mnemonic
 * of the instruction table (`a.mov(rax, 1)`, `a.vfmadd231pd(ymm0, ymm1, ymm2)`).
 */

import { AssemblerCore } from './assembler.js';
import { type ConditionName, mnemonics } from './forms.js';
import type { Operand } from './operands.js';
import { memoFor } from './select.js';

/** Mnemonics other than the conditional families (jcc, setcc, cmovcc). */
export const BASE_MNEMONICS = [
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
  'movsd',
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
] as const;

export type { ConditionName };

export type Mnemonic =
  | (typeof BASE_MNEMONICS)[number]
  | `j${ConditionName}`
  | `set${ConditionName}`
  | `cmov${ConditionName}`;

export type MnemonicMethods = { [M in Mnemonic]: (...ops: Operand[]) => Assembler };

export interface Assembler extends MnemonicMethods {}

/** The builder. See `AssemblerCore` for labels, sections, data and `finish()`. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the mnemonic methods are installed on the prototype below
export class Assembler extends AssemblerCore {}

/**
 * The operands of a call, by count: `emitWith` reads them and keeps none
 * (fixups keep labels, not operand lists), so one array per count serves
 * every call instead of a new one each.
 */
const OPS: Operand[][] = [[], [0], [0, 0], [0, 0, 0], [0, 0, 0, 0]];

for (const m of mnemonics) {
  const memo = memoFor(m);
  Object.defineProperty(Assembler.prototype, m, {
    value: function (this: Assembler, a: Operand, b: Operand, c: Operand, d: Operand) {
      // biome-ignore lint/complexity/noArguments: the count of operands, without making an array of them
      const n = arguments.length;
      // biome-ignore lint/complexity/noArguments: more than four operands: no form takes them, the encoder says so
      if (n > 4) return this.emitWith(memo, Array.from(arguments as ArrayLike<Operand>));
      const ops = OPS[n] as Operand[];
      if (n > 0) ops[0] = a;
      if (n > 1) ops[1] = b;
      if (n > 2) ops[2] = c;
      if (n > 3) ops[3] = d;
      return this.emitWith(memo, ops);
    },
    writable: true,
    configurable: true,
  });
}
