/**
 * Build step: the package's entry as a few files. Importing the package
 * loads the host's modules (about thirty small files, one concept each);
 * Node's module loader spends most of an import on reading, resolving and
 * linking files one by one, so what Node loads is a bundle of them: each
 * module becomes a function scope in dependency order, its imports become
 * bindings to the exports of the modules before it.
 *
 * The bundle is a plain script, not an ES module: the entry in front of it
 * (dist/src/sidecar.js, with src/host/build/code-cache.ts bundled into it)
 * compiles it with `vm.Script` and a V8 code cache that holds every
 * function a process ran, not only the top level (see code-cache.ts).
 *
 * Layers a call may never need (the jail, Python, the solvers: CHUNKS) are
 * chunks: scripts of their own beside the bundle, run over the same table
 * of modules when their code is first imported, so a class the host and a
 * chunk share is one class. What the host loads on demand to build things
 * (the assembler, the generators, the Forth's sources) stays in its own
 * files and is reached by dynamic import, as from the modules themselves.
 *
 * It reads the JavaScript tsc emits, whose import and export statements
 * are regular: `import { a, b as c } from './x.js'`, `import x from 'node:y'`,
 * `export function|class|const f`, `export { a } from './x.js'`. The layers
 * have no import cycles, so dependency order is evaluation order.
 *
 * The same build step marks the package's `bin` files executable (tsc
 * writes them 0644, and `npx sidecar` in a fresh clone runs the file itself).
 *
 *   node dist/scripts/bundle.js [entry] [out]
 */

import fs from 'node:fs';
import path from 'node:path';

/** Modules (paths from the entry's directory) whose dynamic imports make a chunk of them and what only they use. */
export const CHUNKS = ['jail/index.js', 'python/session.js', 'python/python.js', 'matrix/linalg.js'];

interface Module {
  file: string;
  id: number;
  /** '' for the bundle itself, else the chunk's name. */
  chunk: string;
  body: string;
  exports: string[];
}

const IMPORT = /^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s+as\s+(\w+))?\s*(?:from\s+)?['"]([^'"]+)['"];?[ \t]*$/gm;
const EXPORT_DECL = /^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/gm;
const EXPORT_LIST = /^export\s+\{([^}]*)\}(?:\s+from\s+['"]([^'"]+)['"])?;?[ \t]*$/gm;
const EXPORT_STAR = /^export\s+\*\s+from\s+['"]([^'"]+)['"];?/m;
/** A dynamic import with a relative literal specifier (a method named `import` is not one: it has no quote). */
const DYNAMIC = /\bimport\((['"])(\.[^'"]+)\1\)/g;
/** Any other dynamic import, which a script cannot make (a line declaring a method `import(…) {` is not one). */
const OTHER_DYNAMIC = /(?<![\w$.])import\s*\((?!\s*['"]\.)/;
const IMPORT_METHOD = /^\s*(?:async\s+)?import\s*\([^)]*\)\s*\{/;

/** `a, b as c` → [[a, a], [b, c]] (source name, local name). */
function names(list: string): [string, string][] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('type '))
    .map((s) => {
      const [from, to] = s.split(/\s+as\s+/);
      return [from as string, (to ?? from) as string];
    });
}

function bindings(list: string): string {
  return names(list)
    .map(([from, to]) => (from === to ? from : `${from}: ${to}`))
    .join(', ');
}

/**
 * The text with every character outside ASCII written as a `\\u` escape,
 * which means the same in strings, regular expressions and comments: the
 * loader then reads it as one-byte text, which V8 scans faster.
 */
function ascii(text: string): string {
  return text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The chunk name of a module path: `python/session.js` → `python-session`. */
export function chunkName(rel: string): string {
  return rel.replace(/\.js$/, '').replace(/[^\w]+/g, '-');
}

type Format = 'module' | 'script';

/**
 * Collects the modules reachable from `entry` (and, for a script, from each
 * chunk's entry) in evaluation order. Dynamic imports are left as markers
 * `__dynamic("file")` until every module is known.
 */
function collect(entry: string, chunkEntries: readonly string[], format: Format): Map<string, Module> {
  const modules = new Map<string, Module>();
  const done = new Set<string>();
  const order: Module[] = [];
  let chunk = '';
  const visit = (file: string, stack: string[]): void => {
    const known = modules.get(file);
    if (known) {
      if (!done.has(file)) throw new Error(`import cycle: ${[...stack, file].join(' → ')}`);
      if (known.chunk !== '' && known.chunk !== chunk) {
        throw new Error(`${file} is in chunk ${known.chunk} and needed by chunk ${chunk}: import it from one place`);
      }
      return;
    }
    const src = fs.readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, '');
    const mod: Module = { file, id: modules.size, chunk, body: '', exports: [] };
    modules.set(file, mod);
    const lines: string[] = [];
    let body = src.replace(
      IMPORT,
      (_all, def: string | undefined, list: string | undefined, ns: string | undefined, spec: string) => {
        if (spec.startsWith('.')) {
          const dep = path.resolve(path.dirname(file), spec);
          visit(dep, [...stack, file]);
          if (def) throw new Error(`${file}: default import from ${spec}`);
          const m = `__m${(modules.get(dep) as Module).id}`;
          if (ns) lines.push(`const ${ns} = ${m};`);
          if (list && bindings(list) !== '') lines.push(`const { ${bindings(list)} } = ${m};`);
          return '';
        }
        // Node's own modules are required (an ES module's default export of one is its module.exports).
        const v = `__require('${spec}')`;
        if (def) lines.push(`const ${def} = ${v};`);
        if (ns) lines.push(`const ${ns} = ${v};`);
        if (list && bindings(list) !== '') lines.push(`const { ${bindings(list)} } = ${v};`);
        return '';
      },
    );
    if (EXPORT_STAR.test(body)) throw new Error(`${file}: export * is not bundled`);
    body = body.replace(EXPORT_DECL, (_all, kind: string, name: string) => {
      mod.exports.push(`get ${name}() { return ${name}; }`);
      return `${kind} ${name}`;
    });
    body = body.replace(EXPORT_LIST, (_all, list: string, spec: string | undefined) => {
      for (const [from, to] of names(list)) {
        if (spec) {
          const dep = path.resolve(path.dirname(file), spec);
          visit(dep, [...stack, file]);
          mod.exports.push(`get ${to}() { return __m${(modules.get(dep) as Module).id}.${from}; }`);
        } else mod.exports.push(`get ${to}() { return ${from}; }`);
      }
      return '';
    });
    // import.meta.url and dynamic imports keep meaning the module's own file.
    body = body
      .replace(/\bimport\.meta\.url\b/g, '__url')
      .replace(
        DYNAMIC,
        (_a, _q, spec: string) => `__dynamic(${JSON.stringify(path.resolve(path.dirname(file), spec))})`,
      );
    if (format === 'script' && body.split('\n').some((l) => OTHER_DYNAMIC.test(l) && !IMPORT_METHOD.test(l))) {
      throw new Error(`${file}: a dynamic import of a computed or non-relative specifier cannot be bundled`);
    }
    mod.body = [...lines, body].join('\n');
    done.add(file);
    order.push(mod);
  };
  visit(entry, []);
  for (const c of chunkEntries) {
    chunk = chunkName(path.relative(path.dirname(entry), c));
    if (modules.get(c)?.chunk === '') throw new Error(`${c} is a chunk but the bundle imports it statically`);
    visit(c, []);
  }
  // In evaluation order: every module after those it imports.
  return new Map(order.map((m) => [m.file, m]));
}

/** The text of one module: a function scope whose value is its exports. */
function moduleText(mod: Module, root: string, format: Format, modules: Map<string, Module>): string {
  const rel = path.relative(root, mod.file).split(path.sep).join('/');
  const body = mod.body.replace(/__dynamic\(("[^"]+")\)/g, (_a, quoted: string) => {
    const target = JSON.parse(quoted) as string;
    const t = modules.get(target);
    if (t && format === 'script') {
      return t.chunk === '' ? `Promise.resolve(__m${t.id})` : `__chunk('${t.chunk}').then(() => __modules[${t.id}])`;
    }
    const spec = path.relative(path.dirname(mod.file), target).split(path.sep).join('/');
    const href = `new URL('${spec.startsWith('.') ? spec : `./${spec}`}', __url).href`;
    return format === 'script' ? `__import(${href})` : `import(${href})`;
  });
  const base = format === 'script' ? '__bundleUrl' : 'import.meta.url';
  const value = `(() => {\nconst __url = new URL('./${rel}', ${base}).href;\n${body.trim()}\nreturn { ${mod.exports.join(', ')} };\n})()`;
  const store = format === 'script' ? `__modules[${mod.id}] = ` : '';
  return `// ---- ${rel}\nconst __m${mod.id} = ${store}${value};`;
}

const HEADER = '// Generated by scripts/bundle.ts from the modules under src/: edit those, not this file.';
const PARAMS = '__require, __import, __chunk, __bundleUrl, __modules';

export interface Bundle {
  /** The bundle: an ES module, or a script whose value is a function of the loader's helpers (code-cache.ts). */
  text: string;
  /** Chunks by name (scripts only). */
  chunks: Map<string, string>;
  /** The entry's exports. */
  names: string[];
}

/**
 * Bundles `entry`, to be written in `outDir` (default: the entry's
 * directory; `import.meta.url` of each module is made from it). As an ES
 * module (`module`) it exports the entry's exports; as a script it is a
 * function of the loader's helpers, and `chunks` (paths from the entry's
 * directory) become scripts of their own. Both take Node's modules by
 * `process.getBuiltinModule` where Node has it (no ES module facade to make
 * for each).
 */
export function bundle(
  entry: string,
  format: Format = 'module',
  chunks: readonly string[] = [],
  outDir = path.dirname(path.resolve(entry)),
): Bundle {
  const file = path.resolve(entry);
  const root = path.resolve(outDir);
  const modules = collect(
    file,
    chunks.map((c) => path.resolve(path.dirname(file), c)),
    format,
  );
  const entryMod = modules.get(file) as Module;
  const names = entryMod.exports.map((g) => (g.match(/^get (\S+)\(\)/) as RegExpMatchArray)[1] as string);
  const core = [...modules.values()].filter((m) => m.chunk === '');
  if (format === 'module') {
    const out = [
      HEADER,
      "const __require = process.getBuiltinModule ? (s) => process.getBuiltinModule(s) : (await import('node:module')).createRequire(import.meta.url);",
    ];
    for (const m of core) out.push(moduleText(m, root, format, modules));
    out.push(`export const { ${names.join(', ')} } = __m${entryMod.id};`);
    return { text: `${out.join('\n')}\n`, chunks: new Map(), names };
  }
  // A script: its modules, after bindings to the modules of the bundle a chunk uses (from the shared table).
  const script = (mods: Module[], tail: string): string => {
    const texts = mods.map((m) => moduleText(m, root, format, modules));
    const own = new Set(mods.map((m) => m.id));
    const uses = new Set<number>();
    for (const t of texts)
      for (const r of t.matchAll(/\b__m(\d+)\b/g)) if (!own.has(Number(r[1]))) uses.add(Number(r[1]));
    const out = [HEADER, `(function (${PARAMS}) {`, "'use strict';"];
    for (const id of [...uses].sort((a, b) => a - b)) out.push(`const __m${id} = __modules[${id}];`);
    out.push(...texts, tail, '})');
    return ascii(`${out.join('\n')}\n`);
  };
  const byChunk = new Map<string, Module[]>();
  for (const m of modules.values()) if (m.chunk !== '') byChunk.set(m.chunk, [...(byChunk.get(m.chunk) ?? []), m]);
  const out = new Map<string, string>();
  for (const [name, mods] of byChunk) out.set(name, script(mods, ''));
  return { text: script(core, `return __m${entryMod.id};`), chunks: out, names };
}

/**
 * The package's entry in front of the bundle: the loader (code-cache.ts,
 * bundled as an ES module) runs the bundle script and exports what the
 * package's index exports. It also turns on Node's compile cache where
 * there is one (Node 22.1 and later) for the files the bundle leaves out,
 * unless SIDECAR_COMPILE_CACHE=0.
 */
export function entryStub(loader: Bundle, bundleFile: string, names: readonly string[]): string {
  const body = loader.text.replace(/\nexport const \{[^}]*\} = [^;]+;\n$/, '\n');
  const run = (loader.text.match(/\nexport const \{[^}]*\} = ([^;]+);\n$/) as RegExpMatchArray)[1] as string;
  return [
    body.trimEnd(),
    "// The package entry: Node's compile cache for the files the bundle leaves out, then the bundle.",
    `if (process.env.SIDECAR_COMPILE_CACHE !== '0') __require('node:module').enableCompileCache?.();`,
    `const __entry = ${run}.runBundle(new URL('./${bundleFile}', import.meta.url), (s) => import(s));`,
    `export const { ${names.join(', ')} } = __entry;`,
    '',
  ].join('\n');
}

/** Where keys.ts leaves the bundled keys open, as tsc writes it. */
const KEYS_MARKER = 'const BUNDLED_KEYS = null;';

/**
 * The bundle text with the cache keys of every artefact the package
 * registers filled in (host/build/keys.ts): computed from the modules now,
 * as a start would compute them, so a warm start from the bundle reads no
 * generator's files to know its key.
 */
async function withBundledKeys(text: string, srcDir: string): Promise<string> {
  const at = text.indexOf(KEYS_MARKER);
  if (at < 0 || text.indexOf(KEYS_MARKER, at + 1) >= 0) {
    throw new Error(`bundle: expected ${KEYS_MARKER} once in host/build/keys.js`);
  }
  const url = (rel: string) => new URL(`file://${path.join(srcDir, rel)}`).href;
  const keys = (await import(url('host/build/keys.js'))) as typeof import('../src/host/build/keys.js');
  const registry = (await import(url('host/build/artifacts.js'))) as typeof import('../src/host/build/artifacts.js');
  // Every module that registers an artefact (the host's two, the Forth kernel).
  await import(url('host/addon.js'));
  await import(url('forth/artifact.js'));
  const table: Record<string, string> = {};
  for (const a of registry.artifacts()) {
    const data = a.data?.() ?? [];
    const id = keys.bundledId(a.generator, data);
    if (id === null) throw new Error(`bundle: the generator of ${a.name} is outside ${srcDir}`);
    table[id] = keys.computeKey(a.generator, data);
  }
  return text.replace(KEYS_MARKER, `const BUNDLED_KEYS = ${JSON.stringify(table)};`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  const here = path.dirname(new URL(import.meta.url).pathname);
  const entry = process.argv[2] ?? path.join(here, '../src/index.js');
  const outFile = process.argv[3] ?? path.join(path.dirname(entry), 'sidecar.js');
  const dir = path.dirname(outFile);
  const bundleFile = 'sidecar-bundle.js';
  const b = bundle(entry, 'script', CHUNKS);
  b.text = await withBundledKeys(b.text, path.dirname(entry));
  for (const f of fs.readdirSync(dir)) if (/^sidecar-bundle\..+\.js$/.test(f)) fs.rmSync(path.join(dir, f));
  fs.writeFileSync(path.join(dir, bundleFile), b.text);
  for (const [name, text] of b.chunks) fs.writeFileSync(path.join(dir, `sidecar-bundle.${name}.js`), text);
  const loader = bundle(path.join(path.dirname(entry), 'host/build/code-cache.js'), 'module', [], dir);
  fs.writeFileSync(outFile, entryStub(loader, bundleFile, b.names));
  const root = path.join(here, '../..');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
  for (const bin of Object.values(pkg.bin ?? {})) fs.chmodSync(path.join(root, bin), 0o755);
}
