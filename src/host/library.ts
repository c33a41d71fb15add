/**
 * Libraries: a shared object opened in the sidecar (dlopen), its functions
 * bound by C prototype, its symbols' addresses. A Library depends on the
 * channels its calls go to, not on the Sidecar: its handle and each
 * symbol's address are per-generation values, opened again after a restart.
 */

import { bindFunction, type Executor, type FunctionOptions } from './call.js';
import type { Channel } from './channel.js';
import { parsePrototype } from './ctypes.js';
import { PerGeneration } from './generation.js';
import type { KnownPrototype } from './known.js';
import { DLOPEN, DLSYM, RTLD_NOW } from './requests.js';
import type { FunctionWith, ReadyMade } from './typed.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** dlopen(soname, flags) in the sidecar serving `ch`. */
export function dlopen(ch: Channel, soname: string | null, timeoutMs: number, flags = RTLD_NOW): Promise<bigint> {
  return ch.submit(DLOPEN, [soname, flags], timeoutMs) as Promise<bigint>;
}

/** dlsym(handle, name); handle 0n is the global scope. */
export function dlsym(ch: Channel, handle: bigint, name: string, timeoutMs: number): Promise<bigint> {
  return ch.submit(DLSYM, [handle, name], timeoutMs) as Promise<bigint>;
}

/** An opened library: bind its functions with C prototypes. */
export class Library {
  readonly #exec: Executor;
  readonly #handle: PerGeneration<bigint>;

  constructor(
    exec: Executor,
    /** The name it was asked for (`m`). */
    readonly name: string,
    /** The soname that loaded (`libm.so.6`). */
    readonly soname: string,
    /** Ready-made prototypes, by function name. */
    readonly prototypes: Readonly<Record<string, string>>,
    /** dlopen flags, used again after a restart (RTLD_NOW, or with RTLD_GLOBAL). */
    readonly flags: number = RTLD_NOW,
  ) {
    this.#exec = exec;
    this.#handle = new PerGeneration(
      (ch) => dlopen(ch, soname, exec.timeoutMs, flags),
      (ch) => ch.submitSync(DLOPEN, [soname, flags], exec.timeoutMs) as bigint,
    );
  }

  /** The dlopen handle in the sidecar the next call goes to (opened again after a restart). */
  handle(): Promise<bigint> {
    return this.#handle.get(this.#exec.channel());
  }

  /**
   * A function of this library from its C prototype
   * (`'double cos(double)'`), or by name alone for the known set's
   * ready-made prototypes (`'cos'`). Throws TypeError on a malformed prototype.
   * A literal prototype types the function (`(x: number) => Promise<number>`).
   * `{ free: true }`: the `char *` result is the caller's, freed with libc's
   * `free` once read. `{ errno: true }`: each call resolves to
   * `{ value, errno }`, errno as that call left it.
   */
  func<P extends string, O extends FunctionOptions | undefined = undefined>(
    prototype: P,
    options?: O,
  ): FunctionWith<ReadyMade<P, KnownPrototype>, O> {
    if (typeof prototype !== 'string') throw new TypeError('func: expected a C prototype');
    const word = prototype.trim();
    const ready = IDENT.test(word) ? this.prototypes[word] : undefined;
    if (IDENT.test(word) && !ready) {
      throw new TypeError(
        `func: no ready-made prototype for '${prototype}' in ${this.name}; give the full C prototype`,
      );
    }
    const sig = parsePrototype(ready ?? prototype, this.#exec.structs);
    const sym = sig.name;
    const exec = this.#exec;
    const address = new PerGeneration<bigint>(
      async (ch) => dlsym(ch, await this.#handle.get(ch), sym, exec.timeoutMs),
      (ch) => ch.submitSync(DLSYM, [this.#handle.getSync(ch), sym], exec.timeoutMs) as bigint,
    );
    return bindFunction(
      exec,
      sig,
      { resolve: (ch) => address.get(ch), resolveSync: (ch) => address.getSync(ch) },
      options,
    ) as FunctionWith<ReadyMade<P, KnownPrototype>, O>;
  }

  /** The address of a symbol in this library. */
  async symbol(name: string): Promise<bigint> {
    const ch = this.#exec.channel();
    return dlsym(ch, await this.#handle.get(ch), name, this.#exec.timeoutMs);
  }
}
