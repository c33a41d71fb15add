/**
 * The builder refuses what cannot be encoded (and what GNU `as` refuses),
 * with an AsmError and without leaving anything behind; and it makes the
 * same special choices as GNU `as` where the corpus alone would not show why.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { methodsPath, methodsSource } from '../../src/x86/generate.js';
import {
  AsmError,
  Assembler,
  ah,
  al,
  ax,
  byte,
  cl,
  cx,
  dl,
  dword,
  dx,
  eax,
  ecx,
  edx,
  formsByMnemonic,
  fs,
  k0,
  k1,
  k2,
  type Mem,
  MNEMONICS,
  mem,
  mnemonics,
  type Operand,
  ptr,
  qword,
  r8,
  r8b,
  r9,
  r12,
  r13,
  rax,
  rbp,
  rbx,
  rcx,
  rdx,
  rip,
  rnSae,
  rsp,
  sae,
  sil,
  xmm0,
  xmm1,
  xmm2,
  xmm16,
  xmm17,
  ymm0,
  ymm1,
  ymm2,
  ymm31,
  ymmword,
  zmm0,
  zmm1,
  zmm2,
  zmmword,
} from '../../src/x86/index.js';
import { assembleText } from '../../src/x86/text/index.js';
import { GasError, gas } from '../support/gas.js';
import { hex } from '../support/hex.js';

interface Invalid {
  /** The same instruction for GNU `as`, which must refuse it (or warn) too; null when it has no spelling there. */
  gas: string | null;
  build: (a: Assembler) => unknown;
  /** Part of the expected message. */
  says: RegExp;
}

const INVALID: Invalid[] = [
  // ah, bh, ch, dh have no encoding once a REX prefix is present.
  { gas: 'mov ah, r8b', build: (a) => a.mov(ah, r8b), says: /REX/ },
  { gas: 'mov ah, sil', build: (a) => a.mov(ah, sil), says: /REX/ },
  { gas: 'mov ah, byte ptr [r9]', build: (a) => a.mov(ah, byte(r9)), says: /REX/ },
  { gas: 'movzx rax, ah', build: (a) => a.movzx(rax, ah), says: /REX/ },
  { gas: 'xchg ah, r8b', build: (a) => a.xchg(ah, r8b), says: /REX/ },
  // Addressing.
  { gas: 'mov rax, qword ptr [rax + rsp*1]', build: (a) => a.mov(rax, qword(rax, rsp, 1)), says: /index/ },
  { gas: 'mov rax, qword ptr [rip + rcx]', build: (a) => a.mov(rax, mem(8, rip, rcx)), says: /index/ },
  { gas: 'mov rax, qword ptr [xmm0]', build: (a) => a.mov(rax, qword(xmm0)), says: /base/ },
  { gas: 'mov rax, qword ptr [rbx*3]', build: (a) => a.mov(rax, mem(8, null, rbx, 3 as 1)), says: /scale/ },
  { gas: 'mov rax, qword ptr [rbx + 0x80000000]', build: (a) => a.mov(rax, qword(rbx, 0x80000000)), says: /range/ },
  {
    gas: 'mov ecx, dword ptr [0x80000000]',
    build: (a) => a.mov(ecx, mem(4, null, null, 1, 0x80000000)),
    says: /range/,
  },
  // 32-bit addressing (gas emits a 67 prefix) is deliberately not supported.
  { gas: null, build: (a) => a.mov(rax, qword(eax)), says: /base/ },
  // Sizes: an unsized memory operand the instruction does not size is ambiguous.
  { gas: 'add [rax], 1', build: (a) => a.add(ptr(rax), 1), says: /ambiguous/ },
  { gas: 'inc [rax]', build: (a) => a.inc(ptr(rax)), says: /ambiguous/ },
  { gas: 'shl [rax], cl', build: (a) => a.shl(ptr(rax), cl), says: /ambiguous/ },
  { gas: 'movzx eax, [rax]', build: (a) => a.movzx(eax, ptr(rax)), says: /ambiguous/ },
  { gas: 'movsx rax, [rax]', build: (a) => a.movsx(rax, ptr(rax)), says: /ambiguous/ },
  { gas: 'cvtsi2sd xmm0, [rax]', build: (a) => a.cvtsi2sd(xmm0, ptr(rax)), says: /ambiguous/ },
  { gas: 'nop [rax]', build: (a) => a.nop(ptr(rax)), says: /ambiguous/ },
  { gas: 'mov rax, dword ptr [rbx]', build: (a) => a.mov(rax, mem(4, rbx)), says: /no form/ },
  // @ts-expect-error: the method types refuse it before it runs
  { gas: 'add eax, rcx', build: (a) => a.add(eax, rcx), says: /no form/ },
  // @ts-expect-error: the method types refuse it before it runs
  { gas: 'vaddpd xmm0, ymm1, ymm2', build: (a) => a.vaddpd(xmm0, ymm1, ymm2), says: /no form/ },
  // @ts-expect-error: the method types refuse it before it runs
  { gas: 'push eax', build: (a) => a.push(eax), says: /no form/ },
  // @ts-expect-error: the method types refuse it before it runs
  { gas: 'call eax', build: (a) => a.call(eax), says: /no form/ },
  // Immediates out of range.
  { gas: 'mov al, 256', build: (a) => a.mov(al, 256), says: /no form/ },
  { gas: 'add eax, 0x100000000', build: (a) => a.add(eax, 0x100000000), says: /no form/ },
  { gas: 'add rax, 0x80000000', build: (a) => a.add(rax, 0x80000000), says: /no form/ },
  { gas: 'push 0xffffffff', build: (a) => a.push(0xffffffff), says: /no form/ },
  { gas: 'mov rax, 0x10000000000000000', build: (a) => a.mov(rax, 1n << 64n), says: /no form/ },
  { gas: 'imul eax, ecx, 0x100000000', build: (a) => a.imul(eax, ecx, 0x100000000), says: /no form/ },
  { gas: 'shl rax, 256', build: (a) => a.shl(rax, 256), says: /no form/ },
  { gas: 'shl rax, -129', build: (a) => a.shl(rax, -129), says: /no form/ },
  { gas: 'int 256', build: (a) => a.int(256), says: /no form/ },
  { gas: 'ret 0x10000', build: (a) => a.ret(0x10000), says: /no form/ },
  { gas: 'mov ax, 0x10000', build: (a) => a.mov(ax, 0x10000), says: /no form/ },
  { gas: null, build: (a) => a.add(eax, 1.5), says: /range|form/ },
  // Prefixes.
  { gas: 'lock mov qword ptr [rax], rcx', build: (a) => a.lock().mov(qword(rax), rcx), says: /lock/ },
  { gas: 'lock add rax, rcx', build: (a) => a.lock().add(rax, rcx), says: /lock/ },
  { gas: 'lock cmp qword ptr [rax], rcx', build: (a) => a.lock().cmp(qword(rax), rcx), says: /lock/ },
  // Memory as the source (a load): no lock, as it would be #UD.
  { gas: 'lock add rax, qword ptr [rbx]', build: (a) => a.lock().add(rax, qword(rbx)), says: /lock/ },
  { gas: 'lock or cl, byte ptr [rax]', build: (a) => a.lock().or(cl, byte(rax)), says: /lock/ },
  { gas: 'rep add rax, rcx', build: (a) => a.rep().add(rax, rcx), says: /rep/ },
  { gas: 'lock jmp 1f', build: (a) => a.lock().jmp(a.label('x')), says: /prefix/ },
  // Operand counts and names.
  // @ts-expect-error: the method types refuse it before it runs
  { gas: 'movsd xmm0, xmm1, xmm2', build: (a) => a.movsd(xmm0, xmm1, xmm2), says: /operand/ },
  { gas: 'frobnicate', build: (a) => a.emit('frobnicate', []), says: /unknown/ },
  // AVX-512: what EVEX cannot say, or GNU as refuses.
  { gas: 'vaddpd zmm0{k0}, zmm1, zmm2', build: (a) => a.vaddpd(zmm0.k(k0), zmm1, zmm2), says: /k0/ },
  { gas: 'vaddpd zmm0{z}, zmm1, zmm2', build: (a) => a.vaddpd(zmm0.z(), zmm1, zmm2), says: /write mask/ },
  { gas: 'vaddpd zmm0, zmm1, zmm2, {sae}', build: (a) => a.vaddpd(zmm0, zmm1, zmm2, sae as never), says: /sae/ },
  {
    gas: 'vmaxpd zmm0, zmm1, zmm2, {rn-sae}',
    build: (a) => a.vmaxpd(zmm0, zmm1, zmm2, rnSae as never),
    says: /rn-sae/,
  },
  {
    gas: 'vxorpd zmm0, zmm1, zmm2, {rn-sae}',
    build: (a) => a.emit('vxorpd', [zmm0, zmm1, zmm2, rnSae]),
    says: /rn-sae/,
  },
  {
    gas: 'vaddpd ymm0, ymm1, ymm2, {rn-sae}',
    build: (a) => a.emit('vaddpd', [ymm0, ymm1, ymm2, rnSae]),
    says: /rn-sae/,
  },
  {
    gas: 'vaddpd zmm0, zmm1, zmmword ptr [rax], {rn-sae}',
    build: (a) => a.emit('vaddpd', [zmm0, zmm1, zmmword(rax), rnSae]),
    says: /rn-sae/,
  },
  {
    gas: 'vaddpd zmm0, zmm1, qword ptr [rax]{1to4}',
    build: (a) => a.vaddpd(zmm0, zmm1, qword(rax).bcst(4)),
    says: /no form/,
  },
  {
    gas: 'vaddpd zmm0, zmm1, dword ptr [rax]{1to16}',
    build: (a) => a.vaddpd(zmm0, zmm1, dword(rax).bcst()),
    says: /no form/,
  },
  { gas: 'vmovupd zmm0, qword ptr [rax]{1to8}', build: (a) => a.vmovupd(zmm0, qword(rax).bcst()), says: /broadcast/ },
  {
    gas: 'vmovupd zmmword ptr [rax]{k1}{z}, zmm0',
    build: (a) => a.emit('vmovupd', [zmmword(rax).k(k1), zmm0.z()]),
    says: /no form|write mask/,
  },
  { gas: 'addsd xmm16, xmm1', build: (a) => a.addsd(xmm16, xmm1), says: /no form/ },
  { gas: 'vaddpd xmm0{k1}, xmm1', build: (a) => a.emit('vaddpd', [xmm0.k(k1), xmm1]), says: /operand/ },
  { gas: 'add rax{k1}, rcx', build: (a) => a.add(rax.k(k1), rcx), says: /write mask/ },
  { gas: 'kmovw k1, rax', build: (a) => a.emit('kmovw', [k1, rax]), says: /no form/ },
];

test('the builder refuses invalid instructions with an AsmError, as GNU as does', () => {
  for (const c of INVALID) {
    const a = new Assembler();
    assert.throws(
      () => c.build(a),
      (e: unknown) => e instanceof AsmError && c.says.test(e.message),
      `${c.gas ?? c.build.toString()} should be refused matching ${c.says}`,
    );
  }
  // GNU as refuses (or at least warns about) every one it can spell.
  const lines = INVALID.flatMap((c) => (c.gas === null ? [] : [c.gas]));
  let refused = new Set<number>();
  try {
    const o = gas(`${lines.join('\n')}\n1:`);
    refused = new Set(o.warnings.keys());
  } catch (e) {
    if (!(e instanceof GasError)) throw e;
    refused = new Set([...e.errors.keys(), ...e.warnings.keys()]);
  }
  const accepted = lines.filter((_, i) => !refused.has(i + 1));
  assert.deepEqual(accepted, [], 'GNU as accepts these');
});

test('a refused instruction leaves no bytes and no pending prefix behind', () => {
  const a = new Assembler();
  // The fs prefix is written before the REX check fails.
  assert.throws(() => a.mov(mem(1, r8, null, 1, 0, { seg: fs }), ah), AsmError);
  a.lock();
  assert.throws(() => a.mov(qword(rax), rcx), AsmError);
  // Refused for its section, before it is encoded.
  a.bss().lock();
  assert.throws(() => a.add(qword(rax), rcx), /in \.bss/);
  a.text();
  a.add(rax, rcx);
  assert.deepEqual([...(a.finish().sections[0]?.bytes ?? [])], [0x48, 0x01, 0xc8]);
});

test('a bss section takes zeros only: other data is refused before anything is written', () => {
  const a = new Assembler();
  a.bss();
  a.zero(4).db(0, '\0').dw(0).dd(0).dq(0, 0n).f64(0).bytes([0, 0]).asciz('');
  const x = a.label('x');
  const refused: [string, (a: Assembler) => unknown][] = [
    ['db', (a) => a.db(0, 1)],
    ['db string', (a) => a.db('a')],
    ['dw', (a) => a.dw(2)],
    ['dd', (a) => a.dd(0, x)],
    ['dq', (a) => a.dq(1n)],
    ['address', (a) => a.address(8, x)],
    ['f64', (a) => a.f64(-0)],
    ['bytes', (a) => a.bytes([0, 9])],
    ['ascii', (a) => a.ascii('x')],
    ['asciz', (a) => a.asciz('x')],
  ];
  for (const [what, f] of refused) {
    assert.throws(
      () => f(a),
      (e: unknown) => e instanceof AsmError && /initialized data in \.bss/.test(e.message),
      what,
    );
  }
  const bss = a.finish().sections.find((s) => s.name === '.bss');
  assert.deepEqual([bss?.bytes.length, bss?.relocs], [39, []]);
});

function bytesOf(build: (a: Assembler) => unknown): number[] {
  const a = new Assembler();
  build(a);
  return [...(a.finish().sections[0]?.bytes ?? [])];
}

test('special choices GNU as makes', () => {
  // Each builder call and the same instruction for GNU as, which gives the expected bytes.
  const cases: [string, (a: Assembler) => unknown][] = [
    // 90 without REX.W; 87 C0 for eax (90 would be nop, not a zero-extending xchg).
    ['xchg rax, rax', (a) => a.xchg(rax, rax)],
    ['xchg eax, eax', (a) => a.xchg(eax, eax)],
    ['int 3', (a) => a.int(3)],
    ['int 0x80', (a) => a.int(0x80)],
    // Unsized memory: sized by the only form, or the documented default.
    ['push [rax]', (a) => a.push(ptr(rax))],
    ['call [rax]', (a) => a.call(ptr(rax))],
    ['sete [rax]', (a) => a.sete(ptr(rax))],
    ['movd xmm0, [rax]', (a) => a.movd(xmm0, ptr(rax))],
    ['mov rax, [rbx]', (a) => a.mov(rax, ptr(rbx))],
    // A 32-bit absolute address beyond a sign-extended disp32 needs movabs (accumulator only).
    ['mov eax, dword ptr [0x80000000]', (a) => a.mov(eax, mem(4, null, null, 1, 0x80000000))],
    // rep before lock before REX; 66 first.
    ['lock add word ptr [rax], ax', (a) => a.lock().add(mem(2, rax), ax)],
    ['rep stosw', (a) => a.rep().stosw()],
    // xchg takes a lock with its memory operand on either side.
    ['lock xchg rax, qword ptr [rbx]', (a) => a.lock().xchg(rax, qword(rbx))],
    // VEX unless the operands need EVEX: registers 16..31, a mask, a broadcast, a rounding.
    ['vaddpd xmm0, xmm1, xmm2', (a) => a.vaddpd(xmm0, xmm1, xmm2)],
    ['vaddpd ymm0, ymm1, ymmword ptr [rax + 0x100]', (a) => a.vaddpd(ymm0, ymm1, ymmword(rax, 0x100))],
    ['vaddpd xmm16, xmm1, xmm2', (a) => a.vaddpd(xmm16, xmm1, xmm2)],
    ['vaddpd ymm0, ymm1, ymm31', (a) => a.vaddpd(ymm0, ymm1, ymm31)],
    ['vaddpd xmm0{k1}, xmm1, xmm2', (a) => a.vaddpd(xmm0.k(k1), xmm1, xmm2)],
    ['vaddpd ymm0, ymm1, qword ptr [rax]{1to4}', (a) => a.vaddpd(ymm0, ymm1, qword(rax).bcst())],
    ['vmovupd xmm1, xmm17', (a) => a.vmovupd(xmm1, xmm17)],
    ['vbroadcastsd ymm0, xmm1', (a) => a.vbroadcastsd(ymm0, xmm1)],
    ['vbroadcastsd ymm0{k2}{z}, xmm1', (a) => a.vbroadcastsd(ymm0.k(k2).z(), xmm1)],
    // Compressed disp8*N: 64 bytes a unit for a zmm, 8 for a broadcast double; disp32 otherwise.
    ['vaddpd zmm0, zmm1, zmmword ptr [rax + 0x1fc0]', (a) => a.vaddpd(zmm0, zmm1, zmmword(rax, 0x1fc0))],
    ['vaddpd zmm0, zmm1, zmmword ptr [rax + 0x2000]', (a) => a.vaddpd(zmm0, zmm1, zmmword(rax, 0x2000))],
    ['vaddpd zmm0, zmm1, zmmword ptr [rax + 0x41]', (a) => a.vaddpd(zmm0, zmm1, zmmword(rax, 0x41))],
    ['vaddpd zmm0, zmm1, qword ptr [rax - 0x400]{1to8}', (a) => a.vaddpd(zmm0, zmm1, qword(rax, -0x400).bcst(8))],
    // The mask registers' own moves are VEX.
    ['kmovw k1, k2', (a) => a.kmovw(k1, k2)],
    ['kxnorw k1, k1, k1', (a) => a.kxnorw(k1, k1, k1)],
    // {sae} keeps L'L = 00.
    ['vmaxpd zmm0, zmm1, zmm2, {sae}', (a) => a.vmaxpd(zmm0, zmm1, zmm2, sae)],
  ];
  const ref = gas(`${cases.map(([t], i) => `s${i}: ${t}`).join('\n')}\ns${cases.length}:`);
  assert.deepEqual([...ref.warnings.values()], []);
  for (const [i, [t, build]] of cases.entries()) {
    const want = hex(ref.text.subarray(ref.symbols.get(`s${i}`), ref.symbols.get(`s${i + 1}`)));
    assert.notEqual(want, '', t);
    assert.equal(hex(bytesOf(build)), want, t);
  }
});

test('a scale without an index register is ignored, as GNU as encodes the same operand without one', () => {
  // Builder operands with a scale but no index, and the GNU spelling of the same address.
  const cases: [Mem, string][] = [];
  for (const base of [rsp, r12, rbx, rbp, r13, null]) {
    for (const scale of [2, 4, 8] as const) {
      for (const disp of [0, 16, -200, 0x12345]) {
        const at =
          base === null ? `${disp}` : disp === 0 ? base.name : `${base.name} ${disp < 0 ? '-' : '+'} ${Math.abs(disp)}`;
        cases.push([mem(8, base, null, scale, disp), `mov rax, qword ptr [${at}]`]);
      }
    }
  }
  const ref = gas(cases.map(([, t], i) => `s${i}: ${t}`).join('\n')).text;
  const ours = bytesOf((a) => {
    for (const [m] of cases) a.mov(rax, m);
  });
  assert.deepEqual(ours, [...ref]);
});

/** An operand of each kind that is not memory, as [builder operand, GNU spelling]. */
const OTHER: Record<string, [Operand, string]> = {
  r8: [cl, 'cl'],
  r16: [cx, 'cx'],
  r32: [ecx, 'ecx'],
  r64: [rcx, 'rcx'],
  'r/m8': [dl, 'dl'],
  'r/m16': [dx, 'dx'],
  'r/m32': [edx, 'edx'],
  'r/m64': [rdx, 'rdx'],
  AL: [al, 'al'],
  AX: [ax, 'ax'],
  EAX: [eax, 'eax'],
  RAX: [rax, 'rax'],
  CL: [cl, 'cl'],
  '1': [1, '1'],
  imm8: [3, '3'],
  simm8: [3, '3'],
  imm16: [3, '3'],
  imm32: [3, '3'],
  simm32: [3, '3'],
  imm64: [3, '3'],
  xmm: [xmm1, 'xmm1'],
  ymm: [ymm1, 'ymm1'],
  'xmm/m32': [xmm2, 'xmm2'],
  'xmm/m64': [xmm2, 'xmm2'],
  'xmm/m128': [xmm2, 'xmm2'],
  'ymm/m256': [ymm2, 'ymm2'],
  zmm: [zmm1, 'zmm1'],
  'zmm/m512': [zmm2, 'zmm2'],
  k: [k1, 'k1'],
  'k/m8': [k2, 'k2'],
  'k/m16': [k2, 'k2'],
  'k/m32': [k2, 'k2'],
  'k/m64': [k2, 'k2'],
};

test('unsized memory: the builder, the text front end and GNU as agree for every memory operand of every row', () => {
  // Each row with an unsized [rbx] in one of its memory positions, the others filled in.
  const cases = new Map<string, { mnemonic: string; ops: Operand[] }>();
  for (const [mnemonic, forms] of formsByMnemonic) {
    for (const f of forms) {
      f.kinds.forEach((k, at) => {
        if (k.mem < 0) return;
        const ops: Operand[] = [];
        const words: string[] = [];
        for (const [i, kk] of f.kinds.entries()) {
          const o = i === at ? ([ptr(rbx), '[rbx]'] as const) : OTHER[kk.name];
          if (o === undefined) return;
          ops.push(o[0]);
          words.push(o[1]);
        }
        cases.set(`${mnemonic} ${words.join(', ')}`, { mnemonic, ops });
      });
    }
  }
  const lines = [...cases.keys()];
  assert.ok(lines.length > 400, `only ${lines.length} cases`);
  // GNU as: which lines it refuses (errors or warnings), then the bytes of the others.
  let refused = new Set<number>();
  try {
    refused = new Set(gas(lines.join('\n')).warnings.keys());
  } catch (e) {
    if (!(e instanceof GasError)) throw e;
    refused = new Set([...e.errors.keys(), ...e.warnings.keys()]);
  }
  const accepted = lines.filter((_, i) => !refused.has(i + 1));
  const ref = gas(accepted.map((t, i) => `s${i}: ${t}`).join('\n'));
  const gnuBytes = new Map<string, string>();
  accepted.forEach((t, i) => {
    const start = ref.symbols.get(`s${i}`) as number;
    const end = i + 1 < accepted.length ? (ref.symbols.get(`s${i + 1}`) as number) : ref.text.length;
    gnuBytes.set(t, hex(ref.text.subarray(start, end)));
  });
  const differ: string[] = [];
  for (const [t, c] of cases) {
    const gnu = gnuBytes.get(t) ?? 'refused';
    let builder = 'refused';
    try {
      builder = hex(bytesOf((a) => a.emit(c.mnemonic, c.ops)));
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
    }
    let text = 'refused';
    try {
      text = hex(assembleText(`${t}\n`).object.sections[0]?.bytes ?? []);
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
    }
    if (builder !== gnu || text !== gnu) differ.push(`${t}: builder ${builder}, text ${text}, GNU as ${gnu}`);
  }
  assert.deepEqual(differ, []);
});

test('methods.ts, the typed mnemonic methods, is generated from the current table', () => {
  const stale = readFileSync(methodsPath(), 'utf8') !== methodsSource();
  assert.ok(!stale, 'methods.ts is stale: run `npx tsc -p . && node dist/src/x86/generate.js`');
  assert.deepEqual([...MNEMONICS], [...mnemonics]);
});

test("a branch to another assembler's label is refused", () => {
  const a = new Assembler();
  const b = new Assembler();
  a.label('here');
  const there = b.label('there');
  assert.throws(
    () => a.jmp(there),
    (e: unknown) => e instanceof AsmError && /another assembler/.test(e.message),
  );
});
