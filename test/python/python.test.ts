/**
 * sc.python() in real sidecars with the system's libpython and NumPy:
 * values against JS, linear algebra against known results, NumPy arrays
 * over the region's bytes (both ways, and a 100 MB array with no copy),
 * Python exceptions, a crash, an interrupted loop, print output.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  kwargs,
  LibraryError,
  PyObject,
  PythonError,
  Sidecar,
  SidecarError,
  SidecarExitedError,
  TimeoutError,
} from '../../src/index.js';
import { Matrix } from '../../src/matrix/matrix.js';

function status(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1]) * 1024;
}

describe('python: values, calls, arrays', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 256 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  test('plain values come back as JS values; big ints as bigint', async () => {
    const py = await sc.python();
    assert.equal(await py.eval('6 * 7'), 42);
    assert.equal(await py.eval('2 ** 53'), 2 ** 53);
    assert.equal(await py.eval('2 ** 64 + 1'), 2n ** 64n + 1n);
    assert.equal(await py.eval('-(3 ** 40)'), -(3n ** 40n));
    assert.equal(await py.eval('1 / 4'), 0.25);
    assert.equal(await py.eval('"h\\u00e9llo " * 2'), 'héllo héllo ');
    assert.deepEqual(await py.eval('b"\\x00\\xffab"'), new Uint8Array([0, 255, 97, 98]));
    assert.deepEqual(await py.eval('[None, True, False, (1, 2.5), {"a": [1]}]'), [
      null,
      true,
      false,
      [1, 2.5],
      { a: [1] },
    ]);
    assert.deepEqual(
      await py.eval('{1: "x", (2, 3): None}'),
      new Map<unknown, unknown>([
        [1, 'x'],
        [[2, 3], null],
      ]),
    );
    assert.deepEqual(
      await py.eval('list(range(1000))'),
      Array.from({ length: 1000 }, (_, i) => i),
    );
  });

  test('JS values reach Python as the same values (echoed through a Python function)', async () => {
    const py = await sc.python();
    const echo = await py.fn('lambda x: x');
    const kinds = await py.fn('def kinds(x):\n    return [type(v).__name__ for v in x]');
    const v = [null, true, 7, -(2 ** 40), 2.5, 'ü', 2n ** 100n, new Uint8Array([1, 2]), [1, [2]], { k: 'v' }];
    assert.deepEqual(await echo(v), [
      null,
      true,
      7,
      -(2 ** 40),
      2.5,
      'ü',
      2n ** 100n,
      new Uint8Array([1, 2]),
      [1, [2]],
      { k: 'v' },
    ]);
    assert.deepEqual(await kinds(v), [
      'NoneType',
      'bool',
      'int',
      'int',
      'float',
      'str',
      'int',
      'bytes',
      'list',
      'dict',
    ]);
    const big = 'x'.repeat(200_000); // larger than the request buffer, both ways
    assert.equal(await echo(big), big);
    await assert.rejects(echo(Symbol('s')), TypeError);
  });

  test('objects without a JS value are PyObject handles; calls by dotted name, kwargs', async () => {
    const py = await sc.python();
    using np = await py.import('numpy');
    assert.ok(np instanceof PyObject);
    assert.equal(np.type, 'module');
    assert.match(await np.repr(), /module 'numpy'/);
    assert.equal(await np.get('pi'), Math.PI);
    assert.equal(await py.call('math.hypot', 3, 4), 5);
    assert.equal(await py.call('int', '0x1f', 0), 31);
    assert.equal(
      await py.call('sorted', [3, 1, 2], kwargs({ reverse: true })).then((x) => JSON.stringify(x)),
      '[3,2,1]',
    );
    await py.exec('class P:\n    def __init__(self, v): self.v = v\n    def twice(self): return 2 * self.v');
    const p = (await py.call('P', 21)) as PyObject;
    assert.equal(p.type, '__main__.P');
    assert.equal(await p.get('v'), 21);
    assert.equal(await p.callMethod('twice'), 42);
    p.release();
    await assert.rejects(p.get('v'), /released/);
  });

  test('numpy.linalg.solve on arrays over region memory, against a known solution', async () => {
    const py = await sc.python();
    const a = sc.alloc('double', 9);
    a.set([2, 1, -1, -3, -1, 2, -2, 1, 2]); // the classic system with solution (2, 3, -1)
    const b = sc.alloc('double', 3);
    b.set([8, -11, -3]);
    using A = await py.array(a, [3, 3]);
    using x = (await py.call('numpy.linalg.solve', A, b)) as PyObject;
    const xs = (await x.value()) as number[];
    for (const [i, want] of [2, 3, -1].entries()) assert.ok(Math.abs((xs[i] as number) - want) < 1e-12, `x[${i}]`);
  });

  test('a result written into a region array with out= (numpy.dot against a JS product)', async () => {
    const py = await sc.python();
    const n = 5;
    const a = sc.alloc('double', n * n);
    const b = sc.alloc('double', n * n);
    const c = sc.alloc('double', n * n);
    for (let i = 0; i < n * n; i++) {
      a[i] = Math.sin(i);
      b[i] = Math.cos(i * 0.7);
    }
    using A = await py.array(a, [n, n]);
    using B = await py.array(b, [n, n]);
    using C = await py.array(c, [n, n]);
    const r = (await py.call('numpy.dot', A, B, kwargs({ out: C }))) as PyObject;
    r.release();
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += (a[i * n + k] as number) * (b[k * n + j] as number);
        assert.ok(Math.abs((c[i * n + j] as number) - s) < 1e-12, `c[${i},${j}]`);
      }
    }
  });

  test('the bytes are shared both ways', async () => {
    const py = await sc.python();
    const v = sc.alloc('int32_t', 8);
    using arr = await py.array(v);
    await py.call('operator.setitem', arr, 3, 12345); // Python writes
    assert.equal(v[3], 12345);
    v[5] = -7; // the host writes
    assert.equal(await py.call('operator.getitem', arr, 5).then((x) => (x as number) + 0), -7);
    const f = sc.alloc('double', 4);
    f.set([1, 2, 3, 4]);
    await py.call('numpy.multiply', f, 10, kwargs({ out: f })); // a region array passed as is: a 1-D view
    assert.deepEqual([...f], [10, 20, 30, 40]);
  });

  test('a Matrix passes as a NumPy array over its bytes (strides of a transpose kept)', async () => {
    const py = await sc.python();
    const m = Matrix.fromArray(sc, 2, 3, [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(await py.call('_sidecar._value', m.T), [
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    assert.equal(await py.call('numpy.sum', m), 21);
  });

  test('a NumPy result becomes a Matrix in the region (a matrix, a vector as a column, float32 kept)', async () => {
    const py = await sc.python();
    const a = Matrix.from(sc, [
      [4, 1],
      [1, 3],
    ]);
    const inv = await py.toMatrix(await py.call('numpy.linalg.inv', a));
    // against the inverse by hand: 1/11 · [[3, -1], [-1, 4]]
    const want = [
      [3 / 11, -1 / 11],
      [-1 / 11, 4 / 11],
    ];
    inv.toArray().forEach((r, i) => {
      r.forEach((x, j) => {
        assert.ok(Math.abs(x - (want[i]?.[j] as number)) < 1e-15);
      });
    });
    assert.equal(inv.data.buffer, a.data.buffer); // in the same region
    const v = await py.toMatrix(await py.eval('__import__("numpy").array([1, 2, 3], dtype="float32")'));
    assert.deepEqual([v.rows, v.cols, v.type, v.toArray()], [3, 1, 'f32', [[1], [2], [3]]]);
    await assert.rejects(py.toMatrix(await py.eval('__import__("numpy").zeros((2, 2, 2))')), /two dimensions/);
  });

  test('a 100 MB array reaches NumPy with no copy (the sidecar does not grow by it)', async () => {
    const py = await sc.python();
    const n = (100 << 20) / 8;
    const big = sc.alloc('double', n);
    big.fill(1.5);
    big[n - 1] = 4;
    const anon0 = status(sc.pid, 'RssAnon');
    using arr = await py.array(big);
    assert.equal(await py.call('numpy.sum', arr), 1.5 * (n - 1) + 4);
    await py.call('numpy.multiply', arr, 2, kwargs({ out: arr }));
    assert.equal(big[0], 3);
    assert.equal(big[n - 1], 8);
    const grown = status(sc.pid, 'RssAnon') - anon0;
    assert.ok(grown < 20 << 20, `the sidecar's private memory grew by ${grown} bytes`);
    sc.free(big);
  });

  test('print output: exec resolves to it, onOutput streams it, an error keeps it', async () => {
    const py = await sc.python();
    assert.equal(await py.exec('for i in range(3):\n    print("line", i)'), 'line 0\nline 1\nline 2\n');
    const seen: string[] = [];
    assert.equal(await py.eval('print("side") or 5', { onOutput: (t) => seen.push(t) }), 5);
    assert.equal(seen.join(''), 'side\n');
    const err = await py.exec('print("before")\nraise ValueError("bad")').catch((e) => e);
    assert.ok(err instanceof PythonError);
    assert.equal(err.output, 'before\n');
  });

  test('a Python exception is a PythonError and the interpreter goes on', async () => {
    const py = await sc.python();
    await py.exec('kept = 99');
    const err = await py.eval('1 / 0').catch((e) => e);
    assert.ok(err instanceof PythonError);
    assert.equal(err.type, 'ZeroDivisionError');
    assert.equal(err.message, 'division by zero');
    assert.match(err.traceback, /line 1[\s\S]*ZeroDivisionError: division by zero/);
    const syntax = await py.exec('def (').catch((e) => e);
    assert.equal(syntax.type, 'SyntaxError');
    const missing = await py.import('no_such_module_here').catch((e) => e);
    assert.equal(missing.type, 'ModuleNotFoundError');
    assert.equal(await py.eval('kept'), 99);
  });

  test('requests run on the thread that initialised Python (its main thread)', async () => {
    const py = await sc.python();
    assert.equal(
      await py.eval('__import__("threading").current_thread() is __import__("threading").main_thread()'),
      true,
    );
  });
});

describe('python: crash, deadline, missing library', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ stdio: 'ignore' });
  });
  after(async () => {
    await sc.stop();
  });

  test('a deadline interrupts `while True: pass`; the interpreter and its state are kept', async () => {
    const py = await sc.python();
    await py.exec('state = "kept"');
    const pid = sc.pid;
    const err = await py.exec('while True: pass', { timeoutMs: 200 }).catch((e) => e);
    assert.ok(err instanceof TimeoutError, String(err));
    assert.match(err.message, /KeyboardInterrupt/);
    assert.ok(err.cause instanceof PythonError);
    assert.equal(sc.pid, pid, 'the same sidecar process');
    assert.equal(await py.eval('state'), 'kept');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const aborted = await py.exec('while True: pass', { signal: ac.signal }).catch((e) => e);
    assert.equal(aborted.name, 'AbortError');
    assert.equal(await py.eval('state'), 'kept');
  });

  test('a crash in Python is the sidecar exiting; after restart() Python starts afresh', async () => {
    const py = await sc.python();
    await py.exec('before_crash = 1');
    const handle = (await py.eval('object()')) as PyObject;
    const buf = sc.alloc('double', 2);
    buf[0] = 3.25;
    const err = await py.exec('import ctypes\nctypes.string_at(0)').catch((e) => e);
    assert.ok(err instanceof SidecarExitedError, String(err));
    assert.equal(err.signal, 'SIGSEGV');
    await sc.restart();
    assert.equal(buf[0], 3.25, "the region's buffers are kept");
    const gone = (await py.eval('before_crash').catch((e) => e)) as PythonError;
    assert.equal(gone.type, 'NameError');
    await assert.rejects(handle.repr(), SidecarError);
    assert.equal(await py.call('math.sqrt', 2), Math.SQRT2);
  });

  test('no libpython: a LibraryError naming the Debian package', async () => {
    const other = await Sidecar.start({ allow: ['libpython0.0-missing.so.1.0'], stdio: 'ignore' });
    try {
      const err = await other.python({ library: 'libpython0.0-missing.so.1.0' }).catch((e) => e);
      assert.ok(err instanceof LibraryError, String(err));
      assert.match(err.message, /libpython3\.11/);
      assert.match(err.message, /libpython0\.0-missing/);
    } finally {
      await other.stop();
    }
  });
});

describe('python: in a jailed sidecar', () => {
  test('the interpreter and NumPy load and run; a file outside the jail is refused', async () => {
    const sc = await Sidecar.start({ jail: { bestEffort: true }, stdio: 'ignore' });
    try {
      const py = await sc.python();
      assert.equal(await py.call('numpy.sum', [1, 2, 3]), 6);
      if (sc.jail?.landlock) {
        const err = (await py.exec('open("/etc/passwd").read()').catch((e) => e)) as PythonError;
        assert.equal(err.type, 'PermissionError');
      }
    } finally {
      await sc.stop();
    }
  });

  test('jail.python starts the interpreter and the listed imports before the filter', async () => {
    const sc = await Sidecar.start({
      jail: { bestEffort: true, python: { imports: ['numpy', 'json'] } },
      stdio: 'ignore',
    });
    try {
      const py = await sc.python();
      // Imported while the jail was set up: in sys.modules before anything here imported them.
      assert.deepEqual(await py.eval('[m in __import__("sys").modules for m in ("numpy", "json", "decimal")]'), [
        true,
        true,
        false,
      ]);
      assert.equal(
        await py.eval('__import__("threading").current_thread() is __import__("threading").main_thread()'),
        true,
      );
      assert.equal(await py.call('numpy.sum', [4, 5, 6]), 15);
      if (sc.jail?.landlock) {
        const err = (await py.exec('open("/etc/passwd").read()').catch((e) => e)) as PythonError;
        assert.equal(err.type, 'PermissionError');
      }
    } finally {
      await sc.stop();
    }
    await assert.rejects(
      Sidecar.start({ jail: { bestEffort: true, python: { imports: ['no_such_module_here'] } }, stdio: 'ignore' }),
      /jail.python: importing no_such_module_here failed/,
    );
    await assert.rejects(Sidecar.start({ jail: { python: { imports: ['os; import x'] } } }), /module names/);
  });
});
