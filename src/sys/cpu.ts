/**
 * The CPU this process runs on, as the kernel reports it: vendor, family
 * and model, the instruction set extensions the kernels pick from, and the
 * data cache sizes that size their blocking. The kernel reads CPUID for us
 * (leaf 1/7 flags in /proc/cpuinfo; leaf 4 or 0x8000001D caches in
 * /sys/devices/system/cpu/cpu0/cache), so no native code runs in the host.
 * Used by `sidecar doctor`, by the matrix kernels to choose a micro-kernel,
 * and to choose OpenBLAS's core type where its own detection falls short.
 */

import fs from 'node:fs';

/** The features the kernels and the doctor care about, as /proc/cpuinfo names them. */
export const CPU_FEATURES = ['avx2', 'fma', 'bmi2', 'avx512f', 'avx512dq', 'avx512bw', 'avx512vl'] as const;
export type CpuFeature = (typeof CPU_FEATURES)[number];

export interface CacheSizes {
  /** Level-1 data cache per core, bytes. */
  l1d: number;
  /** Level-2 cache per core, bytes. */
  l2: number;
  /** Level-3 cache, bytes (0 when there is none). */
  l3: number;
  /** How many logical CPUs share the L3. */
  l3SharedBy: number;
}

export interface CpuInfo {
  vendor: 'intel' | 'amd' | 'other';
  family: number;
  model: number;
  /** The marketing name (`AMD EPYC 9R14 96-Core Processor`). */
  modelName: string;
  logicalCpus: number;
  /** Every flag of the first processor. */
  flags: string[];
  features: Record<CpuFeature, boolean>;
  caches: CacheSizes;
  /** Nominal clock in MHz from /proc/cpuinfo (0 when unknown): the current one, not a promise. */
  mhz: number;
  /** The microarchitecture by name where it matters to the kernels (`zen4`, `sapphirerapids` …), else `generic`. */
  uarch: string;
}

/** `32K`, `1024K`, `32M` as the kernel writes cache sizes, in bytes. */
function bytesOf(s: string): number {
  const m = /^(\d+)\s*([KMG]?)/i.exec(s.trim());
  if (!m) return 0;
  const unit = { '': 1, K: 1024, M: 1 << 20, G: 1 << 30 }[(m[2] ?? '').toUpperCase()] ?? 1;
  return Number(m[1]) * unit;
}

function countList(list: string): number {
  let n = 0;
  for (const part of list.trim().split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-').map(Number);
    n += b === undefined ? 1 : (b as number) - (a as number) + 1;
  }
  return n;
}

/** Reads the caches of cpu0 from sysfs; missing entries get typical sizes. */
export function readCaches(dir = '/sys/devices/system/cpu/cpu0/cache'): CacheSizes {
  const out: CacheSizes = { l1d: 32 * 1024, l2: 512 * 1024, l3: 0, l3SharedBy: 1 };
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(dir).filter((e) => /^index\d+$/.test(e));
  } catch {
    return out;
  }
  for (const e of entries) {
    try {
      const read = (f: string) => fs.readFileSync(`${dir}/${e}/${f}`, 'utf8').trim();
      const level = Number(read('level'));
      const type = read('type');
      const size = bytesOf(read('size'));
      if (level === 1 && type === 'Data') out.l1d = size;
      else if (level === 2 && type !== 'Instruction') out.l2 = size;
      else if (level === 3) {
        out.l3 = size;
        try {
          out.l3SharedBy = Math.max(1, countList(read('shared_cpu_list')));
        } catch {
          // no sharing information: one
        }
      }
    } catch {
      // an entry without the files: keep the default
    }
  }
  return out;
}

/** The microarchitecture from vendor, family and model (only those the kernels or OpenBLAS tell apart). */
export function microarchitecture(vendor: CpuInfo['vendor'], family: number, model: number, has: Set<string>): string {
  if (vendor === 'amd' && family === 0x19) {
    // Zen 3 and Zen 4 share family 19h; Zen 4 is the one with AVX-512.
    return has.has('avx512f') ? 'zen4' : 'zen3';
  }
  if (vendor === 'amd' && family === 0x1a) return 'zen5';
  if (vendor === 'amd' && family === 0x17) return 'zen2';
  if (vendor === 'intel' && family === 6) {
    if (model === 0xcf) return 'emeraldrapids';
    if (model === 0x8f) return 'sapphirerapids';
    if (model === 0x6a || model === 0x6c) return 'icelakex';
    if (model === 0x55) return has.has('avx512_bf16') ? 'cooperlake' : 'skylakex';
    if (has.has('avx512f')) return 'avx512';
    if (has.has('avx2')) return 'haswell';
  }
  return 'generic';
}

/**
 * Parses /proc/cpuinfo text (and the cache sizes given). Without `caches`,
 * they are read from sysfs when first asked for: a dozen small files that
 * starting a sidecar (which needs only the vendor and the flags) skips.
 */
export function parseCpuInfo(text: string, caches?: CacheSizes): CpuInfo {
  // The first processor's block, read once into a table (a regular
  // expression per field cost a start 0.8 ms on a 2-CPU machine, more where
  // /proc/cpuinfo lists a hundred).
  const end = text.indexOf('\n\n');
  const fields = new Map<string, string>();
  for (const line of (end < 0 ? text : text.slice(0, end)).split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const field = (name: string) => fields.get(name) ?? '';
  const vendorId = field('vendor_id');
  const vendor = vendorId === 'GenuineIntel' ? 'intel' : vendorId === 'AuthenticAMD' ? 'amd' : 'other';
  const family = Number(field('cpu family')) || 0;
  const model = Number(field('model')) || 0;
  const flags = field('flags').split(/\s+/).filter(Boolean);
  const has = new Set(flags);
  const features = Object.fromEntries(CPU_FEATURES.map((f) => [f, has.has(f)])) as Record<CpuFeature, boolean>;
  let sizes = caches;
  return {
    vendor,
    family,
    model,
    modelName: field('model name') || 'unknown',
    logicalCpus: Math.max(1, (text.match(/^processor\s*:/gm) ?? []).length),
    flags,
    features,
    get caches(): CacheSizes {
      sizes ??= readCaches();
      return sizes;
    },
    mhz: Number(field('cpu MHz')) || 0,
    uarch: microarchitecture(vendor, family, model, has),
  };
}

let cached: CpuInfo | null = null;

/** This machine's CPU (read once). */
export function cpuInfo(): CpuInfo {
  if (cached) return cached;
  let text = '';
  try {
    text = fs.readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    // not Linux or no /proc: an unknown CPU with no extensions
  }
  cached = parseCpuInfo(text);
  return cached;
}

/**
 * The OPENBLAS_CORETYPE to set for this CPU, or undefined to let OpenBLAS
 * decide. OpenBLAS releases older than the CPU fall back to old kernels for
 * a model they do not know (0.3.21 runs Emerald Rapids on its SSE3 Prescott
 * kernels, 4-5x slower than SkylakeX); naming the nearest core it has fixes
 * that. Zen 4 is known to 0.3.21 (it picks Cooperlake), Zen 3 as Zen.
 */
export function openblasCoretype(cpu: CpuInfo): string | undefined {
  if (cpu.vendor === 'intel' && cpu.features.avx512f) {
    // SkylakeX's dgemm kernels are the ones every AVX-512 Intel core runs well (measured 54-77 GFLOP/s a core).
    return cpu.uarch === 'skylakex' ? undefined : 'SKYLAKEX';
  }
  if (cpu.vendor === 'amd' && cpu.family >= 0x1a && cpu.features.avx512f) return 'COOPERLAKE';
  return undefined;
}
