/**
 * The classic BPF assembler against independent references: every form of
 * the table assembled by ours and by netsniff-ng's `bpfc` (when installed),
 * a hand-checked seccomp prologue, decoding back to text that assembles to
 * the same bytes, and the errors of jumps out of reach.
 */

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { abs, allForms, assembleText, BpfAssembler, BpfError, decode, disassemble, imm } from '../../src/bpf/index.js';
import { tmpDir } from '../support/tmp.js';

const hasBpfc = spawnSync('bpfc', ['-v'], { encoding: 'utf8' }).error === undefined;

/** One instance of every form, each conditional jump to `end` when true and to the next line when false. */
function everyForm(): string {
  const lines: string[] = [];
  let n = 0;
  for (const f of allForms()) {
    const ops = f.operands.map((k) => {
      switch (k) {
        case '[k]':
          return '[12]';
        case '[x+k]':
          return '[x + 4]';
        case 'M[k]':
          return `M[${n % 16}]`;
        case '#k':
          return `#0x${(0x1234 + 977 * n).toString(16)}`;
        case '4*([k]&0xf)':
          return '4*([14]&0xf)';
        case 'L':
        case 'jt':
          return 'end';
        case 'jf':
          return `n${n}`;
        default:
          return k;
      }
    });
    lines.push(`${f.mnemonic} ${ops.join(', ')}`);
    if (f.operands.includes('jf')) lines.push(`n${n}: tax`);
    n++;
  }
  lines.push('end: ret #0');
  return lines.join('\n');
}

/** bpfc's C output `{ 0x20, 0, 0, 0x00000004 },` as instructions. */
function bpfc(source: string): { code: number; jt: number; jf: number; k: number }[] {
  const file = path.join(tmpDir('bpf'), 'prog.bpf');
  fs.writeFileSync(file, source);
  const out = execFileSync('bpfc', ['-f', 'C', '-i', file], { encoding: 'utf8' });
  return [...out.matchAll(/\{\s*(0x[0-9a-f]+),\s*(\d+),\s*(\d+),\s*(0x[0-9a-f]+)\s*\}/gi)].map((m) => ({
    code: Number(m[1]),
    jt: Number(m[2]),
    jf: Number(m[3]),
    k: Number(m[4]),
  }));
}

test('bpf: every form of the table assembles as bpfc assembles it', {
  skip: !hasBpfc && 'bpfc not installed (apt-get install netsniff-ng)',
}, () => {
  const src = everyForm();
  const ours = assembleText(src).insns;
  assert.equal(ours.length, allForms().length + allForms().filter((f) => f.operands.includes('jf')).length + 1);
  assert.deepEqual(ours, bpfc(src));
});

test('bpf: a seccomp prologue, checked by hand', () => {
  const p = new BpfAssembler();
  const kill = p.label('kill');
  const ok = p.label('ok');
  p.ld(abs(4));
  p.jeq(imm(0xc000003e), ok, kill);
  p.bind(ok);
  p.ld(abs(0));
  p.jge(imm(0x40000000), kill);
  p.ret(imm(0x7fff0000));
  p.bind(kill);
  p.ret(imm(0x80000000));
  const { bytes } = p.finish();
  // { code, jt, jf, k } little-endian: 20 00 00 00 04 00 00 00 …
  assert.equal(
    Buffer.from(bytes).toString('hex'),
    [
      '2000000004000000', // ld [4]
      '15000003' + '3e0000c0', // jeq #0xc000003e, +0, +3
      '2000000000000000', // ld [0]
      '35000100' + '00000040', // jge #0x40000000, +1, +0 (code is a u16)
      '06000000' + '0000ff7f', // ret #0x7fff0000
      '06000000' + '00000080', // ret #0x80000000
    ].join(''),
  );
  assert.deepEqual(disassemble(bytes), [
    'ld [4]',
    'jeq #0xc000003e, L2, L5',
    'L2: ld [0]',
    'jge #0x40000000, L5, L4',
    'L4: ret #0x7fff0000',
    'L5: ret #0x80000000',
  ]);
});

test('bpf: decoded text assembles back to the same bytes', () => {
  const { bytes } = assembleText(everyForm());
  const again = assembleText(disassemble(bytes).join('\n')).bytes;
  assert.deepEqual(again, bytes);
  assert.equal(decode(bytes).length, bytes.length / 8);
});

test('bpf: jumps out of reach, backwards or past the end are errors naming the jump', () => {
  const far = new BpfAssembler();
  const l = far.label('far');
  far.ld(abs(0));
  far.jeq(imm(1), l);
  for (let i = 0; i < 300; i++) far.tax();
  far.bind(l);
  far.ret(imm(0));
  assert.throws(
    () => far.finish(),
    (e: Error) =>
      e instanceof BpfError && /jt is 300 instructions ahead; a conditional jump reaches 0\.\.255/.test(e.message),
  );
  const fixed = new BpfAssembler(); // the same through a ja: fine
  const t = fixed.label();
  fixed.ld(abs(0));
  fixed.jeq(imm(1), 0, 1);
  fixed.ja(t);
  for (let i = 0; i < 300; i++) fixed.tax();
  fixed.bind(t);
  fixed.ret(imm(0));
  assert.equal(fixed.finish().insns[2]?.k, 300);
  assert.throws(() => assembleText('top: ld [0]\njeq #1, top, 0\nret #0'), /behind it; BPF jumps only forward/);
  assert.throws(() => assembleText('ld [0]\njeq #1, 5, 0\nret #0'), /jumps past the end/);
  assert.throws(() => assembleText('ld [0]'), /must end with ret/);
  assert.throws(() => assembleText('ld [0]\nja nowhere\nret #0'), /nowhere is used but never defined/);
  assert.throws(() => assembleText('ld M[16]\nret #0'), /line 1: .*M\[0\]\.\.M\[15\]/);
  assert.throws(() => assembleText('ldh #3\nret #0'), /line 1: no instruction form ldh #k/);
  assert.throws(() => assembleText('ret #0x100000000'), /not a 32-bit value/);
});
