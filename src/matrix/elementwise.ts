/**
 * Elementwise arithmetic and reductions. They run in the host, on the
 * region's bytes directly: each element is touched once, so the work is
 * bound by memory and a round trip to the sidecar would only add to it.
 * Shapes are checked first (a TypeError naming both).
 */

import { shown } from '../host/options.js';
import { Matrix, shapeOf } from './matrix.js';

export type ElementOp = 'add' | 'sub' | 'mul' | 'div';

const APPLY: Record<ElementOp, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
  div: (x, y) => x / y,
};

export interface ElementOptions {
  /** Write the result here (same shape and type; may be `a` itself) instead of a new matrix. */
  out?: Matrix;
}

function target(where: string, a: Matrix, opts: ElementOptions | undefined): Matrix {
  const out = opts?.out;
  if (out === undefined) return Matrix.zeros(a.owner, a.rows, a.cols, a.type);
  if (!(out instanceof Matrix)) throw new TypeError(`${where}: out must be a Matrix, got ${shown(out)}`);
  if (out.rows !== a.rows || out.cols !== a.cols || out.type !== a.type) {
    throw new TypeError(`${where}: out is ${shapeOf(out)}, the result is ${shapeOf(a)}`);
  }
  return out;
}

/** a op b elementwise, b a matrix of the same shape or a number. */
export function elementwise(op: ElementOp, a: Matrix, b: Matrix | number, opts?: ElementOptions): Matrix {
  const where = op;
  if (a.freed) throw new TypeError(`${where}: the matrix was freed`);
  if (typeof b !== 'number') {
    if (!(b instanceof Matrix)) throw new TypeError(`${where}: expected a Matrix or a number, got ${shown(b)}`);
    if (b.rows !== a.rows || b.cols !== a.cols) {
      throw new TypeError(`${where}: shapes differ (${shapeOf(a)} and ${shapeOf(b)})`);
    }
    if (b.freed) throw new TypeError(`${where}: the matrix was freed`);
  }
  const out = target(where, a, opts);
  const f = APPLY[op];
  const ad = a.data;
  const od = out.data;
  for (let i = 0; i < a.rows; i++) {
    const ar = a.offset + i * a.rowStride;
    const or = out.offset + i * out.rowStride;
    if (typeof b === 'number') {
      for (let j = 0; j < a.cols; j++) od[or + j * out.colStride] = f(ad[ar + j * a.colStride] as number, b);
    } else {
      const bd = b.data;
      const br = b.offset + i * b.rowStride;
      for (let j = 0; j < a.cols; j++) {
        od[or + j * out.colStride] = f(ad[ar + j * a.colStride] as number, bd[br + j * b.colStride] as number);
      }
    }
  }
  out.backend = 'js (host, elementwise)';
  return out;
}

/** The sum of all elements (in double precision whatever the type). */
export function sum(a: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.rows; i++) {
    const r = a.offset + i * a.rowStride;
    for (let j = 0; j < a.cols; j++) s += a.data[r + j * a.colStride] as number;
  }
  return s;
}

export type NormKind = 'fro' | 'max' | 1 | 'inf';

/** Frobenius (default), largest absolute element, 1-norm (largest column sum) or ∞-norm (largest row sum). */
export function norm(a: Matrix, kind: NormKind = 'fro'): number {
  const d = a.data;
  const at = (i: number, j: number) => Math.abs(d[a.offset + i * a.rowStride + j * a.colStride] as number);
  switch (kind) {
    case 'fro': {
      // scaled, so that squares of large elements do not overflow
      let scale = 0;
      let ssq = 1;
      for (let i = 0; i < a.rows; i++) {
        for (let j = 0; j < a.cols; j++) {
          const x = at(i, j);
          if (x === 0) continue;
          if (scale < x) {
            ssq = 1 + ssq * (scale / x) ** 2;
            scale = x;
          } else ssq += (x / scale) ** 2;
        }
      }
      return scale * Math.sqrt(ssq);
    }
    case 'max': {
      let m = 0;
      for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) m = Math.max(m, at(i, j));
      return m;
    }
    case 1: {
      let m = 0;
      for (let j = 0; j < a.cols; j++) {
        let s = 0;
        for (let i = 0; i < a.rows; i++) s += at(i, j);
        m = Math.max(m, s);
      }
      return m;
    }
    case 'inf': {
      let m = 0;
      for (let i = 0; i < a.rows; i++) {
        let s = 0;
        for (let j = 0; j < a.cols; j++) s += at(i, j);
        m = Math.max(m, s);
      }
      return m;
    }
    default:
      throw new TypeError(`norm: kind must be 'fro', 'max', 1 or 'inf', got ${shown(kind)}`);
  }
}
