/**
 * The Forth kernel's builder: the stack effect each primitive states is
 * read as the glossary writes it, and a primitive whose declared counts
 * disagree with its effect is refused when the kernel is built.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { effectCounts, newBuilder } from '../../src/forth/kernel/context.js';
import { buildForthKernel } from '../../src/forth/kernel.js';

describe('Forth kernel: stack effects', () => {
  test('the data-stack counts of glossary stack effects', () => {
    const cases: [string, { needs: number; net: number } | null][] = [
      ['( a b -- b a )', { needs: 2, net: 0 }],
      ['( x -- x x )', { needs: 1, net: 1 }],
      ['( -- )', { needs: 0, net: 0 }],
      ['( x -- )', { needs: 1, net: -1 }],
      ['( d -- n )', { needs: 2, net: -1 }],
      ['( ud u -- urem uquot )', { needs: 3, net: -1 }],
      ['( d1 d2 -- d1+d2 )', { needs: 4, net: -2 }],
      ['( addr -- ) ( F: -- r )', { needs: 1, net: -1 }],
      ['( F: r1 r2 -- r3 )', { needs: 0, net: 0 }],
      ['( -- flag ) ( F: r1 r2 -- )', { needs: 0, net: 1 }],
      ['( R: x -- )', { needs: 0, net: 0 }],
      ['( "name" -- colon-sys )', { needs: 0, net: 1 }],
      ['( handle zname -- addr|0 )', { needs: 2, net: -1 }],
      ['( a b -- a*b )', { needs: 2, net: -1 }],
      ['( x -- 0 | x x )', null],
      ['( i*x xt -- j*x )', null],
      ['( xu..x0 u -- xu..x0 xu )', null],
      ['( i*x fn desc -- result? )', null],
    ];
    for (const [effect, want] of cases) assert.deepEqual(effectCounts(effect), want, effect);
    assert.throws(() => effectCounts('a b -- c'), /no \( -- \) group/);
    assert.throws(() => effectCounts('( a b c )'), /no single --/);
  });

  test('a primitive whose counts contradict its stated effect is refused', () => {
    const k = newBuilder();
    assert.throws(() => k.prim('BAD', '( a b -- c )', { needs: 1, net: -1 }, (x) => x.ret()), /takes 2 items, not 1/);
    assert.throws(() => k.prim('BAD2', '( a -- a a )', { needs: 1, net: 0 }, (x) => x.ret()), /by 1, not 0/);
    k.prim('GOOD', '( a b -- c )', { needs: 2, net: -1 }, (x) => x.ret());
    assert.equal(k.prims.at(-1)?.name, 'GOOD');
  });

  test('the kernel builds, with every primitive stating an effect the builder accepts', () => {
    const o = buildForthKernel();
    const text = o.sections.find((s) => s.name === '.text');
    assert.ok(text && text.bytes.length > 10_000);
  });
});
