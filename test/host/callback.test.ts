/**
 * Callbacks: C code in the sidecar calling JavaScript through a function
 * pointer made by sc.callback. libc's qsort sorts a region array with a JS
 * comparator (compared with Array.prototype.sort), from async and sync
 * calls; a thread the library starts calls back while the main thread waits
 * in pthread_join; a callback that throws rejects the call; a callback
 * reads sidecar memory outside the region; released and stale callbacks
 * are TypeErrors; a callback calling its own sidecar synchronously is an
 * error, not a deadlock.
 */

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { Sidecar } from '../../src/index.js';

const QSORT = 'void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))';

describe('callbacks', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 4 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  test('qsort with a JavaScript comparator, async and sync, matches Array.prototype.sort', async () => {
    const c = await sc.library('c');
    const n = 500;
    const arr = sc.alloc('int32_t', n);
    const values = Array.from({ length: n }, (_, k) => ((k * 7919) % 1009) - 500);
    const base = sc.address(arr);
    let calls = 0;
    const cmp = await sc.callback('int cmp(const void *, const void *)', (a: bigint, b: bigint) => {
      calls++;
      return (arr[Number(a - base) / 4] as number) - (arr[Number(b - base) / 4] as number);
    });
    const qsort = c.func(QSORT);
    const want = [...values].sort((x, y) => x - y);
    arr.set(values);
    await qsort(arr, n, 4, cmp);
    assert.deepEqual([...arr], want);
    const asyncCalls = calls;
    assert.ok(asyncCalls >= n - 1, `${asyncCalls} comparisons`);
    arr.set(values);
    qsort.sync(arr, n, 4, cmp);
    assert.deepEqual([...arr], want);
    assert.ok(calls > asyncCalls);
    cmp.release();
    assert.throws(() => qsort.sync(arr, n, 4, cmp), /released callback/);
    sc.free(arr);
  });

  test('arguments of several kinds, in integer and vector registers, and a double result', async () => {
    // A caller made here: calls the function pointer in rdi with
    // (-7, 1 << 40, xs[0], (float) xs[1], 200, -3, true) and returns what it returns.
    const { Assembler, rax, rcx, rdi, rsi, edx, ecx, r8d, xmm0, xmm1, qword } = await import('../../src/x86/index.js');
    const a = new Assembler();
    a.push(rax); // the stack 16-byte aligned at the call
    a.mov(rax, rdi);
    a.movsd(xmm0, qword(rsi));
    a.cvtsd2ss(xmm1, qword(rsi, 8));
    a.mov(rdi, -7n);
    a.mov(rsi, 1n << 40n);
    a.mov(edx, 200);
    a.mov(ecx, -3);
    a.mov(r8d, 1);
    a.call(rax);
    a.pop(rcx);
    a.ret();
    const caller = await sc.load(
      a.finish().sections[0]?.bytes as Uint8Array,
      'double caller(void *cb, const double *xs)',
    );
    const got: unknown[] = [];
    const cb = await sc.callback(
      'double cb(long a, long long b, double x, float y, unsigned char c, int d, bool e)',
      (...args: unknown[]) => {
        got.push(...args);
        return 42.5;
      },
    );
    const xs = sc.alloc('double', 2);
    xs.set([1.25, 0.5]);
    assert.equal(await caller(cb, xs), 42.5);
    assert.deepEqual(got, [-7n, 1n << 40n, 1.25, 0.5, 200, -3, true]);
    cb.release();
  });

  test('a thread the library starts calls back while the caller waits in pthread_join', async () => {
    const c = await sc.library('c');
    const seen: bigint[] = [];
    const start = await sc.callback('void *start(void *arg)', (arg: bigint) => {
      seen.push(arg);
      return arg + 1n;
    });
    const create = c.func('int pthread_create(uint64_t *t, const void *attr, void *(*start)(void *), void *arg)');
    const join = c.func('int pthread_join(uint64_t t, void **ret)');
    const t = sc.alloc('uint64_t', 1);
    const ret = sc.alloc('uint64_t', 1);
    assert.equal(await create(t, null, start, 41n), 0);
    assert.equal(await join(t[0] as bigint, ret), 0);
    assert.deepEqual(seen, [41n]);
    assert.equal(ret[0], 42n);
    // and with a synchronous join
    assert.equal(create.sync(t, null, start, 99n), 0);
    assert.equal(join.sync(t[0] as bigint, ret), 0);
    assert.equal(ret[0], 100n);
    start.release();
  });

  test('a callback that throws: the call rejects with that error, and the sidecar goes on', async () => {
    const c = await sc.library('c');
    const arr = sc.alloc('int32_t', 4);
    arr.set([4, 3, 2, 1]);
    const boom = new Error('comparator failed');
    const bad = await sc.callback('int cmp(const void *, const void *)', () => {
      throw boom;
    });
    const qsort = c.func(QSORT);
    await assert.rejects(qsort(arr, 4, 4, bad), (e) => e === boom);
    assert.throws(
      () => qsort.sync(arr, 4, 4, bad),
      (e) => e === boom,
    );
    const wrong = await sc.callback('int cmp(const void *, const void *)', () => 'a string');
    await assert.rejects(qsort(arr, 4, 4, wrong), /callback cmp must return an integer/);
    assert.equal(await c.func('int abs(int)')(-5), 5);
    bad.release();
    wrong.release();
  });

  test('inside a callback: memory outside the region is read through the waiting thread; a sync call is refused', async () => {
    const c = await sc.library('c');
    const strdup = c.func('void *strdup(const char *s)');
    const free = c.func('void free(void *p)');
    const abs = c.func('int abs(int)');
    // bsearch over C strings in the sidecar's heap (strdup), compared in JavaScript.
    const words = ['apple', 'kiwi', 'mango', 'pear'];
    const ptrs = sc.alloc('uint64_t', words.length);
    for (let k = 0; k < words.length; k++) ptrs[k] = (await strdup(words[k])) as bigint;
    const key = sc.alloc('uint64_t', 1);
    key[0] = (await strdup('mango')) as bigint;
    const seen: string[] = [];
    const refused: string[] = [];
    const deref = (p: bigint): bigint => new BigUint64Array(sc.read(p, 8).buffer)[0] as bigint;
    const cmp = await sc.callback('int cmp(const void *a, const void *b)', (a: bigint, b: bigint) => {
      const ka = sc.readCString(deref(a));
      const kb = sc.readCString(deref(b));
      seen.push(kb);
      try {
        abs.sync(1);
      } catch (e) {
        refused.push((e as Error).message);
      }
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    const bsearch = c.func(
      'void *bsearch(const void *key, const void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))',
    );
    assert.equal(await bsearch(key, ptrs, words.length, 8, cmp), sc.address(ptrs) + 16n);
    assert.ok(seen.includes('mango'), seen.join(' '));
    assert.ok(refused.length > 0 && refused.every((m) => /cannot call its own sidecar synchronously/.test(m)));
    for (const p of [...ptrs, key[0] as bigint]) await free(p);
    cmp.release();
  });

  test("curl's write callback receives the page, read from curl's buffer inside the callback", async () => {
    const body = `<html>${'Sidecar fetched this through a callback. '.repeat(500)}</html>`;
    const server = http.createServer((_req, res) => res.end(body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const curl = await sc.library('curl');
      const chunks: Buffer[] = [];
      const write = await sc.callback(
        'size_t write(char *ptr, size_t size, size_t nmemb, void *user)',
        (ptr: bigint, size: bigint, nmemb: bigint) => {
          const n = Number(size * nmemb);
          chunks.push(Buffer.from(sc.read(ptr, n)));
          return n;
        },
      );
      const easy = (await curl.func('void *curl_easy_init(void)')()) as bigint;
      const setopt = curl.func('int curl_easy_setopt(void *curl, int option, const char *value)');
      const setfn = curl.func(
        'int curl_easy_setopt(void *curl, int option, size_t (*f)(char *, size_t, size_t, void *))',
      );
      assert.equal(await setopt(easy, 10002, `http://127.0.0.1:${port}/`), 0); // CURLOPT_URL
      assert.equal(await setfn(easy, 20011, write), 0); // CURLOPT_WRITEFUNCTION
      assert.equal(await curl.func('int curl_easy_perform(void *curl)')(easy), 0);
      await curl.func('void curl_easy_cleanup(void *curl)')(easy);
      assert.equal(Buffer.concat(chunks).toString(), body);
      write.release();
    } finally {
      server.close();
    }
  });

  test('a callback keeps working after a restart; a plain function is a callback for one call', async () => {
    const s2 = await Sidecar.start({ memory: 2 << 20 });
    try {
      const c = await s2.library('c');
      const qsort = c.func(QSORT);
      const arr = s2.alloc('int32_t', 3);
      const cb = s2.callback(
        'int cmp(const int *, const int *)',
        (x: bigint, y: bigint) => s2.deref(y, 'int') - s2.deref(x, 'int'),
      );
      arr.set([1, 3, 2]);
      await qsort(arr, 3, 4, cb);
      assert.deepEqual([...arr], [3, 2, 1]);
      await s2.restart();
      arr.set([1, 3, 2]);
      qsort.sync(arr, 3, 4, cb);
      assert.deepEqual([...arr], [3, 2, 1]);
      cb.release();
      // A function given for the function pointer: made for the call, released when it completes.
      arr.set([9, 7, 8]);
      await qsort(arr, 3, 4, (x: bigint, y: bigint) => s2.deref(x, 'int') - s2.deref(y, 'int'));
      assert.deepEqual([...arr], [7, 8, 9]);
      for (let k = 0; k < 1100; k++) qsort.sync(arr, 3, 4, () => 0); // more than the thunks: each is given back
      // A function where the parameter is not a function pointer is refused.
      const free = c.func('void free(void *)') as (...a: unknown[]) => Promise<unknown>;
      await assert.rejects(async () => free(() => 0), TypeError);
    } finally {
      await s2.stop();
    }
  });
});
