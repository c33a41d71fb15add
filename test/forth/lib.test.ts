/**
 * Words of src/forth/lib that the word-set suites do not reach, in a real
 * sidecar: TYPE across the output buffer's end, ACCEPT at the end of input,
 * and the SEE recorder's arena (bounded, and given back by MARKER).
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Sidecar } from '../../src/index.js';

describe('Forth: words written in Forth', () => {
  let sc: Sidecar;
  before(async () => {
    sc = await Sidecar.start({ memory: 16 << 20 });
  });
  after(async () => {
    await sc.stop();
  });

  test('TYPE writes strings longer than the output buffer whole, after what the buffer holds', async () => {
    // 10000 bytes 'a'..'z' repeating, after 3 bytes already in the buffer: it fills and flushes twice
    const out = await sc.forth(
      '10000 ALLOCATE THROW CONSTANT BIG  : FILL-BIG 10000 0 DO I 26 MOD 97 + BIG I + C! LOOP ; FILL-BIG\n' +
        '.( <<<) BIG 10000 TYPE .( >>>) BIG FREE THROW',
    );
    const want = `<<<${Array.from({ length: 10000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('')}>>>`;
    assert.equal(out.length, want.length);
    assert.equal(out, want);
    assert.equal(await sc.forth('PAD 0 TYPE PAD -1 TYPE .( ok)'), 'ok', 'zero and negative lengths type nothing');
  });

  test('ACCEPT at the end of standard input takes nothing', async () => {
    assert.equal(await sc.forth('PAD 80 ACCEPT . DEPTH .'), '0 0 ');
  });

  test('SEE shows what a definition was compiled from', async () => {
    assert.equal(
      await sc.forth(': SQ-SEE ( n -- n*n ) DUP * 7 + ; SEE SQ-SEE'),
      ': SQ-SEE ( n -- n*n ) DUP * 7 + ; \n',
    );
  });

  test('SEE shows what immediate words parsed as text: locals, TO, tick, strings, POSTPONE', async () => {
    await sc.forth(': SEE-L {: a b | c -- d :} a b + TO c c ;  0 VALUE SEE-V');
    assert.equal(await sc.forth('SEE SEE-L'), ': SEE-L {: a b | c -- d :} a b + TO c c ; \n');
    await sc.forth(
      `: SEE-S ['] DUP DROP [CHAR] x DROP S" two words" 2DROP 5 TO SEE-V ." done" ; : SEE-P POSTPONE IF ; IMMEDIATE`,
    );
    assert.equal(
      await sc.forth('SEE SEE-S'),
      `: SEE-S ['] DUP DROP [CHAR] x DROP S" two words" 2DROP 5 TO SEE-V ." done" ; \n`,
    );
    assert.equal(await sc.forth('SEE SEE-P'), ': SEE-P POSTPONE IF ; IMMEDIATE\n');
    assert.equal(await sc.forth('3 4 SEE-L . SEE-S SEE-V .'), '7 done5 ');
  });

  test('MARKER gives the SEE arena back', async () => {
    const used = await sc.forth(
      '(SEE-HERE) @ MARKER M-SEE : SEE-A 1 2 3 + + ; : SEE-B SEE-A DUP ; (SEE-HERE) @ OVER - 0> . M-SEE (SEE-HERE) @ = .',
    );
    assert.equal(used, '-1 -1 ');
  });

  test('a full SEE arena records no more, every list still ends, and compiling goes on', async () => {
    // Leave room for a few tokens only.
    await sc.forth('(SEE-END) @ CONSTANT END-SAVED  (SEE-HERE) @ 7 CELLS + (SEE-END) !');
    const out = await sc.forth(': FULL-A 1 2 3 4 5 6 + + + + + ; : FULL-B 7 ; SEE FULL-A SEE FULL-B FULL-A . FULL-B .');
    await sc.forth('END-SAVED (SEE-END) !');
    // FULL-A got two tokens before the arena filled (room is kept for each list's end); FULL-B none.
    assert.equal(out, ': FULL-A 1 2 \n<code> FULL-B\n21 7 ');
    assert.equal(await sc.forth(': AFTER 1 ; SEE AFTER'), ': AFTER 1 ; \n');
  });
});
