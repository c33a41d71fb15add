/**
 * A Matrix: rows × cols numbers of one element type (Float64 or Float32)
 * living in a sidecar's shared region, so the host reads and writes it as a
 * typed array and the sidecar (or every member of a Pool) computes on the
 * same bytes in place. Element (i, j) is `data[offset + i*rowStride +
 * j*colStride]`: views, slices and transposes are other strides over the
 * same allocation, never copies.
 *
 * This file is the data structure and what needs no sidecar (access,
 * views, conversion, printing); the operations are in their own files.
 */

import type { Pool } from '../host/pool.js';
import type { Sidecar } from '../host/sidecar.js';

export type ElementType = 'f64' | 'f32';
export type MatrixData = Float64Array | Float32Array;

/** Where matrices live and are computed: one sidecar, or a pool of them over one region. */
export type Compute = Sidecar | Pool;

const C_TYPE = { f64: 'double', f32: 'float' } as const;

function checkType(where: string, t: unknown): ElementType {
  if (t === undefined) return 'f64';
  if (t !== 'f64' && t !== 'f32') throw new TypeError(`${where}: type must be 'f64' or 'f32', got ${String(t)}`);
  return t;
}

function checkDim(where: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 2 ** 31 - 1) {
    throw new RangeError(`${where}: ${name} must be an integer from 0 to 2^31-1, got ${String(v)}`);
  }
  return v;
}

/** How a matrix's shape reads in messages: `3×4 f64`. */
export function shapeOf(m: { rows: number; cols: number; type?: ElementType }): string {
  return `${m.rows}×${m.cols}${m.type ? ` ${m.type}` : ''}`;
}

export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly type: ElementType;
  /** The allocation the matrix is a view of (a region array). */
  readonly data: MatrixData;
  /** Element offsets: (i, j) is data[offset + i*rowStride + j*colStride]. */
  readonly offset: number;
  readonly rowStride: number;
  readonly colStride: number;
  /** The sidecar or pool whose region holds it. */
  readonly owner: Compute;
  /** Which backend computed this matrix (set on results of operations; '' for one made by the host). */
  backend = '';
  /** The allocation this is a view of (itself for a matrix that owns its memory). */
  readonly base: Matrix | null;
  #freed = false;

  private constructor(
    owner: Compute,
    type: ElementType,
    data: MatrixData,
    rows: number,
    cols: number,
    offset: number,
    rowStride: number,
    colStride: number,
    base: Matrix | null,
  ) {
    this.owner = owner;
    this.type = type;
    this.data = data;
    this.rows = rows;
    this.cols = cols;
    this.offset = offset;
    this.rowStride = rowStride;
    this.colStride = colStride;
    this.base = base;
  }

  // ---------------------------------------------------------------- making

  /** A zeroed rows × cols matrix in `owner`'s region (row-major, contiguous). */
  static zeros(owner: Compute, rows: number, cols: number, type?: ElementType): Matrix {
    const where = 'Matrix.zeros';
    checkOwner(where, owner);
    const t = checkType(where, type);
    checkDim(where, 'rows', rows);
    checkDim(where, 'cols', cols);
    const data = owner.alloc(C_TYPE[t], Math.max(1, rows * cols)) as MatrixData;
    return new Matrix(owner, t, data, rows, cols, 0, cols, 1, null);
  }

  /** The n × n identity. */
  static identity(owner: Compute, n: number, type?: ElementType): Matrix {
    const m = Matrix.zeros(owner, n, n, type);
    for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
    return m;
  }

  /** A matrix of `values` (row-major, rows*cols of them) copied into the region. */
  static fromArray(owner: Compute, rows: number, cols: number, values: ArrayLike<number>, type?: ElementType): Matrix {
    if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
      throw new TypeError('Matrix.fromArray: values must be an array or typed array of numbers');
    }
    if (values.length !== rows * cols) {
      throw new TypeError(
        `Matrix.fromArray: ${values.length} values do not make a ${rows}×${cols} matrix (${rows * cols} needed)`,
      );
    }
    const m = Matrix.zeros(owner, rows, cols, type);
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (typeof v !== 'number') throw new TypeError(`Matrix.fromArray: value ${k} is not a number (${String(v)})`);
      m.data[k] = v;
    }
    return m;
  }

  /** A matrix from nested arrays (`[[1, 2], [3, 4]]`); every row the same length. */
  static from(owner: Compute, nested: readonly (readonly number[])[], type?: ElementType): Matrix {
    if (!Array.isArray(nested) || !nested.every((r) => Array.isArray(r))) {
      throw new TypeError('Matrix.from: expected an array of rows, each an array of numbers');
    }
    const rows = nested.length;
    const cols = rows ? (nested[0] as readonly number[]).length : 0;
    nested.forEach((r, i) => {
      if (r.length !== cols) throw new TypeError(`Matrix.from: row ${i} has ${r.length} values, row 0 has ${cols}`);
    });
    return Matrix.fromArray(owner, rows, cols, nested.flat(), type);
  }

  /** Uniform random numbers in [-1, 1) from a seeded generator (the same seed, the same matrix). */
  static random(owner: Compute, rows: number, cols: number, opts: { type?: ElementType; seed?: number } = {}): Matrix {
    const m = Matrix.zeros(owner, rows, cols, opts.type);
    let s = (opts.seed ?? 1) >>> 0 || 1;
    const d = m.data;
    for (let k = 0; k < rows * cols; k++) {
      // xorshift32: fast, and enough for test data
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      d[k] = (s >>> 0) / 2 ** 31 - 1;
    }
    return m;
  }

  // ---------------------------------------------------------------- access

  get length(): number {
    return this.rows * this.cols;
  }

  /** Whether rows follow each other with no gap (the data is one run of rows*cols elements). */
  get contiguous(): boolean {
    return this.colStride === 1 && (this.rowStride === this.cols || this.rows <= 1);
  }

  get freed(): boolean {
    return this.#freed || (this.base?.freed ?? false);
  }

  #index(where: string, i: number, j: number): number {
    if (this.freed) throw new TypeError(`${where}: the matrix was freed`);
    if (!Number.isInteger(i) || i < 0 || i >= this.rows || !Number.isInteger(j) || j < 0 || j >= this.cols) {
      throw new RangeError(`${where}: (${i}, ${j}) is outside a ${shapeOf(this)} matrix`);
    }
    return this.offset + i * this.rowStride + j * this.colStride;
  }

  get(i: number, j: number): number {
    return this.data[this.#index('Matrix.get', i, j)] as number;
  }

  set(i: number, j: number, v: number): void {
    this.data[this.#index('Matrix.set', i, j)] = v;
  }

  /** The address of element (0, 0) in the sidecar, for a C function that takes the matrix. */
  get address(): bigint {
    const bytes = this.type === 'f64' ? 8 : 4;
    return this.owner.address(this.data) + BigInt(this.offset * bytes);
  }

  // ---------------------------------------------------------------- views

  /** The transpose, as a view of the same bytes. */
  get T(): Matrix {
    return this.#view(this.cols, this.rows, this.offset, this.colStride, this.rowStride);
  }

  /** Rows r0..r1-1 and columns c0..c1-1 (like Array.slice), as a view. */
  slice(r0: number, r1: number = this.rows, c0 = 0, c1: number = this.cols): Matrix {
    const ok = (a: number, b: number, n: number) =>
      Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a <= b && b <= n;
    if (!ok(r0, r1, this.rows) || !ok(c0, c1, this.cols)) {
      throw new RangeError(
        `Matrix.slice: rows ${r0}..${r1}, columns ${c0}..${c1} are outside a ${shapeOf(this)} matrix`,
      );
    }
    return this.#view(
      r1 - r0,
      c1 - c0,
      this.offset + r0 * this.rowStride + c0 * this.colStride,
      this.rowStride,
      this.colStride,
    );
  }

  row(i: number): Matrix {
    return this.slice(i, i + 1);
  }

  col(j: number): Matrix {
    return this.slice(0, this.rows, j, j + 1);
  }

  /** The same elements in another shape (a view of a contiguous matrix). */
  reshape(rows: number, cols: number): Matrix {
    if (rows * cols !== this.length) {
      throw new TypeError(`Matrix.reshape: a ${shapeOf(this)} matrix cannot be ${rows}×${cols}`);
    }
    if (!this.contiguous)
      throw new TypeError('Matrix.reshape: only a contiguous matrix can be reshaped (copy() it first)');
    return this.#view(rows, cols, this.offset, cols, 1);
  }

  #view(rows: number, cols: number, offset: number, rs: number, cs: number): Matrix {
    if (this.freed) throw new TypeError('Matrix: the matrix was freed');
    return new Matrix(this.owner, this.type, this.data, rows, cols, offset, rs, cs, this.base ?? this);
  }

  /** A contiguous copy (in the same region), optionally of another element type. */
  copy(type: ElementType = this.type): Matrix {
    const m = Matrix.zeros(this.owner, this.rows, this.cols, type);
    copyInto(this, m);
    return m;
  }

  // ---------------------------------------------------------------- out

  /** The elements as nested arrays. */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) {
      const r: number[] = [];
      const at = this.offset + i * this.rowStride;
      for (let j = 0; j < this.cols; j++) r.push(this.data[at + j * this.colStride] as number);
      out.push(r);
    }
    return out;
  }

  /** The elements row after row in a new typed array (a copy). */
  toTypedArray(): MatrixData {
    const out = this.type === 'f64' ? new Float64Array(this.length) : new Float32Array(this.length);
    let k = 0;
    for (let i = 0; i < this.rows; i++) {
      const at = this.offset + i * this.rowStride;
      for (let j = 0; j < this.cols; j++) out[k++] = this.data[at + j * this.colStride] as number;
    }
    return out;
  }

  /** A readable table for the REPL: at most 6 rows and 6 columns shown, the rest as `…`. */
  toString(): string {
    const head = `Matrix ${shapeOf(this)}${this.backend ? ` (${this.backend})` : ''}`;
    if (this.freed) return `${head} [freed]`;
    const pick = (n: number) => (n <= 6 ? [...Array(n).keys()] : [0, 1, 2, -1, n - 2, n - 1]);
    const rows = pick(this.rows);
    const cols = pick(this.cols);
    const cells = rows.map((i) => cols.map((j) => (i < 0 || j < 0 ? '…' : formatNumber(this.get(i, j), this.type))));
    const width = Math.max(1, ...cells.flat().map((c) => c.length));
    const lines = cells.map((r) => `  [${r.map((c) => c.padStart(width)).join(' ')}]`);
    return `${head}\n${lines.join('\n')}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** Returns the matrix's memory to the region (views of it become unusable). A view frees nothing. */
  free(): void {
    if (this.base !== null || this.#freed) return;
    this.#freed = true;
    this.owner.free(this.data);
  }

  [Symbol.dispose](): void {
    this.free();
  }
}

function formatNumber(v: number, type: ElementType): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const p = type === 'f64' ? 6 : 5;
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-4 || a >= 1e6) ? v.toExponential(p - 2) : Number(v.toPrecision(p)).toString();
}

function checkOwner(where: string, owner: unknown): void {
  const o = owner as { alloc?: unknown; address?: unknown } | null;
  if (o === null || typeof o !== 'object' || typeof o.alloc !== 'function' || typeof o.address !== 'function') {
    throw new TypeError(`${where}: the first argument must be a Sidecar or a Pool`);
  }
}

/** Copies `from` into `to` (same shape, any strides and types). */
export function copyInto(from: Matrix, to: Matrix): void {
  if (from.rows !== to.rows || from.cols !== to.cols) {
    throw new TypeError(`copy: shapes differ (${shapeOf(from)} and ${shapeOf(to)})`);
  }
  const src = from.data;
  const dst = to.data;
  for (let i = 0; i < from.rows; i++) {
    let a = from.offset + i * from.rowStride;
    let b = to.offset + i * to.rowStride;
    if (from.colStride === 1 && to.colStride === 1 && from.type === to.type) {
      dst.set(src.subarray(a, a + from.cols), b);
      continue;
    }
    for (let j = 0; j < from.cols; j++) {
      dst[b] = src[a] as number;
      a += from.colStride;
      b += to.colStride;
    }
  }
}
