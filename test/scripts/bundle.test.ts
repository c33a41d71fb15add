/**
 * The build step's bundler on small module graphs written here: a script
 * bundle and its chunks run by the package entry's loader share one table
 * of modules (a class is the same class from both), a chunk's own dynamic
 * import of a module of the bundle is that module, what it leaves out is
 * imported as a file, and the shapes it cannot bundle are errors.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { bundle } from '../../scripts/bundle.js';
import { runBundle } from '../../src/host/build/code-cache.js';
import { tmpDir } from '../support/tmp.js';

// These bundles are throwaway: no code cache of them in the user's cache directory.
process.env.SIDECAR_COMPILE_CACHE = '0';

/** Writes `files` (name → source) into a new directory; its path. */
function project(files: Record<string, string>): string {
  const dir = tmpDir('sidecar-bundle-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Bundles `dir/index.js` as a script with `chunks`, writes it and its chunks, and runs it. */
function run(dir: string, chunks: string[]): Record<string, unknown> {
  const b = bundle(path.join(dir, 'index.js'), 'script', chunks);
  fs.writeFileSync(path.join(dir, 'out.js'), b.text);
  for (const [name, text] of b.chunks) fs.writeFileSync(path.join(dir, `out.${name}.js`), text);
  return runBundle(new URL(`file://${path.join(dir, 'out.js')}`), (s) => import(s));
}

describe('the bundler', () => {
  it('runs a chunk over the modules of the bundle: one class, one state, loaded when first imported', async () => {
    const dir = project({
      'errors.js': 'export class AppError extends Error {}\nexport const seen = [];\n',
      'index.js': [
        "import { AppError, seen } from './errors.js';",
        "import { util } from './util.js';",
        "import fs from 'node:fs';",
        'export { util };',
        'export { AppError };',
        "export const layer = () => import('./layer/main.js');",
        "export const same = () => import('./errors.js');",
        "export const file = () => import('./plain.js');",
        'export const loaded = () => seen.slice();',
        "export const here = typeof fs.readFileSync === 'function';",
        '',
      ].join('\n'),
      'layer/main.js': [
        "import { AppError, seen } from '../errors.js';",
        "import { helper } from './helper.js';",
        "seen.push('layer');",
        'export function fail() { throw new AppError(helper()); }',
        "export const errors = () => import('../errors.js');",
        "export const util = () => import('../util.js');",
        '',
      ].join('\n'),
      'layer/helper.js': "export const helper = () => 'from the chunk';\n",
      'util.js': 'export const util = {};\n',
      'plain.js': 'export const where = import.meta.url;\n',
    });
    const m = run(dir, ['layer/main.js']);
    const text = fs.readFileSync(path.join(dir, 'out.js'), 'utf8');
    assert.ok(!text.includes('// ---- layer/'), 'the chunk is not in the bundle');
    assert.equal(m.here, true);
    assert.deepEqual((m.loaded as () => string[])(), [], 'nothing of the chunk ran at import');
    const layer = (await (m.layer as () => Promise<Record<string, unknown>>)()) as {
      fail: () => never;
      errors: () => Promise<{ AppError: unknown }>;
      util: () => Promise<{ util: unknown }>;
    };
    assert.deepEqual((m.loaded as () => string[])(), ['layer']);
    assert.throws(
      () => layer.fail(),
      (e: unknown) => e instanceof (m.AppError as typeof Error) && /chunk/.test(`${e}`),
    );
    assert.equal((await layer.errors()).AppError, m.AppError, "the chunk's import of a bundled module is that module");
    assert.equal((await layer.util()).util, m.util, 'also of one the chunk imports only dynamically');
    assert.equal(
      ((await (m.same as () => Promise<{ AppError: unknown }>)()) as { AppError: unknown }).AppError,
      m.AppError,
    );
    await (m.layer as () => Promise<unknown>)();
    assert.deepEqual((m.loaded as () => string[])(), ['layer'], 'a chunk runs once');
    const plain = (await (m.file as () => Promise<{ where: string }>)()) as { where: string };
    assert.equal(plain.where, `file://${path.join(dir, 'plain.js')}`, 'what is left out is imported as its file');
  });

  it('refuses what it cannot bundle: export *, a computed dynamic import, a chunk imported statically, a shared chunk module', () => {
    const star = project({ 'index.js': "export * from './a.js';\n", 'a.js': 'export const a = 1;\n' });
    assert.throws(() => bundle(path.join(star, 'index.js'), 'script'), /export \* is not bundled/);
    const computed = project({ 'index.js': "const n = './a.js';\nexport const f = () => import(n);\n" });
    assert.throws(() => bundle(path.join(computed, 'index.js'), 'script'), /computed or non-relative/);
    const eager = project({
      'index.js': "import { a } from './a.js';\nexport { a };\n",
      'a.js': 'export const a = 1;\n',
    });
    assert.throws(() => bundle(path.join(eager, 'index.js'), 'script', ['a.js']), /imports it statically/);
    const shared = project({
      'index.js': "export const f = () => import('./a.js');\nexport const g = () => import('./b.js');\n",
      'a.js': "import { c } from './c.js';\nexport const a = c;\n",
      'b.js': "import { c } from './c.js';\nexport const b = c;\n",
      'c.js': 'export const c = 1;\n',
    });
    assert.throws(
      () => bundle(path.join(shared, 'index.js'), 'script', ['a.js', 'b.js']),
      /in chunk a and needed by chunk b/,
    );
  });
});
