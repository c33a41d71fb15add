/**
 * Matrix multiply in plain JavaScript: the last-resort backend, the
 * reference of the bench's "plain JavaScript" row, and a check. op(A) and
 * op(B) are first copied row-major into Float64Arrays, then a cache-blocked
 * i-k-j loop accumulates into a row of C (the inner loop runs over
 * contiguous memory, which V8 compiles to tight scalar code).
 */

import type { Operand } from './operand.js';

const BLOCK_K = 128;
const BLOCK_J = 512;

/** op(X) (rows × cols) as a packed row-major Float64Array. */
function packed(o: Operand, rows: number, cols: number): Float64Array {
  const m = o.matrix;
  const out = new Float64Array(rows * cols);
  const d = m.data;
  // o.trans: the stored matrix is cols × rows row-major with leading dimension ld
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      out[i * cols + j] = d[m.offset + (o.trans ? j * o.ld + i : i * o.ld + j)] as number;
    }
  }
  return out;
}

/** C = alpha·op(A)·op(B) + beta·C with C row-major (unit column stride). */
export function jsGemm(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Operand,
  b: Operand,
  beta: number,
  c: Operand,
): void {
  const cm = c.matrix;
  const cd = cm.data;
  const A = packed(a, m, k);
  const B = packed(b, k, n);
  const acc = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    acc.fill(0);
    for (let k0 = 0; k0 < k; k0 += BLOCK_K) {
      const k1 = Math.min(k, k0 + BLOCK_K);
      for (let j0 = 0; j0 < n; j0 += BLOCK_J) {
        const j1 = Math.min(n, j0 + BLOCK_J);
        for (let p = k0; p < k1; p++) {
          const aip = A[i * k + p] as number;
          const row = p * n;
          for (let j = j0; j < j1; j++) acc[j] = (acc[j] as number) + aip * (B[row + j] as number);
        }
      }
    }
    const at = cm.offset + i * c.ld;
    for (let j = 0; j < n; j++) {
      // beta = 0 does not read C: NaN there does not leak into the result
      cd[at + j] = beta === 0 ? alpha * (acc[j] as number) : alpha * (acc[j] as number) + beta * (cd[at + j] as number);
    }
  }
}
