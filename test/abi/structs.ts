/**
 * The table of structs and unions the C layer's tests compare with gcc:
 * mixed sizes, floats sharing an eightbyte with integers, more than 16 bytes,
 * unions, arrays, nested and anonymous members, packing, a flexible array,
 * long double. Each is C text that gcc compiles as it is (with the packing
 * options turned into the attribute or pragma) and that `parseLayout` reads.
 */

import { type Layout, parseLayout, structRegistry } from '../../src/abi/index.js';

export interface StructCase {
  readonly decl: string;
  /** `options.packed` (gcc: `__attribute__((packed))` after the closing brace). */
  readonly packed?: boolean;
  /** `options.pack` (gcc: `#pragma pack(push, n)` around the declaration). */
  readonly pack?: 2 | 4;
}

export const STRUCTS: readonly StructCase[] = [
  { decl: 'struct s1 { char c; }' },
  { decl: 'struct s2 { char a; int b; }' },
  { decl: 'struct s3 { char a; double b; char c; }' },
  { decl: 'struct s4 { float x, y; }' },
  { decl: 'struct s5 { float x, y, z; }' },
  { decl: 'struct s6 { double x, y; }' },
  { decl: 'struct s7 { long a; double b; }' },
  { decl: 'struct s8 { double a; int b; }' },
  { decl: 'struct s9 { int a; float b; }' },
  { decl: 'struct s10 { float a; int b; float c; }' },
  { decl: 'struct s11 { char name[16]; }' },
  { decl: 'struct s12 { char name[17]; }' },
  { decl: 'struct s13 { long a, b, c; }' },
  { decl: 'union u14 { int i; float f; }' },
  { decl: 'union u15 { double d; float f[2]; }' },
  { decl: 'union u16 { long l; double d; char c[12]; }' },
  { decl: 'struct s17 { struct s4 p; struct s4 q; }' },
  { decl: 'struct s18 { short s; struct s18in { char c; float f; } in; }' },
  { decl: 'struct s19 { char c; int i; } __attribute__((packed))' },
  { decl: 'struct s20 { int a; int b; }', packed: true },
  { decl: 'struct __attribute__((packed)) s21 { char c; double d; }' },
  { decl: 'struct s22 { _Bool b; unsigned char u; short s; int i; void *p; }' },
  { decl: 'struct s23 { int n; double data[]; }' },
  { decl: 'struct s24 { long double ld; }' },
  { decl: 'struct s25 { char a; long double ld; }' },
  { decl: 'struct s26 { union { int i; float f; }; float g; }' },
  { decl: 'struct s27 { double m[2][1]; }' },
  { decl: 'struct s28 { char c[3]; }' },
  { decl: 'struct s29 { short a; char b; }' },
  { decl: 'struct s30 { float f; double d; }' },
  { decl: 'struct s31 { int (*cb)(int); const char *name; }' },
  { decl: 'struct s32 { char c; int i; double d; }', pack: 2 },
  { decl: 'struct s33 { char c; double d; }', pack: 4 },
  { decl: 'struct s34 { float a; struct { float b; } in; }' },
  { decl: 'struct s35 { char c; struct s6 p; }' },
  { decl: 'struct s36 { struct s2 arr[2]; }' },
  { decl: 'struct s37 { unsigned short a; signed char b; unsigned long long c; }' },
  { decl: 'union u38 { struct s4 v; double d; }' },
  { decl: 'struct s39 { int a; struct { short b; char c[3]; } x[2]; double d; }', pack: 2 },
  { decl: 'struct s40 { float f[3]; int i; }' },
];

/** The C text of a case as gcc must see it (packing as attribute or pragma). */
export function cText(c: StructCase): string {
  let text = c.decl;
  if (c.packed) text += ' __attribute__((packed))';
  text += ';';
  if (c.pack) text = `#pragma pack(push, ${c.pack})\n${text}\n#pragma pack(pop)`;
  return text;
}

/** All cases parsed in order, each seeing the ones before it (and the tags they define) by name. */
export function parseAll(): { layouts: Layout[]; registry: Map<string, Layout> } {
  const registry = new Map<string, Layout>();
  const layouts = STRUCTS.map((c) => {
    const options = { structs: registry, ...(c.packed ? { packed: true } : {}), ...(c.pack ? { pack: c.pack } : {}) };
    const l = parseLayout(c.decl, options);
    registry.set(l.name, l);
    // Tags defined inside (struct s18in) are visible afterwards, as in C.
    for (const f of l.fields) if (f.type.layout?.tag) registry.set(f.type.layout.name, f.type.layout);
    return l;
  });
  return { layouts, registry: new Map([...structRegistry(...layouts), ...registry]) };
}
