/**
 * A sidecar's restarts and exits as a user's code meets them: several
 * callers restarting after the same crash, a restart from an `exit` handler
 * while stop() runs, what each ExitInfo says asked for the exit, and fresh
 * buffers reading as zeros whatever was there before.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ExitInfo, Sidecar, SidecarError, SidecarExitedError, TimeoutError } from '../../src/index.js';
import { children } from '../support/procs.js';

/**
 * Resolves with the next ExitInfo the sidecar emits. An idle sidecar does not
 * keep the event loop alive, so a timer does while the exit is awaited.
 */
function nextExit(sc: Sidecar): Promise<ExitInfo> {
  const hold = setInterval(() => {}, 1000);
  return new Promise<ExitInfo>((res) => sc.once('exit', res)).finally(() => clearInterval(hold));
}

describe('restart', () => {
  test('ten callers restarting after the same crash share one restart, and all succeed', async () => {
    const sc = await Sidecar.start({ memory: 4 << 20 });
    try {
      const c = await sc.library('c');
      const sleep = c.func('unsigned int sleep(unsigned int)');
      const abs = c.func('int abs(int)');
      const exits: ExitInfo[] = [];
      sc.on('exit', (i) => exits.push(i));
      const gen = sc.generation;
      const calls = Array.from({ length: 10 }, (_, k) =>
        (k === 0 ? sleep(10) : abs(-k)).then(
          () => 'no error',
          async (e) => {
            assert.ok(e instanceof SidecarExitedError, String(e));
            await sc.restart();
            return abs(-k);
          },
        ),
      );
      await new Promise((r) => setTimeout(r, 50));
      process.kill(sc.pid, 'SIGKILL'); // from outside: a crash as far as the host knows
      const results = await Promise.allSettled(calls);
      assert.deepEqual(
        results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason))),
        Array.from({ length: 10 }, (_, k) => k),
      );
      assert.equal(sc.generation, gen + 1, 'one new sidecar');
      assert.equal(exits.length, 1, JSON.stringify(exits));
      assert.equal(children().length, 1);
    } finally {
      await sc.stop();
    }
  });

  test('restart() from an exit handler while stop() runs is refused, and leaves no process behind', async () => {
    const before = children().length;
    const sc = await Sidecar.start({ memory: 4 << 20 });
    const restarts: Promise<unknown>[] = [];
    sc.on('exit', () => {
      restarts.push(
        sc.restart().then(
          () => 'restarted',
          (e) => e,
        ),
      );
    });
    await sc.stop();
    const outcomes = await Promise.all(restarts);
    assert.ok(outcomes.length >= 1);
    for (const o of outcomes) {
      assert.ok(o instanceof SidecarError, String(o));
      assert.match((o as Error).message, /stopped/);
    }
    assert.equal(sc.running, false);
    assert.equal(children().length, before, 'no sidecar left running');
  });

  test('restart() from an exit handler after a crash brings up one sidecar', async () => {
    const sc = await Sidecar.start({ memory: 4 << 20 });
    try {
      const hold = setInterval(() => {}, 1000);
      const restarted = new Promise<void>((res, rej) => {
        sc.once('exit', (info: ExitInfo) => {
          if (!info.requested) sc.restart().then(res, rej);
        });
      }).finally(() => clearInterval(hold));
      const gen = sc.generation;
      process.kill(sc.pid, 'SIGKILL');
      await restarted;
      assert.equal(sc.generation, gen + 1);
      assert.equal(await sc.ping(3n), 3n);
      // A second restart() while one runs shares it: one more generation for both.
      const [a, b] = [sc.restart(), sc.restart()];
      assert.equal(a, b);
      await a;
      assert.equal(sc.generation, gen + 2);
    } finally {
      await sc.stop();
    }
  });
});

describe('ExitInfo says whether the exit was asked for', () => {
  test('stop(), kill(), restart() and a deadline are requested; a crash from outside is not', async () => {
    const sc = await Sidecar.start({ memory: 4 << 20 });
    const c = await sc.library('c');
    const sleep = c.func('unsigned int sleep(unsigned int)');

    let exit = nextExit(sc);
    process.kill(sc.pid, 'SIGKILL');
    assert.deepEqual(await exit, { code: null, signal: 'SIGKILL', call: null, requested: null });
    const err = await sleep(0).catch((e) => e);
    assert.ok(err instanceof SidecarExitedError);
    assert.equal(err.requested, null);

    await sc.restart();
    exit = nextExit(sc);
    const pending = sleep(10).catch((e) => e);
    await new Promise((r) => setTimeout(r, 30));
    sc.kill();
    assert.equal((await exit).requested, 'kill');
    const killed = await pending;
    assert.ok(killed instanceof SidecarExitedError);
    assert.equal(killed.requested, 'kill');
    assert.match(killed.message, /kill\(\) was called/);

    await sc.restart();
    exit = nextExit(sc);
    await sc.restart(); // of a running sidecar
    assert.equal((await exit).requested, 'restart');

    exit = nextExit(sc);
    assert.ok((await sleep(5, { timeoutMs: 50 }).catch((e) => e)) instanceof TimeoutError);
    assert.equal((await exit).requested, 'deadline');

    exit = nextExit(sc);
    const ac = new AbortController();
    const aborted = sleep(5, { signal: ac.signal }).catch((e) => e);
    setTimeout(() => ac.abort(), 30);
    await aborted;
    assert.equal((await exit).requested, 'abort');

    exit = nextExit(sc);
    await sc.stop();
    assert.equal((await exit).requested, 'stop');
  });
});

describe('alloc', () => {
  test('a fresh buffer reads as zeros, whatever a freed one or the sidecar left there', async () => {
    const sc = await Sidecar.start({ memory: 4 << 20 });
    try {
      const memset = (await sc.library('c')).func('void *memset(void *, int, size_t)');
      for (let round = 0; round < 3; round++) {
        const a = sc.alloc('double', 1000);
        a.fill(Math.PI);
        sc.free(a);
        const b = sc.alloc('uint8_t', 8000);
        assert.equal(b.byteOffset, a.byteOffset, 'the same memory again');
        assert.ok(
          b.every((x) => x === 0),
          'zeroed after the host wrote it',
        );
        await memset(b, 0x5a, 8000n);
        assert.equal(b[7999], 0x5a);
        sc.free(b);
        const d = sc.alloc('int32_t', 2000);
        assert.equal(d.byteOffset, b.byteOffset);
        assert.ok(
          d.every((x) => x === 0),
          'zeroed after the sidecar wrote it',
        );
        sc.free(d);
      }
    } finally {
      await sc.stop();
    }
  });
});
