/**
 * Stage 1 end to end: real sidecars, real libraries, values checked against
 * what JavaScript (and Node's own zlib) computes independently.
 */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import events from 'node:events';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { AbortError, LibraryError, Sidecar, SidecarExitedError, TimeoutError } from '../../src/index.js';
import {
  Assembler,
  al,
  eax,
  edi,
  qword,
  r8,
  r9,
  rax,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
  xmm,
  xmm8,
  xmm9,
} from '../../src/x86/index.js';

/** Machine code of a function built with the builder. */
function code(build: (a: Assembler) => void): Uint8Array {
  const a = new Assembler();
  build(a);
  return a.finish().sections[0]?.bytes as Uint8Array;
}

/** This process's open file descriptors. */
const fds = () => fs.readdirSync('/proc/self/fd').length;
/** The lines of /proc/self/maps that map a shared region (the memfd is named sidecar-region). */
const regionLines = () =>
  fs
    .readFileSync('/proc/self/maps', 'utf8')
    .split('\n')
    .filter((l) => l.includes('sidecar-region'));
const regions = () => regionLines().length;

function crc32(bytes: Uint8Array): number {
  let c = ~0 >>> 0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

describe('calls through a real sidecar', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 16 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  test('double and float through libm', async () => {
    const m = await sc.library('m');
    const cos = m.func('double cos(double)');
    assert.equal(await cos(0), 1);
    assert.equal(cos.sync(0.5), Math.cos(0.5));
    assert.equal(await m.func('double pow(double x, double y)')(2, 10), 1024);
    assert.equal(await m.func('double atan2(double, double)')(1, -1), Math.atan2(1, -1));
    assert.equal(await m.func('float sqrtf(float)')(2), Math.fround(Math.sqrt(2)));
    assert.equal(await m.func('double ldexp(double, int)')(3, -2), 0.75);
    assert.equal(await m.func('hypot')(3, 4), 5); // ready-made prototype from the registry
  });

  test('integers, size_t, const char * and void through libc', async () => {
    const c = await sc.library('c');
    assert.equal(await c.func('int abs(int)')(-2147483647), 2147483647);
    assert.equal(await c.func('long labs(long)')(-5), 5n);
    assert.equal(await c.func('size_t strlen(const char *)')('héllo'), 6n);
    assert.equal(await c.func('int atoi(const char *s)')('-123'), -123);
    assert.equal(await c.func('double strtod(const char *, char **)')('3.25', null), 3.25);
    assert.equal(
      await c.func('unsigned long long strtoull(const char *, char **, int)')('18446744073709551615', null, 10),
      2n ** 64n - 1n,
    );
    assert.equal(
      await c.func('long long strtoll(const char *, char **, int)')('-9223372036854775808', null, 10),
      -(2n ** 63n),
    );
    assert.equal(await c.func('int toupper(int)')('a'.charCodeAt(0)), 'A'.charCodeAt(0));
    assert.equal(await c.func('void srand(unsigned int)')(4294967295), undefined);
    assert.equal(await c.func('int getpid(void)')(), sc.pid);
    // Pointers: memset/memcpy on arrays in the shared region.
    const buf = sc.alloc('uint8_t', 64) as Uint8Array;
    const dst = sc.alloc('unsigned char', 64) as Uint8Array;
    const memset = c.func('void *memset(void *s, int c, size_t n)');
    assert.equal(await memset(buf, 0x5a, 64), sc.address(buf));
    assert.ok(buf.every((b) => b === 0x5a));
    await c.func('memcpy')(dst, buf.subarray(8), 16);
    assert.deepEqual([...dst.subarray(0, 17)], [...new Array(16).fill(0x5a), 0]);
    sc.free(buf);
    sc.free(dst);
  });

  test('zlib: crc32 and a compress/uncompress round trip checked by Node zlib', async () => {
    const z = await sc.library('z');
    const text = Buffer.from('Sidecar moves bytes zero-copy through shared memory. '.repeat(50));
    const src = sc.alloc('uint8_t', text.length) as Uint8Array;
    src.set(text);
    assert.equal(await z.func('crc32')(0, src, text.length), BigInt(crc32(text)));
    const bound = Number(await z.func('compressBound')(text.length));
    const out = sc.alloc('uint8_t', bound) as Uint8Array;
    const outLen = sc.alloc('unsigned long', 1) as BigUint64Array;
    outLen[0] = BigInt(bound);
    assert.equal(await z.func('compress2')(out, outLen, src, text.length, 9), 0);
    const compressed = out.subarray(0, Number(outLen[0]));
    assert.deepEqual(zlib.inflateSync(compressed), text);
    // And back: Node compresses, the sidecar inflates.
    const deflated = zlib.deflateSync(text);
    const cin = sc.alloc('uint8_t', deflated.length) as Uint8Array;
    cin.set(deflated);
    const back = sc.alloc('uint8_t', text.length) as Uint8Array;
    const backLen = sc.alloc('size_t', 1) as BigUint64Array;
    backLen[0] = BigInt(text.length);
    assert.equal(z.func('uncompress').sync(back, backLen, cin, deflated.length), 0);
    assert.equal(Number(backLen[0]), text.length);
    assert.deepEqual(Buffer.from(back), text);
    assert.equal(sc.readCString(sc.address(src) + 7n, 6), ' moves');
    for (const v of [src, out, outLen, cin, back, backLen]) sc.free(v);
  });

  test('8-, 16-bit, bool and unsigned arguments and results, via assembled code', async () => {
    // long mix(int8_t, uint8_t, int16_t, uint16_t, int32_t, uint32_t) sums the six full 64-bit
    // registers: the host widens each argument (sign or zero) to 64 bits.
    const mix = await sc.load(
      code((a) => {
        a.lea(rax, qword(rdi, rsi, 1, 0));
        a.add(rax, rdx);
        a.add(rax, rcx);
        a.add(rax, r8);
        a.add(rax, r9);
        a.ret();
      }),
      'long mix(int8_t a, uint8_t b, int16_t c, uint16_t d, int32_t e, uint32_t f)',
    );
    const mixArgs = [-128, 255, -32768, 65535, -2147483648, 4294967295];
    assert.equal(await mix(...mixArgs), BigInt(mixArgs.reduce((x, y) => x + y, 0)));
    assert.equal(await mix('a', 'b', 0, 0, 0, 0), 97n + 98n); // char arguments take one-character strings
    await assert.rejects(mix(-129, 0, 0, 0, 0, 0), TypeError);
    await assert.rejects(mix(0, 256, 0, 0, 0, 0), TypeError);
    await assert.rejects(mix(0, 0, 0, -1, 0, 0), TypeError);
    // bool negate(bool): returns !x in al
    const negate = await sc.load(
      code((a) => {
        a.mov(eax, edi);
        a.xor(al, 1);
        a.ret();
      }),
      'bool negate(bool)',
    );
    assert.equal(await negate(true), false);
    assert.equal(negate.sync(false), true);
    // Results are narrowed to their C type whatever the upper bits of rax hold.
    const junk = (v: bigint) =>
      code((a) => {
        a.mov(rax, v);
        a.ret();
      });
    assert.equal(await (await sc.load(junk(0x1234567890abcdefn), 'int8_t f(void)'))(), -17);
    assert.equal(await (await sc.load(junk(0x1234567890abcdefn), 'uint8_t f(void)'))(), 0xef);
    assert.equal(await (await sc.load(junk(0x1234567890ab8001n), 'short f(void)'))(), -32767);
    assert.equal(await (await sc.load(junk(0x1234567890ab8001n), 'unsigned short f(void)'))(), 0x8001);
    assert.equal(await (await sc.load(junk(0x12345678fffffffen), 'int f(void)'))(), -2);
    assert.equal(await (await sc.load(junk(0x12345678fffffffen), 'unsigned f(void)'))(), 0xfffffffe);
    assert.equal(await (await sc.load(junk(-1n), 'uint64_t f(void)'))(), 2n ** 64n - 1n);
    assert.equal(await (await sc.load(junk(-1n), 'int64_t f(void)'))(), -1n);
  });

  test('a 16-argument call mixing integers and doubles passes stack arguments in order', async () => {
    // double weigh(i0,d0,i1,d1,i2,d2,i3,d3,i4,d4,i5,d5,i6,d6,d7,d8) = Σ (k+1)·p_k
    // System V: i0..i5 in rdi rsi rdx rcx r8 r9, d0..d7 in xmm0..7; i6 at [rsp+8], d8 at [rsp+16].
    const weigh = await sc.load(
      code((a) => {
        const ints: [typeof rdi, number][] = [
          [rdi, 0],
          [rsi, 2],
          [rdx, 4],
          [rcx, 6],
          [r8, 8],
          [r9, 10],
        ];
        const doubles = [1, 3, 5, 7, 9, 11, 13, 14];
        a.pxor(xmm8, xmm8);
        for (const [r, k] of ints) {
          a.imul(rax, r, k + 1);
          a.cvtsi2sd(xmm9, rax);
          a.addsd(xmm8, xmm9);
        }
        a.imul(rax, qword(rsp, 8), 13); // i6 is parameter 12
        a.cvtsi2sd(xmm9, rax);
        a.addsd(xmm8, xmm9);
        doubles.forEach((k, j) => {
          a.mov(eax, k + 1);
          a.cvtsi2sd(xmm9, eax);
          a.mulsd(xmm9, xmm(j));
          a.addsd(xmm8, xmm9);
        });
        a.mov(eax, 16); // d8 is parameter 15
        a.cvtsi2sd(xmm9, eax);
        a.mulsd(xmm9, qword(rsp, 16));
        a.addsd(xmm8, xmm9);
        a.movsd(xmm(0), xmm8);
        a.ret();
      }),
      'double weigh(long i0, double d0, long i1, double d1, long i2, double d2, long i3, double d3, long i4, double d4, long i5, double d5, long i6, double d6, double d7, double d8)',
    );
    const args = [3, 0.5, -7, 1.25, 11, -2.5, 13, 4, -17, 8.75, 19, 0.125, 23, -3, 6.5, 1000];
    const expected = args.reduce((s, v, k) => s + (k + 1) * v, 0);
    assert.equal(await weigh(...args), expected);
    assert.equal(weigh.sync(...args), expected);
  });

  test('bad input is a TypeError raised before anything is sent', async () => {
    const m = await sc.library('m');
    const cos = m.func('double cos(double)');
    for (const p of [
      'double cos(',
      'cos(double)',
      'double cos(double',
      'struct s f(int)',
      'int f(int (*cb)(int), ...)',
      'foo bar(int)',
      'double cos(double, ...)',
    ]) {
      assert.throws(() => m.func(p), TypeError, p);
    }
    // a JS function is a callback only where the parameter is a function pointer
    const free = (await sc.library('c')).func('void free(void *)') as (...a: unknown[]) => Promise<unknown>;
    await assert.rejects(async () => free(() => 1), /must be a typed array in the region, a callback/);
    await assert.rejects(sc.library('libnotthere.so.9'), TypeError);
    await assert.rejects(sc.library('/tmp/evil.so'), /not in the known set/);
    // @ts-expect-error: the prototype's types reject it at compile time, the marshaller at run time
    await assert.rejects(cos(), /expected 1 argument, got 0/);
    // @ts-expect-error: the prototype's types reject it at compile time, the marshaller at run time
    await assert.rejects(cos(1, 2), TypeError);
    // @ts-expect-error: the prototype's types reject it at compile time, the marshaller at run time
    await assert.rejects(cos('1'), /must be a number/);
    // @ts-expect-error: the prototype's types reject it at compile time, the marshaller at run time
    assert.throws(() => cos.sync(1n), TypeError);
    const c = await sc.library('c');
    const strlen = c.func('size_t strlen(const char *)');
    await assert.rejects(strlen(new Uint8Array(8)), /outside the sidecar's shared region/);
    // @ts-expect-error: the prototype's types reject it at compile time, the marshaller at run time
    await assert.rejects(strlen(12), TypeError);
    await assert.rejects(c.func('int abs(int)')(2 ** 31), /integer in \[-2147483648, 2147483647\]/);
    await assert.rejects(c.func('int abs(int)')(1.5), TypeError);
    assert.throws(() => sc.alloc('struct foo', 3), TypeError);
    assert.throws(() => sc.alloc('double', -1), RangeError);
    assert.throws(() => sc.free(new Float64Array(2)), TypeError);
    // The sidecar is untouched and answers.
    assert.equal(await cos(0), 1);
  });

  test('an allowed library that is not there is a LibraryError listing each soname tried', async () => {
    const missing = '/nonexistent/libsidecar-missing.so.1';
    const s2 = await Sidecar.start({ memory: 2 << 20, allow: [missing] });
    try {
      const err = await s2.library(missing).then(
        () => null,
        (e) => e,
      );
      assert.ok(err instanceof LibraryError, String(err));
      assert.deepEqual(
        err.attempts.map((a) => a.soname),
        [missing],
      );
      assert.match(err.attempts[0]?.error ?? '', /No such file or directory/);
      assert.equal(await s2.ping(5n), 5n);
    } finally {
      await s2.stop();
    }
  });

  test('many calls in one tick, a batch API and sync calls interleave in order', async () => {
    const m = await sc.library('m');
    const sqrt = m.func('double sqrt(double)');
    const xs = Array.from({ length: 10_000 }, (_, i) => i);
    const all = await Promise.all(xs.map((x) => sqrt(x)));
    assert.deepEqual(all, xs.map(Math.sqrt));
    const batch = await sqrt.batch(xs.map((x) => [x]));
    assert.deepEqual(batch, xs.map(Math.sqrt));
    const p = sqrt(16);
    assert.equal(sqrt.sync(81), 9);
    assert.equal(await p, 4);
  });

  test('batches larger than the ring (results, strings, void), with calls between them, settle in order', async () => {
    const c = await sc.library('c');
    const abs = c.func('int abs(int)');
    const strlen = c.func('size_t strlen(const char *)');
    const memset = c.func('void memset(void *s, int c, size_t n)');
    const buf = sc.alloc('uint8_t', 64);
    const xs = Array.from({ length: 40_000 }, (_, i) => i - 20_000);
    const strs = Array.from({ length: 20_000 }, (_, i) => 'x'.repeat(i % 17));
    const p1 = abs.batch(xs.map((x) => [x]));
    const single = abs(-5);
    const p2 = strlen.batch(strs.map((s) => [s]));
    const p3 = memset.batch(Array.from({ length: 30_000 }, (_, i) => [buf, i % 251, 64]));
    const last = abs(-6);
    assert.deepEqual(await p1, xs.map(Math.abs));
    assert.equal(await single, 5);
    assert.deepEqual(
      (await p2).map(Number),
      strs.map((s) => s.length),
    );
    const voids = await p3;
    assert.equal(voids.length, 30_000);
    assert.ok(voids.every((v) => v === undefined));
    assert.ok([...buf].every((b) => b === 29_999 % 251));
    assert.equal(await last, 6);
    // aborted while most of it still waits for room: it rejects, and the channel goes on
    const ac = new AbortController();
    const big = abs.batch(
      xs.map((x) => [x]),
      { signal: ac.signal },
    );
    ac.abort();
    await assert.rejects(big, (e: unknown) => e instanceof AbortError);
    assert.deepEqual(await abs.batch([[-1], [-2]]), [1, 2]);
    assert.equal(abs.sync(-7), 7);
  });

  test('a batch with one bad list runs none of it (every list is checked before any is sent)', async () => {
    const c = await sc.library('c');
    const memset = c.func('void *memset(void *s, int c, size_t n)');
    const buf = sc.alloc('uint8_t', 4);
    await assert.rejects(
      memset.batch([
        [buf, 7, 4],
        [buf, 300n, 4],
      ]),
      /argument 2 \(int\).*list 1 of the batch; none of it was sent/,
    );
    await assert.rejects(
      memset.batch([
        [buf, 7, 4],
        [buf, 7],
      ]),
      /expected 3 arguments, got 2.*list 1/,
    );
    await assert.rejects(memset.batch([[buf, 7, 4], 'x' as never]), /list 1 is not an array/);
    assert.deepEqual([...buf], [0, 0, 0, 0]);
    await memset.batch([
      [buf, 7, 4],
      [buf, 9, 2],
    ]);
    assert.deepEqual([...buf], [9, 9, 7, 7]);
  });

  test('AbortSignal: one signal for many calls keeps no listener once they are done', async () => {
    const abs = (await sc.library('c')).func('int abs(int)');
    const ac = new AbortController();
    for (let i = 0; i < 30; i++) assert.equal(await abs(-i, { signal: ac.signal }), i);
    await Promise.all(Array.from({ length: 30 }, (_, i) => abs(-i, { signal: ac.signal })));
    for (let i = 0; i < 30; i++) await abs.batch([[-i], [i]], { signal: ac.signal });
    assert.equal(events.getEventListeners(ac.signal, 'abort').length, 0);
  });

  test('AbortSignal: an already aborted signal rejects without sending', async () => {
    const m = await sc.library('m');
    const cos = m.func('double cos(double)');
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(cos(0, { signal: ac.signal }), AbortError);
    assert.throws(() => cos.sync(0, { signal: ac.signal }), AbortError);
    assert.equal(await cos(0), 1);
  });
});

describe('failures', () => {
  test('a segfault rejects with SidecarExitedError naming SIGSEGV; buffers survive; restart sees them', async () => {
    const sc = await Sidecar.start({ memory: 8 << 20 });
    const text = sc.alloc('uint8_t', 101) as Uint8Array;
    text.fill(0x61, 0, 100);
    const before = Buffer.from(text);
    const crash = await sc.load(
      code((a) => {
        a.mov(qword(null, 0), 1);
        a.ret();
      }),
      'void crash(void)',
    );
    const oldPid = sc.pid;
    let exitInfo: unknown = null;
    sc.on('exit', (i) => {
      exitInfo = i;
    });
    const err = await crash().catch((e) => e);
    assert.ok(err instanceof SidecarExitedError, String(err));
    assert.equal(err.signal, 'SIGSEGV');
    assert.equal(err.call, 'crash');
    assert.deepEqual(exitInfo, { code: null, signal: 'SIGSEGV', call: 'crash', requested: null });
    assert.deepEqual(Buffer.from(text), before);
    await assert.rejects(crash(), SidecarExitedError); // dead until restarted
    await sc.restart();
    assert.notEqual(sc.pid, oldPid);
    const c = await sc.library('c');
    assert.equal(await c.func('size_t strlen(const char *)')(text), 100n);
    await sc.stop();
  });

  test('kill -9 during a long call rejects every pending call within 100 ms', async () => {
    const sc = await Sidecar.start({ memory: 8 << 20 });
    const c = await sc.library('c');
    const sleep = c.func('unsigned int sleep(unsigned int)');
    const calls = [sleep(10), sleep(10), c.func('int abs(int)')(-1)];
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    process.kill(sc.pid, 'SIGKILL');
    const results = await Promise.allSettled(calls);
    const dt = performance.now() - t0;
    assert.ok(dt < 100, `took ${dt} ms`);
    for (const r of results) {
      assert.equal(r.status, 'rejected');
      assert.ok((r as PromiseRejectedResult).reason instanceof SidecarExitedError);
      assert.equal((r as PromiseRejectedResult).reason.signal, 'SIGKILL');
    }
    await sc.stop();
  });

  test('a call past its deadline rejects with TimeoutError and the next call runs on a fresh sidecar', async () => {
    const sc = await Sidecar.start({ memory: 8 << 20 });
    const c = await sc.library('c');
    const sleep = c.func('unsigned int sleep(unsigned int)');
    const pid = sc.pid;
    const t0 = performance.now();
    const err = await sleep
      .with({ timeoutMs: 100 })(5)
      .catch((e) => e);
    const dt = performance.now() - t0;
    assert.ok(err instanceof TimeoutError, String(err));
    assert.ok(dt >= 95 && dt < 400, `took ${dt} ms`);
    assert.notEqual(sc.pid, pid);
    assert.equal(await c.func('int abs(int)')(-3), 3);
    // Synchronous calls time out the same way (the sidecar's default deadline here).
    const sc2 = await Sidecar.start({ memory: 8 << 20, timeoutMs: 100 });
    const sleep2 = (await sc2.library('c')).func('unsigned int sleep(unsigned int)');
    const t1 = performance.now();
    assert.throws(() => sleep2.sync(5), TimeoutError);
    assert.throws(() => sleep2.sync(5, { timeoutMs: 50 }), TimeoutError);
    assert.ok(performance.now() - t1 < 400);
    assert.equal(sleep2.sync(0), 0);
    await sc.stop();
    await sc2.stop();
  });

  test('an AbortSignal fired during a running call replaces the sidecar', async () => {
    const sc = await Sidecar.start({ memory: 8 << 20 });
    const c = await sc.library('c');
    const ac = new AbortController();
    const p = c.func('unsigned int sleep(unsigned int)')(5, { signal: ac.signal });
    setTimeout(() => ac.abort(), 30);
    await assert.rejects(p, AbortError);
    assert.equal(await c.func('int abs(int)')(-4), 4);
    await sc.stop();
  });

  test('a host killed with SIGKILL leaves no sidecar behind', async () => {
    const script = `
      import { Sidecar } from ${JSON.stringify(new URL('../../src/index.js', import.meta.url).href)};
      const sc = await Sidecar.start({ memory: 8 << 20 });
      console.log(sc.pid);
      setInterval(() => {}, 1000);
    `;
    const host = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((res, rej) => {
      host.stdout.once('data', (d) => res(Number(String(d).trim())));
      host.once('exit', () => rej(new Error('host exited early')));
    });
    assert.ok(pid > 0);
    assert.doesNotThrow(() => process.kill(pid, 0));
    host.kill('SIGKILL');
    const t0 = performance.now();
    let alive = true;
    while (performance.now() - t0 < 1000) {
      try {
        process.kill(pid, 0);
        const st = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (/\) Z /.test(st)) alive = false;
      } catch {
        alive = false;
      }
      if (!alive) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(alive, false, 'sidecar outlived its host');
  });

  test('200 start/stop cycles leave open fds and child processes as they were', async () => {
    const children = () =>
      fs
        .readdirSync('/proc')
        .filter((d) => /^\d+$/.test(d))
        .filter((d) => {
          try {
            return fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(process.pid);
          } catch {
            return false;
          }
        }).length;
    const warm = await Sidecar.start({ memory: 2 << 20 });
    await warm.stop();
    const fd0 = fds();
    const ch0 = children();
    for (let i = 0; i < 200; i++) {
      const sc = await Sidecar.start({ memory: 2 << 20 });
      await sc.stop();
    }
    // No more than before: a child or fd of an earlier test may still be going away when the count starts.
    assert.ok(fds() <= fd0, `${fds()} open fds, ${fd0} before`);
    assert.ok(children() <= ch0, `${children()} child processes, ${ch0} before`);
  });

  test('a bad start option is a TypeError or RangeError that leaves no region or fd behind', async () => {
    const fd0 = fds();
    const maps0 = regions();
    for (let i = 0; i < 5; i++) {
      await assert.rejects(Sidecar.start({ memory: 2 << 20, allow: [''] }), TypeError);
      await assert.rejects(Sidecar.start({ memory: 12345 }), RangeError);
    }
    assert.equal(fds(), fd0);
    assert.ok(regions() <= maps0, 'no new region');
    // The counter does see a region when there is one.
    const live = await Sidecar.start({ memory: 2 << 20 });
    assert.ok(
      regionLines().some((l) => l.startsWith(live.regionAddress.toString(16))),
      'a live region is counted',
    );
    await live.stop();
  });

  test('stopped regions holding data are collected: V8 is told what they hold', async () => {
    const before = regions();
    const live = await Sidecar.start({ memory: 2 << 20 });
    assert.ok(
      regionLines().some((l) => l.startsWith(live.regionAddress.toString(16))),
      'a live region is counted',
    );
    await live.stop();
    let most = 0;
    for (let i = 0; i < 40; i++) {
      const sc = await Sidecar.start({ memory: 32 << 20 });
      sc.alloc('double', 2 << 20).fill(i); // 16 MiB of the region in use
      await sc.stop();
      most = Math.max(most, regions() - before);
    }
    // 640 MiB went through; unless V8 counts the stopped regions' pages, nothing
    // makes it collect their buffers in a loop that allocates this little.
    assert.ok(most <= 16, `${most} stopped regions were still mapped at once`);
  });

  test('await using stops the sidecar', async () => {
    let pid = 0;
    {
      await using sc = await Sidecar.start({ memory: 2 << 20 });
      pid = sc.pid;
      assert.equal(await sc.ping(7n), 7n);
    }
    await new Promise((r) => setTimeout(r, 50));
    assert.throws(() => process.kill(pid, 0));
  });
});
