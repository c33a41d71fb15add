/**
 * The Forth can always be stopped and is never broken by its input: deadlines
 * and AbortSignals (an interrupt first, a restart if the word does not stop),
 * an interrupt asked for before the evaluation starts, a loop that prints,
 * the output the host holds, the output printed before an error, and a
 * replay of the definitions after a restart.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ForthError } from '../../src/forth/session.js';
import { AbortError, Sidecar, TimeoutError } from '../../src/index.js';

/** A promise that fails the test instead of hanging it: the sidecar is killed after `ms`. */
function orKill<T>(sc: Sidecar, p: Promise<T>, ms = 10_000): Promise<T> {
  const t = setTimeout(() => sc.kill(), ms);
  return p.finally(() => clearTimeout(t));
}

// Blocks SIGINT in the sidecar, so that an interrupt cannot stop the word that runs next.
const BLOCK_SIGINT = `library libc.so.6 extern: int sigprocmask( int ptr ptr )
  create sigset 2 cells allot  2 sigset !  0 sigset cell+ !
  : deaf ( -- ) 0 sigset 0 sigprocmask drop ;  : deaf-spin deaf begin again ;`;

describe('Forth: deadlines and aborts', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 16 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  test('timeoutMs interrupts a word that loops (THROW -28); the dictionary stays', async () => {
    await sc.forth(': kept 42 ;');
    const err = await orKill(sc, sc.forth(': spin1 begin again ; spin1', { timeoutMs: 200 })).catch((e) => e);
    assert.ok(err instanceof ForthError, String(err));
    assert.equal(err.code, -28);
    assert.match(err.message, /timed out after 200 ms/);
    assert.equal(await sc.forth('kept . spin1 drop', { timeoutMs: 0 }).catch((e) => e.code), -28);
    assert.equal(await sc.forth('kept .'), '42 ');
  });

  test('an AbortSignal interrupts the same way', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const err = await orKill(sc, sc.forth(': spin2 begin again ; spin2', { signal: ac.signal })).catch((e) => e);
    assert.ok(err instanceof ForthError, String(err));
    assert.equal(err.code, -28);
    assert.match(err.message, /aborted/);
    assert.equal(await sc.forth('1 2 + .'), '3 ');
    // aborted already: nothing runs
    await assert.rejects(sc.forth('1 .', { signal: AbortSignal.abort() }), AbortError);
  });

  test('a word that does not stop when interrupted is ended by a restart (TimeoutError, AbortError)', async () => {
    await sc.forth(BLOCK_SIGINT);
    const gen = sc.generation;
    const err = await orKill(sc, sc.forth('deaf-spin', { timeoutMs: 100, graceMs: 200 })).catch((e) => e);
    assert.ok(err instanceof TimeoutError, String(err));
    assert.equal(sc.running, true);
    assert.ok(sc.generation > gen, 'the sidecar was replaced');
    assert.equal(await sc.forth('2 3 * .'), '6 ', 'a fresh Forth answers');
    await sc.forth(BLOCK_SIGINT);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const err2 = await orKill(sc, sc.forth('deaf-spin', { signal: ac.signal, graceMs: 100 })).catch((e) => e);
    assert.ok(err2 instanceof AbortError, String(err2));
    assert.equal(await sc.forth('2 3 * .'), '6 ');
  });

  test('the start option timeoutMs is the default deadline of sc.forth', async () => {
    const s2 = await Sidecar.start({ memory: 16 << 20, timeoutMs: 300 });
    try {
      const err = await orKill(s2, s2.forth(': spin3 begin again ; spin3')).catch((e) => e);
      assert.ok(err instanceof ForthError, String(err));
      assert.equal(err.code, -28);
      assert.equal(await s2.forth('1 .'), '1 ');
    } finally {
      await s2.stop();
    }
  });

  test('a C call queued behind a running evaluation that times out reports TimeoutError', async () => {
    const libc = await sc.library('libc.so.6');
    const abs = libc.func('int abs(int)');
    assert.equal(await abs(-1), 1); // bound (its symbol looked up) before it queues
    await sc.forth('1 drop');
    const spin = sc.forth(': spin4 begin again ; spin4', { timeoutMs: Number.POSITIVE_INFINITY }).catch((e) => e);
    await new Promise((r) => setTimeout(r, 50)); // the evaluation runs
    const err = await orKill(sc, abs.with({ timeoutMs: 100 })(-5)).catch((e) => e);
    assert.ok(err instanceof TimeoutError, String(err));
    assert.match(err.message, /abs timed out/);
    await spin;
    assert.equal(await abs(-7), 7);
    assert.equal(await sc.forth('1 1 + .'), '2 ');
  });
});

describe('Forth: interrupts', () => {
  test('an interrupt in the same tick as sc.forth() (before the word runs) is not lost', async () => {
    const sc = await Sidecar.start({ memory: 16 << 20 });
    try {
      // On a fresh sidecar the Forth is still booting.
      const p = sc.forth(': spin5 begin again ; spin5', { timeoutMs: Number.POSITIVE_INFINITY });
      sc.forthInterrupt();
      const err = await orKill(sc, p).catch((e) => e);
      assert.ok(err instanceof ForthError, String(err));
      assert.equal(err.code, -28);
      assert.equal(sc.running, true);
      // Booted, idle: the interrupt waits for the evaluation.
      const q = sc.forth('spin5', { timeoutMs: Number.POSITIVE_INFINITY });
      sc.forthInterrupt();
      assert.equal(await orKill(sc, q).catch((e) => e.code), -28);
      // It targets that one evaluation, not the next.
      assert.equal(await sc.forth('7 .'), '7 ');
      // Without an evaluation asked for, an interrupt does nothing.
      sc.forthInterrupt();
      assert.equal(await sc.forth('8 .'), '8 ');
    } finally {
      await sc.stop();
    }
  });

  test('an interrupt stops a loop that prints; the host holds at most maxOutput bytes of it', async () => {
    const sc = await Sidecar.start({ memory: 16 << 20 });
    try {
      await sc.forth('1 drop');
      let streamed = 0;
      const p = sc.forthSession().eval(': blanks begin 32 emit again ; blanks', {
        maxOutput: 1000,
        onOutput: (t) => {
          streamed += t.length;
        },
      });
      setTimeout(() => sc.forthInterrupt(), 300);
      const err = await orKill(sc, p).catch((e) => e);
      assert.ok(err instanceof ForthError, String(err));
      assert.equal(err.code, -28);
      assert.ok(streamed > 1000, `all the output was streamed (${streamed})`);
      const [held, marker] = err.output.split('\n[');
      assert.equal(held, ' '.repeat(1000));
      assert.match(marker, /^\d+ bytes of output dropped: more than maxOutput \(1000\)\]\n$/);
      const r = await sc.forthSession().eval('3 spaces', { maxOutput: 3 });
      assert.equal(r.output, '   ');
      assert.equal(r.dropped, 0);
    } finally {
      await sc.stop();
    }
  });
});

describe('Forth: errors keep what was printed', () => {
  test('ForthError.output holds the output before the error', async () => {
    const sc = await Sidecar.start({ memory: 16 << 20 });
    try {
      const err = await sc.forth('." hello" cr 1 2 + . bogus').catch((e) => e);
      assert.ok(err instanceof ForthError);
      assert.equal(err.code, -13);
      assert.equal(err.output, 'hello\n3 ');
    } finally {
      await sc.stop();
    }
  });
});

describe('Forth: restart', () => {
  test('definitions are lost on restart unless the session replays them', async () => {
    const sc = await Sidecar.start({ memory: 16 << 20 });
    try {
      const xs = sc.alloc('int64_t', 4);
      await sc.forth(': lost 1 ;');
      await sc.restart();
      assert.equal(await sc.forth('lost').catch((e) => e.code), -13);
      const session = sc.forthSession();
      session.replay = true;
      await sc.forth(': twice 2 * ;');
      await sc.forth('bogus').catch(() => {}); // not replayed
      await sc.forthDefine('xs', xs);
      await sc.forth('variable v  5 v !  ." printed"');
      await sc.restart();
      assert.equal(await sc.forth('21 twice .  v @ .  xs# .'), '42 5 4 ');
      sc.kill(); // a crash too
      await new Promise((r) => setTimeout(r, 100));
      await sc.restart();
      assert.equal(await sc.forth('xs 3 cells + 9 swap !  4 twice .'), '8 ');
      assert.equal(xs[3], 9n);
    } finally {
      await sc.stop();
    }
  });
});

describe('Forth: bad pointers to the C library are iors, not a dead sidecar', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 16 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  const cases: [string, string][] = [
    ['pad free .', '-60 '],
    ['here 8 + free .', '-60 '],
    ['pad 100 resize . pad = .', '-61 -1 '],
    ['100 allocate drop dup free . free .', '0 -60 '], // freed twice
    ['100 allocate drop 200 resize . 300 resize . free .', '0 0 0 '],
    ['pad file-position . . .', '-65 0 0 '],
    ['12345 close-file .', '-62 '],
    ['pad 10 pad read-file . .', '-70 0 '],
    ['pad 10 pad read-line . . .', '-71 0 0 '],
    ['pad 10 here write-file .', '-75 '],
    ['0. pad reposition-file .', '-73 '],
    ['pad file-size . . .', '-66 0 0 '],
    ['pad flush-file .', '-68 '],
    ['0. pad resize-file .', '-74 '],
  ];
  for (const [src, out] of cases) {
    test(src, async () => {
      assert.equal(await sc.forth(src), out);
      assert.equal(sc.running, true);
    });
  }

  test('a file closed is no longer a fileid; INCLUDE-FILE of one throws -37', async () => {
    const out = await sc
      .forth('s" /dev/null" r/o open-file . dup close-file . dup close-file . dup file-position . . . include-file')
      .catch((e) => e);
    assert.ok(out instanceof ForthError);
    assert.equal(out.code, -37);
    assert.equal(out.output, '0 0 -62 -65 0 0 ');
  });

  test('a negative ALLOT gives space back down to the newest header, not into the dictionary', async () => {
    assert.equal(await sc.forth('create b1 100 allot -50 allot -50 allot here b1 = .'), '-1 ');
    await assert.rejects(sc.forth('-99 buffer: b2'), (e: ForthError) => e.code === -8);
    await assert.rejects(sc.forth('-1000000 allot'), (e: ForthError) => e.code === -8);
    assert.equal(await sc.forth(': after-allot 1 ; after-allot .'), '1 ');
  });

  test('many blocks allocated and freed in any order', async () => {
    const out = await sc.forth(`create blks 3000 cells allot
      : fill-blks 3000 0 do i 1+ allocate throw blks i cells + ! loop ;
      : free-odd 3000 0 do i 1 and if blks i cells + @ free throw then loop ;
      : free-even 3000 0 do i 1 and 0= if blks i cells + @ free throw then loop ;
      fill-blks free-odd fill-blks free-even free-odd 0 free . pad free .`);
    assert.equal(out, '0 -60 ');
  });
});

describe('Forth: a THROW in the middle of a definition takes it back', () => {
  test('`: x begin while sliteral ;` leaves the system as it was, in every fresh sidecar', async () => {
    for (let run = 0; run < 4; run++) {
      const sc = await Sidecar.start({ memory: 16 << 20 });
      try {
        const before = await sc.forth('here . code-here . (latest) @ .');
        const err = await sc.forth(': x begin while sliteral ;').catch((e) => e);
        assert.ok(err instanceof ForthError, String(err));
        assert.equal(err.code, -8);
        assert.equal(await sc.forth('here . code-here . (latest) @ .'), before);
        assert.equal(await sc.forth(': y 3 ; y .'), '3 ');
        await assert.rejects(sc.forth(': kept1 1 ; : x begin while sliteral ;'), ForthError);
        assert.equal(await sc.forth('kept1 .'), '1 ', 'a definition before it stays');
      } finally {
        await sc.stop();
      }
    }
  });

  test('across evaluations, with locals, word lists and the search order', async () => {
    const sc = await Sidecar.start({ memory: 16 << 20 });
    try {
      const before = await sc.forth('here . code-here .');
      const r = await sc.forthSession().eval(': half-done 1');
      assert.equal(r.compiling, true);
      await assert.rejects(sc.forth('2 bogus'), (e: ForthError) => e.code === -13);
      assert.equal(await sc.forth('here . code-here .'), before);
      assert.equal(await sc.forth('half-done').catch((e) => e.code), -13);
      // a local's name does not outlive the definition that failed
      await assert.rejects(sc.forth(': l1 {: a b :} a [ 0 @ ] ;'), (e: ForthError) => e.code === -9);
      assert.equal(await sc.forth(': l2 a ;').catch((e) => e.code), -13);
      // nor a word list made in it, as the compilation word list or in the search order
      await assert.rejects(sc.forth(': w1 [ wordlist dup set-current >order ] bogus'), ForthError);
      assert.equal(await sc.forth('get-current forth-wordlist = . get-order nip .'), '-1 1 ');
      assert.equal(await sc.forth('here . code-here .'), before);
      assert.equal(await sc.forth(': ok1 {: a b :} b a ; 1 2 ok1 . .'), '1 2 ');
    } finally {
      await sc.stop();
    }
  });
});

describe('Forth: EXTERN: reads C prototypes as the rest of Sidecar does', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 16 << 20 });
    await sc.forth('library libm.so.6');
  });
  after(async () => {
    await sc.stop();
  });

  test('C spelling: no spaces around the parentheses, commas, parameter names, pointers, qualifiers', async () => {
    assert.equal(await sc.forth('extern: double cbrt(double) 27e cbrt f.'), '3. ');
    // x is the parameter's name, not a second parameter (a cell, which would underflow the data stack)
    assert.equal(await sc.forth('extern: double fabs( double x ) -2e fabs f. depth . fdepth .'), '2. 0 0 ');
    assert.equal(await sc.forth('extern: double fmin(double x, double y) 2e 10e fmin f. fdepth .'), '2. 0 ');
    assert.equal(await sc.forth('extern: double hypot( double x double y ) 3e 4e hypot f.'), '5. ');
    const out = await sc.forth(`library libc.so.6
      extern: char *strdup(const char *s)
      extern: size_t strlen(const char*)
      extern: void free(void *p)
      extern: unsigned long long strtoull(const char * restrict nptr, char **endptr, int base)
      extern: int rand(void)
      extern: struct tm *gmtime(const time_t *t)
      s" hello" s>z strdup dup strlen . free
      s" 123456789012" s>z 0 10 strtoull .  rand 0< .  depth .`);
    assert.equal(out, '5 123456789012 0 0 ');
  });

  test('the Forth spelling still works: ( long long ) is one parameter, ( int64_t int64_t ) two', async () => {
    assert.equal(
      await sc.forth(
        'library libc.so.6 extern: long long llabs( long long ) extern: int snprintf( ptr ulong ptr int64_t int64_t ) -5 llabs . depth .',
      ),
      '5 0 ',
    );
  });

  test('errors name what is wrong: the missing symbol, the type, the prototype', async () => {
    const missing = await sc.forth('extern: double no_such_function(double)').catch((e) => e);
    assert.equal(missing.code, -13);
    assert.match(missing.message, /no_such_function/);
    const ld = await sc.forth('extern: long double sqrtl(long double)').catch((e) => e);
    assert.equal(ld.code, -24);
    assert.match(ld.message, /long-double/);
    const open = await sc.forth('extern: int abs(int').catch((e) => e);
    assert.equal(open.code, -24);
    assert.match(open.message, /int abs\(int/);
    const vararg = await sc.forth('extern: int printf(const char *fmt, ...)').catch((e) => e);
    assert.equal(vararg.code, -24);
  });
});

describe('Forth: INCLUDE resolves a relative name against the including file', () => {
  test("the including file's directory first, then the current directory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-include-'));
    const cwd = process.cwd();
    let sc: Sidecar | null = null;
    try {
      fs.mkdirSync(path.join(dir, 'a', 'sub'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'a', 'main.fs'), 'include sub/b.fs\n: from-main 1 ;\n');
      fs.writeFileSync(path.join(dir, 'a', 'sub', 'b.fs'), 'include c.fs\nrequire c.fs\n: from-b 2 ;\n');
      fs.writeFileSync(path.join(dir, 'a', 'sub', 'c.fs'), ': from-c 3 ;\n.( c loaded )\n');
      fs.writeFileSync(path.join(dir, 'a', 'sub', 'd.fs'), 'include cwd.fs\n');
      fs.writeFileSync(path.join(dir, 'cwd.fs'), ': from-cwd 4 ;\n');
      process.chdir(dir); // the sidecar's current directory
      sc = await Sidecar.start({ memory: 16 << 20 });
      process.chdir(cwd);
      assert.equal(
        await sc.forth(`s" ${path.join(dir, 'a', 'main.fs')}" included from-main . from-b . from-c .`),
        'c loaded 1 2 3 ',
      );
      assert.equal(await sc.forth('include a/sub/d.fs from-cwd .'), '4 ');
      const err = await sc.forth('include a/sub/none.fs').catch((e) => e);
      assert.equal(err.code, -38);
      assert.match(err.message, /a\/sub\/none\.fs/);
    } finally {
      process.chdir(cwd);
      await sc?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
