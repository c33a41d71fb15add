/**
 * The jail's options (`Sidecar.start({ jail })`): checked with a TypeError
 * or RangeError naming the option, and resolved into a policy. `jail: true`
 * is the strict preset: the library directories (and the few files glibc
 * and OpenBLAS read) readable, nothing writable, no network, threads
 * allowed, 4 GiB of data, 256 open files, no core dumps.
 */

import fs from 'node:fs';
import path from 'node:path';
import { KNOWN_LIBRARIES } from '../host/known.js';

export type { JailOptions } from '../host/jailing.js';

export interface JailPolicy {
  read: string[];
  write: string[];
  /** Paths of `read` that may be absent on this machine (the defaults). */
  optional: Set<string>;
  network: false | number[];
  memory: number | null;
  cpuSeconds: number | null;
  maxFiles: number;
  fileSize: number;
  threads: boolean;
  preload: string[];
  bestEffort: boolean;
  /** CPython to start (and modules to import) before the filter, or null. */
  python: { library: string; imports: string[] } | null;
}

/** Where a libpython of the known set is looked for when `jail.python` names none. */
const LIBRARY_DIRS = ['/usr/lib/x86_64-linux-gnu', '/lib/x86_64-linux-gnu', '/usr/lib64', '/usr/lib', '/usr/local/lib'];

function pythonOf(where: string, v: unknown): JailPolicy['python'] {
  if (v === undefined || v === false) return null;
  const o = (v === true ? {} : v) as { imports?: unknown; library?: unknown };
  if (o === null || typeof o !== 'object' || Array.isArray(o)) {
    throw new TypeError(`${where}: jail.python must be true, false or { imports?, library? }, got ${shown(v)}`);
  }
  for (const k of Object.keys(o)) {
    if (k !== 'imports' && k !== 'library') {
      throw new TypeError(`${where}: unknown jail.python option '${k}' (imports, library)`);
    }
  }
  const imports = o.imports ?? [];
  if (
    !Array.isArray(imports) ||
    !imports.every((m) => typeof m === 'string' && /^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*$/.test(m))
  ) {
    throw new TypeError(`${where}: jail.python.imports must be an array of module names, got ${shown(o.imports)}`);
  }
  let library = o.library;
  if (library !== undefined && (typeof library !== 'string' || library === '' || library.includes('\0'))) {
    throw new TypeError(`${where}: jail.python.library must be a libpython soname or path, got ${shown(library)}`);
  }
  if (library === undefined) {
    const sonames = KNOWN_LIBRARIES.python?.sonames ?? [];
    library = sonames.flatMap((so) => LIBRARY_DIRS.map((d) => `${d}/${so}`)).find((f) => fs.existsSync(f));
    if (library === undefined) {
      throw new TypeError(
        `${where}: jail.python: no libpython found (tried ${sonames.join(', ')}; apt-get install libpython3.11), or name one in jail.python.library`,
      );
    }
  }
  return { library: library as string, imports: imports as string[] };
}

/** Where libraries live, and what glibc and OpenBLAS read at run time (ld.so's cache, the time zone, the CPU list). */
export const DEFAULT_READ = [
  '/lib',
  '/lib64',
  '/usr/lib',
  '/usr/lib64',
  '/usr/local/lib',
  '/etc/ld.so.cache',
  '/etc/localtime',
  '/usr/share/zoneinfo',
  '/sys/devices/system/cpu',
];

const KEYS = [
  'fs',
  'network',
  'memory',
  'cpuSeconds',
  'maxFiles',
  'fileSize',
  'threads',
  'preload',
  'bestEffort',
  'python',
];

function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'an array';
  if (v === null || typeof v !== 'object') return typeof v === 'bigint' ? `${v}n` : String(v);
  return 'an object';
}

function paths(where: string, name: string, v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v))
    throw new TypeError(`${where}: jail.fs.${name} must be an array of absolute paths, got ${shown(v)}`);
  return v.map((p) => {
    if (typeof p !== 'string' || !path.isAbsolute(p) || p.includes('\0')) {
      throw new TypeError(`${where}: jail.fs.${name} must hold absolute paths, got ${shown(p)}`);
    }
    return path.normalize(p);
  });
}

function count(where: string, name: string, v: unknown, min: number, nullable: boolean): number | null | undefined {
  if (v === undefined) return undefined;
  if ((v === null || v === Number.POSITIVE_INFINITY) && nullable) return null;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new TypeError(
      `${where}: jail.${name} must be an integer${nullable ? ' (or null for no limit)' : ''}, got ${shown(v)}`,
    );
  }
  if (v < min || v > 2 ** 53) throw new RangeError(`${where}: jail.${name} must be at least ${min}, got ${v}`);
  return v;
}

/** The policy of `jail: true` or `jail: { ... }`. */
export function resolveJail(options: unknown, where: string): JailPolicy {
  const o = (options === true ? {} : options) as Record<string, unknown>;
  if (o === null || typeof o !== 'object' || Array.isArray(o)) {
    throw new TypeError(`${where}: jail must be true or an object of jail options, got ${shown(options)}`);
  }
  for (const k of Object.keys(o)) {
    if (!KEYS.includes(k))
      throw new TypeError(`${where}: unknown jail option '${k}' (jail options: ${KEYS.join(', ')})`);
  }
  if (o.fs !== undefined && (o.fs === null || typeof o.fs !== 'object' || Array.isArray(o.fs))) {
    throw new TypeError(`${where}: jail.fs must be an object { read?, write? }, got ${shown(o.fs)}`);
  }
  const f = (o.fs ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(f)) {
    if (k !== 'read' && k !== 'write') throw new TypeError(`${where}: unknown jail.fs option '${k}' (read, write)`);
  }
  let network: false | number[] = false;
  if (o.network !== undefined && o.network !== false) {
    if (!Array.isArray(o.network)) {
      throw new TypeError(`${where}: jail.network must be false or an array of TCP ports, got ${shown(o.network)}`);
    }
    network = o.network.map((p) => {
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 65535) {
        throw new RangeError(`${where}: jail.network must hold TCP ports (1 to 65535), got ${shown(p)}`);
      }
      return p;
    });
  }
  for (const k of ['threads', 'bestEffort'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') {
      throw new TypeError(`${where}: jail.${k} must be true or false, got ${shown(o[k])}`);
    }
  }
  let preload: string[] = [];
  if (o.preload !== undefined) {
    if (!Array.isArray(o.preload)) {
      throw new TypeError(
        `${where}: jail.preload must be an array of library sonames or paths, got ${shown(o.preload)}`,
      );
    }
    preload = o.preload.map((p) => {
      if (typeof p !== 'string' || p === '' || p.includes('\0')) {
        throw new TypeError(`${where}: jail.preload must hold library sonames or paths, got ${shown(p)}`);
      }
      return p;
    });
  }
  const read = paths(where, 'read', f.read);
  return {
    read: [...DEFAULT_READ.filter((d) => !read.includes(d)), ...read],
    write: paths(where, 'write', f.write),
    optional: new Set(DEFAULT_READ),
    network,
    memory: o.memory === undefined ? 4 * 2 ** 30 : (count(where, 'memory', o.memory, 1 << 20, true) as number | null),
    cpuSeconds: count(where, 'cpuSeconds', o.cpuSeconds, 1, true) ?? null,
    maxFiles: (count(where, 'maxFiles', o.maxFiles, 16, false) as number | undefined) ?? 256,
    fileSize: (count(where, 'fileSize', o.fileSize, 1 << 20, false) as number | undefined) ?? 2 ** 40,
    threads: (o.threads as boolean | undefined) ?? true,
    preload,
    bestEffort: (o.bestEffort as boolean | undefined) ?? false,
    python: pythonOf(where, o.python),
  };
}
