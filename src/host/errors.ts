/**
 * The errors Sidecar raises. Bad input is a plain TypeError thrown before
 * anything reaches the sidecar; the classes below describe what happened to a
 * request that was sent.
 */

/** Base class of Sidecar's own errors. */
export class SidecarError extends Error {
  override name = 'SidecarError';
}

/** Who asked a sidecar to end: `stop()`, `kill()`, `restart()`, a call's deadline or its AbortSignal. */
export type ExitRequest = 'stop' | 'kill' | 'restart' | 'deadline' | 'abort';

/** What ended a sidecar process. */
export interface ExitInfo {
  /** Exit status, or null if a signal ended it. */
  code: number | null;
  /** Signal name (e.g. 'SIGSEGV'), or null. */
  signal: string | null;
  /** The call that was running when it ended, if any. */
  call: string | null;
  /** What asked for the exit, or null when nothing did (a crash, a signal from outside, a broken protocol). */
  requested: ExitRequest | null;
}

/** The sidecar process ended while a request was in flight (crash, kill, exit). */
export class SidecarExitedError extends SidecarError {
  override name = 'SidecarExitedError';
  readonly code: number | null;
  readonly signal: string | null;
  readonly call: string | null;
  /** What asked for the exit (`stop()`, `kill()`, ...), or null for a crash. */
  readonly requested: ExitRequest | null;
  constructor(info: ExitInfo, message?: string) {
    super(message ?? `sidecar ${exitHow(info)}${info.call ? ` while running ${info.call}` : ''}${asked(info)}`);
    this.code = info.code;
    this.signal = info.signal;
    this.call = info.call;
    this.requested = info.requested ?? null;
  }
  /** How the process ended, as the default message says it: 'was killed by SIGSEGV', 'exited with code 1'. */
  get how(): string {
    return exitHow(this);
  }
}

function asked(info: ExitInfo): string {
  switch (info.requested) {
    case 'stop':
      return ' (stop() was called)';
    case 'kill':
      return ' (kill() was called)';
    case 'restart':
      return ' (restart() was called)';
    default:
      return ''; // a deadline or an abort: the call rejects with TimeoutError or AbortError
  }
}

function exitHow(info: { code: number | null; signal: string | null }): string {
  return info.signal ? `was killed by ${info.signal}` : `exited with code ${info.code}`;
}

/** A call outlived its deadline; the sidecar was killed and replaced. */
export class TimeoutError extends SidecarError {
  override name = 'TimeoutError';
  readonly timeoutMs: number;
  readonly call: string | null;
  /** The default message says the sidecar was replaced; a deadline met by interrupting the code gives its own. */
  constructor(call: string | null, timeoutMs: number, message?: string, options?: ErrorOptions) {
    super(
      message ?? `${call ?? 'request'} timed out after ${timeoutMs} ms; the sidecar was killed and replaced`,
      options,
    );
    this.timeoutMs = timeoutMs;
    this.call = call;
  }
}

/** A call was cancelled through its AbortSignal. */
export class AbortError extends SidecarError {
  override name = 'AbortError';
  readonly code = 'ABORT_ERR';
  constructor(call: string | null, reason?: unknown, message?: string) {
    super(message ?? `${call ?? 'request'} was aborted`, reason === undefined ? undefined : { cause: reason });
  }
}

/** The sidecar could not be started (no room for the region, missing loader, ...). */
export class SidecarStartError extends SidecarError {
  override name = 'SidecarStartError';
}

/** A library or symbol could not be found or loaded inside the sidecar. */
export class LibraryError extends SidecarError {
  override name = 'LibraryError';
  /** For a library that could not be opened: each soname tried and what dlopen said. */
  readonly attempts: readonly { soname: string; error: string }[];
  constructor(message: string, attempts: readonly { soname: string; error: string }[] = []) {
    super(message);
    this.attempts = attempts;
  }
}

/** The sidecar broke the channel's protocol (a corrupt completion count): it was killed. */
export class ProtocolError extends SidecarError {
  override name = 'ProtocolError';
}

/**
 * An address of the sidecar that cannot be read (not mapped, or not
 * readable): `sc.read`, `sc.readCString` or a string result pointed there.
 * The sidecar read it through the kernel, so it did not fault and keeps running.
 */
export class MemoryAccessError extends SidecarError {
  override name = 'MemoryAccessError';
  /** The first address that could not be read. */
  readonly address: bigint;
  constructor(address: bigint, what = 'read') {
    super(`${what}: address 0x${BigInt.asUintN(64, address).toString(16)} of the sidecar is not readable`);
    this.address = address;
  }
}

/**
 * A sidecar kept crashing: more restarts than its restart policy allows
 * (`restart: { intensity, periodMs }`) within the period. It is left
 * stopped; a Pool schedules no more work on it.
 */
export class RestartLimitError extends SidecarError {
  override name = 'RestartLimitError';
  readonly intensity: number;
  readonly periodMs: number;
  /** The last exit. */
  readonly exit: ExitInfo;
  constructor(intensity: number, periodMs: number, exit: ExitInfo) {
    super(
      `the sidecar crashed more than ${intensity} time${intensity === 1 ? '' : 's'} in ${periodMs} ms (last: ${exitHow(exit)}${exit.call ? ` while running ${exit.call}` : ''}); it was not restarted again`,
    );
    this.intensity = intensity;
    this.periodMs = periodMs;
    this.exit = exit;
  }
}

/**
 * A jailed sidecar made a system call its jail forbids: the seccomp filter
 * refused it, and the sidecar's SIGSYS handler named it and ended the
 * process (or the kernel killed it with SIGSYS, unnamed).
 */
export class JailViolationError extends SidecarExitedError {
  override name = 'JailViolationError';
  /** The system call's name ('execve', 'clone', 'socket' …), or null when the kernel killed it unnamed. */
  readonly syscall: string | null;
  readonly syscallNumber: number | null;
  /** Its first argument (clone's flags, socket's domain …). */
  readonly arg0: bigint | null;
  constructor(info: ExitInfo, syscall: { name: string; number: number; arg0: bigint; detail?: string } | null) {
    super(
      info,
      syscall
        ? `the jailed sidecar called ${syscall.name}${syscall.detail ? ` (${syscall.detail})` : ''}, which its jail forbids; the process was ended${info.call ? ` while running ${info.call}` : ''}`
        : `the jailed sidecar was killed by SIGSYS: a system call its jail forbids, made with SIGSYS blocked (as glibc blocks every signal around the clone of pthread_create and posix_spawn) or of another architecture${info.call ? ` while running ${info.call}` : ''}`,
    );
    this.syscall = syscall?.name ?? null;
    this.syscallNumber = syscall?.number ?? null;
    this.arg0 = syscall?.arg0 ?? null;
  }
}
