/**
 * `sidecar asm` as a user runs it: the built CLI in a child process, its
 * files, its output and its exit status.
 */

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, ROOT, runCli } from '../support/cli.js';
import { gnuAssemble } from '../support/gnu.js';
import { tmpDir } from '../support/tmp.js';

const dir = tmpDir('sidecar-cli-');

function sidecar(...args: string[]) {
  return runCli(args, { cwd: dir });
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const PROGRAM = `.intel_syntax noprefix
.globl f
f:
    mov rax, qword ptr [rdi + rsi*8 + 16]
    test rax, rax
    je 1f
    add rax, 0x1234
1:  ret
`;

describe('sidecar asm --format bin', () => {
  it('writes the bytes of .text, as objcopy -O binary -j .text does with GNU as', () => {
    const src = file('f.s', PROGRAM);
    const r = sidecar('asm', src, '-o', join(dir, 'f.bin'));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const want = gnuAssemble(PROGRAM).get('.text')?.bytes;
    assert.deepEqual([...readFileSync(join(dir, 'f.bin'))], [...(want ?? [])]);
  });

  it('lays the other sections out after .text and resolves references to them', () => {
    const src = file('d.s', '.intel_syntax noprefix\nlea rax, [rip + v]\nret\n.data\nv: .quad 7\n');
    const r = sidecar('asm', src, '-o', join(dir, 'd.bin'));
    assert.equal(r.status, 0, r.stderr);
    const b = new Uint8Array(readFileSync(join(dir, 'd.bin')));
    // lea (7 bytes) + ret, then .data at offset 8: disp32 = 8 - 7 = 1.
    assert.deepEqual([...b], [0x48, 0x8d, 0x05, 1, 0, 0, 0, 0xc3, 7, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('needs --base for absolute addresses and refuses undefined symbols', () => {
    const abs = file('abs.s', '.intel_syntax noprefix\nmov rax, [v]\n.data\nv: .quad v\n');
    let r = sidecar('asm', abs, '-o', join(dir, 'abs.bin'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /needs a load address: give --base ADDR/);
    r = sidecar('asm', abs, '-o', join(dir, 'abs.bin'), '--base', '0x400000');
    assert.equal(r.status, 0, r.stderr);
    const b = new Uint8Array(readFileSync(join(dir, 'abs.bin')));
    const dv = new DataView(b.buffer);
    assert.equal(dv.getUint32(4, true), 0x400008);
    assert.equal(dv.getBigUint64(8, true), 0x400008n);
    const ext = file('ext.s', '.intel_syntax noprefix\ncall puts\njmp exit\n');
    r = sidecar('asm', ext, '-o', join(dir, 'ext.bin'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /undefined symbols cannot be resolved in a flat image: exit, puts/);
  });

  it('takes --base as a non-negative integer only', () => {
    const src = file('b.s', '.intel_syntax noprefix\nret\n');
    for (const base of ['', ' ', '-1', '-0x10', '1.5', 'x', '0x10000000000000000']) {
      const r = sidecar('asm', src, '-o', join(dir, 'b.bin'), `--base=${base}`);
      assert.equal(r.status, 2, `--base '${base}': ${r.stderr}`);
      assert.match(r.stderr, /is not an address[\s\S]*usage: sidecar asm/);
    }
    for (const base of ['0', '4096', '0x400000', '0o17', '0b1', '0xffffffffffffffff']) {
      const r = sidecar('asm', src, '-o', join(dir, 'b.bin'), '--base', base);
      assert.equal(r.status, 0, `--base '${base}': ${r.stderr}`);
    }
  });

  it('reads standard input with -', () => {
    const r = spawnSync(process.execPath, [CLI, 'asm', '-', '-o', join(dir, 'in.bin')], {
      input: '.intel_syntax noprefix\nret\n',
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual([...readFileSync(join(dir, 'in.bin'))], [0xc3]);
  });
});

describe('sidecar asm --listing', () => {
  it('prints offsets after relaxation, bytes and source lines', () => {
    const src = file('l.s', PROGRAM);
    const r = sidecar('asm', src, '--listing');
    assert.equal(r.status, 0, r.stderr);
    const row = (addr: string, bytes: string, source: string) => `${addr}  ${bytes.padEnd(23)}  ${source}`;
    const rows = r.stdout.split('\n');
    assert.ok(rows.includes(row('0000', '48 8b 44 f7 10', '    mov rax, qword ptr [rdi + rsi*8 + 16]')), r.stdout);
    assert.ok(rows.includes(row('0008', '74 06', '    je 1f')), r.stdout);
    assert.ok(rows.includes(row('0010', 'c3', '1:  ret')), r.stdout);
  });

  it('wraps long byte runs', () => {
    const src = file('w.s', '.intel_syntax noprefix\n.ascii "abcdefghijklmnopqrst"\n');
    const r = sidecar('asm', src, '--listing');
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stdout,
      /^0000 {2}61 62 63 64 65 66 67 68 {2}\.ascii "abcdefghijklmnopqrst"\n0008 {2}69 6a 6b 6c 6d 6e 6f 70\n0010 {2}71 72 73 74\n$/m,
    );
  });
});

describe('sidecar asm errors', () => {
  it('prints FILE:LINE:COL: message for each error and exits 1', () => {
    const src = file('bad.s', '.intel_syntax noprefix\nmov rax, [rbx + rcx*3]\nnop\n  frob rax\n');
    const r = sidecar('asm', src, '-o', join(dir, 'bad.bin'));
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `${src}:2:10: scale must be 1, 2, 4 or 8, not 3\n${src}:4:3: unknown instruction 'frob'\n`);
    assert.equal(existsSync(join(dir, 'bad.bin')), false);
  });

  it('reports a missing file with exit 1', () => {
    const r = sidecar('asm', join(dir, 'nope.s'), '-o', join(dir, 'x'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot read .*nope\.s/);
  });

  it('reports an output it cannot write with exit 1 and no stack trace', () => {
    const src = file('ok.s', '.intel_syntax noprefix\nret\n');
    for (const out of [join(dir, 'no-such-dir', 'x.bin'), dir]) {
      const r = sidecar('asm', src, '-o', out);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`^sidecar asm: cannot write ${out}: `));
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });

  it('exits 2 with the usage on a usage mistake', () => {
    for (const args of [['asm'], ['asm', 'a.s'], ['asm', 'a.s', '-o', 'x', '--format', 'elf'], ['asm', '--bogus']]) {
      const r = sidecar(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /usage: sidecar asm FILE\.s/);
    }
  });
});

describe('sidecar', () => {
  it('prints help, version, and usage with exit 2 for an unknown command', () => {
    let r = sidecar('help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /usage: sidecar <command>/);
    assert.match(r.stdout, /^ {2}asm {3}/m);
    r = sidecar('help', 'asm');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /--format bin/);
    r = sidecar('--version');
    assert.equal(r.status, 0);
    const pkg = JSON.parse(readFileSync(join(ROOT, '..', 'package.json'), 'utf8')) as { version: string };
    assert.equal(r.stdout, `sidecar ${pkg.version}\n`);
    r = sidecar('frobnicate');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown command 'frobnicate'/);
    assert.match(r.stderr, /usage: sidecar <command>/);
    r = sidecar();
    assert.equal(r.status, 2);
  });

  it('takes only its own commands as help topics, not names every object has', () => {
    for (const topic of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = sidecar('help', topic);
      assert.equal(r.status, 2, topic);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, new RegExp(`^sidecar: no command '${topic}'\n\nusage: sidecar <command>`));
      assert.doesNotMatch(r.stderr, /\bat /);
    }
  });
});

const HELLO = readFileSync(new URL('../../../examples/hello.s', import.meta.url), 'utf8');

describe('sidecar asm --format exe', () => {
  it('builds an executable that runs', () => {
    const src = file('h.s', HELLO);
    const out = join(dir, 'hello');
    const r = sidecar('asm', src, '-o', out, '--format', 'exe');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(execFileSync(out, { encoding: 'utf8' }), 'hello from sidecar asm\n');
  });

  it('makes an existing file executable when it writes an executable over it', () => {
    const src = file('h2.s', HELLO);
    const out = file('hello2', 'not a program\n');
    chmodSync(out, 0o644);
    const r = sidecar('asm', src, '-o', out, '--format', 'exe');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(statSync(out).mode & 0o777, 0o755);
    assert.equal(execFileSync(out, { encoding: 'utf8' }), 'hello from sidecar asm\n');
  });
});
