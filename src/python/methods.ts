/**
 * `sc.python()` on a Sidecar. The host does not import Python; importing
 * this module (the package's entry does) adds the method, one interpreter
 * per sidecar, booted on first use and again in a new sidecar process after
 * a restart. The interpreter's modules are loaded by the first call.
 */

import { Sidecar } from '../host/sidecar.js';
import type { Python } from './python.js';
import type { Interpreter, PythonStartOptions } from './session.js';

declare module '../host/sidecar.js' {
  interface Sidecar {
    /**
     * The CPython interpreter of this sidecar (libpython loaded RTLD_GLOBAL
     * and initialised on first use; again after a restart, with a fresh
     * state). Rejects with a LibraryError naming the Debian package when no
     * libpython loads.
     */
    python(opts?: PythonStartOptions): Promise<Python>;
  }
}

const interpreters = new WeakMap<Sidecar, Interpreter>();

Sidecar.prototype.python = async function (this: Sidecar, opts: PythonStartOptions = {}): Promise<Python> {
  if (opts === null || typeof opts !== 'object') throw new TypeError('python: options must be an object');
  for (const k of Object.keys(opts)) {
    if (k !== 'library') throw new TypeError(`python: unknown option '${k}' (options: library)`);
  }
  const [{ Interpreter }, { Python }] = await Promise.all([import('./session.js'), import('./python.js')]);
  let core = interpreters.get(this);
  if (!core) {
    core = new Interpreter(this, opts);
    interpreters.set(this, core);
  }
  try {
    await core.ready();
  } catch (e) {
    // An interpreter that never started is not kept: the next call may name another library.
    if (!core.booted) interpreters.delete(this);
    throw e;
  }
  return new Python(core);
};
