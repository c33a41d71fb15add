/**
 * `C = α·A·B + β·C`: shape checks before anything is sent, the operands as
 * BLAS takes them (operand.ts), the backend chosen at run time (backends.ts)
 * and, on a Pool, the rows of C split into one block per member, every
 * member computing its block in the shared region at once.
 */

import type { CallOptions } from '../host/call.js';
import { checkCallOptions, checkKeys, shown } from '../host/options.js';
import { Pool } from '../host/pool.js';
import type { Sidecar } from '../host/sidecar.js';
import { type BackendName, type GemmArgs, type GemmBackend, gemmBackend, readyGemmBackend } from './backends.js';
import { jsGemm } from './jsgemm.js';
import { copyInto, Matrix, shapeOf } from './matrix.js';
import { type Operand, operand, overlaps } from './operand.js';

export interface MatmulOptions extends CallOptions {
  /** Write the product here (m × n, same type) instead of a new matrix. */
  out?: Matrix;
  /** α (default 1). */
  alpha?: number;
  /** β (default 0; with out, C = α·A·B + β·out). β = 0 does not read out. */
  beta?: number;
  /** Which backend (default 'auto': OpenBLAS if present, else the own kernels, else JavaScript). */
  backend?: BackendName;
}

const OPTIONS = ['out', 'alpha', 'beta', 'backend', 'timeoutMs', 'signal'] as const;

/** Rows of C per pool member are a multiple of this (whole register tiles for every kernel). */
const SPLIT_ROWS = 48;

interface Plan {
  m: number;
  n: number;
  k: number;
  alpha: number;
  beta: number;
  a: Operand;
  b: Operand;
  /** Where the kernel writes (out, or a contiguous temporary copied to out after). */
  c: Operand;
  out: Matrix;
  temps: Matrix[];
  call: CallOptions;
}

function plan(a: Matrix, b: Matrix, opts: MatmulOptions): Plan {
  const where = 'matmul';
  if (!(a instanceof Matrix) || !(b instanceof Matrix)) {
    throw new TypeError(`${where}: expected two matrices, got ${shown(a)} and ${shown(b)}`);
  }
  if (opts === null || typeof opts !== 'object') throw new TypeError(`${where}: options must be an object`);
  checkKeys(where, opts, OPTIONS);
  checkCallOptions(where, { timeoutMs: opts.timeoutMs, signal: opts.signal });
  if (a.cols !== b.rows) {
    throw new TypeError(
      `${where}: cannot multiply ${shapeOf(a)} by ${shapeOf(b)} (${a.cols} columns against ${b.rows} rows)`,
    );
  }
  if (a.type !== b.type) throw new TypeError(`${where}: element types differ (${shapeOf(a)} and ${shapeOf(b)})`);
  if (a.data.buffer !== b.data.buffer) throw new TypeError(`${where}: the matrices live in different regions`);
  const alpha = opts.alpha ?? 1;
  const beta = opts.beta ?? 0;
  if (typeof alpha !== 'number' || typeof beta !== 'number') {
    throw new TypeError(`${where}: alpha and beta must be numbers, got ${shown(alpha)} and ${shown(beta)}`);
  }
  const m = a.rows;
  const n = b.cols;
  const k = a.cols;
  let out = opts.out;
  if (out !== undefined) {
    if (!(out instanceof Matrix)) throw new TypeError(`${where}: out must be a Matrix, got ${shown(out)}`);
    if (out.rows !== m || out.cols !== n || out.type !== a.type) {
      throw new TypeError(
        `${where}: out is ${shapeOf(out)}, the product of ${shapeOf(a)} and ${shapeOf(b)} is ${m}×${n} ${a.type}`,
      );
    }
    if (out.data.buffer !== a.data.buffer) throw new TypeError(`${where}: out lives in another region`);
    if (out.freed) throw new TypeError(`${where}: out was freed`);
  } else {
    if (beta !== 0) throw new TypeError(`${where}: beta needs an out matrix to add to`);
    out = Matrix.zeros(a.owner, m, n, a.type);
  }
  const temps: Matrix[] = [];
  const A = operand(a);
  const B = operand(b);
  for (const t of [A.temp, B.temp]) if (t) temps.push(t);
  let C = operand(out);
  if (C.trans || C.temp || overlaps(out, a) || overlaps(out, b)) {
    // The kernels write row-major with unit column stride, never into an operand.
    C.temp?.free();
    const t = beta === 0 ? Matrix.zeros(a.owner, m, n, a.type) : out.copy();
    temps.push(t);
    C = { matrix: t, trans: 0, ld: Math.max(1, n), temp: t };
  }
  return {
    m,
    n,
    k,
    alpha,
    beta,
    a: A,
    b: B,
    c: C,
    out,
    temps,
    call: { timeoutMs: opts.timeoutMs, signal: opts.signal },
  };
}

function finish(p: Plan, backend: string): Matrix {
  if (p.c.matrix !== p.out) copyInto(p.c.matrix, p.out);
  for (const t of p.temps) t.free();
  p.out.backend = backend;
  return p.out;
}

/** The part of the work that needs no backend: an empty product is β·C. */
function trivial(p: Plan): boolean {
  if (p.m > 0 && p.n > 0 && p.k > 0) return false;
  const c = p.c.matrix;
  for (let i = 0; i < p.m; i++) {
    for (let j = 0; j < p.n; j++) {
      const at = c.offset + i * p.c.ld + j;
      c.data[at] = p.beta === 0 ? 0 : p.beta * (c.data[at] as number);
    }
  }
  return true;
}

/** The kernel's arguments for rows r0..r1 of C (A's and C's addresses moved to row r0). */
function block(p: Plan, r0: number, r1: number): GemmArgs {
  const bytes = BigInt(p.a.matrix.data.BYTES_PER_ELEMENT);
  const a = p.a.matrix.address + BigInt(p.a.trans ? r0 : r0 * p.a.ld) * bytes;
  const c = p.c.matrix.address + BigInt(r0 * p.c.ld) * bytes;
  return [p.a.trans, p.b.trans, r1 - r0, p.n, p.k, p.alpha, a, p.a.ld, p.b.matrix.address, p.b.ld, p.beta, c, p.c.ld];
}

async function runOn(sc: Sidecar, g: GemmBackend, p: Plan, r0: number, r1: number, pooled: boolean): Promise<void> {
  await g.run(sc, block(p, r0, r1), p.call, pooled);
}

/** The product on the owner's sidecar, or split across a pool's members. */
export async function matmul(a: Matrix, b: Matrix, opts: MatmulOptions = {}): Promise<Matrix> {
  const p = plan(a, b, opts);
  try {
    if (trivial(p)) return finish(p, 'none (empty product)');
    const owner = a.owner;
    const g = await gemmBackend(owner, a.type, opts.backend ?? 'auto');
    if (g.name === 'js') {
      jsGemm(p.m, p.n, p.k, p.alpha, p.a, p.b, p.beta, p.c);
      return finish(p, g.describe(owner));
    }
    if (owner instanceof Pool && owner.size > 1 && p.m >= 2 * SPLIT_ROWS) {
      const parts = Math.min(owner.size, Math.floor(p.m / SPLIT_ROWS));
      const per = Math.ceil(p.m / parts / SPLIT_ROWS) * SPLIT_ROWS;
      const jobs: Promise<void>[] = [];
      for (let r0 = 0; r0 < p.m; r0 += per) {
        const r1 = Math.min(p.m, r0 + per);
        jobs.push(owner.run((sc) => runOn(sc, g, p, r0, r1, true)));
      }
      await Promise.all(jobs);
      return finish(p, `${g.describe(owner)}, ${jobs.length} members`);
    }
    if (owner instanceof Pool) await owner.run((sc) => runOn(sc, g, p, 0, p.m, true));
    else await runOn(owner, g, p, 0, p.m, false);
    return finish(p, g.describe(owner));
  } catch (e) {
    for (const t of p.temps) t.free();
    if (!opts.out) p.out.free();
    throw e;
  }
}

/** The same, blocking the host until it is done (on a Pool: on its first member). */
export function matmulSync(a: Matrix, b: Matrix, opts: MatmulOptions = {}): Matrix {
  const p = plan(a, b, opts);
  try {
    if (trivial(p)) return finish(p, 'none (empty product)');
    const owner = a.owner;
    const sc = owner instanceof Pool ? (owner.members[0] as Sidecar) : owner;
    const g = gemmBackendSync(sc, a.type, opts.backend ?? 'auto');
    if (g.name === 'js') jsGemm(p.m, p.n, p.k, p.alpha, p.a, p.b, p.beta, p.c);
    else g.runSync(sc, block(p, 0, p.m), p.call);
    return finish(p, g.describe(sc));
  } catch (e) {
    for (const t of p.temps) t.free();
    if (!opts.out) p.out.free();
    throw e;
  }
}

function gemmBackendSync(sc: Sidecar, type: Matrix['type'], name: BackendName): GemmBackend {
  const g = readyGemmBackend(sc, type, name);
  if (!g) {
    throw new TypeError(
      `matmulSync: the ${name} backend is not ready in this sidecar yet: run one asynchronous matmul first (it loads the library or the kernel)`,
    );
  }
  return g;
}
