/**
 * The host's clock: milliseconds from an arbitrary origin, monotonic, from
 * `process.hrtime()`. Not `performance.now()`: its first use loads Node's
 * perf_hooks (1–3 ms in a fresh process), and hrtime is no slower a call,
 * which matters in the spin loops that read the clock.
 */

const hrtime = process.hrtime;

/** Monotonic milliseconds (fractional). */
export function now(): number {
  const t = hrtime();
  return t[0] * 1e3 + t[1] / 1e6;
}
