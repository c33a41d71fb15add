/**
 * Which kernel for which CPU: the ISAs a CPU's flags allow, the best one,
 * and tiles and blocks that fit the registers and the caches, for CPUs
 * described as /proc/cpuinfo would (this machine, a Zen 4, an Emerald
 * Rapids, a CPU without AVX2).
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestIsa, type GemmIsa, gemmKernel, gemmShape, supportedIsas } from '../../src/kernels/index.js';
import { type CacheSizes, type CpuInfo, cpuInfo, parseCpuInfo } from '../../src/sys/cpu.js';

const cpuText = (vendor: string, family: number, model: number, flags: string) =>
  `processor\t: 0\nvendor_id\t: ${vendor}\ncpu family\t: ${family}\nmodel\t\t: ${model}\nmodel name\t: test\nflags\t\t: ${flags}\n`;
const K = 1024;
const AVX512 = 'sse2 avx avx2 fma bmi2 avx512f avx512dq avx512bw avx512vl';
const zen4 = parseCpuInfo(cpuText('AuthenticAMD', 25, 17, AVX512), {
  l1d: 32 * K,
  l2: 1024 * K,
  l3: 32 * K * K,
  l3SharedBy: 16,
});
const emr = parseCpuInfo(cpuText('GenuineIntel', 6, 207, AVX512), {
  l1d: 48 * K,
  l2: 2048 * K,
  l3: 320 * K * K,
  l3SharedBy: 64,
});
const zen3 = parseCpuInfo(cpuText('AuthenticAMD', 25, 1, 'sse2 avx avx2 fma bmi2'), {
  l1d: 32 * K,
  l2: 512 * K,
  l3: 32 * K * K,
  l3SharedBy: 16,
});
const old = parseCpuInfo(cpuText('GenuineIntel', 6, 42, 'sse2 avx'), {
  l1d: 32 * K,
  l2: 256 * K,
  l3: 0,
  l3SharedBy: 1,
} as CacheSizes);

test('ISAs and the best one per CPU', () => {
  assert.deepEqual(supportedIsas(zen3), ['avx2']);
  assert.deepEqual(supportedIsas(zen4), ['avx2', 'avx512']);
  assert.equal(bestIsa('f64', zen3), 'avx2');
  assert.equal(bestIsa('f64', zen4), 'avx512');
  assert.equal(bestIsa('f32', emr), 'avx512');
  assert.deepEqual(supportedIsas(old), []);
  assert.throws(() => bestIsa('f64', old), /needs AVX2 and FMA/);
  assert.throws(() => gemmKernel('f16' as never, 'avx2'), TypeError);
});

test('tiles fit the registers, blocks are whole tiles and fit the caches', () => {
  const cpus: CpuInfo[] = [zen3, zen4, emr, old, cpuInfo()];
  for (const cpu of cpus) {
    for (const isa of ['avx2', 'avx512'] as GemmIsa[]) {
      for (const type of ['f64', 'f32'] as const) {
        const s = gemmShape(type, isa, cpu);
        const es = type === 'f64' ? 8 : 4;
        const lanes = (isa === 'avx2' ? 32 : 64) / es;
        const nv = s.nr / lanes;
        const where = `${cpu.uarch} ${isa} ${type} ${s.mr}x${s.nr}`;
        assert.ok(Number.isInteger(nv), where);
        assert.ok(s.mr * nv + nv + 1 <= (isa === 'avx2' ? 16 : 32), where);
        assert.equal(s.mc % s.mr, 0, where);
        assert.equal(s.nc % s.nr, 0, where);
        assert.ok(s.mc * s.kc * es <= cpu.caches.l2, `${where}: packed A fits L2`);
        assert.ok(s.kc >= 64, where);
        assert.match(s.why, new RegExp(`MC ${s.mc} KC ${s.kc} NC ${s.nc}`));
      }
    }
  }
  assert.deepEqual([gemmShape('f64', 'avx512', zen4).mr, gemmShape('f64', 'avx512', zen4).nr], [8, 24]);
  assert.deepEqual([gemmShape('f64', 'avx2', zen3).mr, gemmShape('f64', 'avx2', zen3).nr], [6, 8]);
});
