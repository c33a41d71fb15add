/**
 * Where the artefact cache lives, and whether a directory there is safe to
 * trust: no imports but Node's, so the package entry can use it before any
 * of the host is loaded (it keeps the code cache of the bundle there).
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `$SIDECAR_CACHE`, else `$XDG_CACHE_HOME/sidecar`, else `~/.cache/sidecar`, else the temp dir's `sidecar-<uid>`. */
export function cacheDir(): string {
  const env = process.env.SIDECAR_CACHE;
  if (env) return path.resolve(env);
  const xdg = process.env.XDG_CACHE_HOME;
  const home = os.homedir();
  if (xdg) return path.join(xdg, 'sidecar');
  if (home && home !== '/' && fs.existsSync(home)) return path.join(home, '.cache', 'sidecar');
  return path.join(os.tmpdir(), `sidecar-${process.getuid?.() ?? 'user'}`);
}

/**
 * Why `st` (a directory's stat) is not safe to keep what the host runs, or
 * null: it must be ours, and not writable by others unless sticky (else
 * another user could replace what is in it).
 */
export function unsafeDir(dir: string, st: fs.Stats): string | null {
  const uid = process.getuid?.();
  if (!st.isDirectory()) return `${dir} is not a directory`;
  if (uid !== undefined && st.uid !== uid) {
    return `cache directory ${dir} belongs to another user (uid ${st.uid}); set SIDECAR_CACHE to a directory of your own`;
  }
  if ((st.mode & 0o022) !== 0 && (st.mode & 0o1000) === 0) {
    return (
      `cache directory ${dir} is writable by other users (mode 0${(st.mode & 0o777).toString(8)}) and not sticky: ` +
      'they could replace what the sidecar runs; use a private directory (chmod go-w) or another SIDECAR_CACHE'
    );
  }
  return null;
}
