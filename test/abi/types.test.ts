/**
 * The type table against gcc: size, alignment, signedness and whether a type
 * is floating, for every builtin spelling in every keyword order C allows,
 * every typedef name of the table (those of the known libraries from their
 * own headers, when installed), and pointers.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CType, isFloatKind, isIntegerKind, parseType, scalarType, tableNames } from '../../src/abi/index.js';
import { compileAndRun, gccMissing } from './gcc.js';

/** Every order of the words of each multi-word builtin spelling (`long unsigned int`, `int long unsigned` …). */
function orders(words: string[]): string[][] {
  if (words.length <= 1) return [words];
  const out = new Set<string>();
  words.forEach((w, i) => {
    for (const rest of orders([...words.slice(0, i), ...words.slice(i + 1)])) out.add([w, ...rest].join(' '));
  });
  return [...out].map((s) => s.split(' '));
}

const BUILTIN_SPELLINGS = [
  'signed char',
  'unsigned char',
  'short int',
  'signed short int',
  'unsigned short int',
  'signed int',
  'unsigned int',
  'signed long int',
  'unsigned long int',
  'signed long long int',
  'unsigned long long int',
  'long double',
].flatMap((s) => orders(s.split(' ')).map((w) => w.join(' ')));

/** Headers of the known libraries' typedefs; the names are compared only where the header is installed. */
const HEADER: Record<string, string> = {
  uLong: 'zlib.h',
  uLongf: 'zlib.h',
  uInt: 'zlib.h',
  Bytef: 'zlib.h',
  sqlite3_int64: 'sqlite3.h',
  sqlite_int64: 'sqlite3.h',
  blasint: 'cblas.h',
  lapack_int: 'lapacke.h',
  CURLcode: 'curl/curl.h',
  CURLoption: 'curl/curl.h',
  CBLAS_ORDER: 'cblas.h',
  CBLAS_TRANSPOSE: 'cblas.h',
  CBLAS_UPLO: 'cblas.h',
  CBLAS_DIAG: 'cblas.h',
  CBLAS_SIDE: 'cblas.h',
};

/** Enums: gcc gives them unsigned int when no enumerator is negative; Sidecar passes them as int (same bits). */
const ENUMS = new Set([
  'CURLcode',
  'CURLoption',
  'CBLAS_ORDER',
  'CBLAS_TRANSPOSE',
  'CBLAS_UPLO',
  'CBLAS_DIAG',
  'CBLAS_SIDE',
]);

const POINTERS = ['void *', 'const char *', 'char **', 'int (*)(int)', 'struct timeval *', 'const volatile double *'];

describe('the type table compared with gcc', { skip: gccMissing }, () => {
  test('size, alignment, signedness and floating of every spelling', () => {
    const names = [...new Set([...tableNames(), ...BUILTIN_SPELLINGS, ...Object.keys(HEADER)])].filter(
      (n) => n !== 'void',
    );
    const headers = [...new Set(Object.values(HEADER))];
    const program = [
      '#include <stdbool.h>',
      '#include <stddef.h>',
      '#include <stdint.h>',
      '#include <stdio.h>',
      '#include <sys/socket.h>',
      '#include <sys/types.h>',
      '#include <time.h>',
      ...headers.map(
        (h) => `#if __has_include(<${h}>)\n#include <${h}>\n#define HAVE_${h.replace(/\W/g, '_')} 1\n#endif`,
      ),
      'int main(void) {',
      ...names.map((n) => {
        const line = `  printf("%s %zu %zu %d %d\\n", "${n}", sizeof(${n}), _Alignof(${n}), (${n})-1 < (${n})0, (${n})0.5 + (${n})0.5 == (${n})1);`;
        const h = HEADER[n];
        return h
          ? `#ifdef HAVE_${h.replace(/\W/g, '_')}\n${line}\n#else\n  printf("%s missing\\n", "${n}");\n#endif`
          : line;
      }),
      ...POINTERS.map((n) => `  printf("%s %zu %zu 0 0\\n", "${n}", sizeof(${n}), _Alignof(${n}));`),
      '  return 0;',
      '}',
    ].join('\n');
    const lines = compileAndRun(program, ['-O0']).trim().split('\n');
    const diffs: string[] = [];
    let compared = 0;
    for (const line of lines) {
      const m = /^(.*) (missing|(\d+) (\d+) (\d) (\d))$/.exec(line);
      assert.ok(m, line);
      const [, name, missing, size, align, signed, float] = m as unknown as string[];
      if (missing === 'missing') continue;
      const t: CType = parseType(name as string);
      const ours = [
        t.size,
        t.align,
        ENUMS.has(name as string) ? 'enum' : Number(t.signed),
        Number(t.category === 'float'),
      ];
      const c = [Number(size), Number(align), ENUMS.has(name as string) ? 'enum' : Number(signed), Number(float)];
      if (JSON.stringify(ours) !== JSON.stringify(c)) diffs.push(`${name}: ours ${ours}, gcc ${c}`);
      compared++;
    }
    assert.deepEqual(diffs, []);
    assert.ok(compared >= 100, `${compared} compared`);
  });
});

describe('the type table', () => {
  test('kinds match sizes and categories', () => {
    for (const n of tableNames()) {
      const t = parseType(n);
      if (t.kind === 'void') continue;
      if (isIntegerKind(t.kind)) assert.equal(t.category, 'int', n);
      if (isFloatKind(t.kind)) assert.equal(t.category, 'float', n);
      const bits = /^[iu](\d+)$/.exec(t.kind)?.[1];
      if (bits) assert.equal(Number(bits), 8 * t.size, n);
      if (/^[iu]/.test(t.kind)) assert.equal(t.kind.startsWith('i'), t.signed, n);
    }
    assert.equal(parseType('long double').kind, 'f80');
    assert.equal(isFloatKind('f80'), false); // not passed in a vector register
  });

  test('names inherited from Object.prototype are no types', () => {
    for (const n of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      assert.throws(() => parseType(n), new RegExp(`unknown type '${n}'`));
      assert.equal(scalarType(n), null);
    }
  });
});
