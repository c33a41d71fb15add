/**
 * A fuzz test of the Forth's robustness: seeded random lines of the
 * vocabulary of test/forth/fuzz-words.txt, with random numbers, garbage
 * tokens and the words that hand pointers and file ids to the C library
 * (FREE RESIZE and the file words, which must answer an ior for a value they
 * did not hand out), run for a few seconds. Each line has a deadline: a line
 * that loops is interrupted (THROW -28) and must stop, not need the sidecar
 * replaced. After every batch a known-good command must still answer, and
 * the sidecar must be the one the test started: no line killed it.
 * SIDECAR_FUZZ_SEED replays another sequence and SIDECAR_FUZZ_MS runs it
 * longer (the default is 3 s), SIDECAR_FUZZ_LINES a number of lines, SIDECAR_FUZZ_BATCH=1 checks after every line
 * (to find the line that broke the system); a failure names its seed and
 * line.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { ForthError } from '../../src/forth/session.js';
import { Sidecar } from '../../src/index.js';
import { rng } from '../support/corpus.js';

/** Words that take pointers or file ids, and words used wrongly, safe to give any value now. */
const EXTRA = [
  'FREE',
  'RESIZE',
  'PAD FREE',
  'HERE 8 + FREE',
  '100 ALLOCATE',
  '100 ALLOCATE DROP DUP FREE DROP FREE',
  'PAD 10 RESIZE',
  'CLOSE-FILE',
  'READ-FILE',
  'READ-LINE',
  'FILE-SIZE',
  'FILE-POSITION',
  'REPOSITION-FILE',
  'FLUSH-FILE',
  'INCLUDE-FILE',
  'PAD FILE-POSITION',
  'PAD 10 PAD READ-LINE',
  'SLITERAL',
  'BEGIN',
  'WHILE',
  ': FZX BEGIN WHILE SLITERAL ;',
  ': FZL BEGIN AGAIN ; FZL',
  ': FZE BEGIN 32 EMIT AGAIN ; FZE',
  'MS',
  'EXTERN: double cbrt(double)',
  'EXTERN: int abs( int x )',
  'EXTERN: double nosuchfn(double)',
  'EXTERN: int (',
  'EXTERN: long double sqrtl(long double)',
  'LIBRARY libnosuch.so.9',
  '{: a b :}',
  ':}',
  'INCLUDE fuzz-no-such-file.fs',
];

const GARBAGE_CHARS = '!#$%&*+,-./0123456789:;<=>?@ABCDEFZ[]^_`abcxyz{|}~';

test('fuzz: random lines never kill the sidecar, and a known-good command answers after every batch', async (t) => {
  const seed = Number(process.env.SIDECAR_FUZZ_SEED ?? 20261207);
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const words = fs
    .readFileSync(new URL('../../../test/forth/fuzz-words.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('\\'));
  const item = (): string => {
    const r = next();
    if (r < 0.6) return pick(words);
    if (r < 0.75) return pick(EXTRA);
    if (r < 0.9) {
      const n = [0, 1, -1, 7, 255, 4096, 2 ** 31, 2 ** 53, -(2 ** 40)][Math.floor(next() * 9)] as number;
      return String(next() < 0.5 ? n : Math.floor(next() * 2 ** 32) - 2 ** 31);
    }
    const len = 1 + Math.floor(next() * 6);
    return Array.from({ length: len }, () => pick([...GARBAGE_CHARS])).join('');
  };

  const sc = await Sidecar.start({ memory: 16 << 20 });
  const generation = sc.generation;
  // SIDECAR_FUZZ_LINES: run that many lines whatever the time (npm run test:faults runs 100,000)
  const maxLines = Number(process.env.SIDECAR_FUZZ_LINES ?? Number.POSITIVE_INFINITY);
  const budgetMs = Number(process.env.SIDECAR_FUZZ_MS ?? (Number.isFinite(maxLines) ? Number.POSITIVE_INFINITY : 3000));
  const batch = Number(process.env.SIDECAR_FUZZ_BATCH ?? 25);
  const lineMs = Number(process.env.SIDECAR_FUZZ_LINE_MS ?? 200); // a line's deadline
  const t0 = performance.now();
  let lines = 0;
  let errors = 0;
  let interrupted = 0;
  let previous = '(none)';
  try {
    await sc.forth('1 DROP');
    while (performance.now() - t0 < budgetMs && lines < maxLines) {
      for (let b = 0; b < batch; b++, lines++) {
        const n = 1 + Math.floor(next() * 10);
        const line = Array.from({ length: n }, item).join(' ');
        const where = `seed ${seed}, line ${lines}: ${line}`;
        await sc.forth('MARKER FUZZ-RESET').catch((e) => assert.fail(`MARKER after ${previous}: ${e}`));
        previous = where;
        try {
          await sc.forth(line, { timeoutMs: lineMs, graceMs: 2000, maxOutput: 1 << 16 });
        } catch (e) {
          if (!(e instanceof ForthError)) assert.fail(`${where}: ${e}`);
          errors++;
          if (e.code === -28) interrupted++;
        }
        await sc.forth(';').catch(() => {});
        await sc.forth('FUZZ-RESET DECIMAL').catch(() => {});
        assert.equal(sc.generation, generation, `the sidecar was replaced after ${where}`);
      }
      // The known-good command, from an error (which empties the stacks).
      await sc.forth('ABORT').catch(() => {});
      const good = await sc.forth('DEPTH . STATE @ . 2 3 + .').catch((e) => `${e}`);
      assert.equal(good, '0 0 5 ', `after ${previous}`);
    }
    t.diagnostic(`seed ${seed}: ${lines} lines, ${errors} ended in an error, ${interrupted} interrupted`);
    assert.ok(errors > lines / 10, 'errors were exercised');
  } finally {
    await sc.stop();
  }
});
