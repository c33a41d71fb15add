/**
 * gcc as the reference for the C layer's tests: compiles a C program in a
 * temporary directory, runs it, returns what it printed. Tests only; the
 * product never runs a C compiler. `gccMissing` is the reason to skip when
 * there is no gcc on the machine.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempDir } from '../support/tmp.js';

function findGcc(): string | false {
  const r = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? false : 'gcc is not installed (the C layer is compared with what gcc compiles)';
}

/** False when gcc is there, else the reason to skip (for `test(name, { skip: gccMissing }, …)`). */
export const gccMissing: string | false = findGcc();

/** Compiles `source` with `gcc flags…` and runs it; its standard output. Throws with gcc's messages on failure. */
export function compileAndRun(source: string, flags: readonly string[] = ['-O2']): string {
  return withTempDir('sidecar-gcc-', (dir) => {
    const c = join(dir, 'ref.c');
    const exe = join(dir, 'ref');
    writeFileSync(c, source);
    const r = spawnSync('gcc', ['-std=gnu11', '-Wall', '-Wno-unused', ...flags, '-o', exe, c], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gcc failed:\n${r.stderr}\n--- source ---\n${numbered(source)}`);
    return execFileSync(exe, { encoding: 'utf8', maxBuffer: 64 << 20 });
  });
}

function numbered(source: string): string {
  return source
    .split('\n')
    .map((l, i) => `${String(i + 1).padStart(4)}  ${l}`)
    .join('\n');
}

/**
 * Which of `sources` gcc accepts (`-fsyntax-only -std=c11 -pedantic-errors`, one process for all):
 * for each, null when accepted (warnings allowed), else gcc's first error.
 */
export function gccErrors(sources: readonly string[], prelude = ''): (string | null)[] {
  return withTempDir('sidecar-gcc-', (dir) => {
    const files = sources.map((s, k) => {
      const f = join(dir, `case${k}.c`);
      writeFileSync(f, `${prelude}\n#line 1 "case${k}.c"\n${s}\n`);
      return f;
    });
    const r = spawnSync('gcc', ['-fsyntax-only', '-std=c11', '-pedantic-errors', '-fmax-errors=1', ...files], {
      encoding: 'utf8',
      cwd: dir,
    });
    const errors = new Map<number, string>();
    for (const line of r.stderr.split('\n')) {
      const m = /case(\d+)\.c:\d+:\d+: (?:fatal )?error: (.*)/.exec(line);
      if (m && !errors.has(Number(m[1]))) errors.set(Number(m[1]), m[2] as string);
    }
    return sources.map((_, k) => errors.get(k) ?? null);
  });
}

/** For each line of `lines` (declarations compiled as one file after `prelude`), gcc's first error on it, or null. */
export function gccLineErrors(lines: readonly string[], prelude = ''): (string | null)[] {
  return withTempDir('sidecar-gcc-', (dir) => {
    const f = join(dir, 'lines.c');
    writeFileSync(f, `${prelude}\n#line 1 "lines.c"\n${lines.join('\n')}\n`);
    const r = spawnSync('gcc', ['-fsyntax-only', '-std=c11', '-pedantic-errors', '-fmax-errors=0', f], {
      encoding: 'utf8',
      cwd: dir,
      maxBuffer: 64 << 20,
    });
    const errors = new Map<number, string>();
    for (const line of r.stderr.split('\n')) {
      const m = /lines\.c:(\d+):\d+: (?:fatal )?error: (.*)/.exec(line);
      if (m && !errors.has(Number(m[1]))) errors.set(Number(m[1]), m[2] as string);
    }
    return lines.map((_, k) => errors.get(k + 1) ?? null);
  });
}
