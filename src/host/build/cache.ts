/**
 * The artefact cache: the generated channel addon, sidecar executable and
 * Forth kernel object are written to a content-addressed directory (`$SIDECAR_CACHE`, else the user's
 * cache directory, else the OS temp directory), made mode 0700 (an existing
 * one is never re-moded, and refused if others may write to it), each file named
 * by the SHA-256 of its bytes. Writes go to a temp file renamed into place,
 * so several processes starting at once never see a half-written file; a file
 * is used only after its bytes hash to its name and its mode is the one we
 * write (else it is rewritten). A `.ref` file maps a generator key to the
 * content hash it produced (see findBuilt).
 */

import fs from 'node:fs';
import path from 'node:path';
import { builtinModule } from '../builtin.js';
import { SidecarStartError } from '../errors.js';
import { cacheDir, unsafeDir } from './dir.js';

export { cacheDir } from './dir.js';

/** node:crypto, loaded when something must be hashed (a warm start hashes nothing; see findBuilt). */
let cryptoModule: typeof import('node:crypto') | null = null;
function crypto(): typeof import('node:crypto') {
  cryptoModule ??= builtinModule<typeof import('node:crypto')>('node:crypto');
  return cryptoModule;
}

/** The artefact cache cannot be used (not writable, not ours, full). */
export class CacheError extends SidecarStartError {
  override name = 'CacheError';
}

/** Runs a cache operation; what the file system throws becomes a CacheError naming the directory. */
function inCacheDir<T>(dir: string, what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CacheError) throw e;
    throw new CacheError(`cannot ${what} in the cache directory ${dir}: ${(e as Error).message}`, { cause: e });
  }
}

/** Writes a file whole or not at all: a unique temp file renamed into place. */
export function writeFileAtomic(file: string, data: Uint8Array | string, mode: number): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(16).slice(2, 14)}.tmp`;
  try {
    fs.writeFileSync(tmp, data, { mode, flag: 'wx' });
    fs.chmodSync(tmp, mode); // whatever the umask
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Makes the cache directory (mode 0700) if it is missing. One that exists
 * is used as it is, never re-moded (`SIDECAR_CACHE=/tmp` must not lose its
 * sticky bit), if it is safe: ours, and not writable by others unless sticky
 * (else another user could replace the executable the sidecar runs).
 */
function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const why = unsafeDir(dir, fs.statSync(dir));
  if (why) throw new CacheError(why);
}

/** An incremental SHA-256. */
export function sha256Hash(): import('node:crypto').Hash {
  return crypto().createHash('sha256');
}

export function sha256(bytes: Uint8Array): string {
  return crypto().createHash('sha256').update(bytes).digest('hex');
}

export interface CachedFile {
  path: string;
  hash: string;
}

/** What the cache holds for some bytes: a good copy, nothing, or a file that must be rewritten. */
export type CacheState = 'valid' | 'missing' | 'invalid';

export interface CacheProbe extends CachedFile {
  state: CacheState;
}

const verified = new Map<string, CachedFile>();
/** Cache directories found safe by this process (findBuilt checks each once). */
const checkedDirs = new Set<string>();

/** The cache file of `bytes` under `name`: the name ends with the first 128 bits of their SHA-256. */
function filePath(dir: string, name: string, hash: string): string {
  return path.join(dir, `${name}-${hash.slice(0, 32)}`);
}

const fileMode = (executable: boolean): number => (executable ? 0o700 : 0o600);

function check(file: string, hash: string, executable: boolean): CacheState {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'invalid';
  }
  try {
    const st = fs.fstatSync(fd);
    const uid = process.getuid?.();
    if (!st.isFile() || (uid !== undefined && st.uid !== uid)) return 'invalid';
    if ((st.mode & 0o777) !== fileMode(executable)) return 'invalid';
    return sha256(fs.readFileSync(fd)) === hash ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  } finally {
    fs.closeSync(fd);
  }
}

/** Where `bytes` live (or would live) in the cache and whether a good copy is there; writes nothing. */
export function probeFile(name: string, bytes: Uint8Array, executable: boolean): CacheProbe {
  const hash = sha256(bytes);
  const file = filePath(cacheDir(), name, hash);
  return { path: file, hash, state: check(file, hash, executable) };
}

/**
 * Returns the path of `bytes` in the cache, writing them if absent or if the
 * file there does not hash to its name.
 */
export function cacheFile(name: string, bytes: Uint8Array, executable: boolean): CachedFile {
  const hash = sha256(bytes);
  const dir = cacheDir();
  const file = filePath(dir, name, hash);
  const known = verified.get(file);
  if (known) return known;
  inCacheDir(dir, `write ${name}`, () => {
    ensureDir(dir);
    if (check(file, hash, executable) !== 'valid') writeFileAtomic(file, bytes, fileMode(executable));
  });
  const c = { path: file, hash };
  verified.set(file, c);
  return c;
}

/**
 * A generated artefact found through its generator key, so that a warm start
 * neither regenerates nor rehashes: the `.ref` file names the content hash
 * and the size, modification time and inode the file had when it was last
 * hashed; a file that still has them (and is ours, a regular file, of the
 * right mode) is used as is, any other is hashed again. Null when it has not
 * been built (or the copy is damaged).
 */
export function findBuilt(name: string, key: string, executable: boolean): CachedFile | null {
  const dir = cacheDir();
  // Ours and private, also on a warm start (checked once per process: a start finds two artefacts there).
  if (!checkedDirs.has(dir)) {
    inCacheDir(dir, 'use it', () => ensureDir(dir));
    checkedDirs.add(dir);
  }
  try {
    const ref = refPath(dir, name, key);
    const [hash = '', stamp = ''] = fs.readFileSync(ref, 'utf8').split('\n');
    if (!/^[0-9a-f]{64}$/.test(hash)) return null;
    const file = filePath(dir, name, hash);
    const known = verified.get(file);
    if (known) return known;
    if (stamp !== '' && stampOf(file, executable) === stamp) return remember(file, hash);
    if (check(file, hash, executable) !== 'valid') return null;
    inCacheDir(dir, `record ${name}`, () => writeRef(ref, hash, file, executable));
    return remember(file, hash);
  } catch {
    return null; // not built yet, or damaged: build it
  }
}

function remember(file: string, hash: string): CachedFile {
  const c = { path: file, hash };
  verified.set(file, c);
  return c;
}

/** Size, mtime and inode of a regular file of ours with the right mode, as text; '' for any other. */
function stampOf(file: string, executable: boolean): string {
  try {
    const st = fs.lstatSync(file);
    const uid = process.getuid?.();
    if (!st.isFile() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o777) !== fileMode(executable)) return '';
    return `${st.size} ${st.mtimeMs} ${st.ino}`;
  } catch {
    return '';
  }
}

function writeRef(ref: string, hash: string, file: string, executable: boolean): void {
  writeFileAtomic(ref, `${hash}\n${stampOf(file, executable)}`, 0o600);
}

/** Writes a freshly built artefact and the `.ref` that finds it by its generator key. */
export function recordBuilt(name: string, key: string, bytes: Uint8Array, executable: boolean): CachedFile {
  const dir = cacheDir();
  const c = cacheFile(name, bytes, executable);
  inCacheDir(dir, `record ${name}`, () => writeRef(refPath(dir, name, key), c.hash, c.path, executable));
  return c;
}

function refPath(dir: string, name: string, key: string): string {
  return path.join(dir, `${name}-${key}.ref`);
}
