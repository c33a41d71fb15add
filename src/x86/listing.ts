/**
 * Listings: each source line with the section offset it assembled at and
 * the bytes it produced, from the marks the text front end records per
 * statement (`AssemblerCore.mark`, tag = line number). Offsets are final,
 * after jump relaxation.
 */

import type { ObjectCode } from './assembler.js';

export interface ListingLine {
  /** 1-based source line. */
  line: number;
  /** Section the line assembled into, or '' for a line with no statement. */
  section: string;
  /** Offset in that section (-1 for a line with no statement). */
  offset: number;
  bytes: Uint8Array;
  /** The source line as written. */
  text: string;
}

/** Lines of `source` with their addresses and bytes in `obj` (which must carry the marks). */
export function buildListing(source: string, obj: ObjectCode): ListingLine[] {
  const texts = source.split('\n');
  if (texts.length > 0 && texts[texts.length - 1] === '' && source.endsWith('\n')) texts.pop();
  const chunks = new Map<number, [number, number, number][]>();
  // Marks come per section in emission order; a mark's bytes run to the next
  // mark of the same section.
  const bySection = new Map<number, [number, number][]>();
  for (const [tag, sec, off] of obj.marks) {
    if (tag < 0) continue;
    let list = bySection.get(sec);
    if (!list) bySection.set(sec, (list = []));
    list.push([tag, off]);
  }
  for (const [sec, list] of bySection) {
    const size = obj.sections[sec]?.bytes.length ?? 0;
    for (let i = 0; i < list.length; i++) {
      const [tag, off] = list[i] as [number, number];
      const end = i + 1 < list.length ? (list[i + 1] as [number, number])[1] : size;
      let c = chunks.get(tag);
      if (!c) chunks.set(tag, (c = []));
      c.push([sec, off, end - off]);
    }
  }
  const out: ListingLine[] = [];
  for (let i = 0; i < texts.length; i++) {
    const line = i + 1;
    const text = (texts[i] as string).replace(/\r$/, '');
    const c = chunks.get(line);
    if (!c) {
      out.push({ line, section: '', offset: -1, bytes: new Uint8Array(0), text });
      continue;
    }
    const full = c.filter((x) => x[2] > 0);
    const main = full[0] ?? (c[c.length - 1] as [number, number, number]);
    const sec = obj.sections[main[0]];
    const parts = full.filter((x) => x[0] === main[0]).map((x) => sec?.bytes.subarray(x[1], x[1] + x[2]));
    const bytes = new Uint8Array(parts.reduce((n, p) => n + (p?.length ?? 0), 0));
    let at = 0;
    for (const p of parts) {
      if (!p) continue;
      bytes.set(p, at);
      at += p.length;
    }
    out.push({ line, section: sec?.name ?? '', offset: main[1], bytes, text });
  }
  return out;
}

const PER_ROW = 8;

/**
 * Text form: `0010  48 8b 44 cb 10           mov rax, qword ptr [rbx+rcx*8+16]`,
 * eight bytes a row, longer runs continued on rows of their own; a line
 * naming the section wherever it changes.
 */
export function formatListing(lines: readonly ListingLine[]): string {
  const width = Math.max(4, ...lines.map((l) => (l.offset + l.bytes.length).toString(16).length));
  const blank = ' '.repeat(width);
  const out: string[] = [];
  let section = '.text';
  for (const l of lines) {
    if (l.section !== '' && l.section !== section) {
      section = l.section;
      out.push(`${blank}  [${section}]`);
    }
    const addr = l.offset < 0 ? blank : l.offset.toString(16).padStart(width, '0');
    out.push(`${addr}  ${hexRow(l.bytes, 0).padEnd(PER_ROW * 3 - 1)}  ${l.text}`.trimEnd());
    for (let i = PER_ROW; i < l.bytes.length; i += PER_ROW) {
      out.push(`${(l.offset + i).toString(16).padStart(width, '0')}  ${hexRow(l.bytes, i)}`);
    }
  }
  return out.join('\n') + (out.length > 0 ? '\n' : '');
}

function hexRow(b: Uint8Array, from: number): string {
  const parts: string[] = [];
  for (let i = from; i < b.length && i < from + PER_ROW; i++)
    parts.push((b[i] as number).toString(16).padStart(2, '0'));
  return parts.join(' ');
}
