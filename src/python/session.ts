/**
 * The host side of sc.python(): one CPython interpreter per sidecar
 * process. Booting (once per generation of the sidecar) opens libpython
 * RTLD_GLOBAL (extension modules such as NumPy's resolve `PyExc_*` and the
 * rest of the C API against it), runs Py_InitializeEx(0), execs the helper
 * (lib/sidecar_host.py) and releases the GIL. Every request after that is
 * one call of the helper's ctypes entry, which takes the GIL
 * (PyGILState_Ensure) on the sidecar's serving thread, the thread that
 * initialised the interpreter, so signal handlers and `threading`'s main
 * thread are that thread; Python threads the code starts run while the
 * sidecar is idle.
 *
 * A request is marshal bytes in a buffer of the region (values.ts) and the
 * reply comes back in the same buffer; requests run one at a time. Print
 * output goes to the sidecar's output stream (fd 5) and is counted in the
 * control block, so a request completes when its reply is in and every byte
 * it printed has been read. A deadline or an abort first interrupts Python
 * (a SIGINT the helper turns into KeyboardInterrupt in that request only),
 * then, after a grace period, kills and replaces the sidecar.
 */

import { bindFunction, type NativeFunction } from '../host/call.js';
import { parsePrototype } from '../host/ctypes.js';
import { AbortError, LibraryError, SidecarError, TimeoutError } from '../host/errors.js';
import { KNOWN_LIBRARIES } from '../host/known.js';
import type { SidecarOutput } from '../host/output.js';
import type { Sidecar } from '../host/sidecar.js';
import { Matrix } from '../matrix/matrix.js';
import { PythonError } from './errors.js';
import { handleOf, PyObject, type PythonCallOptions } from './objects.js';
import { CTL, FLAG_MARKED, HEADER_BYTES, MARK, OP, STATUS } from './protocol.js';
import { type Marker, Reader, Writer } from './values.js';

/** Bytes of payload the session's own request buffer holds (larger requests and replies take a buffer of their own). */
const BUFFER_BYTES = 64 << 10;
/** How long an interrupted request has to stop before the sidecar is replaced (ms). */
export const DEFAULT_PYTHON_GRACE_MS = 1000;

export interface PythonStartOptions {
  /** The libpython to load (a soname or path; one outside the known set must be in the start option `allow`). */
  library?: string;
}

export type { PythonCallOptions } from './objects.js';

const DTYPES: Record<string, string> = {
  Float64Array: '<f8',
  Float32Array: '<f4',
  Int8Array: '|i1',
  Uint8Array: '|u1',
  Uint8ClampedArray: '|u1',
  Int16Array: '<i2',
  Uint16Array: '<u2',
  Int32Array: '<i4',
  Uint32Array: '<u4',
  BigInt64Array: '<i8',
  BigUint64Array: '<u8',
  Buffer: '|u1',
};

function checkMs(what: string, v: number | undefined): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || Number.isNaN(v) || v <= 0)
    throw new TypeError(`python: ${what} must be a number of milliseconds > 0 (or Infinity)`);
}

/** The interpreter of one sidecar: boot per generation, the request buffer, the queue, the output. */
export class Interpreter {
  readonly sc: Sidecar;
  readonly #library: string | undefined;
  #gen = -1;
  #entry: NativeFunction | null = null;
  #ctl: BigUint64Array | null = null;
  #buf: Uint8Array | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #booting: Promise<void> | null = null;
  #writer: Writer;
  #drops: number[] = [];
  #nextId = 1;
  #out: SidecarOutput | null = null;
  #received = 0;
  #waiter: (() => void) | null = null;
  #sink: ((d: Buffer) => void) | null = null;
  #decoder = new TextDecoder();
  /** Where output printed outside any request goes (by default the host's stdout). */
  onOutput: (text: string) => void = (t) => process.stdout.write(t);
  /** The libpython that loaded, and the versions the helper reported. */
  soname = '';

  constructor(sc: Sidecar, opts: PythonStartOptions) {
    this.sc = sc;
    this.#library = opts.library;
    this.#writer = new Writer((v) => this.#marker(v));
  }

  /** Whether an interpreter ever started in this sidecar. */
  get booted(): boolean {
    return this.#gen !== -1;
  }

  drop(id: number, gen: number): void {
    if (gen === this.#gen && gen === this.sc.generation) this.#drops.push(id);
  }

  #marker(v: object): Marker | undefined {
    if (v instanceof PyObject) {
      const h = handleOf(v);
      if (!h) throw new TypeError('python: this Python object was released');
      if (h.gen !== this.#gen)
        throw new SidecarError('python: this Python object is from before the sidecar restarted');
      return [MARK.HANDLE, h.id];
    }
    if (v instanceof Matrix) {
      const bytes = v.type === 'f64' ? 8 : 4;
      const data = v.data;
      return [
        MARK.ARRAY,
        this.sc.address(data),
        data.byteLength,
        v.type === 'f64' ? '<f8' : '<f4',
        [v.rows, v.cols],
        [v.rowStride * bytes, v.colStride * bytes],
        v.offset * bytes,
      ];
    }
    if (ArrayBuffer.isView(v) && v.buffer === this.#regionBuffer()) {
      const dtype = DTYPES[v.constructor.name] ?? '|u1';
      return [MARK.ARRAY, this.sc.address(v), v.byteLength, dtype, null, null, 0];
    }
    return undefined;
  }

  #regionBuffer(): ArrayBufferLike | null {
    return this.#buf?.buffer ?? null;
  }

  /** Boots the interpreter in the current sidecar process if it is not yet. */
  async ready(): Promise<void> {
    if (this.#gen === this.sc.generation && this.#entry) return;
    this.#booting ??= this.#boot().finally(() => {
      this.#booting = null;
    });
    await this.#booting;
  }

  async #boot(): Promise<void> {
    const sc = this.sc;
    const gen = sc.generation;
    const lib = await this.#open();
    const t = { timeoutMs: sc.timeoutMs };
    if ((await lib.func('int Py_IsInitialized(void)').with(t)()) === 0) {
      await lib.func('void Py_InitializeEx(int initsigs)').with(t)(0);
    } else if (this.#gen === gen) {
      throw new SidecarError('python: the interpreter of this sidecar failed to start before; restart the sidecar');
    }
    if (!this.#ctl) {
      this.#ctl = sc.alloc('uint64_t', CTL.WORDS);
      this.#buf = sc.alloc('uint8_t', HEADER_BYTES + BUFFER_BYTES);
    }
    const ctl = this.#ctl;
    ctl.fill(0n);
    const { helperSource } = await import('./helper.js');
    const src = Buffer.from(helperSource(), 'utf8');
    const srcBuf = sc.alloc('uint8_t', src.length);
    srcBuf.set(src);
    const ctlAddr = sc.address(ctl);
    const bootstrap = [
      'import ctypes as _c, sys as _s, types as _t',
      "_m = _t.ModuleType('_sidecar')",
      "_s.modules['_sidecar'] = _m",
      'try:',
      `    exec(compile(_c.string_at(${sc.address(srcBuf)}, ${src.length}).decode(), 'sidecar_host.py', 'exec'), _m.__dict__)`,
      `    _m.init(${ctlAddr}, ${sc.address(this.#buf as Uint8Array)}, ${BUFFER_BYTES})`,
      'except BaseException:',
      '    import traceback as _tb',
      '    _e = _tb.format_exc().encode()[:4000]',
      `    _c.memmove(${ctlAddr + BigInt(8 * CTL.TEXT)}, _e, len(_e))`,
      `    _c.c_uint64.from_address(${ctlAddr + BigInt(8 * CTL.TEXT_LENGTH)}).value = len(_e)`,
      'del _c, _s, _t, _m',
      '',
    ].join('\n');
    this.#attachOutput();
    try {
      await lib.func('int PyRun_SimpleString(const char *command)').with(t)(bootstrap);
    } finally {
      sc.free(srcBuf);
    }
    const entry = ctl[CTL.ENTRY] as bigint;
    if (entry === 0n) {
      const n = Math.min(4000, Number(ctl[CTL.TEXT_LENGTH]));
      const text = Buffer.from(ctl.buffer, ctl.byteOffset + 8 * CTL.TEXT, n).toString('utf8');
      this.#gen = gen; // the interpreter is up but unusable: do not initialise it twice
      throw new SidecarError(`python: the sidecar's Python helper did not start:\n${text || '(no traceback)'}`);
    }
    await lib.func('void *PyEval_SaveThread(void)').with(t)();
    this.#entry = bindFunction(sc, parsePrototype('int sidecar_python_serve(void *request)'), {
      resolve: async () => entry,
      resolveSync: () => entry,
    });
    this.#drops = [];
    this.#gen = gen;
  }

  async #open() {
    const sc = this.sc;
    const names = this.#library ? [this.#library] : ['python'];
    try {
      const lib = await sc.library(names[0] as string, { global: true });
      this.soname = lib.soname;
      return lib;
    } catch (e) {
      if (!(e instanceof LibraryError)) throw e;
      const tried = this.#library ? [this.#library] : (KNOWN_LIBRARIES.python?.sonames ?? []);
      throw new LibraryError(
        `python: no libpython could be loaded in the sidecar (tried ${tried.join(', ')}). ` +
          'On Debian 12 install the package libpython3.11 (apt-get install libpython3.11), and python3-numpy for NumPy',
        e.attempts,
      );
    }
  }

  #attachOutput(): void {
    const sock = this.sc.output;
    if (!sock || sock === this.#out) return;
    sock.onOutput((d) => {
      this.#received += d.length;
      if (this.#sink) this.#sink(d);
      else this.onOutput(this.#decoder.decode(d, { stream: true }));
      this.#waiter?.();
    });
    this.#out = sock;
    this.#received = 0;
  }

  #queued<T>(f: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(f);
    this.#queue = run.catch(() => {});
    return run;
  }

  /** One request: its arguments encoded, the entry called, the reply decoded; output collected. */
  request(op: number, args: readonly unknown[], opts: PythonCallOptions = {}, what = 'python'): Promise<unknown> {
    return this.requestWithOutput(op, args, opts, what).then((r) => r.value);
  }

  requestWithOutput(
    op: number,
    args: readonly unknown[],
    opts: PythonCallOptions = {},
    what = 'python',
  ): Promise<{ value: unknown; output: string }> {
    try {
      checkMs('timeoutMs', opts.timeoutMs);
      checkMs('graceMs', opts.graceMs);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.#queued(async () => {
      await this.ready();
      return this.#run(op, args, opts, what);
    });
  }

  async #run(op: number, args: readonly unknown[], opts: PythonCallOptions, what: string) {
    const sc = this.sc;
    const signal = opts.signal;
    if (signal?.aborted) throw new AbortError(`python ${what}`, signal.reason);
    const ctl = this.#ctl as BigUint64Array;
    const main = this.#buf as Uint8Array;
    const w = this.#writer;
    w.reset();
    w.byte(0x28);
    w.u32(1 + args.length);
    w.value(this.#drops);
    for (const a of args) w.value(a);
    this.#drops = [];
    const rid = this.#nextId++;
    let buf = main;
    const owned: Uint8Array[] = [];
    if (w.n > BUFFER_BYTES) {
      buf = sc.alloc('uint8_t', HEADER_BYTES + w.n);
      owned.push(buf);
    }
    buf.set(w.buf.subarray(0, w.n), HEADER_BYTES);
    const head = new DataView(buf.buffer, buf.byteOffset, HEADER_BYTES);
    const writeHeader = (b: DataView, code: number, flags: number, cap: number, n: number) => {
      b.setUint32(0, code, true);
      b.setUint32(4, flags, true);
      b.setBigUint64(8, BigInt(rid), true);
      b.setBigUint64(16, BigInt(cap), true);
      b.setBigUint64(24, BigInt(n), true);
    };
    writeHeader(head, op, w.marked ? FLAG_MARKED : 0, buf.byteLength - HEADER_BYTES, w.n);

    // Output of this request.
    const chunks: Buffer[] = [];
    const out0 = ctl[CTL.OUTPUT] as bigint;
    const recv0 = this.#received;
    const onOutput = opts.onOutput;
    this.#sink = (d) => {
      chunks.push(d);
      if (onOutput) onOutput(d.toString('utf8'));
    };
    this.#out?.ref();

    // Deadline and abort: interrupt, then after the grace period replace the sidecar.
    const timeoutMs = opts.timeoutMs ?? sc.timeoutMs;
    const killer = new AbortController();
    let why: 'timeout' | 'abort' | null = null;
    let grace: NodeJS.Timeout | null = null;
    const gen = sc.generation;
    const stop = (reason: 'timeout' | 'abort'): void => {
      if (why) return;
      why = reason;
      ctl[CTL.INTERRUPT] = BigInt(rid);
      if (sc.pid && sc.generation === gen) process.kill(sc.pid, 'SIGINT');
      grace = setTimeout(() => killer.abort(), opts.graceMs ?? DEFAULT_PYTHON_GRACE_MS);
    };
    const deadline = Number.isFinite(timeoutMs) ? setTimeout(() => stop('timeout'), timeoutMs) : null;
    const onAbort = (): void => stop('abort');
    signal?.addEventListener('abort', onAbort, { once: true });
    const call = (this.#entry as NativeFunction).with({ timeoutMs: Number.POSITIVE_INFINITY, signal: killer.signal });
    const label = `python ${what}`;
    let status: number = STATUS.INTERNAL;
    let reply = buf;
    try {
      try {
        status = (await call(buf)) as number;
        if (status === STATUS.TOO_BIG) {
          const n = Number(head.getBigUint64(24, true));
          reply = sc.alloc('uint8_t', HEADER_BYTES + n);
          owned.push(reply);
          writeHeader(new DataView(reply.buffer, reply.byteOffset, HEADER_BYTES), OP.FETCH, 0, n, 0);
          status = (await call(reply)) as number;
        }
      } catch (e) {
        if (killer.signal.aborted && why === 'timeout') throw new TimeoutError(label, timeoutMs);
        if (killer.signal.aborted) throw new AbortError(label, signal?.reason);
        throw e;
      } finally {
        if (deadline) clearTimeout(deadline);
        if (grace) clearTimeout(grace);
        signal?.removeEventListener('abort', onAbort);
        ctl[CTL.INTERRUPT] = 0n;
      }
      const total = Number((ctl[CTL.OUTPUT] as bigint) - out0);
      while (this.#received - recv0 < total && sc.generation === gen) {
        await new Promise<void>((res) => {
          this.#waiter = res;
        });
        this.#waiter = null;
      }
      const output = Buffer.concat(chunks).toString('utf8');
      const rh = new DataView(reply.buffer, reply.byteOffset, HEADER_BYTES);
      const n = Number(rh.getBigUint64(24, true));
      if (status === STATUS.INTERNAL) {
        const k = Math.min(4000, Number(ctl[CTL.TEXT_LENGTH]));
        throw new SidecarError(Buffer.from(ctl.buffer, ctl.byteOffset + 8 * CTL.TEXT, k).toString('utf8'));
      }
      const value = new Reader(reply.subarray(HEADER_BYTES, HEADER_BYTES + n), (id, type) => {
        return new PyObject(this, id, type, gen);
      }).value();
      if (status === STATUS.ERROR) {
        const [type, message, traceback] = value as [string, string, string];
        const err = new PythonError(type, message, traceback, output);
        if (why && type === 'KeyboardInterrupt') {
          const m = `${label} ${why === 'timeout' ? `timed out after ${timeoutMs} ms` : 'was aborted'}: interrupted (KeyboardInterrupt); the interpreter and its state are kept`;
          throw why === 'timeout'
            ? new TimeoutError(label, timeoutMs, m, { cause: err })
            : new AbortError(label, signal?.reason, m);
        }
        throw err;
      }
      return { value, output };
    } finally {
      this.#sink = null;
      this.#out?.unref();
      for (const b of owned) sc.free(b);
    }
  }
}
