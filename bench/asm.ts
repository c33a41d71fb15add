/**
 * Assembler throughput on a ~100k-instruction program with a realistic mix
 * (ALU, loads and stores with base+index*scale+disp, SSE and AVX, jumps and
 * calls to labels): (a) the builder API, (b) the text front end, (c) GNU
 * `as` on the same text as a whole process; and (d) the time to build the
 * hello executable from nothing, once the ELF writer is in the build.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeExecutable } from '../src/elf/index.js';
import {
  Assembler,
  type AssemblerCore,
  type Label,
  mem,
  type ObjectCode,
  type Operand,
  type Reg,
  registers,
} from '../src/x86/index.js';
import { assembleText } from '../src/x86/text/index.js';
import { readElfObject } from '../test/support/gnu.js';
import { type Row, sample, sampleProcess, table } from './harness.js';
import type { BenchOptions } from './main.js';

type OpSpec =
  | { k: 'r'; r: Reg }
  | { k: 'm'; size: number; base: Reg; index: Reg | null; scale: 1 | 2 | 4 | 8; disp: number }
  | { k: 'i'; v: number }
  | { k: 'l'; id: number };

type Item = { m: string; ops: OpSpec[] } | { bind: number };

const SIZE_WORD: Record<number, string> = {
  1: 'byte',
  2: 'word',
  4: 'dword',
  8: 'qword',
  16: 'xmmword',
  32: 'ymmword',
};

/** A deterministic program of `n` instructions. */
export function generate(n: number): { items: Item[]; labels: number } {
  let seed = 12345;
  const rnd = (k: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % k;
  };
  const reg = (name: string): OpSpec => ({ k: 'r', r: registers.get(name) as Reg });
  const g64 = ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
  const g32 = ['eax', 'ebx', 'ecx', 'edx', 'esi', 'edi', 'r8d', 'r9d', 'r10d', 'r11d'];
  const base = ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rbp', 'rsp', 'r8', 'r9', 'r12', 'r13', 'r15'];
  const index = ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r14'];
  const r64 = () => reg(g64[rnd(g64.length)] as string);
  const r32 = () => reg(g32[rnd(g32.length)] as string);
  const xmm = () => reg(`xmm${rnd(16)}`);
  const ymm = () => reg(`ymm${rnd(16)}`);
  const m = (size: number): OpSpec => {
    const hasIndex = rnd(2) === 0;
    const disp = [0, 8, 16, -8, 64, 0x120, -0x200][rnd(7)] as number;
    return {
      k: 'm',
      size,
      base: registers.get(base[rnd(base.length)] as string) as Reg,
      index: hasIndex ? (registers.get(index[rnd(index.length)] as string) as Reg) : null,
      scale: hasIndex ? (([1, 2, 4, 8] as const)[rnd(4)] as 1 | 2 | 4 | 8) : 1,
      disp,
    };
  };
  const imm = (max: number): OpSpec => ({ k: 'i', v: rnd(max) - (max >> 2) });
  const alu = ['add', 'sub', 'and', 'or', 'xor', 'cmp', 'adc', 'sbb'];
  const cc = ['je', 'jne', 'jl', 'jge', 'jb', 'jae', 'jg', 'jle'];
  const items: Item[] = [];
  let labels = 0;
  let count = 0;
  const emit = (mn: string, ...ops: OpSpec[]) => {
    items.push({ m: mn, ops });
    count++;
  };
  while (count < n) {
    if (count % 40 === 0) items.push({ bind: labels++ });
    const k = rnd(100);
    if (k < 14) emit('mov', r64(), m(8));
    else if (k < 20) emit('mov', m(8), r64());
    else if (k < 24) emit('mov', r32(), m(4));
    else if (k < 34) emit(alu[rnd(alu.length)] as string, r64(), r64());
    else if (k < 40) emit(alu[rnd(alu.length)] as string, r64(), imm(200));
    else if (k < 43) emit(alu[rnd(alu.length)] as string, r32(), imm(100000));
    else if (k < 46) emit('add', m(8), imm(100));
    else if (k < 50) emit('lea', r64(), m(0));
    else if (k < 53) emit('test', r64(), r64());
    else if (k < 55) emit('imul', r64(), r64());
    else if (k < 57) emit(['shl', 'shr', 'sar'][rnd(3)] as string, r64(), { k: 'i', v: 1 + rnd(63) });
    else if (k < 59) emit('push', r64());
    else if (k < 61) emit('pop', r64());
    else if (k < 63) emit('movzx', r32(), m(1));
    else if (k < 65) emit(['inc', 'dec'][rnd(2)] as string, r64());
    else if (k < 67) emit('cmovne', r64(), r64());
    else if (k < 69) emit('movsd', xmm(), m(8));
    else if (k < 72) emit(['addsd', 'mulsd', 'subsd'][rnd(3)] as string, xmm(), m(8));
    else if (k < 74) emit('movapd', xmm(), xmm());
    else if (k < 76) emit('vmovupd', ymm(), m(32));
    else if (k < 80) emit(['vaddpd', 'vmulpd'][rnd(2)] as string, ymm(), ymm(), ymm());
    else if (k < 83) emit('vfmadd231pd', ymm(), ymm(), m(32));
    else if (k < 91) emit(cc[rnd(cc.length)] as string, { k: 'l', id: Math.max(0, labels - 2 + rnd(4)) });
    else if (k < 94) emit('jmp', { k: 'l', id: Math.max(0, labels - 1 + rnd(3)) });
    else if (k < 96) emit('call', { k: 'l', id: rnd(labels + 2) });
    else if (k < 98) emit('mov', r64(), { k: 'i', v: rnd(1 << 30) });
    else emit('ret');
  }
  // Every label jumped to is bound.
  while (labels < items.length && labels <= maxLabel(items)) items.push({ bind: labels++ });
  items.push({ m: 'ret', ops: [] });
  return { items, labels };
}

function maxLabel(items: Item[]): number {
  let max = 0;
  for (const it of items) if ('ops' in it) for (const o of it.ops) if (o.k === 'l' && o.id > max) max = o.id;
  return max;
}

function opText(o: OpSpec): string {
  switch (o.k) {
    case 'r':
      return o.r.name;
    case 'i':
      return String(o.v);
    case 'l':
      return `.L${o.id}`;
    case 'm': {
      let s = `[${o.base.name}`;
      if (o.index) s += ` + ${o.index.name}*${o.scale}`;
      if (o.disp) s += o.disp < 0 ? ` - ${-o.disp}` : ` + ${o.disp}`;
      s += ']';
      return o.size ? `${SIZE_WORD[o.size]} ptr ${s}` : s;
    }
  }
}

export function toText(items: Item[]): string {
  const out = ['.intel_syntax noprefix', '.text'];
  for (const it of items) {
    if ('bind' in it) out.push(`.L${it.bind}:`);
    else out.push(it.ops.length ? `    ${it.m} ${it.ops.map(opText).join(', ')}` : `    ${it.m}`);
  }
  return `${out.join('\n')}\n`;
}

type Method = (this: AssemblerCore, ...ops: Operand[]) => AssemblerCore;

/**
 * The program as builder code would call it: each instruction's method is
 * looked up once here, untimed, as `a.mov(...)` in source is a property
 * access the engine caches, not a lookup by name among 270 methods per call.
 */
type Call = { fn: Method; ops: OpSpec[]; bind: -1 } | { fn: null; ops: null; bind: number };

function calls(items: Item[]): Call[] {
  const proto = Assembler.prototype as unknown as Record<string, Method>;
  return items.map((it) =>
    'bind' in it ? { fn: null, ops: null, bind: it.bind } : { fn: proto[it.m] as Method, ops: it.ops, bind: -1 },
  );
}

/** An operand made as builder code makes it (memory operands by `mem`, new each time). */
function operand(s: OpSpec, labels: Label[]): Operand {
  return s.k === 'r'
    ? s.r
    : s.k === 'i'
      ? s.v
      : s.k === 'l'
        ? (labels[s.id] as Label)
        : mem(s.size, s.base, s.index, s.scale, s.disp);
}

/** The program through the builder. */
function buildWithBuilder(program: Call[], labelCount: number): ObjectCode {
  const a = new Assembler();
  const labels: Label[] = [];
  for (let i = 0; i < labelCount; i++) labels.push(a.label());
  for (const c of program) {
    if (c.fn === null) {
      a.bind(labels[c.bind] as Label);
      continue;
    }
    const fn = c.fn;
    const ops = c.ops;
    if (ops.length === 0) fn.call(a);
    else if (ops.length === 1) fn.call(a, operand(ops[0] as OpSpec, labels));
    else if (ops.length === 2) fn.call(a, operand(ops[0] as OpSpec, labels), operand(ops[1] as OpSpec, labels));
    else
      fn.call(
        a,
        operand(ops[0] as OpSpec, labels),
        operand(ops[1] as OpSpec, labels),
        operand(ops[2] as OpSpec, labels),
      );
  }
  return a.finish();
}

const HELLO = readFileSync(new URL('../../examples/hello.s', import.meta.url), 'utf8');

/** Untimed runs before the timed ones: the engine has optimized the hot paths by then. */
const WARMUP = 5;

export async function run(opts: BenchOptions): Promise<void> {
  const N = 100_000;
  const { items, labels } = generate(N);
  const program = calls(items);
  const text = toText(items);
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-bench-'));
  try {
    const src = join(dir, 'prog.s');
    writeFileSync(src, text);
    const obj = join(dir, 'prog.o');

    // The three must agree before their speed means anything.
    const fromBuilder = buildWithBuilder(program, labels);
    const fromText = assembleText(text).object;
    execFileSync('as', ['-o', obj, src]);
    const gnu = readElfObject(readFileSync(obj)).get('.text')?.bytes ?? new Uint8Array(0);
    const same = (x: ObjectCode) => Buffer.compare(x.sections[0]?.bytes ?? new Uint8Array(0), gnu) === 0;
    const agree = same(fromBuilder) && same(fromText) ? 'same bytes as GNU as' : 'BYTES DIFFER FROM GNU as';

    const rows: Row[] = [
      {
        name: 'GNU as (process)',
        ms: sampleProcess('as', ['-o', obj, src], opts.runs),
        work: N,
        note: 'whole process',
      },
      {
        name: '(a) builder API',
        ms: sample(() => buildWithBuilder(program, labels), opts.runs, WARMUP),
        work: N,
        note: agree,
      },
      { name: '(b) text front end', ms: sample(() => assembleText(text), opts.runs, WARMUP), work: N, note: agree },
    ];

    // (d) The hello executable from nothing: assemble its text and write the
    // ELF, in process and as a whole `sidecar asm` process.
    rows.push({
      name: '(d) hello exe, in process',
      ms: sample(() => writeExecutable(assembleText(HELLO).object, {}), opts.runs, WARMUP),
    });
    const hs = join(dir, 'hello.s');
    writeFileSync(hs, HELLO);
    const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'src/cli/main.js');
    rows.push({
      name: '(d) hello exe, sidecar asm',
      ms: sampleProcess(process.execPath, [cli, 'asm', hs, '-o', join(dir, 'hello'), '--format', 'exe'], opts.runs),
      note: 'whole process',
    });

    process.stdout.write(
      table(
        `asm: one program of ${N} instructions (${text.length} bytes of source), medians of ${opts.runs} runs; ` +
          `× GNU as = its time / ours (goal: 10)`,
        rows,
        {
          baseline: 'GNU as (process)',
          unit: 'insn',
          p99: false,
        },
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
