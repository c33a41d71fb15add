/**
 * A jail policy as the block the sidecar applies (src/channel/jail.ts): the
 * host's plan (JailPlan) writes it before each spawn and reads back what the
 * sidecar reached.
 */

import { JAIL_BLOCK, JAIL_FLAG, JAIL_INIT, JAIL_MAGIC, JAIL_STEP, LANDLOCK_ABI_MAX } from '../channel/jail.js';
import type { JailPlan, JailReport } from '../host/jailing.js';
import { RLIMIT } from '../sys/linux.js';
import { masksByAbi, type PathRule, pathRules } from './landlock.js';
import type { JailPolicy } from './options.js';
import { seccompFilter } from './seccomp.js';

const STEP_NAMES: Record<number, string> = {
  [JAIL_STEP.preload]: 'preloading a library',
  [JAIL_STEP.noNewPrivs]: 'PR_SET_NO_NEW_PRIVS',
  [JAIL_STEP.rlimits]: 'setting a resource limit',
  [JAIL_STEP.landlock]: 'the Landlock ruleset',
  [JAIL_STEP.seccomp]: 'the seccomp filter',
  [JAIL_STEP.init]: 'starting Python (jail.python)',
};

const ERRNO: Record<number, string> = {
  1: 'EPERM',
  2: 'ENOENT',
  13: 'EACCES',
  22: 'EINVAL',
  38: 'ENOSYS',
  95: 'EOPNOTSUPP',
};

export function makePlan(policy: JailPolicy, where: string): JailPlan {
  const rules: PathRule[] = pathRules(where, policy.read, policy.write, policy.optional);
  const filter = seccompFilter({ threads: policy.threads, network: policy.network !== false });
  const rlimits: [number, number][] = [
    [RLIMIT.CORE, 0],
    [RLIMIT.FSIZE, policy.fileSize],
    [RLIMIT.NOFILE, policy.maxFiles],
  ];
  if (policy.memory !== null) rlimits.push([RLIMIT.DATA, policy.memory]);
  if (policy.cpuSeconds !== null) rlimits.push([RLIMIT.CPU, policy.cpuSeconds]);
  const ports = policy.network === false ? [] : policy.network;
  const py = policy.python;
  const preload = py ? [...policy.preload, py.library] : policy.preload;
  // CPython started (Py_InitializeEx(0): no signal handlers of its own) and the imports run, the GIL kept by
  // the thread that serves the requests; PyRun_SimpleString returns 0 when the imports worked.
  const inits: [string, bigint | string, boolean][] = py
    ? [
        ['Py_InitializeEx', 0n, false],
        ...(py.imports.length
          ? [['PyRun_SimpleString', py.imports.map((m) => `import ${m}`).join('\n'), true] as [string, string, boolean]]
          : []),
      ]
    : [];
  const strings = [...preload, ...rules.map((r) => r.path)].map((s) => Buffer.from(`${s}\0`, 'utf8'));
  const initStrings = inits
    .flatMap(([sym, arg]) => [sym, ...(typeof arg === 'string' ? [arg] : [])])
    .map((s) => Buffer.from(`${s}\0`, 'utf8'));
  const at = {
    preloads: JAIL_BLOCK.size,
    rlimits: JAIL_BLOCK.size + 8 * preload.length,
    inits: 0,
    fsRules: 0,
    ports: 0,
    filter: 0,
    strings: 0,
  };
  at.inits = at.rlimits + 16 * rlimits.length;
  at.fsRules = at.inits + JAIL_INIT.size * inits.length;
  at.ports = at.fsRules + 16 * rules.length;
  at.filter = at.ports + 8 * ports.length;
  at.strings = at.filter + filter.bytes.length;
  const size = at.strings + [...strings, ...initStrings].reduce((n, b) => n + b.length, 0);
  const masks = masksByAbi();

  return {
    size,
    write(u8, offset, address) {
      u8.fill(0, offset, offset + size);
      const dv = new DataView(u8.buffer, u8.byteOffset + offset, size);
      const q = (o: number, v: bigint | number) => dv.setBigUint64(o, BigInt(v), true);
      dv.setUint32(JAIL_BLOCK.magic, JAIL_MAGIC, true);
      dv.setUint32(
        JAIL_BLOCK.flags,
        JAIL_FLAG.landlock |
          JAIL_FLAG.seccomp |
          (policy.bestEffort ? JAIL_FLAG.bestEffort : 0) |
          (py ? JAIL_FLAG.preloadGlobal : 0),
        true,
      );
      dv.setUint32(JAIL_BLOCK.preloadCount, preload.length, true);
      dv.setUint32(JAIL_BLOCK.initCount, inits.length, true);
      q(JAIL_BLOCK.inits, address + at.inits);
      dv.setUint32(JAIL_BLOCK.rlimitCount, rlimits.length, true);
      dv.setUint32(JAIL_BLOCK.fsRuleCount, rules.length, true);
      dv.setUint32(JAIL_BLOCK.portCount, ports.length, true);
      q(JAIL_BLOCK.preloads, address + at.preloads);
      q(JAIL_BLOCK.rlimits, address + at.rlimits);
      q(JAIL_BLOCK.fsRules, address + at.fsRules);
      q(JAIL_BLOCK.ports, address + at.ports);
      q(JAIL_BLOCK.filter, address + at.filter);
      q(JAIL_BLOCK.filterLength, filter.insns.length);
      for (let abi = 0; abi <= LANDLOCK_ABI_MAX; abi++) {
        q(JAIL_BLOCK.fsMask + 8 * abi, masks.fs[abi] as bigint);
        q(JAIL_BLOCK.netMask + 8 * abi, masks.net[abi] as bigint);
        q(JAIL_BLOCK.scopeMask + 8 * abi, masks.scope[abi] as bigint);
        q(JAIL_BLOCK.attrSize + 8 * abi, masks.attrSize[abi] as bigint);
      }
      let s = at.strings;
      const put = (b: Buffer): number => {
        u8.set(b, offset + s);
        s += b.length;
        return address + s - b.length;
      };
      let k = 0;
      preload.forEach((_, i) => {
        q(at.preloads + 8 * i, put(strings[k++] as Buffer));
      });
      let j = 0;
      inits.forEach(([, arg, mustBeZero], i) => {
        const e = at.inits + JAIL_INIT.size * i;
        q(e + JAIL_INIT.symbol, put(initStrings[j++] as Buffer));
        q(e + JAIL_INIT.arg, typeof arg === 'string' ? put(initStrings[j++] as Buffer) : arg);
        q(e + JAIL_INIT.mustBeZero, mustBeZero ? 1 : 0);
      });
      rlimits.forEach(([r, v], i) => {
        q(at.rlimits + 16 * i, r);
        q(at.rlimits + 16 * i + 8, v);
      });
      rules.forEach((r, i) => {
        q(at.fsRules + 16 * i, put(strings[k++] as Buffer));
        q(at.fsRules + 16 * i + 8, r.access);
      });
      ports.forEach((p, i) => {
        q(at.ports + 8 * i, p);
      });
      u8.set(filter.bytes, offset + at.filter);
    },

    report(u8, offset): JailReport {
      const dv = new DataView(u8.buffer, u8.byteOffset + offset, JAIL_BLOCK.size);
      const i32 = (o: number) => dv.getInt32(o, true);
      const abi = Math.max(0, i32(JAIL_BLOCK.landlockAbi));
      const landlock = i32(JAIL_BLOCK.landlock) === 1;
      const seccomp = i32(JAIL_BLOCK.seccomp) === 1;
      const missing: string[] = [];
      if (!landlock)
        missing.push(`Landlock (the kernel answered ${i32(JAIL_BLOCK.landlockAbi)}): paths and ports are not confined`);
      else {
        if (abi < 4 && policy.network !== false)
          missing.push(`TCP port rules (Landlock ABI ${abi} < 4): connect is not limited to the ports`);
        if (abi < 6) missing.push(`signal and abstract-socket scoping (Landlock ABI ${abi} < 6)`);
      }
      if (!seccomp)
        missing.push(`the seccomp filter (${errnoName(-i32(JAIL_BLOCK.seccomp))}): system calls are not filtered`);
      return {
        landlockAbi: abi,
        landlock,
        seccomp,
        noNewPrivs: i32(JAIL_BLOCK.noNewPrivs) === 1,
        network: policy.network === false ? false : [...policy.network],
        ports: landlock && abi >= 4,
        scoped: landlock && abi >= 6,
        threads: policy.threads,
        limits: {
          memory: policy.memory,
          cpuSeconds: policy.cpuSeconds,
          maxFiles: policy.maxFiles,
          core: 0,
          fileSize: policy.fileSize,
        },
        fs: { read: rules.filter((r) => !policy.write.includes(r.path)).map((r) => r.path), write: [...policy.write] },
        preload: [...policy.preload],
        missing,
      };
    },

    failure(u8, offset, errorText) {
      const dv = new DataView(u8.buffer, u8.byteOffset + offset, JAIL_BLOCK.size);
      const i32 = (o: number) => dv.getInt32(o, true);
      const step = dv.getUint32(JAIL_BLOCK.step, true);
      const errno = errnoName(i32(JAIL_BLOCK.errno));
      const p = i32(JAIL_BLOCK.preloadFailed);
      if (p > 0) return `preloading ${preload[p - 1]} failed: ${errorText || 'dlopen returned NULL'}`;
      const n = i32(JAIL_BLOCK.initFailed);
      if (n > 0) {
        const [sym] = inits[n - 1] as [string, unknown, boolean];
        return sym === 'PyRun_SimpleString'
          ? `jail.python: importing ${py?.imports.join(', ')} failed (the traceback went to the sidecar's stderr)`
          : `jail.python: ${sym} is not in ${py?.library}: ${errorText || 'dlsym returned NULL'}`;
      }
      const r = i32(JAIL_BLOCK.rlimitFailed);
      if (r > 0) return `setrlimit(${(rlimits[r - 1] as [number, number])[0]}) failed (${errno})`;
      const f = i32(JAIL_BLOCK.fsRuleFailed);
      if (f > 0) return `the Landlock rule for ${rules[f - 1]?.path} failed (${errno})`;
      if (step === JAIL_STEP.landlock && i32(JAIL_BLOCK.landlockAbi) <= 0) {
        return `this kernel has no Landlock (${errno}); pass jail: { bestEffort: true } to run without it`;
      }
      if (step === JAIL_STEP.seccomp)
        return `the seccomp filter was refused (${errno}); pass jail: { bestEffort: true } to run without it`;
      return `${STEP_NAMES[step] ?? `step ${step}`} failed (${errno})`;
    },
  };
}

function errnoName(e: number): string {
  return ERRNO[e] ?? `errno ${e}`;
}
