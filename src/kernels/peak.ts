/**
 * The peak-FLOPS kernel: a loop of independent FMAs and nothing else, to
 * measure what one core can do (the host times it; flops / seconds).
 *
 *   void sidecar_peak_avx2(long iterations)     (and sidecar_peak_avx512)
 *
 * Each iteration is ACC FMAs on distinct accumulators, each depending only
 * on itself: with two FMA pipes of latency 4-5, 10 or more chains keep both
 * pipes full (12 on ymm, 24 on zmm, the rest of the registers are the two
 * constant operands). The multiplier is 1 and the addend tiny, so the
 * accumulators never overflow or go denormal (which would slow the loop).
 */

import { Assembler, type ObjectCode, rdi } from '../x86/index.js';
import { type GemmIsa, vector } from './vector.js';

export interface PeakKernel {
  object: ObjectCode;
  symbol: string;
  prototype: string;
  /** Double-precision flops one iteration does (an FMA is two per lane). */
  flopsPerIteration: number;
}

export function peakKernel(isa: GemmIsa): PeakKernel {
  const v = vector('f64', isa);
  const acc = isa === 'avx2' ? 12 : 24;
  const x = v.v(acc);
  const y = v.v(acc + 1);
  const symbol = `sidecar_peak_${isa}`;
  const a = new Assembler();
  a.global(a.here(symbol));
  for (let i = 0; i < acc + 2; i++) v.zero(a, v.v(i));
  const loop = a.label();
  const done = a.label();
  a.test(rdi, rdi);
  a.jle(done);
  a.align(16);
  a.bind(loop);
  for (let i = 0; i < acc; i++) v.fmadd231(a, v.v(i), x, y);
  a.dec(rdi);
  a.jnz(loop);
  a.bind(done);
  a.vzeroupper();
  a.ret();
  return {
    object: a.finish(),
    symbol,
    prototype: `void ${symbol}(long iterations)`,
    flopsPerIteration: acc * v.lanes * 2,
  };
}
