/**
 * The restart policy of a sidecar, in the manner of an Erlang supervisor:
 * a sidecar that crashes (an exit nothing asked for) is restarted at once,
 * unless it has already been restarted `intensity` times within the last
 * `periodMs`; then it stays down and the policy gives up with a
 * RestartLimitError. Deadlines and aborts are not crashes: the process
 * layer replaces those sidecars itself.
 */

import * as clock from '../sys/clock.js';
import type { ExitInfo } from './errors.js';
import { RestartLimitError } from './errors.js';
import { checkKeys, shown } from './options.js';

export interface RestartPolicy {
  /** Restarts allowed within the period (default 5; 0: never restart). */
  intensity?: number;
  /** The period in milliseconds (default 5000). */
  periodMs?: number;
}

export function checkRestartPolicy(where: string, v: unknown): void {
  if (v === undefined || v === false) return;
  if (v === true) return;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new TypeError(`${where}: restart must be true, false or { intensity, periodMs }, got ${shown(v)}`);
  }
  checkKeys(`${where} restart`, v, ['intensity', 'periodMs']);
  const p = v as { intensity?: unknown; periodMs?: unknown };
  if (p.intensity !== undefined && !(Number.isInteger(p.intensity) && (p.intensity as number) >= 0)) {
    throw new RangeError(`${where}: restart.intensity must be an integer ≥ 0, got ${shown(p.intensity)}`);
  }
  if (p.periodMs !== undefined && !(typeof p.periodMs === 'number' && p.periodMs > 0)) {
    throw new RangeError(`${where}: restart.periodMs must be a number of milliseconds > 0, got ${shown(p.periodMs)}`);
  }
}

/** Decides, at each exit, whether to restart. */
export class Supervisor {
  readonly intensity: number;
  readonly periodMs: number;
  #times: number[] = [];
  #gaveUp: RestartLimitError | null = null;
  constructor(policy: RestartPolicy | true) {
    const p = policy === true ? {} : policy;
    this.intensity = p.intensity ?? 5;
    this.periodMs = p.periodMs ?? 5000;
  }

  /** The error it gave up with, or null while it still restarts. */
  get gaveUp(): RestartLimitError | null {
    return this.#gaveUp;
  }

  /** At an exit: the error to give up with, or null to restart (crashes only; other exits: null and no restart). */
  onExit(info: ExitInfo, now = clock.now()): 'restart' | 'ignore' | RestartLimitError {
    if (info.requested !== null || this.#gaveUp) return 'ignore';
    this.#times = this.#times.filter((t) => now - t < this.periodMs);
    if (this.#times.length >= this.intensity) {
      this.#gaveUp = new RestartLimitError(this.intensity, this.periodMs, info);
      return this.#gaveUp;
    }
    this.#times.push(now);
    return 'restart';
  }
}
