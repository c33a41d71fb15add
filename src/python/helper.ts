/**
 * The source of the Python helper (lib/sidecar_host.py, shipped as it is)
 * with the protocol's constants in front, read when an interpreter boots.
 */

import fs from 'node:fs';
import { pythonConstants } from './protocol.js';

let cached: string | null = null;

/** The folder of the helper (src/python/lib, from this module's place in src/ or dist/src/). */
function helperDir(): URL {
  const here = new URL('.', import.meta.url);
  return here.pathname.includes('/dist/src/') ? new URL('../../../src/python/lib/', here) : new URL('./lib/', here);
}

export function helperSource(): string {
  cached ??= pythonConstants() + fs.readFileSync(new URL('sidecar_host.py', helperDir()), 'utf8');
  return cached;
}
