/**
 * What a `sidecar` subcommand is: its usage text and a `run` that returns
 * the exit status. Each subcommand lives in its own file under src/cli/ and
 * is registered (name and one-line summary) in main.ts, which loads it only
 * when it is asked for.
 */

import { readFileSync } from 'node:fs';

export interface Command {
  /** Full usage, shown by `sidecar help NAME` and on usage errors. */
  usage: string;
  /** Runs with the arguments after the subcommand name; resolves to the exit status. */
  run(args: string[]): Promise<number> | number;
}

/** A usage mistake: the dispatcher prints the message and the usage, and exits with status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Runs `fn` with the event loop held open. Sidecar unrefs its child process,
 * so when a sidecar dies during a call and nothing else is pending, Node
 * could exit before the child's exit settles the call; a command must not
 * end that way (it would exit 0 without a word).
 */
export async function keepingAlive<T>(fn: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {}, 1 << 30);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

/** The version in package.json ('unknown' when it cannot be read). */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

/** The arguments of a command whose only option is --json: whether it was given. */
export function jsonFlag(args: readonly string[]): boolean {
  let json = false;
  for (const a of args) {
    if (a === '--json') json = true;
    else throw new UsageError(`unexpected argument '${a}'`);
  }
  return json;
}
