/**
 * The jail: registers with the host the provider of `Sidecar.start({ jail })`
 * (options → policy → the block the sidecar applies). Imported by the
 * package entry.
 */

import { provideJail } from '../host/jailing.js';
import { makePlan } from './block.js';
import { resolveJail } from './options.js';

provideJail({ plan: (options, where) => makePlan(resolveJail(options, where), where) });

export type { JailOptions } from './options.js';
export { seccompFilter, seccompRules } from './seccomp.js';
