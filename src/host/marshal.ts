/**
 * Argument marshalling: from a C signature, the writer that checks each
 * JavaScript argument against its C type and stores it as one eightbyte
 * (integers sign- or zero-extended, floats in the low four bytes, strings
 * copied into the arena for the call and freed when it completes, typed
 * arrays of the region of the pointee's element type as their address, a
 * bigint address, negative ones as the pointer-sized two's complement so
 * `(void *)-1` is -1n), and the reader of the result words. A bad argument is a
 * TypeError naming the function, the argument and what it accepts, thrown
 * before anything reaches the sidecar.
 */

import {
  INT_ARG_REGS,
  INT_RANGE,
  type Layout,
  type Loc,
  planCall,
  type ReturnPlan,
  readStruct,
  type StructValue,
  VEC_ARG_REGS,
  writeStruct,
} from '../abi/index.js';
import {
  CALL_RECORD,
  ERRNO_TRAMPOLINES,
  INLINE_WORDS,
  inlineTrampoline,
  RECORD_TRAMPOLINE,
  SLOT,
} from '../channel/layout.js';
import { Callback, callbackHandler, functionSignature } from './callback.js';
import type { Channel } from './channel.js';
import type { CKind, CType, Signature } from './ctypes.js';

/** A typed array living in the shared region. */
export type RegionArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

export interface Marshal {
  readonly name: string;
  readonly arity: number;
  /** Bytes of argument record (0: the arguments fit in the slot). */
  readonly recordBytes: number;
  /** The built-in trampoline that moves these arguments into place. */
  readonly trampoline: number;
  readonly hasResult: boolean;
  /** Writes the arguments at byte offset `at` of the region, for the request in `slot`. */
  write(ch: Channel, at: number, args: readonly unknown[], slot: number): void;
  /** Throws what `write` would for these arguments, writing nothing (a batch checks every list first). */
  check(ch: Channel, args: readonly unknown[]): void;
  /**
   * What `write` does, for arguments `check` has passed, without checking
   * them again; present when the arguments go in the slot and none is a
   * struct (by value or behind a pointer).
   */
  readonly store?: (ch: Channel, at: number, args: readonly unknown[]) => void;
  /** The result from the completed slot at `slot` (rax in a0, xmm0 in a1, a struct's second eightbyte in a2). */
  decode(ch: Channel, slot: number): unknown;
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

/** The typed array for each kind (pointers as addresses). */
export const ARRAY_TYPES: Record<CKind, (new (b: ArrayBuffer, o: number, n: number) => RegionArray) | null> = {
  void: null,
  bool: Uint8Array,
  i8: Int8Array,
  u8: Uint8Array,
  i16: Int16Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  i64: BigInt64Array,
  u64: BigUint64Array,
  f32: Float32Array,
  f64: Float64Array,
  ptr: BigUint64Array,
  cstr: BigUint64Array,
  f80: null,
  struct: null,
};

/** Result words within a slot: rax over a0, xmm0 over a1. */
const A0 = SLOT.a0;
const A1 = SLOT.a1;
const A2 = SLOT.a2;

/** Where one eightbyte of an argument goes: byte offset from `at`, and the bytes of the value it carries. */
interface Word {
  readonly word: number;
  readonly from: number;
  readonly size: number;
}

/**
 * Where each argument's words go, from `at`: in C order in the slot (up to
 * INLINE_WORDS scalars), else where the System V plan of src/abi puts them,
 * in the register-order record (CALL_RECORD): the integer registers, the
 * vector registers, then the stack words. A struct by value has a word per
 * eightbyte; a struct result through memory takes rdi for its buffer, which
 * follows the stack words in the record.
 */
function placement(sig: Signature): {
  inline: boolean;
  words: Word[][];
  stack: number;
  vectors: number;
  ret: ReturnPlan | null;
  retBuffer: number;
} {
  const structs = sig.ret.kind === 'struct' || sig.params.some((p) => p.type.kind === 'struct');
  if (sig.params.length <= INLINE_WORDS && !structs) {
    const words = sig.params.map((_, k) => [{ word: 8 * k, from: 0, size: 8 }]);
    return { inline: true, words, stack: 0, vectors: 0, ret: null, retBuffer: 0 };
  }
  const plan = planCall(sig);
  const words = plan.args.map((a) => a.parts.map((p) => ({ word: 8 * recordWord(p.loc), from: p.from, size: p.size })));
  const stack = plan.stackBytes / 8;
  const retBuffer = plan.hiddenReturn ? Math.ceil((8 * (CALL_RECORD.stack + stack)) / 16) * 16 : 0;
  const ret = sig.ret.kind === 'struct' ? plan.ret : null;
  return { inline: false, words, stack, vectors: plan.vecRegs, ret, retBuffer };
}

/** The record word (CALL_RECORD) that carries a register or a stack word of the plan. */
function recordWord(loc: Loc): number {
  if ('stack' in loc) return CALL_RECORD.stack + loc.stack / 8;
  const int = (INT_ARG_REGS as readonly string[]).indexOf(loc.reg);
  if (int >= 0) return CALL_RECORD.intRegs + int;
  const vec = (VEC_ARG_REGS as readonly string[]).indexOf(loc.reg);
  if (vec >= 0) return CALL_RECORD.vecRegs + vec;
  throw new Error(`internal: ${loc.reg} is not an argument register`);
}

/** How a function is bound: `errno` captures the errno each call leaves, and the result becomes `{ value, errno }`. */
export interface MarshalOptions {
  readonly errno?: boolean;
}

export function marshal(sig: Signature, opts: MarshalOptions = {}): Marshal {
  const params = sig.params.map((p) => p.type);
  const n = params.length;
  const kinds = params.map((p) => p.kind);
  const views = params.map(viewsOf);
  const name = sig.name;
  const { inline, words, stack, vectors, ret, retBuffer } = placement(sig);
  const retLayout = ret?.type.layout ?? null;
  const shape = ret && ret.classes.length === 2 && ret.classes.every((c) => c === 'SSE') ? CALL_RECORD.secondInXmm1 : 0;
  // Pointers to structs of known layout take a plain object too, read back after the call (per slot) unless const.
  const structPtr = params.map((t) => (t.kind === 'ptr' && t.pointee?.layout ? t.pointee : null));
  const structPointers = structPtr.some((p) => p !== null && !p.const);
  const outs = new Map<number, OutStruct[]>();
  const write = (ch: Channel, at: number, args: readonly unknown[], slot: number): void => {
    if (args.length !== n) throw arityError(name, n, args.length);
    if (!inline) {
      ch.u32[(at + 8 * CALL_RECORD.stackCount) >> 2] = stack;
      ch.u32[(at + 8 * CALL_RECORD.stackCount + 4) >> 2] = 0;
      ch.u32[(at + 8 * CALL_RECORD.vecCount) >> 2] = vectors;
      ch.u32[(at + 8 * CALL_RECORD.resultShape) >> 2] = shape;
      if (retBuffer > 0) ch.u64[(at + 8 * CALL_RECORD.intRegs) >> 3] = BigInt(ch.region.address + at + retBuffer);
    }
    let out: OutStruct[] | null = null;
    for (let k = 0; k < n; k++) {
      const kind = kinds[k] as CKind;
      const v = args[k];
      const ws = words[k] as Word[];
      const w = at + (ws[0] as Word).word;
      if (kind === 'f64') {
        if (typeof v !== 'number') throw argError(name, k, params[k] as CType, v);
        ch.f64[w >> 3] = v;
      } else if (kind === 'struct') {
        writeStructArg(ch, at, ws, params[k] as CType, v, `${name}: argument ${k + 1}`);
      } else if (structPtr[k] && isPlainObject(v)) {
        const pointee = structPtr[k] as CType;
        const layout = pointee.layout as Layout;
        const off = ch.temp(Math.max(layout.size, 1), Math.max(layout.align, 16));
        writeStruct(layout, dataView(ch), off, v, `${name}: argument ${k + 1} (${pointee.name})`);
        ch.u64[w >> 3] = BigInt(ch.region.address + off);
        if (!pointee.const) (out ??= []).push({ obj: v as StructValue, layout, off });
      } else writeArg(ch, kind, w, v, name, k, params[k] as CType, views[k] as ViewCheck);
    }
    if (structPointers) {
      if (out) outs.set(slot, out);
      else outs.delete(slot);
    }
  };
  const check = (ch: Channel, args: readonly unknown[]): void => {
    if (args.length !== n) throw arityError(name, n, args.length);
    for (let k = 0; k < n; k++) {
      if (structPtr[k] && isPlainObject(args[k])) continue;
      checkArg(ch, kinds[k] as CKind, args[k], name, k, params[k] as CType, views[k] as ViewCheck);
    }
  };
  const stores =
    inline && !structPtr.some((p) => p !== null)
      ? kinds.map(
          (kind, k) => (ch: Channel, w: number, v: unknown) => storeArg(ch, kind, w, v, name, k, params[k] as CType),
        )
      : null;
  const store = stores
    ? (ch: Channel, at: number, args: readonly unknown[]): void => {
        for (let k = 0; k < n; k++)
          (stores[k] as (ch: Channel, w: number, v: unknown) => void)(ch, at + 8 * k, args[k]);
      }
    : undefined;
  const plain = decoder(sig.ret.kind);
  const value =
    !structPointers && !retLayout
      ? plain
      : (ch: Channel, slot: number): unknown => {
          const back = outs.size > 0 ? outs.get(slot) : undefined;
          if (back) {
            outs.delete(slot);
            const view = dataView(ch);
            for (const o of back) Object.assign(o.obj, readStruct(o.layout, view, o.off));
          }
          return retLayout ? decodeStruct(ch, slot, ret as ReturnPlan, retLayout) : plain(ch, slot);
        };
  // errno: the trampoline left it over the slot's fn word
  const decode = opts.errno
    ? (ch: Channel, slot: number): unknown => {
        const v = value(ch, slot);
        return v instanceof Error ? v : { value: v, errno: ch.i32[(slot + SLOT.fn) >> 2] as number };
      }
    : value;
  return {
    name,
    arity: n,
    recordBytes: inline ? 0 : retBuffer > 0 ? retBuffer + (retLayout?.size ?? 0) : 8 * (CALL_RECORD.stack + stack),
    trampoline: inline
      ? inlineTrampoline(
          kinds.map((k) => k === 'f32' || k === 'f64'),
          opts.errno === true,
        )
      : RECORD_TRAMPOLINE + (opts.errno ? ERRNO_TRAMPOLINES : 0),
    hasResult: sig.ret.kind !== 'void' || structPointers || opts.errno === true, // read-back happens in decode
    write,
    check,
    store,
    decode,
  };
}

/** A struct the caller passed as a plain object behind a pointer: its bytes in the region during the call. */
interface OutStruct {
  readonly obj: StructValue;
  readonly layout: Layout;
  readonly off: number;
}

/** A DataView over the channel's region. */
const dataView = (ch: Channel): DataView => ch.region.dv;

function isPlainObject(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v) || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A struct by value: its bytes, an eightbyte per word of the plan (zero beyond the value). */
function writeStructArg(ch: Channel, at: number, ws: readonly Word[], t: CType, v: unknown, what: string): void {
  const layout = t.layout as Layout;
  const bytes = new Uint8Array(Math.ceil(layout.size / 8) * 8);
  writeStruct(layout, new DataView(bytes.buffer), 0, v, `${what} (${t.name})`);
  const region = new Uint8Array(ch.region.buffer);
  for (const w of ws) {
    region.fill(0, at + w.word, at + w.word + 8);
    region.set(bytes.subarray(w.from, w.from + w.size), at + w.word);
  }
}

/** A struct result: from rax/xmm0/a2 by the return plan, or from the buffer rax points to. */
function decodeStruct(ch: Channel, slot: number, ret: ReturnPlan, layout: Layout): StructValue {
  if (ret.memory) {
    const addr = ch.u64[(slot + A0) >> 3] as bigint;
    const off = Number(addr - BigInt(ch.region.address));
    return readStruct(layout, dataView(ch), off);
  }
  const bytes = new Uint8Array(16);
  const region = new Uint8Array(ch.region.buffer);
  for (const p of ret.parts) {
    const reg = 'reg' in p.loc ? p.loc.reg : 'rax';
    const word = reg === 'rax' ? A0 : reg === 'xmm0' ? A1 : A2; // rdx or xmm1: the trampoline put it in a2
    bytes.set(region.subarray(slot + word, slot + word + p.size), p.from);
  }
  return readStruct(layout, new DataView(bytes.buffer), 0);
}

export function arityError(name: string, want: number, got: number): TypeError {
  return new TypeError(`${name}: expected ${want} argument${want === 1 ? '' : 's'}, got ${got}`);
}

function decoder(ret: CKind): (ch: Channel, slot: number) => unknown {
  switch (ret) {
    case 'void':
      return () => undefined;
    case 'f64':
      return (ch, slot) => ch.f64[(slot + A1) >> 3];
    case 'f32':
      return (ch, slot) => ch.f32[(slot + A1) >> 2];
    case 'i32':
      return (ch, slot) => ch.i32[(slot + A0) >> 2];
    case 'u32':
      return (ch, slot) => (ch.i32[(slot + A0) >> 2] as number) >>> 0;
    case 'i16':
      return (ch, slot) => ((ch.i32[(slot + A0) >> 2] as number) << 16) >> 16;
    case 'u16':
      return (ch, slot) => (ch.i32[(slot + A0) >> 2] as number) & 0xffff;
    case 'i8':
      return (ch, slot) => ((ch.i32[(slot + A0) >> 2] as number) << 24) >> 24;
    case 'u8':
      return (ch, slot) => (ch.i32[(slot + A0) >> 2] as number) & 0xff;
    case 'bool':
      return (ch, slot) => ((ch.i32[(slot + A0) >> 2] as number) & 0xff) !== 0;
    case 'i64':
      return (ch, slot) => ch.i64[(slot + A0) >> 3];
    default:
      return (ch, slot) => ch.u64[(slot + A0) >> 3];
  }
}

/** Which typed arrays a pointer parameter takes (null: any view). */
type ViewCheck = ((v: ArrayBufferView) => boolean) | null;

/**
 * The views a pointer parameter takes: arrays of its pointee's element type
 * (`const float *` a Float32Array, not a Float64Array); for `char *` either
 * 8-bit array; for `T **` a 64-bit integer array; any view for `void *`, an
 * opaque or struct pointee; a DataView always (it has no element type).
 */
function viewsOf(t: CType): ViewCheck {
  if (t.category !== 'pointer') return null;
  const to = t.pointee;
  if (!to || to.kind === 'void' || to.kind === 'struct' || to.kind === 'f80') return null;
  if (to.category === 'pointer') return (v) => v instanceof BigUint64Array || v instanceof BigInt64Array;
  if (to.kind === 'i8' && to.name === 'char') return (v) => v instanceof Int8Array || v instanceof Uint8Array;
  const C = ARRAY_TYPES[to.kind];
  return C ? (v) => v instanceof C : null;
}

function viewNames(t: CType): string {
  const to = t.pointee as CType;
  if (to.category === 'pointer') return 'a BigUint64Array or BigInt64Array';
  if (to.kind === 'i8' && to.name === 'char') return 'an Int8Array or Uint8Array';
  return `a ${(ARRAY_TYPES[to.kind] as { name: string }).name}`;
}

/**
 * Throws the TypeError a bad argument gets, without writing or allocating
 * anything: what `write` checks first, and what a batch checks for every
 * list before any of it is sent.
 */
function checkArg(ch: Channel, kind: CKind, v: unknown, name: string, k: number, type: CType, views: ViewCheck): void {
  switch (kind) {
    case 'f64':
    case 'f32':
      if (typeof v !== 'number') throw argError(name, k, type, v);
      return;
    case 'bool':
      if (typeof v !== 'boolean' && v !== 0 && v !== 1) throw argError(name, k, type, v);
      return;
    case 'i8':
    case 'u8':
    case 'i16':
    case 'u16':
    case 'i32':
    case 'u32': {
      let x = v;
      if (typeof x === 'string' && (kind === 'i8' || kind === 'u8') && x.length === 1) x = x.charCodeAt(0);
      const [lo, hi] = INT_RANGE[kind] as readonly [number, number];
      if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi) throw argError(name, k, type, v);
      return;
    }
    case 'i64':
    case 'u64':
      if (typeof v === 'number') {
        if (!Number.isSafeInteger(v) || (kind === 'u64' && v < 0)) throw argError(name, k, type, v);
      } else if (typeof v === 'bigint') {
        if (kind === 'i64' ? v < I64_MIN || v > I64_MAX : v < 0n || v > U64_MAX) throw argError(name, k, type, v);
      } else throw argError(name, k, type, v);
      return;
    case 'struct':
      return; // its members are checked as it is written
    case 'cstr':
      if (typeof v === 'string') {
        if (v.includes('\0')) throw new TypeError(`${name}: argument ${k + 1} (const char *) contains a NUL character`);
        return;
      }
      checkPointer(ch, v, name, k, type, views);
      return;
    default:
      checkPointer(ch, v, name, k, type, views);
  }
}

function checkPointer(ch: Channel, v: unknown, name: string, k: number, type: CType, views: ViewCheck): void {
  if (v === null || v === undefined) return;
  if (v instanceof Callback) {
    if (v.released) throw new TypeError(`${name}: argument ${k + 1} (${type.name}) is a released callback`);
    if (!v.servedBy(ch)) throw new TypeError(`${name}: argument ${k + 1} is a callback of another sidecar`);
  } else if (typeof v === 'function' && type.function) {
    // a callback for this call only: made as it is written
  } else if (typeof v === 'bigint') {
    if (v < I64_MIN || v > U64_MAX) throw argError(name, k, type, v);
  } else if (ArrayBuffer.isView(v)) {
    if (views !== null && !(v instanceof DataView) && !views(v)) {
      throw new TypeError(
        `${name}: argument ${k + 1} (${type.name}) must be ${viewNames(type)}, a bigint address or null, got ${v.constructor.name}`,
      );
    }
    if (ch.region.arenaOffsetOf(v) === undefined) {
      throw new TypeError(
        v.buffer === ch.region.buffer
          ? `${name}: argument ${k + 1} (${type.name}) points into the region's header or channels`
          : `${name}: argument ${k + 1} (${type.name}) points outside the sidecar's shared region; allocate it with sc.alloc()`,
      );
    }
  } else throw argError(name, k, type, v);
}

/** Checks one argument, then stores it at word `w` (f64 and structs are written by `write` itself). */
function writeArg(
  ch: Channel,
  kind: CKind,
  w: number,
  v: unknown,
  name: string,
  k: number,
  type: CType,
  views: ViewCheck,
): void {
  checkArg(ch, kind, v, name, k, type, views);
  storeArg(ch, kind, w, v, name, k, type);
}

/** Stores one argument `checkArg` has passed at word `w`. */
function storeArg(ch: Channel, kind: CKind, w: number, v: unknown, name: string, k: number, type: CType): void {
  const i32 = ch.i32;
  switch (kind) {
    case 'f64':
      ch.f64[w >> 3] = v as number;
      return;
    case 'f32':
      ch.f32[w >> 2] = v as number;
      return;
    case 'bool':
      i32[w >> 2] = v ? 1 : 0;
      i32[(w >> 2) + 1] = 0;
      return;
    case 'i8':
    case 'u8':
    case 'i16':
    case 'u16':
    case 'i32':
    case 'u32': {
      const x = typeof v === 'string' ? v.charCodeAt(0) : (v as number);
      i32[w >> 2] = x;
      i32[(w >> 2) + 1] = x < 0 ? -1 : 0;
      return;
    }
    case 'i64':
    case 'u64':
      if (typeof v === 'number') {
        i32[w >> 2] = v;
        i32[(w >> 2) + 1] = Math.floor(v / 4294967296);
      } else ch.i64[w >> 3] = BigInt.asIntN(64, v as bigint);
      return;
    case 'cstr':
      if (typeof v === 'string') {
        const bytes = Buffer.byteLength(v);
        const off = ch.temp(bytes + 1);
        Buffer.from(ch.region.buffer, off, bytes + 1).write(`${v}\0`, 'utf8');
        ch.u64[w >> 3] = BigInt(ch.region.address + off);
        return;
      }
      writePointer(ch, w, v, name, k, type);
      return;
    default:
      writePointer(ch, w, v, name, k, type);
  }
}

/** Stores a checked pointer argument. */
function writePointer(ch: Channel, w: number, v: unknown, name: string, k: number, type: CType): void {
  if (v === null || v === undefined) ch.u64[w >> 3] = 0n;
  else if (v instanceof Callback) ch.u64[w >> 3] = v.address;
  else if (typeof v === 'function') {
    // A plain function for a function pointer: a callback for this call only.
    const sig = functionSignature(type.function as NonNullable<CType['function']>, `${name} argument ${k + 1}`);
    ch.u64[w >> 3] = ch.thunkAddress(ch.tempCallback(callbackHandler(sig, v as () => unknown)));
  } else if (typeof v === 'bigint') ch.u64[w >> 3] = BigInt.asUintN(64, v);
  else ch.u64[w >> 3] = BigInt(ch.region.address + (ch.region.arenaOffsetOf(v as ArrayBufferView) as number));
}

function argError(name: string, k: number, type: CType, v: unknown): TypeError {
  const got =
    v === null
      ? 'null'
      : typeof v === 'object'
        ? ((v as object).constructor?.name ?? 'object')
        : `${typeof v} ${String(v)}`;
  const want: Partial<Record<CKind, string>> = {
    f64: 'a number',
    f32: 'a number',
    bool: 'a boolean',
    i64: 'an integer (number or bigint)',
    u64: 'a non-negative integer (number or bigint)',
    ptr: 'a typed array in the region, a callback (or a function, for a function pointer), a bigint address (-1n for (void *)-1) or null',
    cstr: 'a string, a typed array in the region, a bigint address or null',
  };
  const range = INT_RANGE[type.kind];
  const expected = want[type.kind] ?? (range ? `an integer in [${range[0]}, ${range[1]}]` : 'a value');
  return new TypeError(`${name}: argument ${k + 1} (${type.name}) must be ${expected}, got ${got}`);
}
