/**
 * `sidecar asm`: assembles Intel-syntax source (GNU `as` dialect) into a
 * flat binary, an executable or a shared object, and prints listings.
 *
 * The flat binary (`--format bin`) is `.text` followed by the other
 * sections, each at its alignment, as one image: with only code it is the
 * bytes `objcopy -O binary -j .text` gives. PC-relative references between
 * sections are resolved in the image; absolute addresses need `--base` (the
 * address the image will be loaded at); references to undefined symbols and
 * GOT entries cannot be held by a flat image and are errors.
 */

import { closeSync, fchmodSync, fstatSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeExecutable, writeSharedObject } from '../elf/index.js';
import { formatListing, type ObjectCode } from '../x86/index.js';
import { AsmSyntaxError, assembleText } from '../x86/text/index.js';
import { type Command, UsageError } from './command.js';
import { parseInteger } from './numbers.js';

const usage = `usage: sidecar asm FILE.s [-o OUT] [--format bin|exe|so] [--listing] [options]

Assembles FILE.s (Intel syntax, as GNU as reads it after .intel_syntax
noprefix; '-' reads standard input).

  -o, --output OUT   write the result to OUT
  --format bin       .text then the other sections as one flat image (default)
  --format exe       an ELF executable linked to glibc
  --format so        an ELF shared object
  --listing          print addresses, bytes and source lines to standard output
  --base ADDR        load address of a flat image (resolves absolute addresses)
  --entry SYM        entry point of an executable (default _start)
  --interp PATH      program interpreter of an executable
  --needed LIB       a library to depend on (repeatable)
  --soname NAME      soname of a shared object

Errors are printed as FILE:LINE:COLUMN: message; the exit status is 1.
`;

async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'no input file' : 'one input file only');
  const file = positionals[0] as string;
  const format = v.format ?? 'bin';
  if (format !== 'bin' && format !== 'exe' && format !== 'so') throw new UsageError(`unknown format '${format}'`);
  if (v.output === undefined && !v.listing) throw new UsageError('nothing to do: give -o OUT or --listing');
  let base: bigint | null = null;
  if (v.base !== undefined) {
    base = parseInteger(v.base);
    if (base === null || base < 0n || base >= 2n ** 64n) throw new UsageError(`--base '${v.base}' is not an address`);
  }

  let source: string;
  try {
    source = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(`sidecar asm: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }

  let object: ObjectCode;
  let listing: string | null = null;
  try {
    const r = assembleText(source, { file: file === '-' ? '<stdin>' : file, listing: v.listing ?? false });
    object = r.object;
    if (r.listing) listing = formatListing(r.listing);
  } catch (e) {
    if (!(e instanceof AsmSyntaxError)) throw e;
    for (const x of e.errors) process.stderr.write(`${x.message}\n`);
    return 1;
  }

  if (v.output !== undefined) {
    let bytes: Uint8Array;
    try {
      if (format === 'bin') bytes = flatImage(object, base);
      else {
        bytes =
          format === 'exe'
            ? writeExecutable(object, {
                ...(v.entry !== undefined && { entry: v.entry }),
                ...(v.interp !== undefined && { interp: v.interp }),
                ...(v.needed !== undefined && { needed: v.needed }),
              })
            : writeSharedObject(object, {
                ...(v.soname !== undefined && { soname: v.soname }),
                ...(v.needed !== undefined && { needed: v.needed }),
              });
      }
    } catch (e) {
      process.stderr.write(`${file}: ${(e as Error).message}\n`);
      return 1;
    }
    try {
      writeOutput(v.output, bytes, format === 'exe');
    } catch (e) {
      process.stderr.write(`sidecar asm: cannot write ${v.output}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  if (listing !== null) process.stdout.write(listing);
  return 0;
}

/**
 * Writes the result to `path`. An executable is made executable (x where
 * there is r) also when the file existed before: the mode given to open
 * applies only to a file it creates. Only a regular file is chmodded, never
 * a device such as /dev/stdout.
 */
function writeOutput(path: string, bytes: Uint8Array, executable: boolean): void {
  const fd = openSync(path, 'w', executable ? 0o755 : 0o644);
  try {
    writeFileSync(fd, bytes);
    if (executable) {
      const st = fstatSync(fd);
      const mode = st.mode & 0o7777;
      const wanted = mode | ((mode & 0o444) >> 2);
      if (st.isFile() && wanted !== mode) fchmodSync(fd, wanted);
    }
  } finally {
    closeSync(fd);
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: 'string', short: 'o' },
      format: { type: 'string' },
      listing: { type: 'boolean' },
      base: { type: 'string' },
      entry: { type: 'string' },
      interp: { type: 'string' },
      needed: { type: 'string', multiple: true },
      soname: { type: 'string' },
    },
  });
}

/** `.text` and then the other sections laid out as one image, references resolved (see the header). */
function flatImage(obj: ObjectCode, base: bigint | null): Uint8Array {
  const order = obj.sections.map((_, i) => i);
  order.sort((a, b) => Number(obj.sections[b]?.name === '.text') - Number(obj.sections[a]?.name === '.text'));
  const at = new Array<number>(obj.sections.length).fill(0);
  let size = 0;
  for (const i of order) {
    const s = obj.sections[i];
    if (!s || s.bytes.length === 0) continue;
    size = Math.ceil(size / s.align) * s.align;
    at[i] = size;
    size += s.bytes.length;
  }
  const image = new Uint8Array(size);
  for (const i of order) {
    const s = obj.sections[i];
    if (s && s.kind !== 'bss') image.set(s.bytes, at[i]);
  }
  const where = new Map(obj.symbols.map((s) => [s.name, (at[s.section] as number) + s.offset]));
  const missing = new Set<string>();
  const dv = new DataView(image.buffer);
  for (const [i, s] of obj.sections.entries()) {
    for (const r of s.relocs) {
      const target = where.get(r.symbol);
      if (target === undefined) {
        missing.add(r.symbol);
        continue;
      }
      const field = (at[i] as number) + r.offset;
      if (r.type === 'gotpc32') throw new Error(`${r.symbol}@GOTPCREL needs a GOT, which a flat image has not`);
      if (r.type === 'pc32') {
        dv.setInt32(field, target + r.addend - field, true);
        continue;
      }
      if (base === null) {
        throw new Error(`the absolute address of ${r.symbol} needs a load address: give --base ADDR`);
      }
      const v = base + BigInt(target + r.addend);
      if (r.type === 'abs64') dv.setBigUint64(field, BigInt.asUintN(64, v), true);
      else if (r.type === 'abs32' ? v < 0n || v > 0xffffffffn : v < -0x80000000n || v > 0x7fffffffn) {
        throw new Error(`the address of ${r.symbol} does not fit in 32 bits at base ${base}`);
      } else dv.setUint32(field, Number(BigInt.asUintN(32, v)), true);
    }
  }
  if (missing.size > 0) {
    throw new Error(`undefined symbols cannot be resolved in a flat image: ${[...missing].sort().join(', ')}`);
  }
  return image;
}

export const command: Command = { usage, run };
