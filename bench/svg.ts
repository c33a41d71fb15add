/**
 * A grouped bar chart as a standalone SVG file, for bench results the
 * README shows: one group per x value (a matrix size), one bar per series
 * (a backend), an optional dashed line for a ceiling (the machine's peak).
 */

import fs from 'node:fs';
import path from 'node:path';

export interface BarChart {
  title: string;
  subtitle?: string;
  /** The group labels along the x axis. */
  groups: readonly string[];
  /** One bar per group and series; NaN or undefined leaves a gap. */
  series: readonly { name: string; values: readonly (number | undefined)[] }[];
  yLabel: string;
  /** A horizontal reference line (e.g. peak GFLOP/s). */
  line?: { value: number; label: string };
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#17becf'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function barChart(c: BarChart): string {
  const W = 760;
  const H = 420;
  const left = 60;
  const right = 190;
  const top = 56;
  const bottom = 46;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const values = c.series.flatMap((s) =>
    s.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)),
  );
  const max = Math.max(1e-9, c.line?.value ?? 0, ...values) * 1.08;
  const step = niceStep(max / 5);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12" role="img" aria-label="${esc(c.title)}">`,
    `<title>${esc(c.title)}</title>`,
  );
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${left}" y="22" font-size="15" font-weight="bold">${esc(c.title)}</text>`);
  if (c.subtitle) out.push(`<text x="${left}" y="40" fill="#555">${esc(c.subtitle)}</text>`);
  for (let v = 0; v <= max; v += step) {
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" fill="#333">${+v.toFixed(6)}</text>`);
  }
  out.push(
    `<text transform="translate(16 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(c.yLabel)}</text>`,
  );
  const groupW = plotW / Math.max(1, c.groups.length);
  const barW = (groupW * 0.8) / Math.max(1, c.series.length);
  c.groups.forEach((g, gi) => {
    const x0 = left + gi * groupW + groupW * 0.1;
    c.series.forEach((s, si) => {
      const v = s.values[gi];
      if (typeof v !== 'number' || !Number.isFinite(v)) return;
      const x = x0 + si * barW;
      out.push(
        `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(top + plotH - y(v)).toFixed(1)}" fill="${COLORS[si % COLORS.length]}"><title>${esc(`${s.name}, ${g}: ${v.toFixed(2)}`)}</title></rect>`,
      );
    });
    out.push(
      `<text x="${(x0 + groupW * 0.4).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle">${esc(g)}</text>`,
    );
  });
  if (c.line) {
    out.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${y(c.line.value)}" y2="${y(c.line.value)}" stroke="#000" stroke-dasharray="5 4"/>`,
    );
    out.push(`<text x="${left + plotW - 4}" y="${y(c.line.value) - 5}" text-anchor="end">${esc(c.line.label)}</text>`);
  }
  out.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}" stroke="#333"/>`);
  out.push(`<line x1="${left}" x2="${left + plotW}" y1="${top + plotH}" y2="${top + plotH}" stroke="#333"/>`);
  c.series.forEach((s, si) => {
    const ly = top + 6 + si * 20;
    out.push(`<rect x="${left + plotW + 14}" y="${ly}" width="12" height="12" fill="${COLORS[si % COLORS.length]}"/>`);
    out.push(`<text x="${left + plotW + 32}" y="${ly + 10}">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/** Writes a chart under bench/results (relative to the repository) and returns its path. */
export function writeChart(file: string, c: BarChart): string {
  const dir = path.resolve(
    import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname),
    '../../bench/results',
  );
  fs.mkdirSync(dir, { recursive: true });
  const p = path.join(dir, file);
  fs.writeFileSync(p, barChart(c));
  return p;
}
