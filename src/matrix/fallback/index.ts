/**
 * The plain-TypeScript solvers, the Matrix layer's backend where LAPACKE is
 * not installed: LU, Cholesky, QR, least squares, the symmetric
 * eigenproblem and the SVD over row-major Float64Array/Float32Array
 * matrices. They throw the same LinAlgError as the LAPACKE wrappers.
 */

export { LinAlgError } from '../../libs/errors.js';
export { cholesky, choleskySolve, potrf, potrs } from './cholesky.js';
export { checkDense, type Dense, type FloatArray, identity, transposed } from './dense.js';
export { eigSym, type SymmetricEigen } from './eig.js';
export { lstsq } from './lstsq.js';
export { det, getrf, getrs, inverse, type LuFactors, lu, solve } from './lu.js';
export { geqrf, orgqr, qr } from './qr.js';
export { type Svd, svd } from './svd.js';
