/**
 * How values cross between the host and Python: Python's marshal format
 * (version 2, which the helper reads and writes with the C-speed marshal
 * module), written and read here. Plain values are None bool int float str
 * bytes list tuple dict; anything else is a marker, a one-element frozenset
 * holding a tuple: (MARK.HANDLE, id[, type name]) for an object kept in
 * Python's table, (MARK.ARRAY, address, bytes, dtype, shape, strides,
 * offset) for an array of the shared region that Python sees as a NumPy
 * array over the same bytes.
 */

import { MARK } from './protocol.js';

/** A value for an argument marker: what the encoder is told by `mark`. */
export type Marker = readonly [number, ...(bigint | number | string | null | readonly number[])[]];

/** What the encoder asks of its caller for values that are not plain: a marker, or undefined (a TypeError). */
export type MarkFn = (v: object) => Marker | undefined;

const MAX_SAFE = 2n ** 53n;

export class Writer {
  buf = Buffer.allocUnsafe(1 << 16);
  n = 0;
  marked = false;
  constructor(readonly mark: MarkFn) {}

  reset(): void {
    this.n = 0;
    this.marked = false;
  }
  #room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const b = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.n + k));
    this.buf.copy(b, 0, 0, this.n);
    this.buf = b;
  }
  byte(c: number): void {
    this.#room(1);
    this.buf[this.n++] = c;
  }
  u32(v: number): void {
    this.#room(4);
    this.buf.writeUInt32LE(v, this.n);
    this.n += 4;
  }
  int(v: number | bigint): void {
    if (typeof v === 'number' && v >= -0x80000000 && v <= 0x7fffffff) {
      this.#room(5);
      this.buf[this.n++] = 0x69; // 'i'
      this.buf.writeInt32LE(v, this.n);
      this.n += 4;
      return;
    }
    let b = BigInt(v);
    const neg = b < 0n;
    if (neg) b = -b;
    const digits: number[] = [];
    while (b > 0n) {
      digits.push(Number(b & 0x7fffn));
      b >>= 15n;
    }
    this.byte(0x6c); // 'l'
    this.#room(4 + 2 * digits.length);
    this.buf.writeInt32LE(neg ? -digits.length : digits.length, this.n);
    this.n += 4;
    for (const d of digits) {
      this.buf.writeUInt16LE(d, this.n);
      this.n += 2;
    }
  }
  bytes(code: number, b: Uint8Array): void {
    this.#room(5 + b.length);
    this.buf[this.n++] = code;
    this.buf.writeUInt32LE(b.length, this.n);
    this.n += 4;
    this.buf.set(b, this.n);
    this.n += b.length;
  }
  str(s: string): void {
    const len = Buffer.byteLength(s);
    this.#room(5 + len);
    this.buf[this.n++] = 0x75; // 'u'
    this.buf.writeUInt32LE(len, this.n);
    this.n += 4;
    this.n += this.buf.write(s, this.n, 'utf8');
  }
  tuple(items: readonly unknown[]): void {
    this.byte(0x28); // '('
    this.u32(items.length);
    for (const x of items) this.value(x);
  }
  /** A marker's tuple: its arrays as tuples too (a frozenset's element must be hashable). */
  #marker(items: readonly unknown[]): void {
    this.byte(0x28);
    this.u32(items.length);
    for (const x of items) {
      if (Array.isArray(x)) this.#marker(x);
      else this.value(x);
    }
  }
  value(v: unknown): void {
    switch (typeof v) {
      case 'undefined': {
        this.byte(0x4e);
        return;
      } // 'N'
      case 'boolean': {
        this.byte(v ? 0x54 : 0x46);
        return;
      } // 'T' 'F'
      case 'number':
        if (Number.isInteger(v) && !Object.is(v, -0)) {
          this.int(v);
          return;
        }
        this.#room(9);
        this.buf[this.n++] = 0x67; // 'g'
        this.buf.writeDoubleLE(v, this.n);
        this.n += 8;
        return;
      case 'bigint': {
        this.int(v);
        return;
      }
      case 'string': {
        this.str(v);
        return;
      }
      case 'object': {
        if (v === null) {
          this.byte(0x4e);
          return;
        }
        const m = this.mark(v);
        if (m) {
          this.marked = true;
          this.byte(0x3e); // '>' frozenset
          this.u32(1);
          this.#marker(m);
          return;
        }
        if (v instanceof Uint8Array) {
          this.bytes(0x73, v);
          return;
        } // 's' (outside the region: a copy)
        if (v instanceof ArrayBuffer) {
          this.bytes(0x73, new Uint8Array(v));
          return;
        }
        if (Array.isArray(v)) {
          this.byte(0x5b); // '['
          this.u32(v.length);
          for (const x of v) this.value(x);
          return;
        }
        if (v instanceof Map) {
          this.byte(0x7b); // '{'
          for (const [k, x] of v) {
            this.value(k);
            this.value(x);
          }
          this.byte(0x30);
          return;
        }
        const proto = Object.getPrototypeOf(v);
        if (proto === Object.prototype || proto === null) {
          this.byte(0x7b);
          for (const [k, x] of Object.entries(v)) {
            this.str(k);
            this.value(x);
          }
          this.byte(0x30);
          return;
        }
        break;
      }
    }
    throw new TypeError(
      `python: cannot pass ${describe(v)} to Python (pass null, booleans, numbers, bigints, strings, Uint8Arrays, arrays, plain objects, Maps, arrays of the region or Python objects)`,
    );
  }
}

function describe(v: unknown): string {
  if (typeof v === 'object' && v !== null) return `a ${v.constructor?.name ?? 'object'}`;
  return `a ${typeof v}`;
}

/** Reads marshal bytes; `handle(id, type)` makes the JS object for a handle marker. */
export class Reader {
  #b: Uint8Array;
  #v: DataView;
  #p = 0;
  readonly #handle: (id: number, type: string) => unknown;
  readonly #text = new TextDecoder();
  constructor(bytes: Uint8Array, handle: (id: number, type: string) => unknown) {
    this.#b = bytes;
    this.#v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#handle = handle;
  }
  #u32(): number {
    const x = this.#v.getUint32(this.#p, true);
    this.#p += 4;
    return x;
  }
  value(): unknown {
    const code = (this.#b[this.#p++] as number) & 0x7f;
    switch (code) {
      case 0x4e: // N
        return null;
      case 0x54:
        return true;
      case 0x46:
        return false;
      case 0x69: {
        const x = this.#v.getInt32(this.#p, true);
        this.#p += 4;
        return x;
      }
      case 0x6c: {
        const n = this.#v.getInt32(this.#p, true);
        this.#p += 4;
        const k = Math.abs(n);
        let b = 0n;
        for (let i = k - 1; i >= 0; i--) b = (b << 15n) | BigInt(this.#v.getUint16(this.#p + 2 * i, true));
        this.#p += 2 * k;
        if (n < 0) b = -b;
        return b <= MAX_SAFE && b >= -MAX_SAFE ? Number(b) : b;
      }
      case 0x67: {
        const x = this.#v.getFloat64(this.#p, true);
        this.#p += 8;
        return x;
      }
      case 0x75: {
        const n = this.#u32();
        const s = this.#text.decode(this.#b.subarray(this.#p, this.#p + n));
        this.#p += n;
        return s;
      }
      case 0x73: {
        const n = this.#u32();
        const s = this.#b.slice(this.#p, this.#p + n);
        this.#p += n;
        return s;
      }
      case 0x28:
      case 0x5b: {
        const n = this.#u32();
        const out = new Array(n);
        for (let i = 0; i < n; i++) out[i] = this.value();
        return out;
      }
      case 0x7b: {
        const entries: [unknown, unknown][] = [];
        let strings = true;
        while (this.#b[this.#p] !== 0x30) {
          const k = this.value();
          if (typeof k !== 'string') strings = false;
          entries.push([k, this.value()]);
        }
        this.#p++;
        return strings ? Object.fromEntries(entries) : new Map(entries);
      }
      case 0x3e: {
        this.#u32(); // one element
        const [kind, id, type] = this.value() as [number, number, string];
        if (kind !== MARK.HANDLE || typeof id !== 'number') throw new Error('python: a marker the host did not expect');
        return this.#handle(id, type);
      }
    }
    throw new Error(`python: unexpected marshal type 0x${code.toString(16)} at byte ${this.#p - 1}`);
  }
}
