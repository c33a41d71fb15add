/**
 * `LinAlgError`: a linear-algebra routine could not do what was asked with
 * the matrix it was given (singular, not positive definite, no
 * convergence, not of full rank) or was given an illegal argument. The
 * LAPACKE wrappers (src/libs/lapack.ts) and the plain-TypeScript solvers
 * (src/matrix/fallback) throw the same class with the same kinds, so code
 * that catches it does not care which backend ran.
 */

/** What went wrong, independent of the routine. */
export type LinAlgErrorKind =
  | 'singular'
  | 'not-positive-definite'
  | 'no-convergence'
  | 'rank-deficient'
  | 'illegal-argument'
  | 'out-of-memory';

export class LinAlgError extends Error {
  override name = 'LinAlgError';
  /** The routine's `info` in LAPACK's convention (k > 0: at the k-th pivot, minor or element; -k: argument k). */
  readonly info: number;
  /** The routine that failed (`LAPACKE_dgesv`, `getrf`). */
  readonly routine: string;
  readonly kind: LinAlgErrorKind;

  constructor(routine: string, info: number, kind: LinAlgErrorKind, message: string) {
    super(`${routine}: ${message}`);
    this.routine = routine;
    this.info = info;
    this.kind = kind;
  }
}

/** Matrix is singular: U(k,k) is exactly zero (k counted from 1, as LAPACK does). */
export function singularError(routine: string, k: number): LinAlgError {
  return new LinAlgError(routine, k, 'singular', `matrix is singular: U(${k},${k}) is exactly zero`);
}

/** Not positive definite: the leading minor of order k is not. */
export function notPositiveDefiniteError(routine: string, k: number): LinAlgError {
  return new LinAlgError(
    routine,
    k,
    'not-positive-definite',
    `not positive definite: the leading minor of order ${k} is not positive`,
  );
}

/** An iteration did not converge (`detail` says what did not). */
export function noConvergenceError(routine: string, info: number, detail: string): LinAlgError {
  return new LinAlgError(routine, info, 'no-convergence', `did not converge: ${detail}`);
}

/** Not of full rank: the k-th diagonal element of the triangular factor is zero. */
export function rankDeficientError(routine: string, k: number): LinAlgError {
  return new LinAlgError(
    routine,
    k,
    'rank-deficient',
    `matrix does not have full rank: the diagonal element ${k} of its triangular factor is zero`,
  );
}
