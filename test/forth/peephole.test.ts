/**
 * The peephole optimiser (src/forth/kernel/peephole.ts) in a real sidecar:
 * each operator after each word that only pushes (DUP OVER I J R@ R>) or
 * after a literal of either size gives what the operator gives through
 * the stack, the fused comparisons branch the right way, and nothing is
 * rewritten over a branch target (a THEN or BEGIN just before the operator).
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Sidecar } from '../../src/index.js';
import { objdump, parseObjdump } from '../support/gas.js';

describe('Forth peephole: operators fused with what pushed their operand', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 16 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  const ops: [string, (a: bigint, b: bigint) => bigint][] = [
    ['+', (a, b) => a + b],
    ['-', (a, b) => a - b],
    ['*', (a, b) => a * b],
    ['AND', (a, b) => a & b],
    ['OR', (a, b) => a | b],
    ['XOR', (a, b) => a ^ b],
    ['<', (a, b) => (a < b ? -1n : 0n)],
    ['>', (a, b) => (a > b ? -1n : 0n)],
    ['=', (a, b) => (a === b ? -1n : 0n)],
    ['<>', (a, b) => (a !== b ? -1n : 0n)],
  ];
  // Each pusher: Forth code leaving ( a b ) with b pushed by it last, the two
  // values, how many items it leaves under them, and the code that ends it.
  const pushers: [string, string, bigint, bigint, number, string][] = [
    ['DUP', '7 DUP', 7n, 7n, 0, ''],
    ['OVER', '6 -9 OVER', -9n, 6n, 1, ''],
    ['I', '40 3 2 DO DUP I', 40n, 2n, 1, 'LOOP'],
    ['J', '40 5 4 DO 2 1 DO DUP J', 40n, 4n, 1, 'LOOP LOOP'],
    ['R@', '12 -5 >R R@', 12n, -5n, 0, 'R> DROP'],
    ['R>', '12 -5 >R 3 R>', 3n, -5n, 1, ''],
    ['a small literal', '100 -42', 100n, -42n, 0, ''],
    ['a wide literal', '100 123456789012', 100n, 123456789012n, 0, ''],
  ];
  const wrap = (n: bigint): bigint => BigInt.asIntN(64, n);

  test('each operator after each pusher computes what it computes through the stack', async () => {
    const wrong: string[] = [];
    let i = 0;
    for (const [name, code, a, b, left, end] of pushers) {
      for (const [op, f] of ops) {
        const w = `pp${i++}`;
        const out = await sc.forth(`: ${w} ${code} ${op} ${'NIP '.repeat(left)}${end} ; ${w} . DEPTH .`);
        const want = `${wrap(f(a, b))} 0 `;
        if (out !== want) wrong.push(`${name} ${op}: ${JSON.stringify(out)}, expected ${JSON.stringify(want)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('a comparison after each pusher, fused with IF, takes the right branch', async () => {
    const wrong: string[] = [];
    let i = 0;
    for (const [name, code, a, b, left, end] of pushers) {
      for (const [op, f] of ops.filter(([o]) => /[<>=]/.test(o))) {
        const w = `pb${i++}`;
        // the comparison consumes a and b; the branch taken leaves 1 or 2 under what is left
        const src = `: ${w} ${code} ${op} IF 1 ELSE 2 THEN ${'NIP '.repeat(left)}${end} ; ${w} . DEPTH .`;
        const out = await sc.forth(src);
        const want = `${f(a, b) ? 1 : 2} 0 `;
        if (out !== want) wrong.push(`${name} ${op}: ${JSON.stringify(out)}, expected ${JSON.stringify(want)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('an operator right after a branch target keeps the code the jump lands in', async () => {
    // Each branch of the IF ends in a literal or a DUP; the operator after THEN must not fold it.
    assert.equal(await sc.forth(': bt1 IF 5 ELSE 6 THEN + ; 10 -1 bt1 . 10 0 bt1 .'), '15 16 ');
    assert.equal(await sc.forth(': bt2 IF 5 ELSE 123456789012 THEN + ; 1 -1 bt2 . 1 0 bt2 .'), '6 123456789013 ');
    assert.equal(await sc.forth(': bt3 IF DUP ELSE 1 THEN + ; 4 -1 bt3 . 4 0 bt3 .'), '8 5 ');
    assert.equal(await sc.forth(': bt4 DUP IF 5 ELSE DUP THEN 0= IF 1 ELSE 2 THEN NIP ; 0 bt4 . 3 bt4 .'), '1 2 ');
    assert.equal(await sc.forth(': bt5 IF 5 ELSE 6 THEN < IF 1 ELSE 2 THEN ; 10 -1 bt5 . 1 0 bt5 .'), '2 1 ');
    assert.equal(await sc.forth(': bt6 IF 1 ELSE 2 THEN 3 LSHIFT ; -1 bt6 . 0 bt6 .'), '8 16 ');
    assert.equal(await sc.forth('DEPTH .'), '0 ');
  });

  test('pairs of stack words fused into one, or none, do what the two do', async () => {
    const cases: [string, string][] = [
      ['1 2 3 ROT ROT', '2 1 3 0 '],
      ['1 2 3 ROT -ROT', '3 2 1 0 '],
      ['1 2 3 -ROT ROT', '3 2 1 0 '],
      ['1 2 SWAP SWAP', '2 1 0 '],
      ['1 2 SWAP DROP', '2 0 '],
      ['1 2 3 DROP DROP', '1 0 '],
      ['1 2 3 4 2SWAP 2SWAP', '4 3 2 1 0 '],
      ['1 2 3 ROT ROT ROT', '3 2 1 0 '],
    ];
    let i = 0;
    for (const [code, want] of cases) {
      const w = `pf${i++}`;
      const n =
        code.split(' ').filter((t) => /^[0-9]+$/.test(t)).length -
        (code.includes('DROP') ? code.split('DROP').length - 1 : 0);
      assert.equal(await sc.forth(`: ${w} ${code} ; ${w} ${'. '.repeat(n)}DEPTH .`), want, code);
    }
    // not across a branch target: the SWAP before THEN runs only on one path
    assert.equal(await sc.forth(': pf-b IF SWAP THEN SWAP ; 1 2 -1 pf-b . . 1 2 0 pf-b . .'), '2 1 1 2 ');
  });

  test('operators of one item after a pusher make a longer pusher, fused with the operator after it', async () => {
    const sum = (f: (i: number) => number) => Array.from({ length: 10 }, (_, i) => f(i)).reduce((a, b) => a + b, 0);
    const cases: [string, number][] = [
      ['I CELLS +', sum((i) => i * 8)],
      ['I 3 + 2* I 5 * + +', sum((i) => (i + 3) * 2 + i * 5)],
      ['I 3 RSHIFT 1 LSHIFT +', sum((i) => (i >> 3) << 1)],
      ['DUP 1+ 2/ -', 0], // ( sum -- sum - (sum+1)/2 ) each time
      ['I 1+ 1- CELL+ 2* +', sum((i) => (i + 8) * 2)],
      [
        'I 1+ 2* 1- CELLS 2/ 1+ CELL+ 2* 2* 2* 2* 2* 2* 2* 2* 2* 2* +',
        sum((i) => (((((i + 1) * 2 - 1) * 8) >> 1) + 1 + 8) * 1024),
      ],
    ];
    let n = 0;
    for (const [body, want] of cases) {
      const w = `pc${n++}`;
      let expect = want;
      if (body.startsWith('DUP')) {
        let s = 0;
        for (let i = 0; i < 10; i++) s = s - Math.floor((s + 1) / 2);
        expect = s;
      }
      assert.equal(await sc.forth(`: ${w} 0 10 0 DO ${body} LOOP ; ${w} . DEPTH .`), `${expect} 0 `, body);
    }
    assert.equal(await sc.forth('CREATE pc-x 7 , 9 , : pc-y pc-x DUP @ OVER CELL+ @ * NIP ; pc-y . DEPTH .'), '63 0 ');
    assert.equal(await sc.forth('CREATE pc-b 3 C, 250 C, : pc-c pc-b 1 OVER 1+ C@ + NIP ; pc-c . DEPTH .'), '251 0 ');
  });

  test('a literal and OVER after it push both at once', async () => {
    assert.equal(await sc.forth(': lo1 7 5 OVER ; lo1 . . . DEPTH .'), '7 5 7 0 ');
    assert.equal(await sc.forth(': lo2 7 -3 OVER + ; lo2 . . DEPTH .'), '4 7 0 ');
    assert.equal(await sc.forth(': lo3 7 123456789012 OVER ; lo3 . . . DEPTH .'), '7 123456789012 7 0 ');
    assert.equal(await sc.forth('CREATE lo-b 4 ALLOT : lo4 lo-b 0 OVER C! C@ ; lo4 . DEPTH .'), '0 0 ');
    // the literal is where a jump lands: OVER stays apart
    assert.equal(
      await sc.forth(': lo5 IF 9 THEN OVER ; 1 4 -1 lo5 . . . 4 1 0 lo5 . . . . DEPTH .'),
      '4 9 4 4 1 4 1 0 ',
    );
  });

  test('SWAP, an operator of one item, SWAP: the operator works on the second item', async () => {
    const cases: [string, string][] = [
      ['1 2 SWAP CELL+ SWAP', '2 9 0 '],
      ['1 2 SWAP 5 + SWAP', '2 6 0 '],
      ['1 2 SWAP -5 - SWAP', '2 6 0 '],
      ['12 2 SWAP 10 AND SWAP', '2 8 0 '],
      ['1 2 SWAP 3 LSHIFT SWAP', '2 8 0 '],
      ['-8 2 SWAP 1 RSHIFT SWAP', '2 9223372036854775804 0 '],
      ['1 2 SWAP 2* 1+ SWAP', '2 3 0 '],
      ['1 2 SWAP 5 * SWAP', '2 5 0 '],
      ['1 2 SWAP 1- SWAP SWAP', '0 2 0 '],
      ['-7 2 SWAP 2/ SWAP', '2 -4 0 '],
      ['3 2 SWAP CELLS SWAP', '2 24 0 '],
    ];
    let i = 0;
    for (const [code, want] of cases) {
      const w = `ps${i++}`;
      assert.equal(await sc.forth(`: ${w} ${code} ; ${w} . . DEPTH .`), want, code);
    }
    // a jump lands between: nothing fused
    assert.equal(
      await sc.forth(': ps-b IF SWAP THEN CELL+ SWAP ; 3 4 -1 ps-b . . 3 4 0 ps-b . . DEPTH .'),
      '4 11 3 12 0 ',
    );
    assert.equal(await sc.forth('CREATE ps-x 42 , : ps-y ps-x 2 SWAP @ SWAP ; ps-y . . DEPTH .'), '2 42 0 ');
  });

  test('I + compiles shorter than I through the stack', async () => {
    const size = (def: string, name: string): string => `${def} CODE-HERE ' ${name} -`;
    // Without the stack model (lib/optimise.fs), the peephole alone: `0 DROP`
    // between I and + keeps the push (DROP is no pusher nor literal).
    const off = (def: string): string => `(VM-HOOK) @ 0 (VM-HOOK) ! ${def} SWAP (VM-HOOK) !`;
    const fusedLen = await sc.forth(`${off(size(': sz1 0 8 0 DO I + LOOP ;', 'sz1'))} .`);
    const plainLen = await sc.forth(`${off(size(': sz2 0 8 0 DO I 0 DROP + LOOP ;', 'sz2'))} .`);
    assert.ok(Number(fusedLen) < Number(plainLen) - 8, `${fusedLen} vs ${plainLen}`);
    assert.equal(await sc.forth('sz1 . sz2 .'), '28 28 ');
    // the stack model compiles both alike (`0 DROP` is nothing to it); both
    // start on the same 64-byte boundary, as the model pads loops to one
    await sc.forth(': sz-align BEGIN CODE-HERE 63 AND WHILE 144 CODE, REPEAT ;');
    const modelLen = await sc.forth(`sz-align ${size(': sz3 0 8 0 DO I + LOOP ;', 'sz3')} .`);
    const modelLen2 = await sc.forth(`sz-align ${size(': sz4 0 8 0 DO I 0 DROP + LOOP ;', 'sz4')} .`);
    assert.equal(modelLen, modelLen2);
    assert.equal(await sc.forth('sz3 . sz4 .'), '28 28 ');
  });
  test('a loop, and the body after a repeated WHILE test, start on a 64-byte line', async () => {
    // Each backward jump (LOOP's jno, the repeated test's jcc) lands on a
    // 64-byte boundary of the execute view, and GNU objdump decodes every
    // byte of the word, the padding included.
    await sc.forth(': (al-bytes) ( xt n -- ) 0 DO DUP I + C@ . LOOP DROP ;');
    const words: [string, string, string][] = [
      ['al1', ': al1 0 100 0 DO I + LOOP ;', '4950 '],
      ['al2', ': al2 0 BEGIN DUP 100 < WHILE 3 + REPEAT ;', '102 '],
      ['al3', ': al3 0 10 0 DO 5 0 DO 1+ LOOP LOOP ;', '50 '],
    ];
    for (const [name, def, result] of words) {
      const [xt, len] = (await sc.forth(`${def} ' ${name} . CODE-HERE ' ${name} - .`)).trim().split(' ').map(Number);
      const bytes = (await sc.forth(`HEX ' ${name} ${len} (al-bytes) DECIMAL`)).trim().split(/\s+/);
      const code = parseObjdump(objdump(new Uint8Array(bytes.map((b) => Number.parseInt(b, 16)))));
      const back = code.filter((ins) => {
        const m = /^j\w+\s+(?:0x)?([0-9a-f]+)\b/.exec(ins.text);
        return m !== null && Number.parseInt(m[1] as string, 16) < ins.offset;
      });
      assert.ok(back.length > 0, `${name}: no backward jump in\n${code.map((i) => i.text).join('\n')}`);
      for (const j of back) {
        const target = Number.parseInt(/^j\w+\s+(?:0x)?([0-9a-f]+)/.exec(j.text)?.[1] as string, 16);
        assert.equal(((xt as number) + target) % 64, 0, `${name}: '${j.text}' lands off a 64-byte line`);
      }
      assert.ok(!code.some((i) => i.text.includes('(bad)')), `${name}: bytes objdump cannot decode`);
      assert.equal(await sc.forth(`${name} .`), result);
    }
  });
});
