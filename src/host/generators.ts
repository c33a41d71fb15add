/**
 * Which modules decide the bytes of a generated artefact, for its cache key:
 * every module of the assembler and of the ELF writer (listed from their
 * folders, so that a new one cannot be forgotten), and the artefact's own.
 */

import fs from 'node:fs';

const ASSEMBLER_DIRS = ['../x86/', '../link/', '../elf/', '../sys/'];

let shared: URL[] | null = null;

/** The assembler's and the ELF writer's modules, then `own` (paths relative to src/host). */
export function generatorModules(own: readonly string[]): URL[] {
  shared ??= ASSEMBLER_DIRS.flatMap((d) => {
    const dir = new URL(d, import.meta.url);
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .sort()
      .map((f) => new URL(f, dir));
  });
  return [...shared, ...own.map((p) => new URL(p, import.meta.url))];
}
