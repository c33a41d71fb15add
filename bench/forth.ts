/**
 * The classic Forth benchmarks (bench/forth/*.fth: sieve, bubble sort,
 * matrix multiply, fib) run by the Sidecar Forth and by gforth-fast from the
 * same source. Each file ends with a line that runs its benchmark; both
 * systems load the rest, then time that line: the Sidecar from the host
 * around `sc.forth(line)`, gforth-fast with its own `utime` inside the
 * process (so its start-up is not counted; the whole-process time is shown
 * too). Also the REPL's boot time, cold and warm.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Sidecar } from '../src/index.js';
import { grid, median } from './harness.js';
import type { BenchOptions } from './main.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/forth');
/** Each program and the line it must print (bench/forth/README.md). */
const EXPECTED: Record<string, string> = {
  sieve: 'sieve: 1899 primes',
  bubble: 'bubble: sorted, checksum 25883219367909928',
  matrix: 'matrix: checksum -8332921',
  fib: 'fib(34) = 5702887',
};
const PROGRAMS = Object.keys(EXPECTED);

/** The file's definitions, and the last line that runs the benchmark. */
function split(file: string): { defs: string; run: string } {
  const lines = fs
    .readFileSync(path.join(dir, `${file}.fth`), 'utf8')
    .trimEnd()
    .split('\n');
  const run = (lines.pop() as string).trim();
  return { defs: lines.join('\n'), run };
}

function gforth(defs: string, run: string, tmp: string): { us: number; output: string; processMs: number } {
  const f = path.join(tmp, 'prog.fth');
  fs.writeFileSync(f, `${defs}\nutime ${run} utime 2swap d- .( ) ." us=" d. cr\nbye\n`);
  const t0 = performance.now();
  const out = execFileSync('gforth-fast', [f], { encoding: 'utf8' });
  const processMs = performance.now() - t0;
  const m = /us=(\d+)/.exec(out);
  if (!m) throw new Error(`gforth-fast printed no time: ${out}`);
  return { us: Number(m[1]), output: out.slice(0, out.indexOf('us=')).trim(), processMs };
}

export async function run(opts: BenchOptions): Promise<void> {
  const hasGforth = spawnSync('gforth-fast', ['--version']).status === 0;
  const tmp = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'sidecar-bench-forth-'));
  const rows: string[][] = [];
  try {
    for (const p of PROGRAMS) {
      const { defs, run: line } = split(p);
      const sc = await Sidecar.start({ memory: 16 << 20 });
      await sc.forth(defs);
      const ours: number[] = [];
      let out = '';
      for (let i = 0; i < opts.runs; i++) {
        const t0 = performance.now();
        out = await sc.forth(line);
        ours.push(performance.now() - t0);
      }
      await sc.stop();
      if (out.trim() !== EXPECTED[p])
        throw new Error(`${p}: the Sidecar printed '${out.trim()}', not '${EXPECTED[p]}'`);
      const theirs: number[] = [];
      const process: number[] = [];
      let gout = '';
      if (hasGforth) {
        for (let i = 0; i < opts.runs; i++) {
          const g = gforth(defs, line, tmp);
          theirs.push(g.us / 1000);
          process.push(g.processMs);
          gout = g.output;
        }
      }
      const same = hasGforth ? (gout === out.trim() ? 'same output' : `DIFFERENT: ${gout} / ${out.trim()}`) : '';
      const o = median(ours);
      const t = hasGforth ? median(theirs) : Number.NaN;
      rows.push([
        p,
        o.toFixed(1),
        hasGforth ? t.toFixed(1) : '-',
        hasGforth ? (o / t).toFixed(2) : '-',
        '≤ 0.50',
        hasGforth ? median(process).toFixed(0) : '-',
        same,
      ]);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.stdout.write(
    grid(
      `forth: the Sidecar Forth vs gforth-fast on the same source, medians of ${opts.runs} runs (ms; ratio = ours / theirs)`,
      ['program', 'sidecar ms', 'gforth-fast ms', 'ratio', 'goal', 'gforth process ms', ''],
      rows,
    ),
  );

  // Boot: Sidecar.start() to a Forth that answers, in fresh processes (cold: empty cache).
  const bootRows: string[][] = [];
  const script = `
    const t0 = performance.now();
    const { Sidecar } = await import(${JSON.stringify(new URL('../src/index.js', import.meta.url).href)});
    const t1 = performance.now();
    const sc = await Sidecar.start({ memory: 16 << 20 });
    const t2 = performance.now();
    await sc.forth('1 drop');
    const t3 = performance.now();
    console.log(JSON.stringify({ imp: t1 - t0, start: t2 - t1, forth: t3 - t2 }));
    await sc.stop();`;
  for (const kind of ['cold', 'warm']) {
    const samples: { imp: number; start: number; forth: number }[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const cache =
        kind === 'cold' ? fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'sidecar-cold-')) : undefined;
      const env = cache ? { ...process.env, SIDECAR_CACHE: cache } : process.env;
      const r = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
      samples.push(JSON.parse(r.trim().split('\n').pop() as string));
      if (cache) fs.rmSync(cache, { recursive: true, force: true });
    }
    const m = (f: (s: { imp: number; start: number; forth: number }) => number) => median(samples.map(f)).toFixed(1);
    bootRows.push([
      kind,
      m((s) => s.imp),
      m((s) => s.start),
      m((s) => s.forth),
      m((s) => s.start + s.forth),
      '< 30 (warm)',
    ]);
  }
  process.stdout.write(
    grid(
      `forth boot in a fresh process, medians of ${opts.runs} (ms): import of the package, Sidecar.start(), first sc.forth() (assembles or finds the kernel, loads it, compiles the Forth part)`,
      ['cache', 'import', 'start', 'forth ready', 'start → forth ready', 'goal'],
      bootRows,
    ),
  );
}
