/**
 * The Forth REPL (stage 2) in a real sidecar: errors and recovery, faults,
 * interrupts, C libraries, host buffers, a fetch over HTTP, and a fuzz test
 * that throws thousands of random lines at it.
 */

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { ForthError } from '../../src/forth/session.js';
import { Sidecar } from '../../src/index.js';

describe('Forth: errors leave the system usable', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 16 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  const cases: [string, number, RegExp][] = [
    ['nosuchword', -13, /Undefined word: nosuchword/],
    ['drop', -4, /Stack underflow/],
    ['1 +', -4, /Stack underflow/],
    [': f1 + ; 1 f1', -4, /Stack underflow/],
    [': f2 drop drop ; 1 f2', -4, /Stack underflow/],
    ['1 0 /', -10, /Division by zero/],
    ['1 0 mod', -10, /Division by zero/],
    ['1 0 /mod', -10, /Division by zero/],
    ['1 0 0 um/mod', -10, /Division by zero/],
    ['1. 0 fm/mod', -10, /Division by zero/],
    ['1. 0 sm/rem', -10, /Division by zero/],
    ['0 @', -9, /Invalid memory address 0x0/],
    ['-1 c@', -9, /Invalid memory address/],
    ['1 12345 !', -9, /Invalid memory address/],
    [': f3 1 abort" it broke" ; f3', -2, /^it broke/],
    ['abort', -1, /Aborted/],
    ['-300 throw', -300, /Exception -300/],
    ['if', -14, /compile-only/],
    ["' nosuchword", -13, /Undefined word: nosuchword/],
    [':', -16, /zero-length/],
    ['fdrop', -45, /Floating-point stack underflow/],
    [': f4 recurse 1 ; f4', -5, /Return stack overflow/],
    [': f5 begin 1 again ; f5', -3, /Stack overflow/],
    // More LEAVEs in one loop than the compiler's LEAVE stack holds (64 cells)
    [`: f6 10 0 do ${'leave '.repeat(70)}loop ;`, -52, /Control-flow stack overflow/],
    // DO loops nested deeper than it holds
    [`: f7 ${'1 0 do '.repeat(70)}${'loop '.repeat(70)};`, -52, /Control-flow stack overflow/],
  ];
  for (const [src, code, message] of cases) {
    test(`${src} → THROW ${code}, then a good command works`, async () => {
      const err = await sc.forth(src).catch((e) => e);
      assert.ok(err instanceof ForthError, String(err));
      assert.equal(err.code, code);
      assert.match(err.message, message);
      assert.equal(await sc.forth('2 3 * .'), '6 ');
      assert.equal(await sc.forth('depth .'), '0 ', 'the stacks are emptied after an error');
    });
  }

  test('errors report the line of the source where they happened', async () => {
    const err = await sc.forth(': ok1 1 ;\n: ok2 2 ;\nok1 ok2 bogus\n3').catch((e) => e);
    assert.equal(err.code, -13);
    assert.equal(err.line, 3);
    assert.equal(err.sourceLine, 'ok1 ok2 bogus');
    assert.match(err.message, /line 3/);
  });

  test('the dictionary survives an error: words defined before it are still there', async () => {
    await sc.forth(': survivor 42 ;');
    await assert.rejects(sc.forth('0 @'), ForthError);
    assert.equal(await sc.forth('survivor .'), '42 ');
  });

  test('CATCH catches what the signal handler throws', async () => {
    assert.equal(await sc.forth(": probe 0 @ ; ' probe catch . depth ."), '-9 0 ');
    assert.equal(await sc.forth(": div0 1 0 / ; ' div0 catch . depth ."), '-10 0 ');
  });
});

describe('Forth: the compiler', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 16 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  test('words that are another name for a primitive are that primitive (so they compile inline)', async () => {
    const pairs = [
      ['CHAR+', '1+'],
      ['FLOATS', 'CELLS'],
      ['DFLOATS', 'CELLS'],
      ['FLOAT+', 'CELL+'],
      ['DFLOAT+', 'CELL+'],
      ['DF@', 'F@'],
      ['DF!', 'F!'],
      ['FALIGN', 'ALIGN'],
      ['DFALIGN', 'ALIGN'],
      ['FALIGNED', 'ALIGNED'],
      ['DFALIGNED', 'ALIGNED'],
      ['CS-PICK', 'PICK'],
      ['CS-ROLL', 'ROLL'],
      ['D>S', 'DROP'],
      ['EKEY', 'KEY'],
      ['C-CALL', '(CCALL)'],
      ['WORDLIST', '(WORDLIST)'],
      ['(LITERAL)', 'LITERAL'],
    ];
    const src = pairs.map(([a, b]) => `' ${a} ' ${b} = .`).join(' ');
    assert.equal(await sc.forth(src), '-1 '.repeat(pairs.length));
    // The immediacy stays each name's own: LITERAL is immediate, (LITERAL) is not.
    assert.equal(
      await sc.forth('S" LITERAL" FIND-NAME (IMMEDIATE?) . S" (LITERAL)" FIND-NAME (IMMEDIATE?) .'),
      '-1 0 ',
    );
    // SEE names a word by its own name, not by a later synonym of it.
    assert.equal(await sc.forth(': syn1 3 cs-roll 2 dfloats ; see syn1'), ': syn1 3 ROLL 2 CELLS ; \n');
    assert.equal(await sc.forth(': syn2 dup * ; immediate see syn2'), ': syn2 DUP * ; IMMEDIATE\n');
  });

  test('CHARS compiles no code (a character is a byte), and works when interpreted', async () => {
    // the same code as without it: the literal is still folded into the +
    const size = (def: string, name: string): string => `${def} CODE-HERE ' ${name} -`;
    assert.equal(await sc.forth(`${size(': ch1 5 chars 3 + ;', 'ch1')} ${size(': ch2 5 3 + ;', 'ch2')} = .`), '-1 ');
    assert.equal(await sc.forth('ch1 . 7 chars . depth .'), '8 7 0 ');
    await assert.rejects(sc.forth('chars'), (e: ForthError) => e.code === -4);
  });

  test('a comparison or DUP just before a branch target is not fused with the IF or WHILE after it', async () => {
    // The jump from IF lands after `0<>`, with the flag on the stack: fusing
    // `0<> WHILE` into one cmp/jcc would leave that path reading stale flags.
    const src = [
      'VARIABLE fv',
      ': f1 ( x -- f ) DUP IF 0< ELSE 0<> THEN IF 1 ELSE 2 THEN ;',
      '5 f1 . -5 f1 . 0 f1 .',
      ': f2 ( n -- n ) BEGIN fv @ DUP IF OVER U< 0= ELSE 0<> THEN WHILE 0 fv ! REPEAT ;',
      '7 fv ! 5 f2 . 3 fv ! 5 f2 . 0 fv ! 5 f2 . fv @ .',
      ': f3 ( x -- x f ) DUP 0< IF 0 ELSE DUP THEN IF 1 ELSE 2 THEN ;',
      '5 f3 . . -5 f3 . . 0 f3 . .',
    ].join('\n');
    assert.equal(await sc.forth(src), '2 1 2 5 5 5 0 1 5 2 -5 2 0 ');
  });
});

describe('Forth: native access', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 16 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  test('a C function of a library becomes a Forth word', async () => {
    const out = await sc.forth(
      'library libm.so.6\nextern: double cos( double )\nextern: double ldexp( double int )\n0.5e cos f. 3e -2 ldexp f.',
    );
    const [c, l] = out.trim().split(/\s+/).map(Number);
    assert.ok(Math.abs((c as number) - Math.cos(0.5)) < 1e-14);
    assert.equal(l, 0.75);
    // zlib's bound: n + n/4096 + n/16384 + n/2^25 + 13
    const bound = 1000 + (1000 >> 12) + (1000 >> 14) + (1000 >> 25) + 13;
    assert.equal(
      await sc.forth('library libz.so.1 extern: ulong compressBound( ulong ) 1000 compressBound .'),
      `${bound} `,
    );
    await assert.rejects(sc.forth('library libnosuch.so.7'), (e: ForthError) => e.code === -38);
  });

  test("C types are the abi layer's table: several-word spellings, typedef names, results narrowed to their type", async () => {
    // abs and labs declared with other result types: the result register is read as the declared type.
    const out = await sc.forth(`library libc.so.6
      extern: long long llabs( long long )
      extern: unsigned char abs( int )
      : uc-abs abs ;
      extern: short int abs( int )
      : s-abs abs ;
      extern: signed char abs( int )
      : sc-abs abs ;
      extern: unsigned short int abs( int )
      : us-abs abs ;
      extern: uint32_t labs( long )
      extern: unsigned long strtoul( const char* ptr int )
      -5 llabs . 300 uc-abs . 40000 s-abs . 200 sc-abs . 70000 us-abs . 4294967297 labs .
      s" 4294967295" s>z 0 10 strtoul . depth .`);
    assert.equal(out, '5 44 -25536 -56 4464 1 4294967295 0 ');
    const f = await sc.forth('library libm.so.6 extern: float cosf( float ) 0.5e cosf f. fdepth .');
    assert.ok(Math.abs(Number(f.trim().split(' ')[0]) - Math.fround(Math.cos(0.5))) < 1e-6, f);
    await assert.rejects(sc.forth('extern: long double sqrtl( long double )'), (e: ForthError) => e.code === -24);
  });

  test('a C call with parameters on the stack too (more than 6 integers, more than 8 floats) takes exactly its own', async () => {
    const ints = [1, 2, 3, 4, 5, 6, 7];
    const floats = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5];
    const fmt = [...ints.map(() => '%ld'), ...floats.map(() => '%g')].join(' ');
    const out = await sc.forth(
      `library libc.so.6
      extern: int snprintf( ptr ulong ptr ${ints.map(() => 'int64_t').join(' ')} ${floats.map(() => 'double').join(' ')} )
      create cbuf 256 allot
      99 3.25e
      : fill-cbuf cbuf 256 s" ${fmt}" s>z ${ints.join(' ')} ${floats.map((f) => `${f}e`).join(' ')} snprintf ;
      fill-cbuf cbuf swap type space . f. depth . fdepth .`,
    );
    assert.equal(out, `${[...ints, ...floats].join(' ')} 99 3.25 0 0 `);
  });

  test('buffers the host allocated are named in Forth and computed on in place', async () => {
    const xs = sc.alloc('double', 1000) as Float64Array;
    for (let i = 0; i < xs.length; i++) xs[i] = i * 0.5;
    await sc.forthDefine('xs', xs);
    await sc.forth(': scale ( F: k -- ) xs# 0 do xs i floats + dup f@ fover f* f! loop fdrop ;');
    await sc.forth('3e scale');
    for (let i = 0; i < xs.length; i++) assert.equal(xs[i], i * 1.5);
    const out = await sc.forth(': total 0e xs# 0 do xs i floats + f@ f+ loop ; total f.');
    assert.equal(Number(out), (1.5 * 999 * 1000) / 2);
    sc.free(xs);
  });

  test('fetches a page over HTTP with libcurl into a buffer the host then reads', async () => {
    const body = `<html>${'Sidecar fetched this. '.repeat(200)}</html>`;
    const server = http.createServer((_req, res) => res.end(body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const page = sc.alloc('uint8_t', 64 * 1024) as Uint8Array;
      await sc.forthDefine('page', page);
      const n = await sc.forth(`
        library libcurl.so.4
        extern: ptr curl_easy_init( )
        extern: int curl_easy_setopt( ptr int ptr )
        extern: int curl_easy_perform( ptr )
        extern: void curl_easy_cleanup( ptr )
        extern: ptr fmemopen( ptr size_t ptr )
        extern: int fclose( ptr )
        extern: long ftell( ptr )
        extern: int fflush( ptr )
        10002 constant CURLOPT_URL  10001 constant CURLOPT_WRITEDATA
        variable stream  variable easy
        : fetch ( zurl -- n )
          page page# s" w" s>z fmemopen stream !
          curl_easy_init easy !
          easy @ CURLOPT_URL rot curl_easy_setopt drop
          easy @ CURLOPT_WRITEDATA stream @ curl_easy_setopt drop
          easy @ curl_easy_perform abort" fetch failed"
          stream @ fflush drop  stream @ ftell
          stream @ fclose drop  easy @ curl_easy_cleanup ;
        s" http://127.0.0.1:${port}/" s>z fetch .`);
      assert.equal(Number(n), Buffer.byteLength(body));
      assert.equal(Buffer.from(page.subarray(0, Number(n))).toString(), body);
      sc.free(page);
    } finally {
      server.close();
    }
  });

  test('an interrupt stops a running word with THROW -28; a C call is interrupted when it returns', async () => {
    const spin = sc.forth(': spin begin again ; spin');
    setTimeout(() => sc.forthInterrupt(), 50);
    await assert.rejects(spin, (e: ForthError) => e.code === -28);
    const sleeping = sc.forth('library libc.so.6 extern: uint sleep( uint ) 5 sleep .');
    const t0 = performance.now();
    setTimeout(() => sc.forthInterrupt(), 50);
    await assert.rejects(sleeping, (e: ForthError) => e.code === -28);
    assert.ok(performance.now() - t0 < 2000);
    assert.equal(await sc.forth('1 1 + .'), '2 ');
  });

  test('long output is streamed as it is printed, not truncated', async () => {
    const out = await sc.forth(': lines 20000 0 do i . cr loop ; lines');
    assert.equal(out, Array.from({ length: 20000 }, (_, i) => `${i} \n`).join(''));
    // Output arrives while the word still runs.
    // The word waits for the host to have seen its first line: it can only
    // finish if that line reached the host while the word was still running.
    const seen = sc.alloc('int64_t', 1);
    await sc.forthDefine('seen', seen);
    const chunks: string[] = [];
    const early = await sc.forth(
      ': waitseen ." ready" cr 500 0 do seen @ if ." go" cr unloop exit then 10 ms loop ." gave up" cr ; waitseen',
      {
        onOutput: (t) => {
          chunks.push(t);
          if (t.includes('ready')) seen[0] = 1n;
        },
      },
    );
    assert.equal(early, 'ready\ngo\n');
    assert.match(chunks[0] ?? '', /^ready/);
  });

  test('BYE ends the session', async () => {
    const s2 = await Sidecar.start({ memory: 8 << 20 });
    const r = await s2.forthSession().eval('1 . bye 2 .');
    assert.equal(r.bye, true);
    assert.equal(r.output, '1 ');
    await s2.stop();
  });
});
