/**
 * The jail's probes, each tried in a jailed sidecar and denied — the
 * filter ends the process with a JailViolationError naming the system call,
 * or Landlock and the filter refuse with an errno the C call returns —
 * while a harmless workload in the same jail succeeds. Every jailed
 * sidecar is started once and restarted after each violation (a restart
 * applies the same jail again).
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ForthError, JailViolationError, LibraryError, Pool, Sidecar } from '../../src/index.js';
import { tmpDir } from '../support/tmp.js';

// long sys(long nr, long a, long b, long c): mov rax, rdi; mov rdi, rsi; mov rsi, rdx; mov rdx, rcx; syscall; ret
const SYSCALL = new Uint8Array([
  0x48, 0x89, 0xf8, 0x48, 0x89, 0xf7, 0x48, 0x89, 0xd6, 0x48, 0x89, 0xca, 0x0f, 0x05, 0xc3,
]);
const O_WRONLY_CREAT = 0o101;
const EACCES = 13;

const dir = tmpDir('sidecar-jail-');
const readable = path.join(dir, 'readable');
const writable = path.join(dir, 'writable');
const outside = path.join(dir, 'outside');
for (const d of [readable, writable, outside]) fs.mkdirSync(d);
fs.writeFileSync(path.join(readable, 'data.txt'), 'allowed');
fs.writeFileSync(path.join(outside, 'secret.txt'), 'denied');
const libz = ['/lib/x86_64-linux-gnu/libz.so.1', '/usr/lib/x86_64-linux-gnu/libz.so.1', '/lib64/libz.so.1'].find((p) =>
  fs.existsSync(p),
);
for (const d of [readable, outside]) if (libz) fs.copyFileSync(libz, path.join(d, 'libz.so.1'));

let sc: Sidecar;
before(async () => {
  sc = await Sidecar.start({
    jail: { fs: { read: [readable], write: [writable] }, memory: 1 << 30 },
    timeoutMs: 10_000,
    allow: [path.join(readable, 'libz.so.1'), path.join(outside, 'libz.so.1')],
    env: { ...process.env, OPENBLAS_NUM_THREADS: '2' },
  });
});
after(async () => {
  await sc?.stop();
});

/** A C call's result and errno in the sidecar. */
async function withErrno(run: () => Promise<number | bigint>): Promise<{ result: number | bigint; errno: number }> {
  const c = await sc.library('c');
  const loc = (await c.func('void *__errno_location(void)')()) as bigint;
  const result = await run();
  return { result, errno: sc.deref(loc, 'int') };
}

/** Runs `probe`, expects a JailViolationError naming `syscall`, restarts, and checks the harmless workload. */
async function violation(syscall: string, probe: () => Promise<unknown>): Promise<void> {
  await assert.rejects(probe(), (e: Error) => {
    assert.ok(e instanceof JailViolationError, `${e.name}: ${e.message}`);
    assert.equal(e.syscall, syscall);
    assert.match(e.message, new RegExp(`called ${syscall}`));
    return true;
  });
  await sc.restart();
  assert.equal(sc.jail?.seccomp, true);
  assert.match(
    fs.readFileSync(`/proc/${sc.pid}/status`, 'utf8'),
    /^Seccomp:\s+2$/m,
    'the restarted sidecar is jailed again',
  );
  const m = await sc.library('m');
  assert.equal(await m.func('double cos(double)')(0), 1);
}

test('jail: the report on this machine, every thread filtered, OpenBLAS with 2 threads and the Forth working', async () => {
  const j = sc.jail;
  assert.ok(j);
  assert.equal(j.noNewPrivs, true);
  assert.equal(j.seccomp, true);
  assert.equal(j.landlock, true);
  assert.ok(j.landlockAbi >= 1);
  assert.deepEqual(j.missing, j.landlockAbi >= 6 ? [] : j.missing);
  assert.equal(j.limits.memory, 1 << 30);
  const blas = await sc.library('openblas');
  const n = 96;
  const a = sc.alloc('double', n * n);
  const b = sc.alloc('double', n * n);
  for (let i = 0; i < n * n; i++) {
    a[i] = (i % 7) - 3;
    b[i] = (i % 5) - 2;
  }
  const c = sc.alloc('double', n * n);
  await blas.func('cblas_dgemm')(101, 111, 111, n, n, n, 1, a, n, b, n, 0, c, n);
  for (const [i, j2] of [
    [0, 0],
    [17, 80],
    [95, 95],
  ] as const) {
    let s = 0;
    for (let k = 0; k < n; k++) s += (a[i * n + k] as number) * (b[k * n + j2] as number);
    assert.equal(c[i * n + j2], s);
  }
  assert.equal(await sc.forth(': sq dup * ; 7 sq .'), '49 ');
  const tasks = fs.readdirSync(`/proc/${sc.pid}/task`);
  assert.ok(tasks.length >= 2, `OpenBLAS's thread: ${tasks.length} tasks`);
  for (const t of tasks) {
    const status = fs.readFileSync(`/proc/${sc.pid}/task/${t}/status`, 'utf8');
    assert.match(status, /^Seccomp:\s+2$/m, `task ${t}`);
    assert.match(status, /^NoNewPrivs:\s+1$/m, `task ${t}`);
  }
});

test('jail: execve from loaded code ends the sidecar with a JailViolationError naming execve', async () => {
  await violation('execve', async () => {
    const sys = await sc.load(SYSCALL, 'long sys(long nr, long a, long b, long c)');
    const sh = sc.cstring('/bin/sh');
    return sys(59, sc.address(sh), 0, 0);
  });
});

test("jail: fork() is clone without CLONE_THREAD: named 'clone'", async () => {
  await violation('clone', async () => (await sc.library('c')).func('int fork(void)')());
});

test('jail: ptrace and a socket are named', async () => {
  await violation('ptrace', async () =>
    (await sc.library('c')).func('long ptrace(int req, int pid, void *a, void *d)')(0, 0, null, null),
  );
  await violation('socket', async () =>
    (await sc.library('c')).func('int socket(int domain, int type, int protocol)')(2, 1, 0),
  );
});

test('jail: system("/bin/sh ...") runs nothing: its posix_spawn gets EPERM, system() says 127 << 8', async () => {
  const marker = path.join(writable, 'ran');
  const c = await sc.library('c');
  const { result } = await withErrno(() => c.func('int system(const char *cmd)')(`/bin/sh -c 'touch ${marker}'`));
  assert.equal(result, 127 << 8);
  assert.equal(fs.existsSync(marker), false);
});

test('jail: Landlock: /etc/passwd and paths outside the lists are refused (EACCES), the allowed ones work', async () => {
  const c = await sc.library('c');
  const open = c.func('int open(const char *path, int flags, int mode)');
  const close = c.func('int close(int fd)');
  for (const p of ['/etc/passwd', path.join(outside, 'secret.txt')]) {
    assert.deepEqual(await withErrno(() => open(p, 0, 0)), { result: -1, errno: EACCES }, p);
  }
  for (const p of [path.join(outside, 'new.txt'), path.join(readable, 'new.txt')]) {
    assert.deepEqual(await withErrno(() => open(p, O_WRONLY_CREAT, 0o644)), { result: -1, errno: EACCES }, p);
    assert.equal(fs.existsSync(p), false);
  }
  const fd = (await open(path.join(readable, 'data.txt'), 0, 0)) as number;
  assert.ok(fd >= 0);
  await close(fd);
  const w = (await open(path.join(writable, 'out.txt'), O_WRONLY_CREAT, 0o644)) as number;
  assert.ok(w >= 0);
  await c.func('long write(int fd, const char *s, long n)')(w, 'written', 7);
  await close(w);
  assert.equal(fs.readFileSync(path.join(writable, 'out.txt'), 'utf8'), 'written');
});

test('jail: signals to processes outside the jail are refused (Landlock scoping, ABI >= 6), to itself allowed', async () => {
  const kill = (await sc.library('c')).func('int kill(int pid, int sig)');
  if (sc.jail?.scoped) assert.deepEqual(await withErrno(() => kill(process.pid, 0)), { result: -1, errno: 1 });
  assert.equal(await kill(sc.pid, 0), 0);
});

test('jail: dlopen outside the readable paths fails, inside works', { skip: !libz && 'no libz.so.1' }, async () => {
  await assert.rejects(
    sc.library(path.join(outside, 'libz.so.1')),
    (e: Error) => e instanceof LibraryError && /Permission denied/.test(e.message),
  );
  const z = await sc.library(path.join(readable, 'libz.so.1'));
  assert.match(String(await sc.readCString((await z.func('void *zlibVersion(void)')()) as bigint)), /^1\./);
});

test('jail: memory past the limit is refused (malloc returns NULL), below it works', async () => {
  const c = await sc.library('c');
  const malloc = c.func('void *malloc(size_t n)');
  assert.equal(await malloc(2n << 30n), 0n);
  const p = (await malloc(1n << 20n)) as bigint;
  assert.notEqual(p, 0n);
  await c.func('void free(void *p)')(p);
});

test('jail: the same from Forth: file words, LIBRARY, EXTERN: of system and fork', async () => {
  assert.notEqual((await sc.forth('s" /etc/passwd" r/o open-file nip .')).trim(), '0');
  assert.equal((await sc.forth(`s" ${path.join(readable, 'data.txt')}" r/o open-file nip .`)).trim(), '0');
  if (libz) {
    await assert.rejects(
      sc.forth(`LIBRARY ${path.join(outside, 'libz.so.1')}`),
      (e: Error) => e instanceof ForthError && e.code === -38,
    );
  }
  assert.equal(
    (await sc.forth('LIBRARY libc.so.6 EXTERN: int system( const char * ) s" /bin/true" (Z) system .')).trim(),
    String(127 << 8),
  );
  await violation('clone', () => sc.forth('LIBRARY libc.so.6 EXTERN: int fork( ) fork .'));
});

test('jail: TCP connect only to the listed ports', async () => {
  const servers = await Promise.all(
    [0, 1].map(
      () =>
        new Promise<net.Server>((res) => {
          const s = net.createServer((c) => c.destroy());
          s.listen(0, '127.0.0.1', () => res(s));
        }),
    ),
  );
  const [open, closed] = servers.map((s) => (s.address() as net.AddressInfo).port) as [number, number];
  const j = await Sidecar.start({ jail: { network: [open] } });
  try {
    assert.deepEqual(j.jail?.network, [open]);
    const c = await j.library('c');
    const socket = c.func('int socket(int domain, int type, int protocol)');
    const connect = c.func('int connect(int fd, const void *addr, int len)');
    const loc = (await c.func('void *__errno_location(void)')()) as bigint;
    const addr = j.alloc('uint8_t', 16);
    const try_ = async (port: number) => {
      const fd = (await socket(2, 1, 0)) as number;
      assert.ok(fd >= 0);
      const dv = new DataView(addr.buffer, addr.byteOffset, 16);
      dv.setUint16(0, 2, true);
      dv.setUint16(2, port, false);
      dv.setUint32(4, 0x7f000001, false);
      const r = await connect(fd, addr, 16);
      const errno = j.deref(loc, 'int');
      await c.func('int close(int)')(fd);
      return { r, errno };
    };
    assert.deepEqual(await try_(open), { r: 0, errno: (await try_(open)).errno });
    assert.equal((await try_(open)).r, 0);
    if (j.jail?.ports) assert.deepEqual(await try_(closed), { r: -1, errno: EACCES });
    // UDP is not TCP: refused by the filter.
    await assert.rejects(socket(2, 2, 0), (e: Error) => e instanceof JailViolationError && e.syscall === 'socket');
  } finally {
    await j.stop();
    for (const s of servers) s.close();
  }
});

test('jail: options are checked with TypeErrors naming them', async () => {
  const bad: [unknown, RegExp][] = [
    [{ nope: 1 }, /unknown jail option 'nope'/],
    [{ fs: { read: ['relative'] } }, /jail\.fs\.read must hold absolute paths/],
    [{ fs: { write: '/tmp' } }, /jail\.fs\.write must be an array/],
    [{ fs: { read: ['/does/not/exist'] } }, /does not exist/],
    [{ network: true }, /jail\.network must be false or an array of TCP ports/],
    [{ network: [70000] }, /TCP ports \(1 to 65535\)/],
    [{ memory: 'lots' }, /jail\.memory must be an integer/],
    [{ maxFiles: 2 }, /jail\.maxFiles must be at least 16/],
    [{ threads: 1 }, /jail\.threads must be true or false/],
    [{ preload: [''] }, /jail\.preload must hold library sonames or paths/],
    ['yes', /jail must be true, false or an object/],
  ];
  for (const [jail, re] of bad) {
    await assert.rejects(
      Sidecar.start({ jail } as never),
      (e: Error) => (e instanceof TypeError || e instanceof RangeError) && re.test(e.message),
      String(re),
    );
  }
});

test('jail: a failed preload fails the start with the loader error', async () => {
  await assert.rejects(
    Sidecar.start({ jail: { preload: ['libdoes-not-exist.so.9'] } }),
    /could not apply its jail: preloading libdoes-not-exist\.so\.9 failed: .*No such file/,
  );
});

test('jail: preloads are loaded before the jail closes; threads: false ends the process at pthread_create', async () => {
  const j = await Sidecar.start({
    jail: { preload: ['libm.so.6'], threads: false },
    env: { ...process.env, OPENBLAS_NUM_THREADS: '1' },
  });
  try {
    assert.deepEqual(j.jail?.preload, ['libm.so.6']);
    assert.equal(await (await j.library('m')).func('double sqrt(double)')(16), 4);
    const c = await j.library('c');
    const thread = j.alloc('uint64_t', 1);
    await assert.rejects(
      c.func('int pthread_create(void *t, void *attr, void *fn, void *arg)')(
        thread,
        null,
        await c.symbol('sleep'),
        null,
      ),
      // glibc blocks every signal around its clone, so the kernel kills with SIGSYS unnamed.
      (e: Error) => e instanceof JailViolationError && e.signal === 'SIGSYS' && e.syscall === null,
    );
  } finally {
    await j.stop();
  }
});

test('jail: a jailed Pool jails every member', async () => {
  const pool = await Pool.start({ size: 2, jail: true });
  try {
    for (const m of pool.members) {
      assert.equal(m.jail?.seccomp, true);
      assert.match(fs.readFileSync(`/proc/${m.pid}/status`, 'utf8'), /^Seccomp:\s+2$/m);
    }
    assert.deepEqual(await pool.each(async (m) => (await m.library('m')).func('double cos(double)')(0)), [1, 1]);
  } finally {
    await pool.stop();
  }
});
