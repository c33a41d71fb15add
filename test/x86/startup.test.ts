/**
 * Start-up: importing the assembler, or its text front end, parses no table
 * and builds no keyword trie; an instruction parses the rows of its
 * mnemonic only, the first text builds the trie. Each check runs in a fresh
 * process; the package's `sidecar/x86` entry still gives both halves.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../src/x86/', import.meta.url));

function run(code: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', cwd: dist }).trim();
}

test('importing the assembler parses no table; the first instruction does', () => {
  const out = run(`
    const x = await import('./index.js');
    const forms = await import('./forms.js');
    const before = forms.rowsParsedSoFar();
    const a = new x.Assembler();
    const after = forms.rowsParsedSoFar();
    a.vaddpd(x.zmm0, x.zmm1, x.zmm2);
    const rows = forms.rowsParsedSoFar();
    const all = [...x.formsByMnemonic.values()].flat().length;
    console.log(JSON.stringify([before, after, rows, all > 900, Object.keys(x).includes('assembleText')]));
  `);
  // vaddpd has 5 rows: VEX 128/256, EVEX 128/256/512.
  assert.deepEqual(JSON.parse(out), [0, 0, 5, true, false]);
});

test('importing the text front end builds no keyword trie; the first source does', () => {
  const out = run(`
    const t = await import('./text/index.js');
    const k = await import('./text/keywords.js');
    const forms = await import('./forms.js');
    const before = [k.KEYWORDS.length, forms.rowsParsedSoFar()];
    const bytes = t.assembleText('vaddpd zmm0{k1}, zmm1, qword ptr [rax]{1to8}\\n').object.sections[0].bytes;
    console.log(JSON.stringify([before, k.KEYWORDS.length > 0, forms.rowsParsedSoFar(), Buffer.from(bytes).toString('hex')]));
  `);
  assert.deepEqual(JSON.parse(out), [[0, 0], true, 5, '62f1f5595800']);
});

test("the package's sidecar/x86 entry exports the builder and the text front end", () => {
  const out = run(`
    const x = await import('sidecar/x86');
    const t = await import('sidecar/x86/text');
    console.log(JSON.stringify([typeof x.Assembler, typeof x.assembleText, typeof x.AsmSyntaxError, typeof t.feedText]));
  `);
  assert.deepEqual(JSON.parse(out), ['function', 'function', 'function', 'function']);
});
