/**
 * The process behind a channel: spawns the sidecar executable on its
 * channel (argv[1] = the channel's number; fds 3, 4, 5 = region, doorbell,
 * output), watches it exit, kills it, and replaces it on the same region
 * after a crash, a deadline or an abort. Each spawn is a new generation of
 * the channel: the host rewrites the region header and clears the channel,
 * so whatever a dead sidecar left there is gone.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { CONTROL, EXIT_CODE } from '../channel/layout.js';
import { channelAddon } from './addon.js';
import type { Channel, ChannelOwner } from './channel.js';
import { type ExitInfo, SidecarError, SidecarExitedError, SidecarStartError } from './errors.js';
import { EXIT } from './requests.js';

export interface ProcessOptions {
  /** The sidecar executable. */
  exe: string;
  stdio: 'inherit' | 'ignore';
  stdin: 'inherit' | 'ignore';
  env: NodeJS.ProcessEnv;
  /** Called when a sidecar of this channel ends (after the channel has failed what was in flight). */
  onExit: (info: ExitInfo) => void;
}

const SIGNALS: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
  24: 'SIGXCPU',
  25: 'SIGXFSZ',
  31: 'SIGSYS',
};

/** Why a sidecar that exited during start-up did not start, by its exit code. */
const START_FAILURES: Record<number, string> = {
  [EXIT_CODE.badRegion]: 'it could not read the shared region header',
  [EXIT_CODE.mapFailed]: 'the region address is taken in its address space',
  [EXIT_CODE.orphan]: 'its parent had already exited',
  [EXIT_CODE.badChannel]: 'its channel number is not in the region',
};

export function describeExit(i: ExitInfo): string {
  return i.signal ? `killed by ${i.signal}` : `exited with code ${i.code}`;
}

export class SidecarProcess implements ChannelOwner {
  readonly channel: Channel;
  readonly #opts: ProcessOptions;
  #child: ChildProcess | null = null;
  #pid = 0;
  #bell: net.Socket | null = null;
  #out: net.Socket | null = null;
  #alive = false;
  #closed = false;
  #death: ExitInfo | null = null;

  constructor(channel: Channel, opts: ProcessOptions) {
    this.channel = channel;
    this.#opts = opts;
  }

  get pid(): number {
    return this.#alive ? this.#pid : 0;
  }
  get running(): boolean {
    return this.#alive;
  }
  get closed(): boolean {
    return this.#closed;
  }
  /** What the current sidecar writes to its output stream (fd 5). */
  get output(): net.Socket | null {
    return this.#out;
  }

  /** Starts a sidecar on the channel: a new generation. */
  spawn(): void {
    if (this.#closed) throw new SidecarError('this sidecar was stopped');
    const ch = this.channel;
    const addon = channelAddon();
    ch.region.writeHeader();
    ch.attach(this);
    const bell = pipe();
    const out = pipe();
    let child: ChildProcess;
    try {
      child = spawn(this.#opts.exe, [String(ch.index)], {
        stdio: [this.#opts.stdin, this.#opts.stdio, this.#opts.stdio, ch.region.fd, bell[1], out[1]],
        env: this.#opts.env,
      });
    } catch (e) {
      addon.close(bell[0]);
      addon.close(out[0]);
      ch.detach(new SidecarStartError(`cannot run the sidecar: ${(e as Error).message}`, { cause: e }));
      throw e;
    } finally {
      addon.close(bell[1]);
      addon.close(out[1]);
    }
    this.#child = child;
    this.#pid = child.pid ?? 0;
    this.#alive = true;
    this.#death = null;
    const sock = new net.Socket({ fd: bell[0], readable: true, writable: false });
    sock.on('data', () => ch.onBell());
    sock.on('error', () => {});
    sock.unref();
    this.#bell = sock;
    this.#out?.destroy();
    const outSock = new net.Socket({ fd: out[0], readable: true, writable: false });
    outSock.on('error', () => {});
    outSock.unref();
    this.#out = outSock;
    child.on('exit', (code, signal) => this.#onChildExit(child, code, signal));
    child.on('error', (err) => this.#onChildExit(child, null, null, err));
    child.unref();
  }

  /** A start-up failure of a fresh sidecar, explained. */
  startError(e: unknown): Error {
    if (e instanceof SidecarExitedError) {
      const reason = e.code !== null ? START_FAILURES[e.code] : undefined;
      return new SidecarStartError(`the sidecar did not start: ${reason ?? e.message}`, { cause: e });
    }
    return e instanceof Error ? e : new SidecarStartError(String(e));
  }

  #onChildExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null, err?: Error): void {
    if (child !== this.#child || !this.#alive) return;
    this.#died({ code, signal, call: this.channel.runningName() }, err);
  }

  /** The current sidecar is gone: fail everything in flight, tell the owner. */
  #died(info: ExitInfo, err?: Error): void {
    this.#alive = false;
    this.#death = info;
    this.#child = null;
    this.#bell?.destroy();
    this.#bell = null;
    const exited = err
      ? new SidecarStartError(`cannot run the sidecar: ${err.message}`, { cause: err })
      : new SidecarExitedError(info);
    this.channel.detach(exited);
    this.#opts.onExit(info);
  }

  /** Kills the current sidecar and waits (briefly, synchronously) until it is gone. */
  #killNow(): ExitInfo {
    const pid = this.#pid;
    if (!this.#alive || !this.#child) return this.#death ?? { code: null, signal: null, call: null };
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    const addon = channelAddon();
    const idle = this.channel.region.address + this.channel.offset + CONTROL.errorText + CONTROL.errorTextSize - 4;
    let st = 0;
    const t0 = performance.now();
    while ((st = addon.exited(pid)) === 0 && performance.now() - t0 < 2000) addon.futexWait(idle, 0x7fffffff, 200_000);
    return this.#statusInfo(st);
  }

  #statusInfo(st: number): ExitInfo {
    const call = this.channel.runningName();
    if (st >= 512) return { code: st - 512, signal: null, call };
    if (st >= 256) return { code: null, signal: SIGNALS[st - 256] ?? `signal ${st - 256}`, call };
    return { code: null, signal: 'SIGKILL', call };
  }

  // ChannelOwner

  exited(): boolean {
    if (!this.#alive) return true;
    const st = channelAddon().exited(this.#pid);
    if (st > 0) {
      this.#died(this.#statusInfo(st));
      return true;
    }
    return false;
  }

  replace(slot: number, reason: Error): void {
    this.channel.failWith(slot, reason);
    const info = this.#killNow();
    if (this.#alive) this.#died(info);
    if (!this.#closed) this.spawn();
  }

  deadError(): Error {
    if (this.#closed) return new SidecarError('this sidecar was stopped');
    return new SidecarExitedError(
      this.#death ?? { code: null, signal: null, call: null },
      `the sidecar is not running (${this.#death ? describeExit(this.#death) : 'not started'}); call restart()`,
    );
  }

  hold(busy: boolean): void {
    // Requests in flight keep the host alive, and so does the child: its exit
    // event may come after the doorbell pipe has closed.
    if (busy) {
      this.#bell?.ref();
      this.#child?.ref();
    } else {
      this.#bell?.unref();
      this.#child?.unref();
    }
  }

  // Life

  /** Kills the current sidecar (if any) and starts another on the same channel. */
  restartNow(): void {
    if (this.#closed) throw new SidecarError('this sidecar was stopped');
    if (this.#alive) this.#died(this.#killNow());
    this.spawn();
  }

  /** SIGKILL now; requests in flight reject with SidecarExitedError when the exit is seen. */
  kill(): void {
    if (!this.#alive) return;
    try {
      process.kill(this.#pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  /** Asks the sidecar to exit (killing it after 2 s) and waits for it. */
  async stop(): Promise<void> {
    if (this.#closed) return;
    const child = this.#child;
    if (this.#alive && child) {
      const exited = new Promise<void>((res) => child.once('exit', () => res()));
      const timer = setTimeout(() => this.kill(), 2000);
      this.channel.submit(EXIT, [0], Number.POSITIVE_INFINITY).catch(() => {});
      await exited;
      clearTimeout(timer);
    }
    this.close();
  }

  /** No more sidecars on this channel: kills the current one, closes the streams. */
  close(): void {
    if (this.#closed) return;
    if (this.#alive) this.#died(this.#killNow());
    this.#closed = true;
    this.#bell?.destroy();
    this.#bell = null;
    this.#out?.destroy();
    this.#out = null;
  }
}

function pipe(): [number, number] {
  const p = channelAddon().pipe();
  if (typeof p === 'number') throw new SidecarStartError(`pipe failed (errno ${-p})`);
  return p;
}
