/**
 * The generated GEMM and peak kernels, byte for byte against GNU as. The
 * generator writes into a recording assembler that also prints every
 * instruction as Intel-syntax text; GNU as assembles that text and its
 * .text must equal ours (relocated fields aside). This proves the AVX-512
 * kernels' encodings on a machine that cannot run them.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emitGemm, type GemmIsa, type GemmType, gemmShape } from '../../src/kernels/index.js';
import { cpuInfo } from '../../src/sys/cpu.js';
import { Assembler, isLabel, type Mem, type ObjectCode, type Operand } from '../../src/x86/index.js';
import { gas } from '../support/gas.js';

const PTR: Record<number, string> = {
  1: 'byte',
  2: 'word',
  4: 'dword',
  8: 'qword',
  16: 'xmmword',
  32: 'ymmword',
  64: 'zmmword',
};

function memText(m: Mem): string {
  const parts: string[] = [];
  if (m.base) parts.push(m.base.name);
  if (m.index) parts.push(`${m.index.name}*${m.scale}`);
  let inner = parts.join(' + ');
  if (m.label) inner = `${inner} + ${m.label.name}`;
  if (m.disp) inner += m.disp < 0 ? ` - ${-m.disp}` : ` + ${m.disp}`;
  if (m.broadcast !== 0) throw new Error('the kernels use no embedded broadcast');
  const size = PTR[m.size];
  return `${size ? `${size} ptr ` : ''}[${inner}]`;
}

function opText(o: Operand): string {
  if (typeof o === 'number' || typeof o === 'bigint') return String(o);
  if (isLabel(o)) return o.name;
  if (o.kind === 'reg') return o.name;
  if (o.kind === 'mem') return memText(o);
  throw new Error(`operand ${JSON.stringify(o)}`);
}

/** An assembler that also writes what it is asked to assemble as GNU as source. */
function recording(): { a: Assembler; lines: string[] } {
  const target = new Assembler();
  const lines: string[] = [];
  const directives: Record<string, (...args: never[]) => void> = {
    bind: (l: { name: string }) => lines.push(`${l.name}:`),
    here: (name: string) => lines.push(`${name}:`),
    global: (l: { name: string }) => lines.push(`.globl ${l.name}`),
    align: (n: number) => lines.push(`.balign ${n}`),
    data: () => lines.push('.data'),
    text: () => lines.push('.text'),
    dq: (...v: number[]) => lines.push(`.quad ${v.join(', ')}`),
  };
  const silent = new Set(['label', 'extern', 'finish']);
  const a = new Proxy(target, {
    get(t, key, recv) {
      const value = Reflect.get(t, key, recv);
      if (typeof key !== 'string' || typeof value !== 'function') return value;
      return (...args: Operand[]) => {
        const d = directives[key];
        if (d) (d as (...x: Operand[]) => void)(...args);
        else if (!silent.has(key)) lines.push(`${key} ${args.map(opText).join(', ')}`);
        return value.apply(t, args);
      };
    },
  });
  return { a, lines };
}

/** The text section with every relocated field zeroed. */
function masked(bytes: Uint8Array, offsets: number[]): Uint8Array {
  const out = Uint8Array.from(bytes);
  for (const o of offsets) out.fill(0, o, o + 4);
  return out;
}

function compare(what: string, obj: ObjectCode, lines: string[]): void {
  const ours = obj.sections.find((s) => s.kind === 'text');
  assert.ok(ours);
  const ref = gas(lines.join('\n'));
  assert.equal(ours.bytes.length, ref.text.length, `${what}: length`);
  const a = masked(
    ours.bytes,
    ours.relocs.map((r) => r.offset),
  );
  const b = masked(
    ref.text,
    ref.relocs.map((r) => r.offset),
  );
  const at = a.findIndex((x, i) => x !== b[i]);
  assert.equal(at, -1, `${what}: first difference at offset ${at}`);
  assert.ok(lines.some((l) => /^vfmadd231p[sd] /.test(l)));
}

const cpu = cpuInfo();
const CASES: [GemmType, GemmIsa][] = [
  ['f64', 'avx2'],
  ['f32', 'avx2'],
  ['f64', 'avx512'],
  ['f32', 'avx512'],
];

for (const [type, isa] of CASES) {
  test(`${isa} ${type} GEMM: our bytes are GNU as's`, () => {
    // The shapes of this CPU and of a Zen 4 (another AVX-512 tile), so both table rows are proven.
    const cpus = [cpu, { ...cpu, uarch: 'zen4' }];
    for (const c of cpus) {
      const shape = gemmShape(type, isa, c);
      const { a, lines } = recording();
      emitGemm(a, type, isa, shape);
      const obj = a.finish();
      compare(`${isa} ${type} ${shape.mr}x${shape.nr}`, obj, lines);
      if (isa === 'avx512') assert.ok(lines.some((l) => l.includes('zmm')));
      else assert.ok(!lines.some((l) => l.includes('zmm')));
    }
  });
}
