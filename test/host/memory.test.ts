/**
 * Reading the sidecar's memory outside the region: sc.read and
 * sc.readCString at addresses libc hands out (getenv, malloc, mmap), across
 * page boundaries, into pages that cannot be read (a MemoryAccessError, the
 * sidecar still serving), with the text checked against what the host wrote
 * or knows independently (its own environment).
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MemoryAccessError, Sidecar } from '../../src/index.js';

const PROT_NONE = 0;
const PROT_RW = 3;
const MAP_PRIVATE_ANON = 0x22;

describe('the sidecar memory outside the region', () => {
  let sc: Sidecar;
  let c: Awaited<ReturnType<Sidecar['library']>>;
  before(async () => {
    sc = await Sidecar.start({ env: { ...process.env, SIDECAR_MEMORY_TEST: 'héllo wörld' } });
    c = await sc.library('c');
  });
  after(async () => {
    await sc.stop();
  });

  /** Two pages of the sidecar's memory, the second unreadable: [first page's address, unmap]. */
  async function guarded(): Promise<[bigint, () => Promise<void>]> {
    const mmap = c.func('void *mmap(void *addr, size_t length, int prot, int flags, int fd, long offset)');
    const p = (await mmap(null, 8192, PROT_RW, MAP_PRIVATE_ANON, -1, 0)) as bigint;
    assert.notEqual(p, 2n ** 64n - 1n, 'mmap failed');
    assert.equal(await c.func('int mprotect(void *, size_t, int)')(p + 4096n, 4096, PROT_NONE), 0);
    return [p, async () => void (await c.func('int munmap(void *, size_t)')(p, 8192))];
  }

  /** Copies host bytes to a sidecar address with memcpy. */
  async function poke(address: bigint, bytes: Uint8Array): Promise<void> {
    const tmp = sc.alloc('uint8_t', bytes.length);
    tmp.set(bytes);
    await c.func('void *memcpy(void *, const void *, size_t)')(address, tmp, bytes.length);
    sc.free(tmp);
  }

  test('readCString and read at an address libc gives (getenv): the text of the environment', async () => {
    const p = (await c.func('void *getenv(const char *)')('SIDECAR_MEMORY_TEST')) as bigint;
    const r = sc.regionAddress;
    assert.ok(p !== 0n && (p < r || p >= r + BigInt(sc.regionSize)), 'the environment is outside the region');
    assert.equal(sc.readCString(p), 'héllo wörld');
    assert.equal(sc.readCString(p, 6), 'héllo'); // six bytes: é is two
    const want = Buffer.from('héllo wörld\0');
    assert.deepEqual(Buffer.from(sc.read(p, want.length)), want);
    assert.deepEqual(sc.read(p, 0), new Uint8Array(0));
  });

  test('strings longer than a page, and reads of several chunks', async () => {
    const p = (await c.func('void *malloc(size_t)')(3 << 20)) as bigint;
    const text = Buffer.alloc(3 << 20, 'x');
    for (let k = 0; k < text.length; k++) text[k] = 0x61 + (k % 26);
    text[100_000] = 0;
    await poke(p, text);
    const s = sc.readCString(p, 1 << 30);
    assert.equal(s.length, 100_000);
    assert.equal(s, text.subarray(0, 100_000).toString('latin1'));
    assert.deepEqual(Buffer.from(sc.read(p, text.length)), text); // three 1 MiB copies
    await c.func('void free(void *)')(p);
  });

  test('an unreadable address is a MemoryAccessError, and the sidecar keeps serving', async () => {
    const pid = sc.pid;
    for (const bad of [0n, 8n, 0xffff_ffff_ffff_f000n]) {
      assert.throws(() => sc.readCString(bad), MemoryAccessError);
      assert.throws(() => sc.read(bad, 16), MemoryAccessError);
    }
    const [p, unmap] = await guarded();
    // A string running into the unreadable page: nothing past the page is read, the error says where.
    await poke(p + 4093n, new Uint8Array([0x61, 0x62, 0x63]));
    assert.throws(() => sc.readCString(p + 4093n), MemoryAccessError);
    // The same string ending exactly at the page's end reads (the page after it is never touched).
    await poke(p + 4093n, new Uint8Array([0x61, 0x62, 0]));
    assert.equal(sc.readCString(p + 4093n), 'ab');
    assert.deepEqual(Buffer.from(sc.read(p + 4090n, 6)), Buffer.from([0, 0, 0, 0x61, 0x62, 0]));
    assert.throws(
      () => sc.read(p + 4090n, 7),
      (e: unknown) => e instanceof MemoryAccessError && e.address === p + 4096n,
    );
    await unmap();
    assert.equal(sc.pid, pid, 'the same sidecar');
    assert.equal(await sc.ping(7n), 7n);
  });

  test('bad arguments are TypeErrors', () => {
    assert.throws(() => sc.read(8 as unknown as bigint, 1), TypeError);
    assert.throws(() => sc.read(sc.regionAddress, -1), TypeError);
    assert.throws(() => sc.readCString(-1n), TypeError);
    assert.throws(() => sc.readCString(sc.regionAddress, Number.NaN), TypeError);
  });
});
