/** Running the `sidecar` command as a user would: a whole process. */

import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The compiled package root (dist/), where `src/cli/main.js` lives. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `sidecar ARGS...` to the end. */
export function runCli(args: readonly string[], opts: Omit<SpawnSyncOptions, 'encoding'> = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { ...opts, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
