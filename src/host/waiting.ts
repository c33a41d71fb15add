/**
 * How long each side of a channel spins before it sleeps, and when the
 * host stops spinning to let the event loop turn: the channel's waiting
 * policy in one place. Measured on two-core guests; docs/architecture.md
 * ("Waking") gives the reasons.
 */

/** Spins of the synchronous fast path before it takes the clock and waits the long way. */
export const FAST_SPINS = 2048;
/** How long a synchronous caller spins before sleeping (ms). */
export const SYNC_SPIN_MS = 0.05;
/** How long the end-of-tick flush spins for completions (ms), at least. */
export const ASYNC_SPIN_MS = 0.015;
/**
 * At most: the flush spins as long as 1.5 times the time recent requests
 * took to complete, when that is below this (a call of 50 µs is caught by
 * the spin rather than by the doorbell, whose wake-up costs about as much
 * again); longer requests get the short spin.
 */
export const ASYNC_SPIN_MAX_MS = 0.25;
/** Longest the end-of-tick flush keeps pumping a stream of completions before yielding (ms). */
export const MAX_PUMP_MS = 2;
/**
 * Longest a chain of flushes may keep the event loop from its next turn
 * (ms): `for (...) await f()` settles each call in the flush's spin, so the
 * next call's flush runs in the same microtask queue, and timers and I/O
 * would wait for the whole loop. Past this the flush does not spin: it arms
 * the doorbell, and the completion comes back as I/O, after the timers.
 */
export const YIELD_MS = 2;
/** Sleep slice of a synchronous wait, between liveness and deadline checks (ns). */
export const SLEEP_SLICE_NS = 5_000_000;
/** Requests in flight beyond which the end-of-tick flush does not spin. */
export const LONG_RUN = 256;
/** `Atomics.pause` (Node 24+) in spin loops where present. */
export const pause: (n?: number) => void = (Atomics as { pause?: (n?: number) => void }).pause ?? (() => {});
