/**
 * The C declaration syntax that prototypes, type names and struct
 * declarations share: tokens with their offsets, declaration specifiers
 * (keyword combinations checked as C checks them), declarators (pointers,
 * arrays, functions, parentheses: `void (*signal(int, void (*)(int)))(int)`),
 * and the conversion of the parsed tree into `CType`s.
 *
 * An identifier is a typedef name only where no type has been seen yet, and
 * the declared name after that, as in C; a keyword is never a name. An unknown
 * typedef name is opaque: fine behind a pointer (`FILE *`), an error by value.
 */

import type { CDeclarationError, ErrorClass } from './errors.js';
import {
  type CType,
  enumType,
  type FunctionType,
  type Layout,
  pointerType,
  scalarFromTable,
  structType,
} from './types.js';

/** Struct layouts a declaration may use by name: keys `struct pair`, `union value`, or a typedef name `div_t`. */
export type StructRegistry = ReadonlyMap<string, Layout> | Readonly<Record<string, Layout>>;

export function lookupStruct(structs: StructRegistry | undefined, key: string): Layout | undefined {
  if (structs === undefined) return undefined;
  if (structs instanceof Map) return structs.get(key);
  const rec = structs as Readonly<Record<string, Layout>>;
  return Object.hasOwn(rec, key) ? rec[key] : undefined;
}

// ------------------------------------------------------------------ tokens

export interface Token {
  readonly text: string;
  readonly pos: number;
  readonly type: 'id' | 'num' | 'punct' | 'end';
}

const TOKEN =
  /\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*|([A-Za-z_][A-Za-z0-9_]*)|(0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*|(\.\.\.|[*()[\]{},;:])/y;

function tokenize(text: string, Err: ErrorClass): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const pos = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      if (text.startsWith('/*', pos)) throw new Err(text, pos, 'unterminated comment');
      throw new Err(text, pos, `unexpected character '${text[pos]}'`);
    }
    if (m[1] !== undefined) out.push({ text: m[1], pos, type: 'id' });
    else if (m[2] !== undefined) out.push({ text: m[0], pos, type: 'num' });
    else if (m[3] !== undefined) out.push({ text: m[3], pos, type: 'punct' });
  }
  out.push({ text: '', pos: text.length, type: 'end' });
  return out;
}

// ------------------------------------------------------------------ the parser's state

export interface Parser {
  readonly text: string;
  readonly toks: readonly Token[];
  i: number;
  /** Nesting of parentheses, parameter lists and struct bodies, bounded so no input exhausts the stack. */
  depth: number;
  readonly Err: ErrorClass;
  readonly structs: StructRegistry | undefined;
  /** Struct tags defined inside the text being parsed. */
  readonly local: Map<string, Layout>;
  /** Parses a struct or union body (the cursor is on `{`) where definitions are allowed. */
  readonly body: ((p: Parser, kind: 'struct' | 'union', tag: string | null, attrs: readonly string[]) => Layout) | null;
}

export function parser(
  text: string,
  Err: ErrorClass,
  structs: StructRegistry | undefined,
  body: Parser['body'] = null,
): Parser {
  return { text, toks: tokenize(text, Err), i: 0, depth: 0, Err, structs, local: new Map(), body };
}

export function peek(p: Parser, k = 0): Token {
  return p.toks[Math.min(p.i + k, p.toks.length - 1)] as Token;
}

export function next(p: Parser): Token {
  const t = peek(p);
  if (t.type !== 'end') p.i++;
  return t;
}

export function fail(p: Parser, pos: number, reason: string): never {
  throw new p.Err(p.text, pos, reason) as CDeclarationError;
}

export function accept(p: Parser, text: string): boolean {
  const t = peek(p);
  if (t.type === 'end' || t.text !== text) return false;
  p.i++;
  return true;
}

export function expect(p: Parser, text: string, what = `'${text}'`): Token {
  const t = peek(p);
  if (t.type === 'end' || t.text !== text) fail(p, t.pos, `expected ${what}, found ${describe(t)}`);
  return next(p);
}

/** Deeper nesting than this, or more levels of pointers, is refused (C compilers must allow 63 and 12). */
export const MAX_NESTING = 32;

/** Enters one level of nesting at `pos`; the caller calls `leave` when done. */
export function enter(p: Parser, pos: number): void {
  if (++p.depth > MAX_NESTING) fail(p, pos, `nested more than ${MAX_NESTING} levels deep`);
}

export function leave(p: Parser): void {
  p.depth--;
}

export function describe(t: Token): string {
  return t.type === 'end' ? 'the end' : `'${t.text}'`;
}

// ------------------------------------------------------------------ keywords

const TYPE_KEYWORDS = new Set(['void', 'char', 'short', 'int', 'long', 'signed', 'unsigned', 'float', 'double']);
const BOOL_KEYWORDS = new Set(['bool', '_Bool']);
const QUALIFIERS = new Set(['const', 'volatile', 'restrict', '__restrict', '__restrict__', '__const', '__volatile__']);
const TAGS = new Set(['struct', 'union', 'enum']);
const STORAGE = new Set(['extern', 'static', 'register', 'auto', 'inline', '__inline', 'typedef', '_Thread_local']);
const UNSUPPORTED: ReadonlyMap<string, string> = new Map([
  ['_Complex', 'complex types are not supported'],
  ['_Imaginary', 'imaginary types are not supported'],
  ['__int128', '__int128 is not supported'],
  ['_Atomic', '_Atomic is not supported'],
  ['_Float16', '_Float16 is not supported'],
  ['__float128', '__float128 is not supported'],
  ['_Float128', '_Float128 is not supported'],
  ['_Decimal32', 'decimal floating types are not supported'],
  ['_Decimal64', 'decimal floating types are not supported'],
  ['_Decimal128', 'decimal floating types are not supported'],
  ['_BitInt', '_BitInt is not supported'],
  ['typeof', 'typeof is not supported'],
  ['__typeof__', 'typeof is not supported'],
  ['_Alignas', '_Alignas is not supported'],
  ['alignas', 'alignas is not supported'],
]);
/** C keywords that are neither types nor qualifiers: never a name. */
const RESERVED = new Set(
  (
    'break case continue default do else for goto if return sizeof switch while _Alignof alignof _Generic ' +
    '_Noreturn _Static_assert static_assert thread_local true false nullptr constexpr typeof_unqual'
  ).split(' '),
);

/** Whether `w` can be a declared name (an identifier that is no C keyword). */
export function isName(w: string): boolean {
  return !(
    TYPE_KEYWORDS.has(w) ||
    BOOL_KEYWORDS.has(w) ||
    QUALIFIERS.has(w) ||
    TAGS.has(w) ||
    STORAGE.has(w) ||
    UNSUPPORTED.has(w) ||
    RESERVED.has(w) ||
    w === '__attribute__' ||
    w === '__extension__'
  );
}

// ------------------------------------------------------------------ declaration specifiers

export interface Specifiers {
  /** The type words as written, without qualifiers (`unsigned long int`, `struct pair`, `size_t`). */
  readonly spelling: string;
  /** The type, or null when it is opaque (then `opaque` says why it cannot be used by value). */
  readonly type: CType | null;
  readonly opaque: string | null;
  readonly const: boolean;
  /** Any qualifier (const, volatile) among the specifiers. */
  readonly qualified: boolean;
  readonly pos: number;
  /** A lone identifier read as a typedef name (so `cos(double)` can be told "missing return type"). */
  readonly loneName: boolean;
  /** `__attribute__((…))` names seen among the specifiers (`packed`). */
  readonly attrs: readonly string[];
}

/** The keyword counts of a builtin type, checked after each keyword (an invalid set never becomes valid). */
interface Builtin {
  void: number;
  char: number;
  short: number;
  int: number;
  long: number;
  signed: number;
  unsigned: number;
  float: number;
  double: number;
  bool: number;
}

function builtinProblem(b: Builtin, word: string): string | null {
  if (b.long > 2) return "'long long long' is too long";
  for (const k of ['void', 'char', 'short', 'int', 'signed', 'unsigned', 'float', 'double', 'bool'] as const) {
    if (b[k] > 1) return `duplicate '${word}'`;
  }
  if (b.signed && b.unsigned) return "both 'signed' and 'unsigned'";
  const bases = b.void + b.char + b.int + b.float + b.double + b.bool;
  if (bases > 1) return null; // reported by the caller with both words
  if (b.void || b.bool || b.float) return b.short + b.long + b.signed + b.unsigned > 0 ? '' : null;
  if (b.char) return b.short + b.long > 0 ? '' : null;
  if (b.double) return b.short + b.signed + b.unsigned > 0 || b.long > 1 ? '' : null;
  if (b.short && b.long) return '';
  return null;
}

function canonical(b: Builtin): string {
  const u = b.unsigned ? 'unsigned ' : '';
  if (b.void) return 'void';
  if (b.bool) return 'bool';
  if (b.float) return 'float';
  if (b.double) return b.long ? 'long double' : 'double';
  if (b.char) return b.signed ? 'signed char' : b.unsigned ? 'unsigned char' : 'char';
  if (b.short) return `${u}short`;
  if (b.long === 2) return `${u}long long`;
  if (b.long === 1) return `${u}long`;
  return `${u}int`;
}

/** Reads `__attribute__((a, b(1)))`; returns the attribute names. */
export function attributes(p: Parser): string[] {
  const names: string[] = [];
  expect(p, '(');
  expect(p, '(');
  let depth = 2;
  while (depth > 0) {
    const t = next(p);
    if (t.type === 'end') fail(p, t.pos, "unterminated '__attribute__'");
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (depth === 2 && t.type === 'id') names.push(t.text.replace(/^__(.*)__$/, '$1'));
  }
  return names;
}

export interface SpecifierRules {
  /** Storage classes allowed (and ignored) here: `extern` before a prototype, `register` in parameters. */
  readonly storage?: readonly string[];
}

/** Reads declaration specifiers: qualifiers, type keywords, one typedef name or struct/union/enum. */
export function specifiers(p: Parser, rules: SpecifierRules = {}): Specifiers {
  const start = peek(p).pos;
  const words: string[] = [];
  const attrs: string[] = [];
  const b: Builtin = {
    void: 0,
    char: 0,
    short: 0,
    int: 0,
    long: 0,
    signed: 0,
    unsigned: 0,
    float: 0,
    double: 0,
    bool: 0,
  };
  let builtins = 0;
  let other: Tagged | null = null;
  let isConst = false;
  let qualified = false;
  for (;;) {
    const t = peek(p);
    if (t.type !== 'id') break;
    const w = t.text;
    if (QUALIFIERS.has(w)) {
      if (w.includes('restrict')) fail(p, t.pos, `'${w}' qualifies a pointer: write it after the '*'`);
      if (w.includes('const')) isConst = true;
      qualified = true;
      next(p);
    } else if (STORAGE.has(w)) {
      if (!rules.storage?.includes(w)) fail(p, t.pos, `'${w}' is not allowed here`);
      next(p);
    } else if (w === '__extension__') next(p);
    else if (w === '__attribute__') {
      next(p);
      attrs.push(...attributes(p));
    } else if (UNSUPPORTED.has(w)) fail(p, t.pos, UNSUPPORTED.get(w) as string);
    else if (TYPE_KEYWORDS.has(w) || BOOL_KEYWORDS.has(w)) {
      if (other) fail(p, t.pos, `'${[...words, w].join(' ')}' is not a type`);
      b[BOOL_KEYWORDS.has(w) ? 'bool' : (w as keyof Builtin)]++;
      builtins++;
      const problem = builtinProblem(b, w);
      const bases = b.void + b.char + b.int + b.float + b.double + b.bool;
      if (problem === '' || (problem === null && bases > 1))
        fail(p, t.pos, `'${[...words, w].join(' ')}' is not a type`);
      if (problem) fail(p, t.pos, problem);
      words.push(w);
      next(p);
    } else if (TAGS.has(w)) {
      if (other || builtins) fail(p, t.pos, `'${[...words, w].join(' ')}' is not a type`);
      next(p);
      other = tagged(p, w as 'struct' | 'union' | 'enum', t.pos, attrs);
      words.push(other.spelling);
    } else if (RESERVED.has(w)) fail(p, t.pos, `'${w}' is a C keyword`);
    else if (other || builtins)
      break; // the declared name
    else {
      next(p);
      const layout = lookupStruct(p.structs, w);
      const known = scalarFromTable(w) ?? (layout ? structType(w, layout) : null);
      other = { spelling: w, type: known, opaque: known ? null : `unknown type '${w}'`, pos: t.pos, lone: true };
      words.push(w);
    }
  }
  if (!other && builtins === 0)
    fail(p, peek(p).pos, peek(p).type === 'end' ? 'missing type' : `missing type before ${describe(peek(p))}`);
  const spelling = words.join(' ');
  if (other) {
    return {
      spelling,
      type: other.type,
      opaque: other.opaque,
      const: isConst,
      qualified,
      pos: start,
      loneName: other.lone && words.length === 1,
      attrs,
    };
  }
  const type = scalarFromTable(canonical(b), spelling) as CType;
  return { spelling, type, opaque: null, const: isConst, qualified, pos: start, loneName: false, attrs };
}

/** A typedef name or a struct/union/enum among the specifiers. */
interface Tagged {
  readonly spelling: string;
  readonly type: CType | null;
  readonly opaque: string | null;
  readonly pos: number;
  readonly lone: boolean;
}

/** `struct TAG`, `struct TAG { … }`, `struct { … }`, `union …`, `enum TAG`. */
function tagged(p: Parser, kind: 'struct' | 'union' | 'enum', pos: number, attrs: string[]): Tagged {
  while (peek(p).text === '__attribute__') {
    next(p);
    attrs.push(...attributes(p));
  }
  const t = peek(p);
  let tag: string | null = null;
  if (t.type === 'id') {
    if (!isName(t.text)) fail(p, t.pos, `'${t.text}' is a C keyword, not a ${kind} tag`);
    tag = t.text;
    next(p);
  }
  if (kind === 'enum') {
    if (peek(p).text === '{') fail(p, peek(p).pos, 'enum definitions are not supported (an enum is an int)');
    if (tag === null) fail(p, t.pos, `expected a tag after 'enum', found ${describe(t)}`);
    return { spelling: `enum ${tag}`, type: enumType(`enum ${tag}`), opaque: null, pos, lone: false };
  }
  const name = `${kind} ${tag ?? '<anonymous>'}`;
  if (peek(p).text === '{') {
    if (!p.body) fail(p, peek(p).pos, `a ${kind} definition is not allowed here: declare the ${kind} first`);
    if (tag !== null && p.local.has(name)) fail(p, peek(p).pos, `redefinition of '${name}'`);
    enter(p, peek(p).pos);
    const layout = p.body(p, kind, tag, attrs);
    leave(p);
    if (tag !== null) p.local.set(name, layout);
    return { spelling: name, type: structType(name, layout), opaque: null, pos, lone: false };
  }
  if (tag === null) fail(p, t.pos, `expected a tag or '{' after '${kind}', found ${describe(t)}`);
  const layout = p.local.get(name) ?? lookupStruct(p.structs, name);
  if (layout) return { spelling: name, type: structType(name, layout), opaque: null, pos, lone: false };
  return {
    spelling: name,
    type: null,
    opaque: `${name} by value is not supported without its layout: declare the ${kind}`,
    pos,
    lone: false,
  };
}

// ------------------------------------------------------------------ declarators and the type tree

export interface ParamNode {
  readonly node: TypeNode;
  readonly name: string | null;
  readonly pos: number;
}

export type TypeNode =
  | { readonly t: 'base'; readonly specs: Specifiers }
  | { readonly t: 'ptr'; readonly to: TypeNode }
  | { readonly t: 'array'; readonly of: TypeNode; readonly n: number | null; readonly pos: number }
  | {
      readonly t: 'fn';
      readonly ret: TypeNode;
      readonly params: readonly ParamNode[];
      readonly variadic: boolean;
      readonly pos: number;
    };

type Derivation =
  | { readonly t: 'ptr' }
  | { readonly t: 'array'; readonly n: number | null; readonly pos: number }
  | { readonly t: 'fn'; readonly params: readonly ParamNode[]; readonly variadic: boolean; readonly pos: number };

export interface Declarator {
  readonly name: string | null;
  readonly namePos: number;
  /** Applied to the base type in order (`*x[3]`: pointer, then array of 3). */
  readonly derive: readonly Derivation[];
}

export function apply(base: TypeNode, derive: readonly Derivation[]): TypeNode {
  let n = base;
  for (const d of derive) {
    if (d.t === 'ptr') n = { t: 'ptr', to: n };
    else if (d.t === 'array') n = { t: 'array', of: n, n: d.n, pos: d.pos };
    else n = { t: 'fn', ret: n, params: d.params, variadic: d.variadic, pos: d.pos };
  }
  return n;
}

/** Reads a declarator: pointers, then a name or `( declarator )`, then `[N]` and `(params)` suffixes. */
export function declarator(p: Parser): Declarator {
  const ptrs: Derivation[] = [];
  while (peek(p).text === '*') {
    if (ptrs.length === MAX_NESTING) fail(p, peek(p).pos, `more than ${MAX_NESTING} levels of pointers`);
    next(p);
    ptrs.push({ t: 'ptr' });
    while (peek(p).type === 'id' && QUALIFIERS.has(peek(p).text)) next(p);
  }
  let inner: Declarator | null = null;
  let name: string | null = null;
  let namePos = peek(p).pos;
  const t = peek(p);
  if (t.text === '(' && peek(p, 1).text === '*') {
    next(p);
    enter(p, t.pos);
    inner = declarator(p);
    leave(p);
    expect(p, ')');
  } else if (t.type === 'id' && t.text !== '__attribute__') {
    if (!isName(t.text)) fail(p, t.pos, `'${t.text}' is a C keyword, not a name`);
    name = t.text;
    namePos = t.pos;
    next(p);
  }
  const suffixes: Derivation[] = [];
  for (;;) {
    const s = peek(p);
    if ((s.text === '[' || s.text === '(') && suffixes.length === MAX_NESTING)
      fail(p, s.pos, `more than ${MAX_NESTING} array dimensions or parameter lists`);
    if (s.text === '[') {
      next(p);
      const n = peek(p);
      if (n.text === ']') {
        next(p);
        suffixes.push({ t: 'array', n: null, pos: s.pos });
        continue;
      }
      if (n.type !== 'num') fail(p, n.pos, `an array size must be a number, found ${describe(n)}`);
      const size = Number(n.text.replace(/[uUlL]+$/, '').replace(/^0(?=[0-7])/, '0o'));
      if (!Number.isSafeInteger(size) || size <= 0) fail(p, n.pos, `array size ${n.text} must be a positive integer`);
      next(p);
      expect(p, ']');
      suffixes.push({ t: 'array', n: size, pos: s.pos });
    } else if (s.text === '(') {
      next(p);
      enter(p, s.pos);
      suffixes.push(parameterList(p, s.pos));
      leave(p);
    } else break;
  }
  suffixes.reverse();
  return {
    name: inner ? inner.name : name,
    namePos: inner ? inner.namePos : namePos,
    derive: [...ptrs, ...suffixes, ...(inner?.derive ?? [])],
  };
}

/** Reads `params)` after a `(`: `(void)`, `()`, `(int x, const char *, ...)`. */
function parameterList(p: Parser, pos: number): Derivation & { t: 'fn' } {
  const params: ParamNode[] = [];
  let variadic = false;
  if (accept(p, ')')) return { t: 'fn', params, variadic, pos };
  for (;;) {
    const t = peek(p);
    if (t.text === '...') {
      next(p);
      if (params.length === 0) fail(p, t.pos, "'...' needs a named parameter before it");
      if (peek(p).text !== ')') fail(p, peek(p).pos, "'...' must be the last parameter");
      variadic = true;
    } else {
      if (t.text === ',' || t.text === ')') fail(p, t.pos, 'empty parameter');
      const specs = specifiers(p, { storage: ['register'] });
      const d = declarator(p);
      params.push({ node: apply({ t: 'base', specs }, d.derive), name: d.name, pos: d.name ? d.namePos : specs.pos });
    }
    const sep = peek(p);
    if (accept(p, ')')) break;
    if (sep.text !== ',') fail(p, sep.pos, `expected ',' or ')', found ${describe(sep)}`);
    next(p);
    if (peek(p).text === ')') fail(p, peek(p).pos, 'empty parameter');
  }
  // `(void)` alone means no parameters; anywhere else void is not a parameter type.
  const first = params[0];
  if (params.length === 1 && first && !variadic && isPlainVoid(first.node) && first.name === null) {
    if ((first.node as { specs: Specifiers }).specs.qualified)
      fail(p, first.pos, "'void' as the only parameter may not be qualified");
    return { t: 'fn', params: [], variadic, pos };
  }
  const seen = new Set<string>();
  for (const q of params) {
    if (isPlainVoid(q.node)) fail(p, q.pos, "'void' is not a parameter type");
    if (q.name !== null) {
      if (seen.has(q.name)) fail(p, q.pos, `redefinition of parameter '${q.name}'`);
      seen.add(q.name);
    }
  }
  return { t: 'fn', params, variadic, pos };
}

function isPlainVoid(n: TypeNode): boolean {
  return n.t === 'base' && n.specs.type?.kind === 'void';
}

// ------------------------------------------------------------------ from the tree to CTypes

/** Where a type is used decides what is allowed and how arrays and functions adjust. */
export type Role = 'param' | 'return' | 'field' | 'type';

/** The normalised spelling of a type (`const char *`, `int (*)(const void *, const void *)`). */
export function typeName(n: TypeNode): string {
  if (n.t === 'base') return n.specs.spelling;
  if (n.t === 'array') return `${typeName(n.of)}[${n.n ?? ''}]`;
  if (n.t === 'fn') return `${typeName(n.ret)} (${paramNames(n)})`;
  let stars = 0;
  let m: TypeNode = n;
  for (;;) {
    if (m.t === 'ptr') stars++;
    else if (m.t !== 'array') break;
    m = m.t === 'ptr' ? m.to : m.of;
  }
  if (m.t === 'fn') {
    const r = typeName(m.ret);
    return `${r}${r.endsWith('*') ? '' : ' '}(${'*'.repeat(stars)})(${paramNames(m)})`;
  }
  const base = (m as { specs: Specifiers }).specs;
  return `${base.const ? 'const ' : ''}${base.spelling} ${'*'.repeat(stars)}`;
}

function paramNames(f: TypeNode & { t: 'fn' }): string {
  const names = f.params.map((q) => typeName(decayed(q.node)));
  if (f.variadic) names.push('...');
  return names.length === 0 ? 'void' : names.join(', ');
}

/** A parameter's type after C's adjustments: an array is a pointer to its element, a function a pointer to it. */
function decayed(n: TypeNode): TypeNode {
  if (n.t === 'array') {
    let of = n.of;
    while (of.t === 'array') of = of.of;
    return { t: 'ptr', to: of };
  }
  if (n.t === 'fn') return { t: 'ptr', to: n };
  return n;
}

/** The type a pointer points to (arrays behind a pointer decay to their element), or null when opaque. */
function pointee(p: Parser, n: TypeNode): CType | null {
  if (n.t === 'array') return pointee(p, n.of);
  if (n.t === 'fn') return null;
  if (n.t === 'ptr') return pointer(p, n);
  const t = n.specs.type;
  if (!t || (t.kind === 'struct' && !t.layout)) return null;
  return n.specs.const ? { ...t, const: true } : t;
}

function pointer(p: Parser, n: TypeNode & { t: 'ptr' }): CType {
  let to = n.to;
  while (to.t === 'array') to = to.of;
  const isCstr = to.t === 'base' && to.specs.const && to.specs.spelling === 'char';
  const t = pointerType(typeName(n), pointee(p, to), isCstr ? 'cstr' : 'ptr');
  if (to.t !== 'fn') return t;
  return { ...t, function: functionType(p, to) };
}

export function functionType(p: Parser, f: TypeNode & { t: 'fn' }): FunctionType {
  return {
    ret: toCType(p, f.ret, 'return', f.pos),
    params: f.params.map((q) => ({ type: toCType(p, q.node, 'param', q.pos), name: q.name })),
    variadic: f.variadic,
  };
}

/** C's rules on derived types that hold anywhere: no arrays of void or of functions. */
function checkDerived(p: Parser, n: TypeNode): void {
  if (n.t === 'array') {
    const of = n.of;
    if (of.t === 'fn')
      fail(p, n.pos, 'an array of functions is not a type: declare an array of pointers, (*name[N])(…)');
    if (of.t === 'base' && of.specs.type?.kind === 'void') fail(p, n.pos, "an array of 'void' is not a type");
    if (of.t === 'array' && of.n === null) fail(p, of.pos, 'only the first array dimension may be empty');
    checkDerived(p, of);
  } else if (n.t === 'ptr') checkDerived(p, n.to);
  else if (n.t === 'fn') checkDerived(p, n.ret);
}

/** The `CType` of a parsed type in a role; `pos` is where to point when it is not allowed there. */
export function toCType(p: Parser, n: TypeNode, role: Role, pos: number): CType {
  checkDerived(p, n);
  if (role === 'param') n = decayed(n);
  if (n.t === 'ptr') return pointer(p, n);
  if (n.t === 'array') {
    if (role === 'return') fail(p, n.pos, 'a function cannot return an array');
    fail(p, n.pos, 'an array type is not allowed here');
  }
  if (n.t === 'fn') {
    if (role === 'return') fail(p, n.pos, 'a function cannot return a function');
    if (role === 'field') fail(p, pos, 'a member cannot be a function: declare a pointer, (*name)(…)');
    fail(p, n.pos, 'a function type is not allowed here');
  }
  const s = n.specs;
  if (!s.type) fail(p, s.pos, s.opaque as string);
  const t = s.type;
  if (t.kind === 'void') {
    if (role === 'param') fail(p, pos, "'void' is not a parameter type");
    if (role === 'field') fail(p, pos, "a member cannot be 'void'");
  }
  if (t.kind === 'f80' && (role === 'param' || role === 'return'))
    fail(p, s.pos, 'long double is not supported as a parameter or result (it travels in x87 registers or memory)');
  return t;
}

/** Reads a whole text as a type name (`const char *`, `char[16]`, `int (*)(int)`): no declared name. */
export function typeNameNode(p: Parser, rules: SpecifierRules = {}): TypeNode {
  const specs = specifiers(p, rules);
  const d = declarator(p);
  if (d.name !== null) fail(p, d.namePos, `a type name declares no name: unexpected '${d.name}'`);
  const end = peek(p);
  if (end.type !== 'end') fail(p, end.pos, `unexpected ${describe(end)}`);
  return apply({ t: 'base', specs }, d.derive);
}

/** Splits `T name[2][3]` into its element type and dimensions, outermost first ([] when not an array). */
export function arrayDims(n: TypeNode): { element: TypeNode; dims: (number | null)[] } {
  const dims: (number | null)[] = [];
  while (n.t === 'array') {
    dims.push(n.n);
    n = n.of;
  }
  return { element: n, dims };
}
