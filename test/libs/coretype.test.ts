/**
 * OPENBLAS_CORETYPE in the sidecar's environment: added for CPUs the
 * installed OpenBLAS may not know (known /proc/cpuinfo texts), never over
 * the user's own value, and what a real sidecar gets (read back from
 * /proc/PID/environ) and what OpenBLAS then says it runs.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { sidecarEnvironment } from '../../src/host/process.js';
import { openBlas, Sidecar } from '../../src/index.js';
import { cpuInfo, openblasCoretype, parseCpuInfo } from '../../src/sys/cpu.js';

const caches = { l1d: 48 * 1024, l2: 2 << 20, l3: 0, l3SharedBy: 1 };
const cpu = (vendor: string, family: number, model: number, flags: string) => () =>
  parseCpuInfo(
    `processor\t: 0\nvendor_id\t: ${vendor}\ncpu family\t: ${family}\nmodel\t\t: ${model}\nflags\t\t: fpu sse2 ${flags}\n`,
    caches,
  );
const emeraldRapids = cpu('GenuineIntel', 6, 0xcf, 'avx2 fma avx512f avx512_bf16');
const zen3 = cpu('AuthenticAMD', 25, 1, 'avx2 fma');
const coretypes = (env: string[]) => env.filter((e) => e.startsWith('OPENBLAS_CORETYPE='));

test('coretype: set for a CPU OpenBLAS 0.3.21 does not know, kept when the user sets one, absent otherwise', () => {
  assert.deepEqual(coretypes(sidecarEnvironment({ PATH: '/bin' }, emeraldRapids)), ['OPENBLAS_CORETYPE=SKYLAKEX']);
  assert.deepEqual(coretypes(sidecarEnvironment({ OPENBLAS_CORETYPE: 'Haswell' }, emeraldRapids)), [
    'OPENBLAS_CORETYPE=Haswell',
  ]);
  assert.deepEqual(coretypes(sidecarEnvironment({ OPENBLAS_CORETYPE: '' }, emeraldRapids)), ['OPENBLAS_CORETYPE=']);
  assert.deepEqual(coretypes(sidecarEnvironment({ PATH: '/bin' }, zen3)), []);
  assert.deepEqual(sidecarEnvironment({ A: '1', B: undefined }, zen3), ['A=1']);
});

const environ = (pid: number) => fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);

test("coretype: a real sidecar's environment, and the core OpenBLAS picks from it", async (t) => {
  const { OPENBLAS_CORETYPE: _, ...env } = process.env;
  const expected = openblasCoretype(cpuInfo());
  {
    const sc = await Sidecar.start({ env, stdio: 'ignore' });
    try {
      assert.deepEqual(coretypes(environ(sc.pid)), expected ? [`OPENBLAS_CORETYPE=${expected}`] : []);
    } finally {
      await sc.stop();
    }
  }
  const sc = await Sidecar.start({ env: { ...env, OPENBLAS_CORETYPE: 'Sandybridge' }, stdio: 'ignore' });
  try {
    assert.deepEqual(coretypes(environ(sc.pid)), ['OPENBLAS_CORETYPE=Sandybridge']);
    let blas: Awaited<ReturnType<typeof openBlas>>;
    try {
      blas = await openBlas(sc);
    } catch (e) {
      t.skip(`OpenBLAS is not installed here (${(e as Error).message.slice(0, 100)})`);
      return;
    }
    const config = await blas.config();
    if (!/DYNAMIC_ARCH/.test(config)) {
      t.skip(`this OpenBLAS is built for one core (${config}): it ignores OPENBLAS_CORETYPE`);
      return;
    }
    assert.equal(await blas.corename(), 'Sandybridge');
  } finally {
    await sc.stop();
  }
});
