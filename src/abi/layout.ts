/**
 * Struct and union layout by the System V AMD64 rules: each member at the
 * next multiple of its alignment, the struct's alignment the largest of its
 * members', its size rounded up to that; a union's members all at 0. Fixed
 * arrays (`char name[16]`), nested structs, anonymous members (C11), a
 * flexible array member last, and packing (`packed`: the attribute, this
 * struct only; `pack: n`: the pragma, every struct defined in the text).
 *
 * Two ways in: the object form `structLayout('timeval', { tv_sec: 'long',
 * tv_usec: 'long' })`, and a C declaration `parseLayout('struct timeval {
 * long tv_sec; long tv_usec; }')`. Both give the same plain `Layout`.
 */

import { LayoutError } from './errors.js';
import {
  apply,
  arrayDims,
  attributes,
  declarator,
  describe,
  expect,
  fail,
  isName,
  next,
  type Parser,
  parser,
  peek,
  type StructRegistry,
  specifiers,
  type TypeNode,
  toCType,
  typeNameNode,
} from './syntax.js';
import { type CType, type Field, type Layout, structType } from './types.js';

export type { Field, Layout } from './types.js';

/** A member in the object form: a C type (`'long'`, `'char[16]'`, `'struct timeval'`), a layout, an anonymous struct, or `[spec, count]`. */
export type FieldSpec = string | Layout | FieldSpecs | readonly [FieldSpec, number];

export interface FieldSpecs {
  readonly [name: string]: FieldSpec;
}

export interface LayoutOptions {
  /** `__attribute__((packed))`: this struct's members at any byte (alignment 1). */
  readonly packed?: boolean;
  /** `#pragma pack(n)`: no member aligned beyond n, in this struct and those defined inside it. */
  readonly pack?: 1 | 2 | 4 | 8 | 16;
  /** Structs the declaration may use by name (`struct timeval tv;`). */
  readonly structs?: StructRegistry;
}

interface Member {
  /** null for an anonymous struct or union member, whose fields become the parent's. */
  readonly name: string | null;
  readonly type: CType;
  readonly dims: readonly (number | null)[];
  readonly pos: number;
}

const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/** The largest struct laid out (2^40 bytes: the largest region a sidecar maps). */
const MAX_SIZE = 2 ** 40;

function checkPack(pack: number | undefined, fail: (why: string) => never): number | null {
  if (pack === undefined) return null;
  if (![1, 2, 4, 8, 16].includes(pack)) fail(`pack must be 1, 2, 4, 8 or 16, not ${String(pack)}`);
  return pack;
}

/** Lays out members; `bad(pos, why)` reports a problem at a member. */
function lay(
  kind: 'struct' | 'union',
  tag: string | null,
  members: readonly Member[],
  pack: number | null,
  bad: (pos: number, why: string) => never,
  endPos: number,
): Layout {
  if (members.length === 0) bad(endPos, `a ${kind} needs at least one member`);
  const fields: Field[] = [];
  let offset = 0;
  let size = 0;
  let align = 1;
  members.forEach((m, k) => {
    const t = m.type;
    if (t.kind === 'struct' && !t.layout) bad(m.pos, `${t.name} is incomplete: declare it first, or use a pointer`);
    const flexible = m.dims[0] === null;
    if (m.dims.slice(1).includes(null)) bad(m.pos, 'only the first array dimension may be empty');
    if (flexible && (kind === 'union' || k !== members.length - 1 || members.length === 1))
      bad(m.pos, 'a flexible array member must be the last member of a struct with other members');
    if (t.layout && hasFlexible(t.layout))
      bad(m.pos, `${t.name} ends in a flexible array member and cannot be a member`);
    const dims = m.dims.map((d) => d ?? 0);
    const count = dims.reduce((a, b) => a * b, 1);
    const a = pack === null ? t.align : Math.min(t.align, pack);
    const at = kind === 'struct' ? alignUp(offset, a) : 0;
    const bytes = t.size * count;
    if (!Number.isSafeInteger(offset + bytes) || offset + bytes > MAX_SIZE)
      bad(m.pos, `the ${kind} would exceed ${MAX_SIZE} bytes`);
    if (kind === 'struct') offset = at + bytes;
    else size = Math.max(size, bytes);
    align = Math.max(align, a);
    if (m.name !== null) {
      fields.push({ name: m.name, offset: at, type: t, count, dims, size: bytes });
      return;
    }
    for (const f of (t.layout as Layout).fields) fields.push({ ...f, offset: at + f.offset });
  });
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.name)) bad(members.find((m) => m.name === f.name)?.pos ?? endPos, `duplicate member '${f.name}'`);
    seen.add(f.name);
  }
  size = alignUp(kind === 'struct' ? offset : size, align);
  return { kind, tag, name: `${kind} ${tag ?? '<anonymous>'}`, size, align, pack, fields };
}

function hasFlexible(l: Layout): boolean {
  const last = l.fields[l.fields.length - 1];
  return last !== undefined && last.dims[0] === 0;
}

// ------------------------------------------------------------------ the object form

function isLayout(v: unknown): v is Layout {
  const l = v as Layout;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(l.fields) &&
    typeof l.size === 'number' &&
    (l.kind === 'struct' || l.kind === 'union')
  );
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function objectLayout(
  kind: 'struct' | 'union',
  tag: string | null,
  specs: FieldSpecs,
  options: LayoutOptions,
  inherited: number | null,
): Layout {
  const label = `${kind} ${tag ?? '<anonymous>'}`;
  const whole = (why: string): never => {
    throw new LayoutError(label, 0, why);
  };
  if (tag !== null && (typeof tag !== 'string' || !IDENT.test(tag))) whole(`a ${kind} tag must be a C identifier`);
  if (typeof specs !== 'object' || specs === null || Array.isArray(specs))
    whole(`the members of a ${kind} are an object { name: 'type' }`);
  const pack = options.packed ? 1 : (checkPack(options.pack, whole) ?? inherited);
  const members = Object.keys(specs).map((name): Member => {
    if (!IDENT.test(name) || !isName(name)) whole(`member name '${name}' is not a C identifier`);
    return { name, ...member(name, specs[name] as FieldSpec, options, inherited ?? checkPack(options.pack, whole)) };
  });
  return lay(kind, tag, members, pack, (_pos, why) => whole(why), 0);
}

/** One member of the object form: its element type and dimensions. */
function member(
  name: string,
  spec: FieldSpec,
  options: LayoutOptions,
  pack: number | null,
): { type: CType; dims: (number | null)[]; pos: number } {
  if (typeof spec === 'string') {
    const p = parser(spec, LayoutError, options.structs);
    try {
      const { element, dims } = arrayDims(typeNameNode(p));
      return { type: toCType(p, element, 'field', 0), dims, pos: 0 };
    } catch (e) {
      if (e instanceof LayoutError) throw new LayoutError(spec, e.position, `member '${name}': ${e.reason}`);
      throw e;
    }
  }
  if (Array.isArray(spec)) {
    const [inner, n] = spec as readonly [FieldSpec, number];
    if (!Number.isSafeInteger(n) || n <= 0)
      throw new LayoutError(String(n), 0, `member '${name}': an array count must be a positive integer`);
    const m = member(name, inner, options, pack);
    return { ...m, dims: [n, ...m.dims] };
  }
  if (isLayout(spec)) return { type: structType(spec.name, spec), dims: [], pos: 0 };
  if (typeof spec === 'object' && spec !== null) {
    const l = objectLayout('struct', null, spec as FieldSpecs, { structs: options.structs }, pack);
    return { type: structType(l.name, l), dims: [], pos: 0 };
  }
  throw new LayoutError(String(spec), 0, `member '${name}': expected a C type, a layout or an object of members`);
}

/** A struct from the object form: `structLayout('timeval', { tv_sec: 'long', tv_usec: 'long' })`. */
export function structLayout(tag: string | null, fields: FieldSpecs, options: LayoutOptions = {}): Layout {
  return objectLayout('struct', tag, fields, options, null);
}

/** A union from the object form: `unionLayout('value', { i: 'long', d: 'double' })`. */
export function unionLayout(tag: string | null, fields: FieldSpecs, options: LayoutOptions = {}): Layout {
  return objectLayout('union', tag, fields, options, null);
}

// ------------------------------------------------------------------ the C declaration form

/**
 * A struct or union from its C declaration: `struct timeval { long tv_sec; long tv_usec; }`,
 * with nested definitions, arrays, anonymous members, `__attribute__((packed))`.
 */
export function parseLayout(declaration: string, options: LayoutOptions = {}): Layout {
  if (typeof declaration !== 'string') throw new TypeError('a C struct declaration must be a string');
  const inherited = checkPack(options.pack, (why) => {
    throw new LayoutError(declaration, 0, why);
  });
  let outer = true;
  const body = (p: Parser, kind: 'struct' | 'union', tag: string | null, attrs: readonly string[]): Layout => {
    const packed = outer && options.packed === true;
    outer = false;
    return structBody(p, kind, tag, attrs, packed ? 1 : inherited);
  };
  const p = parser(declaration, LayoutError, options.structs, body);
  const t = peek(p);
  if (t.text !== 'struct' && t.text !== 'union') fail(p, t.pos, `expected 'struct' or 'union', found ${describe(t)}`);
  // The tag (if any) is followed by the body: a declaration without one names nothing to lay out.
  const specs = specifiers(p);
  const layout = specs.type?.layout;
  if (!layout || !p.toks.slice(0, p.i).some((x) => x.text === '{'))
    fail(p, t.pos, `expected a ${t.text} definition with its members in '{ … }'`);
  if (peek(p).text === ';') next(p);
  const end = peek(p);
  if (end.type !== 'end') fail(p, end.pos, `unexpected ${describe(end)} after the ${t.text}`);
  return layout;
}

/** Reads `{ members } attributes` after `struct TAG`; `pack` from the options or an enclosing pragma. */
function structBody(
  p: Parser,
  kind: 'struct' | 'union',
  tag: string | null,
  attrs: readonly string[],
  pack: number | null,
): Layout {
  expect(p, '{');
  const members: Member[] = [];
  for (;;) {
    const t = peek(p);
    if (t.type === 'end') fail(p, t.pos, `expected '}' to close the ${kind}`);
    if (t.text === '}') break;
    const specs = specifiers(p);
    if (peek(p).text === ';') {
      next(p);
      const l = specs.type?.layout;
      if (l && l.tag === null) members.push({ name: null, type: specs.type as CType, dims: [], pos: specs.pos });
      else if (specs.type?.kind !== 'struct' && specs.type !== null)
        fail(p, specs.pos, 'declaration does not declare anything');
      continue;
    }
    for (;;) {
      const d = declarator(p);
      if (peek(p).text === ':') fail(p, peek(p).pos, 'bit-fields are not supported');
      if (d.name === null) fail(p, d.namePos, `expected a member name, found ${describe(peek(p))}`);
      const node: TypeNode = apply({ t: 'base', specs }, d.derive);
      const { element, dims } = arrayDims(node);
      members.push({ name: d.name, type: toCType(p, element, 'field', d.namePos), dims, pos: d.namePos });
      if (peek(p).text === ',') {
        next(p);
        continue;
      }
      expect(p, ';', "';' after the member");
      break;
    }
  }
  const close = next(p);
  const all = [...attrs];
  while (peek(p).text === '__attribute__') {
    next(p);
    all.push(...attributes(p));
  }
  for (const a of all) if (a !== 'packed') fail(p, close.pos, `attribute '${a}' is not supported (only packed)`);
  const packTo = all.includes('packed') ? 1 : pack;
  return lay(kind, tag, members, packTo, (pos, why) => fail(p, pos, why), close.pos);
}

// ------------------------------------------------------------------ using layouts

/** A registry for prototypes and declarations: each layout under its name (`struct pair`). */
export function structRegistry(...layouts: readonly Layout[]): Map<string, Layout> {
  return new Map(layouts.map((l) => [l.name, l]));
}

/** A scalar (or pointer) inside a layout, at its offset from the start of the outermost struct. */
export interface Leaf {
  readonly offset: number;
  readonly type: CType;
}

/** Every scalar and pointer of a layout with its absolute offset, arrays expanded, nested structs entered. */
export function leaves(layout: Layout, base = 0, out: Leaf[] = []): Leaf[] {
  for (const f of layout.fields) {
    for (let k = 0; k < f.count; k++) {
      const at = base + f.offset + k * f.type.size;
      if (f.type.layout) leaves(f.type.layout, at, out);
      else out.push({ offset: at, type: f.type });
    }
  }
  return out;
}

/** A canonical text of what the ABI sees in a layout (kinds, offsets, size; no names): a cache key. */
export function layoutKey(l: Layout): string {
  const fields = l.fields.map((f) => {
    const t = f.type.layout ? layoutKey(f.type.layout) : f.type.kind === 'cstr' ? 'ptr' : f.type.kind;
    return `${t}@${f.offset}${f.count === 1 && f.dims.length === 0 ? '' : `*${f.count}`}`;
  });
  return `{${l.kind === 'union' ? 'u' : 's'}${l.size}a${l.align}:${fields.join(',')}}`;
}
