/**
 * Malformed C prototypes and argument lists, 10,000 of them (seeded;
 * SIDECAR_PROTO_FUZZ sets how many): each is a TypeError (a malformed
 * prototype or a bad argument, before anything is sent), a LibraryError (no such
 * symbol), or a call that runs; a call given a wild pointer may crash the
 * sidecar, which must then be a SidecarExitedError and come back. Values a
 * C type cannot hold are errors, never wrapped.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LibraryError, Sidecar, SidecarExitedError, TimeoutError } from '../../src/index.js';
import { rng } from '../support/corpus.js';

const VALID = [
  'int abs(int x)',
  'long labs(long x)',
  'double cos(double x)',
  'double hypot(double x, double y)',
  'float fabsf(float x)',
  'size_t strlen(const char *s)',
  'int toupper(int c)',
  'unsigned short htons(unsigned short x)',
  'long long llabs(long long x)',
  'double ldexp(double x, int e)',
  'int atoi(const char *s)',
];
const TOKENS = [
  'int',
  'long',
  'char',
  '*',
  '(',
  ')',
  ',',
  'const',
  'unsigned',
  'struct',
  'void',
  '...',
  '[',
  ']',
  ';',
  'double',
  '_Bool',
  'x',
  '9',
  '"',
  '\0',
  ' ',
  'int8_t',
  'uint64_t',
  '{',
  '}',
  '->',
  'float',
];
const VALUES: unknown[] = [
  0,
  1,
  -1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  0n,
  -1n,
  2n ** 64n,
  2n ** 63n,
  'x',
  '',
  'a\0b',
  null,
  undefined,
  true,
  {},
  [],
  () => 0,
  Symbol('s'),
  new Float64Array(1),
  'ab',
];

test('malformed prototypes and argument lists: typed errors, never a host crash', async () => {
  const count = Number(process.env.SIDECAR_PROTO_FUZZ ?? 10000);
  const r = rng(4242);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  await using sc = await Sidecar.start({ memory: 4 << 20, stdio: 'ignore', timeoutMs: 2000 });
  const libs = [await sc.library('c'), await sc.library('m')];
  const seen: Record<string, number> = {};
  for (let n = 0; n < count; n++) {
    let p = pick(VALID);
    const edits = 1 + Math.floor(r() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(r() * (p.length + 1));
      const what = r();
      if (what < 0.4) p = p.slice(0, at) + pick(TOKENS) + p.slice(at);
      else if (what < 0.7) p = p.slice(0, at) + p.slice(at + 1 + Math.floor(r() * 4));
      else p = p.slice(0, at) + pick(TOKENS) + p.slice(at + 1);
    }
    let f: ReturnType<(typeof libs)[number]['func']>;
    try {
      f = pick(libs).func(p);
    } catch (e) {
      assert.ok(e instanceof TypeError, `prototype ${JSON.stringify(p)}: ${e}`);
      seen.malformed = (seen.malformed ?? 0) + 1;
      continue;
    }
    const arity = f.signature.params.length;
    for (let c = 0; c < 2; c++) {
      const len = r() < 0.7 ? arity : Math.floor(r() * 4);
      const args = Array.from({ length: len }, () => (r() < 0.3 ? Math.floor(r() * 200) - 100 : pick(VALUES)));
      try {
        await f(...args);
        seen.ran = (seen.ran ?? 0) + 1;
      } catch (e) {
        const ok =
          e instanceof TypeError ||
          e instanceof LibraryError ||
          e instanceof SidecarExitedError ||
          e instanceof TimeoutError;
        assert.ok(ok, `${p} with ${args.map(String)}: ${e}`);
        const kind = (e as Error).name;
        seen[kind] = (seen[kind] ?? 0) + 1;
        if (!sc.running) await sc.restart();
      }
    }
  }
  assert.equal(await sc.ping(9n), 9n); // still answering
  assert.ok((seen.malformed ?? 0) > 0 && (seen.ran ?? 0) > 0 && (seen.TypeError ?? 0) > 0, JSON.stringify(seen));
});

test('no silent coercion: a value the C type cannot hold is a TypeError', async () => {
  await using sc = await Sidecar.start({ memory: 4 << 20 });
  const c = await sc.library('c');
  const cases: [string, unknown][] = [
    ['int abs(int x)', 2 ** 31],
    ['int abs(int x)', -(2 ** 31) - 1],
    ['int abs(int x)', 1.5],
    ['int abs(int x)', '7'],
    ['int abs(int x)', 7n],
    ['unsigned short htons(unsigned short x)', 65536],
    ['unsigned short htons(unsigned short x)', -1],
    ['long labs(long x)', 2 ** 53],
    ['long labs(long x)', 2n ** 63n],
    ['double fabs(double x)', 1n],
    ['double fabs(double x)', '1'],
    ['int isalpha(int c)', true],
    ['size_t strlen(const char *s)', 5],
  ];
  for (const [proto, v] of cases) {
    const f = c.func(proto);
    const args = f.signature.params.map((_, k) => (k === 0 ? v : k === 1 ? null : 10));
    await assert.rejects(f(...args), TypeError, `${proto} with ${String(v)}`);
  }
  assert.equal(await c.func('int abs(int x)')(-(2 ** 31) + 1), 2 ** 31 - 1);
});
