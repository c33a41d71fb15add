/**
 * Cache keys of generated artefacts, computed from the generators' own
 * import graph: starting at the module that builds an artefact, every module
 * it imports from this package (relative specifiers, followed statically
 * through `import … from` and `export … from`) is hashed, with any data
 * files the artefact reads (the Forth's `.fs` sources). A changed generator,
 * or anything it uses, can never meet a stale artefact, and no list of
 * files is kept by hand.
 */

import { createHash } from 'node:crypto';
import fs from 'node:fs';

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

/** A key over the import graph of `entry` and the `data` files: 32 hex digits of SHA-256. */
export function generatorKey(entry: URL, data: readonly URL[] = []): string {
  const h = createHash('sha256');
  for (const u of [...importGraph(entry), ...data]) {
    h.update(u.pathname.slice(u.pathname.lastIndexOf('/src/')));
    h.update('\0');
    h.update(fs.readFileSync(u));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 32);
}
