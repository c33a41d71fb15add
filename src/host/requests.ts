/**
 * The host's encoders of the sidecar's requests other than calls, from the
 * rows of src/channel/requests.ts: each argument is written by its field
 * name, each result read by its field name, so the host and the sidecar's
 * generator read the same description.
 */

import { SLOT } from '../channel/layout.js';
import {
  argWord,
  REQUESTS,
  type RequestName,
  type RequestRow,
  recordBytes,
  resultOffset,
} from '../channel/requests.js';
import type { Channel, Request } from './channel.js';
import { LibraryError, SidecarError } from './errors.js';

type Value = bigint | number | string | null;

/** Writes a request's arguments by name; strings are copied into the arena for the call. */
function encoder(row: RequestRow): Request['fill'] {
  const words = row.args.map((f) => argWord(row, f));
  const code = row.code;
  return (ch, slot, args, values) => {
    ch.i32[(slot + SLOT.fn) >> 2] = code;
    for (let k = 0; k < words.length; k++) {
      const v = values[k] as Value;
      let w: bigint;
      if (typeof v === 'string') {
        const bytes = Buffer.byteLength(v);
        const off = ch.temp(bytes + 1);
        Buffer.from(ch.region.buffer, off, bytes + 1).write(`${v}\0`, 'utf8');
        w = BigInt(ch.region.address + off);
      } else if (v === null || v === undefined) w = 0n;
      else w = BigInt.asUintN(64, BigInt(v));
      ch.u64[(args + (words[k] as number)) >> 3] = w;
    }
  };
}

/** Reads result `field` of a completed slot. */
function result(row: RequestRow, field: string): (ch: Channel, slot: number) => bigint {
  const off = resultOffset(row, field);
  return (ch, slot) => ch.u64[(slot + off) >> 3] as bigint;
}

function define(name: RequestName, decode: (ch: Channel, slot: number) => unknown): Request {
  const row = REQUESTS[name];
  return { name, hasResult: row.results.length > 0, recordBytes: recordBytes(row), fill: encoder(row), decode };
}

const pingValue = result(REQUESTS.ping, 'value');
/** ping(value) → value. */
export const PING = define('ping', pingValue);

/** exit(status): completes, then the sidecar exits. */
export const EXIT = define('exit', () => undefined);

const handle = result(REQUESTS.dlopen, 'handle');
/** dlopen(path | null, flags) → handle; a LibraryError with dlerror's text on failure. */
export const DLOPEN = define(
  'dlopen',
  (ch, slot) => handle(ch, slot) || new LibraryError(ch.errorText() || 'dlopen failed'),
);

const address = result(REQUESTS.dlsym, 'address');
/** dlsym(handle, name) → address; a LibraryError with dlerror's text on failure. */
export const DLSYM = define(
  'dlsym',
  (ch, slot) => address(ch, slot) || new LibraryError(ch.errorText() || 'dlsym failed'),
);

const base = result(REQUESTS.load, 'base');
const loadErrno = result(REQUESTS.load, 'errno');
/** load(src, length, relocs, count, execLength) → base. */
export const LOAD = define(
  'load',
  (ch, slot) => base(ch, slot) || new SidecarError(`loading code failed (errno ${loadErrno(ch, slot)})`),
);

const status = result(REQUESTS.unload, 'status');
/** unload(base, length) → 0. */
export const UNLOAD = define('unload', (ch, slot) => {
  const s = BigInt.asIntN(64, status(ch, slot));
  return s === 0n ? 0 : new SidecarError(`unloading code failed (errno ${-s})`);
});

const copied = result(REQUESTS.copy, 'copied');
/** copy(dst region offset, src address, length) → bytes copied; -errno (EFAULT) for an unreadable source. */
export const COPY = define('copy', (ch, slot) => Number(BigInt.asIntN(64, copied(ch, slot))));

export { RTLD_GLOBAL, RTLD_NOW } from '../sys/linux.js';

const stringLength = result(REQUESTS.string, 'length');
const stringDst = result(REQUESTS.string, 'dst');
/**
 * string(dst region offset, src address, capacity, free) → the string's
 * length, capacity when no NUL came within it, or -errno (EFAULT) for an
 * unreadable byte before the NUL.
 */
export const STRING = define('string', (ch, slot) => Number(BigInt.asIntN(64, stringLength(ch, slot))));

/** Bytes of string a STRING_INLINE request carries in its own argument record. */
export const INLINE_STRING_BYTES = 480;
const stringFill = encoder(REQUESTS.string);
const stringArgs = recordBytes(REQUESTS.string);
/**
 * STRING into its own argument record, after the argument words:
 * string_inline(src, free) → the bytes before the NUL (a copy), or a
 * number: INLINE_STRING_BYTES when the string is longer, -errno when it is
 * unreadable. The record area bounds how many are in flight (the others
 * wait for room), so a burst of string results never takes arena memory.
 */
export const STRING_INLINE: Request = {
  name: 'string',
  hasResult: true,
  recordBytes: stringArgs + INLINE_STRING_BYTES,
  fill: (ch, slot, args, values) =>
    stringFill(ch, slot, args, [args + stringArgs, values[0], INLINE_STRING_BYTES, values[1]]),
  decode: (ch, slot) => {
    const n = Number(BigInt.asIntN(64, stringLength(ch, slot)));
    if (n < 0 || n >= INLINE_STRING_BYTES) return Math.min(n, INLINE_STRING_BYTES);
    const dst = Number(stringDst(ch, slot));
    if (!(dst >= 0 && dst + n <= ch.region.size)) return new SidecarError('string: the sidecar answered a bad offset');
    return ch.region.u8.slice(dst, dst + n);
  },
};
