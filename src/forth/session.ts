/**
 * The host side of the REPL: boots the Forth kernel in a running sidecar
 * (assemble, load with the stage-1 LOAD request, forth_boot, then the Forth
 * source of the system) and evaluates text in it. Output comes through the
 * sidecar's output pipe as it is produced; an evaluation ends when its
 * completion arrives and every byte it wrote has been read.
 */

import type net from 'node:net';
import type { NativeFunction } from '../host/call.js';
import type { LoadedCode } from '../host/code.js';
import type { Sidecar } from '../host/sidecar.js';
import { forthKernelObject } from './artifact.js';
import { ForthError } from './errors.js';
import { CTX, THROW, THROW_MESSAGES } from './layout.js';

export { ForthError } from './errors.js';

export interface ForthEvalOptions {
  /** Called with output as it arrives (the promise still resolves to all of it). */
  onOutput?: (text: string) => void;
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
}

export class ForthSession {
  readonly sc: Sidecar;
  #gen = -1;
  #code: LoadedCode | null = null;
  #evalFn: NativeFunction | null = null;
  #ctx: Uint8Array | null = null;
  #ctxView: DataView | null = null;
  #out: net.Socket | null = null;
  #chunks: Buffer[] = [];
  #received = 0;
  #waiter: (() => void) | null = null;
  #listener: ((t: string) => void) | null = null;
  #decoder = new TextDecoder();
  #queue: Promise<unknown> = Promise.resolve();
  #booting: Promise<void> | null = null;

  constructor(sc: Sidecar) {
    this.sc = sc;
  }

  /**
   * Interrupts the running evaluation (as Ctrl-C does): Forth code stops
   * with THROW -28 at once; a C function called from Forth finishes first.
   * The sidecar and the dictionary stay.
   */
  interrupt(): void {
    const pid = this.sc.pid;
    if (pid) process.kill(pid, 'SIGINT');
  }

  /**
   * Makes a buffer of the shared region reachable from Forth: `name` pushes
   * its address and `name#` its number of elements, so Forth code computes in
   * place on data the host prepared (and the host reads what Forth wrote).
   */
  async define(name: string, view: ArrayBufferView): Promise<void> {
    if (!/^[^\s]{1,200}$/.test(name)) throw new TypeError(`forth define: '${name}' is not a Forth name`);
    const address = this.sc.address(view); // TypeError outside the region
    const bpe = (view as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
    const count = view.byteLength / bpe;
    await this.eval(`${address} CONSTANT ${name}\n${count} CONSTANT ${name}#\n`);
  }

  /** The names of the dictionary, in search order (for completion). */
  async words(): Promise<string[]> {
    const r = await this.eval('(ALL-WORDS)').catch(() => null);
    if (r) return [...new Set(r.output.split(' ').filter((w) => w !== ''))];
    return [];
  }

  /** Evaluates Forth text; resolves to what it printed. Rejects with ForthError on an uncaught THROW. */
  eval(source: string, opts: ForthEvalOptions = {}): Promise<ForthResult> {
    if (typeof source !== 'string') return Promise.reject(new TypeError('forth: expected source text'));
    const run = this.#queue.then(() => this.#eval(source, opts));
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
    this.#code = await sc.load(await forthKernelObject());
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
  }

  #attachOutput(): void {
    const sock = this.sc.output;
    if (!sock) throw new Error('the sidecar has no output stream');
    if (sock === this.#out) return;
    sock.on('data', (d: Buffer) => {
      this.#chunks.push(d);
      this.#received += d.length;
      if (this.#listener) this.#listener(this.#decoder.decode(d, { stream: true }));
      this.#waiter?.();
    });
    this.#out = sock;
    this.#received = 0;
    this.#chunks = [];
  }

  async #eval(source: string, opts: ForthEvalOptions, booting = false): Promise<ForthResult> {
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
    this.#out?.ref();
    let code: bigint;
    try {
      code = (await (this.#evalFn as NativeFunction).with({ timeoutMs: Number.POSITIVE_INFINITY })(
        this.#ctx,
        buf,
        bytes.length,
      )) as bigint;
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
    this.#chunks = [];
    const c = Number(code);
    const compiling = view.getBigInt64(CTX.state, true) !== 0n;
    const depth = Number(view.getBigInt64(CTX.depth, true));
    const fdepth = Number(view.getBigInt64(CTX.fdepth, true));
    if (c === THROW.bye) return { output: text, bye: true, compiling, depth, fdepth };
    if (c !== 0) throw this.#error(c);
    return { output: text, bye: false, compiling, depth, fdepth };
  }

  #error(code: number): ForthError {
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
    return new ForthError(code, `${message} (line ${line})`, line, src, column);
  }
}
