/**
 * Strings across the boundary, with real libc and sqlite: char * results as
 * JS strings (getenv, strerror, realpath), results the caller frees (strdup
 * and realpath with { free: true }, checked through malloc's reuse of the
 * freed block), JS strings copied for a call, sc.cstring buffers a library
 * keeps (sqlite's SQLITE_STATIC), special pointers (SQLITE_TRANSIENT as -1n),
 * and pointer arguments of the wrong element type. References are
 * independent: the host's environment, Node's errno table, fs.realpathSync.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import util from 'node:util';
import { KNOWN_LIBRARIES, type Library, Sidecar } from '../../src/index.js';

const VALUE = 'héllo wörld ✓';

describe('strings and pointers through a real sidecar', () => {
  let sc: Sidecar;
  let c: Library;
  let dir: string;
  before(async () => {
    sc = await Sidecar.start({ env: { ...process.env, SIDECAR_STRINGS_TEST: VALUE } });
    c = await sc.library('c');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-strings-'));
  });
  after(async () => {
    await sc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('char * and const char * results are strings, NULL is null (async, sync, batch, with)', async () => {
    const getenv = c.func('char *getenv(const char *name)');
    assert.equal(await getenv('SIDECAR_STRINGS_TEST'), VALUE);
    assert.equal(getenv.sync('SIDECAR_STRINGS_TEST'), VALUE);
    assert.equal(await getenv('SIDECAR_NO_SUCH_VARIABLE'), null);
    assert.equal(getenv.sync('SIDECAR_NO_SUCH_VARIABLE'), null);
    assert.deepEqual(await getenv.batch([['SIDECAR_STRINGS_TEST'], ['SIDECAR_NO_SUCH_VARIABLE'], ['PATH']]), [
      VALUE,
      null,
      process.env.PATH,
    ]);
    assert.equal(await getenv.with({ timeoutMs: 5000 })('SIDECAR_STRINGS_TEST'), VALUE);
    assert.equal(await getenv('SIDECAR_STRINGS_TEST', { timeoutMs: 5000 }), VALUE);
    assert.equal(await c.func('getenv')('SIDECAR_STRINGS_TEST'), VALUE); // the ready-made prototype
    // strerror: the text glibc has for errno, against the host's errno table (libuv words it in lower case).
    const strerror = c.func('const char *strerror(int errnum)');
    for (const [errno, [, text]] of [...util.getSystemErrorMap()].filter(([e]) => [-2, -13].includes(e))) {
      assert.equal((await strerror(-errno))?.toLowerCase(), text.toLowerCase());
    }
    // A pointer result that is not char * stays an address; void * reads the same text with readCString.
    const raw = (await c.func('void *getenv(const char *)')('SIDECAR_STRINGS_TEST')) as bigint;
    assert.equal(typeof raw, 'bigint');
    assert.equal(sc.readCString(raw), VALUE);
  });

  test('{ free: true }: the result is freed with libc free after the copy (malloc gives the block back)', async () => {
    const text = 'x'.repeat(200);
    const strdupRaw = c.func('void *strdup(const char *)');
    const strdup = c.func('char *strdup(const char *s)', { free: true });
    const malloc = c.func('void *malloc(size_t)');
    const free = c.func('void free(void *)');
    // glibc hands a freed block of one size back to the next malloc of that size (last in, first out).
    const p = await strdupRaw(text);
    await free(p);
    assert.equal(await strdup(text), text); // takes p, and frees it after the copy
    const q = await malloc(text.length + 1);
    assert.equal(q, p, 'the block strdup took was freed');
    await free(q);
    // The same through sync and without the option (the block stays taken).
    assert.equal(strdup.sync(text), text);
    assert.equal(malloc.sync(text.length + 1), p);
    await free(p);
    const kept = c.func('char *strdup(const char *)');
    assert.equal(await kept(text), text);
    const r = (await malloc(text.length + 1)) as bigint;
    assert.notEqual(r, p, 'without free the block is still the string');
    await free(r);
    await free(p);

    // realpath(path, NULL) mallocs its answer; the caller frees it.
    const realpath = c.func('char *realpath(const char *path, char *resolved)', { free: true });
    fs.mkdirSync(path.join(dir, 'réal'));
    fs.symlinkSync(path.join(dir, 'réal'), path.join(dir, 'link'));
    assert.equal(
      await realpath(path.join(dir, 'link', '.', '..', 'link'), null),
      fs.realpathSync.native(dir + '/link'),
    );
    assert.equal(await realpath(path.join(dir, 'no-such-file'), null), null);

    assert.equal(await c.func('strdup', { free: true })('ready-made'), 'ready-made');
    assert.throws(() => c.func('int abs(int)', { free: true }), /needs a char \* result/);
    assert.throws(() => c.func('char *getenv(const char *)', { fre: true } as never), /unknown option 'fre'/);
  });

  test('string results in bulk take no arena memory; long ones take it only while read', async () => {
    // 20 000 string results in flight at once through a 2 MiB region: each is copied into its own request's record.
    const small = await Sidecar.start({ memory: 2 << 20, env: { SIDECAR_STRINGS_TEST: VALUE } });
    try {
      const getenv = (await small.library('c')).func('char *getenv(const char *)');
      const all = await Promise.all(Array.from({ length: 20_000 }, () => getenv('SIDECAR_STRINGS_TEST')));
      assert.ok(all.every((v) => v === VALUE));
      // Longer than a record holds: read again into an arena buffer, freed after, and still freed with free.
      const strdup = (await small.library('c')).func('char *strdup(const char *)', { free: true });
      const long = 'ü'.repeat(40_000);
      for (let k = 0; k < 50; k++) assert.equal(await strdup(long), long);
      assert.equal(small.alloc('uint8_t', 1 << 20).length, 1 << 20, 'the arena is whole again');
    } finally {
      await small.stop();
    }
  });

  test('the known set says which functions keep pointers, of its own prototypes', () => {
    for (const lib of Object.values(KNOWN_LIBRARIES)) {
      for (const name of Object.keys(lib.pointers ?? {})) assert.ok(lib.prototypes[name], `${lib.name}.${name}`);
    }
    assert.match(KNOWN_LIBRARIES.sqlite3?.pointers?.sqlite3_bind_text ?? '', /SQLITE_STATIC.*sc\.cstring/);
    assert.match(KNOWN_LIBRARIES.curl?.pointers?.curl_easy_setopt ?? '', /CURLOPT_POSTFIELDS.*sc\.cstring/);
  });

  test('a JS string argument is copied for the call and its copy released when it completes', () => {
    // 100 000 calls with a 1 KiB string copy 100 MiB through a 16 MiB region: only if each copy is released.
    const strlen = c.func('size_t strlen(const char *)');
    const s = 'é'.repeat(512);
    for (let k = 0; k < 100_000; k++) assert.equal(strlen.sync(s), 1024n);
    assert.throws(() => strlen.sync('a\0b'), /NUL character/);
  });

  test('sc.cstring: a buffer a C function may keep (sqlite SQLITE_STATIC), and SQLITE_TRANSIENT as -1n', async () => {
    let sq: Library;
    try {
      sq = await sc.library('sqlite3');
    } catch {
      return; // libsqlite3 is not installed
    }
    const dbOut = sc.alloc('uintptr_t', 1);
    assert.equal(await sq.func('sqlite3_open')(':memory:', dbOut), 0);
    const db = dbOut[0] as bigint;
    const stmtOut = sc.alloc('uintptr_t', 1);
    assert.equal(await sq.func('sqlite3_prepare_v2')(db, 'select ?1, ?2, length(?1)', -1, stmtOut, null), 0);
    const stmt = stmtOut[0] as bigint;
    const bind = sq.func('sqlite3_bind_text');
    let escaped: Uint8Array;
    {
      using kept = sc.cstring('hello, wörld');
      assert.equal(kept.length, Buffer.byteLength('hello, wörld') + 1);
      assert.equal(kept[kept.length - 1], 0);
      assert.equal(await bind(stmt, 1, kept, -1, 0n), 0); // SQLITE_STATIC: sqlite keeps the pointer
      assert.equal(await bind(stmt, 2, 'a JS string, copied', -1, -1n), 0); // SQLITE_TRANSIENT: sqlite copies
      kept.set(Buffer.from('HELLO')); // sqlite reads our buffer when it steps, not a copy made at bind time
      assert.equal(await sq.func('sqlite3_step')(stmt), 100); // SQLITE_ROW
      const text = sq.func('sqlite3_column_text');
      assert.equal(sc.readCString((await text(stmt, 0)) as bigint), 'HELLO, wörld');
      assert.equal(sc.readCString((await text(stmt, 1)) as bigint), 'a JS string, copied');
      assert.equal(await sq.func('sqlite3_column_int64')(stmt, 2), 12n);
      assert.equal(await sq.func('sqlite3_finalize')(stmt), 0);
      assert.equal(sc.read(sc.address(kept), 5).toString(), '72,69,76,76,79');
      // `using` frees it at the end of the block: freeing it again is an error.
      escaped = kept;
    }
    assert.throws(() => sc.free(escaped), /not an array allocated/);
    assert.equal(await sq.func('sqlite3_errmsg')(db), 'not an error');
    assert.equal(await sq.func('sqlite3_close')(db), 0);
    sc.free(dbOut);
    sc.free(stmtOut);
    assert.throws(() => sc.cstring('a\0b'), /NUL/);
    assert.throws(() => sc.cstring(3 as never), TypeError);
  });

  test('pointer arguments: the element type is checked, -1n is (void *)-1', async () => {
    const m = await sc.library('m');
    const frexp = m.func('double frexp(double x, int *e)');
    const e = sc.alloc('int', 1);
    assert.equal(await frexp(48, e), 0.75);
    assert.equal(e[0], 6);
    const wrong = sc.alloc('double', 1);
    // @ts-expect-error: an int * takes an Int32Array
    await assert.rejects(frexp(48, wrong), /argument 2 \(int \*\) must be a Int32Array/);
    const memset = c.func('void *memset(void *s, int c, size_t n)');
    assert.equal(await memset(-1n, 0, 0), 2n ** 64n - 1n); // memset returns s: all ones arrived
    await assert.rejects(memset(-(2n ** 63n) - 1n, 0, 0), TypeError);
    assert.equal(await memset(wrong, 0, 8), sc.address(wrong)); // void * takes any view
    sc.free(e);
    sc.free(wrong);
  });
});
