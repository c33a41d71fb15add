/**
 * The requests a sidecar serves besides calls, as data: one row per request,
 * naming its code, its argument words and its result words. The host's
 * encoder writes a request by field name from this table, and the sidecar's
 * generator reads the same rows to find where each field lives, so a request
 * is described once.
 *
 * Arguments are eightbytes. Up to INLINE_WORDS of them live in the slot
 * itself (a0, a1, a2); a longer list lives in an argument record and a0
 * points to it. Results are written over a0 and a1.
 */

import { INLINE_WORDS, SLOT } from './layout.js';

export interface RequestRow {
  readonly name: string;
  readonly code: number;
  /** Argument words, in order. */
  readonly args: readonly string[];
  /** Result words: at most two (a0, a1). */
  readonly results: readonly string[];
  readonly doc: string;
}

const ROWS = [
  { name: 'ping', code: 1, args: ['value'], results: ['value'], doc: 'answers with its argument' },
  {
    name: 'load',
    code: 2,
    args: ['src', 'length', 'relocs', 'count', 'execLength'],
    results: ['base', 'errno'],
    doc: 'maps private memory, copies the image, adds the base to each 64-bit field listed in relocs (u32 offsets), makes the first execLength bytes read+execute; base 0 and errno on failure',
  },
  { name: 'unload', code: 3, args: ['base', 'length'], results: ['status'], doc: 'munmap' },
  {
    name: 'dlopen',
    code: 4,
    args: ['path', 'flags'],
    results: ['handle'],
    doc: 'dlopen(path or NULL, flags); 0 and the dlerror text in the control page on failure',
  },
  {
    name: 'dlsym',
    code: 5,
    args: ['handle', 'name'],
    results: ['address'],
    doc: 'dlsym(handle, name); 0 and the dlerror text on failure',
  },
  { name: 'exit', code: 6, args: ['status'], results: [], doc: 'completes, then exit(status)' },
  {
    name: 'copy',
    code: 7,
    args: ['dst', 'src', 'length'],
    results: ['copied'],
    doc: 'copies length bytes from any address of the sidecar to region offset dst through the region fd (pwrite): an unreadable source is -EFAULT, never a fault',
  },
  {
    name: 'string',
    code: 8,
    args: ['dst', 'src', 'capacity', 'free'],
    results: ['length', 'dst'],
    doc: 'copies the NUL-terminated string at src (any address of the sidecar) to region offset dst, a page at a time through the region fd (pwrite), and looks for the NUL in the copy: its length (the NUL copied after it), capacity when no NUL came within capacity bytes, or -EFAULT when a byte before the NUL is unreadable; never a fault. dst is echoed (the host finds the copy by it). When free is non-zero and the NUL was found, free(src) (libc) after the copy',
  },
] as const satisfies readonly RequestRow[];

export type RequestName = (typeof ROWS)[number]['name'];

export const REQUESTS: Readonly<Record<RequestName, RequestRow>> = Object.fromEntries(
  ROWS.map((r) => [r.name, r]),
) as unknown as Record<RequestName, RequestRow>;

/** All rows, in code order. */
export const REQUEST_ROWS: readonly RequestRow[] = ROWS;

/** Whether a request's arguments live in a record (a0 points to it) rather than in the slot. */
export function inRecord(row: RequestRow): boolean {
  return row.args.length > INLINE_WORDS;
}

/** Byte offset of argument `field` of `row`: within the slot, or within its record when inRecord(row). */
export function argOffset(row: RequestRow, field: string): number {
  const k = row.args.indexOf(field);
  if (k < 0) throw new Error(`request ${row.name} has no argument ${field}`);
  return inRecord(row) ? 8 * k : SLOT.a0 + 8 * k;
}

/** Byte offset within the slot of result `field` of `row`. */
export function resultOffset(row: RequestRow, field: string): number {
  const k = row.results.indexOf(field);
  if (k < 0) throw new Error(`request ${row.name} has no result ${field}`);
  return SLOT.a0 + 8 * k;
}

/** Byte offset of argument `field` from the first argument word (a0 in the slot, or the record's start). */
export function argWord(row: RequestRow, field: string): number {
  const k = row.args.indexOf(field);
  if (k < 0) throw new Error(`request ${row.name} has no argument ${field}`);
  return 8 * k;
}

/** Bytes of argument record a request needs (0 when its arguments fit in the slot). */
export function recordBytes(row: RequestRow): number {
  return inRecord(row) ? 8 * row.args.length : 0;
}
