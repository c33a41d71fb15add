/**
 * The channel beyond one Sidecar: two channels over one region, each served
 * by its own sidecar process, computing on the same arena; a sidecar that
 * breaks the protocol (a completion count beyond what is in flight) gets a
 * typed error and is replaced, the host unharmed; loaded code released with
 * UNLOAD.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadChannelAddon, SIDECAR_EXE } from '../../src/host/addon.js';
import { Channel } from '../../src/host/channel.js';
import { SidecarProcess } from '../../src/host/process.js';
import { Region } from '../../src/host/region.js';
import { PING } from '../../src/host/requests.js';
import { ProtocolError, Sidecar, SidecarError } from '../../src/index.js';

describe('channels', () => {
  test('two channels over one region: two sidecars, one arena, separate rings', async () => {
    await loadChannelAddon();
    const exe = (await SIDECAR_EXE.file()).path;
    const region = Region.create(Region.minimumSize(2, 1 << 20), 2);
    const procs = [0, 1].map((k) => {
      const ch = new Channel(region, k);
      const p = new SidecarProcess(ch, { exe, stdio: 'inherit', stdin: 'ignore', env: process.env, onExit() {} });
      p.spawn();
      return p;
    });
    try {
      const [a, b] = procs as [SidecarProcess, SidecarProcess];
      assert.notEqual(a.pid, b.pid);
      const answers = await Promise.all([
        ...Array.from({ length: 100 }, (_, i) => a.channel.submit(PING, [BigInt(i)], 5000)),
        ...Array.from({ length: 100 }, (_, i) => b.channel.submit(PING, [BigInt(1000 + i)], 5000)),
      ]);
      assert.deepEqual(answers, [
        ...Array.from({ length: 100 }, (_, i) => BigInt(i)),
        ...Array.from({ length: 100 }, (_, i) => BigInt(1000 + i)),
      ]);
      assert.equal(b.channel.submitSync(PING, [7n], 5000), 7n);
    } finally {
      for (const p of procs) await p.stop();
      region.close();
    }
  });

  test('a completion count beyond the requests in flight is a ProtocolError; the sidecar is replaced', async () => {
    const sc = await Sidecar.start({ memory: 8 << 20 });
    try {
      // add r13d, 100; ret — moves the sidecar's own request counter, so it reports 100 completions too many.
      const evil = await sc.load(new Uint8Array([0x41, 0x83, 0xc5, 0x64, 0xc3]), 'void evil(void)');
      const pid = sc.pid;
      const err = await evil().catch((e) => e);
      assert.ok(err instanceof ProtocolError, String(err));
      assert.notEqual(sc.pid, pid);
      assert.equal(await sc.ping(5n), 5n);
      const errSync = (() => {
        try {
          evil.sync();
        } catch (e) {
          return e;
        }
      })();
      assert.ok(errSync instanceof SidecarError, String(errSync));
      assert.equal(await sc.ping(6n), 6n);
    } finally {
      await sc.stop();
    }
  });

  test('released code is unloaded in the sidecar and cannot be called again', async () => {
    const sc = await Sidecar.start({ memory: 8 << 20 });
    try {
      const code = await sc.load(new Uint8Array([0xb8, 0x2a, 0, 0, 0, 0xc3])); // mov eax, 42; ret
      const f = code.func('int f(void)');
      assert.equal(await f(), 42);
      const base = await code.base();
      const maps = () => import('node:fs').then((fs) => fs.readFileSync(`/proc/${sc.pid}/maps`, 'utf8'));
      assert.match(await maps(), new RegExp(`^${base.toString(16)}-`, 'm'));
      await code.release();
      assert.doesNotMatch(await maps(), new RegExp(`^${base.toString(16)}-`, 'm'));
      await assert.rejects(code.base(), SidecarError);
    } finally {
      await sc.stop();
    }
  });

  test('an argument record in register order: integer and vector registers full, the rest on the stack', async () => {
    const sc = await Sidecar.start({ memory: 8 << 20 });
    try {
      const c = await sc.library('c');
      const longs = [1, -2, 3, -4, 5, -6, 7, -8, 9]; // three past the integer registers
      const doubles = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5]; // two past the vector registers
      const proto = `int snprintf(char *buf, size_t n, const char *fmt, ${longs.map(() => 'long').join(', ')}, ${doubles.map(() => 'double').join(', ')})`;
      const f = c.func(proto);
      const buf = sc.alloc('char', 256);
      const fmt = `${longs.map(() => '%ld').join(' ')} ${doubles.map(() => '%.1f').join(' ')}`;
      const want = `${longs.join(' ')} ${doubles.map((d) => d.toFixed(1)).join(' ')}`;
      assert.equal(await f(buf, 256, fmt, ...longs, ...doubles), want.length);
      assert.equal(sc.readCString(sc.address(buf)), want);
      buf.fill(0);
      assert.equal(f.sync(buf, 256, fmt, ...longs, ...doubles), want.length);
      assert.equal(sc.readCString(sc.address(buf)), want);
    } finally {
      await sc.stop();
    }
  });
});
