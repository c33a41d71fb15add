/**
 * sc.python() side by side with the usual ways from Node, in one run:
 * - the round trip of a trivial Python function (and of a C no-op, the
 *   channel's own floor);
 * - numpy.dot on 2048×2048 through the sidecar (arrays over the region)
 *   against the same in a python3 process, timed inside it;
 * - moving a 100 MB array to NumPy and back: Sidecar (a NumPy array over the
 *   region's bytes) against a child python3 fed through a pipe (100 MB in,
 *   100 MB out), with no operation and with `a += 1`;
 * - a pure-Python loop twice: on one sidecar, on a Pool of 2 (one
 *   interpreter each, no shared GIL).
 * The python3 of the comparison is the one that matches the sidecar's
 * libpython (/usr/bin/python3.X), with the same NumPy.
 */

import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { Pool } from '../src/host/pool.js';
import { kwargs, type PyObject, Sidecar } from '../src/index.js';
import { median, type Row, table } from './harness.js';
import type { BenchOptions } from './main.js';

async function times(runs: number, f: () => Promise<unknown>, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await f();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

/** A python3 that runs `script` and prints one JSON line of timings (ms). */
function pythonTimes(exe: string, script: string): number[] {
  const r = spawnSync(exe, ['-c', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${exe} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as number[];
}

/** A persistent python3 that reads n bytes, optionally adds 1 to them as float64, and writes them back, per line. */
function pipeChild(exe: string): ChildProcessWithoutNullStreams {
  const script = `
import sys, numpy as np
inp, out = sys.stdin.buffer, sys.stdout.buffer
while True:
    head = inp.readline()
    if not head: break
    n, op = map(int, head.split())
    buf = bytearray(n); view = memoryview(buf); got = 0
    while got < n: got += inp.readinto(view[got:])
    a = np.frombuffer(buf, dtype=np.float64)
    if op: a += 1
    out.write(buf); out.flush()
`;
  return spawn(exe, ['-c', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  }) as unknown as ChildProcessWithoutNullStreams;
}

function throughPipe(child: ChildProcessWithoutNullStreams, data: Float64Array, op: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const n = data.byteLength;
    const chunks: Buffer[] = [];
    let got = 0;
    const onData = (d: Buffer) => {
      chunks.push(d);
      got += d.length;
      if (got >= n) {
        child.stdout.off('data', onData);
        resolve(Buffer.concat(chunks, n));
      }
    };
    child.stdout.on('data', onData);
    child.stdin.write(`${n} ${op}\n`);
    child.stdin.write(Buffer.from(data.buffer, data.byteOffset, n));
  });
}

/**
 * The usual in-process bridge, where it is installed (it is not a
 * dependency: it builds a native addon with node-gyp): Python inside Node's
 * own process, typed arrays crossing as `bytes` (copied both ways).
 */
async function bridge(big: Float64Array, runs: number, N: number): Promise<{ big: Row[]; rt: Row[] } | null> {
  const spec = 'node-calls-python';
  let py: {
    importSync(file: string): unknown;
    callSync(m: unknown, f: string, ...a: unknown[]): unknown;
    call(m: unknown, f: string, ...a: unknown[]): Promise<unknown>;
  };
  try {
    py = ((await import(spec)) as { interpreter: typeof py }).interpreter;
  } catch {
    return null;
  }
  const dir = fs.mkdtempSync(`${os.tmpdir()}/sidecar-bridge-`);
  const file = `${dir}/bench_bridge.py`;
  fs.writeFileSync(
    file,
    'import numpy\ndef add(a, b):\n    return a + b\ndef echo(b, k):\n    a = numpy.frombuffer(b, dtype=numpy.float64).copy()\n    if k: a += k\n    return a.tobytes()\n',
  );
  try {
    const m = py.importSync(file);
    const back = (k: number) => {
      const r = py.callSync(m, 'echo', big, k) as ArrayBuffer;
      big.set(new Float64Array(r));
    };
    return {
      big: [
        { name: 'node-calls-python: bytes to NumPy and back', ms: await times(runs, async () => back(0)) },
        { name: 'node-calls-python: ... and a += 1', ms: await times(runs, async () => back(1)) },
      ],
      rt: [
        {
          name: 'node-calls-python add(1, 2), sync',
          ms: await times(runs, async () => {
            for (let i = 0; i < N; i++) py.callSync(m, 'add', 1, 2);
          }),
          work: N,
        },
        {
          name: 'node-calls-python add(1, 2), awaited',
          ms: await times(runs, async () => {
            for (let i = 0; i < N; i++) await py.call(m, 'add', 1, 2);
          }),
          work: N,
        },
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(opts: BenchOptions): Promise<void> {
  const runs = opts.runs;
  const sc = await Sidecar.start({ memory: 512 << 20, timeoutMs: 120_000 });
  const py = await sc.python();
  const versions = await py.versions();
  const minor = /^(\d+\.\d+)/.exec(versions.python)?.[1] ?? '3';
  const exe = fs.existsSync(`/usr/bin/python${minor}`) ? `/usr/bin/python${minor}` : 'python3';
  process.stdout.write(
    `sidecar: ${py.soname}, Python ${versions.python.split(' ')[0]}, NumPy ${versions.numpy}; python3: ${exe}\n\n`,
  );

  // Round trips.
  const N = 2000;
  const f = await py.fn('def f():\n    return None');
  const add = await py.fn('def add(a, b):\n    return a + b');
  const getpid = (await sc.library('c')).func('getpid');
  const rt: Row[] = [
    {
      name: 'C getpid(), awaited (the channel)',
      ms: await times(runs, async () => {
        for (let i = 0; i < N; i++) await getpid();
      }),
      work: N,
    },
    {
      name: 'Python f(), awaited',
      ms: await times(runs, async () => {
        for (let i = 0; i < N; i++) await f();
      }),
      work: N,
    },
    {
      name: 'Python add(1, 2), awaited',
      ms: await times(runs, async () => {
        for (let i = 0; i < N; i++) await add(1, 2);
      }),
      work: N,
    },
    {
      name: 'Python add(1, 2), 2000 in flight',
      ms: await times(runs, () => Promise.all(Array.from({ length: N }, () => add(1, 2)))),
      work: N,
    },
  ];
  process.stdout.write(table(`round trip (${N} calls per run)`, rt, { unit: 'call', baseline: 'Python f(), awaited' }));
  for (const r of rt) process.stdout.write(`  ${r.name}: ${((median(r.ms) * 1000) / N).toFixed(1)} µs per call\n`);
  process.stdout.write('\n');

  // numpy.dot 2048×2048.
  const n = 2048;
  const a = sc.alloc('double', n * n);
  const b = sc.alloc('double', n * n);
  const c = sc.alloc('double', n * n);
  for (let i = 0; i < n * n; i++) {
    a[i] = ((i * 7) % 13) / 13;
    b[i] = ((i * 5) % 11) / 11;
  }
  const A = await py.array(a, [n, n]);
  const B = await py.array(b, [n, n]);
  const C = await py.array(c, [n, n]);
  const dotSidecar = await times(runs, async () =>
    ((await py.call('numpy.dot', A, B, kwargs({ out: C }))) as PyObject).release(),
  );
  const dotChild = pythonTimes(
    exe,
    `import numpy as np, time, json
n=${n}; a=np.random.rand(n,n); b=np.random.rand(n,n); c=np.empty((n,n)); np.dot(a,b,out=c)
t=[]
for _ in range(${runs}):
    s=time.perf_counter(); np.dot(a,b,out=c); t.append((time.perf_counter()-s)*1000)
print(json.dumps(t))`,
  );
  process.stdout.write(
    table(
      `numpy.dot ${n}×${n} (float64)`,
      [
        { name: 'Sidecar py.call(numpy.dot, A, B, out=C)', ms: dotSidecar, work: 2 * n ** 3 },
        { name: 'python3 itself (timed inside)', ms: dotChild, work: 2 * n ** 3 },
      ],
      { unit: 'flop', baseline: 'python3 itself (timed inside)' },
    ),
  );
  process.stdout.write('\n');
  for (const h of [A, B, C]) h.release();
  sc.free(a);
  sc.free(b);
  sc.free(c);

  // 100 MB to NumPy and back.
  const count = (100 << 20) / 8;
  const big = sc.alloc('double', count);
  big.fill(1);
  const child = pipeChild(exe);
  const noCopy = await times(runs, async () => {
    using arr = await py.array(big);
    await py.call('len', arr);
  });
  const noCopyAdd = await times(runs, async () => {
    using arr = await py.array(big);
    ((await py.call('numpy.add', arr, 1, kwargs({ out: arr }))) as PyObject).release();
  });
  const pipe = await times(runs, () => throughPipe(child, big, 0));
  const pipeAdd = await times(runs, async () => {
    const r = await throughPipe(child, big, 1);
    big.set(new Float64Array(r.buffer, r.byteOffset, count));
  });
  child.stdin.end();
  process.stdout.write(
    table('a 100 MB float64 array to NumPy and back', [
      { name: 'Sidecar: NumPy array over the region', ms: noCopy },
      { name: 'child python3 through a pipe', ms: pipe },
      { name: 'Sidecar: ... and a += 1 in place', ms: noCopyAdd },
      { name: 'child python3: ... and a += 1', ms: pipeAdd },
    ]),
  );
  const bridgeRows = await bridge(big, runs, N);
  if (bridgeRows) {
    process.stdout.write(
      table('the same through node-calls-python (in the host process; arrays as bytes, copied)', bridgeRows.big),
    );
    process.stdout.write(
      table(`round trip through node-calls-python (${N} calls per run)`, bridgeRows.rt, { unit: 'call' }),
    );
  } else
    process.stdout.write(
      '  (node-calls-python is not installed: npm install --no-save node-calls-python to compare)\n',
    );
  process.stdout.write('\n');
  sc.free(big);
  await sc.stop();

  // A pure-Python loop, twice: one sidecar against a Pool of 2.
  const loop = 'def spin(n):\n    s = 0\n    for i in range(n):\n        s += i * i\n    return s';
  const iters = 3_000_000;
  const one = await Sidecar.start();
  const p1 = await one.python();
  const spin1 = await p1.fn(loop);
  const single = await times(runs, async () => {
    await spin1(iters);
    await spin1(iters);
  });
  await one.stop();
  const pool = await Pool.start({ size: 2 });
  const spins = await pool.each(async (m) => (await m.python()).fn(loop));
  const pooled = await times(runs, () => Promise.all(spins.map((s) => s(iters))));
  await pool.stop();
  process.stdout.write(
    table(
      `a pure-Python loop (${iters} iterations) twice`,
      [
        { name: 'one sidecar, one after the other', ms: single, work: 2 },
        { name: 'Pool of 2, one on each member', ms: pooled, work: 2 },
      ],
      { baseline: 'one sidecar, one after the other' },
    ),
  );
}
