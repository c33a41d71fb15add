/**
 * The host side of the REPL: boots the Forth kernel in a running sidecar
 * (assemble, load with the stage-1 LOAD request, forth_boot, then the Forth
 * source of the system) and evaluates text in it. Output comes through the
 * sidecar's output pipe as it is produced; an evaluation ends when its
 * completion arrives and every byte it wrote has been read.
 *
 * An evaluation can always be stopped. An interrupt is a flag in the status
 * block and a SIGINT: Forth code throws -28 at once, a C function called
 * from Forth first returns, and an evaluation that has not started yet
 * throws -28 when it starts (the flag waits for it). A deadline or an
 * AbortSignal interrupts first; a word that still runs after a grace period
 * (a C function that does not return) is ended as a C call is, by killing
 * and replacing the sidecar.
 */

import type { NativeFunction } from '../host/call.js';
import type { LoadedCode } from '../host/code.js';
import { AbortError, TimeoutError } from '../host/errors.js';
import type { SidecarOutput } from '../host/output.js';
import type { Sidecar } from '../host/sidecar.js';
import { forthKernelImage } from './artifact.js';
import { ForthError } from './errors.js';
import { CTX, THROW, THROW_MESSAGES } from './layout.js';

export { ForthError } from './errors.js';

/** Output bytes an evaluation's result holds by default (16 MiB). */
export const DEFAULT_MAX_OUTPUT = 16 << 20;
/** How long an interrupted evaluation has to stop before the sidecar is replaced (ms). */
export const DEFAULT_GRACE_MS = 1000;

export interface ForthEvalOptions {
  /** Called with output as it arrives (the promise still resolves to all of it, up to `maxOutput`). */
  onOutput?: (text: string) => void;
  /**
   * Deadline in ms, counted from when the evaluation starts (evaluations run
   * one at a time). At the deadline the evaluation is interrupted: it rejects
   * with ForthError -28 and the dictionary stays. If it has not stopped
   * `graceMs` later, the sidecar is killed and replaced and it rejects with
   * TimeoutError. Default: none for `session.eval`, the start option
   * `timeoutMs` for `sc.forth`.
   */
  timeoutMs?: number;
  /** Aborting interrupts the evaluation as a deadline does (then AbortError if it does not stop). */
  signal?: AbortSignal;
  /** Grace period between the interrupt and the kill (ms, default 1000). */
  graceMs?: number;
  /**
   * Bytes of output the result holds (default 16 MiB). Output beyond is still
   * passed to `onOutput` but dropped from the result, which then ends with a
   * line saying how many bytes were dropped (`ForthResult.dropped`).
   */
  maxOutput?: number;
}

export interface ForthResult {
  output: string;
  /** BYE was executed. */
  bye: boolean;
  /** A definition is still being compiled (its text continues in the next evaluation). */
  compiling: boolean;
  /** Items on the data and float stacks afterwards. */
  depth: number;
  fdepth: number;
  /** Bytes of output beyond `maxOutput`, not in `output`. */
  dropped: number;
}

/** What a replay after a restart repeats: evaluations that succeeded, and forthDefine calls. */
type Replayed = { source: string } | { name: string; view: ArrayBufferView };

function checkMs(what: string, v: number | undefined): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || Number.isNaN(v) || v < 0)
    throw new TypeError(`forth: ${what} must be a number of milliseconds >= 0 (or Infinity)`);
}

export class ForthSession {
  readonly sc: Sidecar;
  /**
   * Replay after a restart: when set, the session records the text of every
   * evaluation that succeeded and every `define`, and when the sidecar was
   * restarted (by `restart()`, a crash or a deadline) it evaluates them again,
   * in order, before the next evaluation, so that definitions come back. The
   * text runs again in full: what it printed or changed outside the
   * dictionary happens again. Off by default: a restart starts from a fresh
   * Forth system.
   */
  replay = false;
  #log: Replayed[] = [];
  #gen = -1;
  #code: LoadedCode | null = null;
  #evalFn: NativeFunction | null = null;
  #ctx: Uint8Array | null = null;
  #ctxView: DataView | null = null;
  #out: SidecarOutput | null = null;
  #chunks: Buffer[] = [];
  #held = 0;
  #dropped = 0;
  #holdLimit = DEFAULT_MAX_OUTPUT;
  #received = 0;
  #waiter: (() => void) | null = null;
  #listener: ((t: string) => void) | null = null;
  #decoder = new TextDecoder();
  #queue: Promise<unknown> = Promise.resolve();
  #booting: Promise<void> | null = null;
  /** Evaluations asked for and not settled; whether forth_eval is in flight; an interrupt waiting for one to start. */
  #pending = 0;
  #running = false;
  #interruptPending = false;

  constructor(sc: Sidecar) {
    this.sc = sc;
  }

  /**
   * Interrupts the running evaluation (as Ctrl-C does), or the next one if
   * none has started yet: Forth code stops with THROW -28 at once; a C
   * function called from Forth finishes first. The sidecar and the
   * dictionary stay. Without an evaluation asked for, it does nothing.
   */
  interrupt(): void {
    if (this.#pending === 0) return;
    if (this.#running && this.#gen === this.sc.generation) this.#interruptNow();
    else this.#interruptPending = true;
  }

  #interruptNow(): void {
    this.#ctxView?.setBigInt64(CTX.interrupt, 1n, true);
    const pid = this.sc.pid;
    // Only a booted Forth handles SIGINT; before, it would end the sidecar.
    if (pid && this.#gen === this.sc.generation) process.kill(pid, 'SIGINT');
  }

  /**
   * Makes a buffer of the shared region reachable from Forth: `name` pushes
   * its address and `name#` its number of elements, so Forth code computes in
   * place on data the host prepared (and the host reads what Forth wrote).
   */
  async define(name: string, view: ArrayBufferView): Promise<void> {
    if (!/^[^\s]{1,200}$/.test(name)) throw new TypeError(`forth define: '${name}' is not a Forth name`);
    this.sc.address(view); // TypeError outside the region
    await this.#track(this.#queued(() => this.#define(name, view)));
    if (this.replay) this.#log.push({ name, view });
  }

  #define(name: string, view: ArrayBufferView): Promise<ForthResult> {
    const address = this.sc.address(view);
    const bpe = (view as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
    const count = view.byteLength / bpe;
    return this.#eval(`${address} CONSTANT ${name}\n${count} CONSTANT ${name}#\n`, {});
  }

  /** The names of the dictionary, in search order (for completion). */
  async words(): Promise<string[]> {
    const r = await this.#track(this.#queued(() => this.#eval('(ALL-WORDS)', {}))).catch(() => null);
    if (r) return [...new Set(r.output.split(' ').filter((w) => w !== ''))];
    return [];
  }

  /** Evaluates Forth text; resolves to what it printed. Rejects with ForthError on an uncaught THROW. */
  eval(source: string, opts: ForthEvalOptions = {}): Promise<ForthResult> {
    if (typeof source !== 'string') return Promise.reject(new TypeError('forth: expected source text'));
    try {
      checkMs('timeoutMs', opts.timeoutMs);
      checkMs('graceMs', opts.graceMs);
      if (opts.maxOutput !== undefined && !(opts.maxOutput >= 0))
        throw new TypeError('forth: maxOutput must be a number of bytes >= 0');
    } catch (e) {
      return Promise.reject(e);
    }
    return this.#track(
      this.#queued(async () => {
        const r = await this.#eval(source, opts);
        if (this.replay) this.#log.push({ source });
        return r;
      }),
    );
  }

  /** Counts an evaluation as asked for until it settles (an interrupt targets it). */
  #track<T>(p: Promise<T>): Promise<T> {
    this.#pending++;
    return p.finally(() => {
      if (--this.#pending === 0) this.#interruptPending = false;
    });
  }

  #queued<T>(f: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(f);
    this.#queue = run.catch(() => {});
    return run;
  }

  async #ensureBooted(): Promise<void> {
    if (this.#gen === this.sc.generation && this.#evalFn) return;
    this.#booting ??= this.#boot().finally(() => {
      this.#booting = null;
    });
    await this.#booting;
  }

  async #boot(): Promise<void> {
    const sc = this.sc;
    const gen = sc.generation;
    const replaying = this.#gen !== -1 && this.replay && this.#log.length > 0;
    this.#code = await sc.load(await forthKernelImage());
    const boot = this.#code.func('long forth_boot(void *ctx)', 'forth_boot');
    this.#evalFn = this.#code.func('long forth_eval(void *ctx, void *src, long len)', 'forth_eval');
    if (!this.#ctx) {
      this.#ctx = sc.alloc('uint8_t', CTX.size) as Uint8Array;
      this.#ctxView = new DataView(this.#ctx.buffer, this.#ctx.byteOffset, CTX.size);
    }
    this.#ctx.fill(0);
    this.#attachOutput();
    const r = (await boot(this.#ctx)) as bigint;
    if (r !== 0n) throw new Error('forth_boot failed: the sidecar could not map the Forth memory');
    const { systemSource } = await import('./system.js'); // the Forth source, read when a system boots
    const res = await this.#eval(systemSource(), {}, true);
    if (res.output.trim() !== '') {
      // The system source prints nothing when it compiles cleanly.
      throw new Error(`the Forth system printed while booting: ${res.output}`);
    }
    this.#gen = gen;
    if (replaying) {
      // What was recorded before the restart, again; an entry that fails now is dropped from the log.
      const log = this.#log;
      this.#log = [];
      for (const entry of log) {
        try {
          if ('source' in entry) await this.#eval(entry.source, {}, true);
          else await this.#define(entry.name, entry.view);
          this.#log.push(entry);
        } catch {
          // a define of a freed buffer, a text that depended on the lost state
        }
      }
    }
  }

  #attachOutput(): void {
    const sock = this.sc.output;
    if (!sock) throw new Error('the sidecar has no output stream');
    if (sock === this.#out) return;
    sock.onOutput((d) => {
      if (this.#held + d.length <= this.#holdLimit) {
        this.#chunks.push(d);
        this.#held += d.length;
      } else {
        const room = this.#holdLimit - this.#held;
        if (room > 0) this.#chunks.push(d.subarray(0, room));
        this.#held += Math.max(0, room);
        this.#dropped += d.length - Math.max(0, room);
      }
      this.#received += d.length;
      if (this.#listener) this.#listener(this.#decoder.decode(d, { stream: true }));
      this.#waiter?.();
    });
    this.#out = sock;
    this.#received = 0;
    this.#chunks = [];
    this.#held = 0;
  }

  async #eval(source: string, opts: ForthEvalOptions, booting = false): Promise<ForthResult> {
    const timeoutMs = opts.timeoutMs ?? Number.POSITIVE_INFINITY;
    const signal = opts.signal;
    if (signal?.aborted) throw new AbortError('forth_eval', signal.reason);
    if (!booting) await this.#ensureBooted();
    const sc = this.sc;
    const view = this.#ctxView as DataView;
    const bytes = Buffer.from(source, 'utf8');
    const buf = sc.alloc('uint8_t', Math.max(1, bytes.length)) as Uint8Array;
    buf.set(bytes);
    const startOut = Number(view.getBigInt64(CTX.outTotal, true));
    const startReceived = this.#received;
    const decoder = new TextDecoder();
    let text = '';
    this.#listener = (t) => {
      opts.onOutput?.(t);
    };
    this.#chunks = [];
    this.#held = 0;
    this.#dropped = 0;
    this.#holdLimit = opts.maxOutput ?? DEFAULT_MAX_OUTPUT;
    // Deadline and abort: interrupt, then after the grace period replace the sidecar.
    const killer = new AbortController();
    let why: 'timeout' | 'abort' | null = null;
    let grace: NodeJS.Timeout | null = null;
    const stop = (w: 'timeout' | 'abort'): void => {
      if (why) return;
      why = w;
      this.#interruptNow();
      grace = setTimeout(() => killer.abort(), opts.graceMs ?? DEFAULT_GRACE_MS);
    };
    const deadline = Number.isFinite(timeoutMs) ? setTimeout(() => stop('timeout'), timeoutMs) : null;
    const onAbort = (): void => stop('abort');
    signal?.addEventListener('abort', onAbort, { once: true });
    this.#out?.ref();
    if (!booting && this.#interruptPending) {
      this.#interruptPending = false;
      view.setBigInt64(CTX.interrupt, 1n, true);
    }
    let code: bigint;
    try {
      this.#running = !booting;
      try {
        code = (await (this.#evalFn as NativeFunction).with({
          timeoutMs: Number.POSITIVE_INFINITY,
          signal: killer.signal,
        })(this.#ctx, buf, bytes.length)) as bigint;
      } catch (e) {
        if (killer.signal.aborted && why === 'timeout') throw new TimeoutError('forth_eval', timeoutMs);
        if (killer.signal.aborted) throw new AbortError('forth_eval', signal?.reason);
        throw e;
      } finally {
        this.#running = false;
        if (deadline) clearTimeout(deadline);
        if (grace) clearTimeout(grace);
        signal?.removeEventListener('abort', onAbort);
      }
      // An interrupt that came too late for this evaluation is not the next one's.
      view.setBigInt64(CTX.interrupt, 0n, true);
      // Wait for the rest of the output.
      const total = Number(view.getBigInt64(CTX.outTotal, true)) - startOut;
      while (this.#received - startReceived < total) {
        await new Promise<void>((res) => {
          this.#waiter = res;
        });
        this.#waiter = null;
      }
    } finally {
      this.#out?.unref();
      this.#listener = null;
      sc.free(buf);
    }
    for (const c of this.#chunks) text += decoder.decode(c, { stream: true });
    text += decoder.decode();
    const dropped = this.#dropped;
    if (dropped > 0) text += `\n[${dropped} bytes of output dropped: more than maxOutput (${this.#holdLimit})]\n`;
    this.#chunks = [];
    this.#held = 0;
    this.#dropped = 0;
    this.#holdLimit = DEFAULT_MAX_OUTPUT;
    const c = Number(code);
    const compiling = view.getBigInt64(CTX.state, true) !== 0n;
    const depth = Number(view.getBigInt64(CTX.depth, true));
    const fdepth = Number(view.getBigInt64(CTX.fdepth, true));
    if (c === THROW.bye) return { output: text, bye: true, compiling, depth, fdepth, dropped };
    if (c !== 0) {
      const reason =
        c === THROW.userInterrupt && why === 'timeout'
          ? `timed out after ${timeoutMs} ms`
          : c === THROW.userInterrupt && why === 'abort'
            ? 'aborted'
            : null;
      throw this.#error(c, text, reason);
    }
    return { output: text, bye: false, compiling, depth, fdepth, dropped };
  }

  #error(code: number, output: string, reason: string | null): ForthError {
    const view = this.#ctxView as DataView;
    const ctx = this.#ctx as Uint8Array;
    const line = Number(view.getBigInt64(CTX.line, true));
    const column = Number(view.getBigInt64(CTX.column, true));
    const tlen = Math.min(CTX.textSize, Number(view.getBigInt64(CTX.textLen, true)));
    const extra = Buffer.from(ctx.subarray(CTX.text, CTX.text + tlen)).toString('utf8');
    const slen = Math.min(CTX.srcLineSize - 1, Number(view.getBigInt64(CTX.srcLineLen, true)));
    const src = Buffer.from(ctx.subarray(CTX.srcLine, CTX.srcLine + slen)).toString('utf8');
    let message = THROW_MESSAGES[code] ?? `Exception ${code}`;
    if (code === THROW.undefinedWord && extra) message = `Undefined word: ${extra}`;
    else if (code === THROW.abortQuote && extra) message = extra;
    else if (extra) message = `${message}: ${extra}`;
    if (code === THROW.invalidAddress) {
      const addr = view.getBigUint64(CTX.faultAddr, true);
      message = `${message} 0x${addr.toString(16)}`;
    }
    if (reason) message = `${message} (${reason}; the dictionary is kept)`;
    return new ForthError(code, `${message} (line ${line})`, line, src, column, output);
  }
}
