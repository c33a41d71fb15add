/**
 * The text front end against GNU `as` 2.40: the same source assembled by
 * both must give the same bytes in every section and the same relocations.
 * Error cases check line, column and message.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Assembler, formatListing, formsByMnemonic, mnemonics, rax } from '../../src/x86/index.js';
import { AsmSyntaxError, assembleText, feedText } from '../../src/x86/text/index.js';
import { diffWithGnu } from '../support/compare.js';
import { GasError, gas } from '../support/gas.js';

const intel = (body: string) => `.intel_syntax noprefix\n${body}\n`;

function same(body: string): void {
  const diffs = diffWithGnu(intel(body));
  assert.deepEqual(diffs, [], diffs.join('\n'));
}

/** Sample operands per kind: low registers, high registers, memory. */
const SAMPLES: Record<string, string[]> = {
  r8: ['cl', 'r10b', 'sil'],
  r16: ['dx', 'r9w'],
  r32: ['esi', 'r12d'],
  r64: ['rbx', 'r13'],
  'r/m8': ['bl', 'r11b', 'byte ptr [rax+rcx*4+0x10]'],
  'r/m16': ['si', 'r14w', 'word ptr [r12]'],
  'r/m32': ['edi', 'r15d', 'dword ptr [rbp-8]'],
  'r/m64': ['rdx', 'r8', 'qword ptr [r13+r14*8+0x1234]', 'qword ptr [rip+dat]'],
  m: ['[rax+8]', '[r9+r10*2]', '[rip+dat+16]'],
  m8: ['byte ptr [rsi]'],
  m16: ['word ptr [rdi+2]'],
  m32: ['dword ptr [rsp+4]'],
  m64: ['qword ptr [rsp+8]', 'qword ptr [r9]'],
  m128: ['xmmword ptr [rax]'],
  m256: ['ymmword ptr [r10+rax]'],
  AL: ['al'],
  AX: ['ax'],
  EAX: ['eax'],
  RAX: ['rax'],
  CL: ['cl'],
  '1': ['1'],
  imm8: ['0x7f'],
  simm8: ['-3'],
  imm16: ['0x1234'],
  imm32: ['0x12345678'],
  simm32: ['-0x12345678'],
  imm64: ['0x123456789abcdef0'],
  xmm: ['xmm2', 'xmm11'],
  ymm: ['ymm3', 'ymm12'],
  'xmm/m32': ['xmm4', 'xmm13', 'dword ptr [rcx]'],
  'xmm/m64': ['xmm5', 'xmm14', 'qword ptr [rdx+8]'],
  'xmm/m128': ['xmm6', 'xmm15', 'xmmword ptr [rbx+rsi*2-0x40]'],
  'ymm/m256': ['ymm7', 'ymm8', 'ymmword ptr [r8+0x100]'],
  moffs: ['[0x1122334455667788]'],
  m512: ['zmmword ptr [r9-0x2000]'],
  zmm: ['zmm2', 'zmm27'],
  'zmm/m512': ['zmm3', 'zmm30', 'zmmword ptr [rax+0x40]'],
  k: ['k1', 'k6'],
  'k/m8': ['k2', 'byte ptr [rsi+1]'],
  'k/m16': ['k3', 'word ptr [rdi+2]'],
  'k/m32': ['k4', 'dword ptr [rbp-4]'],
  'k/m64': ['k5', 'qword ptr [r8]'],
};

/** One instruction per section for every form and sample variant, so a difference names its instruction. */
function everyForm(): { source: string; count: number } {
  const out = ['.intel_syntax noprefix', '.data', 'dat: .quad 0'];
  let n = 0;
  for (const m of mnemonics) {
    for (const f of formsByMnemonic.get(m) ?? []) {
      const rel = f.kinds[0]?.rel ?? 0;
      if (rel !== 0) {
        out.push(`.section .t${n++},"ax",@progbits`);
        if (rel === 1) out.push(`1: ${m} 1b`);
        else out.push(`${m} 1f`, '.skip 200, 0x90', '1:');
        continue;
      }
      const lists = f.kinds.map((k) => SAMPLES[k.name] ?? []);
      const variants = Math.max(1, ...lists.map((l) => l.length));
      for (let v = 0; v < variants; v++) {
        const ops = lists.map((l) => l[Math.min(v, l.length - 1)]);
        out.push(`.section .t${n++},"ax",@progbits`, `${m} ${ops.join(', ')}`);
      }
    }
  }
  return { source: `${out.join('\n')}\n`, count: n };
}

describe('every form of the instruction table', () => {
  it('assembles each form like GNU as (registers low and high, memory, immediates, branches)', () => {
    const { source, count } = everyForm();
    assert.ok(count > 1500, `only ${count} samples`);
    const diffs = diffWithGnu(source);
    assert.deepEqual(diffs, [], diffs.slice(0, 40).join('\n'));
  });
});

describe('encodings GNU as chooses differently (for forms.ts)', () => {
  it('encodes xchg rax, rax as 90', () => {
    same('xchg rax, rax');
  });
});

describe('AVX-512', () => {
  it('reads masks, zeroing, broadcasts and rounding, in either spelling', () => {
    same(`
      vaddpd zmm0, zmm1, zmm2
      vaddpd zmm0{k1}, zmm1, zmm2
      vaddpd zmm0 {k7} {z}, zmm1, zmm2
      vaddpd zmm0, zmm1, qword ptr [rax]{1to8}
      vaddpd zmm0, zmm1, qword bcst [rax]
      vaddpd zmm0, zmm1, [rax+rcx*8+8]{1to8}
      vaddps ymm17{k2}, ymm18, dword ptr [r12-4]{1to8}
      vfmadd231pd zmm3, zmm4, qword ptr [rsp+0x3f8]{1to8}
      vaddpd zmm0, zmm1, zmm2, {rn-sae}
      vaddpd zmm0, zmm1, zmm2{rd-sae}
      vmulpd zmm0{k1}{z}, zmm1, zmm2, {ru-sae}
      vsubpd zmm0, zmm1, zmm2, {rz-sae}
      vmaxpd zmm0, zmm1, zmm2, {sae}
      vaddsd xmm0{k1}, xmm1, xmm2, {rn-sae}
      vmovupd zmmword ptr [rax]{k1}, zmm0
      vmovupd zmm0{k1}{z}, [rax]
      vmovapd zmm31{k7}{z}, zmmword ptr [r15+r14*4-0x2000]
      vbroadcastsd zmm0, qword ptr [rax+8]
      vbroadcastss zmm5{k3}, xmm20
      vpxord zmm0, zmm0, zmm0
      vpxorq zmm1, zmm2, qword ptr [rax]{1to8}
      kmovw k1, word ptr [rax]
      kmovb k1, eax
      kmovq rax, k1
      kxnorw k1, k2, k3
      prefetcht0 [rax]
      prefetcht1 byte ptr [rax+64]
      prefetcht2 [rip+0x40]
    `);
  });

  it('refuses what EVEX cannot say, as GNU as does', () => {
    for (const [src, msg] of [
      ['vaddpd zmm0{k0}, zmm1, zmm2', /k0 cannot be a write mask/],
      ['vaddpd zmm0{z}, zmm1, zmm2', /needs a write mask/],
      ['vmovupd zmmword ptr [rax]{z}, zmm0', /zeroing-masking \{z\} is for a register/],
      ['vaddpd zmm0, zmm1, zmm2, {sae}', /takes no \{sae\}/],
      ['vaddpd zmm0, zmm1, [rax]{rn-sae}', /needs a register operand/],
      ['vaddpd zmm0, zmm1, qword ptr [rax]{1to4}', /no form/],
      ['vaddpd zmm0{k9}, zmm1, zmm2', /unknown decoration/],
      ['vaddpd zmm0, zmm1, zmm2, {rn-sae', /unterminated/],
    ] as const) {
      assert.throws(
        () => assembleText(`${src}\n`),
        (e: unknown) => e instanceof AsmSyntaxError && msg.test(e.reason),
        src,
      );
      assert.throws(() => gas(src), GasError, `GNU as accepts ${src}`);
    }
  });
});

describe('memory operands', () => {
  it('accepts base, index, scale and displacement in any order', () => {
    same(`
      mov rax, qword ptr [rbx + rcx*8 + 16]
      mov rax, [rcx*8 + rax]
      mov rax, [8*rcx + rax + 4]
      mov rax, [16 + rbx + rcx*8]
      mov rax, [rbx + 8*2 - 4]
      mov rax, [rbx - 8]
      mov rax, [rbx + -8]
      mov rax, [rbx + (3 << 2)]
      mov rax, [rax + rcx]
      mov rax, [rax*1 + rcx]
      mov rax, [rax + rsp]
      mov rax, [rsp]
      mov rax, [rsp + 8]
      mov rax, [rbp]
      mov rax, [r13]
      mov rax, [r12 + r13*2]
      mov rax, [rax*2]
      mov rax, [r15*4 + 0x100]
      mov rax, [0x1000]
      mov rax, [-8]
      mov rax, [rax][rcx*4]
      mov rax, 8[rax]
      mov rax, 8[rax + rcx]
      mov eax, dword ptr [rbx + 0x7f]
      mov eax, dword ptr [rbx + 0x80]
      mov eax, dword ptr [rbx - 0x80]
      mov eax, dword ptr [rbx - 0x81]
      mov eax, dword ptr [rbx + 0x7fffffff]
      mov byte ptr [rdi], 0xff
      mov word ptr [rdi], -1
      add dword ptr [rsi + rdi*2 + 3], 1000
      movzx eax, byte ptr [rsi]
      movsx rax, word ptr [rsi]
      lea rax, [rip]
      lea rax, [rip + 0x10]
      xchg eax, eax
      xchg ax, ax
      xchg eax, ecx
      xchg ecx, eax
      xchg r8, rax
      shl rax, 1
      shl rax, 2
      shl rax, cl
      test al, 1
      test bl, 1
      add ax, 0xff80
      add ax, 0x80
      add eax, 0xffffff80
      mov ah, bl
      add ah, 5
      mov ch, byte ptr [rax]
      xchg dh, bh
      movabs al, [0x1122334455667788]
      mov rax, [0x1122334455667788]`);
  });

  it('sizes unsized memory from the other operand, and push/pop/call/jmp as qword', () => {
    same(`
      mov rax, [rbx]
      mov [rbx], ecx
      add [rbx], cl
      movq xmm0, [rax]
      movd xmm1, [rax]
      addsd xmm0, [rax]
      vaddpd ymm0, ymm1, [rax]
      vextractf128 [rax], ymm1, 1
      sete [rax]
      movsxd rax, [rax]
      xchg [rax], rax
      test [rax], rax
      push [rax]
      pop [rax]
      call [rax]
      jmp [rax + 8]`);
  });

  it('handles rip-relative labels, GOTPCREL, absolute labels and segments', () => {
    same(`
      .text
      lea rax, [rip + msg]
      lea rax, [rip + msg + 8]
      lea rax, msg[rip]
      lea rax, msg+8[rip]
      mov rax, qword ptr [rip + counter]
      mov rax, qword ptr [rip + malloc@GOTPCREL]
      mov rax, puts@GOTPCREL[rip]
      call qword ptr [rip + free@GOTPCREL]
      mov rax, counter
      mov rax, [counter + 8]
      mov rax, [counter + rbx*8]
      lea rdi, [rip + ext_table]
      mov rax, qword ptr fs:[0x28]
      mov rax, fs:0x28
      mov rax, fs:[rax]
      mov eax, dword ptr gs:[rbx + 8]
      mov fs:[rax], eax
      jmp qword ptr fs:[rax]
      .data
      counter: .quad 0
      msg: .asciz "hello"`);
  });
});

describe('the common statement, read in one pass', () => {
  // Statements the front end reads in one pass (registers, plain numbers,
  // branch targets, [base + index*scale ± disp]) next to near variants it
  // leaves to the full parser, in many spellings: both must give GNU's bytes.
  it('reads every spelling of registers, numbers, labels and memory like GNU as', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)] as T;
    const g64 = ['rax', 'rcx', 'rdx', 'rbx', 'rsi', 'rdi', 'r8', 'r9', 'r12', 'r15', 'RAX', 'R11'];
    const g32 = ['eax', 'ecx', 'r10d', 'EDI'];
    const bases = ['rax', 'rbx', 'rbp', 'rsp', 'r12', 'r13', 'rip', 'R9'];
    const indexes = ['rcx', 'rsi', 'r8', 'r14', 'rbp', 'R10'];
    const num = () =>
      pick(['0', '1', '8', '16', '127', '128', '0x7f', '0X80', '0x1000', '255', '4096', '0x7fffffff', '2147483648']);
    const memory = (): string => {
      const parts: string[] = [];
      const base = pick(bases);
      if (rnd(5) > 0) parts.push(base);
      if (base !== 'rip' && rnd(2) === 0) {
        const ix = pick(indexes);
        parts.push(rnd(4) === 0 ? ix : `${ix}*${pick(['1', '2', '4', '8'])}`);
      }
      if (parts.length === 0 || rnd(2) === 0) parts.push(pick(['0', '8', '127', '128', '0x80', '0X7F', '-8', '4096']));
      // Terms in any order (GNU as adds them up), spaced or not, with - for the numbers.
      if (rnd(4) === 0) parts.reverse();
      let out = parts[0] as string;
      for (const t of parts.slice(1)) {
        const minus = t.startsWith('-') || (/^[0-9]/.test(t) && rnd(3) === 0);
        out += pick([' + ', '+', ' +', '+  ']).replace('+', minus ? '-' : '+') + t.replace('-', '');
      }
      return pick([`[${out}]`, `[ ${out} ]`, `[${out} ]`]);
    };
    const sized = (w: string) => `${pick([w, w.toUpperCase()])} ${pick(['ptr', 'PTR', 'Ptr'])} ${memory()}`;
    const lines: string[] = [];
    for (let i = 0; i < 1500; i++) {
      if (i % 25 === 0) lines.push(`.L${i / 25}:`);
      const imm = () => (rnd(3) === 0 ? `-${num()}` : num());
      const k = rnd(20);
      const sep = pick([', ', ',', ' , ', ',\t']);
      if (k < 4) lines.push(`  mov ${pick(g64)}${sep}${sized('qword')}`);
      else if (k < 6) lines.push(`  mov ${sized('qword')}${sep}${pick(g64)}`);
      else if (k < 8) lines.push(`  ${pick(['add', 'sub', 'xor', 'cmp', 'AND'])} ${pick(g64)}${sep}${pick(g64)}`);
      else if (k < 10) lines.push(`  ${pick(['add', 'or', 'adc'])} ${pick(g32)}${sep}${imm()}`);
      else if (k < 11) lines.push(`  lea ${pick(g64)}${sep}${memory()}`);
      else if (k < 12) lines.push(`  mov ${pick(g64)}${sep}${memory()}`);
      else if (k < 13) lines.push(`  add ${sized('dword')}${sep}${imm()}`);
      else if (k < 14) lines.push(`  vaddpd ymm${rnd(16)}${sep}ymm${rnd(16)}${sep}${sized('ymmword')}`);
      else if (k < 15) lines.push(`  movzx ${pick(g32)}${sep}${sized('byte')}`);
      else if (k < 17)
        lines.push(`  ${pick(['jne', 'je', 'jmp', 'call', 'JL'])} .L${Math.max(0, i / 25 - 1 + rnd(3)) | 0}`);
      else if (k < 18) lines.push(`  ${pick(['ret', 'nop', 'cqo', 'RET'])}${pick(['', ' ', '\t'])}`);
      else if (k < 19) lines.push(`  push ${pick(g64)}`);
      else lines.push(`  ${pick(['imul', 'shl'])} ${pick(g64)}${sep}${rnd(30) + 1}`);
      // Now and then what the full parser takes: comments, several statements, expressions.
      const r = rnd(40);
      if (r === 0) lines[lines.length - 1] += ' # a comment';
      else if (r === 1) lines[lines.length - 1] += '; nop';
      else if (r === 2) lines.push('  mov rax, [rbx + rsp]');
      else if (r === 3) lines.push('  mov rax, [rcx][rdx*2]');
      else if (r === 4) lines.push('  add rax, - 5');
      else if (r === 5) lines.push('  add rax, 3 + 4');
      else if (r === 6) lines.push('  mov rax, qword ptr [rbx + 2*rcx]');
      else if (r === 7) lines.push('  mov eax, dword ptr [rbx + 8 * 2]');
      else if (r === 8) lines.push('  mov rax, [rbx+010]');
    }
    lines.push(`.L${1500 / 25}: .L${1500 / 25 + 1}: .L${1500 / 25 + 2}: ret`);
    same(lines.join('\n'));
  });
});

describe('expressions and numbers', () => {
  it('follows GNU as precedence and 64-bit semantics', () => {
    same(`
      mov rax, 4 + 4 & 3
      mov rax, 1 + 2 * 3 << 1
      mov rax, -8 >> 1
      mov rax, (1 + 2) * 3
      mov rax, 7 / 2
      mov rax, -7 / 2
      mov rax, -7 % 2
      mov rax, 1 << 63
      mov rax, 5 ^ 3 | 8
      mov rax, 1 - 2 - 3
      mov rax, 2 * 3 % 4
      mov rax, ~0
      mov rax, ~0x0f & 0xff
      mov rax, !0
      mov rax, 5 !3
      mov rax, -(-5)
      mov rax, +5
      mov eax, 0xffffffff
      mov rax, 0xffffffffffffffff
      mov rax, 0x7fffffffffffffff
      mov rax, 0x8000000000000000
      mov rax, 0x80000000
      mov rax, -0x80000000`);
  });

  it('reads every number and character form', () => {
    same(`
      mov eax, 42
      mov eax, 0x2A
      mov eax, 0X2a
      mov eax, 0b101010
      mov eax, 0B11
      mov eax, 052
      mov eax, 0
      mov eax, 'a'
      mov eax, 'a
      mov eax, '\\n'
      mov eax, '\\\\'
      mov eax, '\\''
      mov eax, '#'
      mov eax, ';'
      mov eax, 'a' + 1
      .set N, 10
      .equ M, N * 2
      K = M + N
      .set N, N + 1
      mov eax, N
      mov eax, M
      mov eax, K
      mov eax, offset K
      add rax, K - 30
      mov rax, [rbx + N*8]`);
  });

  it('computes label differences in one fragment, and across jumps in data', () => {
    same(`
      .data
      msg: .ascii "hello, world\\n"
      .set len, . - msg
      len2 = . - msg
      .byte len, len2
      .quad . - msg
      .long msg - .
      .text
      mov edx, len
      mov edx, offset len
      mov edx, len2 * 2
      start:
      jmp 1f
      nop
      1: jmp start
      ret
      end:
      table:
      .long 1b - table, end - start, end - table
      .quad end - start
      1: nop
      jmp 2f
      .skip 300, 0x90
      2: ret
      .long 2b - 1b, 1b - 2b
      .data
      .long msg - .
      .quad .
      .quad . + 8`);
  });
});

describe('labels and branches', () => {
  it('supports several labels per line, .L names and numeric local labels', () => {
    same(`
      a: b: nop; c: ret
      .Lloop: dec rcx
      jnz .Lloop
      1: jmp 1b
      jmp 1f
      nop ; nop
      1: jne 1b
      2: je 2f
      1: jmp 1b
      2: loop 2b
      jrcxz 2b
      10: jmp 10b
      call a
      call .Lloop
      jmp .
      je .`);
  });

  it('relaxes jumps to rel8 or rel32 like GNU as, forward and backward', () => {
    const lines: string[] = [];
    for (let i = 0; i < 60; i++) {
      lines.push(`L${i}:`);
      lines.push(`  jmp L${(i * 7) % 60}`);
      lines.push(`  je L${(i * 13 + 5) % 60}`);
      lines.push(`  .skip ${(i * 37) % 90}, 0x90`);
      if (i % 7 === 0) lines.push('  .p2align 4');
    }
    same(lines.join('\n'));
  });

  it('puts a jump at exactly the rel8 limits in the right form', () => {
    same(`
      top:
      .skip 126, 0x90
      jmp top
      jmp top
      jmp fwd
      .skip 127, 0x90
      fwd:
      jmp fwd2
      .skip 128, 0x90
      fwd2:
      ret`);
  });

  it('turns undefined symbols into relocations against externals', () => {
    same(`
      call puts
      call puts@PLT
      jmp exit
      jne abort
      mov rax, [rip + environ]
      lea rdi, [rip + stdout + 8]
      .data
      .quad malloc
      .quad malloc + 16
      .long free`);
  });

  it('exports .globl symbols', () => {
    const { object } = assembleText(
      intel('.globl main, helper\n.global other\nmain: ret\nhelper: ret\nother: ret\nlocal: ret'),
    );
    const globals = object.symbols.filter((s) => s.global).map((s) => s.name);
    assert.deepEqual(globals.sort(), ['helper', 'main', 'other']);
    assert.ok(object.symbols.some((s) => s.name === 'local' && !s.global));
  });

  it('keeps .hidden symbols local', () => {
    const { object } = assembleText(intel('.globl f\n.hidden f\nf: ret'));
    assert.equal(object.symbols.find((s) => s.name === 'f')?.global, false);
  });
});

describe('directives', () => {
  it('emits data of every size', () => {
    same(`
      .data
      .byte 1, 2, 0xff, -1, -128, 'x', '\\n', ~1 & 0xff
      .word 0x1234, -1
      .short 5
      .hword 6
      .value 7
      .2byte 8
      .long 5, -1, 0xffffffff
      .int 7
      .4byte 9
      .quad 1, -1, 0xffffffffffffffff, 0x123456789abcdef0
      .8byte 2
      .byte
      .double 1.5, -2, 0.1
      .float 1.5
      .single -0.25`);
  });

  it('emits strings with every escape', () => {
    same(String.raw`
      .data
      .ascii "a\n\t\\\"\101\x41\x4142"
      .ascii "z", "y"
      .asciz "hi"
      .string "yo\0x", "w"
      .ascii "\b\f\r\v\1234"
      .ascii "#;//"
      .ascii ""`);
  });

  it('aligns with NOPs in code, zeros in data, and honours fill and maximum', () => {
    same(`
      .text
      nop
      .align 16
      nop
      .p2align 5
      ret
      .balign 8, 0xcc
      ret
      .align 16,,3
      ret
      .align 16,,15
      ret
      .p2align 4,,10
      ret
      .p2align 3, 0x90
      ret
      .align 1
      .p2align 0
      .data
      .byte 1
      .align 4
      .long 5
      .byte 1
      .p2align 3, 0xff
      .quad 1
      .byte 2
      .balign 16
      .byte 3`);
  });

  it('reserves space with .zero, .skip, .space and .fill', () => {
    same(`
      .data
      .zero 3
      .skip 2, 0xab
      .space 2
      .space 3, 7
      .fill 2, 3, 0x11223344
      .fill 1, 8, -1
      .fill 3
      .fill 2, 2
      .bss
      buf: .zero 64
      .skip 16`);
  });

  it('switches sections and accepts directives that do not change the bytes', () => {
    same(`
      .file "x.c"
      .text
      .globl main
      .type main, @function
      main:
      lea rax, [rip + s]
      ret
      .size main, . - main
      .section .rodata
      s: .asciz "ro"
      .section .data.rel,"aw",@progbits
      .quad s
      .section .text.hot,"ax",@progbits
      hot: ret
      .pushsection .data
      d: .long 3
      .popsection
      nop
      .previous
      .long 4
      .text
      .cfi_startproc
      ret
      .cfi_endproc
      .ident "GCC"
      .section .note.GNU-stack,"",@progbits`);
  });

  it('reads comments, semicolons, case and prefixes', () => {
    same(`
      # a comment
      // another
      /* block
         comment */ nop
      nop # trailing
      nop /* inline */ ; nop
      MOV RAX, RBX
      Mov Eax, Dword Ptr [Rbx]
      ADD r8, 0X10
      lock add qword ptr [rax], 1
      lock
      add dword ptr [rax], 1
      lock xadd [rax], ecx
      lock cmpxchg [rax], ecx
      lock not qword ptr [rax]
      lock bts qword ptr [rax], 1
      rep movsb
      rep movsq
      rep stosq
      rep stosw
      rep lodsb
      repe cmpsb
      repz scasb
      repne scasb
      repnz cmpsb
      rep ret
      rep`);
  });

  it('takes // as a comment anywhere on a line (GNU as only at the start)', () => {
    const a = assembleText('nop // trailing\nnop//x\nmov eax, 8 / 2 // four\n').object.sections[0]?.bytes;
    assert.deepEqual([...(a ?? [])], [0x90, 0x90, 0xb8, 4, 0, 0, 0]);
  });

  it('assembles a realistic function with SSE and AVX', () => {
    same(`
      .globl dot
      .p2align 4
      dot:
      vxorpd ymm0, ymm0, ymm0
      xor eax, eax
      test rdx, rdx
      je .Ldone
      .p2align 4
      .Lloop:
      vmovupd ymm1, ymmword ptr [rdi + rax*8]
      vfmadd231pd ymm0, ymm1, ymmword ptr [rsi + rax*8]
      add rax, 4
      cmp rax, rdx
      jb .Lloop
      .Ldone:
      vextractf128 xmm1, ymm0, 1
      vaddpd xmm0, xmm0, xmm1
      vzeroupper
      movapd xmm1, xmm0
      unpckhpd xmm1, xmm1
      addsd xmm0, xmm1
      cvttsd2si rax, xmm0
      cvtsi2sd xmm2, rax
      ret`);
  });
});

interface Bad {
  src: string;
  line: number;
  col: number;
  msg: RegExp;
}

const BAD: Bad[] = [
  { src: 'foo rax', line: 2, col: 1, msg: /unknown instruction 'foo'/ },
  { src: '  mov rax,', line: 2, col: 11, msg: /expected an expression, found end of line/ },
  { src: 'mov rax, rbx, rcx', line: 2, col: 1, msg: /'mov' takes 2 operand/ },
  { src: 'mov rax, [rbx', line: 2, col: 14, msg: /expected '\+', '-' or '\]' in memory operand/ },
  { src: 'mov rax, [rbx + rcx*3]', line: 2, col: 10, msg: /scale must be 1, 2, 4 or 8/ },
  { src: 'mov rax, [rbx + rcx + rdx]', line: 2, col: 23, msg: /too many registers/ },
  { src: 'mov rax, [eax]', line: 2, col: 10, msg: /eax cannot be a base register/ },
  { src: 'mov rax, [rbx + rsp*2]', line: 2, col: 10, msg: /rsp cannot be an index/ },
  { src: 'mov rax, [rip + rbx]', line: 2, col: 10, msg: /rip-relative addressing takes no index/ },
  { src: 'mov rax, [rbx - rcx]', line: 2, col: 17, msg: /register cannot be subtracted/ },
  { src: 'mov rax, dword [rbx]', line: 2, col: 16, msg: /expected 'ptr' after 'dword'/ },
  { src: 'mov [rax], 1', line: 2, col: 5, msg: /ambiguous operand size for 'mov'/ },
  { src: 'movzx eax, [rax]', line: 2, col: 12, msg: /ambiguous operand size for 'movzx'/ },
  { src: 'mov rax, byte ptr [rax]', line: 2, col: 1, msg: /no form for operands/ },
  { src: 'mov ah, sil', line: 2, col: 1, msg: /cannot be used with a REX prefix/ },
  { src: 'mov eax, 0x100000000', line: 2, col: 1, msg: /no form|out of range/ },
  { src: 'mov rax, 5 +', line: 2, col: 13, msg: /expected an expression/ },
  { src: 'mov rax, (5', line: 2, col: 12, msg: /expected '\)'/ },
  { src: 'mov rax, 5 / 0', line: 2, col: 15, msg: /division by zero/ },
  { src: 'mov rax, 0x', line: 2, col: 10, msg: /invalid number/ },
  { src: 'mov rax, 09', line: 2, col: 10, msg: /invalid digit/ },
  { src: 'mov rax, 0x10000000000000000', line: 2, col: 10, msg: /does not fit in 64 bits/ },
  { src: 'mov rax, rbx + 1', line: 2, col: 14, msg: /expected ',' or end of statement, found '\+'/ },
  { src: 'jmp 1b', line: 2, col: 5, msg: /local label 1 is not defined/ },
  { src: 'jmp 3f\nret', line: 2, col: 5, msg: /local label 3 is not defined after this use/ },
  { src: '3:\njmp 3f', line: 3, col: 5, msg: /local label 3 is not defined after this use/ },
  { src: 'jmp foo + 4', line: 2, col: 5, msg: /branch target cannot have an offset/ },
  { src: 'x: nop\nx: nop', line: 3, col: 1, msg: /label x is already defined at line 2/ },
  { src: '.set x, 1\nx: nop', line: 3, col: 1, msg: /already defined with \.set/ },
  { src: 'mov rax, y\n.set y, 1', line: 3, col: 6, msg: /y is used before it is defined/ },
  { src: '.equiv z, 1\n.equiv z, 2', line: 3, col: 8, msg: /z is already defined/ },
  { src: '.att_syntax', line: 2, col: 1, msg: /AT&T syntax is not supported/ },
  { src: '.intel_syntax prefix', line: 2, col: 15, msg: /only '\.intel_syntax noprefix'/ },
  { src: '.code32', line: 2, col: 1, msg: /only 64-bit code/ },
  { src: '.macro m', line: 2, col: 1, msg: /unknown directive '\.macro'/ },
  { src: '.byte 256', line: 2, col: 7, msg: /does not fit in 1 byte/ },
  { src: '.word 0x10000', line: 2, col: 7, msg: /does not fit in 2 byte/ },
  { src: '.byte foo', line: 2, col: 7, msg: /label address does not fit in 1 byte/ },
  { src: '.align 3', line: 2, col: 8, msg: /not a power of 2/ },
  { src: '.p2align 40', line: 2, col: 10, msg: /out of range/ },
  { src: '.ascii "abc', line: 2, col: 8, msg: /unterminated string/ },
  { src: '.ascii "\\q"', line: 2, col: 9, msg: /unknown escape '\\q'/ },
  { src: ".ascii 'a'", line: 2, col: 8, msg: /expected a string/ },
  { src: '.bss\n.byte 1', line: 3, col: 7, msg: /initialized data in \.bss/ },
  { src: '.section .note.GNU-stack\nnop', line: 3, col: 1, msg: /content in section \.note\.GNU-stack/ },
  { src: 'lock mov [rax], eax', line: 2, col: 6, msg: /cannot take a lock prefix/ },
  { src: 'lock add eax, 1', line: 2, col: 6, msg: /cannot take a lock prefix/ },
  { src: 'lock add eax, [rax]', line: 2, col: 6, msg: /cannot take a lock prefix/ },
  { src: 'lock jmp 1f\n1:', line: 2, col: 6, msg: /cannot take a lock prefix/ },
  { src: 'rep add eax, 1', line: 2, col: 5, msg: /cannot take a rep prefix/ },
  { src: 'rep jmp 1f\n1:', line: 2, col: 5, msg: /cannot take a rep prefix/ },
  { src: 'lock lock add [rax], eax', line: 2, col: 6, msg: /same kind of prefix is used twice/ },
  { src: 'nop junk', line: 2, col: 5, msg: /ambiguous operand size for 'nop'/ },
  { src: 'ret )', line: 2, col: 5, msg: /expected an expression/ },
  { src: '@', line: 2, col: 1, msg: /expected a label, directive or instruction/ },
  { src: '12 nop', line: 2, col: 1, msg: /expected ':' after local label 12/ },
  { src: 'mov rax, [rip + foo@GOT]', line: 2, col: 20, msg: /unsupported relocation @GOT/ },
  { src: 'mov rax, foo@GOTPCREL', line: 2, col: 10, msg: /@GOTPCREL needs a RIP-relative operand/ },
  { src: 'mov rax, [rbx + foo@GOTPCREL]', line: 2, col: 10, msg: /@GOTPCREL needs a RIP-relative/ },
  { src: '.data\n.long a - b\na: .byte 1\n.text\nb: nop', line: 3, col: 7, msg: /one section/ },
  { src: '.globl K\n.set K, 3', line: 2, col: 8, msg: /K is a constant and cannot be exported/ },
  { src: 'mov rax, 1 << 64', line: 2, col: 17, msg: /shift count 64 is out of range/ },
  { src: '/* never closed', line: 2, col: 1, msg: /unterminated \/\* comment/ },
  { src: '.popsection', line: 2, col: 1, msg: /\.popsection without \.pushsection/ },
  { src: 'mov rax, qword ptr rbx', line: 2, col: 20, msg: /expected '\[' after 'qword ptr'/ },
  { src: 'mov rax, 5 + rbx', line: 2, col: 14, msg: /register rbx cannot be used in an expression/ },
  { src: 'mov rax, [rbx*2 + rcx*4]', line: 2, col: 19, msg: /two index registers/ },
  { src: 'mov rax, [rbx & 3]', line: 2, col: 15, msg: /register can only be added or scaled/ },
  { src: 'mov rax, [-rbx]', line: 2, col: 11, msg: /register cannot be negated/ },
  { src: 'mov rax, []', line: 2, col: 11, msg: /empty memory operand/ },
  { src: 'mov rax, [a + b]', line: 2, col: 10, msg: /one label, added/ },
  { src: 'add rax, offset lbl', line: 2, col: 17, msg: /'offset' of a label is not supported/ },
];

describe('errors', () => {
  for (const b of BAD) {
    it(`reports ${JSON.stringify(b.src)} at ${b.line}:${b.col}`, () => {
      assert.throws(
        () => assembleText(intel(b.src), { file: 'bad.s' }),
        (e: unknown) => {
          assert.ok(e instanceof AsmSyntaxError, String(e));
          assert.match(e.reason, b.msg);
          assert.equal(`${e.line}:${e.column}`, `${b.line}:${b.col}`, e.message);
          assert.equal(e.message, `bad.s:${b.line}:${b.col}: ${e.reason}`);
          return true;
        },
      );
    });
  }

  it('reports several errors, one per line, and goes on after each', () => {
    try {
      assembleText('mov rax, [\nnop\nbogus\nmov eax, 1\n.byte 300\n', { file: 'm.s' });
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof AsmSyntaxError);
      assert.deepEqual(
        e.errors.map((x) => [x.line, x.column]),
        [
          [1, 11],
          [3, 1],
          [5, 7],
        ],
      );
    }
  });

  it('keeps no prefix of a refused instruction for the next one', () => {
    try {
      assembleText('.bss\nlock add [rax], eax\n.text\nadd eax, [rax]\n', { file: 'p.s' });
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof AsmSyntaxError);
      assert.deepEqual(
        e.errors.map((x) => x.message),
        ["p.s:2:6: instruction 'add' in .bss"],
      );
    }
  });

  it('stops after maxErrors', () => {
    const src = 'bogus\n'.repeat(50);
    try {
      assembleText(src, { maxErrors: 5 });
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof AsmSyntaxError);
      assert.equal(e.errors.length, 5);
    }
  });

  it('counts columns in characters on lines with non-ASCII text', () => {
    assert.throws(
      () => assembleText('.ascii "héllo"; bogus\n'),
      (e: unknown) => e instanceof AsmSyntaxError && e.line === 1 && e.column === 17,
    );
  });
});

describe('API', () => {
  it('feeds an existing assembler and mixes with builder calls', () => {
    const a = new Assembler({ undefinedExternal: true });
    a.mov(rax, 1);
    const unit = feedText(a, 'add rax, 2\nret\n');
    const obj = unit.finish();
    assert.deepEqual([...(obj.sections[0]?.bytes ?? [])], [0x48, 0xc7, 0xc0, 1, 0, 0, 0, 0x48, 0x83, 0xc0, 2, 0xc3]);
  });

  it('passes non-ASCII string bytes through as UTF-8', () => {
    const { object } = assembleText('.data\n.ascii "é€"\n');
    const data = object.sections.find((s) => s.name === '.data');
    assert.deepEqual([...(data?.bytes ?? [])], [0xc3, 0xa9, 0xe2, 0x82, 0xac]);
  });

  it('lists addresses after relaxation, bytes and source lines', () => {
    const src = intel('start:\n  mov rax, qword ptr [rbx+rcx*8+16]\n  jmp start\n  .data\n  .quad 1, 2\n');
    const { listing } = assembleText(src, { listing: true });
    assert.ok(listing);
    const text = formatListing(listing);
    const row = (addr: string, bytes: string, source: string) => `${addr}  ${bytes.padEnd(23)}  ${source}`.trimEnd();
    const rows = text.split('\n');
    assert.ok(rows.includes(row('0000', '48 8b 44 cb 10', '  mov rax, qword ptr [rbx+rcx*8+16]')), text);
    assert.ok(rows.includes(row('0005', 'eb f9', '  jmp start')), text);
    assert.ok(rows.includes('      [.data]'), text);
    const q = rows.indexOf(row('0000', '01 00 00 00 00 00 00 00', '  .quad 1, 2'));
    assert.ok(q > 0, text);
    assert.equal(rows[q + 1], '0008  02 00 00 00 00 00 00 00');
    const l = listing.find((x) => x.text.includes('jmp start'));
    assert.equal(l?.offset, 5);
    assert.equal(l?.section, '.text');
  });
});
