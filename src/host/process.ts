/**
 * The process behind a channel: spawns the sidecar executable on its
 * channel (argv[1] = the channel's number; fds 3, 4, 5 = region, doorbell,
 * output), watches it exit, kills it, and replaces it on the same region
 * after a crash, a deadline or an abort. Each spawn is a new generation of
 * the channel: the host rewrites the region header and clears the channel,
 * so whatever a dead sidecar left there is gone.
 */

import fs from 'node:fs';
import { CONTROL, EXIT_CODE } from '../channel/layout.js';
import { SPAWN_BLOCK, WATCH_KIND } from '../native/addon-api.js';
import * as clock from '../sys/clock.js';
import { type CpuInfo, cpuInfo, openblasCoretype } from '../sys/cpu.js';
import { type ChannelAddon, channelAddon } from './addon.js';
import type { Channel, ChannelOwner } from './channel.js';
import {
  AbortError,
  type ExitInfo,
  type ExitRequest,
  SidecarError,
  SidecarExitedError,
  SidecarStartError,
  TimeoutError,
} from './errors.js';
import { OutputStream, type SidecarOutput } from './output.js';
import { EXIT } from './requests.js';

export interface ProcessOptions {
  /** The sidecar executable. */
  exe: string;
  stdio: 'inherit' | 'ignore';
  stdin: 'inherit' | 'ignore';
  env: NodeJS.ProcessEnv;
  /** The jail: the block written before each spawn, whose address is argv[2]. */
  jail?: { address: number; write: () => void };
  /** The error calls in flight get when a sidecar ends (default: SidecarExitedError). */
  exitError?: (info: ExitInfo) => Error;
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
  [EXIT_CODE.jailFailed]: 'it could not apply its jail',
};

/**
 * The sidecar's environment as `NAME=value` strings: `env`, and
 * OPENBLAS_CORETYPE when `env` does not set it and this CPU is one the
 * installed OpenBLAS may not know (it would fall back to old, slow kernels:
 * src/sys/cpu.ts says which core to name). A value the user sets, even an
 * empty one, is kept as it is.
 */
export function sidecarEnvironment(env: NodeJS.ProcessEnv, cpu: () => CpuInfo = cpuInfo): string[] {
  const out = Object.entries(env)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  if (env.OPENBLAS_CORETYPE === undefined) {
    const core = openblasCoretype(cpu());
    if (core) out.push(`OPENBLAS_CORETYPE=${core}`);
  }
  return out;
}

export function describeExit(i: ExitInfo): string {
  return i.signal ? `killed by ${i.signal}` : `exited with code ${i.code}`;
}

export class SidecarProcess implements ChannelOwner {
  readonly channel: Channel;
  readonly #opts: ProcessOptions;
  #pid = 0;
  /** The doorbell's watch (the channel addon's): a byte means completions are ready, end-of-file that the sidecar ended. */
  #bell = 0;
  #out: OutputStream | null = null;
  #alive = false;
  #closed = false;
  #death: ExitInfo | null = null;
  /** What asked the current sidecar to end (null: nothing yet); reported in its ExitInfo. */
  #request: ExitRequest | null = null;
  #deathWaiters: (() => void)[] = [];

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
  get output(): SidecarOutput | null {
    return this.#out;
  }

  /**
   * Starts a sidecar on the channel: a new generation. The process is made
   * by the channel addon (vfork and exec, no copy of the host's memory map);
   * its doorbell pipe reaching end-of-file is how the host learns it ended.
   */
  spawn(): void {
    if (this.#closed) throw new SidecarError('this sidecar was stopped');
    const ch = this.channel;
    const addon = channelAddon();
    ch.region.writeHeader();
    ch.attach(this);
    const bell = pipe();
    const out = pipe();
    let pid: number;
    try {
      pid = this.#start(addon, [bell[1], out[1]]);
    } catch (e) {
      addon.close(bell[0]);
      addon.close(out[0]);
      ch.detach(e as Error);
      throw e;
    } finally {
      addon.close(bell[1]);
      addon.close(out[1]);
    }
    this.#pid = pid;
    this.#alive = true;
    this.#death = null;
    this.#request = null;
    const watch = addon.watch(bell[0], WATCH_KIND.bell, (n) => {
      if ((n as number) > 0) ch.onBell();
      else if (watch === this.#bell) this.#onHangUp(pid);
      else addon.unwatch(watch);
    });
    if (watch < 0) {
      const err = new SidecarStartError(`cannot watch the doorbell (errno ${-watch})`);
      addon.close(bell[0]);
      addon.close(out[0]);
      this.#death = this.#killNow();
      addon.exited(pid, 1);
      this.#alive = false;
      ch.detach(err);
      throw err;
    }
    this.#bell = watch;
    this.#out?.close();
    this.#out = new OutputStream(out[0]);
  }

  /** Runs the executable on fds 0..5 = stdin, stdout, stderr, region, doorbell, output; its pid. */
  #start(addon: ChannelAddon, [bell, out]: [number, number]): number {
    const region = this.channel.region;
    const ignore = this.#opts.stdin === 'ignore' || this.#opts.stdio === 'ignore' ? fs.openSync('/dev/null', 'r+') : -1;
    const io = this.#opts.stdio === 'ignore' ? ignore : -1;
    const fds = [this.#opts.stdin === 'ignore' ? ignore : 0, io >= 0 ? io : 1, io >= 0 ? io : 2, region.fd, bell, out];
    const env = sidecarEnvironment(this.#opts.env);
    const jail = this.#opts.jail;
    jail?.write();
    const args = [this.#opts.exe, String(this.channel.index), ...(jail ? [String(jail.address)] : [])];
    const strings = [...args, ...env];
    const encoded = strings.map((t) => Buffer.from(`${t}\0`, 'utf8'));
    const pointers = SPAWN_BLOCK.size + 8 * (strings.length + 2);
    const bytes = pointers + encoded.reduce((n, b) => n + b.length, 0);
    const off = region.arena.alloc(bytes, 16);
    try {
      const base = region.address + off;
      const dv = region.dv;
      let at = off + pointers;
      const addresses = encoded.map((b) => {
        region.u8.set(b, at);
        const p = region.address + at;
        at += b.length;
        return BigInt(p);
      });
      const argv = off + SPAWN_BLOCK.size; // [exe, channel, (jail), NULL], then envp [..., NULL]
      const words = [...addresses.slice(0, args.length), 0n, ...addresses.slice(args.length), 0n] as bigint[];
      words.forEach((w, k) => {
        dv.setBigUint64(argv + 8 * k, w, true);
      });
      dv.setBigUint64(off + SPAWN_BLOCK.path, addresses[0] as bigint, true);
      dv.setBigUint64(off + SPAWN_BLOCK.argv, BigInt(region.address + argv), true);
      dv.setBigUint64(off + SPAWN_BLOCK.envp, BigInt(region.address + argv + 8 * (args.length + 1)), true);
      fds.forEach((fd, k) => {
        dv.setInt32(off + SPAWN_BLOCK.fds + 4 * k, fd, true);
      });
      const pid = addon.spawn(base);
      if (pid < 0) throw new SidecarStartError(`cannot run the sidecar ${this.#opts.exe} (errno ${-pid})`);
      return pid;
    } finally {
      region.arena.free(off);
      if (ignore >= 0) fs.closeSync(ignore);
    }
  }

  /** The doorbell pipe closed: the sidecar ended (or closed it, which it must not: it is killed). */
  #onHangUp(pid: number): void {
    if (pid !== this.#pid || !this.#alive) return;
    const st = channelAddon().exited(pid, 0);
    if (st > 0) this.#died(this.#statusInfo(st));
    else this.#died(this.#killNow());
  }

  /** A start-up failure of a fresh sidecar, explained. */
  startError(e: unknown): Error {
    if (e instanceof SidecarExitedError) {
      const reason = e.code !== null ? START_FAILURES[e.code] : undefined;
      return new SidecarStartError(`the sidecar did not start: ${reason ?? e.message}`, { cause: e });
    }
    return e instanceof Error ? e : new SidecarStartError(String(e));
  }

  /** The current sidecar is gone: collect it, fail everything in flight, tell the owner. */
  #died(info: ExitInfo): void {
    this.#alive = false;
    this.#death = info;
    const addon = channelAddon();
    addon.exited(this.#pid, 1); // reap it
    if (this.#bell) addon.unwatch(this.#bell);
    this.#bell = 0;
    this.#out?.drain(); // what it printed last reaches the listeners before its end is reported
    this.channel.detach(this.#opts.exitError?.(info) ?? new SidecarExitedError(info));
    for (const w of this.#deathWaiters.splice(0)) w();
    this.#opts.onExit(info);
  }

  /** Records what asked the current sidecar to end; the first request is the one reported. */
  #asked(why: ExitRequest | null): void {
    this.#request ??= why;
  }

  /** Kills the current sidecar and waits (briefly, synchronously) until it is gone. */
  #killNow(): ExitInfo {
    const pid = this.#pid;
    if (!this.#alive) return this.#death ?? { code: null, signal: null, call: null, requested: null };
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    const addon = channelAddon();
    const idle = this.channel.region.address + this.channel.offset + CONTROL.errorText + CONTROL.errorTextSize - 4;
    let st = 0;
    const t0 = clock.now();
    while ((st = addon.exited(pid, 0)) === 0 && clock.now() - t0 < 2000) addon.futexWait(idle, 0x7fffffff, 200_000);
    return this.#statusInfo(st);
  }

  #statusInfo(st: number): ExitInfo {
    const call = this.channel.runningName();
    const requested = this.#request;
    if (st >= 512) return { code: st - 512, signal: null, call, requested };
    if (st >= 256) return { code: null, signal: SIGNALS[st - 256] ?? `signal ${st - 256}`, call, requested };
    return { code: null, signal: 'SIGKILL', call, requested };
  }

  // ChannelOwner

  exited(): boolean {
    if (!this.#alive) return true;
    const st = channelAddon().exited(this.#pid, 0);
    if (st > 0) {
      this.#died(this.#statusInfo(st));
      return true;
    }
    return false;
  }

  replace(slot: number, reason: Error): void {
    this.channel.failWith(slot, reason);
    this.#asked(reason instanceof TimeoutError ? 'deadline' : reason instanceof AbortError ? 'abort' : null);
    const info = this.#killNow();
    if (this.#alive) this.#died(info);
    // An exit handler may have called restart() and started one already.
    if (!this.#closed && !this.#alive) this.spawn();
  }

  deadError(): Error {
    if (this.#closed) return new SidecarError('this sidecar was stopped');
    return new SidecarExitedError(
      this.#death ?? { code: null, signal: null, call: null, requested: null },
      `the sidecar is not running (${this.#death ? describeExit(this.#death) : 'not started'}); call restart()`,
    );
  }

  hold(busy: boolean): void {
    // Requests in flight keep the host alive (the doorbell also brings the exit).
    if (!this.#bell) return;
    if (busy) channelAddon().ref(this.#bell);
    else channelAddon().unref(this.#bell);
  }

  // Life

  /** Kills the current sidecar (if any) and starts another on the same channel. */
  restartNow(): void {
    if (this.#closed) throw new SidecarError('this sidecar was stopped');
    if (this.#alive) {
      this.#asked('restart');
      this.#died(this.#killNow());
    }
    if (!this.#closed && !this.#alive) this.spawn(); // (an exit handler may have stopped it or started one)
  }

  /** SIGKILL now; requests in flight reject with SidecarExitedError when the exit is seen. */
  kill(): void {
    if (!this.#alive) return;
    this.#asked('kill');
    try {
      process.kill(this.#pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  /** Asks the sidecar to exit (killing it after 2 s) and waits for it. */
  async stop(): Promise<void> {
    if (this.#closed) return;
    if (this.#alive) {
      this.#asked('stop');
      const exited = new Promise<void>((res) => this.#deathWaiters.push(res));
      this.hold(true);
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
    if (this.#alive) {
      this.#asked('stop');
      this.#died(this.#killNow());
    }
    this.#closed = true;
    if (this.#bell) channelAddon().unwatch(this.#bell);
    this.#bell = 0;
    this.#out?.close();
    this.#out = null;
  }
}

function pipe(): [number, number] {
  const p = channelAddon().pipe();
  if (typeof p === 'number') throw new SidecarStartError(`pipe failed (errno ${-p})`);
  return p;
}
