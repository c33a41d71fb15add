/**
 * Bound functions: what `lib.func('double cos(double)')` returns. A
 * NativeFunction is a C signature bound to a target (a symbol of a library,
 * an offset in loaded code) and to an executor that picks the channel each
 * call goes to (a Sidecar has one; a pool has several). On a channel, a
 * binding is a call-table index pointing at (trampoline, target), made on
 * first use and again after a restart; the call itself writes that index and
 * the arguments into a slot. The trampolines are built into the sidecar
 * executable (src/native/trampolines.ts): binding needs no code generation.
 */

import type { StructRegistry } from '../abi/index.js';
import { SLOT } from '../channel/layout.js';
import type { Channel, Request } from './channel.js';
import type { Signature } from './ctypes.js';
import { AbortError } from './errors.js';
import { PerGeneration } from './generation.js';
import { arityError, type Marshal, marshal } from './marshal.js';

export interface CallOptions {
  /** Deadline in milliseconds (Infinity for none); past it the sidecar is killed and replaced. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * A bound C function: `await f(x)`, `await f(x, { timeoutMs, signal })`,
 * `f.sync(x)`, `f.sync(x, { timeoutMs })`, `f.batch([[x], [y]])`.
 */
export interface NativeFunction {
  /** Calls it; options may follow the C arguments. */
  (...args: unknown[]): Promise<unknown>;
  /** Blocks until the call returns (options may follow the C arguments). */
  sync(...args: unknown[]): unknown;
  /** The same function with per-call options (deadline, AbortSignal). */
  with(opts: CallOptions): (...args: unknown[]) => Promise<unknown>;
  /** Many calls, one Promise: `await f.batch([[a, b], [c, d]])` resolves to the results in order. */
  batch(argLists: readonly (readonly unknown[])[], opts?: CallOptions): Promise<unknown[]>;
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
  return {
    name: m.name,
    hasResult: m.hasResult,
    recordBytes: m.recordBytes,
    fill: (ch, slot, args, values) => {
      write(ch, args, values, slot);
      ch.i32[(slot + SLOT.fn) >> 2] = index;
    },
    decode: m.decode,
  };
}

/** A plain object after the C arguments: per-call options. (No C argument is a plain object.) */
function isOptions(o: unknown): o is CallOptions {
  if (o === null || typeof o !== 'object' || ArrayBuffer.isView(o)) return false;
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

/** Binds `sig` to `target`, calls going where `exec` sends them. */
export function bindFunction(exec: Executor, sig: Signature, target: Target): NativeFunction {
  const m = marshal(sig);
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
    if (args.length !== n) throw arityError(name, n, args.length);
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
    if (args.length === n + 1 && isOptions(args[n])) return call(args.slice(0, n), args[n] as CallOptions);
    return call(args, undefined);
  }) as NativeFunction;
  Object.defineProperty(f, 'name', { value: name });
  f.sync = (...args: unknown[]) => {
    if (args.length === n + 1 && isOptions(args[n])) return callSync(args.slice(0, n), args[n] as CallOptions);
    return callSync(args, undefined);
  };
  f.with =
    (opts: CallOptions) =>
    (...args: unknown[]) =>
      call(args, opts);
  f.batch = async (lists, opts) => {
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
