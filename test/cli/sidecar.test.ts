/**
 * `sidecar run`, `build` and `doctor` as a user runs them: the built CLI in
 * child processes, with a private artefact cache, real sidecars and real
 * libraries; values checked against what JavaScript computes.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { writeSharedObject } from '../../src/elf/index.js';
import { Assembler, eax, edi } from '../../src/x86/index.js';
import { CLI, runCli } from '../support/cli.js';
import { tmpDir } from '../support/tmp.js';

const cache = tmpDir('sidecar-cli-cache-');

function sidecar(...args: string[]) {
  return runCli(args, { env: { ...process.env, SIDECAR_CACHE: cache } });
}

/** Runs and expects success with exactly this output. */
function prints(args: string[], out: string): void {
  const r = sidecar('run', ...args);
  assert.equal(r.stderr, '', `sidecar run ${args.join(' ')}`);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, out, `sidecar run ${args.join(' ')}`);
}

/** Runs and expects failure with this status and a message matching `message`. */
function fails(args: string[], status: number, message: RegExp): void {
  const r = sidecar('run', ...args);
  assert.equal(r.status, status, `sidecar run ${args.join(' ')}: ${r.stderr}`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, message);
}

describe('sidecar run', () => {
  it('calls libm with a full prototype and with a ready-made one', () => {
    prints(['m', 'double cos(double)', '0'], '1\n');
    prints(['m', 'cos', '0'], '1\n');
    prints(['m', 'sqrt', '2'], `${Math.sqrt(2)}\n`);
    prints(['m', 'double pow(double x, double y)', '2', '-1'], '0.5\n');
    prints(['m', 'atan2', '1', '-1'], `${Math.atan2(1, -1)}\n`);
    prints(['m', 'double ldexp(double, int)', '3', '-2'], '0.75\n');
    prints(['libm.so.6', 'hypot', '3', '4'], '5\n'); // a soname of the known set, ready-made prototype
  });

  it('prints a float as the shortest decimal that reads back as the same float', () => {
    const r = sidecar('run', 'm', 'sqrtf', '2');
    assert.equal(r.status, 0, r.stderr);
    const text = r.stdout.trim();
    const f = Math.fround(Math.sqrt(2));
    // It reads back as the float sqrtf returns, and one significant digit fewer would not.
    assert.equal(Math.fround(Number(text)), f, text);
    const digits = text.replace(/^-?0?\.?|e.*$|\./g, '').length;
    assert.notEqual(Math.fround(Number(Number(text).toPrecision(digits - 1))), f, text);
    assert.equal(text, '1.4142135');
    prints(['m', 'double cos(double)', 'inf'], 'NaN\n');
  });

  it('passes const char * as text and reads integers in decimal, hex, octal, binary and negative', () => {
    prints(['c', 'strlen', 'hello'], '5\n');
    prints(['c', 'size_t strlen(const char *)', 'héllo'], '6\n'); // bytes of UTF-8
    prints(['c', 'strlen', ''], '0\n');
    prints(['c', 'atoi', '-123'], '-123\n');
    prints(['c', 'abs', '-0x10'], '16\n');
    prints(['c', 'int abs(int)', '-2147483647'], '2147483647\n');
    prints(['c', 'toupper', '0x61'], '65\n');
    prints(['c', 'int abs(int)', '0o17'], '15\n');
    prints(['c', 'int abs(int)', '--', '-0b101'], '5\n');
    prints(['c', 'unsigned int sleep(unsigned int)', '0'], '0\n');
  });

  it('returns 64-bit integers exactly', () => {
    prints(['c', 'long labs(long)', '-9223372036854775807'], '9223372036854775807\n');
    prints(
      ['c', 'unsigned long long strtoull(const char *, char **, int)', '18446744073709551615', 'null', '10'],
      '18446744073709551615\n',
    );
    prints(
      ['c', 'long long strtoll(const char *, char **, int)', '-9223372036854775808', 'NULL', '0'],
      '-9223372036854775808\n',
    );
    prints(['c', 'long strtol(const char *, char **, int)', 'ff', '0', '16'], '255\n');
    prints(['z', 'crc32', '0', 'null', '0'], '0\n');
  });

  it('prints a void result as nothing, and what the function printed before the result', () => {
    prints(['c', 'void srand(unsigned int)', '4294967295'], '');
    prints(['c', 'puts', 'from the sidecar'], 'from the sidecar\n17\n');
  });

  it('prints char * results as text, other pointers as addresses, and their text with --string', () => {
    prints(['c', 'char *getenv(const char *)', 'PATH'], `${process.env.PATH}\n`);
    prints(['c', 'char *getenv(const char *)', 'PATH', '--string'], `${process.env.PATH}\n`);
    prints(['c', 'getenv', 'SIDECAR_NO_SUCH_VARIABLE'], 'NULL\n');
    prints(['--string', 'c', 'getenv', 'SIDECAR_NO_SUCH_VARIABLE'], 'NULL\n');
    const r = sidecar('run', 'c', 'void *getenv(const char *)', 'PATH');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^0x[0-9a-f]{6,}\n$/);
    prints(['c', 'void *getenv(const char *)', 'PATH', '--string'], `${process.env.PATH}\n`);
    const v = sidecar('run', 'z', 'zlibVersion'); // const char * result: its text
    assert.equal(v.status, 0, v.stderr);
    assert.match(v.stdout, /^1\.\d+(\.\d+)*\n$/);
  });

  it('loads a library outside the known set only with --allow', () => {
    const a = new Assembler();
    a.global(a.here('add_one'));
    a.mov(eax, edi);
    a.inc(eax);
    a.ret();
    const so = join(tmpDir(), 'libaddone.so');
    writeFileSync(so, writeSharedObject(a.finish(), { soname: 'libaddone.so' }));
    prints(['--allow', so, so, 'int add_one(int)', '41'], '42\n');
    prints([`--allow=${so}`, so, 'int add_one(int)', '-1'], '0\n');
    fails([so, 'int add_one(int)', '41'], 2, /not in the known set.*--allow/);
  });

  it('refuses usage mistakes with status 2 before starting a sidecar', () => {
    fails(['nosuchlib', 'int f(int)', '1'], 2, /library 'nosuchlib' is not in the known set/);
    fails(['m', 'double cos(double', '0'], 2, /invalid C prototype/);
    fails(['m', 'struct s f(int)', '0'], 2, /by value is not supported/);
    fails(['m', 'nosuchfunction', '0'], 2, /no ready-made prototype for 'nosuchfunction' in m/);
    fails(['m', 'cos'], 2, /cos takes 1 argument, got 0/);
    fails(['m', 'cos', '1', '2'], 2, /cos takes 1 argument, got 2/);
    fails(['m', 'cos', 'zero'], 2, /argument 1 \(double x\) must be a number, got 'zero'/);
    fails(['c', 'abs', '2147483648'], 2, /must be an integer in \[-2147483648, 2147483647\]/);
    fails(['c', 'unsigned int sleep(unsigned int)', '-1'], 2, /must be an integer in \[0, 4294967295\]/);
    fails(['c', 'abs', '1.5'], 2, /must be an integer/);
    fails(['c', 'strtol', 'x', 'here', '10'], 2, /argument 2 \(char \*\* end\) must be null or an address/);
    fails(['m', 'cos', '0', '--string'], 2, /--string needs a function that returns a pointer/);
    const u = sidecar('run', 'm');
    assert.equal(u.status, 2);
    assert.match(u.stderr, /no prototype given[\s\S]*usage: sidecar run/);
    const o = sidecar('run', '--bogus', 'm', 'cos', '0');
    assert.equal(o.status, 2);
    assert.match(o.stderr, /unknown option '--bogus'/);
  });

  it('reports a failed call with status 1: missing symbol, crash, timeout', () => {
    fails(['c', 'int sidecar_no_such_function(int)', '1'], 1, /undefined symbol: sidecar_no_such_function/);
    fails(['c', 'size_t strlen(const void *)', '0x10'], 1, /killed by SIGSEGV while running strlen/);
    fails(['--timeout', '100', 'c', 'sleep', '5'], 1, /sleep timed out after 100 ms/);
  });
});

describe('sidecar build', () => {
  it('writes both artefacts into the cache and prints their paths and SHA-256', () => {
    const r = sidecar('build', '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      cacheDir: string;
      artifacts: { name: string; path: string; sha256: string; bytes: number }[];
    };
    assert.equal(out.cacheDir, cache);
    assert.deepEqual(out.artifacts.map((a) => a.name).sort(), ['channel.node', 'sidecar']);
    for (const a of out.artifacts) {
      const bytes = readFileSync(a.path);
      assert.equal(dirname(a.path), cache);
      assert.equal(createHash('sha256').update(bytes).digest('hex'), a.sha256);
      assert.equal(bytes.length, a.bytes);
      assert.equal(basename(a.path), `${a.name}-${a.sha256.slice(0, 32)}`);
      assert.deepEqual([...bytes.subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46]); // ELF
    }
    const exe = out.artifacts.find((a) => a.name === 'sidecar');
    assert.equal(statSync(exe?.path as string).mode & 0o777, 0o700);

    // The text form names the same files and hashes.
    const t = sidecar('build');
    assert.equal(t.status, 0, t.stderr);
    assert.match(t.stdout, new RegExp(`^cache +${cache}$`, 'm'));
    for (const a of out.artifacts) {
      assert.match(t.stdout, new RegExp(`^${a.name.replace('.', '\\.')} +${a.path}$`, 'm'));
      assert.match(t.stdout, new RegExp(`^ +sha256 ${a.sha256} +${a.bytes} bytes, already cached$`, 'm'));
    }
  });
});

describe('sidecar doctor', () => {
  it('finds libm in a live sidecar and reports the CPU features /proc/cpuinfo has', () => {
    const r = sidecar('doctor', '--json');
    assert.equal(r.status, 0, r.stderr);
    const d = JSON.parse(r.stdout) as {
      glibc: string | null;
      node: string;
      cpu: { features: Record<string, boolean>; logicalCpus: number };
      cache: { dir: string; artifacts: { name: string; state: string }[] };
      sidecar: { ok: boolean; pid: number };
      libraries: { name: string; present: boolean; soname: string | null }[];
    };
    assert.equal(d.sidecar.ok, true);
    assert.ok(d.sidecar.pid > 0);
    assert.equal(d.node, process.version);
    assert.match(d.glibc ?? '', /^2\.\d+$/);
    assert.equal(d.cache.dir, cache);
    const m = d.libraries.find((l) => l.name === 'm');
    assert.deepEqual({ present: m?.present, soname: m?.soname }, { present: true, soname: 'libm.so.6' });
    const c = d.libraries.find((l) => l.name === 'c');
    assert.equal(c?.soname, 'libc.so.6');

    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
    const flags = new Set((/^flags\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? '').split(/\s+/));
    const names = ['avx2', 'fma', 'bmi2', 'avx512f', 'avx512dq', 'avx512bw', 'avx512vl'];
    for (const f of names) assert.equal(d.cpu.features[f], flags.has(f), f);
    assert.equal(d.cpu.logicalCpus, (cpuinfo.match(/^processor\s*:/gm) ?? []).length);

    const t = sidecar('doctor');
    assert.equal(t.status, 0, t.stderr);
    assert.match(t.stdout, /^ {2}m +present +libm\.so\.6$/m);
    assert.match(t.stdout, /^ {2}status +ok: started/m);
    const line = (key: string) => (new RegExp(`^ {2}${key} +(.*)$`, 'm').exec(t.stdout)?.[1] ?? '').split(' ');
    assert.deepEqual(
      line('features').filter((f) => f !== '(none)'),
      names.filter((f) => flags.has(f)),
    );
    assert.deepEqual(
      line('missing').filter((f) => f !== '(none)'),
      names.filter((f) => !flags.has(f)),
    );
    assert.match(t.stdout, /^ {2}sidecar +built /m); // the JSON run above built it
  });

  it('names the Debian package of each library, and what to install for the missing ones', (t) => {
    const d = JSON.parse(sidecar('doctor', '--json').stdout) as { libraries: { name: string; package: string }[] };
    assert.equal(d.libraries.find((l) => l.name === 'openblas')?.package, 'libopenblas0');
    assert.equal(d.libraries.find((l) => l.name === 'lapacke')?.package, 'liblapacke');
    assert.equal(d.libraries.find((l) => l.name === 'blis')?.package, 'libblis4-pthread');
    for (const l of d.libraries) assert.match(l.package, /^lib|^zlib/, l.name);
    // OpenBLAS made missing for real: a private mount namespace hides its directory.
    const dir = '/usr/lib/x86_64-linux-gnu/openblas-pthread';
    const doctor = `mount -t tmpfs none ${dir} && exec "$0" "$1" doctor`;
    const r = spawnSync('unshare', ['-m', 'sh', '-c', doctor, process.execPath, CLI], {
      encoding: 'utf8',
      env: { ...process.env, SIDECAR_CACHE: cache },
    });
    if (r.status !== 0 || !r.stdout.includes('openblas')) {
      t.skip(`needs root, unshare and Debian's OpenBLAS in ${dir}: ${r.stderr.trim()}`);
      return;
    }
    assert.match(r.stdout, /^ {2}openblas +not found {2}\(tried .*; Debian package libopenblas0\)$/m);
    assert.match(
      r.stdout,
      /^to install what is missing \(Debian, Ubuntu\): apt-get install libopenblas0( liblapacke)?( libblis4-pthread)?$/m,
    );
  });

  it('exits 1 when no sidecar can start', () => {
    // A cache directory that is a file: nothing can be written, no sidecar starts.
    const file = join(tmpDir(), 'not-a-dir');
    writeFileSync(file, '');
    const r = spawnSync(process.execPath, [CLI, 'doctor'], {
      encoding: 'utf8',
      env: { ...process.env, SIDECAR_CACHE: file },
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /status +FAILED/);
    assert.match(r.stdout, /m +not loaded: not checked: no sidecar/);
  });
});

describe('the sidecar command', () => {
  it('COMMAND --help and -h print that command’s usage and exit 0, running nothing', () => {
    for (const name of ['demo', 'asm', 'build', 'run', 'forth', 'repl', 'doctor']) {
      const usage = sidecar('help', name);
      assert.equal(usage.status, 0, usage.stderr);
      assert.match(usage.stdout, new RegExp(`^usage: sidecar ${name}`));
      for (const args of [
        [name, '--help'],
        [name, '-h'],
      ]) {
        const r = sidecar(...args);
        assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stderr, '', args.join(' '));
        assert.equal(r.stdout, usage.stdout, args.join(' '));
      }
    }
    // After the arguments too; after `--` it is an argument.
    assert.equal(sidecar('run', 'm', 'cos', '--help').status, 0);
    const r = sidecar('run', 'c', 'size_t strlen(const char *)', '--', '--help');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '6\n');
  });

  it('stops quietly when the reader of its output goes away (demo | head -1)', () => {
    const r = spawnSync(
      'bash',
      ['-c', `"$0" "$1" demo | head -1; echo "status \${PIPESTATUS[0]}" >&2`, process.execPath, CLI],
      { env: { ...process.env, SIDECAR_CACHE: cache }, encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(r.stdout.split('\n').length, 2, r.stdout); // one line, as head printed it
    assert.equal(r.stderr, 'status 0\n');
  });
});
