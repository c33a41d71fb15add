/**
 * The part of the Forth system written in Forth: the files of src/forth/lib/,
 * read when a system boots and compiled by the kernel in the order below.
 * They ship with the package as they are (package.json "files"); nothing
 * caches them, so an edited file is what the next boot compiles. Layout
 * constants (header offsets, flags) are made here from layout.ts, so that
 * the two halves agree, and put between boot.fs and the rest.
 */

import fs from 'node:fs';
import { HDR, HFLAG, INFO, INFO_FLAG, WL } from './layout.js';

/** The Forth source files, in boot order; `constants` marks where the layout constants go. */
export const SYSTEM_FILES = [
  'boot.fs',
  'constants',
  'core.fs',
  'core-ext.fs',
  'double.fs',
  'string.fs',
  'ccall.fs',
  'memory.fs',
  'search.fs',
  'string-ext.fs',
  'tools.fs',
  'facility.fs',
  'floats.fs',
  'files.fs',
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
  return SYSTEM_FILES.filter((f) => f !== 'constants').map((f) => new URL(f, dir));
}

/**
 * Constants the Forth source refers to. (XI.FLAGS) is the offset of the info
 * word's flags from an xt (the XI of kernel/code.ts).
 */
function constants(): string {
  return `
${HDR.xt} CONSTANT (HDR.XT)   ${HDR.see} CONSTANT (HDR.SEE)
${HDR.flags} CONSTANT (HDR.FLAGS)   ${HDR.nameLen} CONSTANT (HDR.LEN)   ${HDR.name} CONSTANT (HDR.NAME)
${HDR.prev} CONSTANT (HDR.PREV)
${HFLAG.immediate} CONSTANT (F.IMMEDIATE)
${WL.latest} CONSTANT (WL.LATEST)   ${WL.name} CONSTANT (WL.NAME)   ${WL.chain} CONSTANT (WL.CHAIN)
${WL.buckets} CONSTANT (WL.BUCKETS)   ${WL.nbuckets * 8} CONSTANT (WL.BUCKETS-SIZE)
${INFO.flags - INFO.size} CONSTANT (XI.FLAGS)   ${INFO_FLAG.created} CONSTANT (IF.CREATED)
`;
}

/** The whole system source, in boot order. */
export function systemSource(): string {
  const dir = systemDir();
  return SYSTEM_FILES.map((f) => (f === 'constants' ? constants() : fs.readFileSync(new URL(f, dir), 'utf8'))).join(
    '\n',
  );
}
