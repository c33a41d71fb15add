/**
 * The Forth's methods on a Sidecar: `sc.forth(text)`, `sc.forthDefine`,
 * `sc.forthInterrupt`, `sc.forthSession()`. The host does not import the
 * Forth; importing this module (the package's entry does) adds them, one
 * session per sidecar. The Forth's kernel and sources are loaded when a
 * session first boots.
 */

import { Pool } from '../host/pool.js';
import { Sidecar } from '../host/sidecar.js';
import { type ForthEvalOptions, ForthSession } from './session.js';

declare module '../host/sidecar.js' {
  interface Sidecar {
    /**
     * Evaluates Forth source in this sidecar's Forth system (booted on first
     * use) and resolves to what it printed. An uncaught THROW rejects with a
     * ForthError { code, message, line, output }; the system stays usable.
     * Its deadline (`opts.timeoutMs`) defaults to the start option
     * `timeoutMs`: an interrupt (ForthError -28, the dictionary kept), then,
     * if the word does not stop, a restart of the sidecar (TimeoutError).
     */
    forth(source: string, opts?: ForthEvalOptions): Promise<string>;
    /** Names a buffer of the region in Forth: `name` ( -- addr ) and `name#` ( -- count ). */
    forthDefine(name: string, view: ArrayBufferView): Promise<void>;
    /** Stops the running Forth evaluation, or the next one to start, with THROW -28 (the REPL's Ctrl-C). */
    forthInterrupt(): void;
    /** The Forth session of this sidecar (for BYE, boot time and other details). */
    forthSession(): ForthSession;
  }
}

const sessions = new WeakMap<Sidecar, ForthSession>();

function session(sc: Sidecar): ForthSession {
  let s = sessions.get(sc);
  if (!s) {
    s = new ForthSession(sc);
    sessions.set(sc, s);
  }
  return s;
}

Sidecar.prototype.forthSession = function (this: Sidecar): ForthSession {
  return session(this);
};
Sidecar.prototype.forth = async function (this: Sidecar, source: string, opts: ForthEvalOptions = {}): Promise<string> {
  return (await session(this).eval(source, { ...opts, timeoutMs: opts.timeoutMs ?? this.timeoutMs })).output;
};
Sidecar.prototype.forthDefine = async function (this: Sidecar, name: string, view: ArrayBufferView): Promise<void> {
  await session(this).define(name, view);
};
Sidecar.prototype.forthInterrupt = function (this: Sidecar): void {
  session(this).interrupt();
};

declare module '../host/pool.js' {
  interface Pool {
    /**
     * Evaluates Forth source on a free member and resolves to what it
     * printed. Each member has a Forth system of its own: define words in
     * all of them with `pool.each((sc) => sc.forth(definitions))`.
     */
    forth(source: string, opts?: ForthEvalOptions): Promise<string>;
  }
}

Pool.prototype.forth = function (this: Pool, source: string, opts?: ForthEvalOptions): Promise<string> {
  return this.run((sc) => sc.forth(source, opts));
};
