/**
 * The BLAS facade: `const blas = await openBlas(sc)` (or `blis(sc)`) gives
 * the CBLAS functions of levels 1-3 in double and float, bound and typed
 * from their prototypes (`blas.dgemm(CBLAS.RowMajor, …)` is a
 * NativeFunction with `.sync` and `.batch`), and what the library says
 * about itself: the kernels it picked for this CPU, its thread count.
 *
 * The functions are the C ones, arguments as CBLAS takes them (`int`
 * enums from `CBLAS`, leading dimensions, strides); the arrays live in the
 * sidecar's region (`sc.alloc('double', n)`), so nothing is copied.
 */

import { LibraryError } from '../host/errors.js';
import type { Library } from '../host/library.js';
import type { FunctionOf } from '../host/typed.js';
import { CBLAS_PROTOTYPES } from './registry.js';

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

/** The CBLAS functions of `lib`, by short name. */
function cblasFunctions(lib: Library): CblasFunctions {
  const out: Record<string, unknown> = {};
  for (const p of CBLAS_PROTOTYPES) {
    const name = /cblas_(\w+)\(/.exec(p)?.[1] as string;
    out[name] = lib.func(p);
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
