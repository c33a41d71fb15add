/**
 * The operations as methods of Matrix (`await a.matmul(b)`, `a.add(b)`,
 * `a.norm()`): each file of this layer defines its operation as a function;
 * this one attaches them, with an asynchronous form and a synchronous twin
 * where the work runs in the sidecar. The solvers (linalg.ts) are loaded by
 * the first one called.
 */

import { type ElementOptions, elementwise, type NormKind, norm, sum } from './elementwise.js';
import type { SolverOptions } from './linalg.js';
import { type MatmulOptions, matmul, matmulSync } from './matmul.js';
import { Matrix } from './matrix.js';

declare module './matrix.js' {
  interface Matrix {
    /** α·this·b (+ β·out): on OpenBLAS, the own kernels or JavaScript, split across a Pool's members. */
    matmul(b: Matrix, opts?: MatmulOptions): Promise<Matrix>;
    /** The same, blocking the host (the backend must have been loaded by an earlier asynchronous call). */
    matmulSync(b: Matrix, opts?: MatmulOptions): Matrix;
    /** The transpose: a view of the same bytes (the same as `.T`). */
    transpose(): Matrix;
    add(b: Matrix | number, opts?: ElementOptions): Matrix;
    sub(b: Matrix | number, opts?: ElementOptions): Matrix;
    /** Elementwise product (matmul is the matrix product). */
    mul(b: Matrix | number, opts?: ElementOptions): Matrix;
    div(b: Matrix | number, opts?: ElementOptions): Matrix;
    scale(s: number, opts?: ElementOptions): Matrix;
    sum(): number;
    norm(kind?: NormKind): number;
    /** X with this·X = b (LAPACKE's gesv, or the TypeScript LU). */
    solve(b: Matrix, opts?: SolverOptions): Promise<Matrix>;
    inv(opts?: SolverOptions): Promise<Matrix>;
    det(opts?: SolverOptions): Promise<number>;
    /** P, L, U with P·this = L·U. */
    lu(opts?: SolverOptions): Promise<{ p: Matrix; l: Matrix; u: Matrix }>;
    /** Lower triangular L with this = L·Lᵀ. */
    cholesky(opts?: SolverOptions): Promise<Matrix>;
    /** Thin QR. */
    qr(opts?: SolverOptions): Promise<{ q: Matrix; r: Matrix }>;
    /** Eigenvalues ascending, eigenvectors as columns, of a symmetric matrix. */
    eigSym(opts?: SolverOptions): Promise<{ values: Float64Array | Float32Array; vectors: Matrix }>;
    /** Thin SVD: this = U·diag(s)·Vᵀ. */
    svd(opts?: SolverOptions): Promise<{ u: Matrix; s: Float64Array | Float32Array; vt: Matrix }>;
    /** X minimising ‖this·X − b‖. */
    lstsq(b: Matrix, opts?: SolverOptions): Promise<Matrix>;
  }
}

/** The solvers' module, loaded by the first of them called. */
const solvers = () => import('./linalg.js');

Matrix.prototype.solve = async function (this: Matrix, b: Matrix, opts?: SolverOptions) {
  return (await solvers()).solve(this, b, opts);
};
Matrix.prototype.inv = async function (this: Matrix, opts?: SolverOptions) {
  return (await solvers()).inv(this, opts);
};
Matrix.prototype.det = async function (this: Matrix, opts?: SolverOptions) {
  return (await solvers()).det(this, opts);
};
Matrix.prototype.lu = async function (this: Matrix, opts?: SolverOptions) {
  return (await solvers()).lu(this, opts);
};
Matrix.prototype.cholesky = async function (this: Matrix, opts?: SolverOptions) {
  return (await solvers()).cholesky(this, opts);
};
Matrix.prototype.qr = async function (this: Matrix, opts?: SolverOptions) {
  return (await solvers()).qr(this, opts);
};
Matrix.prototype.eigSym = async function (this: Matrix, opts?: SolverOptions) {
  return (await solvers()).eigSym(this, opts);
};
Matrix.prototype.svd = async function (this: Matrix, opts?: SolverOptions) {
  return (await solvers()).svd(this, opts);
};
Matrix.prototype.lstsq = async function (this: Matrix, b: Matrix, opts?: SolverOptions) {
  return (await solvers()).lstsq(this, b, opts);
};

Matrix.prototype.matmul = function (this: Matrix, b: Matrix, opts?: MatmulOptions) {
  return matmul(this, b, opts);
};
Matrix.prototype.matmulSync = function (this: Matrix, b: Matrix, opts?: MatmulOptions) {
  return matmulSync(this, b, opts);
};
Matrix.prototype.transpose = function (this: Matrix) {
  return this.T;
};
Matrix.prototype.add = function (this: Matrix, b: Matrix | number, opts?: ElementOptions) {
  return elementwise('add', this, b, opts);
};
Matrix.prototype.sub = function (this: Matrix, b: Matrix | number, opts?: ElementOptions) {
  return elementwise('sub', this, b, opts);
};
Matrix.prototype.mul = function (this: Matrix, b: Matrix | number, opts?: ElementOptions) {
  return elementwise('mul', this, b, opts);
};
Matrix.prototype.div = function (this: Matrix, b: Matrix | number, opts?: ElementOptions) {
  return elementwise('div', this, b, opts);
};
Matrix.prototype.scale = function (this: Matrix, s: number, opts?: ElementOptions) {
  if (typeof s !== 'number') throw new TypeError(`scale: expected a number, got ${typeof s}`);
  return elementwise('mul', this, s, opts);
};
Matrix.prototype.sum = function (this: Matrix) {
  return sum(this);
};
Matrix.prototype.norm = function (this: Matrix, kind?: NormKind) {
  return norm(this, kind);
};
