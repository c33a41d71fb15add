/**
 * OpenBLAS as the matrix layer uses it in one sidecar: whether it loads,
 * the core it picked (`openblas_get_corename`), its threads, and the bound
 * gemm routines. Looked up once per sidecar; a sidecar without it answers
 * null and the matrix layer falls back to the project's own kernels.
 */

import type { NativeFunction } from '../host/call.js';
import type { Sidecar } from '../host/sidecar.js';

export interface OpenBlas {
  dgemm: NativeFunction;
  sgemm: NativeFunction;
  /** The kernel family OpenBLAS chose for this CPU (`Haswell`, `SkylakeX`, `Zen` …). */
  corename: string;
  threads: number;
  setThreads: NativeFunction;
  /** For results: `openblas (Zen, 2 threads)`. */
  describe(threads?: number): string;
}

const found = new WeakMap<Sidecar, Promise<OpenBlas | null>>();

const GEMM = (t: 'd' | 's', real: 'double' | 'float') =>
  `void cblas_${t}gemm(int order, int transa, int transb, int m, int n, int k, ${real} alpha, const ${real} *a, int lda, const ${real} *b, int ldb, ${real} beta, ${real} *c, int ldc)`;

/** This sidecar's OpenBLAS, or null when it is not installed. */
export function openblas(sc: Sidecar): Promise<OpenBlas | null> {
  let p = found.get(sc);
  if (!p) {
    p = load(sc);
    found.set(sc, p);
    // A failure other than a missing library (a crash, a timeout) is not remembered.
    p.catch(() => found.delete(sc));
  }
  return p;
}

async function load(sc: Sidecar): Promise<OpenBlas | null> {
  let lib: Awaited<ReturnType<Sidecar['library']>>;
  try {
    lib = await sc.library('openblas');
  } catch (e) {
    if ((e as Error).name === 'LibraryError') return null;
    throw e;
  }
  let corename = 'unknown core';
  try {
    const name = lib.func('char *openblas_get_corename(void)');
    corename = String(await name());
  } catch {
    // a BLAS without OpenBLAS's extensions (libblas.so.3): no core name
  }
  let threads = 1;
  let setThreads: NativeFunction = lib.func('void openblas_set_num_threads(int n)');
  try {
    threads = Number(await lib.func('int openblas_get_num_threads(void)')());
  } catch {
    setThreads = (async () => {}) as unknown as NativeFunction;
  }
  const out: OpenBlas = {
    dgemm: lib.func(GEMM('d', 'double')),
    sgemm: lib.func(GEMM('s', 'float')),
    corename,
    threads,
    setThreads,
    describe: (n = out.threads) => `openblas (${corename}, ${n} thread${n === 1 ? '' : 's'})`,
  };
  return out;
}
