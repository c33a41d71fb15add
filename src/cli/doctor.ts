/**
 * `sidecar doctor`: what this machine offers Sidecar. The facts about the
 * host come from the kernel and Node (uname, the glibc version Node reports,
 * /proc/cpuinfo): no native code runs in the host for them. Whether Sidecar
 * works comes from the only real test: start a sidecar, ping it, and dlopen
 * each library of the known set inside it.
 */

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import '../host/addon.js'; // registers the channel addon and the sidecar executable
import { artifacts, probeArtifact } from '../host/build/artifacts.js';
import { type CacheState, cacheDir } from '../host/build/cache.js';
import { LibraryError } from '../host/errors.js';
import type { JailReport } from '../host/jailing.js';
import { Sidecar } from '../host/sidecar.js';
import '../jail/index.js'; // Sidecar.start({ jail })
import { KNOWN_LIBRARIES } from '../libs/registry.js';
import { type BackendReport, backendReport } from '../matrix/backends.js';
import '../python/methods.js'; // sc.python()
import { CPU_FEATURES, type CpuInfo, cpuInfo } from '../sys/cpu.js';
import { type Command, jsonFlag, keepingAlive, packageVersion } from './command.js';

const usage = `usage: sidecar doctor [--json]

Prints, for this machine: the kernel, glibc and Node versions, the CPU and
the instruction set extensions Sidecar's kernels use (from /proc/cpuinfo),
the artefact cache and whether the artefacts are built, then starts a sidecar
(which builds them if needed), pings it, and reports for each library of the
known set whether it loads in the sidecar and under which soname; for one
that does not, the Debian package that provides it (apt-get install NAME);
and the versions of the Python and NumPy sc.python() runs.

  --json   print the same as one JSON object

Exit status: 0 when a sidecar starts and answers, 1 otherwise.
`;

/**
 * The Debian 12 package that provides each library of the known set (Ubuntu
 * and later Debian releases use the same names, some with a t64 suffix).
 */
const DEBIAN_PACKAGES: Record<string, string> = {
  c: 'libc6',
  m: 'libc6',
  z: 'zlib1g',
  sqlite3: 'libsqlite3-0',
  curl: 'libcurl4',
  crypto: 'libssl3',
  openblas: 'libopenblas0',
  lapacke: 'liblapacke',
  python: 'libpython3.11',
  blis: 'libblis4-pthread',
};

interface LibraryReport {
  name: string;
  description: string;
  sonames: string[];
  /** The Debian package that provides it, if known. */
  package: string | null;
  present: boolean;
  /** The soname that loaded. */
  soname: string | null;
  /** Why it did not load, when the reason is not simply a missing file. */
  error: string | null;
}

interface DoctorReport {
  version: string;
  kernel: string;
  glibc: string | null;
  node: string;
  v8: string;
  cpu: CpuInfo;
  cache: { dir: string; artifacts: { name: string; path: string; state: CacheState }[] };
  sidecar: { ok: boolean; startMs: number | null; pingUs: number | null; pid: number | null; error: string | null };
  libraries: LibraryReport[];
  matrix: BackendReport | null;
  /** sc.python(): the libpython that loaded, its version and NumPy's (null when it does not import). */
  python: { soname: string | null; version: string | null; numpy: string | null; error: string | null } | null;
  /** Whether this machine can jail a sidecar: a jailed sidecar started with bestEffort, and what it reached. */
  jail: { ok: boolean; report: JailReport | null; error: string | null };
}

function glibcVersion(): string | null {
  const report = process.report as unknown as { excludeNetwork?: boolean; getReport(): object } | undefined;
  if (!report) return null;
  try {
    report.excludeNetwork = true; // no DNS look-ups for a version string
  } catch {
    // older Node: the property does not exist
  }
  const header = (report.getReport() as { header?: { glibcVersionRuntime?: string } }).header;
  return header?.glibcVersionRuntime ?? null;
}

const NOT_FOUND = /cannot open shared object file: No such file or directory/;

async function diagnose(): Promise<DoctorReport> {
  const dir = cacheDir();
  const report: DoctorReport = {
    version: packageVersion(),
    kernel: `${os.type()} ${os.release()} ${os.version()} ${os.machine()}`,
    glibc: glibcVersion(),
    node: process.version,
    v8: process.versions.v8,
    cpu: cpuInfo(),
    cache: {
      dir,
      artifacts: await Promise.all(
        artifacts().map(async (a) => {
          const p = await probeArtifact(a);
          return { name: a.name, path: p.path, state: p.state };
        }),
      ),
    },
    sidecar: { ok: false, startMs: null, pingUs: null, pid: null, error: null },
    libraries: [],
    matrix: null,
    python: null,
    jail: { ok: false, report: null, error: null },
  };

  let sc: Sidecar | null = null;
  try {
    const t0 = performance.now();
    sc = await Sidecar.start({ memory: 8 << 20, stdio: 'ignore', timeoutMs: 10_000 });
    report.sidecar.startMs = performance.now() - t0;
    report.sidecar.pid = sc.pid;
    const t1 = performance.now();
    const echo = await sc.ping(0x5ca1ab1en);
    report.sidecar.pingUs = (performance.now() - t1) * 1000;
    if (echo !== 0x5ca1ab1en) throw new Error(`ping answered ${echo}, not what it was sent`);
    report.sidecar.ok = true;
  } catch (e) {
    report.sidecar.error = e instanceof Error ? e.message : String(e);
  }

  for (const lib of Object.values(KNOWN_LIBRARIES)) {
    const r: LibraryReport = {
      name: lib.name,
      description: lib.description,
      sonames: lib.sonames,
      package: DEBIAN_PACKAGES[lib.name] ?? null,
      present: false,
      soname: null,
      error: null,
    };
    if (sc && report.sidecar.ok) {
      try {
        r.soname = (await sc.library(lib.name)).soname;
        r.present = true;
      } catch (e) {
        // Missing: every soname tried was not found; anything else is worth showing.
        const missing = e instanceof LibraryError && e.attempts.every((a) => NOT_FOUND.test(a.error));
        if (!missing) r.error = e instanceof Error ? e.message : String(e);
      }
    } else r.error = 'not checked: no sidecar';
    report.libraries.push(r);
  }
  if (sc && report.sidecar.ok && report.libraries.some((l) => l.name === 'python' && l.present)) {
    try {
      const py = await sc.python();
      const v = await py.versions();
      report.python = { soname: py.soname, version: v.python.split(' ')[0] ?? v.python, numpy: v.numpy, error: null };
    } catch (e) {
      report.python = { soname: null, version: null, numpy: null, error: e instanceof Error ? e.message : String(e) };
    }
  }
  if (sc && report.sidecar.ok) {
    try {
      report.matrix = await backendReport(sc);
    } catch {
      // the sidecar failed meanwhile: no matrix report
    }
  }
  await sc?.stop();
  if (report.sidecar.ok) {
    try {
      const jailed = await Sidecar.start({
        memory: 8 << 20,
        stdio: 'ignore',
        timeoutMs: 10_000,
        jail: { bestEffort: true },
      });
      report.jail.report = jailed.jail;
      report.jail.ok = jailed.jail?.missing.length === 0;
      await jailed.stop();
    } catch (e) {
      report.jail.error = e instanceof Error ? e.message : String(e);
    }
  }
  return report;
}

function formatReport(r: DoctorReport): string {
  const out: string[] = [];
  const row = (k: string, v: string) => out.push(`  ${k.padEnd(12)} ${v}`);
  out.push(`sidecar ${r.version}`, '', 'system');
  row('kernel', r.kernel);
  row('glibc', r.glibc ?? 'unknown (not glibc?)');
  row('node', `${r.node} (V8 ${r.v8})`);
  row('cpu', `${r.cpu.modelName}, ${r.cpu.logicalCpus} logical CPU${r.cpu.logicalCpus === 1 ? '' : 's'}`);
  const has = CPU_FEATURES.filter((f) => r.cpu.features[f]);
  const lacks = CPU_FEATURES.filter((f) => !r.cpu.features[f]);
  row('features', has.length ? has.join(' ') : '(none)');
  row('missing', lacks.length ? lacks.join(' ') : '(none)');
  const kib = (n: number) => (n >= 1 << 20 ? `${n / (1 << 20)} MiB` : `${n / 1024} KiB`);
  const c = r.cpu.caches;
  row(
    'core',
    `${r.cpu.uarch} (family ${r.cpu.family} model ${r.cpu.model}), L1d ${kib(c.l1d)}, L2 ${kib(c.l2)}, L3 ${kib(c.l3)}`,
  );
  out.push('', 'cache');
  row('dir', r.cache.dir);
  const said: Record<CacheState, string> = {
    valid: 'built',
    missing: 'not built',
    invalid: 'invalid (rewritten on use)',
  };
  for (const a of r.cache.artifacts) row(a.name, `${said[a.state]}  ${a.path}`);
  out.push('', 'sidecar');
  if (r.sidecar.ok) {
    row('status', `ok: started in ${r.sidecar.startMs?.toFixed(1)} ms (pid ${r.sidecar.pid})`);
    row('ping', `${r.sidecar.pingUs?.toFixed(0)} µs round trip`);
    row('', 'so memfd sharing, MAP_FIXED_NOREPLACE at the host address, futex and the doorbell pipe work');
  } else row('status', `FAILED: ${r.sidecar.error}`);
  out.push('', 'libraries (dlopen in the sidecar)');
  const install: string[] = [];
  for (const l of r.libraries) {
    const pkg = l.package ? `; Debian package ${l.package}` : '';
    if (l.present) row(l.name, `present    ${l.soname}`);
    else if (l.error) row(l.name, `not loaded: ${l.error}`);
    else row(l.name, `not found  (tried ${l.sonames.join(', ')}${pkg})`);
    if (!l.present && l.package && !l.error?.startsWith('not checked') && !install.includes(l.package))
      install.push(l.package);
  }
  if (r.python) {
    out.push('', 'python (sc.python())');
    if (r.python.error) row('status', `FAILED: ${r.python.error}`);
    else {
      row('python', `${r.python.version}  ${r.python.soname}`);
      row('numpy', r.python.numpy ?? 'not importable (Debian package python3-numpy)');
    }
  }
  if (r.matrix) {
    out.push('', 'matrix');
    row('matmul', r.matrix.matmul);
    row(
      'openblas',
      r.matrix.openblas ? `core ${r.matrix.openblas.corename}, ${r.matrix.openblas.threads} threads` : 'not loaded',
    );
    row('own f64', r.matrix.kernels.f64);
    row('own f32', r.matrix.kernels.f32);
  }
  if (install.length > 0)
    out.push('', `to install what is missing (Debian, Ubuntu): apt-get install ${install.join(' ')}`);
  out.push('', 'jail (a sidecar started with jail: { bestEffort: true })');
  const j = r.jail.report;
  if (!j) row('status', r.jail.error ? `FAILED: ${r.jail.error}` : 'not checked: no sidecar');
  else {
    row('status', r.jail.ok ? 'ok: this machine can jail a sidecar fully' : 'partial: see missing');
    row(
      'landlock',
      j.landlock ? `ABI ${j.landlockAbi} (ports ${j.ports ? 'yes' : 'no'}, scoping ${j.scoped ? 'yes' : 'no'})` : 'no',
    );
    row('seccomp', j.seccomp ? 'filter on every thread (TSYNC)' : 'no');
    row('no_new_privs', j.noNewPrivs ? 'yes' : 'no');
    const l = j.limits;
    row(
      'limits',
      `data ${l.memory ?? 'unlimited'} B, cpu ${l.cpuSeconds ?? 'unlimited'} s, files ${l.maxFiles}, core 0, file size ${l.fileSize} B`,
    );
    for (const m of j.missing) row('missing', m);
  }
  return `${out.join('\n')}\n`;
}

async function run(args: string[]): Promise<number> {
  const json = jsonFlag(args);
  const r = await keepingAlive(diagnose);
  process.stdout.write(json ? `${JSON.stringify(r, null, 2)}\n` : formatReport(r));
  return r.sidecar.ok ? 0 : 1;
}

export const command: Command = { usage, run };
