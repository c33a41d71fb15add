/**
 * Writes methods.ts, the builder's typed mnemonic methods, from the
 * instruction table: one method per mnemonic, with an overload per operand
 * signature its rows accept (`vaddpd(dst: Ymm, a: Ymm, b: Ymm | Mem)`). The
 * types of an operand come from its kind (kinds.ts). A test fails when the
 * file is stale; after changing the table, run
 *
 *   npx tsc -p . && node dist/src/x86/generate.js
 */

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Form, formsByMnemonic } from './forms.js';
import type { OperandKind } from './kinds.js';

/** The builder's operand types, in the order a union lists them. */
const ATOMS = [
  'Gp8',
  'Gp16',
  'Gp32',
  'Gp64',
  'Xmm',
  'Ymm',
  'Zmm',
  'KReg',
  'Mem',
  'Imm',
  'Label',
  'Rounding',
  'Sae',
] as const;
type Atom = (typeof ATOMS)[number];

const REG_TYPES: Record<string, Atom> = {
  'gp 1': 'Gp8',
  'gp 2': 'Gp16',
  'gp 4': 'Gp32',
  'gp 8': 'Gp64',
  'xmm 16': 'Xmm',
  'ymm 32': 'Ymm',
  'zmm 64': 'Zmm',
  'k 8': 'KReg',
};

/** The operand types a kind takes, as a bit set over ATOMS. */
function typesOf(k: OperandKind): number {
  let t = 0;
  const bit = (a: Atom) => {
    t |= 1 << ATOMS.indexOf(a);
  };
  if (k.reg !== null) {
    const a = REG_TYPES[`${k.reg} ${k.regSize}`];
    if (a === undefined) throw new Error(`generate: no builder type for ${k.reg} registers of ${k.regSize} bytes`);
    bit(a);
  }
  if (k.mem >= 0 || k.moffs) bit('Mem');
  if (k.imm !== 0 || k.value !== null) bit('Imm');
  if (k.rel !== 0) bit('Label');
  if (t === 0) throw new Error(`generate: kind ${k.name} takes nothing`);
  return t;
}

function union(t: number): string {
  return ATOMS.filter((_, i) => t & (1 << i)).join(' | ');
}

/**
 * The signatures of a mnemonic's forms, merged while that stays exact: two
 * signatures that differ in one position become one with the union there,
 * and a signature another covers goes.
 */
function signatures(forms: readonly Form[]): number[][] {
  let sigs: number[][] = forms.map((f) => f.kinds.map(typesOf));
  // A rounding operand after the register it rounds (that operand a register, then).
  for (const f of forms) {
    if (f.rc === null) continue;
    const s = f.kinds.map(typesOf);
    s[f.rcAt] = (s[f.rcAt] as number) & ~(1 << ATOMS.indexOf('Mem'));
    s.splice(f.rcAt + 1, 0, 1 << ATOMS.indexOf(f.rc === 'er' ? 'Rounding' : 'Sae'));
    sigs.push(s);
  }
  // `imul r, imm` is `imul r, r, imm` (the assembler writes the register twice).
  if (forms[0]?.mnemonic === 'imul') {
    for (const s of [...sigs])
      if (s.length === 3 && s[2] === 1 << ATOMS.indexOf('Imm')) sigs.push([s[0] as number, s[2]]);
  }
  const covers = (a: number[], b: number[]) =>
    a.length === b.length && a.every((t, i) => (t & (b[i] as number)) === b[i]);
  for (let changed = true; changed; ) {
    changed = false;
    outer: for (let i = 0; i < sigs.length; i++) {
      for (let j = 0; j < sigs.length; j++) {
        if (i === j) continue;
        const a = sigs[i] as number[];
        const b = sigs[j] as number[];
        if (covers(a, b)) {
          sigs.splice(j, 1);
          changed = true;
          break outer;
        }
        if (a.length !== b.length) continue;
        const diff = a.flatMap((t, p) => (t === b[p] ? [] : [p]));
        if (diff.length === 1) {
          const p = diff[0] as number;
          sigs[i] = a.map((t, q) => (q === p ? t | (b[p] as number) : t));
          sigs.splice(j, 1);
          changed = true;
          break outer;
        }
      }
    }
  }
  sigs = sigs.sort((a, b) => a.length - b.length);
  return sigs;
}

/** Parameter names by position: the destination, the sources, an immediate, a branch target. */
function paramNames(sig: number[]): string[] {
  const imm = 1 << ATOMS.indexOf('Imm');
  const label = 1 << ATOMS.indexOf('Label');
  const rc = (1 << ATOMS.indexOf('Rounding')) | (1 << ATOMS.indexOf('Sae'));
  const count = sig.filter((t, i) => i > 0 && t !== imm && t !== label && (t & rc) === 0).length;
  const sources = count === 1 ? ['src'] : ['a', 'b', 'c'];
  let next = 0;
  return sig.map((t, i) => {
    if (t === label) return 'target';
    if (t === 1 << ATOMS.indexOf('Rounding') || t === 1 << ATOMS.indexOf('Sae')) return 'rc';
    if (t === imm && i > 0) return 'imm';
    if (i === 0) return sig.length === 1 ? 'op' : 'dst';
    return sources[next++] as string;
  });
}

/** One overload, wrapped as the formatter wraps a signature too long for its line. */
function overload(mnemonic: string, sig: number[]): string {
  const names = paramNames(sig);
  const params = sig.map((t, i) => `${names[i]}: ${union(t)}`);
  const line = `  ${mnemonic}(${params.join(', ')}): this;`;
  if (line.length <= 120) return line;
  return `  ${mnemonic}(\n${params.map((p) => `    ${p},\n`).join('')}  ): this;`;
}

/** The text of methods.ts. */
export function methodsSource(): string {
  const out: string[] = [];
  out.push(
    '/**',
    " * The builder's mnemonic methods, one per mnemonic of the table, typed by",
    ' * the operand kinds of its rows. Generated from the instruction table by',
    ' * generate.ts; do not edit. Each method is a plain method of the class (no',
    ' * prototype patching at import), and makes its memo at its first call.',
    ' */',
    '',
    "import { AssemblerCore } from './assembler.js';",
    'import type {',
    ...[...ATOMS, 'Operand'].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((t) => `  ${t},`),
    "} from './operands.js';",
    "import { type FormMemo, memoFor } from './select.js';",
    '',
    '/** Every mnemonic of the table, in table order. */',
    'export const MNEMONICS = [',
  );
  for (const m of formsByMnemonic.keys()) out.push(`  '${m}',`);
  out.push(
    '] as const;',
    '',
    'export type Mnemonic = (typeof MNEMONICS)[number];',
    '',
    '/** The memo of each mnemonic, by its number in MNEMONICS, made at its first call. */',
    'const MEMOS: (FormMemo | undefined)[] = [];',
    '',
    'function memo(i: number): FormMemo {',
    '  const m = memoFor(MNEMONICS[i] as string);',
    '  MEMOS[i] = m;',
    '  return m;',
    '}',
    '',
    '/** One method per mnemonic: `a.vaddpd(ymm0, ymm1, qword(rax))`. */',
    'export class MnemonicMethods extends AssemblerCore {',
  );
  let i = 0;
  for (const [m, forms] of formsByMnemonic) {
    const features = [...new Set(forms.flatMap((f) => f.features))].join(', ');
    out.push(`  /** ${m.toUpperCase()} (${features}) */`);
    for (const sig of signatures(forms)) out.push(overload(m, sig));
    out.push(
      `  ${m}(a?: Operand, b?: Operand, c?: Operand, d?: Operand, e?: Operand): this {`,
      `    return this.emitOperands(MEMOS[${i}] ?? memo(${i}), a, b, c, d, e);`,
      '  }',
    );
    i++;
  }
  out.push('}', '');
  return out.join('\n');
}

/** Where methods.ts is, from this module's place in dist/src/x86 or src/x86. */
export function methodsPath(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.replace(/[/\\]dist[/\\]src[/\\]x86[/\\]$/, '/src/x86/') + 'methods.ts';
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(methodsPath(), methodsSource());
  process.stdout.write(`wrote ${methodsPath()}\n`);
}
