/**
 * The stack model (src/forth/lib/optimise.fs) and the guarded call
 * (kernel/compiler.ts compile_call) in a real sidecar.
 *
 * Differential: random programs of stack words, arithmetic, comparisons,
 * memory words, the return stack and control structures (IF ELSE THEN,
 * DO ?DO LOOP +LOOP with I J LEAVE, UNLOOP EXIT, BEGIN WHILE REPEAT with
 * a test that REPEAT may repeat, BEGIN UNTIL) are compiled twice, with the model and without it (the
 * compiler as it was: peephole only), run from the same stack and memory,
 * and must leave the same stack and memory; straight-line programs are also
 * interpreted word by word (each word's own code, EXECUTEd). Then the cases
 * the model must see through: CATCH and THROW out of an optimised sequence,
 * `[ ]` inside a definition, POSTPONE and COMPILE, of optimised words,
 * DOES>, locals, RECURSE, EXIT, SEE.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Sidecar } from '../../src/index.js';
import { xorshift } from '../support/rng.js';

const rng = xorshift;

/** Words with what they need and their net effect. */
const WORDS: [string, number, number][] = [
  ['DUP', 1, 1],
  ['DROP', 1, -1],
  ['SWAP', 2, 0],
  ['OVER', 2, 1],
  ['NIP', 2, -1],
  ['TUCK', 2, 1],
  ['ROT', 3, 0],
  ['-ROT', 3, 0],
  ['2DUP', 2, 2],
  ['2DROP', 2, -2],
  ['+', 2, -1],
  ['-', 2, -1],
  ['*', 2, -1],
  ['AND', 2, -1],
  ['OR', 2, -1],
  ['XOR', 2, -1],
  ['1+', 1, 0],
  ['1-', 1, 0],
  ['2*', 1, 0],
  ['2/', 1, 0],
  ['CELLS', 1, 0],
  ['CELL+', 1, 0],
  ['CHARS', 1, 0],
  ['NEGATE', 1, 0],
  ['INVERT', 1, 0],
  ['=', 2, -1],
  ['<>', 2, -1],
  ['<', 2, -1],
  ['>', 2, -1],
  ['U<', 2, -1],
  ['U>', 2, -1],
  ['0=', 1, 0],
  ['0<>', 1, 0],
  ['0<', 1, 0],
  ['0>', 1, 0],
  // words the model does not know: it flushes before them
  ['MAX', 2, -1],
  ['ABS', 1, 0],
  ['2SWAP', 4, 0],
  // a colon definition: a call (code that depends on where it is)
  ['mix', 2, -1],
  // memory, on the 16-cell buffer mb (addresses made from the top item)
  ['7 AND CELLS mb + @', 1, 0],
  ['7 AND CELLS mb + !', 2, -2],
  ['7 AND CELLS mb + +!', 2, -2],
  ['15 AND mb + C@', 1, 0],
  ['15 AND mb + C!', 2, -2],
  ['mb @', 0, 1],
  ['mb CELL+ !', 1, -1],
  // a shift by a count the model does not know
  ['DUP 63 AND LSHIFT', 1, 0],
];

interface Gen {
  r: () => number;
  out: string[];
  depth: number;
  loops: number;
  /** items this definition has on the return stack (no EXIT while there are) */
  rs: number;
  straight: boolean;
}

function literal(g: Gen): string {
  const k = g.r();
  if (k < 0.5) return String(Math.floor(g.r() * 21) - 10);
  if (k < 0.8) return String(Math.floor(g.r() * 2 ** 31) * (g.r() < 0.5 ? -1 : 1));
  return String(BigInt.asIntN(64, BigInt(Math.floor(g.r() * 2 ** 32)) * 0x1_0000_0001n + 12345n));
}

/** Appends words to g.out until about n were placed; keeps g.depth. */
function sequence(g: Gen, n: number, nest: number): void {
  for (let i = 0; i < n; i++) {
    const k = g.r();
    if (g.depth > 10) {
      g.out.push('DROP');
      g.depth--;
    } else if (k < 0.15 || g.depth === 0) {
      g.out.push(literal(g));
      g.depth++;
    } else if (k < 0.2) {
      g.out.push(`${Math.floor(g.r() * 64)} ${g.r() < 0.5 ? 'LSHIFT' : 'RSHIFT'}`);
    } else if (k < 0.24 && g.depth >= 1) {
      // the return stack around a piece of code
      g.out.push('>R');
      g.depth--;
      g.rs++;
      const inner = Math.floor(g.r() * 4);
      for (let j = 0; j < inner; j++) {
        if (g.r() < 0.3) {
          g.out.push('R@');
          g.depth++;
        } else sequence(g, 1, nest + 1);
      }
      g.out.push('R>');
      g.depth++;
      g.rs--;
    } else if (!g.straight && k < 0.3 && nest < 2 && g.depth >= 1) {
      g.out.push('IF');
      g.depth--;
      const d = g.depth;
      balanced(g, 1 + Math.floor(g.r() * 5), nest + 1, d);
      if (g.r() < 0.6) {
        g.out.push('ELSE');
        balanced(g, 1 + Math.floor(g.r() * 5), nest + 1, d);
      }
      g.out.push('THEN');
    } else if (!g.straight && k < 0.35 && nest < 2) {
      const d = g.depth;
      const form = g.r();
      g.loops++;
      if (form < 0.5) g.out.push(`${Math.floor(g.r() * 5)} 0 ?DO`);
      else g.out.push(`${1 + Math.floor(g.r() * 4)} 0 DO`);
      const body = 1 + Math.floor(g.r() * 6);
      for (let j = 0; j < body; j++) {
        const c = g.r();
        if (c < 0.2) {
          g.out.push('I');
          g.depth++;
        } else if (c < 0.25 && g.loops > 1) {
          g.out.push('J');
          g.depth++;
        } else if (c < 0.33 && g.loops === 1 && g.rs === 0)
          g.out.push(`I ${Math.floor(g.r() * 4)} = IF UNLOOP EXIT THEN`);
        else sequence(g, 1, nest + 1);
      }
      balanced(g, 0, nest + 1, d);
      // LEAVE where the depth is the loop's (a loop that leaves early leaves the same depth)
      if (g.r() < 0.3) g.out.push(`I ${Math.floor(g.r() * 4)} = IF LEAVE THEN`);
      g.out.push(g.r() < 0.7 ? 'LOOP' : `${1 + Math.floor(g.r() * 2)} +LOOP`);
      g.loops--;
    } else if (!g.straight && k < 0.38 && nest < 2) {
      const d = g.depth;
      const form = g.r();
      if (form < 0.3) {
        g.out.push(`${Math.floor(g.r() * 4)} BEGIN DUP WHILE >R`);
        g.rs++;
        balanced(g, 1 + Math.floor(g.r() * 5), nest + 1, d);
        g.out.push('R> 1- REPEAT DROP');
      } else if (form < 0.65) {
        // a test of straight-line code on the items (REPEAT repeats it), the count on the return stack
        g.out.push(`${Math.floor(g.r() * 5)} BEGIN >R`);
        g.rs++;
        const straight = g.straight;
        g.straight = true;
        balanced(g, 1 + Math.floor(g.r() * 6), nest + 1, d + 1);
        g.straight = straight;
        g.out.push(`${g.r() < 0.5 ? '' : '0<> '}R@ 0> AND R> SWAP WHILE >R`);
        g.depth = d;
        balanced(g, 1 + Math.floor(g.r() * 5), nest + 1, d);
        g.out.push('R> 1- REPEAT DROP');
      } else {
        g.out.push(`${1 + Math.floor(g.r() * 3)} BEGIN >R`);
        g.rs++;
        balanced(g, 1 + Math.floor(g.r() * 5), nest + 1, d);
        g.out.push('R> 1- DUP 0= UNTIL DROP');
      }
      g.rs--;
    } else {
      const fit = WORDS.filter(([, needs]) => needs <= g.depth);
      const [w, , net] = fit[Math.floor(g.r() * fit.length)] as [string, number, number];
      g.out.push(w);
      g.depth += net;
    }
  }
}

/** A sequence of about n words, then drops or literals back to depth d. */
function balanced(g: Gen, n: number, nest: number, d: number): void {
  sequence(g, n, nest);
  while (g.depth > d) {
    g.out.push(g.r() < 0.5 ? 'DROP' : g.depth - d >= 2 ? '+' : 'NIP');
    g.depth--;
  }
  while (g.depth < d) {
    g.out.push(literal(g));
    g.depth++;
  }
}

function program(seed: number, straight: boolean): string {
  const g: Gen = { r: rng(seed), out: [], depth: 5, loops: 0, rs: 0, straight };
  sequence(g, 6 + Math.floor(g.r() * 20), 0);
  return g.out.join(' ');
}

describe('Forth stack model: compiled code computes what the words compute', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 16 << 20 });
    await sc.forth(`
      CREATE mb 16 CELLS ALLOT
      : mb-init 16 0 DO I 7 * 3 - mb I CELLS + ! LOOP ;
      : mix ( a b -- c ) OVER 3 LSHIFT XOR + ;
      : dump ( i*x -- ) DEPTH 0 ?DO . LOOP 16 0 DO mb I CELLS + @ . LOOP ;
      : init ( -- x1 .. x5 ) mb-init -3 17 2 -1 1000000007 ;
      VARIABLE vm-hook  (VM-HOOK) @ vm-hook !
      : model-off 0 (VM-HOOK) ! ;  : model-on vm-hook @ (VM-HOOK) ! ;`);
  });
  after(async () => {
    await sc.stop();
  });

  const run = async (seed: number, straight: boolean): Promise<[string, string, string, number, number]> => {
    const src = program(seed, straight);
    const size = (w: string): string => `CODE-HERE ' ${w} -`;
    // an error is a result too (the same one is expected of both)
    const result = (text: string): Promise<string> => sc.forth(text).catch((e: Error) => `0 error ${e.message}`);
    const off = await result(`model-off : r${seed} ${src} ; model-on ${size(`r${seed}`)} . init r${seed} dump`);
    const on = await result(`: o${seed} ${src} ; ${size(`o${seed}`)} . init o${seed} dump`);
    const [offLen, ...offRest] = off.trim().split(' ');
    const [onLen, ...onRest] = on.trim().split(' ');
    return [src, offRest.join(' '), onRest.join(' '), Number(offLen), Number(onLen)];
  };

  test('straight-line programs: with the model, without it, and interpreted word by word', async () => {
    const wrong: string[] = [];
    let sizeOff = 0;
    let sizeOn = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const [src, off, on, lo, ln] = await run(seed, true);
      sizeOff += lo;
      sizeOn += ln;
      if (on !== off) wrong.push(`${src}\n  model: ${on}\n  without: ${off}`);
      if (!src.includes('R')) {
        const interpreted = (await sc.forth(`init ${src} dump`)).trim();
        if (interpreted !== on) wrong.push(`${src}\n  model: ${on}\n  interpreted: ${interpreted}`);
      }
    }
    assert.deepEqual(wrong, []);
    // the model did compile these programs (shorter code than without it)
    assert.ok(sizeOn < sizeOff * 0.9, `${sizeOn} bytes with the model, ${sizeOff} without`);
  });

  test('programs with branches and loops: with the model and without it', async () => {
    const wrong: string[] = [];
    let sizeOff = 0;
    let sizeOn = 0;
    for (let seed = 1001; seed <= 1600; seed++) {
      const [src, off, on, lo, ln] = await run(seed, false);
      sizeOff += lo;
      sizeOn += ln;
      if (on !== off) wrong.push(`${src}\n  model: ${on}\n  without: ${off}`);
    }
    assert.deepEqual(wrong, []);
    assert.ok(sizeOn < sizeOff * 0.9, `${sizeOn} bytes with the model, ${sizeOff} without`);
  });

  test('loops that carry items in registers', async () => {
    // nested loops with I and J, two items carried through both
    assert.equal(await sc.forth(': tn 0 1 5 0 DO 3 0 DO SWAP I J * + SWAP 1+ LOOP LOOP ; tn . .'), '16 30 ');
    // a loop that grows the stack, one that shrinks it down to nothing (its back edge reads
    // one item more than the program has at the end), one that leaves in the middle
    assert.equal(await sc.forth(': tg 0 BEGIN DUP 1+ DUP 5 = UNTIL ; tg .S 2DROP 2DROP 2DROP'), '<6> 0 1 2 3 4 5 ');
    assert.equal(await sc.forth(': ts >R 0 R> 0 ?DO + LOOP ; 1 2 3 4 4 ts . DEPTH .'), '10 0 ');
    assert.equal(await sc.forth(': tw 7 0 BEGIN 2DUP > WHILE 1+ SWAP 1- SWAP REPEAT ; tw . . DEPTH .'), '4 3 0 ');
    // REPEAT repeating the test: no pass, one, many; a test on memory; two WHILEs (not repeated)
    await sc.forth(': tz ( n -- n k ) 0 BEGIN OVER OVER > WHILE 1+ REPEAT ;');
    assert.equal(await sc.forth('0 tz . . 1 tz . . 9 tz . . -4 tz . . DEPTH .'), '0 0 1 1 9 9 0 -4 0 ');
    assert.equal(await sc.forth(': tm mb 2 OVER ! BEGIN DUP @ WHILE -1 OVER +! REPEAT @ ; tm .'), '0 ');
    assert.equal(await sc.forth(': t2w 0 BEGIN DUP 5 < WHILE DUP 3 <> WHILE 1+ REPEAT 100 + THEN ; t2w .'), '103 ');
    assert.equal(await sc.forth(': tv 100 0 10 0 DO I + DUP 30 > IF LEAVE THEN LOOP NIP ; tv .'), '36 ');
    // +LOOP with a step the model holds, a step in memory, negative steps
    assert.equal(await sc.forth(': tp 0 20 0 DO I + 3 +LOOP ; tp .'), '63 ');
    assert.equal(await sc.forth(': tq 0 0 10 DO I + -2 +LOOP ; tq .'), '30 ');
    assert.equal(await sc.forth(': tr2 ( step -- sum ) 0 SWAP 10 0 DO I ROT + SWAP DUP +LOOP DROP ; 4 tr2 .'), '12 ');
  });

  test('THROW out of an optimised sequence, CATCH around it', async () => {
    await sc.forth(': th ( a b -- ) 2DUP + SWAP OVER * 5 + DUP 20 > IF 7 THROW THEN NIP NIP ;');
    await sc.forth(": ca ( a b -- x code ) ['] th CATCH ;");
    assert.equal(await sc.forth('1 2 ca . . DEPTH .'), '0 11 0 ');
    // THROW restores the depth CATCH saw (what th's two cells hold then is undefined)
    assert.equal(await sc.forth('3 4 ca . DEPTH . 2DROP'), '7 2 ');
    // … and what is below them, whatever the model held in registers
    assert.equal(await sc.forth(": tc 10 20 30 ROT ROT SWAP ['] th CATCH ; 1 tc . 2DROP . . DEPTH ."), '7 30 1 0 ');
  });

  test('[ ] inside a definition, POSTPONE and COMPILE, of optimised words', async () => {
    assert.equal(await sc.forth(': ti 1 2 SWAP [ 3 4 + ] LITERAL + * ; ti .'), '16 ');
    assert.equal(await sc.forth(': tj 5 [ HERE DROP ] DUP * ; tj .'), '25 ');
    await sc.forth(': my-swap-minus POSTPONE SWAP POSTPONE - ; IMMEDIATE');
    assert.equal(await sc.forth(': tp 10 3 my-swap-minus 2* ; tp .'), '-14 ');
    await sc.forth(": c-over ['] OVER COMPILE, ['] + COMPILE, ; IMMEDIATE");
    assert.equal(await sc.forth(': tq 4 9 c-over c-over ; tq . .'), '17 4 ');
    // code laid down with CODE, comes after what the model holds
    assert.equal(await sc.forth(': tr 1 2 + [ HEX 48 CODE, FF CODE, C3 CODE, DECIMAL ] ; tr .'), '4 ');
  });

  test('DOES>, locals, RECURSE, EXIT and SEE', async () => {
    await sc.forth(': plus-const CREATE , DOES> @ OVER OVER + NIP + ; 40 plus-const p40');
    assert.equal(await sc.forth('2 p40 . : tp40 1 p40 p40 ; tp40 .'), '44 124 ');
    assert.equal(await sc.forth(': tl {: a b | c :} a b - TO c c a * b + c SWAP ; 7 3 tl . .'), '31 4 ');
    await sc.forth(': fib ( n -- f ) DUP 2 < IF EXIT THEN DUP 1- RECURSE SWAP 2 - RECURSE + ;');
    assert.equal(await sc.forth('0 fib 1 fib 2 fib 10 fib 20 fib . . . . .'), '6765 55 1 1 0 ');
    assert.equal(await sc.forth(': te DUP 0< IF NEGATE EXIT THEN 1+ DUP * ; -5 te 4 te . .'), '25 5 ');
    assert.equal(await sc.forth('SEE te'), ': te DUP 0< IF NEGATE EXIT THEN 1+ DUP * ; \n');
  });
});

describe('Forth guarded calls: a word that begins with `DUP n < IF EXIT THEN` is tested at the call site', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 16 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  test('each condition of the guard, in a call and in a tail call', async () => {
    const conds: [string, (n: number) => boolean][] = [
      ['<', (n) => n < 3],
      ['>', (n) => n > 3],
      ['=', (n) => n === 3],
      ['<>', (n) => n !== 3],
      ['U<', (n) => BigInt.asUintN(64, BigInt(n)) < 3n],
    ];
    const wrong: string[] = [];
    let i = 0;
    for (const [op, holds] of conds) {
      const g = `gd${i}`;
      await sc.forth(`: ${g} DUP 3 ${op} IF EXIT THEN 100 + ; : ${g}c ${g} 1+ ; : ${g}t 2* ${g} ;`);
      for (let n = -2; n <= 6; n++) {
        const want = `${(holds(n) ? n : n + 100) + 1} ${holds(2 * n) ? 2 * n : 2 * n + 100} `;
        const out = await sc.forth(`${n} ${g}c . ${n} ${g}t .`);
        if (out !== want) wrong.push(`${op} ${n}: ${out}, expected ${want}`);
      }
      // the guard was copied to the call site: the caller's code starts with it after its own first words
      i++;
    }
    assert.deepEqual(wrong, []);
  });

  test('the guard is tested at the call site', async () => {
    // a caller that only calls the guarded word begins with the guard's `cmp rbx, imm32`
    await sc.forth(': gw DUP 5 < IF EXIT THEN 1- ; : gwc gw ;');
    const bytes = await sc.forth("HEX ' gwc C@ . ' gwc 1+ C@ . ' gwc 2 + C@ . ' gwc 3 + C@ . DECIMAL");
    assert.equal(bytes, '48 81 FB 5 ');
    assert.equal(await sc.forth('3 gwc . 9 gwc .'), '3 8 ');
  });

  test('a word whose first IF is not yet resolved when it recurses is called whole', async () => {
    assert.equal(await sc.forth(': gr DUP 0 > IF 1- RECURSE THEN ; 5 gr . -3 gr .'), '0 -3 ');
    assert.equal(await sc.forth(': gs DUP 0 > IF 1- RECURSE 7 + EXIT THEN ; 3 gs .'), '21 ');
  });
});
