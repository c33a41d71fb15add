/**
 * Ten C interop tasks written twice, with koffi (in process) and with
 * Sidecar, side by side in one run: the lines of user code each takes (the
 * non-blank lines of its function below, set-up included) and the time of
 * one run of it (median; Sidecar's synchronous calls, as koffi's are; the
 * calls bench has the async figures). Every task's results are compared
 * between the two before anything is timed.
 *
 * The goal (issue: C interop): no task needs more user code with Sidecar
 * than with koffi.
 */

import koffi from 'koffi';
import { Sidecar } from '../src/index.js';
import { grid, median } from './harness.js';
import type { BenchOptions } from './main.js';

type Run = () => unknown;
interface Task {
  name: string;
  koffi: () => Run;
  sidecar: (sc: Sidecar) => Promise<Run>;
  /** A result both must agree on (a derived value where the raw one differs by run, e.g. the time). */
  check?: (r: unknown) => unknown;
}

const LIBC = 'libc.so.6';
const BZ2 = 'libbz2.so.1.0';
const POINTS = Array.from({ length: 100 }, (_, k) => ({ x: (k * 37) % 100, y: k }));
const INTS = Array.from({ length: 1000 }, (_, k) => (k * 7919) % 1009);

const tasks: Task[] = [
  {
    name: 'a string in and out (getenv)',
    koffi: () => {
      const getenv = koffi.load(LIBC).func('const char *getenv(const char *)');
      return () => getenv('HOME');
    },
    sidecar: async (sc) => {
      const getenv = (await sc.library('c')).func('const char *getenv(const char *)');
      return () => getenv.sync('HOME');
    },
  },
  {
    name: 'a string the caller frees (strdup)',
    koffi: () => {
      koffi.disposable('HeapStr', 'str');
      const strdup = koffi.load(LIBC).func('HeapStr strdup(const char *)');
      return () => strdup('copied');
    },
    sidecar: async (sc) => {
      const strdup = (await sc.library('c')).func('char *strdup(const char *)', { free: true });
      return () => strdup.sync('copied');
    },
  },
  {
    name: 'a struct by value (div)',
    koffi: () => {
      koffi.struct('div_t', { quot: 'int', rem: 'int' });
      const div = koffi.load(LIBC).func('div_t div(int, int)');
      return () => div(17, 5);
    },
    sidecar: async (sc) => {
      const div = (await sc.library('c')).func('div_t div(int, int)');
      return () => div.sync(17, 5);
    },
  },
  {
    name: 'a struct out-parameter (gettimeofday)',
    koffi: () => {
      koffi.struct('timeval', { tv_sec: 'long', tv_usec: 'long' });
      const gettimeofday = koffi.load(LIBC).func('int gettimeofday(_Out_ timeval *, void *)');
      return () => {
        const tv = {};
        gettimeofday(tv, null);
        return tv;
      };
    },
    sidecar: async (sc) => {
      const gettimeofday = (await sc.library('c')).func('int gettimeofday(struct timeval *, void *)');
      return () => {
        const tv = {};
        gettimeofday.sync(tv, null);
        return tv;
      };
    },
    check: (tv) => Object.keys(tv as object).join(','),
  },
  {
    name: 'a callback (qsort of 1000 ints)',
    koffi: () => {
      koffi.proto('int Cmp(const void *, const void *)');
      const qsort = koffi.load(LIBC).func('void qsort(_Inout_ void *, size_t, size_t, Cmp *)');
      return () => {
        const a = Int32Array.from(INTS);
        qsort(a, a.length, 4, (x: unknown, y: unknown) => koffi.decode(x, 'int') - koffi.decode(y, 'int'));
        return [...a];
      };
    },
    sidecar: async (sc) => {
      const qsort = (await sc.library('c')).func(
        'void qsort(void *, size_t, size_t, int (*)(const int *, const int *))',
      );
      const a = sc.alloc('int32_t', INTS.length);
      return () => {
        a.set(INTS);
        qsort.sync(a, a.length, 4, (x: bigint, y: bigint) => sc.deref(x, 'int') - sc.deref(y, 'int'));
        return [...a];
      };
    },
  },
  {
    name: 'an array of structs (qsort of 100 points by x)',
    koffi: () => {
      const Point = koffi.struct('Point', { x: 'int', y: 'int' });
      koffi.proto('int PointCmp(const Point *, const Point *)');
      const qsort = koffi.load(LIBC).func('void qsort(_Inout_ Point *, size_t, size_t, PointCmp *)');
      return () => {
        const pts = koffi.alloc(Point, POINTS.length);
        koffi.encode(pts, koffi.array(Point, POINTS.length), POINTS);
        qsort(pts, POINTS.length, 8, (p: unknown, q: unknown) => koffi.decode(p, Point).x - koffi.decode(q, Point).x);
        return koffi.decode(pts, koffi.array(Point, POINTS.length));
      };
    },
    sidecar: async (sc) => {
      const Point = sc.struct('point', { x: 'int', y: 'int' });
      const qsort = (await sc.library('c')).func(
        'void qsort(void *, size_t, size_t, int (*)(const void *, const void *))',
      );
      const pts = sc.alloc(Point, POINTS.length);
      return () => {
        for (const [k, p] of POINTS.entries()) Point.write(pts, p, k);
        qsort.sync(
          pts,
          POINTS.length,
          Point.size,
          (p: bigint, q: bigint) => sc.deref(p, Point).x - sc.deref(q, Point).x,
        );
        return POINTS.map((_, k) => Point.read(pts, k));
      };
    },
  },
  {
    name: 'a variadic call (snprintf)',
    koffi: () => {
      const snprintf = koffi.load(LIBC).func('int snprintf(_Out_ char *, size_t, const char *, ...)');
      return () => {
        const buf = Buffer.alloc(64);
        snprintf(buf, 64, '%d-%s-%.2f', 'int', 42, 'str', 'x', 'double', 1.25);
        return buf.toString('utf8', 0, buf.indexOf(0));
      };
    },
    sidecar: async (sc) => {
      const snprintf = (await sc.library('c')).func(
        'int snprintf(char *, size_t, const char *, int, const char *, double)',
      );
      const buf = sc.alloc('uint8_t', 64);
      return () => {
        snprintf.sync(buf, 64, '%d-%s-%.2f', 42, 'x', 1.25);
        return sc.readCString(sc.address(buf));
      };
    },
  },
  {
    name: 'a library not in the known set (libbz2)',
    koffi: () => {
      const version = koffi.load(BZ2).func('const char *BZ2_bzlibVersion(void)');
      return () => version();
    },
    sidecar: async (sc) => {
      const version = (await sc.library(BZ2)).func('const char *BZ2_bzlibVersion(void)');
      return () => version.sync();
    },
  },
  {
    name: 'an error path (a string where a number goes)',
    koffi: () => {
      const abs = koffi.load(LIBC).func('int abs(int)');
      return () => {
        try {
          return abs('x' as unknown as number);
        } catch (e) {
          return (e as Error).constructor.name;
        }
      };
    },
    sidecar: async (sc) => {
      const abs = (await sc.library('c')).func('int abs(int)');
      return () => {
        try {
          return abs.sync('x' as unknown as number);
        } catch (e) {
          return (e as Error).constructor.name;
        }
      };
    },
  },
  {
    name: 'sqlite: open, bind a string, read a text column',
    koffi: () => {
      const lib = koffi.load('libsqlite3.so.0');
      koffi.opaque('sqlite3');
      koffi.opaque('stmt');
      const open = lib.func('int sqlite3_open(const char *, _Out_ sqlite3 **)');
      const prepare = lib.func('int sqlite3_prepare_v2(sqlite3 *, const char *, int, _Out_ stmt **, void *)');
      const bind = lib.func('int sqlite3_bind_text(stmt *, int, const char *, int, intptr_t)');
      const step = lib.func('int sqlite3_step(stmt *)');
      const column = lib.func('const char *sqlite3_column_text(stmt *, int)');
      const finalize = lib.func('int sqlite3_finalize(stmt *)');
      const db = [null];
      open(':memory:', db);
      return () => {
        const st = [null];
        prepare(db[0], "select ?1 || ' from sqlite'", -1, st, null);
        bind(st[0], 1, 'hello', -1, -1);
        step(st[0]);
        const text = column(st[0], 0);
        finalize(st[0]);
        return text;
      };
    },
    sidecar: async (sc) => {
      const sqlite = await sc.library('sqlite3');
      const open = sqlite.func('int sqlite3_open(const char *, void **)');
      const prepare = sqlite.func('int sqlite3_prepare_v2(void *, const char *, int, void **, void *)');
      const bind = sqlite.func('int sqlite3_bind_text(void *, int, const char *, int, intptr_t)');
      const step = sqlite.func('int sqlite3_step(void *)');
      const column = sqlite.func('const char *sqlite3_column_text(void *, int)');
      const finalize = sqlite.func('int sqlite3_finalize(void *)');
      const db = sc.alloc('uint64_t', 2);
      open.sync(':memory:', db);
      return () => {
        prepare.sync(db[0], "select ?1 || ' from sqlite'", -1, db.subarray(1), null);
        bind.sync(db[1], 1, 'hello', -1, -1n);
        step.sync(db[1]);
        const text = column.sync(db[1], 0);
        finalize.sync(db[1]);
        return text;
      };
    },
  },
];

/** Non-blank lines of a function's source, without its first and last line. */
function lines(fn: (...args: never[]) => unknown): number {
  const src = fn.toString().split('\n');
  return src.slice(1, -1).filter((l) => l.trim() !== '').length;
}

/** Median microseconds of one run, over `runs` samples of a batch of runs sized to ~20 ms. */
function time(run: Run, runs: number): number {
  let n = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < n; i++) run();
    if (performance.now() - t > 20 || n >= 1 << 16) break;
    n *= 2;
  }
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) run();
    out.push(((performance.now() - t) * 1000) / n);
  }
  return median(out);
}

const fmt = (us: number): string => (us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : us.toFixed(0));

export async function run(opts: BenchOptions): Promise<void> {
  const sc = await Sidecar.start({ memory: 8 << 20, allow: [BZ2] });
  const rows: string[][] = [];
  let moreCode = 0;
  try {
    for (const t of tasks) {
      const k = t.koffi();
      const s = await t.sidecar(sc);
      const check = t.check ?? ((r: unknown) => r);
      const kr = check(k());
      const sr = check(s());
      if (JSON.stringify(sr, bigintJson) !== JSON.stringify(kr, bigintJson))
        throw new Error(
          `${t.name}: Sidecar gave ${JSON.stringify(sr, bigintJson)}, koffi ${JSON.stringify(kr, bigintJson)}`,
        );
      const kl = lines(t.koffi);
      const sl = lines(t.sidecar);
      if (sl > kl) moreCode++;
      const ku = time(k, opts.runs);
      const su = time(s, opts.runs);
      rows.push([t.name, String(kl), String(sl), fmt(ku), fmt(su), (su / ku).toFixed(1)]);
    }
  } finally {
    await sc.stop();
  }
  process.stdout.write(
    grid(
      'C interop tasks, koffi (in process) and Sidecar; lines of user code, µs per run (medians)',
      ['task', 'koffi lines', 'Sidecar lines', 'koffi µs', 'Sidecar µs', 'Sidecar ÷ koffi'],
      rows,
    ),
  );
  process.stdout.write(`\ntasks where Sidecar needs more lines than koffi: ${moreCode} of ${tasks.length}\n`);
}

function bigintJson(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}
