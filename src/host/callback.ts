/**
 * Callbacks: `sc.callback('int cmp(const void *, const void *)', fn)` gives
 * a function pointer that C code in the sidecar calls like any other; the
 * call runs `fn` in the host (an upcall: src/native/thunk.ts posts it to
 * the channel, the channel runs it while it waits for the call that led
 * there, or from its event loop when a library's own thread calls).
 * Arguments arrive converted from their C types as a call's results are
 * (64-bit integers and pointers as bigint); the return value is converted
 * as a call's arguments are. A callback that throws returns zero to C, and
 * the call in flight rejects with what it threw.
 *
 * A callback is one of the thunks built into the sidecar executable and a
 * handler the channel keeps, so it is made without a request and stays
 * valid after a restart (its address is the new sidecar's thunk).
 */

import { type FunctionType, INT_ARG_REGS, planCall, readValue, signatureKey, VEC_ARG_REGS } from '../abi/index.js';
import { UPCALL, UPCALL_ARG_WORDS } from '../channel/layout.js';
import type { Channel } from './channel.js';
import type { CKind, Signature } from './ctypes.js';
import { MemoryAccessError } from './errors.js';

const INT_REGS: readonly string[] = INT_ARG_REGS;
const VEC_REGS: readonly string[] = VEC_ARG_REGS;

export class Callback {
  readonly signature: Signature;
  /** The sidecar thunk that runs it (src/native/thunk.ts). */
  readonly id: number;
  readonly #ch: Channel;
  #released = false;

  constructor(ch: Channel, signature: Signature, handler: (ch: Channel, slot: number) => void) {
    this.#ch = ch;
    this.signature = signature;
    this.id = ch.addCallback(handler);
  }

  /** The function pointer in the sidecar serving the channel now (its thunk's address; the same callback after a restart). */
  get address(): bigint {
    if (this.#released) throw new TypeError('a released callback has no address');
    return this.#ch.thunkAddress(this.id);
  }

  /** Whether it can be passed to a call on `ch`. */
  servedBy(ch: Channel): boolean {
    return ch === this.#ch;
  }

  get released(): boolean {
    return this.#released;
  }

  /** Unregisters it and gives its thunk back; C must not call it afterwards. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#ch.removeCallback(this.id);
  }

  [Symbol.dispose](): void {
    this.release();
  }
}

/** The signature of a function pointer's type (`int (*)(const void *, const void *)`), for a callback. */
export function functionSignature(f: FunctionType, name = 'callback'): Signature {
  const params = f.params.map((p) => ({ type: p.type, name: p.name }));
  return {
    name,
    ret: f.ret,
    params,
    key: signatureKey(f.ret, params, f.variadic, params.length),
    variadic: f.variadic,
    fixed: params.length,
  };
}

/** The handler that runs `fn` for an upcall of a callback with signature `sig`. */
export function callbackHandler(
  sig: Signature,
  // biome-ignore lint/suspicious/noExplicitAny: the arguments' types follow the prototype, read at run time
  fn: (...args: any[]) => unknown,
): (ch: Channel, slot: number) => void {
  if (typeof fn !== 'function') throw new TypeError('callback: expected a function after the prototype');
  if (sig.variadic) throw new TypeError(`callback ${sig.name}: a variadic callback is not supported`);
  if (sig.ret.kind === 'struct' || sig.params.some((p) => p.type.kind === 'struct'))
    throw new TypeError(`callback ${sig.name}: structs by value are not supported in callbacks (pass a pointer)`);
  const plan = planCall(sig);
  const words = plan.args.map((a, k) => {
    const loc = (a.parts[0] as (typeof a.parts)[number]).loc;
    const w =
      'stack' in loc
        ? UPCALL_ARG_WORDS.stack + loc.stack / 8
        : INT_REGS.includes(loc.reg)
          ? UPCALL_ARG_WORDS.int + INT_REGS.indexOf(loc.reg)
          : UPCALL_ARG_WORDS.vec + VEC_REGS.indexOf(loc.reg);
    if (w >= UPCALL_ARG_WORDS.end)
      throw new TypeError(`callback ${sig.name}: argument ${k + 1} is too far down the stack`);
    return w;
  });
  const types = sig.params.map((p) => p.type);
  const ret = sig.ret.kind;
  const name = sig.name;
  return (ch: Channel, slot: number): void => {
    const base = slot + UPCALL.args;
    const view = ch.region.dv;
    const args = types.map((t, i) => readValue(t, view, base + 8 * (words[i] as number)));
    const r = (fn as (...a: unknown[]) => unknown)(...args);
    writeResult(ch, slot + UPCALL.result, ret, r, name);
  };
}

function writeResult(ch: Channel, at: number, kind: CKind, v: unknown, name: string): void {
  const bad = (want: string): TypeError =>
    new TypeError(`callback ${name} must return ${want}, returned ${v === null ? 'null' : typeof v}`);
  ch.u64[at >> 3] = 0n;
  switch (kind) {
    case 'void':
      return;
    case 'f64':
    case 'f32':
      if (typeof v !== 'number') throw bad('a number');
      if (kind === 'f64') ch.f64[(at + 8) >> 3] = v;
      else ch.f32[(at + 8) >> 2] = v;
      return;
    case 'bool':
      ch.u64[at >> 3] = v ? 1n : 0n;
      return;
    default: {
      if (typeof v === 'bigint') ch.u64[at >> 3] = BigInt.asUintN(64, v);
      else if (typeof v === 'number' && Number.isInteger(v)) ch.u64[at >> 3] = BigInt.asUintN(64, BigInt(v));
      else if (v === null || v === undefined) ch.u64[at >> 3] = 0n;
      else if (typeof v === 'boolean') ch.u64[at >> 3] = v ? 1n : 0n;
      else throw bad('an integer (number or bigint)');
    }
  }
}

/** Inside a callback: the NUL-terminated string at `address` (outside the region), read a page at a time. */
export function callbackCString(ch: Channel, address: bigint, maxLength: number, what = 'readCString'): string {
  const parts: Uint8Array[] = [];
  let at = address;
  let total = 0;
  while (total < maxLength) {
    const room = Math.min(4096 - Number(at % 4096n), maxLength - total); // never across a page boundary
    const bytes = ch.readInCallback(at, room);
    if (bytes === null || (bytes.length === 0 && room > 0)) throw new MemoryAccessError(at, what);
    const nul = bytes.indexOf(0);
    parts.push(nul >= 0 ? bytes.subarray(0, nul) : bytes);
    total += nul >= 0 ? nul : bytes.length;
    if (nul >= 0 || bytes.length < room) break;
    at += BigInt(room);
  }
  return Buffer.concat(parts).toString('utf8');
}
