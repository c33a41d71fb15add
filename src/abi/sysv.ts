/**
 * The System V AMD64 calling convention as data: for a signature, where each
 * argument's bytes go and where the result's bytes come back from, so that a
 * trampoline generator (a call into C) or a thunk generator (a call from C)
 * walks a plan part by part instead of knowing the rules.
 *
 * The rules (System V ABI, AMD64 supplement, 3.2.3):
 * - Each argument is split into eightbytes, each classed INTEGER, SSE, X87,
 *   X87UP, NO_CLASS or MEMORY. A scalar is one class (integers, bool and
 *   pointers INTEGER, float and double SSE). A struct or union over 16 bytes,
 *   or with a member off its natural alignment (packed), is MEMORY; otherwise
 *   the classes of the members in an eightbyte merge: equal stays, NO_CLASS
 *   yields, MEMORY wins, then INTEGER, then X87* makes MEMORY, else SSE.
 * - INTEGER eightbytes take rdi rsi rdx rcx r8 r9 in order, SSE ones xmm0–7.
 *   An argument whose eightbytes do not all fit in the registers left goes on
 *   the stack whole, and later arguments still take registers. MEMORY and X87
 *   arguments are copied onto the stack (by value), 8-byte aligned (16 when
 *   the type is), in order.
 * - A result of class MEMORY is written by the callee to a buffer whose
 *   address the caller passes in rdi (so the arguments start at rsi); the
 *   callee returns that address in rax. Otherwise INTEGER eightbytes come back
 *   in rax then rdx, SSE ones in xmm0 then xmm1 (`struct { long a; double b; }`
 *   in rax and xmm0). An x87 result (st0) is not supported.
 * - A variadic callee expects al = the number of vector registers used.
 *
 * The plan (`planCall`):
 *
 *   {
 *     args: [{                       one per parameter, in order
 *       type,                         the CType
 *       classes: ['INTEGER', 'SSE'],  per eightbyte; ['MEMORY'] for a struct passed in memory
 *       onStack: false,               true when in memory (by class, or the registers ran out)
 *       parts: [                      the argument's bytes, each part at most 8 bytes
 *         { from: 0, size: 8, loc: { reg: 'rdi' } },
 *         { from: 8, size: 4, loc: { reg: 'xmm0' } },    low bytes of the register
 *       ],                            or { stack: 16 }: at [rsp + 16] at the call instruction
 *     }],
 *     ret: { type, classes, memory, parts },  parts in rax/rdx/xmm0/xmm1; none when void or memory
 *     hiddenReturn: false,           true: rdi = the result buffer; rax returns it
 *     stackBytes: 0,                 bytes of stack arguments (a multiple of 8; the caller
 *                                    keeps rsp 16-byte aligned at the call, padding above)
 *     intRegs, vecRegs,              registers used (the hidden pointer counts as one)
 *     variadic, al,                  al = vecRegs for a variadic call, else null
 *   }
 *
 * `from` and `size` are byte offsets into the argument's value as C stores it
 * (a struct's bytes as laid out by `layout.ts`; a scalar's little-endian
 * bytes). A register part's bytes are the register's low bytes; the bytes
 * above are unspecified (integers narrower than 8 bytes need no extension,
 * though Clang-built callees expect char and short extended to 32 bits, so a
 * generator should extend them).
 */

import { AbiError } from './errors.js';
import { leaves } from './layout.js';
import type { CType } from './types.js';

export type EightbyteClass = 'INTEGER' | 'SSE' | 'X87' | 'X87UP' | 'NO_CLASS' | 'MEMORY';

export const INT_ARG_REGS = ['rdi', 'rsi', 'rdx', 'rcx', 'r8', 'r9'] as const;
export const VEC_ARG_REGS = ['xmm0', 'xmm1', 'xmm2', 'xmm3', 'xmm4', 'xmm5', 'xmm6', 'xmm7'] as const;
export const INT_RET_REGS = ['rax', 'rdx'] as const;
export const VEC_RET_REGS = ['xmm0', 'xmm1'] as const;

export type Register =
  | (typeof INT_ARG_REGS)[number]
  | (typeof VEC_ARG_REGS)[number]
  | (typeof INT_RET_REGS)[number]
  | (typeof VEC_RET_REGS)[number];

export type Loc = { readonly reg: Register } | { readonly stack: number };

export interface Part {
  /** Offset of the first byte in the value. */
  readonly from: number;
  /** Bytes (1–8). */
  readonly size: number;
  readonly loc: Loc;
}

export interface ArgPlan {
  readonly type: CType;
  readonly classes: readonly EightbyteClass[];
  readonly onStack: boolean;
  readonly parts: readonly Part[];
}

export interface ReturnPlan {
  readonly type: CType;
  readonly classes: readonly EightbyteClass[];
  /** Returned through the hidden pointer (then `parts` is empty). */
  readonly memory: boolean;
  readonly parts: readonly Part[];
}

export interface CallPlan {
  readonly args: readonly ArgPlan[];
  readonly ret: ReturnPlan;
  readonly hiddenReturn: boolean;
  readonly stackBytes: number;
  readonly intRegs: number;
  readonly vecRegs: number;
  readonly variadic: boolean;
  readonly al: number | null;
}

/** What `planCall` reads: a `Signature` or a pointer's `FunctionType`. */
export interface CallShape {
  readonly ret: CType;
  readonly params: readonly { readonly type: CType }[];
  readonly variadic?: boolean;
}

function merge(a: EightbyteClass, b: EightbyteClass): EightbyteClass {
  if (a === b) return a;
  if (a === 'NO_CLASS') return b;
  if (b === 'NO_CLASS') return a;
  if (a === 'MEMORY' || b === 'MEMORY') return 'MEMORY';
  if (a === 'INTEGER' || b === 'INTEGER') return 'INTEGER';
  if (a === 'X87' || a === 'X87UP' || b === 'X87' || b === 'X87UP') return 'MEMORY';
  return 'SSE';
}

/** The class of each eightbyte of a value of type `t` (['MEMORY'] when it is passed in memory). */
export function classify(t: CType): EightbyteClass[] {
  switch (t.kind) {
    case 'void':
      return [];
    case 'f32':
    case 'f64':
      return ['SSE'];
    case 'f80':
      return ['X87', 'X87UP'];
    case 'struct':
      return classifyAggregate(t);
    default:
      return ['INTEGER'];
  }
}

function classifyAggregate(t: CType): EightbyteClass[] {
  const layout = t.layout;
  if (!layout) throw new AbiError(`${t.name} is incomplete: its layout is needed to pass it by value`);
  if (layout.size > 16) return ['MEMORY'];
  const classes: EightbyteClass[] = new Array(Math.ceil(layout.size / 8)).fill('NO_CLASS');
  for (const leaf of leaves(layout)) {
    // A member off its natural alignment (a packed struct) puts the whole value in memory.
    if (leaf.offset % leaf.type.align !== 0) return ['MEMORY'];
    const sub = classify(leaf.type);
    sub.forEach((c, k) => {
      const i = Math.floor(leaf.offset / 8) + k;
      classes[i] = merge(classes[i] as EightbyteClass, c);
    });
  }
  if (classes.includes('MEMORY')) return ['MEMORY'];
  if (classes.some((c, i) => c === 'X87UP' && classes[i - 1] !== 'X87')) return ['MEMORY'];
  return classes;
}

const inMemory = (classes: readonly EightbyteClass[]): boolean =>
  classes.includes('MEMORY') || classes.includes('X87') || classes.includes('X87UP');

/** The plan of a call with this signature (see the file header for its shape). */
export function planCall(sig: CallShape): CallPlan {
  const retClasses = classify(sig.ret);
  const hiddenReturn = retClasses.includes('MEMORY');
  if (!hiddenReturn && retClasses.includes('X87'))
    throw new AbiError(`a ${sig.ret.name} result (returned in the x87 register st0) is not supported`);
  let ints = hiddenReturn ? 1 : 0;
  let vecs = 0;
  let stack = 0;
  const args = sig.params.map((q): ArgPlan => {
    const t = q.type;
    if (t.kind === 'void') throw new AbiError("'void' is not an argument type");
    const classes = classify(t);
    const needInt = classes.filter((c) => c === 'INTEGER').length;
    const needVec = classes.filter((c) => c === 'SSE').length;
    if (!inMemory(classes) && ints + needInt <= INT_ARG_REGS.length && vecs + needVec <= VEC_ARG_REGS.length) {
      const parts: Part[] = [];
      classes.forEach((c, k) => {
        if (c === 'NO_CLASS') return;
        const reg = c === 'INTEGER' ? INT_ARG_REGS[ints++] : VEC_ARG_REGS[vecs++];
        parts.push({ from: 8 * k, size: Math.min(8, t.size - 8 * k), loc: { reg: reg as Register } });
      });
      return { type: t, classes, onStack: false, parts };
    }
    stack = alignUp(stack, Math.max(8, t.align));
    const parts: Part[] = [];
    for (let from = 0; from < t.size; from += 8) {
      parts.push({ from, size: Math.min(8, t.size - from), loc: { stack: stack + from } });
    }
    stack += alignUp(t.size, 8);
    return { type: t, classes, onStack: true, parts };
  });
  const ret = returnPlan(sig.ret, retClasses, hiddenReturn);
  const variadic = sig.variadic === true;
  return {
    args,
    ret,
    hiddenReturn,
    stackBytes: stack,
    intRegs: ints,
    vecRegs: vecs,
    variadic,
    al: variadic ? vecs : null,
  };
}

function returnPlan(t: CType, classes: EightbyteClass[], memory: boolean): ReturnPlan {
  if (memory) return { type: t, classes, memory, parts: [] };
  let ints = 0;
  let vecs = 0;
  const parts: Part[] = [];
  classes.forEach((c, k) => {
    if (c === 'NO_CLASS') return;
    const reg = c === 'INTEGER' ? INT_RET_REGS[ints++] : VEC_RET_REGS[vecs++];
    parts.push({ from: 8 * k, size: Math.min(8, t.size - 8 * k), loc: { reg: reg as Register } });
  });
  return { type: t, classes, memory, parts };
}

const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;
