/**
 * The matrices the plain-TypeScript solvers work on: a row-major
 * Float64Array or Float32Array with its shape and row stride (element
 * (i, j) at `data[i * stride + j]`), so a view of a larger matrix is its
 * `subarray` from the first element with the larger matrix's stride. The
 * solvers compute in double precision and give results of the input's
 * element type; shapes are checked here, before any work.
 */

export type FloatArray = Float64Array | Float32Array;

export interface Dense<T extends FloatArray = FloatArray> {
  data: T;
  rows: number;
  cols: number;
  /** Elements from one row to the next (at least `cols`). */
  stride: number;
}

const size = (m: Dense) => `${m.rows}×${m.cols}`;

/** Throws a TypeError naming the routine and the argument when `m` is not a well-formed matrix. */
export function checkDense(routine: string, name: string, m: Dense): void {
  if (m === null || typeof m !== 'object' || !(m.data instanceof Float64Array || m.data instanceof Float32Array)) {
    throw new TypeError(`${routine}: ${name} must be { data: Float64Array | Float32Array, rows, cols, stride }`);
  }
  for (const k of ['rows', 'cols', 'stride'] as const) {
    if (!Number.isInteger(m[k]) || m[k] < 0) {
      throw new TypeError(`${routine}: ${name}.${k} must be an integer ≥ 0, got ${String(m[k])}`);
    }
  }
  if (m.rows > 1 && m.stride < m.cols) {
    throw new TypeError(
      `${routine}: ${name} is ${size(m)} with stride ${m.stride}; the stride must be at least ${m.cols}`,
    );
  }
  const need = m.rows === 0 || m.cols === 0 ? 0 : (m.rows - 1) * m.stride + m.cols;
  if (m.data.length < need) {
    throw new TypeError(
      `${routine}: ${name} is ${size(m)} with stride ${m.stride}, which needs ${need} elements; its array has ${m.data.length}`,
    );
  }
}

export function checkSquare(routine: string, name: string, m: Dense): void {
  checkDense(routine, name, m);
  if (m.rows !== m.cols) throw new TypeError(`${routine}: ${name} is ${size(m)}; expected a square matrix`);
}

/** Throws a TypeError unless `b` has as many rows as `a`. */
export function checkRows(routine: string, a: Dense, b: Dense, rows = a.rows): void {
  checkDense(routine, 'b', b);
  if (b.rows !== rows) throw new TypeError(`${routine}: a is ${size(a)} but b is ${size(b)}; b must have ${rows} rows`);
}

/** A zeroed rows×cols matrix (stride cols) of the element type of `like`. */
export function zeros<T extends FloatArray>(like: T, rows: number, cols: number): Dense<T> {
  const Ctor = like.constructor as new (n: number) => T;
  return { data: new Ctor(rows * cols), rows, cols, stride: cols };
}

/** A contiguous double-precision copy of `m`. */
export function toFloat64(m: Dense): Dense<Float64Array> {
  const out = new Float64Array(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++) out.set(m.data.subarray(i * m.stride, i * m.stride + m.cols), i * m.cols);
  return { data: out, rows: m.rows, cols: m.cols, stride: m.cols };
}

/** `m` (any element type) as a new contiguous matrix of the element type of `like`. */
export function convert<T extends FloatArray>(like: T, m: Dense): Dense<T> {
  const out = zeros(like, m.rows, m.cols);
  for (let i = 0; i < m.rows; i++) out.data.set(m.data.subarray(i * m.stride, i * m.stride + m.cols), i * m.cols);
  return out;
}

/** The n×n identity in double precision. */
export function identity(n: number): Dense<Float64Array> {
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  return { data, rows: n, cols: n, stride: n };
}

/** The transpose of `m` as a new contiguous matrix of its element type. */
export function transposed<T extends FloatArray>(m: Dense<T>): Dense<T> {
  const out = zeros(m.data, m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) {
    const r = i * m.stride;
    for (let j = 0; j < m.cols; j++) out.data[j * m.rows + i] = m.data[r + j] as number;
  }
  return out;
}
