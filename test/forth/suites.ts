/**
 * The Forth test files as they are run: the word-set suites in order, and
 * what each file is given first (the harness, the float harness, a
 * directory for the file and block tests). test/forth/wordsets.test.ts runs
 * them; bench/forth.ts times them the same way.
 */

/** The T{ }T suites, in the order they run. */
export const SUITES = [
  'core',
  'core-ext',
  'exception',
  'double',
  'string',
  'memory',
  'tools',
  'search',
  'file',
  'float',
  'facility',
  'locals',
  'block',
  'environment',
  'gforth',
] as const;

/**
 * The Forth texts to evaluate before `file`, in order. `read` gives a file
 * of test/forth; `dir(prefix)` makes an empty writable directory.
 */
export function preludeFor(file: string, read: (f: string) => string, dir: (prefix: string) => string): string[] {
  const out = [read('harness.fth')];
  if (file.startsWith('float')) out.push(read('harness-float.fth'));
  if (file.startsWith('file')) out.push(`: TMPDIR S" ${dir('sidecar-forth-files-')}/" ;`);
  if (file.startsWith('block')) out.push(`: BLOCKFILE S" ${dir('sidecar-forth-blocks-')}/blocks.fb" ;`);
  return out;
}
