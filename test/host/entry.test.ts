/**
 * The package entry as users import it (dist/src/sidecar.js): the bundle
 * leaves the jail, the Python interpreter and the solvers to chunks loaded
 * by their first use, whose errors are the entry's own classes; and the
 * bundle's V8 code cache is written by a process that started a sidecar,
 * kept by the next ones, and refused when damaged or writable by others.
 * Real child processes, each with its own cache directory.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tmpDir } from '../support/tmp.js';

const entry = new URL('../../src/sidecar.js', import.meta.url);
const bundle = new URL('../../src/sidecar-bundle.js', import.meta.url);

/** Runs a module script in a fresh node with SIDECAR_CACHE=`cache`; its last stdout line as JSON. */
function child(script: string, cache: string, env: NodeJS.ProcessEnv = {}): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, SIDECAR_CACHE: cache, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Record<string, unknown>;
}

const START = `
  const { Sidecar } = await import(${JSON.stringify(entry.href)});
  const sc = await Sidecar.start({ memory: 4 << 20 });
  await sc.stop();
  console.log('{}');
`;
const IMPORT = `await import(${JSON.stringify(entry.href)}); console.log('{}');`;

/** The code cache files in `dir`. */
const codeCaches = (dir: string) => fs.readdirSync(dir).filter((f) => /^code-[0-9a-f]{16}\.bin$/.test(f));

describe('the package entry', () => {
  it('leaves the jail, the interpreter and the solvers out of the bundle, in chunks beside it', () => {
    const text = fs.readFileSync(bundle, 'utf8');
    const modules = [...text.matchAll(/^\/\/ ---- (.+)$/gm)].map((m) => m[1] as string);
    assert.ok(modules.includes('host/sidecar.js'), modules.join(' '));
    for (const lazy of [
      'jail/index.js',
      'jail/seccomp.js',
      'bpf/assembler.js',
      'python/session.js',
      'matrix/linalg.js',
    ]) {
      assert.ok(!modules.includes(lazy), `${lazy} is in the bundle`);
    }
    const dir = path.dirname(bundle.pathname);
    for (const chunk of ['jail-index', 'python-session', 'python-python', 'matrix-linalg']) {
      assert.ok(fs.existsSync(path.join(dir, `sidecar-bundle.${chunk}.js`)), chunk);
    }
  });

  it('carries the cache key of every artefact, as a start from the modules computes it', async () => {
    const text = fs.readFileSync(bundle, 'utf8');
    const m = text.match(/const BUNDLED_KEYS = (\{[^;]*\});/);
    assert.ok(m, 'no keys in the bundle');
    const table = JSON.parse(m[1] as string) as Record<string, string>;
    const { artifacts } = await import('../../src/host/build/artifacts.js');
    const { bundledId, generatorKey } = await import('../../src/host/build/keys.js');
    await import('../../src/host/addon.js');
    await import('../../src/forth/artifact.js');
    const ids = artifacts().map((a) => bundledId(a.generator, a.data?.() ?? []));
    assert.deepEqual(Object.keys(table).sort(), [...ids].sort());
    for (const a of artifacts()) {
      assert.equal(
        table[bundledId(a.generator, a.data?.() ?? []) as string],
        generatorKey(a.generator, a.data?.() ?? []),
        a.name,
      );
    }
  });

  it("loads each layer at its first use, and its errors are the entry's classes", () => {
    const out = child(
      `
      const m = await import(${JSON.stringify(entry.href)});
      const { Sidecar, Matrix, LibraryError, LinAlgError } = m;
      const r = {};
      try { await Sidecar.start({ jail: { bogus: 1 } }); } catch (e) { r.badJail = [e.constructor.name, e.message]; }
      const jailed = await Sidecar.start({ jail: true, memory: 4 << 20 });
      r.jailed = jailed.jail?.noNewPrivs;
      await jailed.stop();
      const sc = await Sidecar.start({ allow: ['libsidecar-no-python.so.0'], memory: 4 << 20 });
      try { await sc.python({ library: 'libsidecar-no-python.so.0' }); } catch (e) { r.python = [e.constructor.name, e instanceof LibraryError]; }
      const a = Matrix.from(sc, [[1, 2], [2, 4]]);
      try { await a.solve(Matrix.from(sc, [[1], [1]])); } catch (e) { r.solve = [e.constructor.name, e instanceof LinAlgError]; }
      r.det = await Matrix.from(sc, [[2, 0], [0, 4]]).det();
      await sc.stop();
      console.log(JSON.stringify(r));
      `,
      path.join(tmpDir(), 'cache'),
    );
    assert.equal((out.badJail as string[])[0], 'TypeError');
    assert.match((out.badJail as string[])[1] as string, /unknown jail option 'bogus'/);
    assert.equal(out.jailed, true);
    assert.deepEqual(out.python, ['LibraryError', true]);
    assert.deepEqual(out.solve, ['LinAlgError', true]);
    assert.equal(out.det, 8);
  });

  it('writes the code cache in a process that started a sidecar, and the next processes keep it', () => {
    const dir = path.join(tmpDir(), 'cache');
    child(START, dir);
    const [file] = codeCaches(dir);
    assert.ok(file, fs.readdirSync(dir).join(', '));
    const at = path.join(dir, file);
    const head = fs.readFileSync(at, 'latin1').split('\n')[0] as string;
    assert.match(head, /^sidecar code cache \d+ [\d.]+ \d+ v[\d.]+ \w+ 1$/);
    assert.equal(fs.statSync(at).mode & 0o777, 0o600);
    const before = fs.statSync(at);
    child(IMPORT, dir);
    child(START, dir);
    const after = fs.statSync(at);
    assert.equal(after.ino, before.ino, 'a good cache is not written again');
    assert.equal(after.mtimeMs, before.mtimeMs);
  });

  it('refuses a damaged code cache, or one others may write, and writes a good one', () => {
    const dir = path.join(tmpDir(), 'cache');
    child(START, dir);
    const at = path.join(dir, codeCaches(dir)[0] as string);
    const good = fs.readFileSync(at);
    const nl = good.indexOf(10);
    const damaged = Buffer.concat([good.subarray(0, nl + 1), Buffer.alloc(good.length - nl - 1, 0x5a)]);
    fs.writeFileSync(at, damaged);
    child(START, dir);
    assert.notDeepEqual(fs.readFileSync(at), damaged, 'the damaged cache was replaced');
    fs.chmodSync(at, 0o666);
    child(START, dir);
    assert.equal(fs.statSync(at).mode & 0o777, 0o600, 'a cache others may write is replaced by one of ours');
  });

  it('keeps no code cache with SIDECAR_COMPILE_CACHE=0', () => {
    const dir = path.join(tmpDir(), 'cache');
    child(START, dir, { SIDECAR_COMPILE_CACHE: '0' });
    assert.deepEqual(codeCaches(dir), []);
  });
});
