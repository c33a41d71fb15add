/**
 * Cache keys of generated artefacts, computed from the generators' own
 * import graph: starting at the module that builds an artefact, every module
 * it imports from this package (relative specifiers, followed statically
 * through `import … from` and `export … from`) is hashed, with any data
 * files the artefact reads (the Forth's `.fs` sources). A changed generator,
 * or anything it uses, can never meet a stale artefact, and no list of
 * files is kept by hand.
 *
 * Walking and hashing the graph costs milliseconds, so a warm start does
 * neither: the key is remembered in the cache directory with the size and
 * modification time of every file it covers, and recomputed only when one
 * of them differs (as make decides what to rebuild). Each generator has a
 * small memo file of its own (named by a hash of the generator's path), so
 * a start reads only what it needs even when many checkouts of the package
 * share one cache directory.
 *
 * The package's bundle goes one step further: scripts/bundle.ts computes
 * the keys of the artefacts it knows when it writes the bundle (from the
 * same files, which a package install does not change) and fills them in
 * below, so a warm start from the bundle looks at no file to know a key.
 * A bundle is rebuilt with the modules (`npm run build`).
 */

import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, sha256Hash, writeFileAtomic } from './cache.js';

/** `from './x.js'`, `import './x.js'`, `import('./x.js')` with a relative specifier. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.\.?\/[^'"]+)\1/g;

/** The modules reachable from `entry` through relative imports, entry first, each once, in a stable order. */
export function importGraph(entry: URL): URL[] {
  const seen = new Set<string>();
  const out: URL[] = [];
  const visit = (u: URL): void => {
    if (seen.has(u.href)) return;
    seen.add(u.href);
    out.push(u);
    const text = fs.readFileSync(u, 'utf8');
    for (const m of text.matchAll(SPECIFIER)) visit(new URL(m[2] as string, u));
  };
  visit(entry);
  return [out[0] as URL, ...out.slice(1).sort((a, b) => (a.href < b.href ? -1 : 1))];
}

/** Keys by generator identity relative to the package's src folder, filled in by scripts/bundle.ts in the bundle. */
const BUNDLED_KEYS: Record<string, string> | null = null;

/** The package's src folder (this file is src/host/build/keys.ts). */
const SRC_ROOT = new URL('../../', import.meta.url).href;

/** A generator's identity, its entry and data files as paths from the src folder (null: one outside it). */
export function bundledId(entry: URL, data: readonly URL[] = []): string | null {
  const rel: string[] = [];
  for (const u of [entry, ...data]) {
    if (!u.href.startsWith(SRC_ROOT)) return null;
    rel.push(u.href.slice(SRC_ROOT.length));
  }
  return rel.join(' ');
}

/** The key computed afresh, remembering nothing (what the bundle carries). */
export function computeKey(entry: URL, data: readonly URL[] = []): string {
  return hashFiles([...importGraph(entry), ...data]);
}

/** A key over the import graph of `entry` and the `data` files: 32 hex digits of SHA-256 (remembered; see above). */
export function generatorKey(entry: URL, data: readonly URL[] = []): string {
  if (BUNDLED_KEYS) {
    const b = BUNDLED_KEYS[bundledId(entry, data) ?? ''];
    if (b) return b;
  }
  const id = [entry.href, ...data.map((d) => d.href)].join(' ');
  const file = memoPath(id);
  const known = readMemo(file, id);
  if (known?.files.every(([f, size, mtime]) => unchanged(f, size, mtime))) return known.key;
  const files = [...importGraph(entry), ...data];
  const key = hashFiles(files);
  const memo: Memo = {
    id,
    key,
    files: files.map((u) => {
      const st = fs.statSync(u);
      return [u.pathname, st.size, st.mtimeMs];
    }),
  };
  try {
    writeFileAtomic(file, JSON.stringify(memo), 0o600);
  } catch {
    // a read-only cache only costs the next start the walk
  }
  return key;
}

/** What is remembered of one generator: its identity (entry and data files), its key, the files it covers. */
interface Memo {
  id: string;
  key: string;
  files: [string, number, number][];
}

/** `generator-key-<16 hex digits>.json`: a hash of the generator's identity (two FNV-1a, no crypto to load). */
function memoPath(id: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return path.join(cacheDir(), `generator-key-${hex(a)}${hex(b)}.json`);
}

/** The memo of `id` in `file`, or undefined (none, unreadable, or another generator's under a colliding name). */
function readMemo(file: string, id: string): Memo | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Memo> | null;
    return m?.id === id && typeof m.key === 'string' && Array.isArray(m.files) ? (m as Memo) : undefined;
  } catch {
    return undefined;
  }
}

function unchanged(file: string, size: number, mtime: number): boolean {
  try {
    const st = fs.statSync(file);
    return st.size === size && st.mtimeMs === mtime;
  } catch {
    return false;
  }
}

/** The key itself: SHA-256 over each file's path within the package and its bytes. */
function hashFiles(files: readonly URL[]): string {
  const h = sha256Hash();
  for (const u of files) {
    h.update(u.pathname.slice(u.pathname.lastIndexOf('/src/')));
    h.update('\0');
    h.update(fs.readFileSync(u));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 32);
}
