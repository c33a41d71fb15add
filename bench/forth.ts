/**
 * The classic Forth benchmarks (bench/forth/*.fth: sieve, bubble sort,
 * matrix multiply, fib) run by the Sidecar Forth, by gforth-fast from the
 * same source, and as the same programs in C (bench/forth/*.c) compiled
 * here with `gcc -O2` into a temporary folder: gcc is a peer of the bench,
 * never a part of the product. Each .fth file ends with a line that runs
 * its benchmark; the Sidecar is timed from the host around `sc.forth(line)`,
 * gforth-fast with its own `utime` and the C program with clock_gettime
 * inside the process (so neither start-up is counted).
 *
 * Also, in the same run: the wall time of the Forth test suites
 * (test/forth/*.fth, one sidecar per file fed as test/forth/wordsets.test.ts
 * feeds it), and the boot to a Forth that answers: the first sidecar of a
 * fresh process (with an empty and with a filled artefact cache) and a
 * second one in the same process (the kernel object already read).
 */

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Sidecar } from '../src/index.js';
import { preludeFor, SUITES } from '../test/forth/suites.js';
import { grid, median } from './harness.js';
import type { BenchOptions } from './main.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, 'bench/forth');
const testDir = path.join(root, 'test/forth');
/** Each program and the line it must print (bench/forth/README.md). */
const EXPECTED: Record<string, string> = {
  sieve: 'sieve: 1899 primes',
  bubble: 'bubble: sorted, checksum 25883219367909928',
  matrix: 'matrix: checksum -8332921',
  fib: 'fib(34) = 5702887',
};
const PROGRAMS = Object.keys(EXPECTED);
/** Goals (issue: the Forth, complete): the Sidecar's time over gforth-fast's and over C's. */
const GOAL_GFORTH = 0.25;
const GOAL_C = 1.5;
const GOAL_BOOT_WARM = 10;

/** The file's definitions, and the last line that runs the benchmark. */
function split(file: string): { defs: string; run: string } {
  const lines = fs
    .readFileSync(path.join(dir, `${file}.fth`), 'utf8')
    .trimEnd()
    .split('\n');
  const run = (lines.pop() as string).trim();
  return { defs: lines.join('\n'), run };
}

/** A program's output without its `us=` line, and that time in ms. */
function timed(out: string, who: string): { ms: number; output: string } {
  const m = /us=(\d+)/.exec(out);
  if (!m) throw new Error(`${who} printed no time: ${out}`);
  return { ms: Number(m[1]) / 1000, output: out.slice(0, m.index).trim() };
}

function gforth(defs: string, run: string, tmp: string): { ms: number; output: string; processMs: number } {
  const f = path.join(tmp, 'prog.fth');
  fs.writeFileSync(f, `${defs}\nutime ${run} utime 2swap d- .( ) ." us=" d. cr\nbye\n`);
  const t0 = performance.now();
  const out = execFileSync('gforth-fast', [f], { encoding: 'utf8' });
  return { ...timed(out, 'gforth-fast'), processMs: performance.now() - t0 };
}

/** Compiles bench/forth/NAME.c with gcc -O2 into tmp; null when there is no gcc. */
function compileC(name: string, tmp: string): string | null {
  const exe = path.join(tmp, name);
  const r = spawnSync('gcc', ['-O2', '-o', exe, path.join(dir, `${name}.c`)], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return null;
    throw new Error(`gcc failed on ${name}.c: ${r.stderr}`);
  }
  return exe;
}

const fmt = (x: number): string => (Number.isNaN(x) ? '-' : x.toFixed(1));

async function programs(opts: BenchOptions, tmp: string): Promise<void> {
  const hasGforth = spawnSync('gforth-fast', ['--version']).status === 0;
  const rows: string[][] = [];
  let hasGcc = true;
  for (const p of PROGRAMS) {
    const { defs, run: line } = split(p);
    const exe = hasGcc ? compileC(p, tmp) : null;
    if (!exe) hasGcc = false;
    const sc = await Sidecar.start({ memory: 16 << 20 });
    await sc.forth(defs);
    // The runs of the Sidecar and of its peers alternate, and each ratio is
    // the median of the runs' ratios: on a shared machine the speed of a
    // core changes by 2x from one second to the next, and a peer timed
    // after the Sidecar's runs may see another machine.
    const ours: number[] = [];
    const c: number[] = [];
    const gf: number[] = [];
    const gfProcess: number[] = [];
    const notes: string[] = [];
    let out = '';
    for (let i = 0; i < opts.runs; i++) {
      const t0 = performance.now();
      out = (await sc.forth(line)).trim();
      ours.push(performance.now() - t0);
      if (out !== EXPECTED[p]) throw new Error(`${p}: the Sidecar printed '${out}', not '${EXPECTED[p]}'`);
      if (exe) {
        const r = timed(execFileSync(exe, { encoding: 'utf8' }), `${p}.c`);
        c.push(r.ms);
        if (r.output !== out) notes.push(`C printed '${r.output}'`);
      }
      if (hasGforth) {
        const g = gforth(defs, line, tmp);
        gf.push(g.ms);
        gfProcess.push(g.processMs);
        if (g.output !== out) notes.push(`gforth-fast printed '${g.output}'`);
      }
    }
    await sc.stop();
    const paired = (peer: number[]): string =>
      peer.length ? median(ours.map((o, i) => o / (peer[i] as number))).toFixed(2) : '-';
    rows.push([
      p,
      fmt(median(ours)),
      exe ? fmt(median(c)) : '-',
      paired(c),
      hasGforth ? fmt(median(gf)) : '-',
      paired(gf),
      hasGforth ? median(gfProcess).toFixed(0) : '-',
      notes.length ? [...new Set(notes)].join('; ') : 'same output',
    ]);
  }
  process.stdout.write(
    grid(
      `forth: the Sidecar Forth, the same programs in C (gcc -O2) and gforth-fast on the same source, medians of ${opts.runs} alternating runs (ms; × = the median of each run's Sidecar / peer; goals: ≤ ${GOAL_C} × C, ≤ ${GOAL_GFORTH} × gforth-fast)`,
      ['program', 'sidecar', 'C -O2', '× C', 'gforth-fast', '× gforth', 'gforth process', ''],
      rows,
    ),
  );
  if (!hasGcc) process.stdout.write('(no gcc on this machine: the C column is left out)\n');
  if (!hasGforth) process.stdout.write('(no gforth-fast on this machine: its columns are left out)\n');
}

/** The Forth test files, as the word-set tests feed them: the suites, then the output tests. */
function suiteFiles(): string[] {
  const suites = SUITES;
  const all = fs.readdirSync(testDir).filter((f) => f.endsWith('.fth'));
  const named = suites.map((s) => `${s}.fth`).filter((f) => all.includes(f));
  const rest = all.filter((f) => !named.includes(f) && !f.startsWith('harness'));
  return [...named, ...rest.sort()];
}

/** One test file the way test/forth/wordsets.test.ts runs it: a fresh sidecar, the harness, the file. */
async function runSuite(file: string, tmp: string): Promise<{ total: number; file: number; tests: string }> {
  const read = (f: string) => fs.readFileSync(path.join(testDir, f), 'utf8');
  const t0 = performance.now();
  const sc = await Sidecar.start({ memory: 16 << 20 });
  try {
    for (const text of preludeFor(file, read, (prefix) => fs.mkdtempSync(path.join(tmp, prefix)))) await sc.forth(text);
    const t1 = performance.now();
    const out = await sc.forth(read(file)).catch((e) => `error: ${e}`);
    const t2 = performance.now();
    const m = /#TESTS (\d+) #FAILED (\d+)/.exec(out);
    return { total: t2 - t0, file: t2 - t1, tests: m ? `${m[1]} tests, ${m[2]} failed` : '' };
  } finally {
    await sc.stop();
  }
}

async function suites(opts: BenchOptions, tmp: string): Promise<void> {
  const files = suiteFiles();
  const runs = Math.max(3, Math.min(opts.runs, 5)); // the whole set takes seconds
  const per = new Map<string, { total: number[]; file: number[]; tests: string }>();
  const whole: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (const f of files) {
      const r = await runSuite(f, tmp);
      const e = per.get(f) ?? { total: [], file: [], tests: r.tests };
      e.total.push(r.total);
      e.file.push(r.file);
      per.set(f, e);
    }
    whole.push(performance.now() - t0);
  }
  const rows = files.map((f) => {
    const e = per.get(f) as { total: number[]; file: number[]; tests: string };
    return [f, fmt(median(e.file)), fmt(median(e.total)), e.tests];
  });
  rows.push(['all files', '', fmt(median(whole)), `${files.length} files, one after another`]);
  process.stdout.write(
    grid(
      `forth test suites (test/forth/*.fth, as the word-set tests feed them), medians of ${runs} runs (ms): the file's evaluation, and with its sidecar's start, boot and harness`,
      ['file', 'file ms', 'with start ms', ''],
      rows,
    ),
  );
}

/** Boot: in a fresh process, Sidecar.start() to a Forth that answers, for a first and a second sidecar. */
function boot(opts: BenchOptions): void {
  const index = JSON.stringify(new URL('../src/index.js', import.meta.url).href);
  const artifact = JSON.stringify(new URL('../src/forth/artifact.js', import.meta.url).href);
  const script = `
    const t0 = performance.now();
    const { Sidecar } = await import(${index});
    const { forthKernelImage } = await import(${artifact});
    const imp = performance.now() - t0;
    const once = async () => {
      const t1 = performance.now();
      const sc = await Sidecar.start({ memory: 16 << 20 });
      const t2 = performance.now();
      await sc.forth('1 drop');
      const t3 = performance.now();
      return { sc, start: t2 - t1, forth: t3 - t2 };
    };
    const first = await once();
    const second = await once();
    // What loading the kernel object alone takes, in a third sidecar.
    const sc = await Sidecar.start({ memory: 16 << 20 });
    const obj = await forthKernelImage();
    const t4 = performance.now();
    await sc.load(obj);
    const load = performance.now() - t4;
    for (const s of [first.sc, second.sc, sc]) await s.stop();
    console.log(JSON.stringify({ imp, first: { start: first.start, forth: first.forth }, second: { start: second.start, forth: second.forth }, load }));`;
  interface Sample {
    imp: number;
    first: { start: number; forth: number };
    second: { start: number; forth: number };
    load: number;
  }
  const rows: string[][] = [];
  for (const cache of ['empty', 'filled']) {
    const samples: Sample[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const tmp = cache === 'empty' ? fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'sidecar-cold-')) : null;
      const env = tmp ? { ...process.env, SIDECAR_CACHE: tmp } : process.env;
      try {
        const r = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
        samples.push(JSON.parse(r.trim().split('\n').pop() as string));
      } finally {
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
      }
    }
    const m = (f: (s: Sample) => number) => fmt(median(samples.map(f)));
    rows.push([
      `first, ${cache} cache`,
      m((s) => s.imp),
      m((s) => s.first.start),
      m((s) => s.first.forth),
      m((s) => s.first.start + s.first.forth),
      '',
      '',
    ]);
    rows.push([
      `second, ${cache} cache`,
      '',
      m((s) => s.second.start),
      m((s) => s.second.forth),
      m((s) => s.second.start + s.second.forth),
      m((s) => s.load),
      `≤ ${GOAL_BOOT_WARM}`,
    ]);
  }
  process.stdout.write(
    grid(
      `forth boot in a fresh process, medians of ${opts.runs} (ms): the package's import, Sidecar.start(), the first sc.forth() (finds or assembles the kernel, loads it, compiles the Forth part), for the first sidecar (cold) and a second one in the same process (warm)`,
      ['sidecar', 'import', 'start', 'forth ready', 'start → forth ready', 'of which kernel load', 'goal'],
      rows,
    ),
  );
}

export async function run(opts: BenchOptions): Promise<void> {
  process.stdout.write(`cpu: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} logical)\n`);
  const tmp = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'sidecar-bench-forth-'));
  try {
    await programs(opts, tmp);
    await suites(opts, tmp);
    boot(opts);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
