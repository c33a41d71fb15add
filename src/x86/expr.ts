/**
 * Integer arithmetic for assembler expressions, with GNU `as` semantics:
 * 64-bit two's complement, `/` and `%` truncating, `>>` logical. Values stay
 * plain numbers while they are safe integers and become bigints beyond, so
 * the common case never allocates.
 */

import type { Imm } from './operands.js';

export class ExprError extends Error {}

const TWO32 = 4294967296;

/** A bigint wrapped to signed 64 bits, back to a number when that is exact. */
export function norm(v: bigint): Imm {
  const w = BigInt.asIntN(64, v);
  return w >= -9007199254740991n && w <= 9007199254740991n ? Number(w) : w;
}

function big(v: Imm): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

function isI32(v: Imm): v is number {
  return typeof v === 'number' && v >= -2147483648 && v <= 2147483647;
}

export function add(a: Imm, b: Imm): Imm {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) + big(b));
}

export function sub(a: Imm, b: Imm): Imm {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) - big(b));
}

export function mul(a: Imm, b: Imm): Imm {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return norm(big(a) * big(b));
}

export function div(a: Imm, b: Imm): Imm {
  if (b === 0 || b === 0n) throw new ExprError('division by zero');
  if (isI32(a) && isI32(b)) return Math.trunc(a / b) || 0;
  return norm(big(a) / big(b));
}

export function mod(a: Imm, b: Imm): Imm {
  if (b === 0 || b === 0n) throw new ExprError('division by zero');
  if (isI32(a) && isI32(b)) return a % b || 0;
  return norm(big(a) % big(b));
}

function shiftCount(b: Imm): number {
  const n = Number(b);
  if (n < 0 || n > 63) throw new ExprError(`shift count ${b} is out of range 0..63`);
  return n;
}

export function shl(a: Imm, b: Imm): Imm {
  const n = shiftCount(b);
  if (typeof a === 'number') {
    const r = a * 2 ** n;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) << BigInt(n));
}

/** Logical shift of the 64-bit pattern, as GNU `as` does. */
export function shr(a: Imm, b: Imm): Imm {
  const n = shiftCount(b);
  if (typeof a === 'number' && a >= 0) return Math.floor(a / 2 ** n);
  return norm(BigInt.asUintN(64, big(a)) >> BigInt(n));
}

export function and(a: Imm, b: Imm): Imm {
  if (isI32(a) && isI32(b)) return a & b;
  return norm(big(a) & big(b));
}

export function or(a: Imm, b: Imm): Imm {
  if (isI32(a) && isI32(b)) return a | b;
  return norm(big(a) | big(b));
}

export function xor(a: Imm, b: Imm): Imm {
  if (isI32(a) && isI32(b)) return a ^ b;
  return norm(big(a) ^ big(b));
}

/** `a | ~b`: the binary `!` of GNU `as`. */
export function orNot(a: Imm, b: Imm): Imm {
  return or(a, not(b));
}

export function neg(a: Imm): Imm {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return norm(-a);
}

export function not(a: Imm): Imm {
  if (typeof a === 'number') return -a - 1;
  return norm(~a);
}

/** The low `bits` bits of v as an unsigned number (bits <= 32). */
export function lowBits(v: Imm, bits: number): number {
  if (typeof v === 'number') {
    const m = v % TWO32;
    const u = m < 0 ? m + TWO32 : m;
    return bits === 32 ? u : u % 2 ** bits;
  }
  return Number(BigInt.asUintN(bits, v));
}

/**
 * True when v lies in [-2^(bits-1), 2^bits): representable in `bits` bits as
 * a signed or an unsigned integer. A number of 53 bits or more only needs to
 * be a safe integer.
 */
export function fitsBits(v: Imm, bits: number): boolean {
  if (typeof v === 'number') {
    if (bits >= 53) return Number.isSafeInteger(v);
    const lim = 2 ** bits;
    return v >= -lim / 2 && v < lim;
  }
  const lim = 1n << BigInt(bits);
  return v >= -(lim >> 1n) && v < lim;
}
