/**
 * Struct and union layout against gcc: for every struct of the table, the
 * size, the alignment, and each member's offset and size (nested members and
 * array elements by their C path) as a C program compiled in the test prints
 * them with sizeof, _Alignof and offsetof. Then the object form against the
 * C form, and the declarations that are not valid C or cannot be laid out.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type Layout,
  LayoutError,
  layoutKey,
  leaves,
  parseLayout,
  structLayout,
  structRegistry,
  unionLayout,
} from '../../src/abi/index.js';
import { compileAndRun, gccErrors, gccMissing } from './gcc.js';
import { cText, parseAll, STRUCTS } from './structs.js';

/** What to ask C about a layout: `name → [C expression, our value]`. */
function questions(l: Layout): [string, string, number][] {
  const t = l.name;
  const out: [string, string, number][] = [
    [`${t} size`, `sizeof(${t})`, l.size],
    [`${t} align`, `_Alignof(${t})`, l.align],
  ];
  const walk = (fields: Layout['fields'], path: string, base: number) => {
    for (const f of fields) {
      const p = `${path}${f.name}`;
      out.push([`${t} ${p} offset`, `offsetof(${t}, ${p})`, base + f.offset]);
      if (f.dims[0] !== 0) out.push([`${t} ${p} size`, `sizeof(((${t} *)0)->${p})`, f.size]);
      const index = f.dims.map(() => '[0]').join('');
      out.push([`${t} ${p} element size`, `sizeof(((${t} *)0)->${p}${index})`, f.type.size]);
      if (f.type.layout) {
        walk(f.type.layout.fields, `${p}${index}.`, base + f.offset);
        if (f.count > 1) {
          const last = f.dims.map((d) => `[${d - 1}]`).join('');
          walk(f.type.layout.fields, `${p}${last}.`, base + f.offset + (f.count - 1) * f.type.size);
        }
      }
    }
  };
  walk(l.fields, '', 0);
  return out;
}

describe('struct layout compared with gcc', { skip: gccMissing }, () => {
  test(`${STRUCTS.length} structs and unions: sizeof, _Alignof and offsetof of every member`, () => {
    const { layouts } = parseAll();
    const qs = layouts.flatMap(questions);
    const program = [
      '#include <stddef.h>',
      '#include <stdio.h>',
      ...STRUCTS.map(cText),
      'int main(void) {',
      ...qs.map(([key, expr]) => `  printf("%s=%zu\\n", ${JSON.stringify(key)}, (size_t)(${expr}));`),
      '  return 0;',
      '}',
    ].join('\n');
    const c = new Map(
      compileAndRun(program, ['-O0'])
        .trim()
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    );
    const diffs = qs
      .filter(([key, , ours]) => c.get(key) !== String(ours))
      .map(([k, , o]) => `${k}: ours ${o}, gcc ${c.get(k)}`);
    assert.deepEqual(diffs, []);
    assert.ok(qs.length > 200, `${qs.length} questions`);
  });
});

describe('struct layout', () => {
  test('the object form lays out as the C declaration', () => {
    const tv = structLayout('timeval', { tv_sec: 'long', tv_usec: 'long' });
    assert.deepEqual(tv, parseLayout('struct timeval { long tv_sec; long tv_usec; }'));
    assert.equal(tv.size, 16);
    assert.deepEqual(
      tv.fields.map((f) => [f.name, f.offset, f.type.name, f.count]),
      [
        ['tv_sec', 0, 'long', 1],
        ['tv_usec', 8, 'long', 1],
      ],
    );
    const pair = structLayout('pair', { x: 'double', y: 'double' });
    const structs = structRegistry(pair);
    const fromObject = structLayout(
      'rec',
      {
        tag: 'char',
        name: 'char[16]',
        at: pair,
        span: [pair, 2],
        pos: { x: 'float', y: 'float' },
        next: 'struct rec *',
      },
      { structs },
    );
    const fromC = parseLayout(
      'struct rec { char tag; char name[16]; struct pair at; struct pair span[2]; struct { float x, y; } pos; struct rec *next; }',
      { structs },
    );
    assert.equal(layoutKey(fromObject), layoutKey(fromC));
    assert.deepEqual(
      fromObject.fields.map((f) => [f.name, f.offset, f.size]),
      fromC.fields.map((f) => [f.name, f.offset, f.size]),
    );
    assert.deepEqual(
      fromC.fields.map((f) => [f.name, f.offset, f.size]),
      [
        ['tag', 0, 1],
        ['name', 1, 16],
        ['at', 24, 16],
        ['span', 40, 32],
        ['pos', 72, 8],
        ['next', 80, 8],
      ],
    );
    assert.equal(fromC.size, 88);
    const u = unionLayout('value', { i: 'long', d: 'double', s: 'char[12]' });
    assert.deepEqual([u.size, u.align, u.fields.map((f) => f.offset)], [16, 8, [0, 0, 0]]);
    assert.deepEqual(u, parseLayout('union value { long i; double d; char s[12]; }'));
  });

  test('packing: the attribute packs one struct, the pragma every struct defined inside', () => {
    const packed = structLayout('p', { c: 'char', d: 'double', in: { c: 'char', i: 'int' } }, { packed: true });
    assert.deepEqual([packed.size, packed.align, packed.fields.map((f) => f.offset)], [17, 1, [0, 1, 9]]);
    assert.equal(packed.fields[2]?.type.size, 8); // the inner struct keeps its own layout
    const pragma = structLayout('p', { c: 'char', d: 'double', in: { c: 'char', i: 'int' } }, { pack: 2 });
    assert.deepEqual([pragma.size, pragma.align, pragma.fields.map((f) => f.offset)], [16, 2, [0, 2, 10]]);
    assert.equal(pragma.fields[2]?.type.size, 6);
    assert.deepEqual(
      parseLayout('struct p { char c; double d; struct { char c; int i; } in; }', { packed: true }),
      parseLayout('struct __attribute__((__packed__)) p { char c; double d; struct { char c; int i; } in; }'),
    );
  });

  test('leaves: every scalar at its absolute offset; the key ignores names', () => {
    const l = parseLayout('struct s { char a; struct { short b[2]; double c; } in[2]; }');
    assert.deepEqual(
      leaves(l).map((x) => [x.type.kind, x.offset]),
      [
        ['i8', 0],
        ['i16', 8],
        ['i16', 10],
        ['f64', 16],
        ['i16', 24],
        ['i16', 26],
        ['f64', 32],
      ],
    );
    assert.equal(layoutKey(l), layoutKey(parseLayout('struct t { char x; struct { short y[2]; double z; } w[2]; }')));
    assert.notEqual(layoutKey(l), layoutKey(parseLayout('struct t { char x; struct { short y[2]; long z; } w[2]; }')));
  });

  const invalid: [string, RegExp, number?][] = [
    ['struct s { int x : 3; }', /bit-fields are not supported/, 18],
    ['struct s { }', /needs at least one member/],
    ['struct s { double data[]; int n; }', /flexible array member must be the last/],
    ['struct s { double data[]; }', /flexible array member must be the last member of a struct with other members/],
    ['union u { int n; double data[]; }', /flexible array member/],
    ['struct s { struct t inner; }', /struct t by value is not supported without its layout/],
    ['struct s { struct s self; }', /struct s by value is not supported without its layout/],
    ['struct s { int a; int a; }', /duplicate member 'a'/],
    ['struct s { int a; union { int a; float f; }; }', /duplicate member 'a'/],
    ['struct s { void v; }', /a member cannot be 'void'/],
    ['struct s { int f(int); }', /a member cannot be a function/],
    ['struct s { int a; } __attribute__((aligned(16)))', /attribute 'aligned' is not supported/],
    ['struct s { enum { A, B } e; }', /enum definitions are not supported/],
    ['struct s { int a[0]; }', /array size 0 must be a positive integer/],
    ['struct s { int a[2][]; }', /only the first array dimension may be empty/],
    ['struct s { int a[n]; }', /an array size must be a number/],
    ['struct s { int a }', /expected ';' after the member/],
    ['struct s { int a;', /expected '}' to close the struct/],
    ['struct s { int a; } x;', /unexpected 'x' after the struct/],
    ['typedef struct { int a; } s;', /expected 'struct' or 'union'/],
    ['struct s', /expected a struct definition/],
    ['struct s { unsigned double d; }', /'unsigned double' is not a type/],
    ['struct s { int; }', /declaration does not declare anything/],
    ['struct s { int int; }', /duplicate 'int'/],
    ['struct s { struct s2 { int a; } x; struct s2 { int b; } y; }', /redefinition of 'struct s2'/],
    ['struct s { long double ld; } __attribute__((packed)) __attribute__((x))', /attribute 'x' is not supported/],
    ['struct s { int a; struct u { struct u2 { struct s2 b; } c; } d; }', /struct s2 by value/],
    ['struct s { int a; double d[]; }; struct t', /unexpected 'struct'/],
  ];
  for (const [text, why, column] of invalid) {
    test(`rejects ${text}`, () => {
      assert.throws(
        () => parseLayout(text),
        (e: unknown) => {
          assert.ok(e instanceof LayoutError && e instanceof TypeError, String(e));
          assert.match(e.message, why);
          assert.equal(e.text, text);
          if (column !== undefined) assert.equal(e.position + 1, column);
          return true;
        },
      );
    });
  }

  /** Valid C that Sidecar cannot lay out (or that is not one struct definition): gcc accepts these. */
  const validC = new Set([
    'struct s { int x : 3; }',
    'struct s { int a; } __attribute__((aligned(16)))',
    'struct s { enum { A, B } e; }',
    'struct s { int a; } x;',
    'typedef struct { int a; } s;',
    'struct s',
    'struct s { long double ld; } __attribute__((packed)) __attribute__((x))',
    'struct s { int a; double d[]; }; struct t',
  ]);

  test('gcc rejects each of them too, except the valid C listed as such', { skip: gccMissing }, () => {
    const errors = gccErrors(invalid.map(([text]) => (text.endsWith(';') ? text : `${text};`)));
    const wrong = invalid
      .map(([text], k) => [text, errors[k]] as const)
      .filter(([text, e]) => (e === null) !== validC.has(text))
      .map(([text, e]) => `${text}: gcc ${e === null ? 'accepts it' : `rejects it (${e})`}`);
    assert.deepEqual(wrong, []);
  });

  test('sizes and nesting have bounds', () => {
    assert.throws(
      () => parseLayout('struct s { char a[1048576][1048576][1048576]; }'),
      /would exceed 1099511627776 bytes/,
    );
    assert.throws(
      () => parseLayout(`struct s { ${'struct { '.repeat(1000)}int a;${' } x;'.repeat(1000)} }`),
      /nested more than 32 levels deep/,
    );
  });

  test('a struct ending in a flexible array member cannot be a member', () => {
    const flex = parseLayout('struct f { int n; double d[]; }');
    assert.deepEqual([flex.size, flex.fields[1]?.count, flex.fields[1]?.dims], [8, 0, [0]]);
    assert.throws(
      () => parseLayout('struct s { struct f x; }', { structs: structRegistry(flex) }),
      /flexible array member/,
    );
  });

  test('the object form rejects bad names, specs and options, naming the member', () => {
    assert.throws(() => structLayout('s', { 'not a name': 'int' }), /member name 'not a name' is not a C identifier/);
    assert.throws(() => structLayout('s', { int: 'int' }), /member name 'int' is not a C identifier/);
    assert.throws(() => structLayout('s', {}), /needs at least one member/);
    assert.throws(
      () => structLayout('s', { a: 'double double' }),
      (e: unknown) => {
        assert.ok(e instanceof LayoutError);
        assert.match(e.message, /member 'a': duplicate 'double'/);
        assert.equal(e.position, 7);
        return true;
      },
    );
    assert.throws(() => structLayout('s', { a: 'long x' }), /member 'a': a type name declares no name/);
    assert.throws(() => structLayout('s', { a: 'toString' }), /member 'a': unknown type 'toString'/);
    assert.throws(() => structLayout('s', { a: 'struct nowhere' }), /struct nowhere by value/);
    assert.throws(() => structLayout('s', { a: 3 as unknown as string }), /member 'a': expected a C type/);
    assert.throws(() => structLayout('s', { a: ['int', 0] }), /array count must be a positive integer/);
    assert.throws(() => structLayout('s', { a: 'int' }, { pack: 3 as 2 }), /pack must be 1, 2, 4, 8 or 16/);
    assert.throws(() => structLayout('not a tag', { a: 'int' }), /tag must be a C identifier/);
    assert.throws(() => structLayout('s', 'int a;' as unknown as Record<string, string>), /an object/);
    assert.throws(() => parseLayout(42 as unknown as string), TypeError);
    // Keys inherited from Object.prototype are not members.
    assert.deepEqual(
      structLayout('s', Object.create({ inherited: 'int' }, { a: { value: 'char', enumerable: true } })).fields.map(
        (f) => f.name,
      ),
      ['a'],
    );
  });
});
