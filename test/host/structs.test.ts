/**
 * Structs and unions by value, and behind pointers as plain objects,
 * against gcc: a shared library compiled in the test from the table of
 * test/abi/structs.ts makes, checks and echoes a value of each type, and
 * takes two of them after five integers (so they go to the stack when
 * the registers run out). Every leaf of every value has its own value, so
 * a byte in the wrong place shows. Also libc's own structs (div_t, struct
 * timeval) and the TypeErrors of bad struct values.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CType, Layout } from '../../src/abi/index.js';
import { Sidecar } from '../../src/index.js';
import { gccMissing } from '../abi/gcc.js';
import { cText, STRUCTS } from '../abi/structs.js';
import { tmpDir } from '../support/tmp.js';

interface Case {
  readonly k: number;
  readonly ctype: string;
  readonly layout: Layout;
  readonly value: Record<string, unknown>;
  readonly assign: string[];
  readonly check: string[];
}

const isChar = (t: CType): boolean => (t.kind === 'i8' || t.kind === 'u8') && /\bchar\b/.test(t.name);

/** Walks a layout as the test fills it: C assignments, C checks and the JavaScript value, leaf by leaf. */
function fill(
  layout: Layout,
  expr: string,
  counter: { i: number },
  c: { assign: string[]; check: string[] },
): Record<string, unknown> | null {
  const obj: Record<string, unknown> = {};
  const fields = layout.kind === 'union' ? layout.fields.slice(0, 1) : layout.fields;
  for (const f of fields) {
    if (f.count === 0 || f.type.kind === 'f80') return null;
    const one = (e: string): unknown => {
      if (f.type.layout) return fill(f.type.layout, e, counter, c);
      return leaf(f.type, e, counter.i++, c);
    };
    if (f.dims.length === 0) {
      const v = one(`${expr}.${f.name}`);
      if (v === null) return null;
      obj[f.name] = v;
      continue;
    }
    const items: unknown[] = [];
    for (let k = 0; k < f.count; k++) {
      let rest = k;
      const idx: number[] = [];
      for (let d = f.dims.length - 1; d >= 0; d--) {
        idx.unshift(rest % (f.dims[d] as number));
        rest = Math.floor(rest / (f.dims[d] as number));
      }
      const v = one(`${expr}.${f.name}${idx.map((x) => `[${x}]`).join('')}`);
      if (v === null) return null;
      items.push(v);
    }
    obj[f.name] = isChar(f.type) ? String.fromCharCode(...(items as number[])) : items;
  }
  return obj;
}

function leaf(t: CType, e: string, i: number, c: { assign: string[]; check: string[] }): unknown {
  let cv: string;
  let js: unknown;
  if (isChar(t)) {
    js = 97 + (i % 26);
    cv = String(js);
  } else if (t.kind === 'bool') {
    js = i % 2 === 0;
    cv = js ? '1' : '0';
  } else if (t.kind === 'f32' || t.kind === 'f64') {
    js = (i + 1) * (t.kind === 'f32' ? 0.5 : 0.25);
    cv = String(js);
  } else if (t.kind === 'i64' || t.kind === 'u64') {
    js = t.kind === 'i64' ? -BigInt(i + 1) * 1000000007n : BigInt(i + 1) * 1000000007n;
    cv = `${js}LL`;
  } else if (t.kind === 'ptr' || t.kind === 'cstr') {
    js = BigInt(i + 1) * 4096n;
    cv = `(__typeof__(${e}))(unsigned long)${js}UL`;
  } else {
    js = t.signed ? -(i + 1) : i + 101;
    cv = String(js);
  }
  c.assign.push(`${e} = ${cv};`);
  c.check.push(`if (!(${e} == ${cv})) return ${100 + i};`);
  return js;
}

function cases(sc: Sidecar): Case[] {
  const out: Case[] = [];
  STRUCTS.forEach((s, k) => {
    const t = sc.struct(s.decl, undefined, {
      ...(s.packed ? { packed: true } : {}),
      ...(s.pack ? { pack: s.pack } : {}),
    });
    const c = { assign: [] as string[], check: [] as string[] };
    const value = fill(t.layout, 'v', { i: 0 }, c);
    if (value === null) return; // a flexible array or a long double: not passed by value here
    // Members sharing bytes (an anonymous union inside a struct) cannot each have their own value.
    if (t.layout.kind === 'struct' && hasOverlap(t.layout)) return;
    out.push({ k, ctype: t.name, layout: t.layout, value, ...c });
  });
  return out;
}

function hasOverlap(l: Layout): boolean {
  const offs = l.fields.map((f) => f.offset);
  return new Set(offs).size !== offs.length;
}

function library(all: readonly Case[]): string {
  const dir = tmpDir('sidecar-structs-');
  const src = [
    '#include <string.h>',
    ...STRUCTS.map(cText),
    ...all.flatMap(({ k, ctype, assign, check }) => [
      `${ctype} make_${k}(void) { ${ctype} v; memset(&v, 0, sizeof v); ${assign.join(' ')} return v; }`,
      `int check_${k}(${ctype} v) { ${check.join(' ')} return 1; }`,
      `${ctype} echo_${k}(${ctype} v) { return v; }`,
      `long many_${k}(long a, long b, long c, long d, long e, ${ctype} v, double x, ${ctype} w) {`,
      `  if (a != 1 || b != 2 || c != 3 || d != 4 || e != 5 || x != 2.5) return -1;`,
      `  return check_${k}(v) * 10 + check_${k}(w); }`,
      `void out_${k}(${ctype} *p) { *p = make_${k}(); }`,
      `long size_${k}(void) { return sizeof(${ctype}); }`,
    ]),
  ].join('\n');
  writeFileSync(join(dir, 'structs.c'), src);
  const so = join(dir, 'libstructs.so');
  const r = spawnSync('gcc', ['-O2', '-shared', '-fPIC', '-o', so, join(dir, 'structs.c')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gcc failed:\n${r.stderr}`);
  return so;
}

/** The first member of a union (the one the test fills); a struct as it is. */
function comparable(layout: Layout, v: Record<string, unknown>): Record<string, unknown> {
  if (layout.kind !== 'union') return v;
  const f = layout.fields[0]?.name as string;
  return { [f]: v[f] };
}

describe('structs by value against gcc', { skip: gccMissing }, () => {
  let sc: Sidecar;
  let all: Case[];
  let so: string;
  before(async () => {
    // The library is built first: the sidecar must be allowed to load its path.
    const probe = await Sidecar.start({ memory: 2 << 20 });
    all = cases(probe);
    await probe.stop();
    so = library(all);
    sc = await Sidecar.start({ memory: 8 << 20, allow: [so] });
    cases(sc);
  });
  after(async () => {
    await sc?.stop();
  });

  test('each struct: the same size as gcc, made in C and read in JS, written in JS and checked in C, echoed, on the stack, out through a pointer', async (t) => {
    const lib = await sc.library(so);
    const wrong: string[] = [];
    for (const c of all) {
      const T = c.ctype;
      const size = await lib.func(`long size_${c.k}(void)`)();
      if (size !== BigInt(c.layout.size)) wrong.push(`${T}: sizeof ${size}, layout ${c.layout.size}`);
      try {
        const made = (await lib.func(`${T} make_${c.k}(void)`)()) as Record<string, unknown>;
        assert.deepEqual(comparable(c.layout, made), c.value, `${T} make`);
        assert.equal(await lib.func(`int check_${c.k}(${T})`)(c.value), 1, `${T} check`);
        const echoed = (await lib.func(`${T} echo_${c.k}(${T})`)(c.value)) as Record<string, unknown>;
        assert.deepEqual(comparable(c.layout, echoed), c.value, `${T} echo`);
        const many = lib.func(`long many_${c.k}(long, long, long, long, long, ${T}, double, ${T})`);
        assert.equal(many.sync(1, 2, 3, 4, 5, c.value, 2.5, c.value), 11n, `${T} many`);
        const box: Record<string, unknown> = {};
        await lib.func(`void out_${c.k}(${T} *)`)(box);
        assert.deepEqual(comparable(c.layout, box), c.value, `${T} out`);
        const arr = sc.alloc(sc.struct(T), 2);
        sc.struct(T).write(arr, c.value, 1);
        assert.deepEqual(
          comparable(c.layout, sc.struct(T).read(arr, 1)),
          c.value,
          `${T} read back from a region array`,
        );
        sc.free(arr);
      } catch (e) {
        wrong.push(`${T}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    assert.deepEqual(wrong, []);
    t.diagnostic(`${all.length} struct and union types`);
    assert.ok(all.length >= 30);
  });
});

describe('libc structs', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 2 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  test('div and ldiv return their structs; gettimeofday fills an object', async () => {
    const c = await sc.library('c');
    assert.deepEqual(await c.func('div_t div(int, int)')(17, 5), { quot: 3, rem: 2 });
    assert.deepEqual(c.func('div_t div(int, int)').sync(-17, 5), { quot: -3, rem: -2 });
    assert.deepEqual(await c.func('ldiv_t ldiv(long, long)')(10n ** 12n, 7n), { quot: 142857142857n, rem: 1n });
    assert.deepEqual(await c.func('lldiv_t lldiv(long long, long long)')(-9n, 4n), { quot: -2n, rem: -1n });
    const tv: Record<string, unknown> = {};
    const before = Date.now();
    assert.equal(await c.func('int gettimeofday(struct timeval *, void *)')(tv, null), 0);
    const ms = Number(tv.tv_sec) * 1000 + Number(tv.tv_usec) / 1000;
    assert.ok(Math.abs(ms - before) < 60_000, `gettimeofday said ${ms}, Date.now ${before}`);
    // A struct given by its declaration, used by name in a prototype.
    sc.struct('struct pt { double x, y; }');
    assert.equal(sc.struct('pt').size, 16);
  });

  test('bad struct values are TypeErrors naming the field; nothing reaches the sidecar', async () => {
    const c = await sc.library('c');
    sc.struct('struct pair { int a; int b; }');
    const f = c.func('int abs(int)');
    const g = (await sc.load(new Uint8Array([0x89, 0xf8, 0xc3]), 'int first(struct pair)')) as (
      ...a: unknown[]
    ) => Promise<unknown>;
    assert.equal(await g({ a: 7, b: 9 }), 7); // mov eax, edi: the first eightbyte's low half
    await assert.rejects(g({ a: 'x' }), /argument 1 \(struct pair\)\.a \(int\) must be an integer/);
    await assert.rejects(g({ c: 1 }), /\(struct pair\) has no field 'c'/);
    await assert.rejects(g(5), /must be an object/);
    assert.throws(() => c.func('struct nosuch f(int)'), /needs its layout|without its layout/);
    assert.equal(await f(-3), 3);
  });
});
