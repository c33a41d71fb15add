/**
 * The doorbell and the output pipe, watched on the event loop by the channel
 * addon: a start loads neither node:net nor perf_hooks, what a sidecar prints
 * just before it exits reaches the output's listener before the exit is
 * reported, requests in flight keep the host alive and an idle sidecar does
 * not. The child-process tests run under each Node binary at hand (as
 * lifecycle.test.ts finds them) with the package's bundled entry.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Sidecar, SidecarExitedError } from '../../src/index.js';
import { nodeBinaries, runWithSidecar as run } from '../support/nodes.js';

describe('the doorbell and output watches', () => {
  for (const { node, version } of nodeBinaries()) {
    test(`a start, a call and a stop load neither node:net nor perf_hooks (Node ${version})`, () => {
      const r = run(
        node,
        `const sc = await Sidecar.start();
         const cos = (await sc.library('m')).func('double cos(double)');
         if ((await cos(0)) !== 1 || cos.sync(0) !== 1) process.exit(3);
         await sc.stop();
         console.log(JSON.stringify(process.moduleLoadList.filter((m) => m === 'NativeModule net' || m === 'NativeModule perf_hooks')));`,
      );
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), []);
    });

    test(`requests in flight keep the host alive, an idle sidecar does not (Node ${version})`, () => {
      // usleep for 300 ms with nothing else on the event loop: only the held doorbell keeps
      // the process alive until the answer (an unsettled top-level await exits with 13).
      const r = run(
        node,
        `const sc = await Sidecar.start();
         const usleep = (await sc.library('c')).func('int usleep(uint32_t)');
         console.log('slept', await usleep(300_000));
         // Not stopped: the idle sidecar must not hold the event loop.`,
      );
      assert.equal(r.signal, null, r.stderr);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), 'slept 0');
    });
  }

  test('what the sidecar prints just before it exits reaches the listener first', async () => {
    const sc = await Sidecar.start();
    try {
      const c = await sc.library('c');
      const write = c.func('long write(int, const void *, size_t)');
      const exit = c.func('void _exit(int)');
      const out = sc.output;
      assert.ok(out);
      const got: Buffer[] = [];
      out.onOutput((b) => got.push(b));
      const text = Buffer.from('the last words\n'.repeat(1000)); // 15 kB: fits the pipe, no wait
      const buf = sc.alloc('uint8_t', text.length);
      buf.set(text);
      // Synchronous calls: the host's event loop does not run between the write and the exit,
      // so only the read at the exit brings the bytes.
      assert.equal(write.sync(5, buf, text.length), BigInt(text.length));
      assert.throws(() => exit.sync(0), SidecarExitedError);
      assert.equal(Buffer.concat(got).toString(), text.toString());
    } finally {
      await sc.stop();
    }
  });

  test('output printed before the exit of an async call reaches the listener before the rejection', async () => {
    const sc = await Sidecar.start();
    try {
      const c = await sc.library('c');
      const write = c.func('long write(int, const void *, size_t)');
      const exit = c.func('void _exit(int)');
      const out = sc.output;
      assert.ok(out);
      let seen = 0;
      out.onOutput((b) => {
        seen += b.length;
      });
      const text = Buffer.from('x'.repeat(200_000)); // more than a pipe holds: read while it is written
      const buf = sc.alloc('uint8_t', text.length);
      buf.set(text);
      const wrote = write(5, buf, text.length);
      const exited = exit(7).then(
        () => -1,
        (e) => (e instanceof SidecarExitedError ? seen : -2),
      );
      assert.equal(await wrote, BigInt(text.length));
      assert.equal(await exited, text.length);
    } finally {
      await sc.stop();
    }
  });

  test('output nobody listens to does not block the sidecar; the first listener gets what was kept', async () => {
    const sc = await Sidecar.start();
    try {
      const c = await sc.library('c');
      const write = c.func('long write(int, const void *, size_t)');
      const exit = c.func('void _exit(int)');
      // 4 MiB, far more than the pipe holds: the host reads it though no one listens.
      const big = sc.alloc('uint8_t', 4 << 20);
      assert.equal(await write.with({ timeoutMs: 20_000 })(5, big, big.length), BigInt(big.length));
      sc.free(big);
      // Printed with no listener, then the exit: the bytes are kept for the first listener.
      const last = Buffer.from('kept for later\n');
      const buf = sc.alloc('uint8_t', last.length);
      buf.set(last);
      const out = sc.output;
      assert.ok(out);
      write.sync(5, buf, last.length);
      assert.throws(() => exit.sync(0), SidecarExitedError);
      const got: Buffer[] = [];
      out.onOutput((b) => got.push(b));
      await Promise.resolve();
      const text = Buffer.concat(got);
      assert.equal(text.subarray(text.length - last.length).toString(), last.toString());
    } finally {
      await sc.stop();
    }
  });
});
