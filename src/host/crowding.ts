/**
 * Whether the machine's CPUs are all taken: then a spinning sidecar is a
 * loss (it takes the core the host needs). Read from the kernel's count of
 * runnable tasks (the fourth field of /proc/loadavg, an instantaneous
 * figure, unlike the averages), at most every CHECK_MS, less the host's
 * own runnable threads and the caller's sidecar's: crowded when the others
 * leave no CPU each for the host and the sidecar. (Counting our own would
 * hold a two-core machine crowded for as long as calls stream.)
 */

import fs from 'node:fs';
import os from 'node:os';

const CHECK_MS = 50;
const cpus = os.availableParallelism?.() ?? os.cpus().length;

/** When to look next (-1: never looked; the first look waits CHECK_MS, so starting a sidecar reads no /proc file). */
let nextCheck = -1;
let crowded = false;
let readable = true;

/** Runnable tasks now, or -1 where /proc/loadavg cannot be read. */
export function runnableTasks(): number {
  try {
    const f = fs.readFileSync('/proc/loadavg', 'latin1').split(' ')[3] ?? '';
    const r = Number(f.split('/')[0]);
    return Number.isInteger(r) ? r : -1;
  } catch {
    return -1;
  }
}

/** Runnable threads among `pids`' tasks (the host's own threads, the sidecar's), from /proc/<pid>/task/<tid>/stat. */
function runnableOf(pids: readonly number[]): number {
  let n = 0;
  for (const pid of pids) {
    let tids: string[];
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'latin1');
        // the state follows the command name, which is in parentheses and may hold spaces
        if (stat[stat.lastIndexOf(')') + 2] === 'R') n++;
      } catch {
        // the thread ended
      }
    }
  }
  return n;
}

/**
 * Whether every CPU is taken by others (checked at most every 50 ms, the
 * first time 50 ms after the first question; false until then, and where
 * the kernel does not say). The host's own runnable threads (V8's
 * collector runs some beside the main one) and the caller's sidecar
 * `sidecarPid` (0: none) are not counted among the others: a sidecar just
 * woken is runnable before it clears its sleep flag, and counting it made a
 * stream of calls look like a crowd, which then turned the sidecar's spin
 * off for good.
 */
export function machineCrowded(now: number, sidecarPid: number): boolean {
  if (nextCheck < 0) nextCheck = now + CHECK_MS;
  if (now < nextCheck || !readable) return crowded;
  nextCheck = now + CHECK_MS;
  const r = runnableTasks();
  if (r < 0) {
    readable = false;
    crowded = false;
    return crowded;
  }
  // cheap first: this thread is one of them, so fewer than the CPUs leave one each for the host and the sidecar
  if (r < cpus) {
    crowded = false;
    return crowded;
  }
  const ours = runnableOf(sidecarPid > 0 ? [process.pid, sidecarPid] : [process.pid]);
  crowded = Math.max(0, r - ours) + 2 > cpus;
  return crowded;
}
