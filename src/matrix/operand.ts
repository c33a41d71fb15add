/**
 * A matrix as a BLAS-style routine takes it: a pointer to its first
 * element, a leading dimension and whether it is stored transposed. A
 * row-major view (unit column stride) is passed as is; a column-major one
 * (unit row stride, such as `a.T`) as the transpose of a row-major matrix;
 * anything else (a strided slice of both) is copied first. The same
 * description serves OpenBLAS, the project's kernels and LAPACKE.
 */

import { type Matrix, shapeOf } from './matrix.js';

export interface Operand {
  /** The matrix passed (the argument itself, or a contiguous copy of it). */
  matrix: Matrix;
  /** 1 when the bytes are the row-major transpose of what is meant. */
  trans: 0 | 1;
  /** Leading dimension in elements. */
  ld: number;
  /** The copy made, to free after the call (null when none was made). */
  temp: Matrix | null;
}

export function operand(m: Matrix): Operand {
  if (m.freed) throw new TypeError(`a freed ${shapeOf(m)} matrix cannot be used`);
  if (m.colStride === 1 && m.rowStride >= m.cols)
    return { matrix: m, trans: 0, ld: Math.max(1, m.rows > 1 ? m.rowStride : m.cols), temp: null };
  if (m.rowStride === 1 && m.colStride >= m.rows)
    return { matrix: m, trans: 1, ld: Math.max(1, m.cols > 1 ? m.colStride : m.rows), temp: null };
  if (m.rows <= 1 && m.colStride === 1) return { matrix: m, trans: 0, ld: Math.max(1, m.cols), temp: null };
  const c = m.copy();
  return { matrix: c, trans: 0, ld: Math.max(1, m.cols), temp: c };
}

/** Whether two matrices may share elements (views of one allocation whose element ranges meet). */
export function overlaps(a: Matrix, b: Matrix): boolean {
  if (a.data.buffer !== b.data.buffer) return false;
  const span = (m: Matrix) => {
    const bytes = m.data.BYTES_PER_ELEMENT;
    const first = m.data.byteOffset + m.offset * bytes;
    const last = first + ((m.rows - 1) * m.rowStride + (m.cols - 1) * m.colStride) * bytes + bytes;
    return [first, last] as const;
  };
  if (a.length === 0 || b.length === 0) return false;
  const [a0, a1] = span(a);
  const [b0, b1] = span(b);
  return a0 < b1 && b0 < a1;
}
