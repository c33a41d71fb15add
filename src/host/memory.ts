/**
 * The sidecar's memory at any address, not only the region: bytes through
 * the COPY request, NUL-terminated strings through STRING (a page at a time,
 * the NUL looked for in the copy), both copied into an arena buffer the host
 * then reads. The sidecar reads through the kernel (pwrite to the region's
 * fd), so an unreadable address is a MemoryAccessError and never a fault.
 * An address inside the region is read directly, with no request.
 *
 * Each read is written once as a generator of requests, so the asynchronous
 * form (awaiting each) and the synchronous one (blocking on each) share it.
 */

import { callbackCString } from './callback.js';
import type { Channel, Request } from './channel.js';
import { MemoryAccessError, SidecarError } from './errors.js';
import { COPY, STRING, STRING_INLINE } from './requests.js';

/** One request of a read, and the result it gets back. */
type Steps<T> = Generator<{ req: Request; values: readonly unknown[] }, T, unknown>;

/** Largest COPY of one request: a larger read is several. */
const COPY_CHUNK = 1 << 20;
/** First arena buffer for a string longer than fits in its request; a longer one is copied again into one 16 times larger. */
const FIRST_STRING = 64 * 1024;

export interface StringOptions {
  /** Read at most this many bytes (default: as many as the arena can hold). */
  maxLength?: number;
  /** Free the string with libc's free after the copy (a `char *` the caller owns). */
  free?: boolean;
  /** What the error message names. */
  what?: string;
}

export async function readBytes(ch: Channel, address: bigint, length: number, timeoutMs: number): Promise<Uint8Array> {
  return run(ch, bytes(ch, address, length), timeoutMs);
}

export function readBytesSync(ch: Channel, address: bigint, length: number, timeoutMs: number): Uint8Array {
  if (
    ch.inCallback &&
    typeof address === 'bigint' &&
    Number.isSafeInteger(length) &&
    inRegion(ch, address, length) < 0
  ) {
    // Inside a callback the sidecar waits for it: the waiting thread copies, not a request.
    const got = ch.readInCallback(address, length);
    if (got === null || got.length < length) throw new MemoryAccessError(address + BigInt(got?.length ?? 0), 'read');
    return got;
  }
  return runSync(ch, bytes(ch, address, length), timeoutMs);
}

export async function readString(
  ch: Channel,
  address: bigint,
  opts: StringOptions,
  timeoutMs: number,
): Promise<string> {
  return run(ch, string(ch, address, opts), timeoutMs);
}

export function readStringSync(ch: Channel, address: bigint, opts: StringOptions, timeoutMs: number): string {
  if (ch.inCallback && !opts.free && typeof address === 'bigint' && inRegion(ch, address, 1) < 0)
    return callbackCString(ch, address, opts.maxLength ?? 1 << 30, opts.what ?? 'readCString');
  return runSync(ch, string(ch, address, opts), timeoutMs);
}

async function run<T>(ch: Channel, steps: Steps<T>, timeoutMs: number): Promise<T> {
  let r = steps.next();
  while (!r.done) {
    let v: unknown;
    try {
      v = await ch.submit(r.value.req, r.value.values, timeoutMs);
    } catch (e) {
      steps.return(undefined as T); // runs the generator's finally: its buffer goes back
      throw e;
    }
    r = steps.next(v);
  }
  return r.value;
}

function runSync<T>(ch: Channel, steps: Steps<T>, timeoutMs: number): T {
  let r = steps.next();
  while (!r.done) {
    let v: unknown;
    try {
      v = ch.submitSync(r.value.req, r.value.values, timeoutMs);
    } catch (e) {
      steps.return(undefined as T);
      throw e;
    }
    r = steps.next(v);
  }
  return r.value;
}

function checkAddress(address: unknown, what: string): asserts address is bigint {
  if (typeof address !== 'bigint' || address < 0n || address >= 2n ** 64n) {
    throw new TypeError(`${what}: the address must be a bigint in [0, 2^64), got ${describe(address)}`);
  }
}

function describe(v: unknown): string {
  return typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? `'${v}'` : String(v);
}

/** The region offset of [address, address+length) when it lies wholly in the region, else -1. */
function inRegion(ch: Channel, address: bigint, length: number): number {
  const r = ch.region;
  const off = address - BigInt(r.address);
  return off >= 0n && off + BigInt(length) <= BigInt(r.size) ? Number(off) : -1;
}

function* bytes(ch: Channel, address: bigint, length: number): Steps<Uint8Array> {
  checkAddress(address, 'read');
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new TypeError(`read: the length must be a non-negative integer, got ${describe(length)}`);
  }
  const direct = inRegion(ch, address, length);
  if (direct >= 0) return ch.region.u8.slice(direct, direct + length);
  if (address + BigInt(length) > 2n ** 64n) throw new MemoryAccessError(2n ** 64n - 1n, 'read');
  const out = new Uint8Array(length);
  const chunk = Math.min(length, COPY_CHUNK);
  const arena = ch.region.arena;
  const buf = arena.alloc(chunk, 64);
  try {
    for (let done = 0; done < length; ) {
      const n = Math.min(chunk, length - done);
      const at = address + BigInt(done);
      const copied = (yield { req: COPY, values: [buf, at, n] }) as number;
      if (copied < 0 || copied > n) throw new MemoryAccessError(at, 'read');
      out.set(ch.region.u8.subarray(buf, buf + copied), done);
      if (copied < n) throw new MemoryAccessError(at + BigInt(copied), 'read');
      done += n;
    }
  } finally {
    arena.free(buf);
  }
  return out;
}

function* string(ch: Channel, address: bigint, opts: StringOptions): Steps<string> {
  const what = opts.what ?? 'readCString';
  checkAddress(address, what);
  const max = opts.maxLength ?? Number.POSITIVE_INFINITY;
  if (max !== Number.POSITIVE_INFINITY && (!Number.isSafeInteger(max) || max < 0)) {
    throw new TypeError(`${what}: maxLength must be a non-negative integer, got ${describe(max)}`);
  }
  const r = ch.region;
  if (!opts.free && inRegion(ch, address, 1) >= 0) {
    const off = Number(address - BigInt(r.address));
    const end = Math.min(r.size, off + Math.min(max, r.size));
    let e = off;
    while (e < end && r.u8[e] !== 0) e++;
    return Buffer.from(r.buffer, off, e - off).toString('utf8');
  }
  const free = opts.free ? 1 : 0;
  if (max === 0) return '';
  // Most strings fit in the request's own record: one request, no arena memory.
  const first = (yield { req: STRING_INLINE, values: [address, free] }) as Uint8Array | number;
  if (typeof first === 'number' && first < 0) throw new MemoryAccessError(address, what);
  if (typeof first !== 'number') {
    return Buffer.from(first.buffer, first.byteOffset, Math.min(first.length, max)).toString('utf8');
  }
  for (let cap = Math.min(FIRST_STRING, max); ; cap = Math.min(cap * 16, max)) {
    const buf = r.arena.alloc(Math.max(cap, 1), 64);
    try {
      const n = (yield { req: STRING, values: [buf, address, cap, free] }) as number;
      if (n < 0) throw new MemoryAccessError(address, what);
      if (n > cap) throw new SidecarError(`${what}: the sidecar answered a length beyond the buffer`);
      if (n < cap || cap === max) return Buffer.from(r.buffer, buf, n).toString('utf8');
    } finally {
      r.arena.free(buf);
    }
  }
}
