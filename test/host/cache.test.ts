/**
 * The artefact cache: content-addressed names, private modes, corrupted or
 * tampered files rewritten, and many processes filling an empty cache at once
 * (real processes starting real sidecars).
 */

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CacheError, cacheFile, probeFile } from '../../src/host/build/cache.js';
import { tmpDir } from '../support/tmp.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const mode = (p: string) => fs.statSync(p).mode & 0o777;
const cli = new URL('../../src/cli/main.js', import.meta.url).pathname;
const index = new URL('../../src/index.js', import.meta.url).href;

/** Runs `fn` with SIDECAR_CACHE pointing at `dir`. */
function inCache<T>(dir: string, fn: () => T): T {
  const old = process.env.SIDECAR_CACHE;
  process.env.SIDECAR_CACHE = dir;
  try {
    return fn();
  } finally {
    if (old === undefined) delete process.env.SIDECAR_CACHE;
    else process.env.SIDECAR_CACHE = old;
  }
}

describe('the artefact cache', () => {
  it('names each file by the SHA-256 of its bytes, in a 0700 directory, files 0700 (executables) or 0600', () => {
    const dir = path.join(tmpDir(), 'nested', 'cache');
    const code = randomBytes(1000);
    const data = randomBytes(1000);
    const [a, b] = inCache(dir, () => [cacheFile('exe', code, true), cacheFile('lib', data, false)]);
    assert.equal(a?.path, path.join(dir, `exe-${sha(code).slice(0, 32)}`));
    assert.equal(a?.hash, sha(code));
    assert.equal(b?.path, path.join(dir, `lib-${sha(data).slice(0, 32)}`));
    assert.deepEqual(fs.readFileSync(a?.path as string), code);
    assert.deepEqual(fs.readFileSync(b?.path as string), data);
    assert.equal(mode(dir), 0o700);
    assert.equal(mode(a?.path as string), 0o700);
    assert.equal(mode(b?.path as string), 0o600);
    assert.deepEqual(
      fs.readdirSync(dir).sort(),
      [path.basename(a?.path as string), path.basename(b?.path as string)].sort(),
    );
    // Other bytes under the same name: another file; the first stays.
    const code2 = randomBytes(1000);
    const c = inCache(dir, () => cacheFile('exe', code2, true));
    assert.notEqual(c.path, a?.path);
    assert.deepEqual(fs.readFileSync(a?.path as string), code);
  });

  it('never changes the mode of an existing directory; refuses one others may write to', () => {
    const full = (p: string) => fs.statSync(p).mode & 0o7777;
    for (const m of [0o755, 0o750, 0o1777, 0o1770]) {
      const dir = tmpDir();
      fs.chmodSync(dir, m);
      inCache(dir, () => cacheFile('x', randomBytes(10), false));
      assert.equal(full(dir).toString(8), m.toString(8), 'mode kept');
    }
    for (const m of [0o777, 0o775, 0o757]) {
      const dir = tmpDir();
      fs.chmodSync(dir, m);
      assert.throws(
        () => inCache(dir, () => cacheFile('x', randomBytes(10), false)),
        (e: Error) => e instanceof CacheError && e.message.includes(dir) && /writable by other users/.test(e.message),
      );
      assert.equal(full(dir).toString(8), m.toString(8), 'mode kept');
      assert.deepEqual(fs.readdirSync(dir), [], 'nothing written');
    }
    if (process.getuid?.() === 0) {
      const dir = tmpDir();
      fs.chownSync(dir, 12345, 12345);
      assert.throws(
        () => inCache(dir, () => cacheFile('x', randomBytes(10), false)),
        (e: Error) => e instanceof CacheError && /belongs to another user/.test(e.message),
      );
    }
  });

  it('detects a corrupted, truncated, re-moded or symlinked file and rewrites it', () => {
    const dir = tmpDir();
    const bytes = randomBytes(4096);
    const file = path.join(dir, `exe-${sha(bytes).slice(0, 32)}`);
    const put = (b: Uint8Array, m: number) => {
      fs.writeFileSync(file, b);
      fs.chmodSync(file, m); // whatever the umask
    };
    const damage: [string, () => void][] = [
      ['corrupted', () => put(Buffer.from(bytes).fill(0x90, 100, 200), 0o700)],
      ['truncated', () => put(bytes.subarray(0, 100), 0o700)],
      ['world-writable', () => put(bytes, 0o777)],
      ['not executable', () => put(bytes, 0o600)],
      ['a symlink to the right bytes', () => fs.symlinkSync(path.join(dir, 'elsewhere'), file)],
    ];
    fs.writeFileSync(path.join(dir, 'elsewhere'), bytes, { mode: 0o700 });
    for (const [what, harm] of damage) {
      fs.rmSync(file, { force: true });
      harm();
      assert.equal(inCache(dir, () => probeFile('exe', bytes, true)).state, 'invalid', what);
      // A fresh process (the in-process memo would trust an earlier check): it rewrites the file.
      const r = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { cacheFile } from ${JSON.stringify(new URL('../../src/host/build/cache.js', import.meta.url).href)};
           cacheFile('exe', Buffer.from(${JSON.stringify(bytes.toString('base64'))}, 'base64'), true);`,
        ],
        { env: { ...process.env, SIDECAR_CACHE: dir }, encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.equal(fs.lstatSync(file).isFile(), true, what);
      assert.deepEqual(fs.readFileSync(file), bytes, what);
      assert.equal(mode(file), 0o700, what);
      assert.equal(inCache(dir, () => probeFile('exe', bytes, true)).state, 'valid', what);
    }
    assert.deepEqual(fs.readdirSync(dir).sort(), ['elsewhere', path.basename(file)].sort());
  });

  it('an unusable cache directory rejects start() with a CacheError naming it', () => {
    const file = path.join(tmpDir(), 'a-file');
    fs.writeFileSync(file, 'not a directory');
    const dir = path.join(file, 'cache');
    const script = `
      import { Sidecar, CacheError, SidecarStartError } from ${JSON.stringify(index)};
      try {
        await Sidecar.start();
        console.log('started');
      } catch (e) {
        console.log(JSON.stringify({ name: e.name, cache: e instanceof CacheError, start: e instanceof SidecarStartError, message: e.message }));
      }
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, SIDECAR_CACHE: dir },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const e = JSON.parse(r.stdout) as { name: string; cache: boolean; start: boolean; message: string };
    assert.equal(e.name, 'CacheError');
    assert.ok(e.cache && e.start, r.stdout);
    assert.ok(e.message.includes(dir), e.message);
  });

  it('a damaged sidecar executable is rewritten by the next process, which then starts a sidecar', () => {
    const dir = tmpDir();
    const env = { ...process.env, SIDECAR_CACHE: dir };
    const b = spawnSync(process.execPath, [cli, 'build', '--json'], { env, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
    const build = JSON.parse(b.stdout) as { artifacts: { name: string; path: string; sha256: string }[] };
    assert.deepEqual(build.artifacts.map((a) => a.name).sort(), ['channel.node', 'sidecar']);
    for (const a of build.artifacts) {
      const good = fs.readFileSync(a.path);
      const bad = Buffer.from(good);
      bad.fill(0xcc, 64, 256); // program headers and the start of .text
      fs.writeFileSync(a.path, bad);
      const r = spawnSync(process.execPath, [cli, 'run', 'm', 'cos', '0'], { env, encoding: 'utf8' });
      assert.equal(r.status, 0, `${a.name}: ${r.stderr}`);
      assert.equal(r.stdout, '1\n');
      assert.equal(sha(fs.readFileSync(a.path)), a.sha256, a.name);
    }
  });

  it('eight processes starting sidecars at once on an empty cache all succeed and leave one file per artefact', async (t) => {
    const dir = path.join(tmpDir(), 'empty');
    const at = Date.now() + 1500;
    // Each child imports first, then waits for the same moment, then starts a sidecar and calls it.
    const script = `
      import { Sidecar } from ${JSON.stringify(index)};
      while (Date.now() < ${at}) {}
      const sc = await Sidecar.start({ memory: 4 << 20 });
      const m = await sc.library('m');
      const v = await m.func('double cos(double)')(0);
      await sc.stop();
      process.stdout.write(String(v));
    `;
    const runs = Array.from({ length: 8 }, () => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, SIDECAR_CACHE: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        err += d;
      });
      return new Promise<{ code: number | null; out: string; err: string }>((res) =>
        child.on('close', (code) => res({ code, out, err })),
      );
    });
    const results = await Promise.all(runs);
    if (Date.now() < at) t.diagnostic('the children finished before the barrier: they did not race');
    for (const r of results) {
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, '1');
    }
    // One file per artefact, named by its hash, and one .ref per artefact naming that hash
    // (found by generator key on a warm start), the remembered generator keys; no temp files behind.
    const all = fs.readdirSync(dir).sort();
    const memos = all.filter((f) => /^generator-key-[0-9a-f]{16}\.json$/.test(f));
    assert.equal(memos.length, 2, all.join(', '));
    const files = all.filter((f) => !f.endsWith('.ref') && !memos.includes(f));
    const refs = all.filter((f) => f.endsWith('.ref'));
    assert.equal(files.length, 2, all.join(', '));
    assert.equal(refs.length, 2, all.join(', '));
    assert.match(files[0] as string, /^channel\.node-[0-9a-f]{32}$/);
    assert.match(files[1] as string, /^sidecar-[0-9a-f]{32}$/);
    for (const f of files) {
      const hash = sha(fs.readFileSync(path.join(dir, f)));
      assert.equal(f.slice(-32), hash.slice(0, 32));
    }
    for (const r of refs) {
      const hash = fs.readFileSync(path.join(dir, r), 'utf8');
      assert.ok(files.includes(`${r.replace(/-[0-9a-f]{32}\.ref$/, '')}-${hash.slice(0, 32)}`), r);
    }
    assert.equal(mode(dir), 0o700);
  });
});
