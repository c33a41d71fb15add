/**
 * The failure model under injected faults (a few dozen here; `npm run
 * test:faults` runs 1,000): every fault's promise settles with the right
 * error class, shared buffers are untouched, the sidecar answers again, and
 * nothing is left behind.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { injectFaults } from './inject.js';

test('faults: crashes, kills, hangs, aborts, exits, scribbles and Forth loops, each handled', async () => {
  const r = await injectFaults(Number(process.env.SIDECAR_FAULTS ?? 48), 3);
  assert.deepEqual(
    {
      unsettled: r.unsettled,
      wrongClass: r.wrongClass,
      buffersChanged: r.buffersChanged,
      deadAfter: r.deadAfter,
      leakedFds: r.leakedFds,
      leakedProcesses: r.leakedProcesses,
    },
    { unsettled: 0, wrongClass: 0, buffersChanged: 0, deadAfter: 0, leakedFds: 0, leakedProcesses: 0 },
    r.wrongExamples.join('\n'),
  );
  assert.ok(Object.keys(r.byKind).length >= 8, `kinds run: ${Object.keys(r.byKind)}`);
});
