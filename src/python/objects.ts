/**
 * The values of the Python layer a user holds before any interpreter
 * exists: keyword arguments (`kwargs({...})`) and handles of Python objects
 * (PyObject). The package entry exports them, so they are loaded with it;
 * the interpreter itself (session.ts) is loaded by the first `sc.python()`.
 */

import { OP } from './protocol.js';

export interface PythonCallOptions {
  /**
   * Deadline in ms, counted from when the request starts (default: the
   * sidecar's `timeoutMs`). At the deadline the Python code is interrupted
   * (KeyboardInterrupt in it): the call rejects with TimeoutError and the
   * interpreter keeps its state. If it has not stopped `graceMs` later (a
   * C function that does not return), the sidecar is killed and replaced.
   */
  timeoutMs?: number;
  /** Aborting interrupts as a deadline does (AbortError). */
  signal?: AbortSignal;
  /** Grace period between the interrupt and the kill (ms, default 1000). */
  graceMs?: number;
  /** Called with what the code prints, as it arrives (`exec` also resolves to all of it). */
  onOutput?: (text: string) => void;
}

/** What a PyObject asks of its interpreter (session.ts's Interpreter). */
export interface PyCore {
  request(op: number, args: readonly unknown[], opts?: PythonCallOptions, what?: string): Promise<unknown>;
  drop(id: number, gen: number): void;
}

/** Keyword arguments of a call: `py.call('numpy.dot', a, b, kwargs({ out: c }))`, always last. */
export class Kwargs {
  constructor(readonly values: Readonly<Record<string, unknown>>) {}
}
export function kwargs(values: Readonly<Record<string, unknown>>): Kwargs {
  if (values === null || typeof values !== 'object')
    throw new TypeError('kwargs: expected an object of keyword arguments');
  return new Kwargs(values);
}

type Handle = { kind: 'object'; id: number; gen: number };
const handles = new WeakMap<PyObject, Handle>();
const released = new FinalizationRegistry<{ core: PyCore; id: number; gen: number }>((h) => h.core.drop(h.id, h.gen));

/** The interpreter's id of a Python object handle and the generation it is from; undefined once released. */
export function handleOf(o: PyObject): Handle | undefined {
  return handles.get(o);
}

/**
 * A Python object the host holds: `await o.get('shape')`, `await o.call(x)`,
 * `await o.repr()`. It lives in the interpreter's table until released
 * (`release()`, the end of a `using` scope, or garbage collection of this
 * handle); after a restart of the sidecar it is gone.
 */
export class PyObject {
  readonly #core: PyCore;
  /** The object's class, `module.qualname` (`numpy.ndarray`; builtins without a module). */
  readonly type: string;
  constructor(core: PyCore, id: number, type: string, gen: number) {
    this.#core = core;
    this.type = type;
    handles.set(this, { kind: 'object', id, gen });
    released.register(this, { core, id, gen }, this);
  }
  /** An attribute (a dotted path: `o.get('linalg.solve')`). */
  get(name: string, opts?: PythonCallOptions): Promise<unknown> {
    return this.#core.request(OP.ATTR, [this, name], opts, `get ${name}`);
  }
  /** Calls the object; a last `kwargs({...})` argument gives keyword arguments. */
  call(...args: unknown[]): Promise<unknown> {
    const [pos, kw] = splitKwargs(args);
    return this.#core.request(OP.CALL, [this, pos, kw], undefined, 'call');
  }
  /** Calls a method (or a function at a dotted path) of the object. */
  async callMethod(name: string, ...args: unknown[]): Promise<unknown> {
    const [pos, kw] = splitKwargs(args);
    const f = (await this.get(name)) as PyObject;
    try {
      return await this.#core.request(OP.CALL, [f, pos, kw], undefined, name);
    } finally {
      if (f instanceof PyObject) f.release();
    }
  }
  /** repr() of the object. */
  repr(): Promise<string> {
    return this.#core.request(OP.REPR, [this], undefined, 'repr') as Promise<string>;
  }
  /** The object as a JS value where it has one: a NumPy array or scalar by tolist(), a set as an array. */
  value(): Promise<unknown> {
    return this.#core.request(OP.VALUE, [this], undefined, 'value');
  }
  /** Drops the interpreter's reference (sent with the next request); the handle is unusable after. */
  release(): void {
    const h = handles.get(this);
    if (!h) return;
    handles.delete(this);
    released.unregister(this);
    this.#core.drop(h.id, h.gen);
  }
  [Symbol.dispose](): void {
    this.release();
  }
}

export function splitKwargs(args: unknown[]): [unknown[], Record<string, unknown> | null] {
  const last = args[args.length - 1];
  if (last instanceof Kwargs) return [args.slice(0, -1), last.values as Record<string, unknown>];
  return [args, null];
}
