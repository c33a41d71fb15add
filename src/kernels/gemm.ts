/**
 * The GEMM driver: a complete row-major
 *
 *   void sidecar_dgemm(int transa, int transb, long m, long n, long k, double alpha,
 *                      const double *a, long lda, const double *b, long ldb,
 *                      double beta, double *c, long ldc)
 *
 * (and sidecar_sgemm with float), C = alpha * op(A) * op(B) + beta * C, as one
 * object of our assembler. BLIS's loops around the micro-kernel:
 *
 *   for jc in n by NC:             pack B[pc.., jc..] (KC x NC) for each pc
 *     for pc in k by KC:           beta for the first pc, then 1
 *       for ic in m by MC:         pack A[ic.., pc..] (MC x KC)
 *         for jr in nc by NR:
 *           for ir in mc by MR:    micro-kernel on C[ic+ir.., jc+jr..]
 *
 * Edge tiles are computed into a tile on the stack (beta 0) and added into C
 * element by element. k = 0 or alpha = 0 only scales C by beta; beta = 0
 * never reads C. The packing buffers are one aligned_alloc made on the first
 * call and kept in the image's data (each sidecar has its own copy of the
 * image, so calls in several sidecars on one shared C do not meet).
 */

import {
  Assembler,
  al,
  eax,
  ebx,
  edi,
  esi,
  type Label,
  type ObjectCode,
  qword,
  r8,
  r8d,
  r9,
  r9d,
  r10,
  r12,
  r12d,
  r13,
  r14,
  r15,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
  xmm0,
  xmm1,
  xmm2,
} from '../x86/index.js';
import type { GemmShape } from './blocking.js';
import { emitMicroKernel } from './microkernel.js';
import { emitPack } from './packing.js';
import { type GemmIsa, type GemmType, type Vector, vector } from './vector.js';

/** The C name and prototype of the kernel for `type`. */
export function gemmPrototype(type: GemmType): { symbol: string; prototype: string } {
  const [s, t] = type === 'f64' ? ['sidecar_dgemm', 'double'] : ['sidecar_sgemm', 'float'];
  return {
    symbol: s,
    prototype: `void ${s}(int transa, int transb, long m, long n, long k, ${t} alpha, const ${t} *a, long lda, const ${t} *b, long ldb, ${t} beta, ${t} *c, long ldc)`,
  };
}

const alignUp = (x: number, m: number): number => Math.ceil(x / m) * m;

/** Emits the whole kernel into `a` (a test may pass a recording assembler). */
export function emitGemm(a: Assembler, type: GemmType, isa: GemmIsa, shape: GemmShape): void {
  const v = vector(type, isa);
  const { mr, nr, mc: MC, kc: KC, nc: NC } = shape;
  const es = v.es;
  const log2es = es === 8 ? 3 : 2;
  const tileBytes = alignUp(mr * nr * es, 64);
  const packedA = alignUp(alignUp(MC, mr) * KC * es, 4096);
  const packedB = alignUp(alignUp(NC, nr) * KC * es, 4096);
  // Frame slots after the tile (rsp is 64-byte aligned). alpha and beta are adjacent: the micro-kernel reads both.
  const names = [
    'm', 'n', 'k', 'a', 'b', 'c', 'rsA', 'csA', 'rsB', 'csB', 'ldcB', 'alpha', 'beta', 'betaUser',
    'betaZero', 'betaZeroUser', 'jc', 'nc', 'pc', 'kc', 'ic', 'mc', 'ap', 'bp', 'aPanel', 'bPanel',
    'mrEff', 'nrEff', 'cptr',
  ] as const; // biome-ignore format: a list of names
  const F = Object.fromEntries(names.map((n, i) => [n, tileBytes + 8 * i])) as Record<(typeof names)[number], number>;
  const frame = alignUp(tileBytes + 8 * names.length, 64);
  const slot = (n: keyof typeof F) => qword(rsp, F[n]);
  const one = type === 'f64' ? 0x3ff0000000000000n : 0x3f800000n;

  const { symbol } = gemmPrototype(type);
  const micro = a.label('micro_kernel');
  const packA = a.label('pack_a');
  const packB = a.label('pack_b');
  const scratch = a.label('packing_buffers');
  const exit = a.label();
  const scale = a.label();

  a.global(a.here(symbol));
  a.push(rbp);
  a.mov(rbp, rsp);
  for (const r of [rbx, r12, r13, r14, r15]) a.push(r);
  a.sub(rsp, frame);
  a.and(rsp, -64);
  a.test(rdx, rdx);
  a.jle(exit);
  a.test(rcx, rcx);
  a.jle(exit);
  a.mov(slot('m'), rdx);
  a.mov(slot('n'), rcx);
  a.mov(slot('k'), r8);
  a.mov(slot('a'), r9);
  a.vmovsd(slot('alpha'), xmm0);
  a.vmovsd(slot('betaUser'), xmm1);
  // Strides of op(A) and op(B) in bytes: rows and depth of A, depth and columns of B.
  const strides = (trans: typeof edi, ld: number, rs: keyof typeof F, cs: keyof typeof F): void => {
    const done = a.label();
    a.mov(rax, qword(rbp, ld));
    a.shl(rax, log2es);
    a.mov(slot(rs), rax);
    a.mov(slot(cs), es);
    a.test(trans, trans);
    a.jz(done);
    a.mov(slot(cs), rax);
    a.mov(slot(rs), es);
    a.bind(done);
  };
  strides(edi, 16, 'rsA', 'csA');
  strides(esi, 32, 'rsB', 'csB'); // op(B) is depth x columns: a step in depth is a row of B
  a.mov(rax, qword(rbp, 24));
  a.mov(slot('b'), rax);
  a.mov(rax, qword(rbp, 40));
  a.mov(slot('c'), rax);
  a.mov(rax, qword(rbp, 48));
  a.shl(rax, log2es);
  a.mov(slot('ldcB'), rax);
  // Zero tests on the bits (the sign shifted out: -0 is 0).
  const isZero = (x: typeof xmm0, to: keyof typeof F | null): void => {
    if (type === 'f64') {
      a.movq(rax, x);
      a.add(rax, rax);
    } else {
      a.movd(eax, x);
      a.add(eax, eax);
    }
    if (to === null) return;
    a.setz(al);
    a.movzx(eax, al);
    a.mov(slot(to), rax);
  };
  isZero(xmm1, 'betaZeroUser');
  a.cmp(slot('k'), 0);
  a.jle(scale);
  isZero(xmm0, null);
  a.jz(scale);

  // The packing buffers, allocated on the first call.
  const have = a.label();
  a.mov(rax, qword(scratch));
  a.test(rax, rax);
  a.jnz(have);
  a.mov(rdi, 4096);
  a.mov(rsi, packedA + packedB);
  a.call(a.extern('aligned_alloc'));
  const fail = a.label();
  a.test(rax, rax);
  a.jz(fail);
  a.mov(qword(scratch), rax);
  a.bind(have);
  a.mov(slot('ap'), rax);
  a.add(rax, packedA);
  a.mov(slot('bp'), rax);

  const minInto = (
    to: keyof typeof F,
    total: keyof typeof F,
    done: keyof typeof F | typeof rbx | typeof r12,
    block: number,
  ): void => {
    const ok = a.label();
    a.mov(rax, slot(total));
    a.sub(rax, typeof done === 'string' ? slot(done) : done);
    a.cmp(rax, block);
    a.jbe(ok);
    a.mov(eax, block);
    a.bind(ok);
    a.mov(slot(to), rax);
  };

  const jcLoop = a.label();
  const pcLoop = a.label();
  const icLoop = a.label();
  const jrLoop = a.label();
  const irLoop = a.label();
  const edge = a.label();
  const irNext = a.label();
  a.mov(slot('jc'), 0);
  a.bind(jcLoop);
  minInto('nc', 'n', 'jc', NC);
  a.mov(slot('pc'), 0);
  a.mov(rax, slot('betaUser'));
  a.mov(slot('beta'), rax);
  a.mov(rax, slot('betaZeroUser'));
  a.mov(slot('betaZero'), rax);
  a.bind(pcLoop);
  minInto('kc', 'k', 'pc', KC);
  a.imul(rax, slot('kc'), mr * es);
  a.mov(slot('aPanel'), rax);
  a.imul(rax, slot('kc'), nr * es);
  a.mov(slot('bPanel'), rax);
  // pack B[pc.., jc..]
  a.mov(rdi, slot('pc'));
  a.imul(rdi, slot('rsB'));
  a.mov(rax, slot('jc'));
  a.imul(rax, slot('csB'));
  a.add(rdi, rax);
  a.add(rdi, slot('b'));
  a.mov(rsi, slot('bp'));
  a.mov(rdx, slot('nc'));
  a.mov(rcx, slot('kc'));
  a.mov(r8, slot('csB'));
  a.mov(r9, slot('rsB'));
  a.call(packB);
  a.mov(slot('ic'), 0);
  a.bind(icLoop);
  minInto('mc', 'm', 'ic', MC);
  // pack A[ic.., pc..]
  a.mov(rdi, slot('ic'));
  a.imul(rdi, slot('rsA'));
  a.mov(rax, slot('pc'));
  a.imul(rax, slot('csA'));
  a.add(rdi, rax);
  a.add(rdi, slot('a'));
  a.mov(rsi, slot('ap'));
  a.mov(rdx, slot('mc'));
  a.mov(rcx, slot('kc'));
  a.mov(r8, slot('rsA'));
  a.mov(r9, slot('csA'));
  a.call(packA);
  // r15: C[ic, jc]; rbx: jr; r14: the B micro-panel; r12: ir; r13: the A micro-panel.
  a.mov(r15, slot('ic'));
  a.imul(r15, slot('ldcB'));
  a.mov(rax, slot('jc'));
  a.lea(r15, qword(r15, rax, es));
  a.add(r15, slot('c'));
  a.xor(ebx, ebx);
  a.mov(r14, slot('bp'));
  a.bind(jrLoop);
  minInto('nrEff', 'nc', rbx, nr);
  a.xor(r12d, r12d);
  a.mov(r13, slot('ap'));
  a.bind(irLoop);
  minInto('mrEff', 'mc', r12, mr);
  a.mov(rcx, r12);
  a.imul(rcx, slot('ldcB'));
  a.add(rcx, r15);
  a.lea(rcx, qword(rcx, rbx, es));
  a.mov(rdi, slot('kc'));
  a.mov(rsi, r13);
  a.mov(rdx, r14);
  a.lea(r10, slot('alpha'));
  a.cmp(slot('mrEff'), mr);
  a.jne(edge);
  a.cmp(slot('nrEff'), nr);
  a.jne(edge);
  a.mov(r8, slot('ldcB'));
  a.mov(r9, slot('betaZero'));
  a.call(micro);
  a.jmp(irNext);
  a.bind(edge);
  a.mov(slot('cptr'), rcx);
  a.lea(rcx, qword(rsp, 0));
  a.mov(r8d, nr * es);
  a.mov(r9d, 1);
  a.call(micro);
  emitEdgeMerge(a, v, nr, slot, (n) => v.elem(rsp, F[n]));
  a.bind(irNext);
  a.add(r13, slot('aPanel'));
  a.add(r12, mr);
  a.cmp(r12, slot('mc'));
  a.jb(irLoop);
  a.add(r14, slot('bPanel'));
  a.add(rbx, nr);
  a.cmp(rbx, slot('nc'));
  a.jb(jrLoop);
  a.mov(rax, slot('ic'));
  a.add(rax, MC);
  a.mov(slot('ic'), rax);
  a.cmp(rax, slot('m'));
  a.jb(icLoop);
  // Later depth blocks add to what the first wrote: beta 1.
  a.mov(rax, one);
  a.mov(slot('beta'), rax);
  a.mov(slot('betaZero'), 0);
  a.mov(rax, slot('pc'));
  a.add(rax, KC);
  a.mov(slot('pc'), rax);
  a.cmp(rax, slot('k'));
  a.jb(pcLoop);
  a.mov(rax, slot('jc'));
  a.add(rax, NC);
  a.mov(slot('jc'), rax);
  a.cmp(rax, slot('n'));
  a.jb(jcLoop);

  a.bind(exit);
  a.lea(rsp, qword(rbp, -40));
  for (const r of [r15, r14, r13, r12, rbx]) a.pop(r);
  a.pop(rbp);
  a.vzeroupper();
  a.ret();

  emitScale(a, v, slot, (n) => v.elem(rsp, F[n]), exit, scale);
  // No memory for the packing buffers: stop here rather than return a C that was not computed.
  a.bind(fail);
  a.ud2();

  emitMicroKernel(a, v, { mr, nr }, micro);
  emitPack(a, v, mr, packA);
  emitPack(a, v, nr, packB);
  a.data();
  a.align(8);
  a.bind(scratch);
  a.dq(0);
  a.text();
}

type Slot = (
  n: 'mrEff' | 'nrEff' | 'cptr' | 'beta' | 'betaZero' | 'ldcB' | 'c' | 'm' | 'n' | 'betaUser' | 'betaZeroUser',
) => ReturnType<typeof qword>;

/** C[edge] = tile (beta 0) or tile + beta * C, over mrEff x nrEff; the tile is at rsp (this runs in the driver's frame). */
function emitEdgeMerge(a: Assembler, v: Vector, nr: number, slot: Slot, elem: Slot): void {
  const row = a.label();
  const col = a.label();
  const store = a.label();
  a.mov(rdi, slot('cptr'));
  a.lea(rsi, qword(rsp, 0));
  a.mov(rdx, slot('mrEff'));
  v.loadScalar(a, xmm1, elem('beta'));
  a.mov(r8, slot('betaZero'));
  a.bind(row);
  a.xor(eax, eax);
  a.bind(col);
  v.loadScalar(a, xmm0, v.elemAt(rsi, rax));
  a.test(r8, r8);
  a.jnz(store);
  v.loadScalar(a, xmm2, v.elemAt(rdi, rax));
  v.fmadd231x(a, xmm0, xmm1, xmm2);
  a.bind(store);
  v.storeScalar(a, v.elemAt(rdi, rax), xmm0);
  a.inc(rax);
  a.cmp(rax, slot('nrEff'));
  a.jb(col);
  a.add(rdi, slot('ldcB'));
  a.add(rsi, nr * v.es);
  a.dec(rdx);
  a.jnz(row);
}

/** k = 0 or alpha = 0: C = beta * C (zeros when beta is 0, C not read). */
function emitScale(a: Assembler, v: Vector, slot: Slot, elem: Slot, exit: Label, entry: Label): void {
  const row = a.label();
  const col = a.label();
  const store = a.label();
  a.bind(entry);
  a.mov(rdi, slot('c'));
  a.mov(rdx, slot('m'));
  v.loadScalar(a, xmm1, elem('betaUser'));
  a.mov(r8, slot('betaZeroUser'));
  a.bind(row);
  a.xor(eax, eax);
  a.bind(col);
  a.vxorps(xmm0, xmm0, xmm0);
  a.test(r8, r8);
  a.jnz(store);
  v.loadScalar(a, xmm0, v.elemAt(rdi, rax));
  v.mulx(a, xmm0, xmm0, xmm1);
  a.bind(store);
  v.storeScalar(a, v.elemAt(rdi, rax), xmm0);
  a.inc(rax);
  a.cmp(rax, slot('n'));
  a.jb(col);
  a.add(rdi, slot('ldcB'));
  a.dec(rdx);
  a.jnz(row);
  a.jmp(exit);
}

/** The kernel as an object of our assembler. */
export function gemmObject(type: GemmType, isa: GemmIsa, shape: GemmShape): ObjectCode {
  const a = new Assembler();
  emitGemm(a, type, isa, shape);
  return a.finish();
}
