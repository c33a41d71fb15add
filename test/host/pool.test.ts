/**
 * Pools: members over one region (the same bytes in each and in the host),
 * work on whichever member is free, a crashed member's work rejecting while
 * the others' completes and the member coming back by itself, and a crash
 * loop that ends with a RestartLimitError instead of going on for ever.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Pool, RestartLimitError, Sidecar, SidecarExitedError, TimeoutError } from '../../src/index.js';

/** Waits for an event while holding the event loop (idle sidecars do not). */
function next<T>(em: NodeJS.EventEmitter, event: string): Promise<T> {
  const hold = setInterval(() => {}, 1000);
  return new Promise<T>((res) => em.once(event, (...a: unknown[]) => res((a.length > 1 ? a : a[0]) as T))).finally(() =>
    clearInterval(hold),
  );
}

describe('pool', () => {
  test('members are separate processes over one region: what one writes the others and the host read', async () => {
    await using pool = await Pool.start({ size: 2, memory: 8 << 20 });
    assert.equal(pool.size, 2);
    const pids = await pool.each((sc) => sc.pid);
    assert.equal(new Set(pids).size, 2);
    assert.ok(!pids.includes(process.pid));
    const buf = pool.alloc('uint8_t', 64);
    const [m0, m1] = pool.members as [Sidecar, Sidecar];
    const memset = (await m0.library('c')).func('void *memset(void *s, int c, size_t n)');
    await memset(buf, 0x41, 63);
    assert.equal(buf[0], 0x41); // the host sees member 0's write
    const strlen = (await m1.library('c')).func('size_t strlen(const char *s)');
    assert.equal(await strlen(buf), 63n); // member 1 reads the same bytes
    assert.equal(pool.address(buf), m1.address(buf));
  });

  test('work goes to a free member; with all busy it waits its turn', async () => {
    await using pool = await Pool.start({ size: 2, memory: 8 << 20 });
    const used: number[] = [];
    const task = (ms: number) =>
      pool.run(async (sc, i) => {
        used.push(i);
        await (await sc.library('c')).func('int usleep(unsigned int usec)')(ms * 1000);
        return sc.pid;
      });
    const a = task(150);
    const b = task(150);
    const c = task(1);
    await new Promise((r) => setImmediate(r));
    assert.equal(pool.waiting, 1); // two members, three tasks: one waits
    const pids = await Promise.all([a, b, c]);
    assert.deepEqual(used.slice(0, 2).sort(), [0, 1]);
    assert.equal(new Set(pids.slice(0, 2)).size, 2);
    assert.equal(pool.waiting, 0);
  });

  test('a crashed member: its call rejects, the other member finishes, data is kept, and it restarts by itself', async () => {
    await using pool = await Pool.start({ size: 2, memory: 8 << 20 });
    const data = pool.alloc('double', 1000);
    data.fill(2.5);
    const [m0, m1] = pool.members as [Sidecar, Sidecar];
    const abort = (await m0.library('c')).func('void abort(void)');
    const usleep = (await m1.library('c')).func('int usleep(unsigned int usec)');
    const oldPid = m0.pid;
    const restarted = next<number>(pool, 'restart');
    const slow = usleep(100_000);
    await assert.rejects(abort(), (e) => e instanceof SidecarExitedError && e.signal === 'SIGABRT');
    assert.equal(await slow, 0); // the other member's call completes
    assert.equal(await restarted, 0);
    assert.ok(m0.running);
    assert.notEqual(m0.pid, oldPid);
    assert.ok(data.every((x) => x === 2.5));
    const pids = await Promise.all([pool.run((sc) => sc.ping(7n)), pool.run((sc) => sc.ping(8n))]);
    assert.deepEqual(pids, [7n, 8n]);
  });

  test("a pool's library runs each call on the least busy member; Forth runs on a free member", async () => {
    await using pool = await Pool.start({ size: 2, memory: 8 << 20 });
    const c = await pool.library('c');
    const getpid = c.func('int getpid(void)');
    const usleep = c.func('int usleep(unsigned int usec)');
    const pids = await pool.each((sc) => sc.pid);
    // each member resolves the functions on its first call: resolve both first
    await Promise.all([getpid(), getpid(), usleep(1), usleep(1)]);
    const busy = usleep(200_000); // one member sleeps: the next calls go to the other
    const seen: number[] = [];
    for (let k = 0; k < 6; k++) seen.push(await getpid());
    await busy;
    const other = seen[0] as number;
    assert.ok(pids.includes(other));
    assert.ok(
      seen.every((p) => p === other),
      `calls went to ${seen}`,
    );
    const after = new Set(await Promise.all(Array.from({ length: 8 }, () => getpid())));
    assert.equal(after.size, 2); // idle again: calls spread over both
    assert.equal((await pool.forth('6 7 * .')).trim(), '42');
    await pool.each((sc) => sc.forth(': sq dup * ;'));
    const outs = await Promise.all([pool.forth('9 sq .'), pool.forth('11 sq .')]);
    assert.deepEqual(
      outs.map((o) => o.trim()),
      ['81', '121'],
    );
  });

  test('a timed-out member is replaced; the other finishes; the pool goes on', async () => {
    await using pool = await Pool.start({ size: 2, memory: 8 << 20 });
    const [m0, m1] = pool.members as [Sidecar, Sidecar];
    const sleep0 = (await m0.library('c')).func('int usleep(unsigned int usec)');
    const sleep1 = (await m1.library('c')).func('int usleep(unsigned int usec)');
    const pid0 = m0.pid;
    const other = sleep1(150_000);
    await assert.rejects(sleep0(5_000_000, { timeoutMs: 50 }), TimeoutError);
    assert.equal(await other, 0);
    assert.notEqual(m0.pid, pid0);
    assert.deepEqual(await pool.each((sc) => sc.ping(3n)), [3n, 3n]);
  });

  test('a crash loop gives up with a RestartLimitError and a giveup event', async () => {
    const sc = await Sidecar.start({ memory: 4 << 20, restart: { intensity: 2, periodMs: 60_000 } });
    try {
      for (let k = 0; k < 3; k++) {
        const crashed = next<unknown>(sc, k < 2 ? 'restart' : 'giveup');
        const abort = (await sc.library('c')).func('void abort(void)');
        await assert.rejects(abort(), SidecarExitedError);
        const got = await crashed;
        if (k === 2) {
          assert.ok(got instanceof RestartLimitError, String(got));
          assert.equal(got.intensity, 2);
          assert.equal(got.exit.signal, 'SIGABRT');
        }
      }
      assert.equal(sc.running, false);
      assert.ok(sc.gaveUp instanceof RestartLimitError);
    } finally {
      await sc.stop();
    }
  });

  test('a pool whose every member gave up rejects new work with the RestartLimitError', async () => {
    await using pool = await Pool.start({ size: 1, memory: 4 << 20, restart: false });
    const gaveUp = next<[number, Error]>(pool, 'giveup');
    await assert.rejects(
      pool.run(async (sc) => (await sc.library('c')).func('void abort(void)')()),
      SidecarExitedError,
    );
    const [i, e] = await gaveUp;
    assert.equal(i, 0);
    assert.ok(e instanceof RestartLimitError);
    await assert.rejects(
      pool.run((sc) => sc.ping()),
      RestartLimitError,
    );
  });

  test('bad options are typed errors before anything starts', async () => {
    await assert.rejects(Pool.start({ size: 0 }), RangeError);
    await assert.rejects(Pool.start({ size: 1.5 }), RangeError);
    await assert.rejects(Pool.start({ size: 1, restart: 'always' as never }), TypeError);
    await assert.rejects(Pool.start({ size: 1, restart: { intensity: -1 } }), RangeError);
    await assert.rejects(Pool.start({ size: 1, sise: 2 } as never), /unknown option 'sise'/);
    await assert.rejects(Sidecar.start({ restart: { period: 5 } as never }), /unknown option 'period'/);
    await using pool = await Pool.start({ size: 1, memory: 4 << 20 });
    await assert.rejects(pool.run(5 as never), TypeError);
  });
});
