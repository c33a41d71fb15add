/**
 * How many elements a BLAS or LAPACK argument reaches, from the shape,
 * leading dimension or stride it is given, and the check that the array
 * passed holds that many. A short array would not fault: the library would
 * read and write past its end into the region's other buffers. Both CBLAS
 * and LAPACKE name the layouts 101 (row-major) and 102 (column-major).
 */

import type { Signature } from '../host/ctypes.js';

/** An array argument (by position) and the elements its shape reaches. */
export interface Need {
  arg: number;
  elements: number;
  /** How the count was reached, for the message (`3×2 with ldb 2`). */
  shape: string;
}

export type Args = readonly unknown[];
export const num = (a: Args, i: number): number => Number(a[i]);

const ROW_MAJOR = 101;
const COL_MAJOR = 102;

/** Whether the layout argument is one of the two (else the library rejects the call itself). */
export const knownLayout = (a: Args): boolean => a[0] === ROW_MAJOR || a[0] === COL_MAJOR;

/** A rows×cols matrix at argument `arg` with its leading dimension at argument `ldArg`, in the layout of argument 0. */
export function matrixNeed(a: Args, arg: number, rows: number, cols: number, ldArg: number, ldName: string): Need {
  const ld = num(a, ldArg);
  const elements = rows <= 0 || cols <= 0 ? 0 : a[0] === COL_MAJOR ? (cols - 1) * ld + rows : (rows - 1) * ld + cols;
  return { arg, elements, shape: `${rows}×${cols} with ${ldName} ${ld}` };
}

/** n elements at argument `arg`, `inc` apart (a negative stride walks back from the end: the same reach). */
export function vectorNeed(a: Args, arg: number, n: number, incArg?: number): Need {
  const inc = incArg === undefined ? 1 : Math.abs(num(a, incArg));
  const elements = n <= 0 ? 0 : 1 + (n - 1) * inc;
  return { arg, elements, shape: incArg === undefined ? `${n}` : `${n} with stride ${inc}` };
}

/** Throws a RangeError naming the routine and the argument when an array is shorter than its shape needs. */
export function checkNeeds(routine: string, sig: Signature, args: Args, needs: readonly Need[]): void {
  for (const need of needs) {
    const v = args[need.arg];
    if (!ArrayBuffer.isView(v) || v instanceof DataView) continue; // an address or a byte view: the caller's to size
    const have = (v as unknown as { length: number }).length;
    if (Number.isFinite(need.elements) && have < need.elements) {
      const name = sig.params[need.arg]?.name ?? `argument ${need.arg + 1}`;
      throw new RangeError(`${routine}: ${name} has ${have} elements; ${need.shape} needs ${need.elements}`);
    }
  }
}
