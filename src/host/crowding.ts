/**
 * Whether the machine's CPUs are all taken: then spinning is a loss (a
 * spinning waiter takes the core the other side needs), and both sides of a
 * channel wait on the futex at once. Read from the kernel's count of
 * runnable tasks (the fourth field of /proc/loadavg, an instantaneous
 * figure, unlike the averages), at most every CHECK_MS. With hysteresis:
 * crowded when more tasks are runnable than there are CPUs, no longer
 * crowded only when fewer are (this process's own thread, and a spinning
 * sidecar, count among them).
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

/** Whether every CPU is taken (checked at most every 50 ms; false where the kernel does not say). */
export function machineCrowded(now: number): boolean {
  if (now < nextCheck || !readable) return crowded;
  nextCheck = now + CHECK_MS;
  const r = runnableTasks();
  if (r < 0) {
    readable = false;
    crowded = false;
  } else if (r > cpus) crowded = true;
  else if (r < cpus) crowded = false;
  return crowded;
}
