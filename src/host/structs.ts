/**
 * Struct types for users: `sc.struct('timeval', { tv_sec: 'long', tv_usec:
 * 'long' })` or `sc.struct('struct timeval { long tv_sec; long tv_usec; }')`
 * gives a StructType (its layout by the System V rules of src/abi, and
 * reading and writing its values in region buffers) and makes the name
 * known to the prototypes of that sidecar, by value and behind pointers.
 * A few libc structs are known from the start (`div_t`, `struct timeval` …).
 */

import {
  type Field,
  type FieldSpecs,
  type Layout,
  type LayoutOptions,
  layoutKey,
  parseLayout,
  readStruct,
  type StructValue,
  structLayout,
  unionLayout,
  writeStruct,
} from '../abi/index.js';

export type { StructValue };

/** A struct or union known by layout. */
export interface StructType {
  /** `struct timeval`, `union value`. */
  readonly name: string;
  readonly size: number;
  readonly align: number;
  readonly layout: Layout;
  /** The byte offset of a member (`'tv_usec'`); nested members as `'a.b'`. */
  offsetOf(field: string): number;
  /** Reads element `index` of an array of these in `buffer` (a region buffer, or any bytes). */
  read(buffer: ArrayBufferView, index?: number): StructValue;
  /** Writes `value` as element `index` of an array of these in `buffer`. */
  write(buffer: ArrayBufferView, value: StructValue, index?: number): void;
  /** The bytes of one value. */
  encode(value: StructValue): Uint8Array;
}

/** Makes a StructType from a name and members, or from a C declaration. */
export function defineStruct(spec: string, fields?: FieldSpecs, options: LayoutOptions = {}): StructType {
  if (typeof spec !== 'string' || spec.trim() === '') throw new TypeError('struct: expected a name or a C declaration');
  let layout: Layout;
  if (fields === undefined) layout = parseLayout(spec, options);
  else {
    if (fields === null || typeof fields !== 'object') throw new TypeError('struct: the members must be an object');
    const m = /^\s*(struct|union)?\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(spec);
    if (!m)
      throw new TypeError(`struct: '${spec}' is not a name (give the members as an object, or a C declaration alone)`);
    layout =
      m[1] === 'union' ? unionLayout(m[2] as string, fields, options) : structLayout(m[2] as string, fields, options);
  }
  return structTypeOf(layout);
}

export function structTypeOf(layout: Layout): StructType {
  const check = (buffer: ArrayBufferView, index: number): number => {
    if (!ArrayBuffer.isView(buffer)) throw new TypeError(`${layout.name}: expected a typed array or DataView`);
    if (!Number.isInteger(index) || index < 0)
      throw new RangeError(`${layout.name}: index must be a non-negative integer`);
    const at = index * layout.size;
    if (at + layout.size > buffer.byteLength)
      throw new RangeError(
        `${layout.name}: element ${index} ends at byte ${at + layout.size}, past the buffer's ${buffer.byteLength}`,
      );
    return at;
  };
  const view = (b: ArrayBufferView): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    name: layout.name,
    size: layout.size,
    align: layout.align,
    layout,
    offsetOf(field: string): number {
      let l: Layout | undefined = layout;
      let off = 0;
      for (const part of field.split('.')) {
        const f: Field | undefined = l?.fields.find((x) => x.name === part);
        if (!f) throw new TypeError(`${layout.name} has no member '${field}'`);
        off += f.offset;
        l = f.type.layout;
      }
      return off;
    },
    read: (buffer, index = 0) => readStruct(layout, view(buffer), check(buffer, index)),
    write: (buffer, value, index = 0) => writeStruct(layout, view(buffer), check(buffer, index), value),
    encode(value) {
      const bytes = new Uint8Array(layout.size);
      writeStruct(layout, new DataView(bytes.buffer), 0, value);
      return bytes;
    },
  };
}

let libc: readonly (readonly [string, Layout])[] | null = null;

/** The libc structs every sidecar knows by name (x86-64 glibc's layouts), laid out on first use, not at import. */
export function libcStructs(): readonly (readonly [string, Layout])[] {
  libc ??= makeLibcStructs();
  return libc;
}

function makeLibcStructs(): readonly (readonly [string, Layout])[] {
  const div = structLayout(null, { quot: 'int', rem: 'int' });
  const ldiv = structLayout(null, { quot: 'long', rem: 'long' });
  const lldiv = structLayout(null, { quot: 'long long', rem: 'long long' });
  const timeval = structLayout('timeval', { tv_sec: 'long', tv_usec: 'long' });
  const timespec = structLayout('timespec', { tv_sec: 'long', tv_nsec: 'long' });
  const tm = parseLayout(
    'struct tm { int tm_sec; int tm_min; int tm_hour; int tm_mday; int tm_mon; int tm_year; int tm_wday; int tm_yday; int tm_isdst; long tm_gmtoff; const char *tm_zone; }',
  );
  return [
    ['div_t', div],
    ['ldiv_t', ldiv],
    ['lldiv_t', lldiv],
    ['struct timeval', timeval],
    ['struct timespec', timespec],
    ['struct tm', tm],
  ];
}

/**
 * Adds a struct to a sidecar's registry under its name (`struct timeval`)
 * and its tag alone (`timeval`, as a typedef would); a name already taken
 * by another layout is a TypeError.
 */
export function registerStruct(registry: Map<string, Layout>, t: StructType): void {
  const names = [t.name];
  if (t.layout.tag !== null) names.push(t.layout.tag);
  for (const n of names) {
    const old = registry.get(n);
    if (old && layoutKey(old) !== layoutKey(t.layout))
      throw new TypeError(`struct: '${n}' is already defined with another layout`);
  }
  for (const n of names) registry.set(n, t.layout);
}
