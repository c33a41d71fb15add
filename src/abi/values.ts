/**
 * Struct and union values: a JavaScript object written into the bytes of a
 * layout, and read back. Fields by name; nested structs as nested objects;
 * arrays as JavaScript arrays, except arrays of `char` (signed or not),
 * which are UTF-8 strings cut at the first NUL; 64-bit integers and
 * pointers read as bigint (as the results of calls do) and written from a
 * number or a bigint; `bool` as a boolean. A union is written from the one
 * member its object names and read as every member's view of the bytes.
 * Writing checks each value against its C type and throws a TypeError
 * naming the field path; missing fields are zero, unknown ones an error.
 */

import { AbiError } from './errors.js';
import type { CType, Field, Layout } from './types.js';

/** The values each integer kind narrower than 64 bits holds. */
export const INT_RANGE: Partial<Record<CType['kind'], readonly [number, number]>> = {
  i8: [-128, 127],
  u8: [0, 255],
  i16: [-32768, 32767],
  u16: [0, 65535],
  i32: [-2147483648, 2147483647],
  u32: [0, 4294967295],
};

/** A struct's value in JavaScript: fields by name (their types follow the layout, known only at run time). */
// biome-ignore lint/suspicious/noExplicitAny: a field's type is the layout's, which TypeScript cannot see
export type StructValue = { [field: string]: any };

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

const isChar = (t: CType): boolean => (t.kind === 'i8' || t.kind === 'u8') && /\bchar\b/.test(t.name);

/** Writes `value` as a `layout` at byte `at` of `view` (the bytes it does not set are zero). */
export function writeStruct(layout: Layout, view: DataView, at: number, value: unknown, path = layout.name): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value))
    throw new TypeError(`${path} must be an object with its fields by name, got ${describe(value)}`);
  new Uint8Array(view.buffer, view.byteOffset + at, layout.size).fill(0);
  const obj = value as StructValue;
  const byName = new Map(layout.fields.map((f) => [f.name, f]));
  for (const key of Object.keys(obj)) {
    if (!byName.has(key)) throw new TypeError(`${path} has no field '${key}'`);
  }
  if (layout.kind === 'union') {
    const set = Object.keys(obj).filter((k) => obj[k] !== undefined);
    if (set.length > 1) throw new TypeError(`${path} is a union: give one member, not ${set.join(', ')}`);
  }
  for (const f of layout.fields) {
    const v = obj[f.name];
    if (v === undefined) continue;
    writeField(f, view, at + f.offset, v, `${path}.${f.name}`);
  }
}

function writeField(f: Field, view: DataView, at: number, v: unknown, path: string): void {
  if (f.dims.length === 0) {
    writeOne(f.type, view, at, v, path);
    return;
  }
  if (f.count === 0) throw new TypeError(`${path} is a flexible array member: write it through a pointer`);
  if (isChar(f.type) && typeof v === 'string') {
    const bytes = utf8.encode(v);
    if (bytes.length > f.count) throw new TypeError(`${path} holds ${f.count} bytes; the string has ${bytes.length}`);
    new Uint8Array(view.buffer, view.byteOffset + at, bytes.length).set(bytes);
    return;
  }
  const items = ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<unknown>) : v;
  if (!Array.isArray(items))
    throw new TypeError(`${path} is an array of ${f.count}: give an array, got ${describe(v)}`);
  if (items.length > f.count) throw new TypeError(`${path} holds ${f.count} elements; got ${items.length}`);
  items.forEach((x, k) => {
    writeOne(f.type, view, at + k * f.type.size, x, `${path}[${k}]`);
  });
}

function writeOne(t: CType, view: DataView, at: number, v: unknown, path: string): void {
  if (t.layout) {
    writeStruct(t.layout, view, at, v, path);
    return;
  }
  const bad = (want: string): TypeError => new TypeError(`${path} (${t.name}) must be ${want}, got ${describe(v)}`);
  switch (t.kind) {
    case 'f64':
      if (typeof v !== 'number') throw bad('a number');
      view.setFloat64(at, v, true);
      return;
    case 'f32':
      if (typeof v !== 'number') throw bad('a number');
      view.setFloat32(at, v, true);
      return;
    case 'bool':
      if (typeof v !== 'boolean' && v !== 0 && v !== 1) throw bad('a boolean');
      view.setUint8(at, v ? 1 : 0);
      return;
    case 'i8':
    case 'u8':
    case 'i16':
    case 'u16':
    case 'i32':
    case 'u32': {
      const [lo, hi] = INT_RANGE[t.kind] as readonly [number, number];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw bad(`an integer in [${lo}, ${hi}]`);
      if (t.size === 1) view.setUint8(at, v & 0xff);
      else if (t.size === 2) view.setUint16(at, v & 0xffff, true);
      else view.setUint32(at, v >>> 0, true);
      return;
    }
    case 'i64':
    case 'u64':
    case 'ptr':
    case 'cstr': {
      const signed = t.kind === 'i64';
      let x: bigint;
      if (typeof v === 'bigint') x = v;
      else if (typeof v === 'number' && Number.isSafeInteger(v)) x = BigInt(v);
      else if (v === null && t.kind !== 'i64' && t.kind !== 'u64') x = 0n;
      else
        throw bad(
          t.kind === 'ptr' || t.kind === 'cstr' ? 'an address (bigint) or null' : 'an integer (number or bigint)',
        );
      const ok = signed ? x >= -(2n ** 63n) && x < 2n ** 63n : x >= 0n && x < 2n ** 64n;
      if (!ok) throw bad(signed ? 'a 64-bit signed integer' : 'a 64-bit unsigned integer');
      view.setBigUint64(at, BigInt.asUintN(64, x), true);
      return;
    }
    default:
      throw new AbiError(`${path}: a ${t.name} member cannot be written from JavaScript`);
  }
}

/** Reads a `layout` at byte `at` of `view` as an object. */
export function readStruct(layout: Layout, view: DataView, at: number): StructValue {
  const out: StructValue = {};
  for (const f of layout.fields) out[f.name] = readField(f, view, at + f.offset);
  return out;
}

function readField(f: Field, view: DataView, at: number): unknown {
  if (f.dims.length === 0) return readValue(f.type, view, at);
  if (isChar(f.type)) {
    const bytes = new Uint8Array(view.buffer, view.byteOffset + at, f.count);
    const nul = bytes.indexOf(0);
    return fromUtf8.decode(bytes.subarray(0, nul < 0 ? f.count : nul));
  }
  return Array.from({ length: f.count }, (_, k) => readValue(f.type, view, at + k * f.type.size));
}

/** A value of type `t` at byte `at` of `view`: a struct as an object, a scalar or pointer as call results are. */
export function readValue(t: CType, view: DataView, at: number): unknown {
  if (t.layout) return readStruct(t.layout, view, at);
  switch (t.kind) {
    case 'f64':
      return view.getFloat64(at, true);
    case 'f32':
      return view.getFloat32(at, true);
    case 'bool':
      return view.getUint8(at) !== 0;
    case 'i8':
      return view.getInt8(at);
    case 'u8':
      return view.getUint8(at);
    case 'i16':
      return view.getInt16(at, true);
    case 'u16':
      return view.getUint16(at, true);
    case 'i32':
      return view.getInt32(at, true);
    case 'u32':
      return view.getUint32(at, true);
    case 'i64':
      return view.getBigInt64(at, true);
    case 'u64':
    case 'ptr':
    case 'cstr':
      return view.getBigUint64(at, true);
    default:
      return undefined;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return `${typeof v} ${String(v)}`;
}
