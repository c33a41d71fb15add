/**
 * The encoder corpus test: thousands of instructions generated from the form
 * table, assembled by our builder and by GNU `as` (one invocation), compared
 * byte for byte per instruction; then our bytes disassembled by
 * `objdump -d -M intel` must give back, instruction for instruction, the
 * source text. Whole programs check branch relaxation and `align` padding.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AsmError,
  Assembler,
  type Form,
  formsByMnemonic,
  type ObjectCode,
  type Operand,
  selectForm,
} from '../../src/x86/index.js';
import {
  alignPrograms,
  generateCorpus,
  type Instance,
  type ProgramItem,
  relaxationPrograms,
} from '../support/corpus.js';
import { GasError, type GasObject, gas, gasVersion, objdump, parseObjdump } from '../support/gas.js';
import { hex } from '../support/hex.js';
import { hasUnsizedMemory, normalize } from '../support/normalize.js';

function fill(a: Assembler, n: number): void {
  if (n > 0) a.bytes(new Array<number>(n).fill(0x90));
}

function textSection(o: ObjectCode): { bytes: Uint8Array; symbols: Map<string, number> } {
  const sec = o.sections.findIndex((s) => s.name === '.text');
  const text = o.sections[sec];
  assert.ok(text, 'no .text');
  assert.deepEqual(text.relocs, [], 'our .text has relocations');
  const symbols = new Map<string, number>();
  for (const s of o.symbols) if (s.section === sec) symbols.set(s.name, s.offset);
  return { bytes: text.bytes, symbols };
}

interface CorpusRun {
  instances: Instance[];
  ours: Uint8Array;
  ourSyms: Map<string, number>;
  ourErrors: Map<number, string>;
  ref: GasObject;
  gasErrors: Map<number, string>;
  /** The row our encoder chose per instance (undefined when it refused the instance). */
  chosen: (Form | undefined)[];
  /** Instances our assembler encoded but `selectForm` refused on the same operands: by index, its message. */
  unselectable: Map<number, string>;
}

function runCorpus(): CorpusRun {
  const a = new Assembler();
  const instances = generateCorpus({ seed: 0x5eed, label: (n) => a.label(n) });
  const ourErrors = new Map<number, string>();
  const chosen: (Form | undefined)[] = [];
  const unselectable = new Map<number, string>();
  const lines: string[] = [];
  /** Source line (0-based) of each instance's instruction. */
  const lineOf: number[] = [];
  for (const [i, x] of instances.entries()) {
    const t = x.target;
    const label = x.label;
    if (t && label && t.side === 'before') {
      a.bind(label);
      fill(a, t.gap);
      lines.push(`${label.name}:`, `.fill ${t.gap}, 1, 0x90`);
    }
    a.bind(a.label(`s${i}`));
    try {
      if (x.prefix === 'lock') a.lock();
      else if (x.prefix === 'rep') a.rep();
      else if (x.prefix === 'repne') a.repne();
      a.emit(x.mnemonic, x.ops);
      // `imul r, imm` is encoded as `imul r, r, imm` (as the assembler does).
      const [r, v] = x.ops;
      const imulShort = x.mnemonic === 'imul' && x.ops.length === 2 && (typeof v === 'number' || typeof v === 'bigint');
      try {
        chosen.push(selectForm(x.mnemonic, imulShort ? [r as Operand, r as Operand, v] : x.ops));
      } catch (e) {
        if (!(e instanceof AsmError)) throw e;
        unselectable.set(i, e.message);
        chosen.push(undefined);
      }
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      ourErrors.set(i, e.message);
      chosen.push(undefined);
    }
    a.bind(a.label(`e${i}`));
    lines.push(`s${i}:`);
    lineOf.push(lines.length);
    lines.push(x.text, `e${i}:`);
    if (t && label && t.side === 'after') {
      fill(a, t.gap);
      a.bind(label);
      lines.push(`.fill ${t.gap}, 1, 0x90`, `${label.name}:`);
    }
  }
  const { bytes: ours, symbols: ourSyms } = textSection(a.finish());

  // One `as` run; if it refuses lines, those instances are mismatches and the rest is assembled again.
  const gasErrors = new Map<number, string>();
  const instanceAtLine = new Map(lineOf.map((l, i) => [l, i]));
  let ref: GasObject;
  try {
    ref = gas(lines.join('\n'));
  } catch (e) {
    if (!(e instanceof GasError)) throw e;
    for (const [line, msg] of e.errors) {
      const i = instanceAtLine.get(line - 1);
      if (i === undefined) throw e;
      gasErrors.set(i, msg);
      lines[line - 1] = '';
    }
    ref = gas(lines.join('\n'));
  }
  for (const [line, msg] of ref.warnings) {
    const i = instanceAtLine.get(line - 1);
    if (i !== undefined) gasErrors.set(i, `warning: ${msg}`);
  }
  return { instances, ours, ourSyms, ourErrors, ref, gasErrors, chosen, unselectable };
}

let cached: CorpusRun | undefined;
const corpus = (): CorpusRun => (cached ??= runCorpus());

test('corpus: every instruction encodes byte for byte as GNU as encodes it', (t) => {
  const { instances, ours, ourSyms, ourErrors, ref, gasErrors } = corpus();
  assert.ok(instances.length >= 5000, `corpus has only ${instances.length} instances`);
  assert.deepEqual(ref.relocs, [], 'GNU as left relocations in the corpus');
  const mismatches: string[] = [];
  for (const [i, x] of instances.entries()) {
    const where = `#${i} \`${x.text}\` (row ${x.origin})`;
    const gerr = gasErrors.get(i);
    const oerr = ourErrors.get(i);
    if (gerr !== undefined || oerr !== undefined) {
      mismatches.push(
        `${where}: GNU as ${gerr ? `rejects: ${gerr}` : 'accepts'}; ours ${oerr ? `rejects: ${oerr}` : 'accepts'}`,
      );
      continue;
    }
    const g = ref.text.subarray(ref.symbols.get(`s${i}`) as number, ref.symbols.get(`e${i}`) as number);
    const o = ours.subarray(ourSyms.get(`s${i}`) as number, ourSyms.get(`e${i}`) as number);
    if (hex(g) !== hex(o)) mismatches.push(`${where}: expected ${hex(g)}, got ${hex(o)}`);
  }
  const mnemonics = new Set(instances.map((x) => x.mnemonic)).size;
  t.diagnostic(`reference: ${gasVersion()}`);
  t.diagnostic(
    `corpus: ${instances.length} instances of ${mnemonics} mnemonics; byte mismatches: ${mismatches.length}`,
  );
  assert.equal(mismatches.length, 0, `${mismatches.length} mismatches:\n${mismatches.join('\n')}`);
});

test('corpus: objdump -d -M intel decodes our bytes back to the source, one instruction each', (t) => {
  const { instances, ours, ourSyms, ourErrors } = corpus();
  const decoded = new Map(parseObjdump(objdump(ours)).map((d) => [d.offset, d]));
  const labels = new Map([...ourSyms].map(([k, v]) => [k.toLowerCase(), v]));
  const mismatches: string[] = [];
  let checked = 0;
  for (const [i, x] of instances.entries()) {
    if (ourErrors.has(i)) continue;
    const start = ourSyms.get(`s${i}`) as number;
    const end = ourSyms.get(`e${i}`) as number;
    const d = decoded.get(start);
    const where = `#${i} \`${x.text}\` (${hex(ours.subarray(start, end))})`;
    if (!d) {
      mismatches.push(`${where}: no instruction decoded at ${start}`);
      continue;
    }
    if (d.bytes.length !== end - start) {
      mismatches.push(`${where}: decoded as ${d.bytes.length} bytes: ${d.text}`);
      continue;
    }
    const ctx = { labels, end, dropMemSize: hasUnsizedMemory(x.text) };
    let want: string;
    let got: string;
    try {
      want = normalize(x.text, ctx);
      got = normalize(d.text, ctx);
    } catch (e) {
      mismatches.push(`${where}: ${(e as Error).message} (objdump: ${d.text})`);
      continue;
    }
    checked++;
    if (want !== got) mismatches.push(`${where}: objdump says \`${d.text}\`; ${want} != ${got}`);
  }
  t.diagnostic(`disassembly: ${checked} instructions checked; mismatches: ${mismatches.length}`);
  assert.ok(checked > 0, 'no instruction was checked');
  assert.equal(mismatches.length, 0, `${mismatches.length} mismatches:\n${mismatches.join('\n')}`);
});

test('corpus: every row of the table is chosen by some instance', (t) => {
  const { instances, chosen, ourSyms, unselectable } = corpus();
  // The assembler encoded these, so selectForm must name the row it took.
  assert.deepEqual(
    [...unselectable].map(([i, msg]) => `#${i} \`${(instances[i] as Instance).text}\`: ${msg}`),
    [],
  );
  const used = new Set<Form>();
  for (const [i, f] of chosen.entries()) {
    if (!f) continue;
    // A relaxed branch took its rel8 or its rel32 row: tell them by length.
    const near = (formsByMnemonic.get(f.mnemonic) ?? []).find((g) => g.kinds[0]?.rel === 4);
    if (f.kinds[0]?.rel === 1 && near) {
      const len = (ourSyms.get(`e${i}`) as number) - (ourSyms.get(`s${i}`) as number);
      used.add(len === f.opcode.length + 1 ? f : near);
    } else used.add(f);
  }
  const unused: string[] = [];
  for (const [m, forms] of formsByMnemonic) {
    for (const f of forms) if (!used.has(f)) unused.push(`${m} ${f.kinds.map((k) => k.name).join(',')} ${f.enc}`);
  }
  t.diagnostic(
    `rows chosen: ${used.size} of ${[...formsByMnemonic.values()].flat().length} (${instances.length} instances)`,
  );
  t.diagnostic(`rows never chosen: ${unused.length}`);
  assert.deepEqual(unused, []);
});

/** The instructions the encoder must cover (the issue's list), written out independently of the table. */
const REQUIRED = `mov movabs movzx movsx movsxd lea add adc sub sbb and or xor cmp test not neg inc dec imul mul
div idiv shl shr sar rol ror push pop call jmp ret leave xchg bt bts btr bsf bsr lzcnt tzcnt popcnt cqo cdq
cdqe nop int3 ud2 pause syscall cpuid rdtsc mfence lfence sfence xadd cmpxchg movsb stosb stosq
movsd movss movapd movupd movaps movups movd movq addsd addss addpd addps subsd subss subpd subps mulsd
mulss mulpd mulps divsd divss divpd divps sqrtsd sqrtss sqrtpd sqrtps minsd minss minpd minps maxsd maxss
maxpd maxps xorpd andpd orpd xorps pxor ucomisd comisd cvtsi2sd cvttsd2si cvtsd2ss cvtss2sd vmovupd
vmovapd vmovups vmovsd vaddpd vsubpd vmulpd vdivpd vmaxpd vminpd vxorpd vandpd vaddsd vsubsd vmulsd
vfmadd231pd vfmadd213pd vfnmadd231pd vfmadd231sd vfmadd213sd vbroadcastsd vextractf128 vinsertf128
vperm2f128 vpermpd vzeroupper shld shrd bswap rcl rcr roundsd
vmovups vmovaps vbroadcastss vfmadd231ps vfmadd132pd vfmadd213ps vaddps vmulps vsubps vxorps vmaxps
kmovw kmovb kmovq kmovd kxnorw vpxord vpxorq prefetcht0 prefetcht1 prefetcht2`.split(/\s+/);
const CC_SPELLINGS = 'o no b c nae ae nb nc e z ne nz be na a nbe s ns p pe np po l nge ge nl le ng g nle'.split(' ');

test('corpus: covers the required instructions, every condition-code spelling, prefixes and operand sizes', (t) => {
  const { instances } = corpus();
  const texts = new Set(instances.map((x) => x.text.split(' ')[0]));
  const has = new Set(instances.map((x) => x.mnemonic));
  const missing = REQUIRED.filter((m) => !has.has(m));
  for (const cc of CC_SPELLINGS) for (const p of ['j', 'set', 'cmov']) if (!has.has(p + cc)) missing.push(p + cc);
  for (const p of ['lock', 'rep', 'repe', 'repne']) if (!texts.has(p)) missing.push(`${p} prefix`);
  // Each listed instruction with every general-register width it has, in the source text.
  const widths: [string, RegExp][] = [
    ['r8..r15', /\br(8|9|1[0-5])[dwb]?\b/],
    ['spl..dil', /\b(spl|bpl|sil|dil)\b/],
    ['ah..bh', /\b[abcd]h\b/],
    ['rsp base', /\[rsp\b/],
    ['rbp base', /\[rbp\b/],
    ['r12 base', /\[r12\b/],
    ['r13 base', /\[r13\b/],
    ['scale 2', /\*2\b/],
    ['scale 4', /\*4\b/],
    ['scale 8', /\*8\b/],
    ['RIP-relative label', /\[rip \+ L\d+/],
    ['RIP-relative number', /\[rip [+-] \d/],
    ['absolute address', /ptr \[(0x)?\d/],
    ['disp8', /[+-] (127|128|0x7f|0x80)\]/],
    ['disp32', /[+-] (0x7fffffff|2147483647|0x80000000|2147483648)\]/],
    ['ymm', /\bymm1[0-5]\b/],
    // AVX-512.
    ['zmm', /\bzmm(1[6-9]|2\d|3[01])\b/],
    ['xmm16..31', /\bxmm(1[6-9]|2\d|3[01])\b/],
    ['ymm16..31', /\bymm(1[6-9]|2\d|3[01])\b/],
    ['write mask', /^v\w+ [xyz]mm\d+\{k[1-7]\},/],
    ['masked store', /^vmov\w+ [xyz]mmword ptr [^,]*\{k[1-7]\},/],
    ['zeroing', /\{k[1-7]\}\{z\}/],
    ['broadcast {1to2}', /\{1to2\}/],
    ['broadcast {1to4}', /\{1to4\}/],
    ['broadcast {1to8}', /\{1to8\}/],
    ['broadcast {1to16}', /\{1to16\}/],
    ['{rn-sae}', /\{rn-sae\}/],
    ['{rd-sae}', /\{rd-sae\}/],
    ['{ru-sae}', /\{ru-sae\}/],
    ['{rz-sae}', /\{rz-sae\}/],
    ['{sae}', /, \{sae\}/],
    ['disp8*64 edge', /zmmword ptr \[r13 \+ (0x1fc0|8128)\]/],
    ['disp8*64 beyond', /zmmword ptr \[rbx \+ (0x2000|8192)\]/],
    ['disp8*8 broadcast edge', /qword ptr \[rsp - (0x400|1024)\]\{1to/],
    ['mask register', /^k\w+ k[0-7], /],
  ];
  for (const [what, re] of widths) if (!instances.some((x) => re.test(x.text))) missing.push(what);
  t.diagnostic(
    `corpus covers ${REQUIRED.length} required mnemonics x operand forms, ${CC_SPELLINGS.length} cc spellings`,
  );
  assert.deepEqual(missing, []);
});

// ---------------------------------------------------------------------------
// Whole programs.

function programText(items: ProgramItem[], p: string): string[] {
  return items.map((it) => {
    switch (it.kind) {
      case 'label':
        return `${p}${it.name}:`;
      case 'fill':
        return `.fill ${it.n}, 1, 0x90`;
      case 'jump':
        return `${it.mnemonic} ${p}${it.target}`;
      case 'align':
        return `.p2align ${Math.log2(it.n)}${it.max !== undefined ? `,,${it.max}` : ''}`;
    }
    return '';
  });
}

function programBuild(a: Assembler, items: ProgramItem[], p: string): void {
  for (const it of items) {
    if (it.kind === 'label') a.bind(a.label(`${p}${it.name}`));
    else if (it.kind === 'fill') fill(a, it.n);
    else if (it.kind === 'jump') a.emit(it.mnemonic, [a.label(`${p}${it.target}`)]);
    else a.align(it.n, undefined, it.max);
  }
}

/** Assembles all programs in one run each, 64-byte aligned apart, and compares them one by one. */
function comparePrograms(programs: ProgramItem[][]): string[] {
  const a = new Assembler();
  const lines: string[] = [];
  for (const [k, items] of programs.entries()) {
    a.align(64);
    a.bind(a.label(`P${k}`));
    programBuild(a, items, `p${k}_`);
    a.bind(a.label(`Q${k}`));
    lines.push('.p2align 6', `P${k}:`, ...programText(items, `p${k}_`), `Q${k}:`);
  }
  const { bytes, symbols } = textSection(a.finish());
  const ref = gas(lines.join('\n'));
  const bad: string[] = [];
  for (const [k, items] of programs.entries()) {
    const g = ref.text.subarray(ref.symbols.get(`P${k}`) as number, ref.symbols.get(`Q${k}`) as number);
    const o = bytes.subarray(symbols.get(`P${k}`) as number, symbols.get(`Q${k}`) as number);
    if (hex(g) !== hex(o)) {
      bad.push(`program ${k} (${programText(items, '').join('; ')}):\n  expected ${hex(g)}\n  got      ${hex(o)}`);
    }
  }
  if (hex(ref.text) !== hex(bytes)) bad.push('whole .text differs');
  return bad;
}

test('branch relaxation matches GNU as (distances around rel8, chains, random programs)', (t) => {
  const programs = relaxationPrograms();
  const bad = comparePrograms(programs);
  t.diagnostic(`relaxation: ${programs.length} programs; mismatches: ${bad.length}`);
  assert.equal(bad.length, 0, bad.join('\n'));
});

test('align pads with the multi-byte NOPs GNU as uses, for every padding 0..31', (t) => {
  const programs = alignPrograms();
  const bad = comparePrograms(programs);
  t.diagnostic(`align: ${programs.length} programs; mismatches: ${bad.length}`);
  assert.equal(bad.length, 0, bad.join('\n'));
});
