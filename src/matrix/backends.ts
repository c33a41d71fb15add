/**
 * Which code multiplies: chosen at run time, best first. OpenBLAS when the
 * sidecar can load it (with its own threads over all cores in one sidecar,
 * one thread per member in a Pool, where the members are the parallelism);
 * else plain JavaScript in the host, the last resort. Each backend says
 * what it is in results (`m.backend`) and why it was chosen.
 */

import type { CallOptions } from '../host/call.js';
import { Pool } from '../host/pool.js';
import type { Sidecar } from '../host/sidecar.js';
import type { Compute, ElementType } from './matrix.js';
import { type OpenBlas, openblas } from './openblas.js';

export type BackendName = 'auto' | 'openblas' | 'js';
export const BACKENDS: readonly BackendName[] = ['auto', 'openblas', 'js'];

/** transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc (row-major, addresses in the region). */
export type GemmArgs = readonly [
  0 | 1,
  0 | 1,
  number,
  number,
  number,
  number,
  bigint,
  number,
  bigint,
  number,
  number,
  bigint,
  number,
];

export interface GemmBackend {
  name: Exclude<BackendName, 'auto'>;
  /** What ran, for results: `openblas (Zen, 2 threads)`. */
  describe(owner: Compute | Sidecar): string;
  /** Runs one product on `sc`; `pooled` when other members compute other blocks at the same time. */
  run(sc: Sidecar, args: GemmArgs, call: CallOptions, pooled: boolean): Promise<void>;
  runSync(sc: Sidecar, args: GemmArgs, call: CallOptions): void;
}

const CBLAS_ROW_MAJOR = 101;
const CBLAS_TRANS = [111, 112] as const;

function first(owner: Compute): Sidecar {
  return owner instanceof Pool ? (owner.members[0] as Sidecar) : owner;
}

const resolved = new WeakMap<Sidecar, OpenBlas>();

function cblasArgs(args: GemmArgs): unknown[] {
  const [ta, tb, ...rest] = args;
  return [CBLAS_ROW_MAJOR, CBLAS_TRANS[ta], CBLAS_TRANS[tb], ...rest];
}

function openblasBackend(type: ElementType): GemmBackend {
  const fn = (ob: OpenBlas) => (type === 'f64' ? ob.dgemm : ob.sgemm);
  const get = async (sc: Sidecar): Promise<OpenBlas> => {
    const ob = await openblas(sc);
    if (!ob)
      throw new TypeError(
        "matmul: the 'openblas' backend was asked for, but OpenBLAS does not load in this sidecar (apt-get install libopenblas0-pthread)",
      );
    resolved.set(sc, ob);
    return ob;
  };
  return {
    name: 'openblas',
    describe(owner) {
      const sc = first(owner as Compute);
      const ob = resolved.get(sc);
      if (!ob) return 'openblas';
      return owner instanceof Pool ? `${ob.describe(1)} per member` : ob.describe();
    },
    async run(sc, args, call, pooled) {
      const ob = await get(sc);
      if (pooled && ob.threads !== 1) {
        await ob.setThreads(1);
        ob.threads = 1;
      }
      await fn(ob)(...cblasArgs(args), call);
    },
    runSync(sc, args, call) {
      const ob = resolved.get(sc);
      if (!ob)
        throw new TypeError(
          'matmulSync: OpenBLAS is not loaded in this sidecar yet: run one asynchronous matmul first',
        );
      fn(ob).sync(...cblasArgs(args), call);
    },
  };
}

const JS: GemmBackend = {
  name: 'js',
  describe: () => 'js (plain JavaScript in the host)',
  run: async () => {
    throw new Error('internal: the js backend runs in the host');
  },
  runSync: () => {
    throw new Error('internal: the js backend runs in the host');
  },
};

/** The backend for `requested` on this owner (loading OpenBLAS in its first sidecar to know whether it is there). */
export async function gemmBackend(owner: Compute, type: ElementType, requested: BackendName): Promise<GemmBackend> {
  if (!BACKENDS.includes(requested)) {
    throw new TypeError(
      `matmul: backend must be ${BACKENDS.map((b) => `'${b}'`).join(', ')}, got ${String(requested)}`,
    );
  }
  if (requested === 'js') return JS;
  const ob = await openblas(first(owner));
  if (ob) resolved.set(first(owner), ob);
  if (ob || requested === 'openblas') return openblasBackend(type);
  return JS;
}

/** The same without waiting: null when the backend still has to be loaded. */
export function readyGemmBackend(sc: Sidecar, type: ElementType, requested: BackendName): GemmBackend | null {
  if (!BACKENDS.includes(requested)) {
    throw new TypeError(
      `matmul: backend must be ${BACKENDS.map((b) => `'${b}'`).join(', ')}, got ${String(requested)}`,
    );
  }
  if (requested === 'js') return JS;
  if (resolved.has(sc)) return openblasBackend(type);
  return null;
}
