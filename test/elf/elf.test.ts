/**
 * The ELF writer, proved by running what it writes: an executable that
 * reaches libm through dlopen/dlsym, an N-API addon that Node loads, and
 * readelf's verdict on both.
 */

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { ElfError, writeExecutable, writeSharedObject } from '../../src/elf/index.js';
import { buildAdderAddon, buildHello } from '../../src/native/hello.js';
import { emitStart } from '../../src/native/start.js';
import { Assembler, eax, esi, qword, rax, rbx, rdi, rsi } from '../../src/x86/index.js';
import { tmpDir } from '../support/tmp.js';

const dir = tmpDir();

/** What `readelf -a -W` complains about: its warnings and errors go to stderr (exit status 0), some lines to stdout. */
function readelfWarnings(file: string): string[] {
  const r = spawnSync('readelf', ['-a', '-W', file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  const complaints = r.stdout.split('\n').filter((l) => /warning|error/i.test(l));
  if (r.status !== 0) complaints.push(`readelf exited with status ${r.status}`);
  return [...r.stderr.split('\n').filter((l) => l.trim() !== ''), ...complaints];
}

test('an executable made by our assembler and ELF writer prints cos(0.5) found with dlopen/dlsym', () => {
  const exe = path.join(dir, 'hello');
  fs.writeFileSync(exe, buildHello(), { mode: 0o755 });
  const out = execFileSync(exe, { encoding: 'utf8' });
  assert.match(out, /^[0-9.]+\n$/);
  assert.equal(Number.parseFloat(out), Math.cos(0.5));
  assert.deepEqual(readelfWarnings(exe), []);
});

test('an N-API addon made the same way is loaded by process.dlopen and adds two numbers', () => {
  const so = path.join(dir, 'adder.node');
  fs.writeFileSync(so, buildAdderAddon());
  const m = { exports: {} as { add?: (a: number, b: number) => number } };
  process.dlopen(m, so);
  assert.equal(typeof m.exports.add, 'function');
  assert.equal(m.exports.add?.(2, 3.5), 5.5);
  assert.equal(m.exports.add?.(-1e300, 1e300), 0);
  assert.deepEqual(readelfWarnings(so), []);
  // Node's own loader path works too.
  const req = createRequire(import.meta.url);
  assert.equal((req(so) as { add: (a: number, b: number) => number }).add(1, 2), 3);
});

test('a shared object exports symbols that dlsym finds, with its data relocations applied', () => {
  // value() returns the number stored behind the pointer in `table`.
  const a = new Assembler();
  const target = a.label('target');
  a.global(a.here('value'));
  a.mov(rax, qword(a.label('table')));
  a.mov(rax, qword(rax));
  a.ret();
  a.data();
  a.global(a.here('table'));
  a.dq(target); // absolute address: a RELATIVE relocation at load time
  a.dq(a.extern('malloc')); // an import through R_X86_64_64
  a.bind(target);
  a.dq(4242);
  const so = path.join(dir, 'lib.so');
  fs.writeFileSync(so, writeSharedObject(a.finish(), { soname: 'libtest.so', needed: ['libc.so.6'] }));
  assert.deepEqual(readelfWarnings(so), []);
  const dyn = execFileSync('readelf', ['-d', '-r', '--dyn-syms', '-W', so], { encoding: 'utf8' });
  assert.match(dyn, /R_X86_64_RELATIVE/);
  assert.match(dyn, /R_X86_64_64 .* malloc/);
  assert.match(dyn, /SONAME.*libtest\.so/);
  assert.match(dyn, /GLOBAL DEFAULT .* value/);

  // An executable of ours dlopens it, calls value() and exits with its low byte.
  const b = new Assembler();
  const main = b.label('main');
  emitStart(b, main);
  b.bind(main);
  b.push(rbx);
  b.lea(rdi, qword(b.label('path')));
  b.mov(esi, 2);
  b.call(b.extern('dlopen'));
  b.mov(rdi, rax);
  b.lea(rsi, qword(b.label('sym')));
  b.call(b.extern('dlsym'));
  b.call(rax);
  b.and(eax, 0xff);
  b.pop(rbx);
  b.ret();
  b.rodata();
  b.bind(b.label('path'));
  b.asciz(so);
  b.bind(b.label('sym'));
  b.asciz('value');
  const exe = path.join(dir, 'runner');
  fs.writeFileSync(exe, writeExecutable(b.finish()), { mode: 0o755 });
  const r = spawnSync(exe);
  assert.equal(r.status, 4242 & 0xff);
});

test('writer errors are typed: undefined entry, absolute address in code', () => {
  const a = new Assembler();
  a.ret();
  assert.throws(() => writeExecutable(a.finish()), ElfError);
  const b = new Assembler();
  b.global(b.here('_start'));
  b.data();
  b.text();
  b.mov(rax, qword(null, 0));
  const l = b.label('x');
  b.dq(l);
  b.bind(l);
  assert.throws(() => writeExecutable(b.finish()), /read-only/);
});
