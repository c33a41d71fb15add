/**
 * Build step: the package's entry as one file. Importing the package loads
 * the host's modules (about thirty small files, one concept each); Node's
 * module loader spends most of an import on reading, resolving and linking
 * files one by one, so the entry Node loads is this bundle of them
 * (dist/sidecar.js): each module becomes a function scope in dependency
 * order, its imports become bindings to the exports of the modules before
 * it. What the host loads on demand (the assembler, the generators, the
 * Forth's sources, the linker) stays in its own files and is reached by
 * dynamic import, exactly as from the modules themselves.
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

interface Module {
  file: string;
  /** Relative imports, resolved: [file, bindings text or null for `* as`/side effect, namespace name]. */
  deps: string[];
  body: string;
  exports: string[];
}

const IMPORT = /^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s+as\s+(\w+))?\s*(?:from\s+)?['"]([^'"]+)['"];?[ \t]*$/gm;
const EXPORT_DECL = /^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/gm;
const EXPORT_LIST = /^export\s+\{([^}]*)\}(?:\s+from\s+['"]([^'"]+)['"])?;?[ \t]*$/gm;
const EXPORT_STAR = /^export\s+\*\s+from\s+['"]([^'"]+)['"];?/m;

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

export function bundle(entry: string): string {
  const modules = new Map<string, Module>();
  const order: string[] = [];
  const builtins = new Map<string, string>(); // specifier → namespace variable
  const id = (file: string): string => `__m${[...modules.keys()].indexOf(file)}`;
  const builtin = (spec: string): string => {
    let v = builtins.get(spec);
    if (!v) {
      v = `__node_${spec.replace(/\W/g, '_')}`;
      builtins.set(spec, v);
    }
    return v;
  };

  const visit = (file: string, stack: string[]): void => {
    if (modules.has(file)) {
      if (!order.includes(file)) throw new Error(`import cycle: ${[...stack, file].join(' → ')}`);
      return;
    }
    const src = fs.readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, '');
    const mod: Module = { file, deps: [], body: '', exports: [] };
    modules.set(file, mod);
    const lines: string[] = [];
    let body = src.replace(
      IMPORT,
      (_all, def: string | undefined, list: string | undefined, ns: string | undefined, spec: string) => {
        if (spec.startsWith('.')) {
          const dep = path.resolve(path.dirname(file), spec);
          visit(dep, [...stack, file]);
          mod.deps.push(dep);
          if (def) throw new Error(`${file}: default import from ${spec}`);
          if (ns) lines.push(`const ${ns} = ${id(dep)};`);
          if (list) {
            const b = names(list).map(([from, to]) => (from === to ? from : `${from}: ${to}`));
            if (b.length > 0) lines.push(`const { ${b.join(', ')} } = ${id(dep)};`);
          }
          return '';
        }
        const v = builtin(spec);
        if (def) lines.push(`const ${def} = ${v}.default;`);
        if (ns) lines.push(`const ${ns} = ${v};`);
        if (list) {
          const b = names(list).map(([from, to]) => (from === to ? from : `${from}: ${to}`));
          if (b.length > 0) lines.push(`const { ${b.join(', ')} } = ${v};`);
        }
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
          mod.deps.push(dep);
          mod.exports.push(`get ${to}() { return ${id(dep)}.${from}; }`);
        } else mod.exports.push(`get ${to}() { return ${from}; }`);
      }
      return '';
    });
    mod.body = [...lines, body].join('\n');
    order.push(file);
  };
  visit(path.resolve(entry), []);

  const root = path.dirname(path.resolve(entry));
  const out: string[] = ['// Generated by scripts/bundle.ts from the modules under src/: edit those, not this file.'];
  for (const [spec, v] of builtins) out.push(`import * as ${v} from '${spec}';`);
  const entryMod = modules.get(path.resolve(entry)) as Module;
  for (const file of order) {
    const mod = modules.get(file) as Module;
    const rel = path.relative(root, file).split(path.sep).join('/');
    // import.meta.url and dynamic imports keep meaning the module's own file.
    const body = mod.body
      .replace(/\bimport\.meta\.url\b/g, '__url')
      .replace(/\bimport\((['"])(\.[^'"]+)\1\)/g, (_a, _q, spec: string) => `import(new URL('${spec}', __url).href)`);
    out.push(
      `// ---- ${rel}`,
      `const ${id(file)} = (() => {`,
      `const __url = new URL('./${rel}', import.meta.url).href;`,
      body.trim(),
      `return { ${mod.exports.join(', ')} };`,
      '})();',
    );
  }
  const exported = entryNames(entryMod.exports);
  out.push(`export const { ${exported.join(', ')} } = ${id(path.resolve(entry))};`);
  return `${out.join('\n')}\n`;
}

function entryNames(getters: readonly string[]): string[] {
  return getters.map((g) => (g.match(/^get (\S+)\(\)/) as RegExpMatchArray)[1] as string);
}

/**
 * The package's entry in front of the bundle: it turns on Node's compile
 * cache where there is one (Node 22.1 and later: the bundle's code is then
 * compiled once, not on every start, which halves the import), unless
 * SIDECAR_COMPILE_CACHE=0, and then loads the bundle. The cache is Node's
 * own (NODE_COMPILE_CACHE or its directory under the system's temp dir),
 * and applies to modules loaded after it in the process.
 */
export function entryStub(bundleFile: string, names: readonly string[]): string {
  return [
    "// The package entry: Node's compile cache where there is one, then the bundle (scripts/bundle.ts).",
    "import module from 'node:module';",
    "if (process.env.SIDECAR_COMPILE_CACHE !== '0') module.enableCompileCache?.();",
    `const m = await import('./${bundleFile}');`,
    `export const { ${names.join(', ')} } = m;`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  const here = path.dirname(new URL(import.meta.url).pathname);
  const entry = process.argv[2] ?? path.join(here, '../src/index.js');
  const outFile = process.argv[3] ?? path.join(path.dirname(entry), 'sidecar.js');
  const bundled = bundle(entry);
  const bundleFile = 'sidecar-bundle.js';
  fs.writeFileSync(path.join(path.dirname(outFile), bundleFile), bundled);
  const last = bundled.trimEnd().split('\n').pop() as string;
  const names = ((/^export const \{ (.*) \} =/.exec(last) as RegExpExecArray)[1] as string).split(', ');
  fs.writeFileSync(outFile, entryStub(bundleFile, names));
  const root = path.join(here, '../..');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
  for (const bin of Object.values(pkg.bin ?? {})) fs.chmodSync(path.join(root, bin), 0o755);
}
