/**
 * The part of the Forth system written in Forth: the files of src/forth/lib/,
 * read when a system boots and compiled by the kernel in the order below.
 * They ship with the package as they are (package.json "files"); the text
 * is kept between boots of one process only while the files are unchanged,
 * so an edited file is what the next boot compiles. Layout
 * constants (header offsets, flags) are made here from layout.ts, so that
 * the two halves agree, and come first.
 */

import fs from 'node:fs';
import { type CKind, type CType, parseType, tableNames } from '../abi/index.js';
import { HDR, HFLAG, INFO, INFO_FLAG, MEM, U, WL } from './layout.js';

/**
 * The Forth source files, in boot order; `constants` marks where the layout
 * constants go, `ctypes` where the C type table goes (both made here).
 */
export const SYSTEM_FILES = [
  'constants',
  'boot.fs',
  'core.fs',
  'core-ext.fs',
  'double.fs',
  'string.fs',
  'ctypes',
  'ccall.fs',
  'memory.fs',
  'search.fs',
  'locals.fs',
  'string-ext.fs',
  'tools.fs',
  'facility.fs',
  'floats.fs',
  'files.fs',
  'block.fs',
  'gforth.fs',
  'environment.fs',
  'optimise.fs',
] as const;

/** The folder of the .fs files (src/forth/lib, from this module's place in src/ or dist/src/). */
export function systemDir(): URL {
  const here = new URL('.', import.meta.url);
  const fromDist = new URL('../../../src/forth/lib/', here);
  return here.pathname.includes('/dist/src/') ? fromDist : new URL('./lib/', here);
}

/** The URLs of the .fs files, in boot order. */
export function systemFiles(): URL[] {
  const dir = systemDir();
  return SYSTEM_FILES.filter((f) => f.endsWith('.fs')).map((f) => new URL(f, dir));
}

/**
 * Constants the Forth source refers to, made before any Forth is compiled
 * (CREATE and (MAKE-CONSTANT) are primitives; CONSTANT is boot.fs's name
 * for the pair). (XI.FLAGS) is the offset of the info word's flags from an
 * xt (the XI of kernel/code.ts).
 */
function constants(): string {
  const c: [string, number][] = [
    ['(HDR.XT)', HDR.xt],
    ['(HDR.SEE)', HDR.see],
    ['(HDR.FLAGS)', HDR.flags],
    ['(HDR.LEN)', HDR.nameLen],
    ['(HDR.NAME)', HDR.name],
    ['(HDR.PREV)', HDR.prev],
    ['(F.IMMEDIATE)', HFLAG.immediate],
    ['(F.COMPILE-ONLY)', HFLAG.compileOnly],
    ['(F.HIDDEN)', HFLAG.hidden],
    ['(WL.LATEST)', WL.latest],
    ['(WL.NAME)', WL.name],
    ['(WL.CHAIN)', WL.chain],
    ['(WL.BUCKETS)', WL.buckets],
    ['(WL.BUCKETS-SIZE)', WL.nbuckets * 8],
    ['(XI.FLAGS)', INFO.flags - INFO.size],
    ['(IF.CREATED)', INFO_FLAG.created],
    ['(OUTBUF-SIZE)', U.outBufSize],
    ['(STACK-CELLS)', MEM.dataStack / 8],
    ['(FLOATING-STACK)', MEM.floatStack / 8],
  ];
  return c.map(([name, v]) => `CREATE ${name} ${v} (MAKE-CONSTANT)\n`).join('');
}

/**
 * How (CCALL) moves each kind of C value (kernel/ccall.ts): the parameter
 * kind (0 from the data stack, 1 a double and 2 a float from the float
 * stack) and the result kind (0 void, 1 a cell, 2 double, 3 float, 4 int32,
 * 5 uint32, 6 int8, 7 uint8, 8 int16, 9 uint16). Kinds absent here (long
 * double, structs) cannot be called from Forth.
 */
const CCALL_KINDS: Partial<Record<CKind, readonly [number, number]>> = {
  void: [0, 0],
  bool: [0, 7],
  i8: [0, 6],
  u8: [0, 7],
  i16: [0, 8],
  u16: [0, 9],
  i32: [0, 4],
  u32: [0, 5],
  i64: [0, 1],
  u64: [0, 1],
  ptr: [0, 1],
  cstr: [0, 1],
  f32: [2, 3],
  f64: [1, 2],
};

/** The Forth's own short spellings, each for a C type of the table. */
const FORTH_SPELLINGS: Readonly<Record<string, string>> = {
  ptr: 'void *',
  uchar: 'unsigned char',
  ushort: 'unsigned short',
  uint: 'unsigned int',
  ulong: 'unsigned long',
  unsigned: 'unsigned int',
  signed: 'int',
};

/** The other orders of C's integer keywords a prototype may use (`short int`, `long unsigned`). */
const INTEGER_SPELLINGS = ['char', 'short', 'int', 'long', 'long long'].flatMap((base) =>
  ['', 'signed ', 'unsigned '].flatMap((sign) =>
    (base === 'char' || base === 'int' ? [''] : ['', ' int']).map((int) => `${sign}${base}${int}`),
  ),
);

/**
 * (KIND) ( addr u -- pkind rkind ): the C type table of src/abi (every
 * builtin spelling and known typedef name, the words of a several-word
 * spelling joined by '-': `unsigned-long`), as (CCALL) moves each. A name
 * not in it is taken for a cell (an opaque typedef of the caller's), and
 * (KIND-UNKNOWN?) says so (EXTERN: reads such a name after a type as the
 * parameter's name, as C does).
 */
function ctypes(): string {
  const rows: string[] = [];
  const add = (spelling: string, c: string) => {
    let t: CType | null = null;
    try {
      t = parseType(c);
    } catch {}
    if (!t) return;
    const k = CCALL_KINDS[t.kind];
    const then = k ? `${k[0]} ${k[1]} EXIT` : '-24 THROW'; // long double: not callable from Forth
    rows.push(`  2DUP S" ${spelling.replaceAll(' ', '-')}" COMPARE 0= IF 2DROP ${then} THEN`);
  };
  for (const name of new Set([...tableNames(), ...INTEGER_SPELLINGS])) add(name, name);
  for (const [spelling, c] of Object.entries(FORTH_SPELLINGS)) add(spelling, c);
  // (KIND-UNKNOWN?) tells a name not in the table (a parameter's name, an opaque typedef) from one that is.
  return `VARIABLE (KIND-UNKNOWN?)\n: (KIND) ( addr u -- pkind rkind ) 0 (KIND-UNKNOWN?) !\n${rows.join('\n')}\n  2DROP TRUE (KIND-UNKNOWN?) ! 0 1 ;\n`;
}

let cached: { stamp: string; text: string } | null = null;

/**
 * The whole system source, in boot order. Kept for the next boot in this
 * process while no file's size and modification time change (a stat of each
 * costs a tenth of reading them and making the C type table again), so an
 * edited file is still what the next boot compiles.
 */
export function systemSource(): string {
  const dir = systemDir();
  const stamp = systemFiles()
    .map((u) => {
      const st = fs.statSync(u);
      return `${st.size}:${st.mtimeMs}`;
    })
    .join(' ');
  if (cached?.stamp === stamp) return cached.text;
  const made: Record<string, () => string> = { constants, ctypes };
  const text = SYSTEM_FILES.map((f) => made[f]?.() ?? fs.readFileSync(new URL(f, dir), 'utf8')).join('\n');
  cached = { stamp, text };
  return text;
}
