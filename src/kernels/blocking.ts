/**
 * The shape of a GEMM kernel for one CPU: the register tile (MR rows of C
 * by NR columns, NR a whole number of vector registers) and the cache
 * blocks (KC: the depth of one packed pass; MC rows of packed A kept in L2;
 * NC columns of packed B kept in L3), BLIS's five loops around the
 * micro-kernel.
 *
 * Tiles come from a table per microarchitecture (below, with why); the
 * cache blocks come from the CPU's cache sizes:
 *   KC so that one micro-panel of B (KC x NR) fills half of L1d, the other
 *      half holding the A micro-panel being streamed and the C tile;
 *   MC so that the packed A block (MC x KC) takes about 60% of L2;
 *   NC so that the packed B block (KC x NC) takes half of L3 (at most 8 MiB).
 * A table row may fix a block where measurement beat the rule.
 */

import type { CpuInfo } from '../sys/cpu.js';
import type { GemmIsa, GemmType } from './vector.js';

export interface GemmShape {
  mr: number;
  nr: number;
  mc: number;
  kc: number;
  nc: number;
  /** One line: why this tile and these blocks on this CPU. */
  why: string;
}

interface TileRow {
  /** Microarchitectures the row is for ('*' for any). */
  uarch: string[];
  isa: GemmIsa;
  type: GemmType;
  mr: number;
  nr: number;
  /** Blocks fixed by measurement or by a vendor's choice (else from the caches). */
  kc?: number;
  mc?: number;
  nc?: number;
  note: string;
}

/**
 * The tiles. An AVX2 core has 16 ymm registers: MR x NR/lanes accumulators,
 * NR/lanes registers of B and one broadcast of A must fit, and with FMA
 * latency 4-5 and two FMA pipes at least 8-10 independent accumulators are
 * needed to keep both pipes busy. 6 x 2 vectors (12 accumulators, 8 loads
 * per 12 FMAs) is the classic Haswell shape and measured best on Zen 3.
 * AVX-512 has 32 zmm: 8 x 3 vectors (24 accumulators, 11 loads per 24 FMAs)
 * is the shape AMD's own BLIS uses on Zen 4 (where a zmm FMA has the
 * throughput of two ymm ones); on Intel cores with two 512-bit FMA units
 * 14 x 2 vectors (28 accumulators) covers the longer latency x throughput.
 * Rows are tried in order; the first whose uarch and ISA match wins.
 *
 * Measured on Zen 3 (EPYC, 32K L1d, 512K L2; one core, FMA peak 50 GFLOP/s
 * double): the cache rule's MC 150 / KC 256 / NC 4096 gives 43-46 GFLOP/s
 * at n = 512..2048, as fast as OpenBLAS's Zen kernels; MC 96..198, KC
 * 192..384 and software prefetch of A or B ahead in the loop were all
 * within the noise (best of 9: 45.7-46.8), so the rule stays. The AVX-512
 * rows are unmeasured here (this machine has none): their encodings are
 * checked against GNU as, and bench/blas.ts compares them with AVX2.
 */
const TILES: TileRow[] = [
  {
    uarch: ['zen4', 'zen5'],
    isa: 'avx512',
    type: 'f64',
    mr: 8,
    nr: 24,
    mc: 120,
    kc: 512,
    nc: 4032,
    note: "8x24 zmm with AMD's Zen 4 blocks (MC 120, KC 512, NC 4032)",
  },
  {
    uarch: ['zen4', 'zen5'],
    isa: 'avx512',
    type: 'f32',
    mr: 8,
    nr: 48,
    mc: 120,
    kc: 512,
    nc: 4032,
    note: '8x48 zmm, the Zen 4 shape and blocks for float',
  },
  {
    uarch: ['*'],
    isa: 'avx512',
    type: 'f64',
    mr: 14,
    nr: 16,
    note: '14x16 zmm: 28 accumulators for two 512-bit FMA units',
  },
  {
    uarch: ['*'],
    isa: 'avx512',
    type: 'f32',
    mr: 14,
    nr: 32,
    note: '14x32 zmm: 28 accumulators for two 512-bit FMA units',
  },
  { uarch: ['*'], isa: 'avx2', type: 'f64', mr: 6, nr: 8, note: '6x8 ymm: 12 accumulators, 2 FMA pipes x latency' },
  { uarch: ['*'], isa: 'avx2', type: 'f32', mr: 6, nr: 16, note: '6x16 ymm: 12 accumulators, 2 FMA pipes x latency' },
];

const KIB = 1024;

function roundDown(x: number, m: number): number {
  return Math.max(m, Math.floor(x / m) * m);
}

/** The tile and blocks of the `type` kernel for `isa` on `cpu`. */
export function gemmShape(type: GemmType, isa: GemmIsa, cpu: CpuInfo): GemmShape {
  const row = TILES.find(
    (r) => r.isa === isa && r.type === type && (r.uarch.includes(cpu.uarch) || r.uarch[0] === '*'),
  );
  if (!row) throw new Error(`no ${isa} ${type} tile`); // the table has a '*' row for every pair
  const es = type === 'f64' ? 8 : 4;
  const { l1d, l2, l3 } = cpu.caches;
  const kc = row.kc ?? Math.min(512, roundDown(Math.max(64, l1d / 2 / (row.nr * es)), 8));
  const mc = row.mc ?? roundDown(Math.min(600, (l2 * 0.6) / (kc * es)), row.mr);
  const budget = l3 > 0 ? Math.min(l3 / 2, 8192 * KIB) : 4 * l2;
  const nc = row.nc ?? Math.min(8192, roundDown(budget / (kc * es), row.nr));
  const caches = `L1d ${l1d / KIB}K, L2 ${l2 / KIB}K, L3 ${l3 / KIB / KIB}M`;
  const why = `${cpu.uarch}: ${row.note}; MC ${mc} KC ${kc} NC ${nc} from ${caches}`;
  return { mr: row.mr, nr: row.nr, mc, kc, nc, why };
}
