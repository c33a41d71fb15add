/**
 * Whether the machine's CPUs are all taken: then a spinning sidecar is a
 * loss (it takes the core the host needs). Read from the kernel's count of
 * runnable tasks (the fourth field of /proc/loadavg, an instantaneous
 * figure, unlike the averages), at most every CHECK_MS, less this thread
 * and the caller's own sidecar when it is awake: crowded when the others
 * leave no CPU each for the host and the sidecar. (Counting our own two
 * would hold a two-core machine crowded for as long as calls stream.)
 */

import fs from 'node:fs';
import os from 'node:os';

const CHECK_MS = 50;
const cpus = os.availableParallelism?.() ?? os.cpus().length;

let nextCheck = 0;
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

/**
 * Whether every CPU is taken (checked at most every 50 ms; false where the
 * kernel does not say). `ownAwake`: 1 when the caller's sidecar is running
 * (not asleep on its futex), so it is not counted among the others.
 */
export function machineCrowded(now: number, ownAwake: number): boolean {
  if (now < nextCheck || !readable) return crowded;
  nextCheck = now + CHECK_MS;
  const r = runnableTasks();
  if (r < 0) {
    readable = false;
    crowded = false;
  } else crowded = r - 1 - ownAwake + 2 > cpus;
  return crowded;
}
