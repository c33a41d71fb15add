/**
 * Runs the package's bundle with a V8 code cache. scripts/bundle.ts writes
 * the bundle as plain scripts (each a function of the helpers below), so
 * it can be compiled with `vm.Script`, whose code cache, unlike the one
 * Node keeps for ES modules, is made when the process exits: it then holds
 * every function the process ran (the import and a start of a sidecar, not
 * only the top level), and a later process neither parses nor compiles
 * them. Without it, compiling is most of an import on Node 20, and much of
 * the first `Sidecar.start()` in a process.
 *
 * A process that started a sidecar says so (STARTED, a registered symbol on
 * globalThis, as the bundle's host and this loader are separate copies of
 * no shared module): a cache made by a process that only imported is made
 * again by the next one that starts a sidecar, so that it holds the start.
 *
 * The cache is a file per script in the artefact cache directory, used only
 * when the directory and the file are safe (ours, not writable by others:
 * a code cache is code) and stamped with the script's size, modification
 * time and inode; V8 itself refuses one made by another V8 or with other
 * flags. `SIDECAR_COMPILE_CACHE=0` turns it off.
 */

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { cacheDir, unsafeDir } from './dir.js';

/**
 * A bundle script's value: a function of the loader's helpers that runs its
 * modules and returns its entry module's exports (a chunk returns nothing).
 */
export type BundleScript = (
  require: NodeJS.Require,
  importModule: (specifier: string) => Promise<unknown>,
  chunk: (name: string) => Promise<void>,
  bundleUrl: string,
  modules: unknown[],
) => unknown;

/** Set to true on globalThis by the host when a sidecar has started in this process. */
export const STARTED = Symbol.for('sidecar.started');

interface Pending {
  script: vm.Script;
  /** The cache file's name in the cache directory. */
  name: string;
  stamp: string;
  /** Made again only if this process starts a sidecar (the one there was made without). */
  ifStarted: boolean;
}

const pending: Pending[] = [];
let hooked = false;

/** Whether the cache is on (the environment may turn it off). */
function enabled(): boolean {
  return process.env.SIDECAR_COMPILE_CACHE !== '0';
}

/** Two FNV-1a variants over `s`, as 16 hex digits (no crypto to load). */
function shortHash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/** The cache directory if it exists and is safe, else null. */
function safeDir(): string | null {
  try {
    const dir = cacheDir();
    return unsafeDir(dir, fs.statSync(dir)) === null ? dir : null;
  } catch {
    return null;
  }
}

const started = (): boolean => (globalThis as Record<symbol, unknown>)[STARTED] === true;

/**
 * The code cache of `stamp` in `file` and whether it was made by a process
 * that started a sidecar, or undefined (none, not ours, writable by others,
 * another stamp).
 */
function readCache(file: string, stamp: string): { data: Buffer; started: boolean } | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    const uid = process.getuid?.();
    if (!st.isFile() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) return undefined;
    const bytes = fs.readFileSync(fd);
    const nl = bytes.indexOf(10);
    const head = nl < 0 ? '' : bytes.toString('latin1', 0, nl);
    if (head !== `${stamp} 0` && head !== `${stamp} 1`) return undefined;
    return { data: bytes.subarray(nl + 1), started: head.endsWith(' 1') };
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** At exit: the code caches that were missing or refused, with all the process compiled since. */
function writePending(): void {
  const dir = safeDir();
  if (!dir) return; // no cache directory yet (no sidecar was started), or not a safe one
  const level = started() ? 1 : 0;
  for (const p of pending.splice(0)) {
    if (p.ifStarted && level === 0) continue;
    const file = path.join(dir, p.name);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      const data = p.script.createCachedData();
      const head = Buffer.from(`${p.stamp} ${level}\n`, 'latin1');
      fs.writeFileSync(tmp, Buffer.concat([head, data]), { mode: 0o600, flag: 'wx' });
      fs.renameSync(tmp, file);
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  }
}

/** Compiles the script at `url` (with its code cache when there is a good one) and returns its value. */
function compile(url: URL): BundleScript {
  // The stamp of the bytes read: the same before and after (a bundle rewritten meanwhile gets no cache).
  const fd = fs.openSync(url.pathname, 'r');
  let source: string;
  let stamp = '';
  try {
    const before = fs.fstatSync(fd);
    source = fs.readFileSync(fd, 'latin1'); // ASCII (scripts/bundle.ts escapes the rest)
    const after = fs.fstatSync(fd);
    if (before.size === after.size && before.mtimeMs === after.mtimeMs) {
      stamp = `sidecar code cache ${after.size} ${after.mtimeMs} ${after.ino} ${process.version} ${process.arch}`;
    }
  } finally {
    fs.closeSync(fd);
  }
  if (!enabled() || stamp === '') {
    return new vm.Script(source, { filename: url.href }).runInThisContext() as BundleScript;
  }
  const dir = safeDir();
  const name = `code-${shortHash(`${url.href} ${process.version} ${process.arch}`)}.bin`;
  const cached = dir ? readCache(path.join(dir, name), stamp) : undefined;
  const script = new vm.Script(source, { filename: url.href, cachedData: cached?.data });
  const good = cached !== undefined && script.cachedDataRejected !== true;
  if (!good || !cached.started) {
    pending.push({ script, name, stamp, ifStarted: good });
    if (!hooked) {
      hooked = true;
      process.once('exit', writePending);
    }
  }
  return script.runInThisContext() as BundleScript;
}

/**
 * Runs the bundle at `url` and returns its entry's exports. Its chunks
 * (`sidecar-bundle.<name>.js` beside it) are run when its code first asks
 * for them, over the same table of modules. `importModule` is the dynamic
 * `import()` of an ES module (the package entry's own), for the files the
 * bundle leaves out.
 */
export function runBundle(url: URL, importModule: (specifier: string) => Promise<unknown>): Record<string, unknown> {
  // Node's modules without a require() of the file's own (Node 20.16, 22.3), else with one.
  const p = process as { getBuiltinModule?: (id: string) => unknown };
  const require = (
    p.getBuiltinModule ? (id: string) => p.getBuiltinModule?.(id) : createRequire(url)
  ) as NodeJS.Require;
  const modules: unknown[] = [];
  const chunks = new Map<string, Promise<void>>();
  const chunk = (name: string): Promise<void> => {
    let p = chunks.get(name);
    if (!p) {
      p = Promise.resolve().then(() => {
        const at = new URL(url.href.replace(/\.js$/, `.${name}.js`));
        compile(at)(require, importModule, chunk, url.href, modules);
      });
      p.catch(() => chunks.delete(name)); // a failed load may be retried
      chunks.set(name, p);
    }
    return p;
  };
  return compile(url)(require, importModule, chunk, url.href, modules) as Record<string, unknown>;
}
