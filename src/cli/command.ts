/**
 * What a `sidecar` subcommand is: its usage text and a `run` that returns
 * the exit status. Each subcommand lives in its own file under src/cli/ and
 * is registered (name and one-line summary) in main.ts, which loads it only
 * when it is asked for.
 */

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
