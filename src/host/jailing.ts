/**
 * Where the host meets the jail (src/jail, a layer above the host): the
 * jail registers a provider when it is imported, and `Sidecar.start({ jail })`
 * asks it for a plan: the policy as bytes the host writes into the region
 * before every spawn, and the decoding of what the sidecar reached. The
 * package entry does not import the jail: it registers how to load it, and
 * the first start that asks for a jail loads it (`loadJail`). The host
 * knows only this interface.
 */

/** The options of `Sidecar.start({ jail })` (checked and resolved by src/jail/options.ts). */
export interface JailOptions {
  /** Paths the sidecar may read (and map as code) and write, besides the library directories (read-only). */
  fs?: { read?: string[]; write?: string[] };
  /** false (default): no sockets; or the TCP ports it may connect to. */
  network?: false | number[];
  /** Data memory (RLIMIT_DATA: heap, anonymous maps, thread stacks; not the shared region) in bytes; null for no limit. */
  memory?: number | null;
  /** CPU time (RLIMIT_CPU) in seconds; null (default) for no limit. */
  cpuSeconds?: number | null;
  /** Open files (RLIMIT_NOFILE), default 256. */
  maxFiles?: number;
  /** Largest file it may write (RLIMIT_FSIZE) in bytes, default 2^40 (the region is written through its fd, so at least its size). */
  fileSize?: number;
  /** Threads allowed (default true: OpenBLAS needs them). */
  threads?: boolean;
  /** Libraries to dlopen before the jail closes (sonames or paths): then they need no readable directory. */
  preload?: string[];
  /** Go on without Landlock or seccomp where the kernel lacks them; `sc.jail.missing` says what is missing. */
  bestEffort?: boolean;
  /**
   * Start CPython, and import these modules, while the jail is being set up:
   * after the Landlock ruleset, before the seccomp filter. `sc.python()` then
   * finds the interpreter running. `true`: libpython alone; `{ imports:
   * ['numpy'], library? }`: with the modules (and that libpython).
   */
  python?: boolean | { imports?: string[]; library?: string };
}

/** What a jailed sidecar reached, as `sc.jail` reports it. */
export interface JailReport {
  /** The Landlock ABI the kernel answered (0: no Landlock). */
  landlockAbi: number;
  /** The Landlock ruleset is in force (paths, and TCP ports where the ABI has them). */
  landlock: boolean;
  /** The seccomp filter is in force on every thread. */
  seccomp: boolean;
  noNewPrivs: boolean;
  /** false: no sockets; else the TCP ports it may connect to. */
  network: false | number[];
  /** TCP ports are enforced (Landlock ABI ≥ 4); signals and abstract sockets scoped (ABI ≥ 6). */
  ports: boolean;
  scoped: boolean;
  threads: boolean;
  /** The rlimits set (soft = hard); null for unlimited. */
  limits: { memory: number | null; cpuSeconds: number | null; maxFiles: number; core: 0; fileSize: number };
  fs: { read: string[]; write: string[] };
  preload: string[];
  /** What the jail goes without on this kernel (bestEffort), in words; empty when complete. */
  missing: string[];
}

export interface JailPlan {
  /** Bytes of the block. */
  readonly size: number;
  /** Writes the block into `u8` at `offset`, whose address in the sidecar is `address`. */
  write(u8: Uint8Array, offset: number, address: number): void;
  /** What the sidecar reached, read from the block after it answered. */
  report(u8: Uint8Array, offset: number): JailReport;
  /** Why the jail could not be applied (the sidecar exited with EXIT_CODE.jailFailed); `errorText` is dlerror()'s. */
  failure(u8: Uint8Array, offset: number, errorText: string): string;
}

export interface JailProvider {
  /** Checks `options` (a TypeError or RangeError naming the option) and makes the plan. */
  plan(options: unknown, where: string): JailPlan;
}

let provider: JailProvider | null = null;
let loader: (() => Promise<unknown>) | null = null;

export function provideJail(p: JailProvider): void {
  provider = p;
}

/** Registers how to load the jail (an import of the module that calls provideJail). */
export function provideJailLoader(load: () => Promise<unknown>): void {
  loader = load;
}

/**
 * Loads the jail if start options ask for one (`jail` is their `jail`) and
 * it is not loaded yet: before the options are checked, which needs it.
 */
export async function loadJail(jail: unknown): Promise<void> {
  if (jail === undefined || jail === false || provider || !loader) return;
  await loader();
}

/** `loadJail` for start options of any shape (what is not an object asks for nothing; the checks reject it). */
export function loadJailFor(opts: unknown): Promise<void> {
  return opts !== null && typeof opts === 'object' ? loadJail((opts as { jail?: unknown }).jail) : Promise.resolve();
}

/** The plan for `options`; a TypeError when the jail is not loaded. */
export function jailPlan(options: unknown, where: string): JailPlan {
  if (!provider)
    throw new TypeError(`${where}: jail needs the jail module (import it from the package entry, 'sidecar')`);
  return provider.plan(options, where);
}
