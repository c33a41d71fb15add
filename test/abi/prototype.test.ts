/**
 * The prototype parser: what it accepts and what it gives, every prototype
 * it rejects (each with its reason and position), the same results as the
 * parser the host used before it (`host/ctypes.ts`) on every prototype of the
 * known libraries and the tests, and on thousands of generated parameter
 * spellings — except where that parser accepted what C rejects.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type CType,
  PrototypeError,
  parseLayout,
  parsePrototype,
  parseType,
  type Signature,
  scalarType,
  structRegistry,
  TypeNameError,
  withVarargs,
} from '../../src/abi/index.js';
import { KNOWN_LIBRARIES } from '../../src/libs/registry.js';
import { gccErrors, gccLineErrors, gccMissing } from './gcc.js';

const pair = parseLayout('struct pair { double x, y; }');
const div = parseLayout('struct div { int quot, rem; }');
const structs = new Map([...structRegistry(pair, div), ['div_t', div]]);

/** What gcc must know to read the prototypes of these tests as C. */
const PRELUDE = [
  '#include <stdbool.h>',
  'typedef unsigned long size_t;',
  'typedef unsigned char uint8_t;',
  'typedef struct _IO_FILE FILE;',
  'typedef struct sqlite3 sqlite3;',
  'enum CBLAS_ORDER { CblasRowMajor = 101 };',
  'typedef enum { CblasNoTrans = 111 } CBLAS_TRANSPOSE;',
  'typedef enum { CblasColMajor = 102 } CBLAS_ORDER;',
  'enum e { E0 };',
  'struct pair { double x, y; };',
  'struct div { int quot, rem; };',
  'typedef struct div div_t;',
].join('\n');

const brief = (t: CType): string => `${t.name}:${t.kind}`;
const shape = (s: Signature) => ({
  name: s.name,
  ret: brief(s.ret),
  params: s.params.map((p) => `${brief(p.type)}${p.name === null ? '' : ` ${p.name}`}`),
  variadic: s.variadic,
  key: s.key,
});

describe('parsePrototype: what it reads', () => {
  const cases: [string, ReturnType<typeof shape>][] = [
    [
      'double cos(double)',
      { name: 'cos', ret: 'double:f64', params: ['double:f64'], variadic: false, key: 'f64(f64)' },
    ],
    [
      'double cbrt(double x)',
      { name: 'cbrt', ret: 'double:f64', params: ['double:f64 x'], variadic: false, key: 'f64(f64)' },
    ],
    [
      'char *getenv(const char *name);',
      { name: 'getenv', ret: 'char *:ptr', params: ['const char *:cstr name'], variadic: false, key: 'ptr(cstr)' },
    ],
    [
      'extern int strcmp(const char *restrict a, char const * const b)',
      {
        name: 'strcmp',
        ret: 'int:i32',
        params: ['const char *:cstr a', 'const char *:cstr b'],
        variadic: false,
        key: 'i32(cstr,cstr)',
      },
    ],
    [
      'long unsigned int f(short signed x, int long long y, unsigned)',
      {
        name: 'f',
        ret: 'long unsigned int:u64',
        params: ['short signed:i16 x', 'int long long:i64 y', 'unsigned:u32'],
        variadic: false,
        key: 'u64(i16,i64,u32)',
      },
    ],
    [
      'int main(int argc, char *argv[], char **envp)',
      {
        name: 'main',
        ret: 'int:i32',
        params: ['int:i32 argc', 'char **:ptr argv', 'char **:ptr envp'],
        variadic: false,
        key: 'i32(i32,ptr,ptr)',
      },
    ],
    [
      'int printf(const char *fmt, ...)',
      { name: 'printf', ret: 'int:i32', params: ['const char *:cstr fmt'], variadic: true, key: 'i32(cstr,...)' },
    ],
    [
      'struct pair mid(struct pair a, const struct pair *b)',
      {
        name: 'mid',
        ret: 'struct pair:struct',
        params: ['struct pair:struct a', 'const struct pair *:ptr b'],
        variadic: false,
        key: 'struct{s16a8:f64@0,f64@8}(struct{s16a8:f64@0,f64@8},ptr)',
      },
    ],
    [
      'div_t div(int num, int den)',
      {
        name: 'div',
        ret: 'div_t:struct',
        params: ['int:i32 num', 'int:i32 den'],
        variadic: false,
        key: 'struct{s8a4:i32@0,i32@4}(i32,i32)',
      },
    ],
    [
      'void qsort(void *base, size_t n, size_t size, int (*compar)(const void *, const void *))',
      {
        name: 'qsort',
        ret: 'void:void',
        params: [
          'void *:ptr base',
          'size_t:u64 n',
          'size_t:u64 size',
          'int (*)(const void *, const void *):ptr compar',
        ],
        variadic: false,
        key: 'void(ptr,u64,u64,ptr)',
      },
    ],
    [
      'void (*signal(int sig, void (*handler)(int)))(int)',
      {
        name: 'signal',
        ret: 'void (*)(int):ptr',
        params: ['int:i32 sig', 'void (*)(int):ptr handler'],
        variadic: false,
        key: 'ptr(i32,ptr)',
      },
    ],
    [
      'int sqlite3_open(const char *filename, sqlite3 **db) /* opaque typedef behind a pointer */',
      {
        name: 'sqlite3_open',
        ret: 'int:i32',
        params: ['const char *:cstr filename', 'sqlite3 **:ptr db'],
        variadic: false,
        key: 'i32(cstr,ptr)',
      },
    ],
    [
      'void cblas_dgemm(enum CBLAS_ORDER o, CBLAS_TRANSPOSE t, _Bool b, bool c, int constructor)',
      {
        name: 'cblas_dgemm',
        ret: 'void:void',
        params: [
          'enum CBLAS_ORDER:i32 o',
          'CBLAS_TRANSPOSE:i32 t',
          '_Bool:bool b',
          'bool:bool c',
          'int:i32 constructor',
        ],
        variadic: false,
        key: 'void(i32,i32,bool,bool,i32)',
      },
    ],
    [
      'int toString(int __proto__, int hasOwnProperty)',
      {
        name: 'toString',
        ret: 'int:i32',
        params: ['int:i32 __proto__', 'int:i32 hasOwnProperty'],
        variadic: false,
        key: 'i32(i32,i32)',
      },
    ],
    ['int f()', { name: 'f', ret: 'int:i32', params: [], variadic: false, key: 'i32()' }],
    [
      'void f(register int x)',
      { name: 'f', ret: 'void:void', params: ['int:i32 x'], variadic: false, key: 'void(i32)' },
    ],
  ];
  for (const [text, want] of cases) {
    test(text, () => assert.deepEqual(shape(parsePrototype(text, { structs })), want));
  }

  test('gcc reads each of them as a valid declaration', { skip: gccMissing }, () => {
    const errors = gccErrors(
      cases.map(([text]) => `${text.replace(/;$/, '')};`),
      PRELUDE,
    );
    assert.deepEqual(
      cases.map(([text], k) => [text, errors[k]]).filter(([, e]) => e !== null),
      [],
    );
  });

  test('pointees: one level down, const marked, layouts of known structs, null when opaque', () => {
    const s = parsePrototype(
      'void f(const double *a, char **b, struct pair *c, struct other *d, FILE *e, void *g, int (*h)(int))',
      { structs },
    );
    const pointees = s.params.map((p) => p.type.pointee);
    assert.deepEqual(
      pointees.map((t) => t && [t.name, t.kind, t.const === true]),
      [
        ['double', 'f64', true],
        ['char *', 'ptr', false],
        ['struct pair', 'struct', false],
        null,
        null,
        ['void', 'void', false],
        null,
      ],
    );
    assert.equal(pointees[2]?.layout, pair);
    assert.equal(pointees[1]?.pointee?.kind, 'i8');
    const cb = s.params[6]?.type.function;
    assert.deepEqual(cb && [brief(cb.ret), cb.params.map((p) => brief(p.type)), cb.variadic], [
      'int:i32',
      ['int:i32'],
      false,
    ]);
  });

  test('types carry size, alignment, category and signedness', () => {
    const s = parsePrototype('unsigned char f(float a, long long b, bool c, void *d, struct pair e)', { structs });
    const all = [s.ret, ...s.params.map((p) => p.type)];
    assert.deepEqual(
      all.map((t) => [t.size, t.align, t.category, t.signed]),
      [
        [1, 1, 'int', false],
        [4, 4, 'float', true],
        [8, 8, 'int', true],
        [1, 1, 'int', false],
        [8, 8, 'pointer', false],
        [16, 8, 'struct', false],
      ],
    );
  });

  test('withVarargs: the fixed parameters then one call’s arguments, promoted as C promotes them', () => {
    const printf = parsePrototype('int printf(const char *fmt, ...)');
    const call = withVarargs(
      printf,
      ['float', 'char', 'unsigned short', 'bool', 'double', 'long', 'struct pair', 'const char *'],
      {
        structs,
      },
    );
    assert.deepEqual(
      call.params.map((p) => brief(p.type)),
      [
        'const char *:cstr',
        'double:f64',
        'int:i32',
        'int:i32',
        'int:i32',
        'double:f64',
        'long:i64',
        'struct pair:struct',
        'const char *:cstr',
      ],
    );
    assert.equal(call.fixed, 1);
    assert.equal(call.variadic, true);
    assert.equal(call.key, 'i32(cstr,...,f64,i32,i32,i32,f64,i64,struct{s16a8:f64@0,f64@8},cstr)');
    // Applying it again starts from the fixed parameters.
    assert.equal(withVarargs(call, ['int']).key, 'i32(cstr,...,i32)');
    assert.throws(() => withVarargs(parsePrototype('int abs(int)'), ['int']), /abs is not variadic/);
    assert.throws(() => withVarargs(printf, ['void']), /'void' is not a parameter type/);
    assert.throws(
      () => withVarargs(printf, [parseType('void')]),
      /variadic argument 1 of printf: 'void' is not a value/,
    );
    assert.throws(() => withVarargs(printf, ['struct nowhere']), /struct nowhere by value/);
    assert.throws(() => withVarargs(printf, ['long double']), /long double is not supported/);
    assert.throws(() => withVarargs(printf, ['int', 'int'], { maxParams: 2 }), /more than 2 arguments/);
  });

  test('parseType and scalarType', () => {
    assert.equal(brief(parseType('const char *')), 'const char *:cstr');
    assert.equal(brief(parseType('int (*)(const void *, const void *)')), 'int (*)(const void *, const void *):ptr');
    assert.equal(brief(parseType('struct pair', { structs })), 'struct pair:struct');
    assert.equal(brief(parseType('void')), 'void:void');
    assert.throws(() => parseType('char[16]'), TypeNameError);
    assert.throws(() => parseType('long x'), /a type name declares no name/);
    assert.throws(() => parseType('toString'), /unknown type 'toString'/);
    assert.equal(brief(scalarType('unsigned   long') as CType), 'unsigned long:u64');
    assert.equal(brief(scalarType('uint8_t') as CType), 'uint8_t:u8');
    for (const no of [
      'void',
      'char *',
      'struct foo',
      'toString',
      'constructor',
      '__proto__',
      'long double',
      '',
      'int x',
      'double double',
    ])
      assert.equal(scalarType(no), null, no);
  });

  test('maxParams: a caller that can pass only so many says so', () => {
    const many = `void f(${Array.from({ length: 33 }, () => 'int').join(', ')})`;
    assert.equal(parsePrototype(many).params.length, 33);
    assert.throws(() => parsePrototype(many, { maxParams: 32 }), /more than 32 parameters/);
  });
});

describe('parsePrototype: what it rejects', () => {
  // [prototype, reason, column of the offending token]
  const rejected: [string, RegExp, number][] = [
    ['double cos(unsigned double)', /'unsigned double' is not a type/, 21],
    ['double double', /duplicate 'double'/, 8],
    ['double cos(double double)', /duplicate 'double'/, 19],
    ['long long long f(void)', /'long long long' is too long/, 11],
    ['int f(long long long x)', /'long long long' is too long/, 17],
    ['signed char(int)', /missing function name/, 12],
    ['int(int)', /missing function name/, 4],
    ['int f(toString)', /unknown type 'toString'/, 7],
    ['int f(constructor x)', /unknown type 'constructor'/, 7],
    ['hasOwnProperty f(void)', /unknown type 'hasOwnProperty'/, 1],
    ['int f(int, __proto__)', /unknown type '__proto__'/, 12],
    ['double cos(', /missing type/, 12],
    ['cos(double)', /missing return type/, 1],
    ['double cos(double', /expected ',' or '\)', found the end/, 18],
    ['double cos', /expected '\(' and the parameters after 'cos'/, 11],
    ['double cos(double) x', /unexpected 'x' after the prototype/, 20],
    ['foo bar(int)', /unknown type 'foo'/, 1],
    ['struct s f(int)', /struct s by value is not supported without its layout: declare the struct \(at/, 1],
    ['int f(union u x)', /union u by value is not supported without its layout/, 7],
    ['int f(int, ..., int)', /'\.\.\.' must be the last parameter/, 15],
    ['int f(...)', /'\.\.\.' needs a named parameter before it/, 7],
    ['int f(int ...)', /expected ',' or '\)', found '\.\.\.'/, 11],
    ['int f(int a, int a)', /redefinition of parameter 'a'/, 18],
    ['int f(void, int)', /'void' is not a parameter type/, 7],
    ['int f(int, void)', /'void' is not a parameter type/, 12],
    ['int f(void x)', /'void' is not a parameter type/, 12],
    ['int f(const void)', /'void' as the only parameter may not be qualified/, 7],
    ['int f(int,)', /empty parameter/, 11],
    ['int f(,int)', /empty parameter/, 7],
    ['int f(int x y)', /expected ',' or '\)', found 'y'/, 13],
    ['int f(int int)', /duplicate 'int'/, 11],
    ['int f(int return)', /'return' is a C keyword/, 11],
    ['int if(int)', /'if' is a C keyword/, 5],
    ['int f(signed unsigned x)', /both 'signed' and 'unsigned'/, 14],
    ['int f(short long x)', /'short long' is not a type/, 13],
    ['int f(long char c)', /'long char' is not a type/, 12],
    ['int f(unsigned float x)', /'unsigned float' is not a type/, 16],
    ['int f(long long double x)', /'long long double' is not a type/, 17],
    ['int f(int double x)', /'int double' is not a type/, 11],
    ['int f(size_t int x)', /'size_t int' is not a type/, 14],
    ['int f(struct pair int x)', /'struct pair int' is not a type/, 19],
    ['int f(unsigned struct pair x)', /'unsigned struct' is not a type/, 16],
    ['long double f(void)', /long double is not supported/, 1],
    ['void f(long double x)', /long double is not supported/, 8],
    ['int f(restrict int *p)', /'restrict' qualifies a pointer/, 7],
    ['static int f(int)', /'static' is not allowed here/, 1],
    ['int f(extern int x)', /'extern' is not allowed here/, 7],
    ['int f(void)[3]', /a function cannot return an array/, 12],
    ['int f(void)(int)', /a function cannot return a function/, 12],
    ['int f(int a[n])', /an array size must be a number/, 13],
    ['int f(int a[0])', /array size 0 must be a positive integer/, 13],
    ['int f(int a[-1])', /unexpected character '-'|an array size must be a number/, 13],
    ['int f(struct { int a; } s)', /a struct definition is not allowed here/, 14],
    ['int f(enum)', /expected a tag after 'enum'/, 11],
    ['int f(struct)', /expected a tag or '\{' after 'struct'/, 13],
    ['int f(enum { A } e)', /enum definitions are not supported/, 12],
    ['int f(_Complex double z)', /complex types are not supported/, 7],
    ['__int128 f(void)', /__int128 is not supported/, 1],
    ['int f(int x) { return x; }', /unexpected '\{' after the prototype/, 14],
    ['int f(int x); int g(void)', /unexpected 'int' after the prototype/, 15],
    ['int f(int @)', /unexpected character '@'/, 11],
    ['int f(int x) /* open', /unterminated comment/, 14],
    ['', /missing type/, 1],
    ['int', /expected 'type name\(parameters\)'/, 4],
    ['int *x', /expected '\(' and the parameters after 'x'/, 7],
  ];
  for (const [text, why, column] of rejected) {
    test(text === '' ? '(the empty string)' : text, () => {
      assert.throws(
        () => parsePrototype(text, { structs }),
        (e: unknown) => {
          assert.ok(e instanceof PrototypeError && e instanceof TypeError, String(e));
          assert.match(e.message, why);
          assert.equal(e.text, text);
          assert.equal(e.position + 1, column, `column of: ${e.message}`);
          assert.ok(e.message.includes(`'${text}'`) && e.message.endsWith(`(at column ${column})`), e.message);
          return true;
        },
      );
    });
  }

  /** Valid C that Sidecar cannot call (or that is not one prototype): gcc accepts these. */
  const validC = new Set([
    'struct s f(int)',
    'int f(union u x)',
    'int f(void x)',
    'long double f(void)',
    'void f(long double x)',
    'int f(struct { int a; } s)',
    'int f(enum { A } e)',
    'int f(_Complex double z)',
    'static int f(int)',
    'int f(int x) { return x; }',
    'int f(int x); int g(void)',
    'int *x',
    'double cos',
    '',
  ]);

  test('gcc rejects each of them too, except the valid C listed as such', { skip: gccMissing }, () => {
    const errors = gccErrors(
      rejected.map(([text]) => (text === '' || text.endsWith('}') ? text : `${text};`)),
      PRELUDE,
    );
    const wrong = rejected
      .map(([text], k) => [text, errors[k]] as const)
      .filter(([text, e]) => (e === null) !== validC.has(text))
      .map(([text, e]) => `${text}: gcc ${e === null ? 'accepts it' : `rejects it (${e})`}`);
    assert.deepEqual(wrong, []);
  });

  test('nesting without bound is a PrototypeError, never a stack overflow', () => {
    const deep = [
      `int f(int ${'*'.repeat(100000)})`,
      `int ${'(*'.repeat(1000)}f${')'.repeat(1000)}(int)`,
      `int f(${'int (*)('.repeat(1000)}${')'.repeat(1000)})`,
      `int f(int x${'[1]'.repeat(100000)})`,
      `int f(void)${'(void)'.repeat(100000)}`,
    ];
    for (const text of deep) {
      assert.throws(
        () => parsePrototype(text),
        (e: unknown) => {
          assert.ok(e instanceof PrototypeError, String(e));
          assert.match(e.reason, /more than 32|nested more than 32 levels/);
          return true;
        },
      );
    }
    // 32 levels are fine.
    assert.equal(parsePrototype(`int f(int ${'*'.repeat(32)}p)`).params[0]?.type.name, `int ${'*'.repeat(32)}`);
  });

  test('a prototype that is not a string is a TypeError', () => {
    assert.throws(() => parsePrototype(42 as unknown as string), TypeError);
    assert.throws(() => parsePrototype(null as unknown as string), TypeError);
  });
});

describe('parsePrototype compared with gcc on generated parameter lists', { skip: gccMissing }, () => {
  test('3000 spellings: accepted exactly when gcc accepts them, but for the leniencies and limits Sidecar has', () => {
    const words = [
      'int',
      'long',
      'unsigned',
      'signed',
      'short',
      'char',
      'double',
      'float',
      'void',
      'bool',
      '_Bool',
      'const',
      'volatile',
      'restrict',
      '*',
      '*',
      'x',
      'size_t',
      'uint8_t',
      'struct',
      'pair',
      'enum',
      'e',
      'CBLAS_ORDER',
      'FILE',
      '[]',
      '[4]',
      ',',
    ];
    const rand = random(2024);
    const seqs = new Set<string>();
    while (seqs.size < 3000) seqs.add(Array.from({ length: 1 + rand(4) }, () => words[rand(words.length)]).join(' '));
    const list = [...seqs];
    // Each in its own function body, so gcc's recovery from one error cannot swallow the next declaration.
    const errors = gccLineErrors(
      list.map((seq, k) => `void g${k}(void) { int f${k}(${seq}); }`),
      PRELUDE,
    );
    const counts = { agree: 0, opaque: 0, enums: 0, limits: 0 };
    const wrong: string[] = [];
    list.forEach((seq, k) => {
      const c = errors[k] ?? null;
      let ours: Signature | null = null;
      let why = '';
      try {
        ours = parsePrototype(`int f(${seq})`, { structs });
      } catch (e) {
        assert.ok(e instanceof PrototypeError, `${seq}: ${e}`);
        why = e.reason;
      }
      if ((ours !== null) === (c === null)) counts.agree++;
      else if (ours?.params.some((p) => opaque(p.type))) counts.opaque++;
      else if (ours && c && /forward references to ‘enum’ types/.test(c)) counts.enums++;
      else if (
        !ours &&
        /'void' is not a parameter type|long double is not supported|without its layout|unknown type 'FILE'/.test(why)
      )
        counts.limits++;
      else wrong.push(`int f(${seq}): ours ${ours ? 'accepts' : `rejects (${why})`}, gcc ${c ?? 'accepts'}`);
    });
    assert.deepEqual(wrong, []);
    assert.ok(counts.agree > 2500, JSON.stringify(counts));
  });
});

/** Whether a pointer leads, at some level, to an opaque type (an unknown name Sidecar accepts behind a pointer). */
function opaque(t: CType): boolean {
  if (t.kind !== 'ptr' && t.kind !== 'cstr') return false;
  if (t.pointee === null) return t.function === undefined;
  return t.pointee !== undefined && opaque(t.pointee);
}

/** A small deterministic generator of integers below n (mulberry32). */
function random(seed: number): (n: number) => number {
  let s = seed | 0;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let z = Math.imul(s ^ (s >>> 15), s | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) % n;
  };
}

// ------------------------------------------------------------------ the parser the host used before

type OldParse = (p: string) => {
  name: string;
  ret: { name: string; kind: string; size: number };
  params: readonly { type: { name: string; kind: string; size: number }; name: string | null }[];
  key: string;
};

const oldPath = fileURLToPath(new URL('./ctypes-before.js', import.meta.url));
const oldMissing = fs.existsSync(oldPath) ? false : 'the old parser is gone: nothing left to compare with';

function project(s: ReturnType<OldParse>) {
  return {
    name: s.name,
    ret: { name: s.ret.name, kind: s.ret.kind, size: s.ret.size },
    params: s.params.map((p) => ({ type: { name: p.type.name, kind: p.type.kind, size: p.type.size }, name: p.name })),
    key: s.key,
  };
}

/** Every prototype the known libraries and the tests (host, cli) bind. */
function knownPrototypes(): string[] {
  const out = new Set<string>();
  for (const lib of Object.values(KNOWN_LIBRARIES)) for (const p of Object.values(lib.prototypes)) out.add(p);
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  for (const dir of ['test/host', 'test/cli', 'src/cli', 'src/forth', 'bench']) {
    // (bench/interop.ts also holds koffi's spellings of the same tasks: _Out_, its own type names)
    for (const f of fs.readdirSync(`${root}${dir}`).filter((n) => n.endsWith('.ts') && n !== 'interop.ts')) {
      const text = fs.readFileSync(`${root}${dir}/${f}`, 'utf8');
      for (const m of text.matchAll(/'((?:[A-Za-z_][\w ]*?[\s*]*)[A-Za-z_]\w*\((?:[^'()]*)\))'/g))
        out.add(m[1] as string);
    }
  }
  return [...out];
}

const C_WORDS = new Set(
  'void char short int long signed unsigned float double bool _Bool const volatile restrict struct union enum'.split(
    ' ',
  ),
);

/** The builtin type spellings C allows, as sorted word lists (C11 6.7.2p2). */
const VALID_BUILTINS = new Set(
  [
    'void',
    'char',
    'signed char',
    'unsigned char',
    'short',
    'short int',
    'signed short',
    'signed short int',
    'unsigned short',
    'unsigned short int',
    'int',
    'signed',
    'signed int',
    'unsigned',
    'unsigned int',
    'long',
    'long int',
    'signed long',
    'signed long int',
    'unsigned long',
    'unsigned long int',
    'long long',
    'long long int',
    'signed long long',
    'signed long long int',
    'unsigned long long',
    'unsigned long long int',
    'float',
    'double',
    'long double',
    'bool',
    '_Bool',
  ].map((t) => t.split(' ').sort().join(' ')),
);

/** Whether a type spelling the old parser produced is one C allows (its base: builtin words, one name, or a tag). */
function validSpelling(name: string): boolean {
  const w = name
    .replace(/^const /, '')
    .replace(/ \**$/, '')
    .split(' ');
  if (/^(struct|union|enum)$/.test(w[0] as string))
    return w.length === 2 && /^[A-Za-z_]\w*$/.test(w[1] as string) && !C_WORDS.has(w[1] as string);
  if (w.every((x) => C_WORDS.has(x))) return VALID_BUILTINS.has([...w].sort().join(' '));
  return w.length === 1;
}

/** The old parser accepted some things C rejects: a keyword as a parameter name, a type C has no spelling for, a kind of `undefined`. */
function oldWasWrong(s: ReturnType<OldParse>): boolean {
  const types = [s.ret, ...s.params.map((p) => p.type)];
  return (
    s.params.some((p) => p.name !== null && C_WORDS.has(p.name)) ||
    types.some((t) => typeof t.kind !== 'string' || !validSpelling(t.name))
  );
}

describe('the same results as the parser the host used before', { skip: oldMissing }, () => {
  test('every prototype of the known libraries and the tests', async () => {
    const old = (await import(oldPath)).parsePrototype as OldParse;
    const inputs = knownPrototypes();
    assert.ok(inputs.length > 150, `${inputs.length} prototypes`);
    let compared = 0;
    for (const p of inputs) {
      let was: ReturnType<OldParse>;
      try {
        was = old(p);
      } catch {
        continue; // the tests' rejected prototypes have their own cases above
      }
      assert.deepEqual(project(parsePrototype(p)), project(was), p);
      compared++;
    }
    assert.ok(compared > 150, `${compared} compared`);
  });

  test('generated parameter and return spellings: equal where the old parser was right, rejected where it was not', async () => {
    const old = (await import(oldPath)).parsePrototype as OldParse;
    const words = [
      'int',
      'long',
      'unsigned',
      'signed',
      'short',
      'char',
      'double',
      'float',
      'void',
      'bool',
      '_Bool',
      'const',
      'volatile',
      '*',
      '*',
      'x',
      'toString',
      'size_t',
      'uint8_t',
      'struct',
      'enum',
      'e',
      'CBLAS_ORDER',
      'FILE',
      '[]',
      '[4]',
    ];
    const rand = random(12345);
    const counts = { same: 0, fixed: 0, both: 0, added: new Set<string>() };
    const lost: string[] = [];
    for (let k = 0; k < 6000; k++) {
      const seq = Array.from({ length: 1 + rand(4) }, () => words[rand(words.length)]).join(' ');
      for (const p of [`int f(${seq})`, `${seq} f(void)`, `void f(int a, ${seq}, double b)`]) {
        let was: ReturnType<OldParse> | null = null;
        let now: Signature | null = null;
        try {
          was = old(p);
        } catch {}
        try {
          now = parsePrototype(p);
        } catch (e) {
          assert.ok(e instanceof PrototypeError, `${p}: ${e}`);
        }
        // The old parser read an array in the return type as a pointer; C has no array results.
        // …and accepted arrays C has no type for: of void, or of arrays of unknown size.
        const arrayResult =
          (p.startsWith(seq) && seq.includes('[')) ||
          /\bvoid( const| volatile)*( \w+)? \[|\] \[\]|\b(struct|union|enum) (const|volatile|\*|\[)/.test(seq);
        if (was && !oldWasWrong(was) && !arrayResult) {
          if (!now) lost.push(p);
          else assert.deepEqual(project(now), project(was), p);
          counts.same++;
        } else if (was) {
          // Accepted wrongly before: now rejected, or read as C reads it (`char signed` is a type, not a named char).
          if (now) {
            assert.notDeepEqual(project(now), project(was), `${p}: the old parser's mistake is kept`);
            assert.ok(!oldWasWrong(project(now)) && !arrayResult, `${p}: read as ${JSON.stringify(project(now))}`);
          }
          counts.fixed++;
        } else if (now) {
          // Accepted now, rejected before: only keyword orders C allows that the old table lacked.
          for (const t of [now.ret, ...now.params.map((q) => q.type)]) {
            const base = t.name.replace(/^const /, '').replace(/ \**$/, '');
            if (!/^(int|double|void|x)$/.test(base)) counts.added.add(base);
          }
        } else counts.both++;
      }
    }
    assert.deepEqual(lost, [], 'accepted by the old parser, rejected now');
    const added = [...counts.added].filter((b) => !b.split(' ').every((w) => C_WORDS.has(w)));
    assert.deepEqual(added, [], 'newly accepted spellings that are not builtin keyword combinations');
    assert.ok(
      counts.same > 1000 && counts.fixed > 100 && counts.both > 1000,
      JSON.stringify({ ...counts, added: counts.added.size }),
    );
  });
});
