/**
 * The Sidecar: one native process serving one channel of its own shared
 * region. A thin facade over the modules that do the work: the region
 * (region.ts), the channel (channel.ts), the process (process.ts), bound
 * functions (call.ts), libraries (library.ts) and loaded code (code.ts).
 * It owns the options, the allow-list and the region's arena, and says
 * which channel calls go to.
 */

import { constants as bufferConstants } from 'node:buffer';
import { EventEmitter } from 'node:events';
import { type FieldSpecs, type Layout, type LayoutOptions, readValue } from '../abi/index.js';
import { VIOLATION } from '../channel/jail.js';
import { CONTROL, EXIT_CODE } from '../channel/layout.js';
import type { FlatImage } from '../link/index.js';
import { syscallName } from '../sys/syscalls.js';
import type { ObjectCode } from '../x86/assembler.js';
import { loadChannelAddon, SIDECAR_EXE } from './addon.js';
import type { CallOptions, Executor, NativeFunction } from './call.js';
import { Callback, callbackHandler } from './callback.js';
import { Channel } from './channel.js';
import { LoadedCode } from './code.js';
import { parsePrototype, scalarType } from './ctypes.js';
import {
  type ExitInfo,
  JailViolationError,
  LibraryError,
  SidecarError,
  SidecarExitedError,
  SidecarStartError,
} from './errors.js';
import { flatCode } from './image.js';
import { type JailOptions, type JailPlan, type JailReport, jailPlan, loadJailFor } from './jailing.js';
import { KNOWN_LIBRARIES, knownSonames } from './known.js';
import { Library } from './library.js';
import { ARRAY_TYPES, type RegionArray } from './marshal.js';
import { readBytesSync, readStringSync } from './memory.js';
import { checkCallOptions, checkChoice, checkKeys, checkTimeout, shown } from './options.js';
import type { SidecarOutput } from './output.js';
import { SidecarProcess } from './process.js';
import { MAX_REGION, Region } from './region.js';
import { COPY, DLOPEN, PING, RTLD_GLOBAL, RTLD_NOW } from './requests.js';
import {
  defineStruct,
  libcStructs,
  registerStruct,
  type StructType,
  type StructValue,
  structTypeOf,
} from './structs.js';
import { checkRestartPolicy, type RestartPolicy, Supervisor } from './supervisor.js';
import type { CallbackArgs } from './typed.js';

/** The spellings of 64-bit integer types, whose values `deref` gives as bigint. */
type Int64Spelling =
  | 'long'
  | 'unsigned long'
  | 'long long'
  | 'unsigned long long'
  | 'int64_t'
  | 'uint64_t'
  | 'size_t'
  | 'ssize_t'
  | 'intptr_t'
  | 'uintptr_t'
  | 'ptrdiff_t'
  | 'off_t';

export type { CallOptions, NativeFunction } from './call.js';
export type { RegionArray } from './marshal.js';

export interface StartOptions {
  /**
   * Size of the shared region in bytes (default 16 MiB; the arena for buffers is that minus about 0.8 MiB).
   * At most 2^40, and at most the largest buffer this Node can make (4 GiB on Node 20).
   */
  memory?: number;
  /** Libraries outside the known set this sidecar may load (sonames or paths). */
  allow?: string[];
  /** Default deadline of every call in milliseconds (default 30 s; Infinity for none). */
  timeoutMs?: number;
  /** Where the sidecar's own stdout/stderr go (default: inherited from the host). */
  stdio?: 'inherit' | 'ignore';
  /** The sidecar's standard input (default ignored): 'inherit' lets Forth's KEY and ACCEPT read the host's. */
  stdin?: 'inherit' | 'ignore';
  /** Environment of the sidecar process (default: the host's). */
  env?: NodeJS.ProcessEnv;
  /** Spin before sleeping when waiting (default true); false saves CPU at the cost of latency. */
  spin?: boolean;
  /**
   * Restart the sidecar by itself when it crashes (default false: calls
   * reject until `restart()`): `true` for at most 5 restarts in 5 s, or
   * `{ intensity, periodMs }`. Past the limit it stays down and emits
   * `giveup` with a RestartLimitError. A Pool's members have it on.
   */
  restart?: boolean | RestartPolicy;
  /**
   * Run the sidecar in a jail (Landlock, seccomp, rlimits, no new
   * privileges), applied before it serves anything: `true` for the strict
   * preset, or options. A forbidden system call ends it with a
   * JailViolationError; `sc.jail` says what the kernel allowed.
   */
  jail?: boolean | JailOptions;
}

/** How `sc.library` opens a library. */
export interface LibraryOptions {
  /** RTLD_GLOBAL: the library's symbols resolve those of libraries loaded after it (default false). */
  global?: boolean;
}

/** What `sc.alloc(type, n)` returns for the common C type names. */
export interface RegionArrayOf {
  double: Float64Array;
  float: Float32Array;
  char: Int8Array;
  'signed char': Int8Array;
  int8_t: Int8Array;
  'unsigned char': Uint8Array;
  uint8_t: Uint8Array;
  bool: Uint8Array;
  short: Int16Array;
  int16_t: Int16Array;
  'unsigned short': Uint16Array;
  uint16_t: Uint16Array;
  int: Int32Array;
  int32_t: Int32Array;
  unsigned: Uint32Array;
  'unsigned int': Uint32Array;
  uint32_t: Uint32Array;
  long: BigInt64Array;
  'long long': BigInt64Array;
  int64_t: BigInt64Array;
  ssize_t: BigInt64Array;
  ptrdiff_t: BigInt64Array;
  intptr_t: BigInt64Array;
  'unsigned long': BigUint64Array;
  'unsigned long long': BigUint64Array;
  uint64_t: BigUint64Array;
  size_t: BigUint64Array;
  uintptr_t: BigUint64Array;
}

const DEFAULT_MEMORY = 16 << 20;
const DEFAULT_TIMEOUT = 30_000;
const START_OPTIONS = ['memory', 'allow', 'timeoutMs', 'stdio', 'stdin', 'env', 'spin', 'restart', 'jail'] as const;

/** Plans already made for a jail options object (checkStartOptions makes it, the constructor uses it). */
const plans = new WeakMap<object, JailPlan>();
/** Objects given to load(), linked (their imports are looked up at each load). */
const linked = new WeakMap<ObjectCode, FlatImage>();

/** The plan of the preset (`jail: true`), made once. */
let presetPlan: JailPlan | null = null;

function planOf(jail: unknown, where: string): JailPlan | null {
  if (jail === undefined || jail === false) return null;
  if (jail === true) {
    presetPlan ??= jailPlan(true, where);
    return presetPlan;
  }
  const cached = typeof jail === 'object' && jail !== null ? plans.get(jail) : undefined;
  if (cached) return cached;
  const plan = jailPlan(jail, where);
  if (typeof jail === 'object' && jail !== null) plans.set(jail, plan);
  return plan;
}

/** The largest region: 2^40 bytes, or less where this Node's buffers are smaller (4 GiB on Node 20). */
export function maxMemory(): number {
  return Math.min(MAX_REGION, Math.floor(bufferConstants.MAX_LENGTH / 4096) * 4096);
}

/**
 * Checks every start option (throws a TypeError or RangeError naming it);
 * the region size. A Pool checks its own as well (`extra`) and sizes the
 * region for `channels` members.
 */
export function checkStartOptions(
  opts: unknown,
  where = 'Sidecar.start',
  channels = 1,
  extra: readonly string[] = [],
): number {
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new TypeError(`${where}: options must be an object, got ${shown(opts)}`);
  }
  checkKeys(where, opts, [...START_OPTIONS, ...extra]);
  const o = opts as { [K in keyof StartOptions]?: unknown };
  const size = o.memory ?? DEFAULT_MEMORY + Region.minimumSize(channels, 0) - Region.minimumSize(1, 0);
  const min = Region.minimumSize(channels);
  const max = maxMemory();
  if (typeof size !== 'number' || !Number.isInteger(size)) {
    throw new TypeError(`${where}: memory must be an integer number of bytes, got ${shown(size)}`);
  }
  if (size < min || size > max) {
    const limit = max < MAX_REGION ? `${max} (the largest buffer of Node ${process.versions.node})` : `${max} (2^40)`;
    throw new RangeError(`${where}: memory must be between ${min} and ${limit} bytes, got ${size}`);
  }
  if (o.allow !== undefined) {
    if (!Array.isArray(o.allow)) {
      const hint = typeof o.allow === 'string' ? ` (write allow: [${JSON.stringify(o.allow)}])` : '';
      throw new TypeError(`${where}: allow must be an array of library names or paths, got ${shown(o.allow)}${hint}`);
    }
    for (const a of o.allow) {
      if (typeof a !== 'string' || a === '') {
        throw new TypeError(`${where}: allow must hold non-empty library names or paths, got ${shown(a)}`);
      }
    }
  }
  checkTimeout(where, o.timeoutMs);
  checkChoice(where, 'stdio', o.stdio, ['inherit', 'ignore']);
  checkChoice(where, 'stdin', o.stdin, ['inherit', 'ignore']);
  if (o.env !== undefined) {
    if (o.env === null || typeof o.env !== 'object' || Array.isArray(o.env)) {
      throw new TypeError(`${where}: env must be an object of environment variables, got ${shown(o.env)}`);
    }
    for (const [k, v] of Object.entries(o.env)) {
      if (v !== undefined && typeof v !== 'string') {
        throw new TypeError(`${where}: env.${k} must be a string, got ${shown(v)}`);
      }
      if (k === '' || k.includes('=') || k.includes('\0') || (v as string | undefined)?.includes('\0')) {
        throw new TypeError(`${where}: env has an invalid variable ${JSON.stringify(k)}`);
      }
    }
  }
  if (o.spin !== undefined && typeof o.spin !== 'boolean') {
    throw new TypeError(`${where}: spin must be true or false, got ${shown(o.spin)}`);
  }
  checkRestartPolicy(where, o.restart);
  if (o.jail !== undefined && typeof o.jail !== 'boolean' && (o.jail === null || typeof o.jail !== 'object')) {
    throw new TypeError(`${where}: jail must be true, false or an object of jail options, got ${shown(o.jail)}`);
  }
  planOf(o.jail, where);
  return size;
}

export class Sidecar extends EventEmitter implements Executor {
  readonly #region: Region;
  /** Whether the region is this sidecar's alone (a Pool's members share one and the Pool closes it). */
  readonly #ownsRegion: boolean;
  readonly #channel: Channel;
  readonly #process: SidecarProcess;
  readonly #allowed: Set<string>;
  readonly #libraries = new Map<string, Library>();
  #structs: Map<string, Layout> | null = null;
  readonly timeoutMs: number;
  /** The restart under way: concurrent restart() calls share it. */
  #restarting: Promise<void> | null = null;
  #stopping = false;
  readonly #supervisor: Supervisor | null;
  readonly #jail: { plan: JailPlan; offset: number } | null;
  #jailReport: JailReport | null = null;

  private constructor(region: Region, index: number, opts: StartOptions, allowed: Set<string>, exe: string) {
    super();
    this.#region = region;
    this.#ownsRegion = index < 0;
    this.#allowed = allowed;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT;
    this.#channel = new Channel(region, Math.max(0, index), { spin: opts.spin !== false });
    const plan = planOf(opts.jail, 'Sidecar.start');
    this.#jail = plan ? { plan, offset: region.arena.alloc(plan.size, 64) } : null;
    const jail = this.#jail;
    this.#process = new SidecarProcess(this.#channel, {
      jail: jail
        ? {
            address: region.address + jail.offset,
            write: () => jail.plan.write(region.u8, jail.offset, region.address + jail.offset),
          }
        : undefined,
      exitError: (info) => this.#exitError(info),
      exe,
      stdio: opts.stdio ?? 'inherit',
      stdin: opts.stdin ?? 'ignore',
      env: opts.env ?? process.env,
      onExit: (info) => this.#exited(info),
    });
    this.#supervisor = opts.restart ? new Supervisor(opts.restart) : null;
  }

  /** A jailed sidecar's violation, named from what its SIGSYS handler wrote into the control page. */
  #exitError(info: ExitInfo): Error {
    if (!this.#jail) return new SidecarExitedError(info);
    if (info.signal === 'SIGSYS') return new JailViolationError(info, null);
    if (info.code !== EXIT_CODE.jailViolation) return new SidecarExitedError(info);
    const dv = this.#region.dv;
    const at = this.#channel.offset;
    const nr = dv.getUint32(at + VIOLATION.syscall, true) - 1;
    if (nr < 0) return new SidecarExitedError(info); // exit(74) from loaded code, not the handler
    const arg0 = dv.getBigUint64(at + VIOLATION.arg0, true);
    const name = syscallName(nr);
    const detail = name === 'clone' ? `flags 0x${arg0.toString(16)}: a new process, not a thread` : undefined;
    return new JailViolationError(info, { name, number: nr, arg0, detail });
  }

  /** The report the jailed sidecar wrote into its block (after it answered a ping). */
  #readJailReport(): void {
    if (this.#jail) this.#jailReport = this.#jail.plan.report(this.#region.u8, this.#jail.offset);
  }

  /** What the jail reached on this machine (Landlock ABI, seccomp, the limits), or null when not jailed. */
  get jail(): JailReport | null {
    return this.#jailReport;
  }

  #exited(info: ExitInfo): void {
    this.emit('exit', info);
    const decision = this.#supervisor?.onExit(info) ?? 'ignore';
    if (decision === 'ignore' || this.#stopping) return;
    if (decision !== 'restart') {
      this.emit('giveup', decision);
      return;
    }
    // After the exit is handled (calls in flight rejected); a restart already under way is shared.
    setImmediate(() => {
      if (this.#stopping || this.#process.closed || this.#process.running) return;
      this.restart().then(
        () => this.emit('restart'),
        (e) => {
          if (!this.#stopping) this.emit('giveup', e);
        },
      );
    });
  }

  /** Why this sidecar is down for good (its restart policy gave up), or null. */
  get gaveUp(): Error | null {
    return this.#supervisor?.gaveUp ?? null;
  }

  /** Builds (or finds in the cache) the sidecar, starts it and waits until it answers. */
  static async start(opts: StartOptions = {}): Promise<Sidecar> {
    // Every check before the region exists: a throw after it would leak it.
    await loadJailFor(opts);
    const size = checkStartOptions(opts);
    const { allowed, exe } = await Sidecar.#prepare(opts);
    return Sidecar.#launch(Region.create(size, 1), -1, opts, allowed, exe);
  }

  /**
   * Starts a sidecar serving channel `index` of a region made and owned by
   * the caller (a Pool): its buffers and arena are the region's, shared with
   * the other channels' sidecars; stopping it leaves the region open.
   */
  static async startMember(region: Region, index: number, opts: StartOptions = {}): Promise<Sidecar> {
    await loadJailFor(opts);
    checkStartOptions(opts);
    region.channelOffset(index); // a RangeError for a channel the region does not have
    const { allowed, exe } = await Sidecar.#prepare(opts);
    return Sidecar.#launch(region, index, opts, allowed, exe);
  }

  /** What every start needs: the allow-list, the channel addon loaded, the executable's path. */
  static async #prepare(opts: StartOptions): Promise<{ allowed: Set<string>; exe: string }> {
    const allowed = knownSonames();
    for (const a of opts.allow ?? []) allowed.add(a);
    const [, exe] = await Promise.all([loadChannelAddon(), SIDECAR_EXE.file()]);
    return { allowed, exe: exe.path };
  }

  static async #launch(region: Region, index: number, opts: StartOptions, allowed: Set<string>, exe: string) {
    const sc = new Sidecar(region, index, opts, allowed, exe);
    try {
      sc.#process.spawn();
      await sc.ping();
    } catch (e) {
      const jailed = sc.#jail;
      const why =
        jailed && e instanceof SidecarExitedError && e.code === EXIT_CODE.jailFailed
          ? jailed.plan.failure(region.u8, jailed.offset, sc.#errorText())
          : null;
      sc.#close();
      if (why) throw new SidecarStartError(`the sidecar could not apply its jail: ${why}`, { cause: e });
      throw sc.#process.startError(e);
    }
    sc.#readJailReport();
    // The package entry's code cache (host/build/code-cache.ts) then holds what a start runs.
    (globalThis as Record<symbol, unknown>)[Symbol.for('sidecar.started')] = true;
    return sc;
  }

  /** The channel calls go to (the Executor of this sidecar's functions). */
  channel(): Channel {
    return this.#channel;
  }

  /** Process id of the running sidecar (0 when none runs). */
  get pid(): number {
    return this.#process.pid;
  }
  /** Address of the shared region, the same in host and sidecar. */
  get regionAddress(): bigint {
    return BigInt(this.#region.address);
  }
  get regionSize(): number {
    return this.#region.size;
  }
  /** True while a sidecar process is up. */
  get running(): boolean {
    return this.#process.running;
  }
  /** The output stream of the current sidecar process (what the Forth or Python in it prints). */
  get output(): SidecarOutput | null {
    return this.#process.output;
  }
  /** Incremented at every (re)start: native addresses of an older generation are void. */
  get generation(): number {
    return this.#channel.generation;
  }

  // ---------------------------------------------------------------- life

  /**
   * Starts a new sidecar on the same region (after a crash, or to reset a
   * running one, which is killed). Buffers keep their contents. Calls made
   * while a restart is under way (from several callers, or from an `exit`
   * handler) share it; after `stop()` it rejects with a SidecarError.
   */
  restart(): Promise<void> {
    if (this.#restarting) return this.#restarting;
    if (this.#stopping) return Promise.reject(new SidecarError('restart: this sidecar was stopped'));
    let settle!: { resolve: () => void; reject: (e: unknown) => void };
    const p = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // Recorded before the old process is killed: its exit handlers see this restart.
    this.#restarting = p;
    const done = () => {
      if (this.#restarting === p) this.#restarting = null;
    };
    p.then(done, done);
    try {
      this.#process.restartNow();
      this.ping().then(
        () => {
          this.#readJailReport();
          settle.resolve();
        },
        (e) => settle.reject(this.#stopping ? new SidecarError('restart: this sidecar was stopped', { cause: e }) : e),
      );
    } catch (e) {
      settle.reject(e);
    }
    return p;
  }

  /** Asks the sidecar to exit and waits for it; shared buffers stay readable. A restart under way ends first. */
  async stop(): Promise<void> {
    if (this.#process.closed) return;
    this.#stopping = true;
    await this.#restarting?.catch(() => {});
    await this.#process.stop();
    this.#close();
  }

  /** Kills the sidecar at once (SIGKILL); calls in flight reject with SidecarExitedError. */
  kill(): void {
    this.#process.kill();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  #close(): void {
    this.#process.close();
    if (this.#jail && !this.#ownsRegion) this.#region.arena.free(this.#jail.offset);
    if (this.#ownsRegion) this.#region.close();
  }

  /** The control page's error text (dlerror() of a failed preload). */
  #errorText(): string {
    const at = this.#channel.offset + CONTROL.errorText;
    const bytes = this.#region.u8.subarray(at, at + CONTROL.errorTextSize);
    const end = bytes.indexOf(0);
    return Buffer.from(bytes.subarray(0, end < 0 ? bytes.length : end)).toString('utf8');
  }

  /** The shared region this sidecar serves (a Pool's members all serve the same one). */
  get region(): Region {
    return this.#region;
  }

  // ---------------------------------------------------------------- memory

  /** Structs the prototypes of this sidecar know by name (sc.struct adds to it). */
  get structs(): Map<string, Layout> {
    this.#structs ??= new Map(libcStructs());
    return this.#structs;
  }

  /**
   * A struct or union type from a name and its members (`sc.struct('timeval',
   * { tv_sec: 'long', tv_usec: 'long' })`) or a C declaration; its name
   * (and its tag alone) can then be used in this sidecar's prototypes. A
   * name alone gives a struct the sidecar already knows (`sc.struct('div_t')`).
   */
  struct(spec: string, fields?: FieldSpecs, options?: LayoutOptions): StructType {
    const known = fields === undefined && typeof spec === 'string' ? this.structs.get(spec.trim()) : undefined;
    if (known) return structTypeOf(known); // by name: a struct this sidecar knows
    const t = defineStruct(spec, fields, { ...options, structs: this.structs });
    registerStruct(this.structs, t);
    return t;
  }

  /**
   * A function pointer that runs `fn` in the host when C calls it
   * (`sc.callback('int cmp(const void *, const void *)', (a, b) => …)`);
   * pass it where the prototype takes a function pointer (a plain function
   * there makes one for that call only). Release it with `release()` (or
   * `using`) when C no longer holds it; at most THUNK_COUNT (1024) at once.
   */
  callback<P extends string>(prototype: P, fn: (...args: CallbackArgs<P>) => unknown): Callback {
    const sig = parsePrototype(prototype, this.structs);
    return new Callback(this.#channel, sig, callbackHandler(sig, fn as (...args: unknown[]) => unknown));
  }

  /** A typed array of `count` elements of C type `type` in the shared region, zeroed. */
  alloc<T extends keyof RegionArrayOf>(type: T, count: number): RegionArrayOf[T];
  alloc(type: StructType, count?: number): Uint8Array;
  alloc(type: string, count: number): RegionArray;
  alloc(type: string | StructType, count = 1): RegionArray {
    if (typeof count !== 'number' || !Number.isInteger(count)) {
      throw new TypeError(`alloc: count must be an integer number of elements, got ${shown(count)}`);
    }
    if (typeof type === 'object' && type !== null && 'layout' in type) {
      // count structs, aligned for the struct, zeroed; read and write them with type.read/type.write
      const bytes = count * type.size;
      if (count < 0 || bytes > this.#region.size) {
        throw new RangeError(`alloc: count must be between 0 and the region's size in structs, got ${count}`);
      }
      return new Uint8Array(this.#region.buffer, this.#zeroed(bytes, Math.max(64, type.align)), bytes);
    }
    const t = typeof type === 'string' ? scalarType(type) : null;
    if (!t) {
      throw new TypeError(
        `alloc: type must name a C scalar type ('double', 'float', 'int32_t', 'uint8_t', ...) or be a struct type from sc.struct(), got ${shown(type)}`,
      );
    }
    if (count < 0 || count * t.size > this.#region.size) {
      throw new RangeError(`alloc: count must be between 0 and the region's size in elements, got ${count}`);
    }
    const Ctor = ARRAY_TYPES[t.kind] as new (b: ArrayBuffer, o: number, n: number) => RegionArray;
    const off = this.#zeroed(count * t.size, 64);
    return new Ctor(this.#region.buffer, off, count);
  }

  /** `bytes` of the arena, zeroed: fresh memory reads as zeros, whatever was there before. */
  #zeroed(bytes: number, align: number): number {
    const off = this.#region.arena.alloc(bytes, align);
    this.#region.u8.fill(0, off, off + bytes);
    return off;
  }

  /** Returns an `alloc`ed array's memory to the region. */
  free(view: ArrayBufferView): void {
    if (view.buffer !== this.#region.buffer || this.#region.arena.sizeOf(view.byteOffset) === undefined) {
      throw new TypeError('free: not an array allocated by this sidecar');
    }
    this.#region.arena.free(view.byteOffset);
  }

  /** The address of a view of the region, the same in host and sidecar. */
  address(view: ArrayBufferView): bigint {
    if (view.buffer !== this.#region.buffer)
      throw new TypeError("address: pointer outside the sidecar's shared region");
    const off = this.#region.arenaOffsetOf(view);
    if (off === undefined) throw new TypeError("address: pointer into the region's header or channels");
    return BigInt(this.#region.address + off);
  }

  /**
   * `length` bytes at any readable address of the sidecar (a copy): read
   * directly inside the region, through the channel elsewhere. An unreadable
   * address is a MemoryAccessError; the sidecar does not fault.
   */
  read(address: bigint, length: number): Uint8Array {
    return readBytesSync(this.#channel, address, length, this.timeoutMs);
  }

  /**
   * The value of C type `type` at any readable address of the sidecar: a
   * scalar (`'int'`, `'double'`, `'uint64_t'` …; 64-bit ones as bigint) or a
   * struct (a StructType, read as an object). What a callback uses for the
   * pointers it is given (`sc.deref(a, 'int') - sc.deref(b, 'int')`).
   */
  deref(address: bigint, type: StructType): StructValue;
  deref(address: bigint, type: Int64Spelling): bigint;
  deref(address: bigint, type: 'bool' | '_Bool'): boolean;
  deref(address: bigint, type: string): number;
  deref(address: bigint, type: string | StructType): unknown {
    if (typeof type === 'object' && type !== null && 'layout' in type) return type.read(this.read(address, type.size));
    const t = typeof type === 'string' ? scalarType(type) : null;
    if (!t) throw new TypeError(`deref: expected a scalar C type name or a StructType, got ${String(type)}`);
    return readValue(t, new DataView(this.read(address, t.size).buffer), 0);
  }

  /** The NUL-terminated UTF-8 string at any readable address of the sidecar (at most maxLength bytes). */
  readCString(address: bigint, maxLength = 1 << 20): string {
    return readStringSync(this.#channel, address, { maxLength }, this.timeoutMs);
  }

  /**
   * A region buffer holding `text` as NUL-terminated UTF-8 (its length counts
   * the NUL), for a C function that keeps the pointer after it returns
   * (sqlite's SQLITE_STATIC, curl's CURLOPT_POSTFIELDS). It lives until
   * `sc.free(buf)` or the end of its `using` scope (one or the other).
   */
  cstring(text: string): Uint8Array & Disposable {
    if (typeof text !== 'string') throw new TypeError(`cstring: expected a string, got ${typeof text}`);
    if (text.includes('\0')) throw new TypeError('cstring: the text contains a NUL character');
    const n = Buffer.byteLength(text);
    const buf = this.alloc('uint8_t', n + 1);
    Buffer.from(buf.buffer, buf.byteOffset, n).write(text, 'utf8');
    return Object.defineProperty(buf, Symbol.dispose, { value: () => this.free(buf) }) as Uint8Array & Disposable;
  }

  /**
   * Copies `length` bytes from any address of the sidecar's memory into
   * `into` (a region buffer), through the channel (COPY): an unreadable
   * address is a RangeError, never a crash.
   */
  async copyFrom(address: bigint, into: ArrayBufferView, opts: CallOptions = {}): Promise<void> {
    checkCallOptions('copyFrom', opts);
    const off = this.#region.arenaOffsetOf(into);
    if (off === undefined) throw new TypeError('copyFrom: the destination must be a buffer of the region');
    const n = (await this.#channel.submit(
      COPY,
      [off, address, into.byteLength],
      opts.timeoutMs ?? this.timeoutMs,
      opts.signal,
    )) as number;
    if (n !== into.byteLength) throw new RangeError(`copyFrom: address 0x${address.toString(16)} is not readable`);
  }

  // ---------------------------------------------------------------- requests

  /** Round trip with the sidecar; resolves to `value`. */
  async ping(value = 0n): Promise<bigint> {
    return (await this.#channel.submit(PING, [value], this.timeoutMs)) as bigint;
  }

  /**
   * Opens a library of the known set (`m`, `openblas`, ...) or an allowed
   * soname/path. `{ global: true }` opens it RTLD_GLOBAL: its symbols then
   * resolve those of libraries loaded after it (an interpreter's extension
   * modules); opened once each way, and the same way after a restart.
   */
  async library(name: string, options: LibraryOptions = {}): Promise<Library> {
    const candidates = this.#candidates(name);
    if (options === null || typeof options !== 'object') {
      throw new TypeError(`library: options must be an object, got ${shown(options)}`);
    }
    checkKeys('library', options, ['global']);
    if (options.global !== undefined && typeof options.global !== 'boolean') {
      throw new TypeError(`library: global must be true or false, got ${shown(options.global)}`);
    }
    const flags = options.global ? RTLD_NOW | RTLD_GLOBAL : RTLD_NOW;
    const key = options.global ? `${name}\0global` : name;
    const cached = this.#libraries.get(key);
    if (cached) {
      await cached.handle();
      return cached;
    }
    const attempts: { soname: string; error: string }[] = [];
    for (const soname of candidates) {
      try {
        await this.#channel.submit(DLOPEN, [soname, flags], this.timeoutMs);
      } catch (e) {
        if (!(e instanceof LibraryError)) throw e; // the sidecar died or timed out: not a missing library
        attempts.push({ soname, error: e.message });
        continue;
      }
      const lib = new Library(this, name, soname, KNOWN_LIBRARIES[name]?.prototypes ?? {}, flags);
      await lib.handle();
      this.#libraries.set(key, lib);
      return lib;
    }
    throw new LibraryError(`cannot load library '${name}': ${attempts.map((a) => a.error).join('; ')}`, attempts);
  }

  #candidates(name: string): string[] {
    if (typeof name !== 'string' || name === '') throw new TypeError('library: expected a library name');
    const known = KNOWN_LIBRARIES[name];
    if (known) return known.sonames;
    if (!this.#allowed.has(name)) {
      throw new TypeError(
        `library '${name}' is not in the known set (${Object.keys(KNOWN_LIBRARIES).join(', ')}) nor allowed; pass it in Sidecar.start({ allow })`,
      );
    }
    return [name];
  }

  /**
   * Loads machine code made by the host and returns a function for its entry.
   * `code` is raw position-independent bytes (entry at offset 0), a linked
   * FlatImage, or an assembled object (imports resolved with dlsym in the
   * sidecar's global scope, at each load). The code is loaded again after a
   * restart, with the new sidecar's addresses of its imports.
   */
  async load(code: Uint8Array | FlatImage | ObjectCode, prototype: string): Promise<NativeFunction>;
  async load(code: Uint8Array | FlatImage | ObjectCode): Promise<LoadedCode>;
  async load(code: Uint8Array | FlatImage | ObjectCode, prototype?: string): Promise<NativeFunction | LoadedCode> {
    if (prototype !== undefined && typeof prototype !== 'string') {
      throw new TypeError(`load: prototype must be a C prototype string, got ${shown(prototype)}`);
    }
    const sig = prototype === undefined ? null : parsePrototype(prototype, this.structs);
    const image = await this.#image(code);
    const loaded = new LoadedCode(this, image);
    await loaded.base();
    if (!sig) return loaded;
    return loaded.func(prototype as string, image.symbols.has(sig.name) ? sig.name : undefined);
  }

  async #image(code: Uint8Array | FlatImage | ObjectCode): Promise<FlatImage> {
    if (code instanceof Uint8Array) return flatCode(code);
    if (code !== null && typeof code === 'object' && 'execSize' in code) return code;
    if (code !== null && typeof code === 'object' && 'sections' in code) {
      // Linked once per object; its imports are looked up at each load (image.ts).
      let image = linked.get(code);
      if (!image) {
        const { linkFlat } = await import('../link/index.js'); // only objects need linking
        image = linkFlat(code);
        linked.set(code, image);
      }
      return image;
    }
    throw new TypeError(
      `load: code must be machine code bytes (a Uint8Array), a FlatImage or an assembled object, got ${shown(code)}`,
    );
  }
}
