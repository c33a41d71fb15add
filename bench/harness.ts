/**
 * What every bench shares: timing a function over several runs, medians and
 * percentiles, and printing a result table. Kept apart from main.ts so that
 * importing it does not start the dispatcher.
 */

import { spawnSync } from 'node:child_process';

/** Milliseconds of each of `runs` calls of `fn`, after `warmup` untimed calls. */
export function sample(fn: () => void, runs: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

/** Milliseconds of each of `runs` runs of a whole process (spawn to exit); throws if it fails. */
export function sampleProcess(cmd: string, args: string[], runs: number, warmup = 1): number[] {
  const once = () => {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString() ?? r.error}`);
    return ms;
  };
  for (let i = 0; i < warmup; i++) once();
  return Array.from({ length: runs }, once);
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i] as number;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export interface Row {
  name: string;
  /** Samples in milliseconds; the table shows their median (and p99 when asked). */
  ms: readonly number[];
  /** Work per run (e.g. instructions), for a rate column. */
  work?: number;
  note?: string;
}

export interface TableOptions {
  /** Name of the row the ratio column compares against (ratio = its median / this median; rows with the same `work` only). */
  baseline?: string;
  /** Unit of `work`, for the rate column ("insn" gives "insn/s"). */
  unit?: string;
  p99?: boolean;
}

export const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

function fmtRate(perSec: number): string {
  if (perSec >= 1e9) return `${(perSec / 1e9).toFixed(2)} G`;
  if (perSec >= 1e6) return `${(perSec / 1e6).toFixed(2)} M`;
  if (perSec >= 1e3) return `${(perSec / 1e3).toFixed(1)} k`;
  return perSec.toFixed(0);
}

/** A plain-text table: name, median, p99, rate, ratio to the baseline, note. */
export function table(title: string, rows: readonly Row[], opts: TableOptions = {}): string {
  const base = opts.baseline === undefined ? undefined : rows.find((r) => r.name === opts.baseline);
  const head = ['', 'median ms'];
  if (opts.p99) head.push('p99 ms');
  if (opts.unit) head.push(`${opts.unit}/s`);
  if (base) head.push(`× ${base.name}`);
  head.push('');
  const body = rows.map((r) => {
    const m = median(r.ms);
    const cells = [r.name, r.ms.length ? fmtMs(m) : '-'];
    if (opts.p99) cells.push(r.ms.length ? fmtMs(percentile(r.ms, 99)) : '-');
    if (opts.unit) cells.push(r.work && r.ms.length ? fmtRate((r.work * 1000) / m) : '-');
    // A ratio only between rows doing the same work.
    const comparable = r.ms.length > 0 && base !== undefined && base.ms.length > 0 && r.work === base.work;
    if (base) cells.push(comparable ? `${(median(base.ms) / m).toFixed(2)}` : '-');
    cells.push(r.note ?? '');
    return cells;
  });
  return grid(title, head, body);
}

/** A plain-text table of given cells: the first and last columns left-aligned, the others right-aligned. */
export function grid(title: string, head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) =>
        i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number),
      )
      .join('  ')
      .trimEnd();
  return [title, line(head), ...rows.map(line)].join('\n') + '\n';
}
