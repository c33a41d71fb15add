/**
 * `sidecar run LIB PROTOTYPE ARG...`: one C call from the command line. The
 * arguments are read by the parameter types of the prototype and checked
 * before a sidecar is started; the sidecar is stopped before the result is
 * printed, so whatever the C function printed itself (flushed when the
 * sidecar exits) comes first.
 */

import { type CKind, type CType, parsePrototype, type Signature } from '../host/ctypes.js';
import { LibraryError, SidecarError } from '../host/errors.js';
import { Sidecar } from '../host/sidecar.js';
import { KNOWN_LIBRARIES, type KnownLibrary } from '../libs/registry.js';
import { type Command, keepingAlive, UsageError } from './command.js';
import { parseInteger } from './numbers.js';

const usage = `usage: sidecar run [options] LIB PROTOTYPE [ARG...]

Starts a sidecar, opens LIB in it, calls one function and prints the result.

  LIB         a library of the known set (${Object.keys(KNOWN_LIBRARIES).join(', ')}),
              one of their sonames (libm.so.6), or a soname or path given to --allow
  PROTOTYPE   a C prototype ('double cos(double)'), or just the function name
              when the known set has a prototype for it (cos)
  ARG         one per parameter, read by the parameter's type:
                integers        decimal, 0x hex, 0o octal, 0b binary, with an optional
                                sign; 64-bit integers are exact
                bool            true, false, 1 or 0
                float, double   a decimal number, inf, -inf or nan
                const char *    the text itself
                pointers        null, or an address (decimal or 0x hex)

The result is printed plainly: numbers in decimal, char * and const char *
results as their text (NULL for a null pointer), other pointers as 0x hex
addresses in the sidecar; a void function prints nothing.

options:
  --allow SONAME   allow a library outside the known set (repeatable)
  --string         the result is a pointer to text (void *, unsigned char *):
                   print the NUL-terminated text it points to
  --timeout MS     deadline of the call (default 30000); the sidecar is killed after it
  --               the rest are arguments, even when they start with '-'

Exit status: 0 on success, 1 when the call failed (library or symbol not found,
the sidecar crashed, timed out or could not start), 2 on a usage error (unknown
library, malformed prototype, wrong argument).

examples:
  sidecar run m 'double cos(double)' 0        → 1
  sidecar run m pow 2 10                      → 1024
  sidecar run c strlen hello                  → 5
  sidecar run c 'char *getenv(const char *)' HOME --string
`;

/** A mistake in the arguments found after parsing: message on stderr, status 2, no usage dump. */
class ArgumentError extends Error {}

interface Parsed {
  lib: string;
  prototype: string;
  args: string[];
  allow: string[];
  string: boolean;
  timeoutMs: number | undefined;
}

function parse(argv: string[]): Parsed {
  const allow: string[] = [];
  const positionals: string[] = [];
  let string = false;
  let timeoutMs: number | undefined;
  let rest = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    // A negative number is an argument, not an option.
    if (rest || !a.startsWith('-') || a === '-' || /^-[0-9.]/.test(a) || /^-(inf|nan)/i.test(a)) {
      positionals.push(a);
      continue;
    }
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--') rest = true;
    else if (flag === '--allow') allow.push(value());
    else if (flag === '--string') string = true;
    else if (flag === '--timeout') {
      const v = value();
      timeoutMs = Number(v);
      if (!/^\d+(\.\d+)?$/.test(v) || !(timeoutMs > 0))
        throw new UsageError(`--timeout ${v} is not a number of milliseconds`);
    } else throw new UsageError(`unknown option '${a}'`);
  }
  if (positionals.length < 2)
    throw new UsageError(positionals.length === 0 ? 'no library given' : 'no prototype given');
  const [lib, prototype, ...args] = positionals as [string, string, ...string[]];
  return { lib, prototype, args, allow, string, timeoutMs };
}

/** The known library a name or soname stands for. */
function knownLibrary(lib: string): KnownLibrary | undefined {
  return KNOWN_LIBRARIES[lib] ?? Object.values(KNOWN_LIBRARIES).find((k) => k.sonames.includes(lib));
}

/** The full prototype (a ready-made one for a bare name) and its signature. */
function resolvePrototype(lib: string, prototype: string): { text: string; sig: Signature } {
  let text = prototype.trim();
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) {
    const ready = knownLibrary(lib)?.prototypes[text];
    if (ready === undefined) {
      throw new ArgumentError(`no ready-made prototype for '${text}' in ${lib}; give the full C prototype`);
    }
    text = ready;
  }
  try {
    return { text, sig: parsePrototype(text) };
  } catch (e) {
    throw new ArgumentError((e as Error).message);
  }
}

const INT_BITS: Partial<Record<CKind, [bits: number, signed: boolean]>> = {
  i8: [8, true],
  u8: [8, false],
  i16: [16, true],
  u16: [16, false],
  i32: [32, true],
  u32: [32, false],
  i64: [64, true],
  u64: [64, false],
};

/** A double from decimal text (also inf, -inf, nan); null if the text is none. */
function parseDouble(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(t)) return t.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[+-]?nan$/.test(t)) return Number.NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t) && parseInteger(t) === null) return null;
  const v = Number(t.startsWith('+') ? t.slice(1) : t);
  return Number.isNaN(v) ? null : v;
}

function describeParam(sig: Signature, k: number): string {
  const p = sig.params[k];
  return `argument ${k + 1} (${p?.type.name}${p?.name ? ` ${p.name}` : ''})`;
}

/** Converts the text of argument k to what the bound function takes for its type. */
function convertArgument(sig: Signature, k: number, text: string): unknown {
  const type = (sig.params[k] as { type: CType }).type;
  const what = describeParam(sig, k);
  const kind = type.kind;
  const int = INT_BITS[kind];
  if (int) {
    const [bits, signed] = int;
    const v = parseInteger(text);
    const lo = signed ? -(2n ** BigInt(bits - 1)) : 0n;
    const hi = signed ? 2n ** BigInt(bits - 1) - 1n : 2n ** BigInt(bits) - 1n;
    if (v === null || v < lo || v > hi) {
      throw new ArgumentError(`${sig.name}: ${what} must be an integer in [${lo}, ${hi}], got '${text}'`);
    }
    return bits === 64 ? v : Number(v);
  }
  switch (kind) {
    case 'bool':
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      throw new ArgumentError(`${sig.name}: ${what} must be true, false, 1 or 0, got '${text}'`);
    case 'f32':
    case 'f64': {
      const v = parseDouble(text);
      if (v === null) throw new ArgumentError(`${sig.name}: ${what} must be a number, got '${text}'`);
      return v;
    }
    case 'cstr':
      if (text.includes('\0')) throw new ArgumentError(`${sig.name}: ${what} contains a NUL character`);
      return text;
    case 'ptr': {
      if (text === 'null' || text === 'NULL') return null;
      const v = parseInteger(text);
      if (v === null || v < 0n || v >= 2n ** 64n) {
        throw new ArgumentError(`${sig.name}: ${what} must be null or an address, got '${text}'`);
      }
      return v === 0n ? null : v;
    }
    default:
      throw new ArgumentError(`${sig.name}: ${what} has a type the command line cannot give`);
  }
}

/** The shortest decimal that reads back as the same float32. */
function formatFloat32(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  for (let p = 1; p <= 9; p++) {
    const s = Number(v.toPrecision(p));
    if (Math.fround(s) === v) return String(s);
  }
  return String(v);
}

/** The result as the command prints it. */
function formatResult(kind: CKind, v: unknown): string | null {
  if (kind === 'void') return null;
  if (kind === 'ptr' || kind === 'cstr') return `0x${(v as bigint).toString(16)}`;
  if (kind === 'f32') return formatFloat32(v as number);
  return String(v);
}

/** Reads the NUL-terminated string at a sidecar address: strlen, then memcpy into the region. */
async function readString(sc: Sidecar, address: bigint): Promise<string> {
  const c = await sc.library('c');
  const len = (await c.func('size_t strlen(const void *s)')(address)) as bigint;
  const max = BigInt(Math.floor(sc.regionSize / 2));
  if (len > max) throw new SidecarError(`the string is ${len} bytes long, more than the region can hold`);
  const buf = sc.alloc('uint8_t', Number(len) + 1) as Uint8Array;
  try {
    await c.func('void *memcpy(void *d, const void *s, size_t n)')(buf, address, len);
    return Buffer.from(buf.subarray(0, Number(len))).toString('utf8');
  } finally {
    sc.free(buf);
  }
}

function run(argv: string[]): Promise<number> {
  return keepingAlive(() => runCall(argv));
}

async function runCall(argv: string[]): Promise<number> {
  const o = parse(argv);
  let sig: Signature;
  let prototype: string;
  let values: unknown[];
  try {
    const known = knownLibrary(o.lib);
    if (!known && !o.allow.includes(o.lib)) {
      throw new ArgumentError(
        `library '${o.lib}' is not in the known set (${Object.keys(KNOWN_LIBRARIES).join(', ')}); allow it with --allow ${o.lib}`,
      );
    }
    ({ text: prototype, sig } = resolvePrototype(o.lib, o.prototype));
    if (o.args.length !== sig.params.length) {
      const n = sig.params.length;
      throw new ArgumentError(`${sig.name} takes ${n} argument${n === 1 ? '' : 's'}, got ${o.args.length}`);
    }
    values = o.args.map((t, k) => convertArgument(sig, k, t));
    if (o.string && sig.ret.kind !== 'ptr' && sig.ret.kind !== 'cstr') {
      throw new ArgumentError(`--string needs a function that returns a pointer; ${sig.name} returns ${sig.ret.name}`);
    }
  } catch (e) {
    if (!(e instanceof ArgumentError)) throw e;
    process.stderr.write(`sidecar run: ${e.message}\n`);
    return 2;
  }

  let sc: Sidecar | null = null;
  let out: string | null = null;
  let status = 0;
  try {
    sc = await Sidecar.start({
      allow: o.allow,
      memory: 16 << 20,
      ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }),
    });
    const lib = await sc.library(o.lib);
    const f = lib.func(prototype);
    const result = await f(...values);
    if (typeof result === 'string' || result === null)
      out = result ?? 'NULL'; // char * results are text already
    else if (o.string) out = result === 0n ? 'NULL' : await readString(sc, result as bigint);
    else out = formatResult(sig.ret.kind, result);
  } catch (e) {
    status = e instanceof TypeError ? 2 : 1;
    const why = e instanceof LibraryError || e instanceof SidecarError || e instanceof TypeError;
    process.stderr.write(
      `sidecar run: ${why ? (e as Error).message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
  } finally {
    await sc?.stop();
  }
  if (out !== null) process.stdout.write(`${out}\n`);
  return status;
}

export const command: Command = { usage, run };
