/**
 * The C types of System V AMD64 Linux: one table of the scalar types (their
 * size, alignment, category and signedness), the typedef names Sidecar knows
 * without a header, and the `CType` value that the prototype parser, the
 * struct layout and the classification share.
 *
 * The table answers "what is `unsigned long`"; spelling rules (which keyword
 * combinations are a type) live in `syntax.ts`. Lookups go through a `Map`, so
 * a name inherited from `Object.prototype` (`toString`) is never a type.
 */

/** How a value is stored and travels: the machine representation of a C type. */
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
  /** `long double`: the x87 80-bit format in 16 bytes. Laid out in structs; not passed as a scalar. */
  | 'f80'
  | 'ptr'
  /** `const char *`: a JS string is copied into the region for the call. */
  | 'cstr'
  /** A struct or union (by value, or the pointee of a pointer). */
  | 'struct';

/** What kind of value a type holds (the brief family of a `CKind`). */
export type Category = 'void' | 'int' | 'float' | 'pointer' | 'struct';

/** A struct or union as laid out by `layout.ts`; declared here so a `CType` can carry it. */
export interface Layout {
  readonly kind: 'struct' | 'union';
  /** The tag (`timeval` of `struct timeval`), or null for an anonymous one. */
  readonly tag: string | null;
  /** `struct timeval`, `union value`, `struct <anonymous>`. */
  readonly name: string;
  readonly size: number;
  readonly align: number;
  /** The largest member alignment allowed (1 when packed), or null when natural. */
  readonly pack: number | null;
  readonly fields: readonly Field[];
}

/** A member of a struct or union. */
export interface Field {
  readonly name: string;
  /** Byte offset from the start of the enclosing struct. */
  readonly offset: number;
  /** The element type (for `char name[16]`: `char`). */
  readonly type: CType;
  /** Elements: 1 for a plain member, the product of `dims` for an array, 0 for a flexible array member. */
  readonly count: number;
  /** Array dimensions as written (`[2][3]` → [2, 3]); empty for a plain member; [0] for `name[]`. */
  readonly dims: readonly number[];
  /** Bytes the member occupies: `type.size * count`. */
  readonly size: number;
}

/** The type of a function a pointer points to (`int (*)(const void *, const void *)`). */
export interface FunctionType {
  readonly ret: CType;
  readonly params: readonly { readonly type: CType; readonly name: string | null }[];
  readonly variadic: boolean;
}

export interface CType {
  /** The type as written, normalised (`const double *`, `unsigned long int`, `struct pair`). */
  readonly name: string;
  readonly kind: CKind;
  /** Size in bytes (pointers 8, void 0, an incomplete struct 0). */
  readonly size: number;
  readonly align: number;
  readonly category: Category;
  /** Integers: whether negative values exist. Floats: true. Pointers, bool, void, structs: false. */
  readonly signed: boolean;
  /**
   * Pointers (`ptr`, `cstr`): the type pointed to, one level down (`char **` → `char *`), with
   * `const` when the pointee is const-qualified; null when opaque (an unknown typedef name or a
   * struct whose layout is not known). `void *` points to `void`.
   */
  readonly pointee?: CType | null;
  /** Whether the object itself is const-qualified (set on pointees: `const double *` → double, const). */
  readonly const?: boolean;
  /** Structs and unions whose layout is known. */
  readonly layout?: Layout;
  /** Pointers to functions: the function's type. */
  readonly function?: FunctionType;
}

/** A row of the table: the canonical C spelling and its machine facts. */
interface ScalarRow {
  readonly kind: CKind;
  readonly size: number;
  readonly align: number;
  readonly category: Category;
  readonly signed: boolean;
}

const row = (kind: CKind, size: number, category: Category, signed: boolean, align = size): ScalarRow => ({
  kind,
  size,
  align: Math.max(align, 1),
  category,
  signed,
});

/**
 * The builtin scalar types under their canonical spelling (what `syntax.ts`
 * reduces any valid keyword combination to: `long unsigned int` → `unsigned long`).
 */
const BUILTIN: ReadonlyMap<string, ScalarRow> = new Map([
  ['void', row('void', 0, 'void', false)],
  ['bool', row('bool', 1, 'int', false)],
  ['char', row('i8', 1, 'int', true)], // signed on x86-64 Linux
  ['signed char', row('i8', 1, 'int', true)],
  ['unsigned char', row('u8', 1, 'int', false)],
  ['short', row('i16', 2, 'int', true)],
  ['unsigned short', row('u16', 2, 'int', false)],
  ['int', row('i32', 4, 'int', true)],
  ['unsigned int', row('u32', 4, 'int', false)],
  ['long', row('i64', 8, 'int', true)],
  ['unsigned long', row('u64', 8, 'int', false)],
  ['long long', row('i64', 8, 'int', true)],
  ['unsigned long long', row('u64', 8, 'int', false)],
  ['float', row('f32', 4, 'float', true)],
  ['double', row('f64', 8, 'float', true)],
  ['long double', row('f80', 16, 'float', true)],
]);

/**
 * Typedef names known without a header, each as its definition on x86-64
 * Linux (glibc, and the headers of the known set of libraries).
 */
const TYPEDEFS: ReadonlyMap<string, string> = new Map([
  ['int8_t', 'signed char'],
  ['uint8_t', 'unsigned char'],
  ['int16_t', 'short'],
  ['uint16_t', 'unsigned short'],
  ['int32_t', 'int'],
  ['uint32_t', 'unsigned int'],
  ['int64_t', 'long'],
  ['uint64_t', 'unsigned long'],
  ['size_t', 'unsigned long'],
  ['ssize_t', 'long'],
  ['ptrdiff_t', 'long'],
  ['intptr_t', 'long'],
  ['uintptr_t', 'unsigned long'],
  ['off_t', 'long'],
  ['time_t', 'long'],
  ['pid_t', 'int'],
  ['uid_t', 'unsigned int'],
  ['gid_t', 'unsigned int'],
  ['mode_t', 'unsigned int'],
  ['socklen_t', 'unsigned int'],
  ['wchar_t', 'int'],
  // zlib
  ['uLong', 'unsigned long'],
  ['uLongf', 'unsigned long'],
  ['uInt', 'unsigned int'],
  ['Bytef', 'unsigned char'],
  // sqlite
  ['sqlite3_int64', 'long long'],
  ['sqlite_int64', 'long long'],
  // OpenBLAS, LAPACKE (the LP64 builds Debian ships)
  ['blasint', 'int'],
  ['lapack_int', 'int'],
  // curl's enums
  ['CURLcode', 'int'],
  ['CURLoption', 'int'],
]);

/** Enum types of the known libraries (CBLAS_ORDER, CBLAS_TRANSPOSE …): they travel as int. */
const ENUM_TYPEDEF = /^CBLAS_[A-Z_]+$/;

/** A scalar type from its canonical builtin spelling or a known typedef name, spelled `name`. */
export function scalarFromTable(lookup: string, name = lookup): CType | null {
  const def = BUILTIN.get(lookup) ?? BUILTIN.get(TYPEDEFS.get(lookup) ?? (ENUM_TYPEDEF.test(lookup) ? 'int' : ''));
  if (!def) return null;
  return { name, ...def };
}

/** Every name the table knows: the builtin spellings and the typedef names (for tests and tools). */
export function tableNames(): string[] {
  return [...BUILTIN.keys(), ...TYPEDEFS.keys()];
}

/** `enum NAME`: an int on System V. */
export function enumType(name: string): CType {
  return { ...(scalarFromTable('int') as CType), name };
}

/** A pointer to `pointee` (null: opaque), named `name`. */
export function pointerType(name: string, pointee: CType | null, kind: 'ptr' | 'cstr' = 'ptr'): CType {
  return { name, kind, size: 8, align: 8, category: 'pointer', signed: false, pointee };
}

/** A struct or union type: complete when the layout is known, else incomplete (size 0). */
export function structType(name: string, layout: Layout | undefined): CType {
  if (!layout) return { name, kind: 'struct', size: 0, align: 1, category: 'struct', signed: false };
  return { name, kind: 'struct', size: layout.size, align: layout.align, category: 'struct', signed: false, layout };
}

/** Whether a scalar of this kind travels in a vector register (`float`, `double`; not `long double`). */
export function isFloatKind(k: CKind): boolean {
  return k === 'f32' || k === 'f64';
}

export function isIntegerKind(k: CKind): boolean {
  return k === 'bool' || /^[iu](8|16|32|64)$/.test(k);
}
