/**
 * The prototype parser the host used before src/abi, kept as the reference
 * test/abi/prototype.test.ts compares the abi parser with (the product no
 * longer uses it).
 */

/** How a value travels: integer register, vector register, or nothing. */
export type CKind =
  | 'void'
  | 'bool'
  | 'i8'
  | 'u8'
  | 'i16'
  | 'u16'
  | 'i32'
  | 'u32'
  | 'i64'
  | 'u64'
  | 'f32'
  | 'f64'
  | 'ptr'
  /** `const char *`: a JS string is copied into the region for the call. */
  | 'cstr';

export interface CType {
  /** The type as written, normalised (`const double *`). */
  readonly name: string;
  readonly kind: CKind;
  /** Size in bytes (pointers 8). */
  readonly size: number;
}

export interface Param {
  readonly type: CType;
  readonly name: string | null;
}

export interface Signature {
  readonly name: string;
  readonly ret: CType;
  readonly params: readonly Param[];
  /** Canonical text: the key trampolines are cached by (names dropped). */
  readonly key: string;
}

const SCALARS: Record<string, [CKind, number]> = {
  void: ['void', 0],
  bool: ['bool', 1],
  _Bool: ['bool', 1],
  char: ['i8', 1],
  'signed char': ['i8', 1],
  'unsigned char': ['u8', 1],
  short: ['i16', 2],
  'short int': ['i16', 2],
  'signed short': ['i16', 2],
  'unsigned short': ['u16', 2],
  'unsigned short int': ['u16', 2],
  int: ['i32', 4],
  signed: ['i32', 4],
  'signed int': ['i32', 4],
  unsigned: ['u32', 4],
  'unsigned int': ['u32', 4],
  long: ['i64', 8],
  'long int': ['i64', 8],
  'signed long': ['i64', 8],
  'unsigned long': ['u64', 8],
  'unsigned long int': ['u64', 8],
  'long long': ['i64', 8],
  'long long int': ['i64', 8],
  'signed long long': ['i64', 8],
  'unsigned long long': ['u64', 8],
  'unsigned long long int': ['u64', 8],
  float: ['f32', 4],
  double: ['f64', 8],
  int8_t: ['i8', 1],
  uint8_t: ['u8', 1],
  int16_t: ['i16', 2],
  uint16_t: ['u16', 2],
  int32_t: ['i32', 4],
  uint32_t: ['u32', 4],
  int64_t: ['i64', 8],
  uint64_t: ['u64', 8],
  size_t: ['u64', 8],
  ssize_t: ['i64', 8],
  ptrdiff_t: ['i64', 8],
  intptr_t: ['i64', 8],
  uintptr_t: ['u64', 8],
  off_t: ['i64', 8],
  time_t: ['i64', 8],
  pid_t: ['i32', 4],
  uid_t: ['u32', 4],
  gid_t: ['u32', 4],
  mode_t: ['u32', 4],
  socklen_t: ['u32', 4],
  wchar_t: ['i32', 4],
  uLong: ['u64', 8],
  uLongf: ['u64', 8],
  uInt: ['u32', 4],
  Bytef: ['u8', 1],
  sqlite3_int64: ['i64', 8],
  sqlite_int64: ['i64', 8],
  blasint: ['i32', 4],
  lapack_int: ['i32', 4],
  CURLcode: ['i32', 4],
  CURLoption: ['i32', 4],
};

/** Enum types of the known libraries that travel as int. */
const ENUM_INT = /^(CBLAS_[A-Z_]+|enum\s+\w+)$/;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The C scalar type names `sc.alloc` accepts, with their kinds. */
export function scalarType(name: string): CType | null {
  const t = normalise(name);
  const s = SCALARS[t];
  if (s && s[0] !== 'void') return { name: t, kind: s[0], size: s[1] };
  return null;
}

function normalise(s: string): string {
  return s
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*\*\s*/g, ' *')
    .replace(/\* \*/g, '**')
    .trim();
}

function bad(proto: string, why: string): TypeError {
  return new TypeError(`invalid C prototype '${proto}': ${why}`);
}

const QUALIFIERS = new Set(['const', 'volatile', 'restrict', '__restrict']);
const TAGS = new Set(['struct', 'union', 'enum']);
const isArray = (w: string): boolean => /^\[\d*\]$/.test(w);

/** Parses a type (with an optional trailing parameter name) from its words. */
function parseType(input: string[], proto: string, allowName: boolean): { type: CType; name: string | null } {
  const words = [...input];
  let array = false;
  while (words.length > 0 && isArray(words[words.length - 1] as string)) {
    array = true;
    words.pop();
  }
  let name: string | null = null;
  const last = words[words.length - 1];
  if (allowName && last !== undefined && IDENT.test(last) && !QUALIFIERS.has(last) && !TAGS.has(last)) {
    const before = words.slice(0, -1).filter((w) => !QUALIFIERS.has(w));
    const baseBefore = before.filter((w) => w !== '*');
    const joined = [...baseBefore, last].join(' ');
    const partOfType =
      baseBefore.length === 0 ||
      (!before.includes('*') &&
        (SCALARS[joined] !== undefined || TAGS.has(baseBefore[baseBefore.length - 1] as string)));
    if (!partOfType) {
      name = last;
      words.pop();
    }
  }
  let ptr = 0;
  let isConst = false;
  const base: string[] = [];
  for (const w of words) {
    if (w === '*') ptr++;
    else if (QUALIFIERS.has(w)) {
      if (w === 'const' && ptr === 0) isConst = true;
    } else if (IDENT.test(w)) {
      if (ptr > 0) throw bad(proto, `unexpected '${w}'`);
      base.push(w);
    } else throw bad(proto, `unexpected '${w}'`);
  }
  if (base.length === 0) throw bad(proto, 'missing type');
  if (array) ptr++;
  const b = base.join(' ');
  if (ptr > 0) {
    if (ptr === 1 && isConst && b === 'char') return { type: { name: 'const char *', kind: 'cstr', size: 8 }, name };
    return { type: { name: `${isConst ? 'const ' : ''}${b} ${'*'.repeat(ptr)}`, kind: 'ptr', size: 8 }, name };
  }
  const sc = SCALARS[b];
  if (sc) return { type: { name: b, kind: sc[0], size: sc[1] }, name };
  if (ENUM_INT.test(b)) return { type: { name: b, kind: 'i32', size: 4 }, name };
  if (/^(struct|union) /.test(b)) throw bad(proto, `${b} by value is not supported (pass a pointer)`);
  throw bad(proto, `unknown type '${b}'`);
}

function tokenize(s: string): string[] {
  return s
    .replace(/\*/g, ' * ')
    .replace(/\[\s*(\d*)\s*\]/g, ' [$1] ')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** Parses `RET NAME(PARAMS)`. Throws TypeError on anything it cannot call safely. */
export function parsePrototype(proto: string): Signature {
  if (typeof proto !== 'string') throw new TypeError('a C prototype must be a string');
  const text = proto.trim().replace(/;$/, '');
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open || text.slice(close + 1).trim() !== '')
    throw bad(proto, "expected 'type name(parameters)'");
  const head = tokenize(text.slice(0, open));
  const fname = head.pop();
  if (!fname || !IDENT.test(fname)) throw bad(proto, 'missing function name');
  if (head.length === 0) throw bad(proto, 'missing return type');
  const { type: ret } = parseType(head, proto, false);
  const inner = text.slice(open + 1, close).trim();
  const params: Param[] = [];
  if (inner !== '' && inner !== 'void') {
    if (inner.includes('(')) throw bad(proto, 'function pointer parameters are not supported');
    for (const p of inner.split(',')) {
      const words = tokenize(p);
      if (words.length === 0) throw bad(proto, 'empty parameter');
      if (words[0] === '...') throw bad(proto, 'variadic functions are not supported');
      const r = parseType(words, proto, true);
      if (r.type.kind === 'void') throw bad(proto, "'void' is not a parameter type");
      params.push({ type: r.type, name: r.name });
    }
  }
  if (params.length > MAX_PARAMS) throw bad(proto, `more than ${MAX_PARAMS} parameters`);
  const key = `${ret.kind}(${params.map((p) => p.type.kind).join(',')})`;
  return { name: fname, ret, params, key };
}

/** Parameters a call may have (its argument record is at most 256 bytes). */
export const MAX_PARAMS = 32;

export function isFloatKind(k: CKind): boolean {
  return k === 'f32' || k === 'f64';
}
