/**
 * The shared region as the host holds it: a new sidecar's channel is not
 * written by the host before the sidecar serves it (a fresh memfd reads as
 * zeros; writing it would fault in every page of the channel in the host),
 * and a channel served before is cleared for the next sidecar, whatever
 * the previous one left there.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { ARGS_OFFSET, CALL_ENTRY_SIZE, CALL_SLOTS, CALLS_OFFSET, channelOffset } from '../../src/channel/layout.js';
import { Sidecar } from '../../src/index.js';

/** Bytes of the mapping at `address` resident in this process (its Rss in /proc/self/smaps). */
function residentBytes(address: bigint): number {
  const lines = fs.readFileSync('/proc/self/smaps', 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${address.toString(16)}-`));
  assert.ok(at >= 0, `no mapping at 0x${address.toString(16)}`);
  for (const l of lines.slice(at + 1)) {
    const m = /^Rss:\s+(\d+) kB/.exec(l);
    if (m) return Number(m[1]) * 1024;
  }
  throw new Error('no Rss line');
}

describe('the region', () => {
  test("a new sidecar's channel is not written by the host before it serves: few of its pages are in the host", async () => {
    const sc = await Sidecar.start({ memory: 4 << 20 });
    try {
      await sc.ping();
      const resident = residentBytes(sc.regionAddress);
      // The header, the control page, a call-table entry, ring slots, the spawn block: far less than the channel.
      assert.ok(resident < ARGS_OFFSET / 4, `${resident} bytes of the region are resident in the host`);
    } finally {
      await sc.stop();
    }
  });

  test('a restarted sidecar finds its channel cleared of what the previous one left', async () => {
    const sc = await Sidecar.start({ memory: 4 << 20 });
    try {
      const region = new Uint8Array(sc.alloc('uint8_t', 1).buffer);
      const last = channelOffset(0) + CALLS_OFFSET + (CALL_SLOTS - 1) * CALL_ENTRY_SIZE;
      region.fill(0xa5, last, last + CALL_ENTRY_SIZE);
      await sc.restart();
      assert.deepEqual([...region.subarray(last, last + CALL_ENTRY_SIZE)], new Array(CALL_ENTRY_SIZE).fill(0));
      const m = await sc.library('m');
      assert.equal(await m.func('double cos(double)')(0), 1);
    } finally {
      await sc.stop();
    }
  });
});
