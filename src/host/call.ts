/**
 * Bound functions: what `lib.func('double cos(double)')` returns. A
 * NativeFunction is a C signature bound to a target (a symbol of a library,
 * an offset in loaded code) and to an executor that picks the channel each
 * call goes to (a Sidecar has one; a pool has several). On a channel, a
 * binding is a call-table index pointing at (trampoline, target), made on
 * first use and again after a restart; the call itself writes that index and
 * the arguments into a slot. The trampolines are built into the sidecar
 * executable (src/native/trampolines.ts): binding needs no code generation.
 *
 * A `char *` or `const char *` result is read back as a JS string (UTF-8),
 * or null for NULL, with a second request (STRING, src/host/memory.ts) on
 * the same channel; `{ free: true }` has the sidecar free it with libc's
 * `free` after the copy.
 */

import type { StructRegistry } from '../abi/index.js';
import { SLOT } from '../channel/layout.js';
import type { Channel, Request } from './channel.js';
import type { Signature } from './ctypes.js';
import { AbortError } from './errors.js';
import { PerGeneration } from './generation.js';
import { arityError, type Marshal, marshal } from './marshal.js';
import { readString, readStringSync } from './memory.js';
import { checkCallOptions } from './options.js';

export interface CallOptions {
  /** Deadline in milliseconds (Infinity for none); past it the sidecar is killed and replaced. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Options of a bound function, given with its prototype. */
export interface FunctionOptions {
  /**
   * The `char *` result is the caller's to free: after reading the string,
   * the sidecar frees it with libc's `free` (strdup, realpath(p, NULL) ...).
   */
  free?: boolean;
  /**
   * Capture errno: the sidecar sets it to 0 before each call and keeps what
   * the call left, and every call resolves to `{ value, errno }` (sync,
   * batch and `with` too), so concurrent calls never see each other's.
   */
  errno?: boolean;
}

/** A result of a function bound with `{ errno: true }`. */
export interface WithErrno<R> {
  value: R;
  /** errno as the call left it (0 when it did not set it). */
  errno: number;
}

/**
 * Argument lists of a function whose prototype is not known at compile
 * time: anything goes (checked when called). `any`, not `unknown`, so that a
 * typed function is also a NativeFunction.
 */
// biome-ignore lint/suspicious/noExplicitAny: the untyped default must accept every typed function
type AnyArgs = any[];
/** The arguments followed by call options; for the untyped default, any list (so typed functions are assignable to it). */
type WithOptions<A extends readonly unknown[]> = 0 extends 1 & A[number] ? AnyArgs : [...A, CallOptions];

/**
 * A bound C function: `await f(x)`, `await f(x, { timeoutMs, signal })`,
 * `f.sync(x)`, `f.sync(x, { timeoutMs })`, `f.batch([[x], [y]])`. `A` and
 * `R` are its arguments and result as TypeScript sees them, derived from a
 * literal prototype (src/host/typed.ts).
 */
export interface NativeFunction<A extends readonly unknown[] = AnyArgs, R = unknown> {
  /** Calls it; options may follow the C arguments. */
  (...args: A): Promise<R>;
  (...args: WithOptions<A>): Promise<R>;
  /** Blocks until the call returns (options may follow the C arguments). */
  sync(...args: A): R;
  sync(...args: WithOptions<A>): R;
  /** The same function with per-call options (deadline, AbortSignal). */
  with(opts: CallOptions): (...args: A) => Promise<R>;
  /**
   * Many calls, one Promise: `await f.batch([[a, b], [c, d]])` resolves to the
   * results in order. A list may be an array of the argument types (as
   * `Array.from` makes them); its length is checked when it is sent.
   */
  batch(argLists: readonly (A | readonly A[number][])[], opts?: CallOptions): Promise<R[]>;
  readonly signature: Signature;
}

/** Where calls go: the channel of the next call, and the default deadline. */
export interface Executor {
  channel(): Channel;
  readonly timeoutMs: number;
  /** Structs its prototypes may name (by value or behind pointers). */
  readonly structs?: StructRegistry;
}

/** Where a bound function's target is, in the sidecar serving a channel. */
export interface Target {
  resolve(ch: Channel): Promise<bigint>;
  resolveSync(ch: Channel): bigint;
}

/** A call request for call-table entry `index`. */
function callRequest(m: Marshal, index: number): Request {
  const write = m.write;
  const store = m.store;
  const fn = SLOT.fn >> 2;
  return {
    name: m.name,
    hasResult: m.hasResult,
    recordBytes: m.recordBytes,
    fill: (ch, slot, args, values) => {
      write(ch, args, values, slot);
      ch.i32[(slot >> 2) + fn] = index;
    },
    store: store
      ? (ch, slot, values) => {
          store(ch, slot + SLOT.a0, values);
          ch.i32[(slot >> 2) + fn] = index;
        }
      : undefined,
    check: m.check,
    decode: m.decode,
  };
}

/** A plain object after the C arguments: per-call options. (No C argument is a plain object.) */
function isOptions(o: unknown): o is CallOptions {
  if (o === null || typeof o !== 'object' || ArrayBuffer.isView(o)) return false;
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

/** Whether a result type is read back as a string: `char *` and `const char *` (not `signed`/`unsigned char *`). */
export function returnsString(sig: Signature): boolean {
  const t = sig.ret;
  return t.category === 'pointer' && t.pointee?.kind === 'i8' && t.pointee.name === 'char';
}

function checkOptions(sig: Signature, opts: unknown): FunctionOptions {
  if (opts === undefined) return {};
  if (opts === null || typeof opts !== 'object') throw new TypeError(`func: options must be an object, got ${opts}`);
  for (const k of Object.keys(opts)) {
    if (k !== 'free' && k !== 'errno') throw new TypeError(`func: unknown option '${k}' (known: free, errno)`);
  }
  const { free, errno } = opts as FunctionOptions;
  if (free !== undefined && typeof free !== 'boolean') throw new TypeError('func: free must be true or false');
  if (errno !== undefined && typeof errno !== 'boolean') throw new TypeError('func: errno must be true or false');
  if (free && !returnsString(sig)) {
    throw new TypeError(`func: { free: true } needs a char * result; ${sig.name} returns ${sig.ret.name}`);
  }
  return { free: free === true, errno: errno === true };
}

/** Binds `sig` to `target`, calls going where `exec` sends them. */
export function bindFunction(
  exec: Executor,
  sig: Signature,
  target: Target,
  options?: FunctionOptions,
): NativeFunction {
  const { free, errno } = checkOptions(sig, options);
  const bound = bindRaw(exec, sig, target, errno === true);
  if (!returnsString(sig)) return bound;
  // String results: the pointer, then its text through the same channel.
  const text = { free: free === true, what: sig.name };
  const read = (ch: Channel, p: bigint, timeoutMs: number) => (p === 0n ? null : readString(ch, p, text, timeoutMs));
  const readSync = (ch: Channel, p: bigint, timeoutMs: number) =>
    p === 0n ? null : readStringSync(ch, p, text, timeoutMs);
  const str =
    (ch: Channel, timeoutMs: number) =>
    async (r: unknown): Promise<unknown> => {
      if (!errno) return read(ch, r as bigint, timeoutMs);
      const { value, errno: e } = r as WithErrno<bigint>;
      return { value: await read(ch, value, timeoutMs), errno: e };
    };
  const timeoutOf = (args: readonly unknown[], n: number): number => {
    const o = args.length === n + 1 && isOptions(args[n]) ? (args[n] as CallOptions) : undefined;
    return o?.timeoutMs ?? exec.timeoutMs;
  };
  const n = sig.params.length;
  const f = ((...args: unknown[]) => {
    const ch = exec.channel();
    return bound(...args).then(str(ch, timeoutOf(args, n)));
  }) as NativeFunction;
  Object.defineProperty(f, 'name', { value: sig.name });
  f.sync = (...args: unknown[]) => {
    const ch = exec.channel();
    const r = bound.sync(...args);
    if (!errno) return readSync(ch, r as bigint, timeoutOf(args, n));
    const { value, errno: e } = r as WithErrno<bigint>;
    return { value: readSync(ch, value, timeoutOf(args, n)), errno: e };
  };
  f.with = (opts: CallOptions) => {
    const g = bound.with(opts);
    return (...args: unknown[]) => {
      const ch = exec.channel();
      return g(...args).then(str(ch, opts.timeoutMs ?? exec.timeoutMs));
    };
  };
  f.batch = async (lists, opts) => {
    const ch = exec.channel();
    const ptrs = await bound.batch(lists, opts);
    const read = str(ch, opts?.timeoutMs ?? exec.timeoutMs);
    return Promise.all(ptrs.map(read));
  };
  Object.defineProperty(f, 'signature', { value: sig, enumerable: true });
  return f;
}

/** The call itself: arguments in, the result words decoded. */
function bindRaw(exec: Executor, sig: Signature, target: Target, errno: boolean): NativeFunction {
  const m = marshal(sig, { errno });
  const n = m.arity;
  const name = sig.name;
  const tramp = BigInt(m.trampoline);
  const binding = new PerGeneration<Request>(
    async (ch) => callRequest(m, ch.callIndex(tramp, await target.resolve(ch))),
    (ch) => callRequest(m, ch.callIndex(tramp, target.resolveSync(ch))),
  );
  // The last channel and generation a call went to, and its request: the fast path.
  let lastCh: Channel | null = null;
  let lastGen = -1;
  let lastReq: Request | null = null;

  const slow = async (ch: Channel, args: readonly unknown[], timeoutMs: number, signal?: AbortSignal) => {
    m.check(ch, args); // a bad argument is a TypeError before the symbol is even looked up
    const req = await binding.get(ch);
    if (signal?.aborted) throw new AbortError(name, signal.reason);
    return ch.submit(req, args, timeoutMs, signal);
  };
  const call = (args: readonly unknown[], opts: CallOptions | undefined): Promise<unknown> => {
    const ch = exec.channel();
    const timeoutMs = opts?.timeoutMs ?? exec.timeoutMs;
    if (ch === lastCh && ch.generation === lastGen) return ch.submit(lastReq as Request, args, timeoutMs, opts?.signal);
    const known = binding.peek(ch);
    if (known) {
      lastCh = ch;
      lastGen = ch.generation;
      lastReq = known;
      return ch.submit(known, args, timeoutMs, opts?.signal);
    }
    return slow(ch, args, timeoutMs, opts?.signal);
  };
  const callSync = (args: readonly unknown[], opts: CallOptions | undefined): unknown => {
    if (opts?.signal?.aborted) throw new AbortError(name, opts.signal.reason);
    const ch = exec.channel();
    const timeoutMs = opts?.timeoutMs ?? exec.timeoutMs;
    if (ch !== lastCh || ch.generation !== lastGen) {
      if (args.length !== n) throw arityError(name, n, args.length);
      if (!ch.alive) throw ch.deadError();
      lastReq = binding.getSync(ch);
      lastCh = ch;
      lastGen = ch.generation;
    }
    return ch.submitSync(lastReq as Request, args, timeoutMs);
  };

  const f = ((...args: unknown[]) => {
    if (args.length === n + 1 && isOptions(args[n])) {
      try {
        checkCallOptions(name, args[n]);
      } catch (e) {
        return Promise.reject(e);
      }
      return call(args.slice(0, n), args[n] as CallOptions);
    }
    return call(args, undefined);
  }) as NativeFunction;
  Object.defineProperty(f, 'name', { value: name });
  f.sync = (...args: unknown[]) => {
    if (args.length === n + 1 && isOptions(args[n])) {
      checkCallOptions(name, args[n]);
      return callSync(args.slice(0, n), args[n] as CallOptions);
    }
    return callSync(args, undefined);
  };
  f.with = (opts: CallOptions) => {
    checkCallOptions(`${name}.with`, opts);
    return (...args: unknown[]) => call(args, opts);
  };
  f.batch = async (lists, opts) => {
    checkCallOptions(`${name}.batch`, opts);
    if (!Array.isArray(lists)) throw new TypeError('batch: expected an array of argument lists');
    if (lists.length === 0) return [];
    const signal = opts?.signal;
    if (signal?.aborted) throw new AbortError(name, signal.reason);
    const ch = exec.channel();
    let req = ch === lastCh && ch.generation === lastGen ? lastReq : binding.peek(ch);
    if (!req) {
      if (lists[0]?.length !== n) throw arityError(name, n, lists[0]?.length ?? 0);
      req = await binding.get(ch);
    }
    return ch.batch(req, lists, opts?.timeoutMs ?? exec.timeoutMs, signal);
  };
  Object.defineProperty(f, 'signature', { value: sig, enumerable: true });
  return f;
}
