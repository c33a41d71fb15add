/**
 * The numbers both halves of sc.python() use: the request codes, the reply
 * statuses, the header of a request buffer and the words of the control
 * block. The Python helper (lib/sidecar_host.py) gets them as constants
 * prepended to its source, so the two sides read one table.
 */

/** Request codes (the header's first word). */
export const OP = {
  EXEC: 1,
  EVAL: 2,
  CALL: 3,
  ATTR: 4,
  REPR: 5,
  IMPORT: 6,
  ARRAY: 7,
  FUNCTION: 8,
  VALUE: 9,
  VERSIONS: 10,
  FETCH: 11,
} as const;

/** Reply statuses (the header's first word, and serve's result). */
export const STATUS = { OK: 0, ERROR: 1, TOO_BIG: 2, INTERNAL: 3 } as const;

/** Header flags: the payload holds markers (handles, region arrays) as frozensets. */
export const FLAG_MARKED = 1;

/** Marker kinds: a handle of the object table, a region array. */
export const MARK = { HANDLE: 0, ARRAY: 1 } as const;

/** Request buffer: u32 op|status, u32 flags, u64 id, u64 capacity, u64 length, then the payload. */
export const HEADER_BYTES = 32;

/** Words (u64) of the control block; CTL.TEXT is where the text area starts. */
export const CTL = {
  ENTRY: 0,
  INTERRUPT: 1,
  OUTPUT: 2,
  THREAD: 3,
  TEXT_LENGTH: 4,
  TEXT: 8,
  WORDS: 8 + 512,
} as const;

/** The constants as Python source, for the helper. */
export function pythonConstants(): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(OP)) lines.push(`OP_${k} = ${v}`);
  for (const [k, v] of Object.entries(STATUS)) lines.push(`STATUS_${k} = ${v}`);
  for (const [k, v] of Object.entries(MARK)) lines.push(`MARK_${k} = ${v}`);
  for (const [k, v] of Object.entries(CTL)) lines.push(`CTL_${k} = ${v}`);
  lines.push(`FLAG_MARKED = ${FLAG_MARKED}`);
  return `${lines.join('\n')}\n`;
}
