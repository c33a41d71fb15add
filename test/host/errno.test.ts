/**
 * errno, captured per call (`{ errno: true }`): real libc calls that fail
 * (open, openat through the record trampoline, strtol's ERANGE, realpath with
 * a string result) and ones that succeed, async, sync, batch and with
 * options, interleaved so that each call must see its own errno. The
 * reference is Node's own errno table (os.constants.errno).
 */

import assert from 'node:assert/strict';
import os from 'node:os';
import { after, before, describe, test } from 'node:test';
import { type Library, Sidecar, type WithErrno } from '../../src/index.js';

const { ENOENT, ERANGE, ENOTDIR, EBADF } = os.constants.errno;
const MISSING = '/nonexistent-sidecar-errno-test/x';

describe('errno captured per call', () => {
  let sc: Sidecar;
  let c: Library;
  before(async () => {
    sc = await Sidecar.start();
    c = await sc.library('c');
  });
  after(() => sc.stop());

  test('a failing call gives its errno, a succeeding one 0 (async, sync, with)', async () => {
    const open = c.func('int open(const char *path, int flags)', { errno: true });
    const close = c.func('int close(int fd)', { errno: true });
    const failed: WithErrno<number> = await open(MISSING, 0);
    assert.deepEqual(failed, { value: -1, errno: ENOENT });
    assert.deepEqual(open.sync('/etc/passwd/x', 0), { value: -1, errno: ENOTDIR });
    const ok = await open('/dev/null', 0);
    assert.ok(ok.value >= 0);
    assert.equal(ok.errno, 0); // cleared before the call, though the one before left ENOTDIR
    assert.deepEqual(await close(ok.value), { value: 0, errno: 0 });
    assert.deepEqual(await close.with({ timeoutMs: 5000 })(ok.value), { value: -1, errno: EBADF });
    // without the option, the result is the plain value
    assert.equal(await c.func('int open(const char *path, int flags)')(MISSING, 0), -1);
  });

  test('calls in flight together and a batch each see their own errno', async () => {
    const open = c.func('int open(const char *path, int flags)', { errno: true });
    const close = c.func('int close(int fd)');
    const paths = Array.from({ length: 200 }, (_, i) =>
      i % 3 === 0 ? '/dev/null' : i % 3 === 1 ? MISSING : '/etc/passwd/x',
    );
    const want = (p: string) => (p === '/dev/null' ? 0 : p === MISSING ? ENOENT : ENOTDIR);
    const all = await Promise.all(paths.map((p) => open(p, 0)));
    const batch = await open.batch(paths.map((p) => [p, 0]));
    for (const rs of [all, batch]) {
      rs.forEach((r, i) => {
        assert.equal(r.errno, want(paths[i] as string), `call ${i}`);
        if (r.value >= 0) close.sync(r.value);
      });
    }
  });

  test('through the record trampoline (more than three arguments) and with a string result', async () => {
    const openat = c.func('int openat(int dirfd, const char *path, int flags, int mode)', { errno: true });
    assert.deepEqual(await openat(-100, MISSING, 0, 0), { value: -1, errno: ENOENT }); // AT_FDCWD
    assert.deepEqual(openat.sync(-100, '/etc/passwd/x', 0, 0), { value: -1, errno: ENOTDIR });
    const strtol = c.func('long strtol(const char *s, void *end, int base)', { errno: true });
    assert.deepEqual(await strtol('123', null, 10), { value: 123n, errno: 0 });
    assert.deepEqual(await strtol('99999999999999999999999', null, 10), { value: 2n ** 63n - 1n, errno: ERANGE });
    const realpath = c.func('char *realpath(const char *path, char *resolved)', { free: true, errno: true });
    assert.deepEqual(await realpath(MISSING, null), { value: null, errno: ENOENT });
    assert.deepEqual(realpath.sync('/', null), { value: '/', errno: 0 });
    assert.deepEqual(await realpath.batch([['/', null]]), [{ value: '/', errno: 0 }]);
  });

  test('the option is checked', () => {
    assert.throws(() => c.func('int open(const char *, int)', { errno: 1 as never }), /errno must be true or false/);
    assert.throws(() => c.func('int open(const char *, int)', { errno2: true } as never), /unknown option 'errno2'/);
  });
});
