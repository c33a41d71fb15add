/**
 * The CPU module against independent sources: glibc's own CPUID reading
 * (getconf) for the cache sizes, and known /proc/cpuinfo texts for the
 * microarchitecture and the OpenBLAS core type.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { cpuInfo, openblasCoretype, parseCpuInfo } from '../../src/sys/cpu.js';

const caches = { l1d: 48 * 1024, l2: 2 << 20, l3: 0, l3SharedBy: 1 };
const text = (vendor: string, family: number, model: number, flags: string) =>
  `processor\t: 0\nvendor_id\t: ${vendor}\ncpu family\t: ${family}\nmodel\t\t: ${model}\nmodel name\t: X\ncpu MHz\t\t: 2100.000\nflags\t\t: fpu sse2 ${flags}\n\nprocessor\t: 1\n`;

test('cpu: the cache sizes are the ones glibc reads from CPUID', () => {
  const conf = (name: string) => Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim());
  const c = cpuInfo().caches;
  const l1 = conf('LEVEL1_DCACHE_SIZE');
  const l2 = conf('LEVEL2_CACHE_SIZE');
  if (l1 > 0) assert.equal(c.l1d, l1);
  if (l2 > 0) assert.equal(c.l2, l2);
  assert.ok(cpuInfo().logicalCpus >= 1);
});

test('cpu: vendors, models and the OpenBLAS core type', () => {
  const emr = parseCpuInfo(text('GenuineIntel', 6, 0xcf, 'avx2 fma avx512f avx512_bf16'), caches);
  assert.equal(emr.uarch, 'emeraldrapids');
  assert.equal(emr.logicalCpus, 2);
  assert.equal(emr.features.avx512f, true);
  assert.equal(openblasCoretype(emr), 'SKYLAKEX');
  const zen4 = parseCpuInfo(text('AuthenticAMD', 25, 0x11, 'avx2 fma avx512f'), caches);
  assert.equal(zen4.uarch, 'zen4');
  assert.equal(openblasCoretype(zen4), undefined);
  const zen3 = parseCpuInfo(text('AuthenticAMD', 25, 1, 'avx2 fma'), caches);
  assert.equal(zen3.uarch, 'zen3');
  assert.equal(zen3.features.avx512f, false);
  assert.equal(zen3.mhz, 2100);
  const skx = parseCpuInfo(text('GenuineIntel', 6, 0x55, 'avx2 fma avx512f'), caches);
  assert.equal(openblasCoretype(skx), undefined);
  const none = parseCpuInfo('', caches);
  assert.equal(none.vendor, 'other');
  assert.equal(none.uarch, 'generic');
});
