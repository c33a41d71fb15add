/**
 * The Forth 2012 word sets, tested from the standard's specification with
 * the T{ ... -> ... }T harness in test/forth/, in a real sidecar: one
 * sidecar per file, fed line by line as a terminal would. Also the output
 * tests (printed text against .expected files), the error-recovery cases of
 * test/forth/errors.md, and a fuzz run over test/forth/fuzz-words.txt.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ForthError } from '../../src/forth/session.js';
import { Sidecar } from '../../src/index.js';
import { rng } from '../support/corpus.js';
import { tmpDir } from '../support/tmp.js';
import { preludeFor, SUITES } from './suites.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/forth');
const read = (f: string): string => fs.readFileSync(path.join(dir, f), 'utf8');

async function withHarness<T>(file: string, run: (sc: Sidecar) => Promise<T>): Promise<T> {
  const sc = await Sidecar.start({ memory: 16 << 20 });
  try {
    for (const text of preludeFor(file, read, tmpDir)) await sc.forth(text);
    return await run(sc);
  } finally {
    await sc.stop();
  }
}

const suites = SUITES;

describe('Forth 2012 word sets', () => {
  for (const s of suites) {
    test(`${s}: every test passes`, async (t) => {
      const out = await withHarness(`${s}.fth`, (sc) => sc.forth(read(`${s}.fth`)));
      const summary = /#TESTS (\d+) #FAILED (\d+)/.exec(out);
      assert.ok(summary, `no summary line in:\n${out.slice(-2000)}`);
      const failures = out.split('\n').filter((l) => l.startsWith('FAIL'));
      assert.deepEqual(failures, []);
      assert.equal(summary[2], '0');
      // Every test in the file ran: none swallowed by a comment or a skipped section.
      const written = (read(`${s}.fth`).match(/^\s*T\{/gm) ?? []).length;
      assert.equal(Number(summary[1]), written, `${summary[1]} of the ${written} tests ran`);
      t.diagnostic(`${s}: ${summary[1]} tests`);
    });
  }
});

/** Compares printed lines with an .expected file: exact lines, `~regex` lines, and `~*` skipping any lines. */
function matchOutput(actual: string, expected: string): string | null {
  const got = actual.split('\n');
  const want = expected.split('\n');
  const go = (i: number, j: number): string | null => {
    for (;;) {
      if (j === want.length) return i === got.length ? null : `extra output from line ${i + 1}: ${got[i]}`;
      const w = want[j] as string;
      if (w === '~*') {
        for (let k = i; k <= got.length; k++) if (go(k, j + 1) === null) return null;
        return `nothing after line ${i + 1} matches ${want[j + 1]}`;
      }
      if (i === got.length) return `missing line: ${w}`;
      const g = got[i] as string;
      const ok = w.startsWith('~') ? new RegExp(`^(?:${w.slice(1)})$`).test(g) : g === w;
      if (!ok) return `line ${i + 1}: got ${JSON.stringify(g)}, expected ${JSON.stringify(w)}`;
      i++;
      j++;
    }
  };
  return go(0, 0);
}

describe('Forth 2012 output words', () => {
  const outputs = fs.readdirSync(dir).filter((f) => f.endsWith('-output.fth'));
  test('every .expected file has its output test', () => {
    const expected = fs.readdirSync(dir).filter((f) => f.endsWith('-output.expected'));
    assert.deepEqual(expected.map((f) => f.replace('.expected', '.fth')).sort(), [...outputs].sort());
    assert.ok(outputs.length > 0);
  });
  for (const f of outputs) {
    test(`${f}: printed text matches ${f.replace('.fth', '.expected')}`, async () => {
      const out = await withHarness(f, (sc) => sc.forth(read(f)));
      const diff = matchOutput(out, read(f.replace('.fth', '.expected')));
      assert.equal(diff, null, diff ?? '');
    });
  }
});

describe('Forth error recovery (test/forth/errors.md)', () => {
  const cases = read('errors.md')
    .split('\n')
    .map((l) => /^(-?[0-9]+)\t([^\t]+)(?:\t(.*))?$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null);
  test('every case line of errors.md is read', () => {
    // A line that starts like a case (a THROW code) but lost its tab would be skipped silently.
    const looksLikeCase = read('errors.md')
      .split('\n')
      .filter((l) => /^-?[0-9]+\s/.test(l)).length;
    assert.equal(cases.length, looksLikeCase);
    assert.ok(cases.length > 0);
  });
  test(`${cases.length} commands each THROW their code, and the system then works`, async (t) => {
    const sc = await Sidecar.start({ memory: 16 << 20 });
    try {
      const wrong: string[] = [];
      for (const [, code, command, text] of cases) {
        const err = await sc.forth(command as string).then(
          () => null,
          (e) => e,
        );
        if (!(err instanceof ForthError)) wrong.push(`${command}: no error`);
        else if (err.code !== Number(code)) wrong.push(`${command}: THROW ${err.code}, expected ${code}`);
        else if (text && !err.message.includes(text)) wrong.push(`${command}: message ${err.message}`);
        else if (err.line !== 1) wrong.push(`${command}: line ${err.line}`);
        const after = await sc.forth('DEPTH . STATE @ . 2 3 + .').catch((e) => `error ${e}`);
        if (after !== '0 0 5 ') wrong.push(`${command}: recovery printed ${JSON.stringify(after)}`);
      }
      assert.deepEqual(wrong, []);
      t.diagnostic(`${cases.length} error cases`);
    } finally {
      await sc.stop();
    }
  });
});

describe('Forth fuzz (test/forth/fuzz-words.txt)', () => {
  test('random lines never kill the sidecar; each ends or is interrupted; a known-good command still answers', async (t) => {
    const words = read('fuzz-words.txt')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('\\'));
    const next = rng(20261128);
    const lines = 2000;
    const sc = await Sidecar.start({ memory: 16 << 20 });
    let errors = 0;
    let interrupted = 0;
    try {
      for (let i = 0; i < lines; i++) {
        const n = 1 + Math.floor(next() * 12);
        const line = Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ');
        await sc.forth('MARKER FUZZ-RESET');
        // A line that loops is stopped by an interrupt (THROW -28), as a user's Ctrl-C would.
        const timer = setTimeout(() => sc.forthInterrupt(), 300);
        try {
          await sc.forth(line);
        } catch (e) {
          if (!(e instanceof ForthError)) throw new Error(`line ${i} (${line}): ${e}`);
          errors++;
          if (e.code === -28) interrupted++;
        } finally {
          clearTimeout(timer);
        }
        await sc.forth(';').catch(() => {});
        await sc.forth('FUZZ-RESET DECIMAL').catch(() => {});
        assert.ok(sc.running, `the sidecar died on line ${i}: ${line}`);
      }
      assert.equal(await sc.forth('DEPTH . STATE @ . 2 3 + .').catch(() => sc.forth('2 3 + .')), '0 0 5 ');
      t.diagnostic(`${lines} lines, ${errors} ended in an error, ${interrupted} interrupted`);
      assert.ok(errors > lines / 10, 'errors were exercised');
    } finally {
      await sc.stop();
    }
  });
});
