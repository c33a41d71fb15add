/**
 * The channel side by side in one run: this tree's Sidecar, the commit
 * before it (SIDECAR_BENCH_BASELINE: the path of that build's
 * dist/src/index.js), and the idealised channel of ../shared/channel-ideal
 * (CHANNEL_IDEAL_DIR, CHANNEL_IDEAL_BUILD, or built here with gcc: a C sidecar and a plain JS host
 * half of the same design, the limit to aim at). Each subject runs in a fresh
 * process, rounds alternate between subjects so that the noise of a shared
 * machine falls on all of them, and the table gives medians and each row as
 * a ratio to the idealised channel.
 *
 *   sync      a no-op round trip, nothing else in flight (ns; lower is better)
 *   promises  10k no-op calls in flight, a Promise each (M calls/s)
 *   batch     10k no-op calls settled by one Promise (M calls/s)
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os, { cpus } from 'node:os';
import path from 'node:path';
import { grid, median } from './harness.js';
import type { BenchOptions } from './main.js';

const HERE = new URL('../src/index.js', import.meta.url).pathname;

/**
 * One round of one Sidecar build: prints `{ sync, promises, batch }`. Timed
 * the way the idealised channel's scripts time themselves (its stats.js
 * timeRepsAsync, with the arguments idealRound passes): a first rep of the
 * same length to warm up, then reps of 200 ms (sync) or 300 ms (promises,
 * batch), each the mean over as many chunks as fit, and the median rep. (A
 * round of a few batches right after start measured the JIT's warm-up, not
 * the channel: 4.4 M calls/s against 7 M/s once compiled.)
 */
const SIDECAR_ROUND = `
  const { Sidecar } = await import(process.argv[1]);
  const sc = await Sidecar.start();
  const noop = await sc.load(new Uint8Array([0xc3]), 'void noop(void)');
  const N = 10000;
  const lists = Array.from({ length: N }, () => []);
  const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  const now = () => Number(process.hrtime.bigint());
  // ns per call over each rep of ms milliseconds, chunk() doing perChunk calls
  const reps = async (n, ms, perChunk, chunk) => {
    const out = [];
    for (let r = -1; r < n; r++) {
      let calls = 0, t;
      const t0 = now();
      do { await chunk(); calls += perChunk; } while ((t = now()) - t0 < ms * 1e6);
      if (r >= 0) out.push((t - t0) / calls);
    }
    return med(out);
  };
  const sync = await reps(5, 200, 64, () => { for (let i = 0; i < 64; i++) noop.sync(); });
  const promises = await reps(5, 300, N, () => { const ps = new Array(N); for (let i = 0; i < N; i++) ps[i] = noop(); return Promise.all(ps); });
  const batch = await reps(5, 300, N, () => noop.batch(lists));
  console.log(JSON.stringify({ sync, promises: 1e3 / promises, batch: 1e3 / batch }));
  await sc.stop();
`;

export type Figures = { sync: number; promises: number; batch: number };

function sidecarRound(index: string): Figures {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', SIDECAR_ROUND, index], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${index}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Figures;
}

/** The idealised channel's own scripts; their ROW lines carry the median. */
function idealRound(dir: string, build: string): Figures {
  const run = (args: string[]): number => {
    const r = spawnSync(process.execPath, args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CHANNEL_IDEAL_BUILD: build },
    });
    if (r.status !== 0) throw new Error(`channel-ideal ${args.join(' ')}: ${r.stderr}`);
    const row = r.stdout.split('\n').find((l) => l.startsWith('ROW'));
    return Number((row as string).split('\t')[2]);
  };
  return {
    sync: run(['js/sync.js', '20a', '20a', '5', '200']),
    promises: run(['js/batch.js', 'promises', 'armed', '20', '5', '300']) / 1e6,
    batch: run(['js/batch.js', 'batch', 'armed', '20', '5', '300']) / 1e6,
  };
}

/**
 * Builds the idealised channel with gcc (a peer of the bench, like gforth) into a temporary folder,
 * against the running Node's headers; undefined where gcc, the headers or its sources are missing.
 */
function buildIdeal(dir: string): string | undefined {
  const include = [path.resolve(process.execPath, '../../include/node'), '/usr/include/node'].find((d) =>
    fs.existsSync(path.join(d, 'node_api.h')),
  );
  if (!include || !fs.existsSync(path.join(dir, 'c/addon.c'))) return undefined;
  const out = path.join(os.tmpdir(), `sidecar-channel-ideal-${process.version}`);
  fs.mkdirSync(out, { recursive: true });
  const cc = (args: string[]) => spawnSync('gcc', args, { cwd: dir, stdio: 'ignore' }).status === 0;
  const ok =
    cc(['-O2', '-shared', '-fPIC', `-I${include}`, '-o', path.join(out, 'channel.node'), 'c/addon.c']) &&
    cc(['-O2', '-o', path.join(out, 'sidecar'), 'c/sidecar.c']);
  return ok ? out : undefined;
}

/** The comparison's medians, and each Sidecar row's ratio to the idealised channel (NaN where it is absent). */
export interface ChannelComparison {
  /** This tree's medians. */
  tree: Figures;
  /** This tree over the idealised channel: sync (time: lower is better), promises and batch (rates: higher is better). */
  vsIdeal: Figures;
  table: string;
}

/** Runs the comparison: this tree, the baseline (if any), the idealised channel (if it can be had), rounds alternating. */
export function compareChannels(runs: number): ChannelComparison {
  const subjects: { name: string; round: () => Figures }[] = [
    { name: 'sidecar (this tree)', round: () => sidecarRound(HERE) },
  ];
  const base = process.env.SIDECAR_BENCH_BASELINE;
  if (base)
    subjects.push({
      name: `sidecar (baseline ${path.basename(path.resolve(base, '../../..'))})`,
      round: () => sidecarRound(path.resolve(base)),
    });
  const idealDir = process.env.CHANNEL_IDEAL_DIR ?? new URL('../../../shared/channel-ideal', import.meta.url).pathname;
  const idealBuild = process.env.CHANNEL_IDEAL_BUILD ?? buildIdeal(idealDir);
  const haveIdeal = idealBuild !== undefined && fs.existsSync(path.join(idealBuild, 'sidecar'));
  if (haveIdeal) subjects.push({ name: 'idealised channel', round: () => idealRound(idealDir, idealBuild as string) });
  else
    process.stderr.write(
      'channel: no idealised channel (CHANNEL_IDEAL_BUILD unset and it could not be built here): no idealised rows, no ratios\n',
    );
  const results = subjects.map(() => [] as Figures[]);
  const rounds = Math.max(3, runs);
  for (let r = 0; r < rounds; r++) {
    for (const [k, s] of subjects.entries()) results[k]?.push(s.round());
  }
  const med = (k: number, f: keyof Figures) => median((results[k] as Figures[]).map((x) => x[f]));
  const ideal = haveIdeal ? subjects.length - 1 : -1;
  const ratioOf = (k: number, f: keyof Figures) => (ideal < 0 ? Number.NaN : med(k, f) / med(ideal, f));
  const ratio = (k: number, f: keyof Figures) => (ideal < 0 ? '-' : `${ratioOf(k, f).toFixed(2)}×`);
  const rows = subjects.map((s, k) => [
    s.name,
    med(k, 'sync').toFixed(0),
    ratio(k, 'sync'),
    med(k, 'promises').toFixed(2),
    ratio(k, 'promises'),
    med(k, 'batch').toFixed(1),
    ratio(k, 'batch'),
  ]);
  const table = `${grid(
    `channel: medians of ${rounds} rounds (each a fresh process: a warm-up rep, then the median of 5 timed reps, as the idealised channel's scripts time themselves), ${cpus()[0]?.model ?? 'unknown CPU'}`,
    ['', 'sync ns', 'vs ideal', 'promises M/s', 'vs ideal', 'batch M/s', 'vs ideal'],
    rows,
  )}\n  goals: sync ≤ ${GOAL_VS_IDEAL.sync}× ideal; promises and batch ≥ ${GOAL_VS_IDEAL.promises}× ideal; never below the baseline\n`;
  return {
    tree: { sync: med(0, 'sync'), promises: med(0, 'promises'), batch: med(0, 'batch') },
    vsIdeal: { sync: ratioOf(0, 'sync'), promises: ratioOf(0, 'promises'), batch: ratioOf(0, 'batch') },
    table,
  };
}

/** The goals against the idealised channel (issue: one concept per file): time at most, rates at least. */
export const GOAL_VS_IDEAL = { sync: 1.25, promises: 0.8, batch: 0.8 } as const;

export async function run(opts: BenchOptions): Promise<void> {
  process.stdout.write(compareChannels(opts.runs).table);
}
