/**
 * The Forth source files (src/forth/lib/*.fs): every file in the folder is
 * compiled at boot, in the listed order, read from the files themselves,
 * and every one ships in the package.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SYSTEM_FILES, systemDir, systemFiles, systemSource } from '../../src/forth/system.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('Forth system source files', () => {
  test('every .fs file of src/forth/lib is in the boot order, and every listed file exists', () => {
    const dir = fileURLToPath(systemDir());
    assert.equal(dir, path.join(root, 'src/forth/lib/'));
    const onDisk = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.fs'))
      .sort();
    const listed = SYSTEM_FILES.filter((f) => f.endsWith('.fs'));
    assert.deepEqual([...listed].sort(), onDisk);
    assert.equal(new Set(listed).size, listed.length);
  });

  test('the boot source is the files, in order, after the layout constants', () => {
    const src = systemSource();
    let at = 0;
    for (const f of systemFiles()) {
      const text = fs.readFileSync(f, 'utf8');
      const i = src.indexOf(text, at);
      assert.ok(i >= at, `${f.pathname} is not in the source after position ${at}`);
      at = i + text.length;
    }
    assert.ok(src.startsWith('CREATE (HDR.XT) '), 'the constants come first');
  });

  test('the package ships the .fs files', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
    });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    for (const f of systemFiles()) {
      const rel = path.relative(root, fileURLToPath(f));
      assert.ok(files.includes(rel), `${rel} is not in the package`);
    }
  });
});
