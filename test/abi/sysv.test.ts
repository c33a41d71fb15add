/**
 * The System V classification against gcc, observed at run time: a C program
 * compiled in the test calls, through casts of one assembly probe to each
 * prototype, with arguments whose every byte is known. The probe stores rdi…r9,
 * xmm0–7, al and the stack arguments, then returns known bytes in rax, rdx,
 * xmm0 and xmm1 — or, when gcc passed a hidden result pointer (the probe sees
 * the marker argument in rsi instead of rdi), writes known bytes through it.
 * The test then checks that each part of our plan names the register or stack
 * slot where gcc put those bytes, and the bytes the result came back from.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AbiError,
  type CallPlan,
  type CType,
  classify,
  type Layout,
  type Loc,
  leaves,
  parseLayout,
  parsePrototype,
  planCall,
  type Signature,
  withVarargs,
} from '../../src/abi/index.js';
import { compileAndRun, gccMissing } from './gcc.js';
import { cText, parseAll, STRUCTS } from './structs.js';

const MAGIC = 0x5eca_fe00_d15c_a11en;
const REG_OFFSET: Record<string, number> = { rdi: 0, rsi: 8, rdx: 16, rcx: 24, r8: 32, r9: 40 };
for (let k = 0; k < 8; k++) REG_OFFSET[`xmm${k}`] = 48 + 16 * k;
const AL = 176;
const STACK = 184;
const STACK_BYTES = 512;
const RET_PAT: Record<string, number> = { rax: 0, rdx: 16, xmm0: 32, xmm1: 48 };

/** The byte patterns both sides compute: argument j of case c, the probe's result registers and memory. */
const argByte = (c: number, j: number, k: number): number => (c * 53 + j * 37 + k + 1) & 0xff;
const retPat = (i: number): number => (i === 0 ? 1 : (i * 7 + 0x31) & 0xff);
const memPat = (i: number): number => (i === 0 ? 1 : (i * 5 + 0x83) & 0xff);

interface Case {
  readonly proto: string;
  readonly varargs?: readonly string[];
}

function cases(layouts: readonly Layout[]): Case[] {
  const out: Case[] = [
    { proto: 'int fn(long m, char a, short b, int c, long d, float e, double f, void *g, bool h, unsigned char i)' },
    { proto: 'double fn(long m, float a, double b)' },
    { proto: 'float fn(long m)' },
    { proto: 'bool fn(long m)' },
    { proto: 'unsigned short fn(long m)' },
    { proto: 'const char *fn(long m, const char *s)' },
    {
      proto:
        'void fn(int a, int b, int c, int d, int e, int f, int g, int h, double x0, double x1, double x2, double x3, double x4, double x5, double x6, double x7, double x8, double x9)',
    },
    { proto: 'void fn(float a, float b, float c, float d, float e, float f, float g, float h, float i, short j)' },
    {
      proto: 'int fn(long m, const char *fmt, ...)',
      varargs: [
        'double',
        'int',
        'double',
        'long',
        'double',
        'double',
        'double',
        'double',
        'double',
        'double',
        'double',
        'int',
        'int',
        'int',
        'int',
      ],
    },
    { proto: 'struct s13 fn(long m, long a, long b, long c, long d, long e, long f)' },
    {
      proto: 'struct s6 fn(long m, double a, double b, double c, double d, double e, double f, double g, struct s6 x)',
    },
  ];
  for (const l of layouts) {
    const t = l.name;
    const returnable = !classify({
      name: t,
      kind: 'struct',
      size: l.size,
      align: l.align,
      category: 'struct',
      signed: false,
      layout: l,
    }).includes('X87');
    out.push(
      { proto: returnable ? `${t} fn(long m, ${t} a)` : `void fn(${t} a)` },
      { proto: `void fn(long p, long q, long r, long s, long t, ${t} a, long z)` },
      { proto: `void fn(double p, double q, double r, double s, double t, double u, double v, ${t} a, double z)` },
      { proto: `void fn(${t} a, ${t} b, ${t} c, int x, double y)` },
      { proto: `void fn(long p, long q, long r, long s, long t, long u, int w, ${t} a, int z, ${t} b)` },
      { proto: 'void fn(int n, ...)', varargs: [t, 'double', t, 'int'] },
    );
  }
  return out;
}

const nonVoid = (s: Signature): boolean => s.ret.kind !== 'void';

/** The bytes of a value that carry data (not padding; the 10 bytes of a long double). */
function covered(t: CType): boolean[] {
  const c = new Array<boolean>(t.size).fill(t.kind !== 'struct');
  if (t.kind === 'f80') c.fill(false, 10);
  if (t.layout) {
    for (const leaf of leaves(t.layout)) {
      const n = leaf.type.kind === 'f80' ? 10 : leaf.type.size;
      c.fill(true, leaf.offset, leaf.offset + n);
    }
  }
  return c;
}

function argBytes(sig: Signature, c: number, j: number): number[] {
  const t = (sig.params[j] as { type: CType }).type;
  if (j === 0 && nonVoid(sig)) {
    return Array.from({ length: 8 }, (_, k) => Number((MAGIC >> BigInt(8 * k)) & 0xffn));
  }
  if (t.kind === 'bool') return [1];
  return Array.from({ length: t.size }, (_, k) => argByte(c, j, k));
}

function cProgram(sigs: readonly Signature[], texts: readonly Case[]): string {
  const lines = [
    '#include <stdbool.h>',
    '#include <stdio.h>',
    '#include <string.h>',
    ...STRUCTS.map(cText),
    `unsigned char probe_regs[${STACK + STACK_BYTES}];`,
    'unsigned long probe_ret_size;',
    'unsigned char probe_ret_pat[64], probe_ret_mem[256];',
    'void probe(void);',
    '/* Called through a volatile pointer, so the compiler sees only the prototype of each call. */',
    'void (*volatile probe_ptr)(void) = probe;',
    '__asm__(".text\\n.globl probe\\n.type probe, @function\\nprobe:\\n"',
    ...['rdi', 'rsi', 'rdx', 'rcx', 'r8', 'r9'].map((r) => `  "movq %${r}, probe_regs+${REG_OFFSET[r]}(%rip)\\n"`),
    ...Array.from({ length: 8 }, (_, k) => `  "movdqu %xmm${k}, probe_regs+${48 + 16 * k}(%rip)\\n"`),
    `  "movq %rax, probe_regs+${AL}(%rip)\\n"`,
    `  "leaq 8(%rsp), %rsi\\n leaq probe_regs+${STACK}(%rip), %rdi\\n movl $${STACK_BYTES}, %ecx\\n rep movsb\\n"`,
    '  "movq probe_regs+0(%rip), %rdi\\n movq probe_regs+8(%rip), %rsi\\n"',
    `  "movabsq $${MAGIC}, %rax\\n cmpq %rax, %rdi\\n je 1f\\n cmpq %rax, %rsi\\n jne 2f\\n"`,
    '  "movq probe_ret_size(%rip), %rcx\\n leaq probe_ret_mem(%rip), %rsi\\n movq %rdi, %rax\\n rep movsb\\n ret\\n"',
    '  "1: movq probe_ret_pat+0(%rip), %rax\\n movq probe_ret_pat+16(%rip), %rdx\\n"',
    '  "movdqu probe_ret_pat+32(%rip), %xmm0\\n movdqu probe_ret_pat+48(%rip), %xmm1\\n ret\\n"',
    '  "2: ret\\n");',
    '__attribute__((noipa)) static void fill(void *p, unsigned long n, int c, int j) {',
    '  for (unsigned long k = 0; k < n; k++) ((unsigned char *)p)[k] = (unsigned char)(c * 53 + j * 37 + k + 1);',
    '}',
    'static void hex(const void *p, unsigned long n) {',
    '  for (unsigned long k = 0; k < n; k++) printf("%02x", ((const unsigned char *)p)[k]);',
    '}',
  ];
  sigs.forEach((sig, c) => {
    const proto = (texts[c] as Case).proto.replace(/\bfn\(/, `fn_${c}(`);
    lines.push(`extern ${proto};`, `static void case_${c}(void) {`);
    const names = sig.params.map((p, j) => {
      lines.push(`  __typeof__(${p.type.name}) a${j};`);
      if (j === 0 && nonVoid(sig)) lines.push(`  a${j} = ${MAGIC}L;`);
      else if (p.type.kind === 'bool') lines.push(`  a${j} = 1;`);
      else lines.push(`  fill(&a${j}, sizeof a${j}, ${c}, ${j});`);
      return `a${j}`;
    });
    lines.push('  memset(probe_regs, 0, sizeof probe_regs);');
    const call = `((__typeof__(&fn_${c}))probe_ptr)(${names.join(', ')})`;
    if (nonVoid(sig)) {
      lines.push(`  probe_ret_size = sizeof(${sig.ret.name});`, `  __typeof__(${sig.ret.name}) r = ${call};`);
    } else lines.push(`  ${call};`);
    lines.push(`  printf("${c} "); hex(probe_regs, sizeof probe_regs); printf(" ");`);
    lines.push(nonVoid(sig) ? '  hex(&r, sizeof r); printf("\\n");' : '  printf("-\\n");', '}');
  });
  lines.push(
    'int main(void) {',
    '  for (int i = 0; i < 64; i++) probe_ret_pat[i] = i == 0 ? 1 : (unsigned char)(i * 7 + 0x31);',
    '  for (int i = 0; i < 256; i++) probe_ret_mem[i] = i == 0 ? 1 : (unsigned char)(i * 5 + 0x83);',
    ...sigs.map((_, c) => `  case_${c}();`),
    '  return 0;',
    '}',
  );
  return lines.join('\n');
}

const where = (loc: Loc): string => ('reg' in loc ? loc.reg : `[rsp+${loc.stack}]`);

/** The differences between what the plan says and what gcc did in one case. */
function check(sig: Signature, plan: CallPlan, c: number, dump: Uint8Array, ret: Uint8Array | null): string[] {
  const diffs: string[] = [];
  plan.args.forEach((a, j) => {
    const want = argBytes(sig, c, j);
    const cov = covered(a.type);
    const seen = new Array<number>(a.type.size).fill(0);
    for (const part of a.parts) {
      const base = 'reg' in part.loc ? (REG_OFFSET[part.loc.reg] as number) : STACK + part.loc.stack;
      for (let i = 0; i < part.size; i++) {
        const k = part.from + i;
        seen[k] = (seen[k] ?? 0) + 1;
        if (cov[k] && dump[base + i] !== want[k])
          diffs.push(`argument ${j} (${a.type.name}) byte ${k}: plan says ${where(part.loc)}, gcc put it elsewhere`);
      }
    }
    if (seen.some((n) => n !== 1)) diffs.push(`argument ${j}: the parts do not cover each byte once`);
  });
  if (plan.variadic && dump[AL] !== plan.al) diffs.push(`al: plan ${plan.al}, gcc ${dump[AL]}`);
  if (ret) {
    const cov = covered(plan.ret.type);
    if (plan.hiddenReturn) {
      for (let k = 0; k < ret.length; k++)
        if (cov[k] && ret[k] !== memPat(k)) diffs.push(`result byte ${k}: plan says memory, gcc took it elsewhere`);
    }
    for (const part of plan.ret.parts) {
      const reg = (part.loc as { reg: string }).reg;
      for (let i = 0; i < part.size; i++) {
        const k = part.from + i;
        if (cov[k] && ret[k] !== retPat((RET_PAT[reg] as number) + i))
          diffs.push(`result byte ${k}: plan says ${reg}, gcc took it elsewhere`);
      }
    }
  }
  return diffs;
}

const fromHex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16));

describe('System V classification compared with gcc', { skip: gccMissing }, () => {
  test('registers and stack slots of every argument and result, for each struct of the table', () => {
    const { layouts, registry } = parseAll();
    const list = cases(layouts);
    const sigs = list.map((k) => {
      const s = parsePrototype(k.proto, { structs: registry });
      return k.varargs ? withVarargs(s, k.varargs, { structs: registry }) : s;
    });
    const plans = sigs.map(planCall);
    const out = compileAndRun(cProgram(sigs, list), ['-O2']).trim().split('\n');
    assert.equal(out.length, sigs.length);
    const diffs: string[] = [];
    for (const line of out) {
      const [n, regs, r] = line.split(' ') as [string, string, string];
      const c = Number(n);
      const d = check(sigs[c] as Signature, plans[c] as CallPlan, c, fromHex(regs), r === '-' ? null : fromHex(r));
      diffs.push(
        ...d.map((x) => `${(list[c] as Case).proto}${list[c]?.varargs ? ` with ${list[c]?.varargs}` : ''}: ${x}`),
      );
    }
    assert.deepEqual(diffs, []);
    // The table reaches every way of passing and returning.
    const all = plans.flatMap((p) => p.args);
    assert.ok(
      all.some((a) => a.onStack && a.classes[0] === 'MEMORY'),
      'a struct in memory',
    );
    assert.ok(
      all.some((a) => a.onStack && a.classes[0] === 'INTEGER' && a.type.kind === 'struct'),
      'out of registers',
    );
    assert.ok(
      all.some((a) => a.classes.join() === 'INTEGER,SSE') && all.some((a) => a.classes.join() === 'SSE,INTEGER'),
    );
    assert.ok(
      plans.some((p) => p.hiddenReturn) &&
        plans.some((p) => p.ret.parts.map((x) => where(x.loc)).join() === 'rax,xmm0'),
    );
    assert.ok(plans.some((p) => p.ret.parts.map((x) => where(x.loc)).join() === 'xmm0,rax'));
    assert.ok(plans.some((p) => p.ret.parts.map((x) => where(x.loc)).join() === 'xmm0,xmm1'));
    assert.ok(plans.some((p) => p.ret.parts.map((x) => where(x.loc)).join() === 'rax,rdx'));
    assert.ok(plans.some((p) => p.variadic && (p.al as number) === 8));
  });
});

describe('System V classification', () => {
  const t = (decl: string): CType => {
    const l = parseLayout(decl);
    return { name: l.name, kind: 'struct', size: l.size, align: l.align, category: 'struct', signed: false, layout: l };
  };

  test('eightbyte classes and the merge rules', () => {
    assert.deepEqual(classify(t('struct a { int i; float f; }')), ['INTEGER']);
    assert.deepEqual(classify(t('struct a { float f, g; }')), ['SSE']);
    assert.deepEqual(classify(t('struct a { float f, g, h; }')), ['SSE', 'SSE']);
    assert.deepEqual(classify(t('struct a { double d; char c; }')), ['SSE', 'INTEGER']);
    assert.deepEqual(classify(t('struct a { long a, b, c; }')), ['MEMORY']);
    assert.deepEqual(classify(t('struct a { char c; int i; } __attribute__((packed))')), ['MEMORY']);
    assert.deepEqual(classify(t('struct a { int i, j; } __attribute__((packed))')), ['INTEGER']);
    assert.deepEqual(classify(t('struct a { long double x; }')), ['X87', 'X87UP']);
    assert.deepEqual(classify(t('union a { long double x; double d; }')), ['MEMORY']);
    assert.deepEqual(classify(t('struct a { int n; double rest[]; }')), ['INTEGER']);
  });

  test('a plan: registers in order, the hidden pointer first, the stack after', () => {
    const structs = new Map([['struct big', parseLayout('struct big { long a, b, c; }')]]);
    const plan = planCall(parsePrototype('struct big f(int a, double b, struct big c, float d)', { structs }));
    assert.equal(plan.hiddenReturn, true);
    assert.deepEqual(
      plan.args.map((a) => a.parts.map((p) => `${p.from}+${p.size}@${where(p.loc)}`).join(' ')),
      ['0+4@rsi', '0+8@xmm0', '0+8@[rsp+0] 8+8@[rsp+8] 16+8@[rsp+16]', '0+4@xmm1'],
    );
    assert.deepEqual([plan.stackBytes, plan.intRegs, plan.vecRegs, plan.al], [24, 2, 2, null]);
  });

  test('what cannot be planned is an AbiError', () => {
    assert.throws(() => planCall({ ret: t('struct a { long double x; }'), params: [] }), AbiError);
    const incomplete: CType = {
      name: 'struct o',
      kind: 'struct',
      size: 0,
      align: 1,
      category: 'struct',
      signed: false,
    };
    assert.throws(
      () => planCall({ ret: t('struct a { int x; }'), params: [{ type: incomplete }] }),
      /struct o is incomplete/,
    );
  });
});
