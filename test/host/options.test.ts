/**
 * What a new user passes by mistake: start options, call options and the
 * arguments of alloc and load. Each is a TypeError or RangeError naming the
 * option and what it accepts, raised before anything is made or sent, and
 * the sidecar goes on answering.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type NativeFunction, Sidecar } from '../../src/index.js';
import { Assembler, dword, qword, rax, rdi, xmm } from '../../src/x86/index.js';

/** Machine code of a function built with the builder. */
function code(build: (a: Assembler) => void): Uint8Array {
  const a = new Assembler();
  build(a);
  return a.finish().sections[0]?.bytes as Uint8Array;
}

/** Asserts that `p` (a promise or a function) fails with `cls` and a message matching every pattern. */
async function fails(p: Promise<unknown> | (() => unknown), cls: ErrorConstructor, ...patterns: RegExp[]) {
  let err: unknown = null;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof cls, `expected a ${cls.name}, got ${String(err)}`);
  assert.equal((err as Error).constructor, cls, String(err));
  for (const re of patterns) assert.match((err as Error).message, re);
}

describe('start options', () => {
  const bad: [string, unknown, ErrorConstructor, RegExp][] = [
    ['allow as a string', { allow: 'libfoo.so' }, TypeError, /allow must be an array.*write allow: \["libfoo\.so"\]/],
    ['allow with a number', { allow: [3] }, TypeError, /allow must hold non-empty library names/],
    ['timeoutMs as text', { timeoutMs: 'x' }, TypeError, /timeoutMs must be a number.*"x"/],
    ['timeoutMs NaN', { timeoutMs: Number.NaN }, RangeError, /timeoutMs must be greater than 0.*NaN/],
    ['timeoutMs null', { timeoutMs: null }, TypeError, /timeoutMs.*null/],
    ['timeoutMs negative', { timeoutMs: -1 }, RangeError, /timeoutMs must be greater than 0/],
    ['an unknown option', { timeoutMS: 5 }, TypeError, /unknown option 'timeoutMS'.*timeoutMs/],
    ['memory as text', { memory: '16M' }, TypeError, /memory must be an integer number of bytes/],
    ['memory too small', { memory: 12345 }, RangeError, /memory must be between \d+ and \d+/],
    ['memory past the largest', { memory: 2 ** 41 }, RangeError, /memory must be between/],
    ['stdio', { stdio: 'pipe' }, TypeError, /stdio must be 'inherit' or 'ignore'/],
    ['env null', { env: null }, TypeError, /env must be an object/],
    ['env with a number', { env: { A: 1 } }, TypeError, /env\.A must be a string/],
    ['spin', { spin: 'no' }, TypeError, /spin must be true or false/],
    ['not an object', 5, TypeError, /options must be an object/],
  ];
  for (const [what, opts, cls, re] of bad) {
    test(`${what}: ${cls.name}`, async () => {
      await fails(Sidecar.start(opts as never), cls, /Sidecar\.start/, re);
    });
  }

  test('memory beyond what this Node can map is a RangeError naming the limit, not a Buffer error', async () => {
    // 2^40 is the region's own limit; Node 20 makes buffers of at most 4 GiB.
    const { constants } = await import('node:buffer');
    const max = Math.min(2 ** 40, Math.floor(constants.MAX_LENGTH / 4096) * 4096);
    await fails(Sidecar.start({ memory: max + 4096 }), RangeError, new RegExp(`and ${max} `));
  });
});

describe('call options and arguments', () => {
  let sc: Sidecar;
  let cos: NativeFunction;
  before(async () => {
    sc = await Sidecar.start({ memory: 4 << 20 });
    cos = (await sc.library('m')).func('double cos(double)');
  });
  after(async () => {
    await sc.stop();
  });

  const bad: [string, unknown, ErrorConstructor, RegExp][] = [
    ['timeoutMs as text', { timeoutMs: 'abc' }, TypeError, /cos(\.with|\.batch)?: timeoutMs must be a number.*"abc"/],
    ['timeoutMs NaN', { timeoutMs: Number.NaN }, RangeError, /cos(\.with|\.batch)?: timeoutMs must be greater than 0/],
    ['timeoutMs null', { timeoutMs: null }, TypeError, /cos(\.with|\.batch)?: timeoutMs.*null/],
    ['timeoutMs negative', { timeoutMs: -1 }, RangeError, /cos(\.with|\.batch)?: timeoutMs must be greater than 0.*-1/],
    ['timeoutMs zero', { timeoutMs: 0 }, RangeError, /timeoutMs must be greater than 0/],
    ['signal as text', { signal: 'x' }, TypeError, /cos(\.with|\.batch)?: signal must be an AbortSignal.*"x"/],
    ['an unknown option', { timeout: 5 }, TypeError, /cos(\.with|\.batch)?: unknown option 'timeout'/],
  ];
  for (const [what, opts, cls, re] of bad) {
    test(`${what}: ${cls.name} from each way of calling`, async () => {
      const pid = sc.pid;
      await fails(cos(0, opts), cls, re);
      await fails(() => cos.sync(0, opts), cls, re);
      await fails(() => cos.with(opts as never), cls, re);
      await fails(cos.batch([[0]], opts as never), cls, re);
      assert.equal(sc.pid, pid, 'the sidecar was not replaced');
      assert.equal(await cos(0), 1);
    });
  }

  test('good options still work', async () => {
    const ac = new AbortController();
    assert.equal(await cos(0, { timeoutMs: 1000, signal: ac.signal }), 1);
    assert.equal(cos.sync(0, { timeoutMs: Number.POSITIVE_INFINITY }), 1);
    assert.equal(await cos(0, { timeoutMs: undefined }), 1);
    assert.deepEqual(await cos.batch([[0]], { timeoutMs: 500 }), [1]);
  });

  test('alloc and load name what they accept', async () => {
    await fails(() => sc.alloc(undefined as never, 2), TypeError, /alloc: type must name a C scalar type.*undefined/);
    await fails(() => sc.alloc('struct foo', 2), TypeError, /alloc: type must name a C scalar type.*"struct foo"/);
    await fails(() => sc.alloc('double', 1.5), TypeError, /alloc: count must be an integer.*1\.5/);
    await fails(() => sc.alloc('double', '2' as never), TypeError, /alloc: count must be an integer.*"2"/);
    await fails(() => sc.alloc('double', -1), RangeError, /alloc: count/);
    await fails(sc.load('c3' as never), TypeError, /load: code must be machine code bytes.*"c3"/);
    await fails(sc.load(new Uint8Array([0xc3]), 5 as never), TypeError, /load: prototype must be a C prototype string/);
    assert.equal(await cos(0), 1);
  });

  test('a typed array of the wrong element type for a T * is a TypeError', async () => {
    const firstFloat = await sc.load(
      code((a) => {
        a.movss(xmm(0), dword(rdi));
        a.ret();
      }),
      'float first(const float *)',
    );
    const firstLong = await sc.load(
      code((a) => {
        a.mov(rax, qword(rdi));
        a.ret();
      }),
      'long first(const long *)',
    );
    const f32 = sc.alloc('float', 4);
    f32[0] = 1.5;
    assert.equal(await firstFloat(f32), 1.5);
    const f64 = sc.alloc('double', 4);
    f64[0] = 1.5;
    await fails(firstFloat(f64), TypeError, /argument 1 \(const float \*\) must be a Float32Array.*got Float64Array/);
    assert.throws(() => firstFloat.sync(f64), TypeError);
    await fails(firstFloat(sc.alloc('int32_t', 4)), TypeError, /got Int32Array/);
    await fails(firstLong(f64), TypeError, /argument 1 \(const long \*\) must be a BigInt64Array.*got Float64Array/);
    const i64 = sc.alloc('int64_t', 1);
    i64[0] = 7n;
    assert.equal(await firstLong(i64), 7n);
    assert.equal(await firstFloat(sc.address(f32)), 1.5);
  });

  test("a struct by value without a layout asks for sc.struct(), and '...' says what works instead", async () => {
    const c = await sc.library('c');
    for (const p of ['struct nosuch f(int)', 'int f(struct pair p)', 'union u g(void)']) {
      assert.throws(
        () => c.func(p),
        (e: Error) =>
          e instanceof TypeError &&
          /by value is not supported without its layout: declare it first with sc\.struct\(\)/.test(e.message) &&
          !/pointer/.test(e.message),
        p,
      );
    }
    assert.throws(
      () => c.func('int snprintf(char *s, size_t n, const char *format, ...)'),
      /spell out the types.*'int snprintf\(char \*, size_t, const char \*, int, double\)'/,
    );
    // And what it says works.
    const snprintf = c.func('int snprintf(char *, size_t, const char *, int, double)');
    const out = sc.alloc('char', 32);
    assert.equal(await snprintf(out, 32n, '%d %.1f', 7, 2.5), 5);
    assert.equal(sc.readCString(sc.address(out)), '7 2.5');
  });
});
