/**
 * The BLAS facade: `const blas = await openBlas(sc)` (or `blis(sc)`) gives
 * the CBLAS functions of levels 1-3 in double and float, bound and typed
 * from their prototypes (`blas.dgemm(CBLAS.RowMajor, …)` is a
 * NativeFunction with `.sync` and `.batch`), and what the library says
 * about itself: the kernels it picked for this CPU, its thread count.
 *
 * The functions are the C ones, arguments as CBLAS takes them (`int`
 * enums from `CBLAS`, leading dimensions, strides); the arrays live in the
 * sidecar's region (`sc.alloc('double', n)`), so nothing is copied. Each
 * checks before the call that its arrays hold what the shapes, leading
 * dimensions and strides given reach (a RangeError naming the argument):
 * a short array would not fault, the library would read and write the
 * region's other buffers.
 */

import type { NativeFunction } from '../host/call.js';
import { LibraryError } from '../host/errors.js';
import { CBLAS, CBLAS_PROTOTYPES } from '../host/known.js';
import type { Library } from '../host/library.js';
import type { FunctionOf } from '../host/typed.js';
import { type Args, checkNeeds, knownLayout, matrixNeed as mat, type Need, num, vectorNeed as vec } from './extent.js';

type CblasPrototype = (typeof CBLAS_PROTOTYPES)[number];
type CblasName<P extends string> = P extends `${string} cblas_${infer N}(${string}` ? N : never;

/** `ddot`, `sgemm` …: each CBLAS function under its name without `cblas_`, typed from its prototype. */
export type CblasFunctions = { readonly [P in CblasPrototype as CblasName<P>]: FunctionOf<P> };

/** What opens a library: a Sidecar (or anything with its `library`). */
export interface LibraryOpener {
  library(name: string): Promise<Library>;
}

export interface Blas extends CblasFunctions {
  /** Which implementation: `openblas` or `blis`. */
  readonly name: 'openblas' | 'blis';
  /** The library as opened (its soname, raw functions by prototype). */
  readonly library: Library;
  /** The kernels the library chose for this CPU (OpenBLAS: `Haswell`, `SkylakeX`, `Zen`; BLIS: `zen3`, `haswell`). */
  corename(): Promise<string>;
  /** How many threads a call may use. */
  threads(): Promise<number>;
  /** Sets how many threads calls may use (OpenBLAS caps it at the threads it started with). */
  setThreads(n: number): Promise<void>;
  /** How the library was built (OpenBLAS: its config string; BLIS: its version). */
  config(): Promise<string>;
}

const notrans = (a: Args, i: number) => a[i] === CBLAS.NoTrans;
/** Level 2 and 3: nothing to check when the layout is not one CBLAS knows (it rejects the call itself). */
const laid =
  (f: (a: Args) => Need[]) =>
  (a: Args): Need[] =>
    knownLayout(a) ? f(a) : [];

/** The arrays of each function (by its name without the precision letter) and what they reach. */
const NEEDS: Record<string, (a: Args) => Need[]> = {
  dot: (a) => [vec(a, 1, num(a, 0), 2), vec(a, 3, num(a, 0), 4)],
  axpy: (a) => [vec(a, 2, num(a, 0), 3), vec(a, 4, num(a, 0), 5)],
  scal: (a) => [vec(a, 2, num(a, 0), 3)],
  nrm2: (a) => [vec(a, 1, num(a, 0), 2)],
  asum: (a) => [vec(a, 1, num(a, 0), 2)],
  iamax: (a) => [vec(a, 1, num(a, 0), 2)],
  copy: (a) => [vec(a, 1, num(a, 0), 2), vec(a, 3, num(a, 0), 4)],
  swap: (a) => [vec(a, 1, num(a, 0), 2), vec(a, 3, num(a, 0), 4)],
  gemv: laid((a) => {
    const [m, n] = [num(a, 2), num(a, 3)];
    const [nx, ny] = notrans(a, 1) ? [n, m] : [m, n];
    return [mat(a, 5, m, n, 6, 'lda'), vec(a, 7, nx, 8), vec(a, 10, ny, 11)];
  }),
  ger: laid((a) => [vec(a, 4, num(a, 1), 5), vec(a, 6, num(a, 2), 7), mat(a, 8, num(a, 1), num(a, 2), 9, 'lda')]),
  symv: laid((a) => [mat(a, 4, num(a, 2), num(a, 2), 5, 'lda'), vec(a, 6, num(a, 2), 7), vec(a, 9, num(a, 2), 10)]),
  trmv: laid((a) => [mat(a, 5, num(a, 4), num(a, 4), 6, 'lda'), vec(a, 7, num(a, 4), 8)]),
  trsv: laid((a) => [mat(a, 5, num(a, 4), num(a, 4), 6, 'lda'), vec(a, 7, num(a, 4), 8)]),
  gemm: laid((a) => {
    const [m, n, k] = [num(a, 3), num(a, 4), num(a, 5)];
    return [
      notrans(a, 1) ? mat(a, 7, m, k, 8, 'lda') : mat(a, 7, k, m, 8, 'lda'),
      notrans(a, 2) ? mat(a, 9, k, n, 10, 'ldb') : mat(a, 9, n, k, 10, 'ldb'),
      mat(a, 12, m, n, 13, 'ldc'),
    ];
  }),
  syrk: laid((a) => {
    const [n, k] = [num(a, 3), num(a, 4)];
    return [notrans(a, 2) ? mat(a, 6, n, k, 7, 'lda') : mat(a, 6, k, n, 7, 'lda'), mat(a, 9, n, n, 10, 'ldc')];
  }),
  symm: laid((a) => {
    const [m, n] = [num(a, 3), num(a, 4)];
    const s = a[1] === CBLAS.Left ? m : n;
    return [mat(a, 6, s, s, 7, 'lda'), mat(a, 8, m, n, 9, 'ldb'), mat(a, 11, m, n, 12, 'ldc')];
  }),
  trmm: laid((a) => {
    const [m, n] = [num(a, 5), num(a, 6)];
    const s = a[1] === CBLAS.Left ? m : n;
    return [mat(a, 8, s, s, 9, 'lda'), mat(a, 10, m, n, 11, 'ldb')];
  }),
  trsm: laid((a) => {
    const [m, n] = [num(a, 5), num(a, 6)];
    const s = a[1] === CBLAS.Left ? m : n;
    return [mat(a, 8, s, s, 9, 'lda'), mat(a, 10, m, n, 11, 'ldb')];
  }),
};

/** `fn` with its arrays checked against its shapes before every call (the same interface). */
function checked(fn: NativeFunction, routine: string, needs: (a: Args) => Need[]): NativeFunction {
  const sig = fn.signature;
  const n = sig.params.length;
  const check = (args: Args) => {
    if (args.length >= n) checkNeeds(routine, sig, args, needs(args));
  };
  const rejecting =
    <A extends unknown[], R>(g: (...args: A) => Promise<R>, first: (...args: A) => void) =>
    (...args: A): Promise<R> => {
      try {
        first(...args);
      } catch (e) {
        return Promise.reject(e);
      }
      return g(...args);
    };
  const f = rejecting(fn, (...args: unknown[]) => check(args)) as NativeFunction;
  Object.defineProperty(f, 'name', { value: routine });
  f.sync = (...args: unknown[]) => {
    check(args);
    return fn.sync(...args);
  };
  f.with = (opts) => rejecting(fn.with(opts), (...args: unknown[]) => check(args));
  f.batch = rejecting(fn.batch, (lists) => {
    for (const l of lists) check(l as Args);
  });
  Object.defineProperty(f, 'signature', { value: sig, enumerable: true });
  return f;
}

/** The CBLAS functions of `lib`, by short name, their arrays checked. */
function cblasFunctions(lib: Library): CblasFunctions {
  const out: Record<string, unknown> = {};
  for (const p of CBLAS_PROTOTYPES) {
    const name = /cblas_(\w+)\(/.exec(p)?.[1] as string;
    const base = name.startsWith('i') ? 'iamax' : name.slice(1);
    out[name] = checked(lib.func(p), `cblas_${name}`, NEEDS[base] ?? (() => []));
  }
  return out as CblasFunctions;
}

function checkThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 4096) {
    throw new RangeError(`setThreads: expected a positive integer number of threads, got ${String(n)}`);
  }
}

/** Fails with a LibraryError naming the soname when `symbol` is not in `lib` (a plain BLAS loaded for `openblas`). */
async function expectSymbol(lib: Library, symbol: string, what: string): Promise<void> {
  try {
    await lib.symbol(symbol);
  } catch (e) {
    if (!(e instanceof LibraryError)) throw e;
    throw new LibraryError(`${lib.soname} is not ${what}: it has no ${symbol}`);
  }
}

/** OpenBLAS through its CBLAS interface (the `openblas` library of the known set). */
export async function openBlas(sc: LibraryOpener): Promise<Blas> {
  const lib = await sc.library('openblas');
  await expectSymbol(lib, 'openblas_get_corename', 'OpenBLAS');
  const corename = lib.func('openblas_get_corename');
  const config = lib.func('openblas_get_config');
  const getThreads = lib.func('openblas_get_num_threads');
  const setThreads = lib.func('openblas_set_num_threads');
  return {
    ...cblasFunctions(lib),
    name: 'openblas',
    library: lib,
    corename: async () => (await corename()) ?? 'unknown',
    config: async () => (await config()) ?? '',
    threads: () => getThreads(),
    setThreads: async (n) => {
      checkThreads(n);
      await setThreads(n);
    },
  };
}

/** BLIS through its CBLAS interface (the `blis` library of the known set). */
export async function blis(sc: LibraryOpener): Promise<Blas> {
  const lib = await sc.library('blis');
  await expectSymbol(lib, 'cblas_dgemm', 'a BLIS built with its CBLAS interface');
  const archId = lib.func('bli_arch_query_id');
  const archName = lib.func('bli_arch_string');
  const version = lib.func('bli_info_get_version_str');
  const getThreads = lib.func('bli_thread_get_num_threads');
  const setThreads = lib.func('bli_thread_set_num_threads');
  return {
    ...cblasFunctions(lib),
    name: 'blis',
    library: lib,
    corename: async () => (await archName(await archId())) ?? 'unknown',
    config: async () => `BLIS ${(await version()) ?? ''}`.trim(),
    // BLIS says -1 until a count is set (it then reads BLIS_NUM_THREADS, else runs one thread).
    threads: async () => Math.max(1, Number(await getThreads())),
    setThreads: async (n) => {
      checkThreads(n);
      await setThreads(n);
    },
  };
}
