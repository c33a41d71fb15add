/**
 * `Python`: what `await sc.python()` returns, the user's view of the
 * sidecar's interpreter (session.ts). `py.with(opts)` is the same
 * interpreter with other default call options (deadline, AbortSignal,
 * output listener).
 */

import { type ElementType, Matrix } from '../matrix/matrix.js';
import { kwargs, PyObject, type PythonCallOptions, splitKwargs } from './objects.js';
import { OP } from './protocol.js';
import type { Interpreter } from './session.js';

/** A Python function bound as an async JS function (`py.fn`). */
export interface PyFunction {
  (...args: unknown[]): Promise<unknown>;
  /** The same function with other call options. */
  with(opts: PythonCallOptions): (...args: unknown[]) => Promise<unknown>;
  /** The Python function object. */
  readonly object: PyObject;
}

function checkSource(where: string, s: unknown): void {
  if (typeof s !== 'string') throw new TypeError(`${where}: expected Python source text, got ${typeof s}`);
}

export class Python {
  readonly #core: Interpreter;
  readonly #opts: PythonCallOptions;
  constructor(core: Interpreter, opts: PythonCallOptions = {}) {
    this.#core = core;
    this.#opts = opts;
  }

  /** The libpython the sidecar loaded (`libpython3.11.so.1.0`). */
  get soname(): string {
    return this.#core.soname;
  }

  /** Where output printed outside any request goes (default: the host's stdout). */
  set onOutput(f: (text: string) => void) {
    this.#core.onOutput = f;
  }

  /** The same interpreter, with other default call options. */
  with(opts: PythonCallOptions): Python {
    return new Python(this.#core, { ...this.#opts, ...opts });
  }

  /** Runs statements in `__main__`; resolves to what they printed. */
  async exec(source: string, opts?: PythonCallOptions): Promise<string> {
    checkSource('py.exec', source);
    return (await this.#core.requestWithOutput(OP.EXEC, [source], this.#o(opts), 'exec')).output;
  }

  /** Evaluates an expression in `__main__`: a JS value, or a PyObject for what has none. */
  eval(expr: string, opts?: PythonCallOptions): Promise<unknown> {
    checkSource('py.eval', expr);
    return this.#core.request(OP.EVAL, [expr], this.#o(opts), 'eval');
  }

  /**
   * Calls a function by dotted name (`'numpy.linalg.solve'`, a name defined
   * in `__main__`, a builtin) or a PyObject; a last `kwargs({...})`
   * argument gives keyword arguments. Arrays of the region (and Matrix
   * values) arrive as NumPy arrays over the same bytes.
   */
  call(target: string | PyObject, ...args: unknown[]): Promise<unknown> {
    if (typeof target !== 'string' && !(target instanceof PyObject)) {
      return Promise.reject(new TypeError('py.call: expected a dotted name or a PyObject'));
    }
    const [pos, kw] = splitKwargs(args);
    return this.#core.request(OP.CALL, [target, pos, kw], this.#opts, typeof target === 'string' ? target : 'call');
  }

  /** Imports a module: a PyObject. */
  import(name: string, opts?: PythonCallOptions): Promise<PyObject> {
    if (typeof name !== 'string' || name === '')
      return Promise.reject(new TypeError('py.import: expected a module name'));
    return this.#core.request(OP.IMPORT, [name], this.#o(opts), `import ${name}`) as Promise<PyObject>;
  }

  /**
   * Defines a function from source (`'def f(a, b): return a + b'`, or an
   * expression such as a lambda, last) and binds it as an async JS function.
   */
  async fn(source: string, opts?: PythonCallOptions): Promise<PyFunction> {
    checkSource('py.fn', source);
    const core = this.#core;
    const object = (await core.request(OP.FUNCTION, [source], this.#o(opts), 'fn')) as PyObject;
    const base = this.#opts;
    const bound =
      (o: PythonCallOptions) =>
      (...args: unknown[]) => {
        const [pos, kw] = splitKwargs(args);
        return core.request(OP.CALL, [object, pos, kw], o, object.type);
      };
    const f = bound(base) as PyFunction;
    Object.defineProperty(f, 'with', { value: (o: PythonCallOptions) => bound({ ...base, ...o }) });
    Object.defineProperty(f, 'object', { value: object });
    return f;
  }

  /**
   * A NumPy array over the bytes of a typed array of the region (no copy):
   * what either side writes, the other reads. `shape` reshapes it (row-major);
   * the typed array must stay allocated while Python uses the array.
   */
  array(view: ArrayBufferView, shape?: readonly number[], opts?: PythonCallOptions): Promise<PyObject> {
    if (!ArrayBuffer.isView(view))
      return Promise.reject(new TypeError('py.array: expected a typed array of the region'));
    if (shape !== undefined && (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))) {
      return Promise.reject(new TypeError('py.array: shape must be an array of dimensions'));
    }
    return this.#core.request(
      OP.CALL,
      ['_sidecar._reshape', [view, shape ?? null], null],
      this.#o(opts),
      'array',
    ) as Promise<PyObject>;
  }

  /**
   * A NumPy result as a new Matrix in the region: `value` is a PyObject
   * (or anything numpy.asarray takes) of one or two dimensions; its
   * elements are copied in the sidecar (numpy.copyto into the Matrix's own
   * bytes), cast to `type` (default: f32 for a float32 array, else f64).
   * A vector becomes a column.
   */
  async toMatrix(value: unknown, opts: PythonCallOptions & { type?: ElementType } = {}): Promise<Matrix> {
    const { type, ...call } = opts;
    const o = this.#o(call);
    this.#helpers ??= this.#core.request(
      OP.EVAL,
      [
        '(lambda np: (lambda a: (lambda x: (list(x.shape), str(x.dtype)))(np.asarray(a)), lambda dst, a: np.copyto(dst, np.asarray(a).reshape(dst.shape), casting="unsafe")))(__import__("numpy"))',
      ],
      o,
      'toMatrix',
    ) as Promise<[PyObject, PyObject]>;
    const [shapeOf, copyInto] = await this.#helpers;
    const [shape, dtype] = (await this.call(shapeOf, value, kwargs({}))) as [number[], string];
    if (shape.length > 2) {
      throw new TypeError(`py.toMatrix: a Matrix has two dimensions, the array has shape (${shape.join(', ')})`);
    }
    const [rows, cols] = shape.length === 2 ? shape : shape.length === 1 ? [shape[0] as number, 1] : [1, 1];
    const m = Matrix.zeros(
      this.#core.sc,
      rows as number,
      cols as number,
      type ?? (dtype === 'float32' ? 'f32' : 'f64'),
    );
    try {
      await this.call(copyInto, m, value, kwargs({}));
    } catch (e) {
      m.free();
      throw e;
    }
    m.backend = 'python (numpy.copyto)';
    return m;
  }
  /** The two Python functions toMatrix uses (the shape and dtype; the copy), made on first use. */
  #helpers: Promise<[PyObject, PyObject]> | null = null;

  /** The versions of Python and NumPy (null when NumPy does not import) in the sidecar. */
  async versions(): Promise<{ python: string; numpy: string | null }> {
    const [python, numpy] = (await this.#core.request(OP.VERSIONS, [], this.#opts, 'versions')) as [
      string,
      string | null,
    ];
    return { python, numpy };
  }

  #o(opts: PythonCallOptions | undefined): PythonCallOptions {
    return opts ? { ...this.#opts, ...opts } : this.#opts;
  }
}

export { kwargs };
