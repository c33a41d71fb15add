/**
 * The Forth kernel: machine code the host assembles and loads into a running
 * sidecar (bootstrap stage 2). It holds what cannot be written in Forth
 * itself: the primitives (each with a one-line comment on its stack effect),
 * a native-code compiler (subroutine threading, small primitives copied
 * inline, literals folded into instructions, comparisons fused with
 * branches), the dictionary, the text interpreter, CATCH/THROW, and the
 * signal handler that turns faults into THROWs. Everything else is Forth
 * source compiled at boot (src/forth/src/*.ts, put together by system.ts).
 *
 * Entry points (System V ABI), called by the host through the sidecar's
 * CALL request:
 *   long forth_boot(void *ctx)                      sets up memory, signals, the dictionary
 *   long forth_eval(void *ctx, const char *src, long len)   interprets text; returns the THROW code
 *
 * Code space is a memfd mapped twice, read+write and read+execute, at
 * different addresses: the compiler writes through one view and code runs
 * from the other, so no page is ever writable and executable at once.
 * Register use and data layout: src/forth/layout.ts.
 */

import { MAP_ANONYMOUS, MAP_NORESERVE, MAP_PRIVATE, MAP_SHARED, MFD_CLOEXEC, PROT_RW, PROT_RX } from '../sys/linux.js';
import {
  Assembler,
  al,
  ax,
  bl,
  byte,
  cl,
  dl,
  dword,
  eax,
  ebx,
  ecx,
  edi,
  edx,
  esi,
  type Label,
  mem,
  type ObjectCode,
  qword,
  r8,
  r8b,
  r8d,
  r9,
  r9d,
  r10,
  r10d,
  r11,
  r11d,
  r12,
  r13,
  r14,
  r14d,
  r15,
  r15d,
  rax,
  rbp,
  rbx,
  rcx,
  rdi,
  rdx,
  rsi,
  rsp,
  xmm,
  xmm0,
  xmm1,
} from '../x86/index.js';
import { CTX, checkLayout, HDR, HFLAG, INFO, INFO_FLAG, MEM, THROW, U, WL } from './layout.js';

type A = Assembler;

/**
 * Machine code the compiler copies into the words it compiles, assembled
 * once with our own assembler. The last `open` bytes (an immediate or a
 * displacement assembled here as a placeholder) are left off: the compiler
 * writes them itself.
 */
function snippet(build: (s: A) => void, open = 0): number[] {
  const s = new Assembler();
  build(s);
  const bytes = s.finish().sections.find((x) => x.name === '.text')?.bytes ?? new Uint8Array(0);
  return Array.from(bytes.subarray(0, bytes.length - open));
}

/** ( x -- x x ): the top of stack (rbx) goes to memory. */
const PUSH_TOS = snippet((s) => {
  s.sub(rbp, 8);
  s.mov(qword(rbp), rbx);
});
/** ( x -- ): the next item becomes the top. */
const DROP = snippet((s) => {
  s.mov(rbx, qword(rbp));
  s.lea(rbp, qword(rbp, 8));
});
/** `mov rbx, simm32` without its immediate. */
const MOV_RBX_IMM32 = snippet((s) => s.mov(rbx, -1), 4);
/** `movabs rbx, imm64` without its immediate. */
const MOVABS_RBX = snippet((s) => s.mov(rbx, 0x1234_5678_9abc_def0n), 8);
/**
 * A CREATE'd word's code (see do_create): PUSH_TOS, `movabs rbx, body`, then
 * `ret` and four nops, which (DOES>) may overwrite with a `jmp rel32` to its
 * DOES> code. The offsets from the xt:
 */
const CREATED = {
  /** the body address (movabs's imm64) */
  body: PUSH_TOS.length + MOVABS_RBX.length,
  /** the ret, or the jmp's opcode */
  ret: PUSH_TOS.length + MOVABS_RBX.length + 8,
  /** the jmp's rel32 */
  rel: PUSH_TOS.length + MOVABS_RBX.length + 9,
  /** the end of the jmp (what rel32 is relative to) */
  end: PUSH_TOS.length + MOVABS_RBX.length + 13,
} as const;
/** Offsets of the info word's fields from an xt: the info word is the INFO.size bytes before it. */
const XI = {
  inlineLen: INFO.inlineLen - INFO.size,
  flags: INFO.flags - INFO.size,
  needs: INFO.needs - INFO.size,
  net: INFO.net - INFO.size,
  inlineAt: INFO.inlineAt - INFO.size,
} as const;
/** `cmp rbx, imm32` without its immediate. */
const CMP_RBX_IMM32 = snippet((s) => s.cmp(rbx, 0x1234_5678), 4);
/** `test rbx, rbx`. */
const TEST_TOS = snippet((s) => s.test(rbx, rbx));
/** The opcodes of `jno rel32` and `je rel32`; the compiler writes the displacement. */
const JNO_REL32 = [0x0f, 0x81];
const JE_REL32 = [0x0f, 0x84];
/**
 * (DO) and (?DO): save the enclosing loop's r15 r14, pop start (rax) and
 * limit (rcx); r15 = limit ^ 2^63, r14 = start - r15, so that the index
 * is r14 + r15 and the loop ends when r14 overflows.
 */
const DO_SETUP = snippet((s) => {
  s.push(r15);
  s.push(r14);
  s.mov(rax, rbx);
  s.mov(rcx, qword(rbp));
  s.mov(rbx, qword(rbp, 8));
  s.lea(rbp, qword(rbp, 16));
  s.mov(r15, rcx);
  s.btc(r15, 63);
  s.mov(r14, rax);
  s.sub(r14, r15);
});

/** How a primitive is compiled into a definition. */
interface PrimOptions {
  /** Items the primitive needs on the data stack (undefined: unknown). */
  needs?: number;
  /** Net change of the data stack depth (undefined: unknown). */
  net?: number;
  immediate?: boolean;
  compileOnly?: boolean;
  /** Copy the body inline instead of calling it (the body must be position-independent, no ret). */
  inline?: boolean;
  /** Inline body differs from the called one (words that touch the return stack). */
  inlineBody?: (a: A) => void;
  /** A compile handler (folding, fusion) for this primitive. */
  special?: Label;
  flags?: number;
}

interface Prim {
  name: string;
  xt: Label;
  hflags: number;
}

export function buildForthKernel(): ObjectCode {
  checkLayout();
  const a = new Assembler();
  const prims: Prim[] = [];
  /** Byte sequences the compiler copies into code space (in rodata). */
  const seqs: [Label, number[]][] = [];
  const specials: [Label, Label][] = [];
  const ext = (n: string): Label => a.extern(n);
  const L = (name?: string): Label => a.label(name);

  // Shared routines (bound below).
  const throwL = L('forth_throw'); // eax = code
  const emitByte = L('emit_byte'); // al
  const emitDword = L('emit_dword'); // eax
  const emitQword = L('emit_qword'); // rax
  const emitBytes = L('emit_bytes'); // rsi = source, ecx = count
  const emitInline = L('emit_inline'); // rax = xt of an inline primitive
  const compileXt = L('compile_xt'); // rax = xt
  const compileLit = L('compile_lit'); // rax = value
  const compileCall = L('compile_call'); // rax = target
  const parseName = L('parse_name'); // → rsi = addr, rcx = len
  const findName = L('find_name'); // rsi, rcx → rax = header or 0
  const searchWid = L('search_wid'); // rsi, rcx, rdx = wid → rax = header or 0
  const toNumber = L('to_number'); // rsi, rcx → rax = value, edx = ok
  const interpret = L('interpret');
  const makeHeader = L('make_header'); // rsi, rcx → rax = header (xt = chere)
  const flushOut = L('flush_out');
  const refill = L('refill'); // → eax = 1 if a line is available
  const ccallAligned = L('ccall_aligned'); // rax = C function; args already in registers
  const saveCulprit = L('save_culprit'); // rsi, rcx: text attached to the error
  const trackEffect = L('track_effect'); // ecx = needs, edx = net+128
  const trackStop = L('track_stop');
  const dataUA = L('user_area');

  const tosPush = (x: A): void => {
    x.sub(rbp, 8);
    x.mov(qword(rbp), rbx);
  };
  const tosPop = (x: A): void => {
    x.mov(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  };
  const throwCode = (code: number): void => {
    a.mov(eax, code);
    a.jmp(throwL);
  };

  /** Info word layout: see layout.ts INFO. */
  const infoWord = (
    inlineLen: number,
    flags: number,
    needs: number | undefined,
    net: number | undefined,
    inlineAt: number,
  ): bigint => {
    const n = needs === undefined ? 255 : needs;
    const d = net === undefined ? 255 : net + 128;
    const at = (v: number | bigint, off: number): bigint => BigInt(v) << BigInt(8 * off);
    return (
      at(inlineLen, INFO.inlineLen) |
      at(flags, INFO.flags) |
      at(n, INFO.needs) |
      at(d, INFO.net) |
      at(BigInt.asUintN(32, BigInt(inlineAt)), INFO.inlineAt)
    );
  };

  /** The info word of a definition about to be compiled: stack effect unknown (as a 32-bit immediate). */
  const UNKNOWN_INFO = Number(infoWord(0, 0, undefined, undefined, 0)) | 0;

  /** Assembles a self-contained body on its own to learn its bytes. */
  const bodyBytes = (body: (x: A) => void): Uint8Array => {
    const s = new Assembler();
    body(s);
    const o = s.finish();
    if (o.sections[0]?.relocs.length) throw new Error('inline primitive body must be self-contained');
    return o.sections[0]?.bytes as Uint8Array;
  };

  /** Defines a primitive. Non-inline bodies end with their own ret or jump. */
  const prim = (name: string, opts: PrimOptions, body: (x: A) => void): Label => {
    const xt = L(`p_${name}`);
    let hflags = 0;
    if (opts.immediate) hflags |= HFLAG.immediate;
    if (opts.compileOnly) hflags |= HFLAG.compileOnly;
    let flags = opts.flags ?? 0;
    if (opts.special) {
      flags |= INFO_FLAG.foldable;
      specials.push([xt, opts.special]);
    }
    if (opts.inline || opts.inlineBody) {
      const called = bodyBytes(body);
      const inl = opts.inlineBody ? bodyBytes(opts.inlineBody) : called;
      if (inl.length > 255) throw new Error(`inline body of ${name} too long`);
      // an inline length of 0 in the info word means "call it"
      if (inl.length === 0) throw new Error(`inline body of ${name} is empty: give it a compile handler`);
      const at = opts.inlineBody ? called.length + 1 : 0;
      a.dq(infoWord(inl.length, flags, opts.needs, opts.net, at));
      a.bind(xt);
      a.bytes(called);
      a.ret();
      if (opts.inlineBody) a.bytes(inl);
    } else {
      a.dq(infoWord(0, flags, opts.needs, opts.net, 0));
      a.bind(xt);
      body(a);
    }
    prims.push({ name, xt, hflags });
    return xt;
  };

  /**
   * Another name for a primitive: a second header row for the same xt (same
   * code, same info word, so it compiles exactly as the primitive does). The
   * header flags are the primitive's unless given.
   */
  const alias = (name: string, ofName: string, hflags?: number): void => {
    const p = prims.find((q) => q.name === ofName);
    if (!p) throw new Error(`alias ${name}: no primitive ${ofName}`);
    prims.push({ name, xt: p.xt, hflags: hflags ?? p.hflags });
  };

  /** Calls a C function with the stack aligned (rsp's alignment varies in Forth code). */
  const ccall = (fn: Label): void => {
    a.lea(rax, qword(fn));
    a.call(ccallAligned);
  };

  a.bind(a.label('kernel_start'));

  // ------------------------------------------------------------------ stack

  const dupSpecial = L('dup_special');
  prim('DUP', { inline: true, needs: 1, net: 1, special: dupSpecial }, (x) => tosPush(x)); // ( x -- x x )
  prim('DROP', { inline: true, needs: 1, net: -1 }, (x) => tosPop(x)); // ( x -- )
  alias('D>S', 'DROP'); // ( d -- n )
  prim('SWAP', { inline: true, needs: 2, net: 0 }, (x) => {
    // ( a b -- b a )
    x.mov(rax, qword(rbp));
    x.mov(qword(rbp), rbx);
    x.mov(rbx, rax);
  });
  prim('OVER', { inline: true, needs: 2, net: 1 }, (x) => {
    // ( a b -- a b a )
    tosPush(x);
    x.mov(rbx, qword(rbp, 8));
  });
  prim('ROT', { inline: true, needs: 3, net: 0 }, (x) => {
    // ( a b c -- b c a )
    x.mov(rax, qword(rbp, 8));
    x.mov(rcx, qword(rbp));
    x.mov(qword(rbp, 8), rcx);
    x.mov(qword(rbp), rbx);
    x.mov(rbx, rax);
  });
  prim('-ROT', { inline: true, needs: 3, net: 0 }, (x) => {
    // ( a b c -- c a b )
    x.mov(rax, qword(rbp, 8));
    x.mov(rcx, qword(rbp));
    x.mov(qword(rbp, 8), rbx);
    x.mov(qword(rbp), rax);
    x.mov(rbx, rcx);
  });
  prim('NIP', { inline: true, needs: 2, net: -1 }, (x) => x.lea(rbp, qword(rbp, 8))); // ( a b -- b )
  prim('TUCK', { inline: true, needs: 2, net: 1 }, (x) => {
    // ( a b -- b a b )
    x.mov(rax, qword(rbp));
    x.sub(rbp, 8);
    x.mov(qword(rbp, 8), rbx);
    x.mov(qword(rbp), rax);
  });
  prim('?DUP', { inline: true, needs: 1 }, (x) => {
    // ( x -- 0 | x x )
    const z = x.label();
    x.test(rbx, rbx);
    x.jz(z);
    tosPush(x);
    x.bind(z);
  });
  prim('2DUP', { inline: true, needs: 2, net: 2 }, (x) => {
    // ( a b -- a b a b )
    x.sub(rbp, 16);
    x.mov(rax, qword(rbp, 16));
    x.mov(qword(rbp, 8), rbx);
    x.mov(qword(rbp), rax);
  });
  prim('2DROP', { inline: true, needs: 2, net: -2 }, (x) => {
    // ( a b -- )
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('2SWAP', { inline: true, needs: 4, net: 0 }, (x) => {
    // ( a b c d -- c d a b )
    x.mov(rax, qword(rbp));
    x.mov(rcx, qword(rbp, 8));
    x.mov(rdx, qword(rbp, 16));
    x.mov(qword(rbp, 16), rax);
    x.mov(qword(rbp, 8), rbx);
    x.mov(qword(rbp), rdx);
    x.mov(rbx, rcx);
  });
  prim('2OVER', { inline: true, needs: 4, net: 2 }, (x) => {
    // ( a b c d -- a b c d a b )
    x.sub(rbp, 16);
    x.mov(qword(rbp, 8), rbx);
    x.mov(rax, qword(rbp, 32));
    x.mov(qword(rbp), rax);
    x.mov(rbx, qword(rbp, 24));
  });
  prim('PICK', { needs: 1 }, (x) => {
    // ( xu..x0 u -- xu..x0 xu ) with u checked against the depth
    const under = x.label();
    x.mov(rax, qword(r13, U.s0));
    x.sub(rax, rbp);
    x.sar(rax, 3);
    x.sub(rax, 1); // items below the top
    x.cmp(rbx, rax);
    x.jae(under);
    x.mov(rbx, qword(rbp, rbx, 8, 0));
    x.ret();
    x.bind(under);
    throwCode(THROW.stackUnderflow);
  });
  alias('CS-PICK', 'PICK'); // the control-flow stack is the data stack
  prim('DEPTH', { net: 1, needs: 0 }, (x) => {
    // ( -- n )
    x.mov(rax, qword(r13, U.s0));
    x.sub(rax, rbp);
    x.sar(rax, 3);
    tosPush(x);
    x.mov(rbx, rax);
    x.ret();
  });
  prim('SP@', { inline: true, net: 1, needs: 0 }, (x) => {
    // ( -- addr ) address of the second item (the top is in a register)
    x.mov(rax, rbp);
    tosPush(x);
    x.mov(rbx, rax);
  });
  prim('SP!', { needs: 1 }, (x) => {
    // ( addr -- ) set the data stack pointer; the new top is loaded from memory
    x.mov(rbp, rbx);
    tosPop(x);
    x.ret();
  });
  prim(
    '>R',
    {
      needs: 1,
      net: -1,

      inlineBody: (x) => {
        x.push(rbx);
        tosPop(x);
      },
    },
    (x) => {
      // ( x -- ) ( R: -- x )
      x.pop(rax);
      x.push(rbx);
      tosPop(x);
      x.jmp(rax);
    },
  );
  prim(
    'R>',
    {
      needs: 0,
      net: 1,

      inlineBody: (x) => {
        tosPush(x);
        x.pop(rbx);
      },
    },
    (x) => {
      // ( -- x ) ( R: x -- )
      x.pop(rax);
      tosPush(x);
      x.pop(rbx);
      x.jmp(rax);
    },
  );
  prim(
    'R@',
    {
      needs: 0,
      net: 1,

      inlineBody: (x) => {
        tosPush(x);
        x.mov(rbx, qword(rsp));
      },
    },
    (x) => {
      // ( -- x ) ( R: x -- x )
      tosPush(x);
      x.mov(rbx, qword(rsp, 8));
      x.ret();
    },
  );
  prim(
    '2>R',
    {
      needs: 2,
      net: -2,

      inlineBody: (x) => {
        x.push(qword(rbp));
        x.push(rbx);
        x.mov(rbx, qword(rbp, 8));
        x.lea(rbp, qword(rbp, 16));
      },
    },
    (x) => {
      // ( a b -- ) ( R: -- a b )
      x.pop(rax);
      x.push(qword(rbp));
      x.push(rbx);
      x.mov(rbx, qword(rbp, 8));
      x.lea(rbp, qword(rbp, 16));
      x.jmp(rax);
    },
  );
  prim(
    '2R>',
    {
      needs: 0,
      net: 2,

      inlineBody: (x) => {
        x.sub(rbp, 16);
        x.mov(qword(rbp, 8), rbx);
        x.pop(rbx);
        x.pop(rax);
        x.mov(qword(rbp), rax);
      },
    },
    (x) => {
      // ( -- a b ) ( R: a b -- )
      x.pop(rcx);
      x.sub(rbp, 16);
      x.mov(qword(rbp, 8), rbx);
      x.pop(rbx);
      x.pop(rax);
      x.mov(qword(rbp), rax);
      x.jmp(rcx);
    },
  );
  prim(
    '2R@',
    {
      needs: 0,
      net: 2,

      inlineBody: (x) => {
        x.sub(rbp, 16);
        x.mov(qword(rbp, 8), rbx);
        x.mov(rax, qword(rsp, 8));
        x.mov(qword(rbp), rax);
        x.mov(rbx, qword(rsp));
      },
    },
    (x) => {
      // ( -- a b ) ( R: a b -- a b )
      x.sub(rbp, 16);
      x.mov(qword(rbp, 8), rbx);
      x.mov(rax, qword(rsp, 16));
      x.mov(qword(rbp), rax);
      x.mov(rbx, qword(rsp, 8));
      x.ret();
    },
  );
  prim('RDROP', { needs: 0, net: 0, inlineBody: (x) => x.add(rsp, 8) }, (x) => {
    // ( R: x -- )
    x.pop(rax);
    x.add(rsp, 8);
    x.jmp(rax);
  });
  prim(
    'RP@',
    {
      needs: 0,
      net: 1,
      inlineBody: (x) => {
        tosPush(x);
        x.mov(rbx, rsp);
      },
    },
    (x) => {
      // ( -- addr ) the return stack pointer of the caller
      tosPush(x);
      x.lea(rbx, qword(rsp, 8));
      x.ret();
    },
  );
  prim('I', { compileOnly: true, needs: 0, net: 1, inline: true }, (x) => {
    // ( -- n ) index of the innermost DO loop
    tosPush(x);
    x.lea(rbx, qword(r14, r15, 1, 0));
  });
  prim(
    'J',
    {
      compileOnly: true,
      needs: 0,
      net: 1,
      inlineBody: (x) => {
        tosPush(x);
        x.mov(rbx, qword(rsp));
        x.add(rbx, qword(rsp, 8));
      },
    },
    (x) => {
      // ( -- n ) index of the next outer DO loop
      tosPush(x);
      x.mov(rbx, qword(rsp, 8));
      x.add(rbx, qword(rsp, 16));
      x.ret();
    },
  );
  prim(
    'UNLOOP',
    {
      compileOnly: true,
      needs: 0,
      net: 0,
      inlineBody: (x) => {
        x.pop(r14);
        x.pop(r15);
      },
    },
    (x) => {
      // ( -- ) ( R: loop-sys -- )
      x.pop(rax);
      x.pop(r14);
      x.pop(r15);
      x.jmp(rax);
    },
  );

  // ------------------------------------------------------------------ arithmetic

  // Compile handlers for folding a preceding literal into an instruction (bound later).
  const foldAlu = (ext: number): Label => {
    const l = L();
    foldAlus.push([l, ext]);
    return l;
  };
  const foldAlus: [Label, number][] = [];
  const foldShift = (ext: number): Label => {
    const l = L();
    foldShifts.push([l, ext]);
    return l;
  };
  const foldShifts: [Label, number][] = [];
  const cmpSpecial = (cond: number, kind: 'two' | 'zero', litCond?: number): Label => {
    const l = L();
    cmps.push([l, cond, kind, litCond ?? cond]);
    return l;
  };
  const cmps: [Label, number, 'two' | 'zero', number][] = [];
  const foldMul = L('fold_mul');

  prim('+', { inline: true, needs: 2, net: -1, special: foldAlu(0) }, (x) => {
    // ( a b -- a+b )
    x.add(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('-', { inline: true, needs: 2, net: -1, special: foldAlu(5) }, (x) => {
    // ( a b -- a-b )
    x.neg(rbx);
    x.add(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('*', { inline: true, needs: 2, net: -1, special: foldMul }, (x) => {
    // ( a b -- a*b )
    x.imul(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('AND', { inline: true, needs: 2, net: -1, special: foldAlu(4) }, (x) => {
    x.and(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('OR', { inline: true, needs: 2, net: -1, special: foldAlu(1) }, (x) => {
    x.or(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('XOR', { inline: true, needs: 2, net: -1, special: foldAlu(6) }, (x) => {
    x.xor(rbx, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
  });
  prim('LSHIFT', { inline: true, needs: 2, net: -1, special: foldShift(4) }, (x) => {
    // ( x u -- x<<u )
    x.mov(rcx, rbx);
    tosPop(x);
    x.shl(rbx, cl);
  });
  prim('RSHIFT', { inline: true, needs: 2, net: -1, special: foldShift(5) }, (x) => {
    // ( x u -- x>>u ) logical
    x.mov(rcx, rbx);
    tosPop(x);
    x.shr(rbx, cl);
  });
  prim('ARSHIFT', { inline: true, needs: 2, net: -1, special: foldShift(7) }, (x) => {
    // ( x u -- x>>u ) arithmetic
    x.mov(rcx, rbx);
    tosPop(x);
    x.sar(rbx, cl);
  });
  prim('1+', { inline: true, needs: 1, net: 0 }, (x) => x.add(rbx, 1));
  prim('1-', { inline: true, needs: 1, net: 0 }, (x) => x.sub(rbx, 1));
  prim('2*', { inline: true, needs: 1, net: 0 }, (x) => x.shl(rbx, 1));
  prim('2/', { inline: true, needs: 1, net: 0 }, (x) => x.sar(rbx, 1));
  prim('CELLS', { inline: true, needs: 1, net: 0 }, (x) => x.shl(rbx, 3));
  prim('CELL+', { inline: true, needs: 1, net: 0 }, (x) => x.add(rbx, 8));
  alias('CHAR+', '1+');
  // A float is a cell (an IEEE double, aligned as a cell).
  alias('FLOATS', 'CELLS');
  alias('DFLOATS', 'CELLS');
  alias('FLOAT+', 'CELL+');
  alias('DFLOAT+', 'CELL+');
  // A character is a byte: CHARS does nothing, and its compile handler compiles nothing.
  const compileNothing = L('compile_nothing');
  prim('CHARS', { needs: 1, net: 0, special: compileNothing }, (x) => x.ret());
  prim('NEGATE', { inline: true, needs: 1, net: 0 }, (x) => x.neg(rbx));
  prim('INVERT', { inline: true, needs: 1, net: 0 }, (x) => x.not(rbx));
  prim('ABS', { inline: true, needs: 1, net: 0 }, (x) => {
    x.mov(rax, rbx);
    x.neg(rbx);
    x.cmovs(rbx, rax);
  });
  prim('MIN', { inline: true, needs: 2, net: -1 }, (x) => {
    x.mov(rax, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
    x.cmp(rax, rbx);
    x.cmovl(rbx, rax);
  });
  prim('MAX', { inline: true, needs: 2, net: -1 }, (x) => {
    x.mov(rax, qword(rbp));
    x.lea(rbp, qword(rbp, 8));
    x.cmp(rax, rbx);
    x.cmovg(rbx, rax);
  });
  // Division: a zero divisor (or MIN_INT / -1) traps (#DE); the signal handler makes it THROW -10.
  prim('/', { inline: true, needs: 2, net: -1 }, (x) => {
    // ( n1 n2 -- n1/n2 ) symmetric
    x.mov(rax, qword(rbp));
    x.cqo();
    x.idiv(rbx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('MOD', { inline: true, needs: 2, net: -1 }, (x) => {
    x.mov(rax, qword(rbp));
    x.cqo();
    x.idiv(rbx);
    x.mov(rbx, rdx);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('/MOD', { inline: true, needs: 2, net: 0 }, (x) => {
    // ( n1 n2 -- rem quot )
    x.mov(rax, qword(rbp));
    x.cqo();
    x.idiv(rbx);
    x.mov(qword(rbp), rdx);
    x.mov(rbx, rax);
  });
  prim('*/', { inline: true, needs: 3, net: -2 }, (x) => {
    // ( n1 n2 n3 -- n1*n2/n3 ) double-cell intermediate
    x.mov(rax, qword(rbp, 8));
    x.imul(qword(rbp));
    x.idiv(rbx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 16));
  });
  prim('*/MOD', { inline: true, needs: 3, net: -1 }, (x) => {
    // ( n1 n2 n3 -- rem quot )
    x.mov(rax, qword(rbp, 8));
    x.imul(qword(rbp));
    x.idiv(rbx);
    x.mov(qword(rbp, 8), rdx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('UM*', { inline: true, needs: 2, net: 0 }, (x) => {
    // ( u1 u2 -- ud )
    x.mov(rax, qword(rbp));
    x.mul(rbx);
    x.mov(qword(rbp), rax);
    x.mov(rbx, rdx);
  });
  prim('M*', { inline: true, needs: 2, net: 0 }, (x) => {
    // ( n1 n2 -- d )
    x.mov(rax, qword(rbp));
    x.imul(rbx);
    x.mov(qword(rbp), rax);
    x.mov(rbx, rdx);
  });
  prim('UM/MOD', { inline: true, needs: 3, net: -1 }, (x) => {
    // ( ud u -- urem uquot )
    x.mov(rdx, qword(rbp));
    x.mov(rax, qword(rbp, 8));
    x.div(rbx);
    x.mov(qword(rbp, 8), rdx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('SM/REM', { inline: true, needs: 3, net: -1 }, (x) => {
    // ( d n -- rem quot ) symmetric
    x.mov(rdx, qword(rbp));
    x.mov(rax, qword(rbp, 8));
    x.idiv(rbx);
    x.mov(qword(rbp, 8), rdx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('FM/MOD', { inline: true, needs: 3, net: -1 }, (x) => {
    // ( d n -- rem quot ) floored
    const done = x.label();
    x.mov(rdx, qword(rbp));
    x.mov(rax, qword(rbp, 8));
    x.idiv(rbx);
    x.test(rdx, rdx);
    x.jz(done);
    x.mov(rcx, rdx);
    x.xor(rcx, rbx);
    x.jns(done);
    x.sub(rax, 1);
    x.add(rdx, rbx);
    x.bind(done);
    x.mov(qword(rbp, 8), rdx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
  });
  prim('D+', { inline: true, needs: 4, net: -2 }, (x) => {
    // ( d1 d2 -- d1+d2 ) low cell below high cell
    x.mov(rax, qword(rbp));
    x.add(qword(rbp, 16), rax);
    x.adc(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('D-', { inline: true, needs: 4, net: -2 }, (x) => {
    // ( d1 d2 -- d1-d2 )
    x.mov(rax, qword(rbp));
    x.sub(qword(rbp, 16), rax);
    x.mov(rax, qword(rbp, 8));
    x.sbb(rax, rbx);
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 16));
  });
  prim('DNEGATE', { inline: true, needs: 2, net: 0 }, (x) => {
    x.neg(qword(rbp));
    x.adc(rbx, 0);
    x.neg(rbx);
  });
  prim('UM+', { inline: true, needs: 2, net: 0 }, (x) => {
    // ( u1 u2 -- u carry )
    x.add(qword(rbp), rbx);
    x.mov(ebx, 0);
    x.setc(bl);
  });

  // ------------------------------------------------------------------ comparisons
  // Each leaves -1 or 0. cond: the x86 condition (flags of `cmp second, top` or
  // `test/cmp top`) under which the flag is true; the compiler fuses it with IF.
  const CC = { o: 0, b: 2, ae: 3, e: 4, ne: 5, be: 6, a: 7, s: 8, ns: 9, l: 12, ge: 13, le: 14, g: 15 };
  const cmp2 = (name: string, cond: number): void => {
    prim(name, { inline: true, needs: 2, net: -1, special: cmpSpecial(cond, 'two') }, (x) => {
      x.cmp(qword(rbp), rbx);
      x.emit(`set${ccName(cond)}`, [al]);
      x.movzx(ebx, al);
      x.neg(rbx);
      x.lea(rbp, qword(rbp, 8));
    });
  };
  const cmp0 = (name: string, cond: number): void => {
    prim(name, { inline: true, needs: 1, net: 0, special: cmpSpecial(cond, 'zero') }, (x) => {
      x.test(rbx, rbx);
      x.emit(`set${ccName(cond)}`, [al]);
      x.movzx(ebx, al);
      x.neg(rbx);
    });
  };
  cmp2('=', CC.e);
  cmp2('<>', CC.ne);
  cmp2('<', CC.l);
  cmp2('>', CC.g);
  cmp2('U<', CC.b);
  cmp2('U>', CC.a);
  cmp0('0=', CC.e);
  cmp0('0<>', CC.ne);
  cmp0('0<', CC.s);
  cmp0('0>', CC.g);
  prim('WITHIN', { inline: true, needs: 3, net: -2 }, (x) => {
    // ( n lo hi -- flag ) lo <= n < hi, on a circle
    x.mov(rax, qword(rbp, 8));
    x.mov(rcx, qword(rbp));
    x.sub(rbx, rcx);
    x.sub(rax, rcx);
    x.cmp(rax, rbx);
    x.setb(al);
    x.movzx(ebx, al);
    x.neg(rbx);
    x.lea(rbp, qword(rbp, 16));
  });

  // ------------------------------------------------------------------ memory

  prim('@', { inline: true, needs: 1, net: 0 }, (x) => x.mov(rbx, qword(rbx))); // ( addr -- x )
  prim('!', { inline: true, needs: 2, net: -2 }, (x) => {
    // ( x addr -- )
    x.mov(rax, qword(rbp));
    x.mov(qword(rbx), rax);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('C@', { inline: true, needs: 1, net: 0 }, (x) => x.movzx(ebx, byte(rbx)));
  prim('C!', { inline: true, needs: 2, net: -2 }, (x) => {
    x.mov(rax, qword(rbp));
    x.mov(byte(rbx), al);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('W@', { inline: true, needs: 1, net: 0 }, (x) => x.movzx(ebx, mem(2, rbx)));
  prim('W!', { inline: true, needs: 2, net: -2 }, (x) => {
    x.mov(rax, qword(rbp));
    x.mov(mem(2, rbx), ax);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('L@', { inline: true, needs: 1, net: 0 }, (x) => x.mov(ebx, dword(rbx)));
  prim('SL@', { inline: true, needs: 1, net: 0 }, (x) => x.movsxd(rbx, dword(rbx)));
  prim('L!', { inline: true, needs: 2, net: -2 }, (x) => {
    x.mov(rax, qword(rbp));
    x.mov(dword(rbx), eax);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('+!', { inline: true, needs: 2, net: -2 }, (x) => {
    // ( n addr -- )
    x.mov(rax, qword(rbp));
    x.add(qword(rbx), rax);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
  });
  prim('2@', { inline: true, needs: 1, net: 1 }, (x) => {
    // ( addr -- x1 x2 ) x2 at addr
    x.sub(rbp, 8);
    x.mov(rax, qword(rbx, 8));
    x.mov(qword(rbp), rax);
    x.mov(rbx, qword(rbx));
  });
  prim('2!', { inline: true, needs: 3, net: -3 }, (x) => {
    // ( x1 x2 addr -- )
    x.mov(rax, qword(rbp));
    x.mov(qword(rbx), rax);
    x.mov(rax, qword(rbp, 8));
    x.mov(qword(rbx, 8), rax);
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
  });
  prim('CMOVE', { needs: 3, net: -3 }, (x) => {
    // ( from to u -- ) byte by byte, upwards
    x.mov(rcx, rbx);
    x.mov(rdi, qword(rbp));
    x.mov(rsi, qword(rbp, 8));
    x.cld();
    x.rep().movsb();
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
    x.ret();
  });
  prim('CMOVE>', { needs: 3, net: -3 }, (x) => {
    // ( from to u -- ) byte by byte, downwards
    const done = x.label();
    x.mov(rcx, rbx);
    x.test(rcx, rcx);
    x.jz(done);
    x.mov(rdi, qword(rbp));
    x.mov(rsi, qword(rbp, 8));
    x.lea(rdi, qword(rdi, rcx, 1, -1));
    x.lea(rsi, qword(rsi, rcx, 1, -1));
    x.std();
    x.rep().movsb();
    x.cld();
    x.bind(done);
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
    x.ret();
  });
  prim('MOVE', { needs: 3, net: -3 }, (x) => {
    // ( from to u -- ) as if through a buffer
    x.mov(rdx, rbx);
    x.mov(rdi, qword(rbp));
    x.mov(rsi, qword(rbp, 8));
    ccall(ext('memmove'));
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
    x.ret();
  });
  prim('FILL', { needs: 3, net: -3 }, (x) => {
    // ( addr u char -- )
    x.mov(rax, rbx);
    x.mov(rcx, qword(rbp));
    x.mov(rdi, qword(rbp, 8));
    x.cld();
    x.rep().stosb();
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
    x.ret();
  });

  // Data space.
  prim('HERE', { inline: true, needs: 0, net: 1 }, (x) => {
    tosPush(x);
    x.mov(rbx, qword(r13, U.here));
  });
  prim('ALLOT', { needs: 1, net: -1 }, (x) => {
    // ( n -- )
    const over = x.label();
    x.mov(rax, qword(r13, U.here));
    x.add(rax, rbx);
    x.cmp(rax, qword(r13, U.dataEnd));
    x.ja(over);
    x.mov(qword(r13, U.here), rax);
    tosPop(x);
    x.ret();
    x.bind(over);
    throwCode(THROW.dictionaryOverflow);
  });
  prim(',', { inline: true, needs: 1, net: -1 }, (x) => {
    // ( x -- )
    x.mov(rax, qword(r13, U.here));
    x.mov(qword(rax), rbx);
    x.add(qword(r13, U.here), 8);
    tosPop(x);
  });
  prim('C,', { inline: true, needs: 1, net: -1 }, (x) => {
    x.mov(rax, qword(r13, U.here));
    x.mov(byte(rax), bl);
    x.add(qword(r13, U.here), 1);
    tosPop(x);
  });
  prim('ALIGN', { inline: true, needs: 0, net: 0 }, (x) => {
    x.mov(rax, qword(r13, U.here));
    x.add(rax, 7);
    x.and(rax, -8);
    x.mov(qword(r13, U.here), rax);
  });
  prim('ALIGNED', { inline: true, needs: 1, net: 0 }, (x) => {
    x.add(rbx, 7);
    x.and(rbx, -8);
  });
  alias('FALIGN', 'ALIGN');
  alias('DFALIGN', 'ALIGN');
  alias('FALIGNED', 'ALIGNED');
  alias('DFALIGNED', 'ALIGNED');
  prim('UNUSED', { needs: 0, net: 1 }, (x) => {
    tosPush(x);
    x.mov(rbx, qword(r13, U.dataEnd));
    x.sub(rbx, qword(r13, U.here));
    x.ret();
  });

  // Variables of the system, as addresses.
  const userVar = (name: string, off: number): void => {
    prim(name, { inline: true, needs: 0, net: 1 }, (x) => {
      tosPush(x);
      x.lea(rbx, qword(r13, off));
    });
  };
  userVar('STATE', U.state);
  userVar('(HERE)', U.here);
  userVar('BASE', U.base);
  userVar('>IN', U.toIn);
  userVar('(CURRENT)', U.current);
  userVar('(ORDER#)', U.orderCount);
  userVar('(ORDER)', U.order);
  userVar('(LATEST)', U.latest);
  userVar('(NOT-FOUND)', U.notFound);
  userVar('(REFILL-FILE)', U.refillFile);
  userVar('HLD', U.hld);
  userVar('(SOURCE-ID)', U.sourceId);
  userVar('(SOURCE)', U.srcAddr);
  userVar('(SOURCE-LEN)', U.srcLen);
  userVar('(LINE)', U.line);
  userVar('(WIDS)', U.widChain);
  userVar('(FORTH-WID)', U.forthWid);
  userVar('(CHERE)', U.chere);
  prim('SOURCE', { inline: true, needs: 0, net: 2 }, (x) => {
    // ( -- addr len )
    x.sub(rbp, 16);
    x.mov(qword(rbp, 8), rbx);
    x.mov(rax, qword(r13, U.srcAddr));
    x.mov(qword(rbp), rax);
    x.mov(rbx, qword(r13, U.srcLen));
  });
  prim('SOURCE-ID', { inline: true, needs: 0, net: 1 }, (x) => {
    tosPush(x);
    x.mov(rbx, qword(r13, U.sourceId));
  });

  // ------------------------------------------------------------------ floating point
  // The float stack lives in memory (r12 points at the top), guarded above and below.

  const fpush = (x: A, src: typeof xmm0): void => {
    x.sub(r12, 8);
    x.movsd(qword(r12), src);
  };
  prim('F@', { inline: true, needs: 1, net: -1 }, (x) => {
    // ( addr -- ) ( F: -- r )
    x.movsd(xmm0, qword(rbx));
    fpush(x, xmm0);
    tosPop(x);
  });
  prim('F!', { inline: true, needs: 1, net: -1 }, (x) => {
    // ( addr -- ) ( F: r -- )
    x.movsd(xmm0, qword(r12));
    x.add(r12, 8);
    x.movsd(qword(rbx), xmm0);
    tosPop(x);
  });
  alias('DF@', 'F@');
  alias('DF!', 'F!');
  prim('SF@', { inline: true, needs: 1, net: -1 }, (x) => {
    x.movss(xmm0, dword(rbx));
    x.cvtss2sd(xmm0, xmm0);
    fpush(x, xmm0);
    tosPop(x);
  });
  prim('SF!', { inline: true, needs: 1, net: -1 }, (x) => {
    x.movsd(xmm0, qword(r12));
    x.add(r12, 8);
    x.cvtsd2ss(xmm0, xmm0);
    x.movss(dword(rbx), xmm0);
    tosPop(x);
  });
  const fbin = (name: string, op: 'addsd' | 'subsd' | 'mulsd' | 'divsd' | 'minsd' | 'maxsd'): void => {
    prim(name, { inline: true, needs: 0, net: 0 }, (x) => {
      // ( F: r1 r2 -- r3 )
      x.movsd(xmm0, qword(r12, 8));
      x.emit(op, [xmm0, qword(r12)]);
      x.add(r12, 8);
      x.movsd(qword(r12), xmm0);
    });
  };
  fbin('F+', 'addsd');
  fbin('F-', 'subsd');
  fbin('F*', 'mulsd');
  fbin('F/', 'divsd');
  fbin('FMIN', 'minsd');
  fbin('FMAX', 'maxsd');
  prim('FNEGATE', { inline: true, needs: 0, net: 0 }, (x) => x.btc(qword(r12), 63));
  prim('FABS', { inline: true, needs: 0, net: 0 }, (x) => x.btr(qword(r12), 63));
  prim('FSQRT', { inline: true, needs: 0, net: 0 }, (x) => {
    x.sqrtsd(xmm0, qword(r12));
    x.movsd(qword(r12), xmm0);
  });
  prim('FDUP', { inline: true, needs: 0, net: 0 }, (x) => {
    x.movsd(xmm0, qword(r12));
    fpush(x, xmm0);
  });
  prim('FDROP', { inline: true, needs: 0, net: 0 }, (x) => {
    x.movsd(xmm0, qword(r12)); // touch it: underflow faults here
    x.add(r12, 8);
  });
  prim('FSWAP', { inline: true, needs: 0, net: 0 }, (x) => {
    x.movsd(xmm0, qword(r12));
    x.movsd(xmm1, qword(r12, 8));
    x.movsd(qword(r12), xmm1);
    x.movsd(qword(r12, 8), xmm0);
  });
  prim('FOVER', { inline: true, needs: 0, net: 0 }, (x) => {
    x.movsd(xmm0, qword(r12, 8));
    fpush(x, xmm0);
  });
  prim('FROT', { inline: true, needs: 0, net: 0 }, (x) => {
    // ( F: r1 r2 r3 -- r2 r3 r1 )
    x.movsd(xmm0, qword(r12, 16));
    x.mov(rax, qword(r12, 8));
    x.mov(qword(r12, 16), rax);
    x.mov(rax, qword(r12));
    x.mov(qword(r12, 8), rax);
    x.movsd(qword(r12), xmm0);
  });
  prim('FDEPTH', { needs: 0, net: 1 }, (x) => {
    tosPush(x);
    x.mov(rbx, qword(r13, U.f0));
    x.sub(rbx, r12);
    x.sar(rbx, 3);
    x.ret();
  });
  prim('FP@', { inline: true, needs: 0, net: 1 }, (x) => {
    tosPush(x);
    x.mov(rbx, r12);
  });
  prim('FP!', { inline: true, needs: 1, net: -1 }, (x) => {
    x.mov(r12, rbx);
    tosPop(x);
  });
  const fcmp = (name: string, cond: 'b' | 'e' | 'a'): void => {
    prim(name, { inline: true, needs: 0, net: 1 }, (x) => {
      // ( F: r1 r2 -- ) ( -- flag )
      x.movsd(xmm0, qword(r12, 8));
      x.ucomisd(xmm0, qword(r12));
      x.emit(`set${cond}`, [al]);
      if (cond === 'e') {
        // unordered (NaN) compares unequal
        x.setnp(cl);
        x.and(al, cl);
      }
      x.lea(r12, qword(r12, 16));
      tosPush(x);
      x.movzx(ebx, al);
      x.neg(rbx);
    });
  };
  fcmp('F<', 'b');
  fcmp('F>', 'a');
  fcmp('F=', 'e');
  prim('F0<', { inline: true, needs: 0, net: 1 }, (x) => {
    x.pxor(xmm1, xmm1);
    x.ucomisd(xmm1, qword(r12));
    x.seta(al);
    x.lea(r12, qword(r12, 8));
    tosPush(x);
    x.movzx(ebx, al);
    x.neg(rbx);
  });
  prim('F0=', { inline: true, needs: 0, net: 1 }, (x) => {
    x.mov(rax, qword(r12));
    x.shl(rax, 1); // +0 and -0
    x.setz(al);
    x.lea(r12, qword(r12, 8));
    tosPush(x);
    x.movzx(ebx, al);
    x.neg(rbx);
  });
  prim('S>F', { inline: true, needs: 1, net: -1 }, (x) => {
    x.cvtsi2sd(xmm0, rbx);
    fpush(x, xmm0);
    tosPop(x);
  });
  prim('F>S', { inline: true, needs: 0, net: 1 }, (x) => {
    // truncates toward zero
    tosPush(x);
    x.cvttsd2si(rbx, qword(r12));
    x.add(r12, 8);
  });
  // roundsd's rounding modes: 0 to nearest (ties to even), 1 down, 3 toward zero.
  const fround = (name: string, mode: number): void => {
    prim(name, { inline: true, needs: 0, net: 0 }, (x) => {
      x.roundsd(xmm0, qword(r12), mode);
      x.movsd(qword(r12), xmm0);
    });
  };
  fround('FLOOR', 1);
  fround('FTRUNC', 3);
  fround('FROUND', 0);

  // ------------------------------------------------------------------ output and input

  prim('EMIT', { needs: 1, net: -1 }, (x) => {
    // ( char -- )
    const room = x.label();
    x.mov(rax, qword(r13, U.outLen));
    x.cmp(rax, U.outBufSize);
    x.jb(room);
    x.call(flushOut);
    x.xor(eax, eax);
    x.bind(room);
    x.mov(byte(r13, rax, 1, U.outBuf), bl);
    x.add(qword(r13, U.outLen), 1);
    tosPop(x);
    x.ret();
  });
  prim('TYPE', { needs: 2, net: -2 }, (x) => {
    // ( addr u -- )
    const loop = x.label();
    const done = x.label();
    const room = x.label();
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.bind(loop);
    x.test(rcx, rcx);
    x.jle(done);
    x.mov(rax, qword(r13, U.outLen));
    x.cmp(rax, U.outBufSize);
    x.jb(room);
    x.push(rsi);
    x.push(rcx);
    x.call(flushOut);
    x.pop(rcx);
    x.pop(rsi);
    x.xor(eax, eax);
    x.bind(room);
    x.mov(dl, byte(rsi));
    x.mov(byte(r13, rax, 1, U.outBuf), dl);
    x.add(qword(r13, U.outLen), 1);
    x.add(rsi, 1);
    x.sub(rcx, 1);
    x.jmp(loop);
    x.bind(done);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
    x.ret();
  });
  prim('CR', { needs: 0, net: 0 }, (x) => {
    // ( -- ) newline, and the output goes out now
    tosPush(x);
    x.mov(ebx, 10);
    x.call(a.label('p_EMIT'));
    x.jmp(flushOut);
  });
  prim('(FLUSH)', { needs: 0, net: 0 }, (x) => x.jmp(flushOut));
  prim('KEY', { needs: 0, net: 1 }, (x) => {
    // ( -- char ) from standard input; -1 at end of input
    const got = x.label();
    x.call(flushOut);
    tosPush(x);
    x.push(rax); // a byte of room on the stack
    x.xor(edi, edi);
    x.mov(rsi, rsp);
    x.mov(edx, 1);
    ccall(ext('read'));
    x.cmp(rax, 1);
    x.movzx(ebx, byte(rsp));
    x.je(got);
    x.mov(rbx, -1);
    x.bind(got);
    x.pop(rax);
    x.ret();
  });
  alias('EKEY', 'KEY');
  prim('ACCEPT', { needs: 2, net: -1 }, (x) => {
    // ( addr n -- n2 ) a line from standard input, without its newline
    const loop = x.label();
    const done = x.label();
    x.call(flushOut);
    x.push(r14);
    x.push(r15);
    x.mov(r14, qword(rbp)); // buffer
    x.mov(r15, rbx); // room
    x.xor(ebx, ebx); // count
    x.bind(loop);
    x.cmp(rbx, r15);
    x.jge(done);
    x.push(rax);
    x.xor(edi, edi);
    x.mov(rsi, rsp);
    x.mov(edx, 1);
    ccall(ext('read'));
    x.movzx(ecx, byte(rsp));
    x.pop(rdx);
    x.cmp(rax, 1);
    x.jne(done);
    x.cmp(ecx, 10);
    x.je(done);
    x.mov(byte(r14, rbx, 1, 0), cl);
    x.add(rbx, 1);
    x.jmp(loop);
    x.bind(done);
    x.pop(r15);
    x.pop(r14);
    x.lea(rbp, qword(rbp, 8));
    x.ret();
  });

  // ------------------------------------------------------------------ calling C
  // (CCALL) ( i*x fn desc -- result? ) desc: count byte, kind bytes (0 integer/pointer
  // from the data stack, 1 double from the float stack, 2 float), return kind byte
  // (0 void, 1 cell, 2 double, 3 float, 4 int32, 5 uint32, 6 int8, 7 uint8, 8 int16, 9 uint16).
  // Integers come from the data stack and floats from the float stack, the last
  // parameter on top of its stack.
  prim('(CCALL)', { needs: 2 }, (x) => {
    const INT_REGS = [rdi, rsi, rdx, rcx, r8, r9];
    // Frame on the C stack (aligned): [0, 8*nstack) stack arguments, then 6 int + 8 vector slots.
    const count = x.label();
    const counted = x.label();
    const place = x.label();
    const placed = x.label();
    x.push(rbp);
    x.push(r12);
    x.push(r14);
    x.push(r15);
    x.mov(r15, rbx); // desc
    // Pass 1: count integer and float parameters.
    x.movzx(ecx, byte(r15));
    x.xor(r8d, r8d); // ints
    x.xor(r9d, r9d); // floats
    x.lea(rsi, qword(r15, 1));
    x.bind(count);
    x.test(ecx, ecx);
    x.jz(counted);
    x.cmp(byte(rsi), 0);
    const isFloat = x.label();
    const next = x.label();
    x.jne(isFloat);
    x.add(r8d, 1);
    x.jmp(next);
    x.bind(isFloat);
    x.add(r9d, 1);
    x.bind(next);
    x.add(rsi, 1);
    x.sub(ecx, 1);
    x.jmp(count);
    x.bind(counted);
    x.push(r8); // the counts, kept for after the call
    x.push(r9);
    x.mov(r14, rsp); // the Forth return stack, restored after the call
    // Stack slots: max(ints-6, 0) + max(floats-8, 0); frame = 8*(slots + 14), aligned.
    x.mov(eax, r8d);
    x.sub(eax, 6);
    x.mov(ecx, 0);
    x.cmovs(eax, ecx);
    x.mov(edx, r9d);
    x.sub(edx, 8);
    x.cmovs(edx, ecx);
    x.add(eax, edx);
    x.lea(r10, mem(8, null, rax, 8, 14 * 8 + 15));
    x.and(r10, -16);
    x.mov(r11, rsp);
    x.sub(r11, r10);
    x.and(r11, -16);
    x.mov(rsp, r11);
    x.lea(r10, qword(rsp, rax, 8, 0)); // register slots
    // Pass 2: place each parameter. edi = int index, esi = float index, r11d = stack slot.
    x.push(r10); // keep: register slot base (at [rsp]), shifts rsp by 8: compensated below
    x.xor(edi, edi);
    x.xor(esi, esi);
    x.xor(r11d, r11d);
    x.movzx(ecx, byte(r15));
    x.lea(rdx, qword(r15, 1)); // kind pointer
    x.bind(place);
    x.test(ecx, ecx);
    x.jz(placed);
    x.push(rcx);
    x.push(rdx);
    const pFloat = x.label();
    const pDone = x.label();
    x.cmp(byte(rdx), 0);
    x.jne(pFloat);
    // integer j = edi: value at data stack [rbp + 8 + 8*(ints-1-j)] (the fn cell is at [rbp])
    x.mov(eax, r8d);
    x.sub(eax, 1);
    x.sub(eax, edi);
    x.mov(rax, qword(rbp, rax, 8, 8));
    const intStack = x.label();
    x.cmp(edi, 6);
    x.jge(intStack);
    x.mov(r10, qword(rsp, 16));
    x.mov(qword(r10, rdi, 8, 0), rax);
    x.add(edi, 1);
    x.jmp(pDone);
    x.bind(intStack);
    x.mov(qword(rsp, r11, 8, 24), rax);
    x.add(r11d, 1);
    x.add(edi, 1);
    x.jmp(pDone);
    x.bind(pFloat);
    // float j = esi: value at float stack [r12 + 8*(floats-1-j)]
    x.mov(eax, r9d);
    x.sub(eax, 1);
    x.sub(eax, esi);
    x.movsd(xmm0, qword(r12, rax, 8, 0));
    const fDouble = x.label();
    x.cmp(byte(rdx), 2);
    x.jne(fDouble);
    x.cvtsd2ss(xmm0, xmm0);
    x.bind(fDouble);
    const fStack = x.label();
    x.cmp(esi, 8);
    x.jge(fStack);
    x.mov(r10, qword(rsp, 16));
    x.movsd(qword(r10, rsi, 8, 48), xmm0);
    x.add(esi, 1);
    x.jmp(pDone);
    x.bind(fStack);
    x.movsd(qword(rsp, r11, 8, 24), xmm0);
    x.add(r11d, 1);
    x.add(esi, 1);
    x.bind(pDone);
    x.pop(rdx);
    x.pop(rcx);
    x.add(rdx, 1);
    x.sub(ecx, 1);
    x.jmp(place);
    x.bind(placed);
    x.pop(r10);
    // Load registers and call. rsp is aligned again (the push above was popped).
    for (let i = 0; i < 8; i++) x.movsd(xmm(i), qword(r10, 48 + 8 * i));
    x.mov(r11, qword(rbp)); // fn
    // al = vector registers used (for variadic callees), before r9 becomes an argument
    x.mov(eax, r9d);
    x.cmp(eax, 8);
    const few = x.label();
    x.jbe(few);
    x.mov(eax, 8);
    x.bind(few);
    for (let i = 0; i < 6; i++) x.mov(INT_REGS[i] as typeof rdi, qword(r10, 8 * i));
    x.call(r11);
    x.mov(rsp, r14);
    // Result: drop desc, fn and the integer parameters; drop the float parameters.
    x.movzx(ecx, byte(r15));
    x.movzx(ecx, byte(r15, rcx, 1, 1)); // return kind
    x.pop(r9); // floats
    x.pop(r8); // ints
    x.pop(r15);
    x.pop(r14);
    x.pop(r12);
    x.pop(rbp);
    x.lea(rbp, qword(rbp, r8, 8, 8)); // past fn and the integers
    x.mov(rbx, qword(rbp)); // new top
    x.lea(rbp, qword(rbp, 8));
    x.lea(r12, qword(r12, r9, 8, 0));
    // Push the result.
    const kinds: [number, (x: A) => void][] = [
      [1, (y) => y.mov(rdx, rax)],
      [4, (y) => y.movsxd(rdx, eax)],
      [5, (y) => y.mov(edx, eax)],
      [6, (y) => y.movsx(rdx, al)],
      [7, (y) => y.movzx(edx, al)],
      [8, (y) => y.movsx(rdx, ax)],
      [9, (y) => y.movzx(edx, ax)],
    ];
    const pushed = x.label();
    const intDone = x.label();
    for (const [k, conv] of kinds) {
      const nx = x.label();
      x.cmp(ecx, k);
      x.jne(nx);
      conv(x);
      x.jmp(intDone);
      x.bind(nx);
    }
    const notD = x.label();
    x.cmp(ecx, 2);
    x.jne(notD);
    fpush(x, xmm0);
    x.jmp(pushed);
    x.bind(notD);
    const notF = x.label();
    x.cmp(ecx, 3);
    x.jne(notF);
    x.cvtss2sd(xmm0, xmm0);
    fpush(x, xmm0);
    x.bind(notF);
    x.jmp(pushed);
    x.bind(intDone);
    tosPush(x);
    x.mov(rbx, rdx);
    x.bind(pushed);
    const noInt = x.label();
    x.cmp(qword(r13, U.pendingInterrupt), 0);
    x.jne(noInt);
    x.ret();
    x.bind(noInt);
    x.mov(qword(r13, U.pendingInterrupt), 0);
    throwCode(THROW.userInterrupt);
  });
  alias('C-CALL', '(CCALL)'); // ( i*x fn desc -- result? )
  prim('(DLSYM)', { needs: 2, net: -1 }, (x) => {
    // ( handle zname -- addr|0 )
    x.mov(rsi, rbx);
    x.mov(rdi, qword(rbp));
    ccall(ext('dlsym'));
    x.mov(rbx, rax);
    x.lea(rbp, qword(rbp, 8));
    x.ret();
  });
  prim('(DLOPEN)', { needs: 1, net: 0 }, (x) => {
    // ( zname -- handle|0 )
    x.mov(rdi, rbx);
    x.mov(esi, 2 | 0x100); // RTLD_NOW | RTLD_GLOBAL
    ccall(ext('dlopen'));
    x.mov(rbx, rax);
    x.ret();
  });
  prim('(DLERROR)', { needs: 0, net: 1 }, (x) => {
    // ( -- zstr|0 )
    ccall(ext('dlerror'));
    tosPush(x);
    x.mov(rbx, rax);
    x.ret();
  });

  // ------------------------------------------------------------------ exceptions

  // CATCH ( i*x xt -- j*x 0 | i*x n ): the frame on the return stack holds the
  // caller's stacks, loop registers, input source and the previous handler.
  const catchFrame = [U.srcAddr, U.srcLen, U.toIn, U.sourceId, U.line];
  prim('CATCH', { needs: 1 }, (x) => {
    x.mov(rax, rbx);
    tosPop(x);
    x.push(r14);
    x.push(r15);
    x.push(r12);
    x.push(rbp);
    x.push(rbx);
    for (const f of catchFrame) x.push(qword(r13, f));
    x.push(qword(r13, U.handler));
    x.mov(qword(r13, U.handler), rsp);
    x.call(rax);
    x.pop(qword(r13, U.handler));
    x.add(rsp, 8 * (5 + catchFrame.length));
    tosPush(x);
    x.xor(ebx, ebx);
    x.ret();
  });
  prim('THROW', { needs: 1 }, (x) => {
    // ( k*x n -- k*x | i*x n )
    const zero = x.label();
    x.test(rbx, rbx);
    x.jz(zero);
    x.mov(rax, rbx);
    x.jmp(throwL);
    x.bind(zero);
    tosPop(x);
    x.ret();
  });
  // forth_throw: eax = code (sign-extended): unwind to the innermost CATCH.
  a.bind(throwL);
  a.movsxd(rax, eax);
  // where it happened, for the report of an uncaught error
  for (const [from, to] of [
    [U.line, U.errLine],
    [U.toIn, U.errIn],
    [U.srcAddr, U.errSrc],
    [U.srcLen, U.errLen],
  ] as const) {
    a.mov(rcx, qword(r13, from));
    a.mov(qword(r13, to), rcx);
  }
  a.mov(rsp, qword(r13, U.handler));
  a.pop(qword(r13, U.handler));
  for (const f of [...catchFrame].reverse()) a.pop(qword(r13, f));
  a.pop(rbx);
  a.pop(rbp);
  a.pop(r12);
  a.pop(r15);
  a.pop(r14);
  tosPush(a);
  a.mov(rbx, rax);
  a.ret();

  prim('(CULPRIT)', { needs: 2, net: -2 }, (x) => {
    // ( addr len -- ) text the next uncaught error reports with its message
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.call(saveCulprit);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
    x.ret();
  });

  // ------------------------------------------------------------------ the compiler

  prim('COMPILE,', { needs: 1, net: -1 }, (x) => {
    // ( xt -- )
    x.mov(rax, rbx);
    tosPop(x);
    x.jmp(compileXt);
  });
  prim('LITERAL', { needs: 1, net: -1, immediate: true, compileOnly: true }, (x) => {
    // Compilation: ( x -- ) run-time: ( -- x )
    x.mov(rax, rbx);
    tosPop(x);
    x.jmp(compileLit);
  });
  alias('(LITERAL)', 'LITERAL', 0); // not immediate: for words that compile a literal
  prim('(FLITERAL)', { needs: 0, net: 0 }, (x) => {
    // ( F: r -- ) compile code that pushes r: sub r12,8; mov rax, imm64; mov [r12], rax
    emitSeq(
      x,
      snippet((s) => {
        s.sub(r12, 8);
        s.mov(rax, 0x1234_5678_9abc_def0n);
      }, 8),
    );
    x.mov(rax, qword(r12));
    x.add(r12, 8);
    x.call(emitQword);
    emitSeq(
      x,
      snippet((s) => s.mov(qword(r12), rax)),
    );
    x.ret();
  });
  prim('CODE,', { needs: 1, net: -1 }, (x) => {
    // ( byte -- ) one byte of machine code
    x.mov(eax, ebx);
    tosPop(x);
    x.jmp(emitByte);
  });
  prim('CODE-HERE', { needs: 0, net: 1 }, (x) => {
    tosPush(x);
    x.mov(rbx, qword(r13, U.chere));
    x.ret();
  });
  prim('(RET,)', { needs: 0, net: 0 }, (x) => {
    // compile the end of a word built without ':' (a return, or a tail jump)
    x.jmp(a.label('compile_exit'));
  });
  prim('(HEADER-XT)', { needs: 4, net: -4 }, (x) => {
    // ( xt flags addr len -- ) a header for an existing xt (SYNONYM)
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.call(makeHeader);
    x.mov(rcx, qword(rbp, 16));
    x.mov(qword(rax, HDR.xt), rcx);
    x.mov(rcx, qword(rbp, 8));
    x.mov(byte(rax, HDR.flags), cl);
    x.mov(rbx, qword(rbp, 24));
    x.lea(rbp, qword(rbp, 32));
    x.ret();
  });

  // Branch emitters for the control structures written in Forth.
  // (0BRANCH>) ( -- orig ) a forward jump taken when the flag is false, fused with a
  // comparison just compiled; orig is the address of its rel32 field.
  const fuseBranch = L('fuse_branch'); // ecx = 1: forward (placeholder), 0: backward to rdx
  prim('(0BRANCH>)', { needs: 0, net: 1 }, (x) => {
    x.mov(ecx, 1);
    x.call(fuseBranch);
    tosPush(x);
    x.mov(rbx, rax);
    x.ret();
  });
  prim('(<0BRANCH)', { needs: 1, net: -1 }, (x) => {
    // ( dest -- ) a backward jump taken when the flag is false
    x.call(a.label('check_cf'));
    x.mov(rdx, rbx);
    tosPop(x);
    x.xor(ecx, ecx);
    x.jmp(fuseBranch);
  });
  prim('(BRANCH>)', { needs: 0, net: 1 }, (x) => {
    // ( -- orig ) an unconditional forward jump
    x.call(trackStop);
    x.mov(al, 0xe9);
    x.call(emitByte);
    tosPush(x);
    x.mov(rbx, qword(r13, U.chere));
    x.xor(eax, eax);
    x.call(emitDword);
    x.ret();
  });
  prim('(<BRANCH)', { needs: 1, net: -1 }, (x) => {
    // ( dest -- ) an unconditional backward jump
    x.call(a.label('check_cf'));
    x.call(trackStop);
    x.mov(al, 0xe9);
    x.call(emitByte);
    x.mov(rax, rbx);
    x.sub(rax, qword(r13, U.chere));
    x.sub(rax, 4);
    x.call(emitDword);
    tosPop(x);
    x.ret();
  });
  prim('(RESOLVE>)', { needs: 1, net: -1 }, (x) => {
    // ( orig -- ) the forward jump at orig lands here
    x.call(a.label('check_cf'));
    x.call(trackStop);
    x.mov(rax, qword(r13, U.chere));
    x.mov(qword(r13, U.lastTarget), rax);
    x.sub(rax, rbx);
    x.sub(rax, 4);
    x.add(rbx, qword(r13, U.codeDelta));
    x.mov(dword(rbx), eax);
    tosPop(x);
    x.ret();
  });
  prim('(<MARK)', { needs: 0, net: 1 }, (x) => {
    // ( -- dest ) a backward jump's destination
    x.call(trackStop);
    tosPush(x);
    x.mov(rbx, qword(r13, U.chere));
    x.mov(qword(r13, U.lastTarget), rbx);
    x.ret();
  });
  // Counted loops. (DO) ( -- dest ): see DO_SETUP.
  prim('(DO)', { needs: 0, net: 1 }, (x) => {
    x.call(trackStop);
    emitSeq(x, DO_SETUP);
    x.call(a.label('leave_mark'));
    tosPush(x);
    x.mov(rbx, qword(r13, U.chere));
    x.mov(qword(r13, U.lastTarget), rbx);
    x.ret();
  });
  prim('(?DO)', { needs: 0, net: 1 }, (x) => {
    x.call(trackStop);
    // and when start = limit, skip the loop: je to a LEAVE site
    emitSeq(x, [...DO_SETUP, ...snippet((s) => s.cmp(rax, rcx)), ...JE_REL32]);
    x.call(a.label('leave_mark'));
    x.call(a.label('leave_site'));
    tosPush(x);
    x.mov(rbx, qword(r13, U.chere));
    x.mov(qword(r13, U.lastTarget), rbx);
    x.ret();
  });
  prim('(LEAVE)', { needs: 0, net: 0 }, (x) => {
    // a jump to the innermost loop's exit
    x.call(trackStop);
    x.mov(al, 0xe9);
    x.call(emitByte);
    x.jmp(a.label('leave_site'));
  });
  const loopEnd = (x: A, step: number[]): void => {
    // ( dest -- ) step code, jno dest, then the exit: LEAVEs land here, pop r14 r15
    x.call(a.label('check_cf'));
    x.call(trackStop);
    emitSeq(x, [...step, ...JNO_REL32]);
    x.mov(rax, rbx);
    x.sub(rax, qword(r13, U.chere));
    x.sub(rax, 4);
    x.call(emitDword);
    tosPop(x);
    x.call(a.label('leave_resolve'));
    emitSeq(
      x,
      snippet((s) => {
        s.pop(r14);
        s.pop(r15);
      }),
    );
    x.ret();
  };
  prim('(LOOP)', { needs: 1, net: -1 }, (x) =>
    loopEnd(
      x,
      snippet((s) => s.inc(r14)),
    ),
  );
  prim('(+LOOP)', { needs: 1, net: -1 }, (x) => loopEnd(x, [...snippet((s) => s.add(r14, rbx)), ...DROP]));

  // Defining words.
  prim(':', { needs: 0 }, (x) => {
    // ( "name" -- colon-sys )
    const named = x.label();
    x.call(parseName);
    x.test(rcx, rcx);
    x.jnz(named);
    throwCode(THROW.zeroLengthName);
    x.bind(named);
    x.call(a.label('begin_colon'));
    x.ret();
  });
  prim(':NONAME', { needs: 0, net: 2 }, (x) => {
    // ( -- xt colon-sys )
    x.xor(ecx, ecx);
    x.call(a.label('begin_colon'));
    // xt under the colon-sys marker
    x.mov(rax, rbx);
    x.mov(rbx, qword(r13, U.lastXt));
    tosPush(x);
    x.mov(rbx, rax);
    x.ret();
  });
  prim(';', { immediate: true, compileOnly: true, needs: 0 }, (x) => {
    x.call(a.label('end_colon'));
    x.ret();
  });
  prim('EXIT', { immediate: true, compileOnly: true, needs: 0, net: 0 }, (x) => {
    // compiles a return (a tail jump when it can)
    x.jmp(a.label('compile_exit'));
  });
  prim('RECURSE', { immediate: true, compileOnly: true, needs: 0 }, (x) => {
    x.call(trackStop);
    x.mov(rax, qword(r13, U.lastXt));
    x.call(compileCall);
    // a self call stays a call: recursion uses the return stack (and overflows it, -5)
    x.mov(qword(r13, U.callEnd), 0);
    x.ret();
  });
  prim('[', { immediate: true, needs: 0, net: 0 }, (x) => {
    x.mov(qword(r13, U.state), 0);
    x.ret();
  });
  prim(']', { needs: 0, net: 0 }, (x) => {
    x.mov(qword(r13, U.state), -1);
    x.ret();
  });
  prim('IMMEDIATE', { needs: 0, net: 0 }, (x) => {
    x.mov(rax, qword(r13, U.latest));
    x.or(byte(rax, HDR.flags), HFLAG.immediate);
    x.ret();
  });
  prim('(NO-TAIL)', { needs: 0, net: 0 }, (x) => {
    // the last definition reads its caller's return stack: call it, never jump to it
    x.mov(rax, qword(r13, U.lastXt));
    x.add(rax, qword(r13, U.codeDelta));
    x.or(byte(rax, XI.flags), INFO_FLAG.noTail);
    x.ret();
  });
  prim('COMPILE-ONLY', { needs: 0, net: 0 }, (x) => {
    x.mov(rax, qword(r13, U.latest));
    x.or(byte(rax, HDR.flags), HFLAG.compileOnly);
    x.ret();
  });
  prim('CREATE', { needs: 0, net: 0 }, (x) => {
    // ( "name" -- ) a word that pushes the address of the data space after it
    x.call(parseName);
    x.jmp(a.label('do_create'));
  });
  prim('(CREATE)', { needs: 2, net: -2 }, (x) => {
    // ( addr len -- ) CREATE with the name given on the stack
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
    x.jmp(a.label('do_create'));
  });
  prim('(HEADER)', { needs: 2, net: -2 }, (x) => {
    // ( addr len -- ) a header for code about to be compiled at CODE-HERE (visible at once)
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
    x.call(a.label('new_code_word'));
    x.ret();
  });
  prim('(DOES>)', { needs: 0, net: 0, flags: INFO_FLAG.noTail }, (x) => {
    // run time of DOES>: the last CREATE'd word now jumps to the code after the `ret`
    // that follows this call (that ret ends the defining word)
    x.mov(rdx, qword(rsp));
    x.add(rdx, 1); // the does-code
    x.mov(rax, qword(r13, U.lastCreate));
    const none = x.label();
    x.test(rax, rax);
    x.jz(none);
    x.add(rax, qword(r13, U.codeDelta)); // write view of the xt
    x.mov(byte(rax, CREATED.ret), 0xe9);
    x.mov(rcx, rdx);
    x.sub(rcx, qword(r13, U.lastCreate));
    x.sub(rcx, CREATED.end);
    x.mov(dword(rax, CREATED.rel), ecx);
    x.or(byte(rax, XI.flags), INFO_FLAG.does);
    x.mov(byte(rax, XI.needs), 255); // what the DOES> code does to the stacks is not known
    x.mov(byte(rax, XI.net), 255);
    x.ret();
    x.bind(none);
    throwCode(THROW.unsupported);
  });
  prim('DOES>', { immediate: true, compileOnly: true, needs: 0 }, (x) => {
    // compiles (DOES>) and a return; the code that follows runs with the body on the stack
    x.call(trackStop);
    x.lea(rax, qword(a.label('p_(DOES>)')));
    x.call(compileCall);
    x.mov(al, 0xc3);
    x.call(emitByte);
    x.mov(rax, qword(r13, U.chere));
    x.mov(qword(r13, U.lastTarget), rax);
    x.ret();
  });
  prim('(MAKE-CONSTANT)', { needs: 1, net: -1 }, (x) => {
    // ( x -- ) the last CREATE'd word pushes x instead of its body: compiled as a literal
    x.mov(rax, qword(r13, U.lastCreate));
    x.add(rax, qword(r13, U.codeDelta));
    x.mov(qword(rax, CREATED.body), rbx);
    tosPop(x);
    x.ret();
  });
  prim('>BODY', { needs: 1, net: 0 }, (x) => {
    // ( xt -- addr )
    const bad = x.label();
    x.test(byte(rbx, XI.flags), INFO_FLAG.created);
    x.jz(bad);
    x.mov(rbx, qword(rbx, CREATED.body));
    x.ret();
    x.bind(bad);
    throwCode(-31);
  });
  prim(
    'EXECUTE',
    {
      needs: 1,
      inlineBody: (x) => {
        x.mov(rax, rbx);
        tosPop(x);
        x.call(rax);
      },
    },
    (x) => {
      // ( i*x xt -- j*x )
      x.mov(rax, rbx);
      tosPop(x);
      x.jmp(rax);
    },
  );

  // Dictionary lookup.
  prim('FIND-NAME', { needs: 2, net: -1 }, (x) => {
    // ( addr len -- nt|0 ) through the search order
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.call(findName);
    x.lea(rbp, qword(rbp, 8));
    x.mov(rbx, rax);
    x.ret();
  });
  prim('SEARCH-WORDLIST', { needs: 3, net: -1 }, (x) => {
    // ( addr len wid -- 0 | xt 1 | xt -1 )
    const none = x.label();
    const imm = x.label();
    x.mov(rsi, qword(rbp, 8));
    x.mov(rcx, qword(rbp));
    x.mov(rdx, rbx);
    x.call(searchWid);
    x.test(rax, rax);
    x.jz(none);
    x.lea(rbp, qword(rbp, 8));
    x.mov(rcx, qword(rax, HDR.xt));
    x.mov(qword(rbp), rcx);
    x.mov(rbx, -1);
    x.test(byte(rax, HDR.flags), HFLAG.immediate);
    x.jz(imm);
    x.mov(ebx, 1);
    x.bind(imm);
    x.ret();
    x.bind(none);
    x.lea(rbp, qword(rbp, 16));
    x.xor(ebx, ebx);
    x.ret();
  });
  prim('(WORDLIST)', { needs: 0, net: 1 }, (x) => {
    // ( -- wid ) a new, empty word list
    x.call(a.label('new_wordlist'));
    tosPush(x);
    x.mov(rbx, rax);
    x.ret();
  });
  alias('WORDLIST', '(WORDLIST)');

  // The text interpreter.
  prim('PARSE-NAME', { needs: 0, net: 2 }, (x) => {
    // ( "name" -- addr len )
    x.call(parseName);
    x.sub(rbp, 16);
    x.mov(qword(rbp, 8), rbx);
    x.mov(qword(rbp), rsi);
    x.mov(rbx, rcx);
    x.ret();
  });
  prim('PARSE', { needs: 1, net: 1 }, (x) => {
    // ( char "ccc<char>" -- addr len )
    const loop = x.label();
    const end = x.label();
    const found = x.label();
    x.mov(rsi, qword(r13, U.srcAddr));
    x.mov(rcx, qword(r13, U.toIn));
    x.mov(rdx, qword(r13, U.srcLen));
    x.lea(rdi, qword(rsi, rcx, 1, 0)); // start
    x.bind(loop);
    x.cmp(rcx, rdx);
    x.jge(end);
    x.cmp(byte(rsi, rcx, 1, 0), bl);
    x.je(found);
    x.add(rcx, 1);
    x.jmp(loop);
    x.bind(found);
    x.lea(rax, qword(rsi, rcx, 1, 0));
    x.sub(rax, rdi);
    x.add(rcx, 1);
    x.mov(qword(r13, U.toIn), rcx);
    x.sub(rbp, 8);
    x.mov(qword(rbp), rdi);
    x.mov(rbx, rax);
    x.ret();
    x.bind(end);
    x.mov(qword(r13, U.toIn), rdx);
    x.lea(rax, qword(rsi, rdx, 1, 0));
    x.sub(rax, rdi);
    x.sub(rbp, 8);
    x.mov(qword(rbp), rdi);
    x.mov(rbx, rax);
    x.ret();
  });
  prim('(NUMBER?)', { needs: 2 }, (x) => {
    // ( addr len -- n true | false ) a single-cell number in BASE, with # $ % 'c' prefixes and -
    const no = x.label();
    x.mov(rsi, qword(rbp));
    x.mov(rcx, rbx);
    x.call(toNumber);
    x.test(edx, edx);
    x.jz(no);
    x.mov(qword(rbp), rax);
    x.mov(rbx, -1);
    x.ret();
    x.bind(no);
    x.lea(rbp, qword(rbp, 8));
    x.xor(ebx, ebx);
    x.ret();
  });
  prim('>NUMBER', { needs: 4, net: 0 }, (x) => {
    // ( ud1 addr1 u1 -- ud2 addr2 u2 ) accumulate digits of BASE into ud
    const loop = x.label();
    const done = x.label();
    x.mov(rsi, qword(rbp)); // addr
    x.mov(r8, qword(rbp, 8)); // ud hi
    x.mov(r9, qword(rbp, 16)); // ud lo
    x.bind(loop);
    x.test(rbx, rbx);
    x.jz(done);
    x.movzx(eax, byte(rsi));
    x.call(a.label('digit_value')); // eax → eax digit or -1
    x.test(eax, eax);
    x.js(done);
    x.cmp(rax, qword(r13, U.base));
    x.jae(done);
    // ud = ud * base + digit
    x.mov(r10, rax);
    x.mov(rax, r9);
    x.mul(qword(r13, U.base));
    x.mov(r9, rax);
    x.mov(r11, rdx);
    x.mov(rax, r8);
    x.imul(rax, qword(r13, U.base));
    x.add(r11, rax);
    x.add(r9, r10);
    x.adc(r11, 0);
    x.mov(r8, r11);
    x.add(rsi, 1);
    x.sub(rbx, 1);
    x.jmp(loop);
    x.bind(done);
    x.mov(qword(rbp), rsi);
    x.mov(qword(rbp, 8), r8);
    x.mov(qword(rbp, 16), r9);
    x.ret();
  });
  prim('INTERPRET', { needs: 0 }, (x) => x.jmp(interpret));
  prim('REFILL', { needs: 0, net: 1 }, (x) => {
    // ( -- flag )
    x.call(refill);
    tosPush(x);
    x.movsxd(rbx, eax);
    x.neg(rbx);
    x.ret();
  });
  prim('EVALUATE', { needs: 2 }, (x) => {
    // ( i*x addr len -- j*x ) interpret a string, then restore the input source
    x.push(qword(r13, U.srcAddr));
    x.push(qword(r13, U.srcLen));
    x.push(qword(r13, U.toIn));
    x.push(qword(r13, U.sourceId));
    x.push(qword(r13, U.line));
    x.mov(rax, qword(rbp));
    x.mov(qword(r13, U.srcAddr), rax);
    x.mov(qword(r13, U.srcLen), rbx);
    x.mov(qword(r13, U.toIn), 0);
    x.mov(qword(r13, U.sourceId), -1);
    x.mov(rbx, qword(rbp, 8));
    x.lea(rbp, qword(rbp, 16));
    x.call(interpret);
    x.pop(qword(r13, U.line));
    x.pop(qword(r13, U.sourceId));
    x.pop(qword(r13, U.toIn));
    x.pop(qword(r13, U.srcLen));
    x.pop(qword(r13, U.srcAddr));
    x.ret();
  });
  prim('(SET-SOURCE)', { needs: 3, net: -3 }, (x) => {
    // ( addr len id -- ) make a line the current input (for file input)
    x.mov(qword(r13, U.sourceId), rbx);
    x.mov(rax, qword(rbp));
    x.mov(qword(r13, U.srcLen), rax);
    x.mov(rax, qword(rbp, 8));
    x.mov(qword(r13, U.srcAddr), rax);
    x.mov(qword(r13, U.toIn), 0);
    x.mov(rbx, qword(rbp, 16));
    x.lea(rbp, qword(rbp, 24));
    x.ret();
  });
  prim('BYE', { needs: 0 }, (x) => {
    x.mov(rax, qword(r13, U.ctx));
    x.mov(qword(rax, CTX.bye), 1);
    throwCode(THROW.bye);
  });
  prim('MS', { needs: 1, net: -1 }, (x) => {
    // ( ms -- ) sleep; the output so far goes out first; an interrupt ends it (THROW -28)
    x.call(flushOut);
    x.sub(rsp, 16);
    x.mov(rax, rbx);
    x.xor(edx, edx);
    x.mov(ecx, 1000);
    x.div(rcx);
    x.mov(qword(rsp), rax);
    x.imul(rdx, rdx, 1_000_000);
    x.mov(qword(rsp, 8), rdx);
    x.mov(rdi, rsp);
    x.xor(esi, esi);
    ccall(ext('nanosleep'));
    x.add(rsp, 16);
    tosPop(x);
    const calm = x.label();
    x.cmp(qword(r13, U.pendingInterrupt), 0);
    x.je(calm);
    x.mov(qword(r13, U.pendingInterrupt), 0);
    throwCode(THROW.userInterrupt);
    x.bind(calm);
    x.ret();
  });
  prim('(ERRNO)', { needs: 0, net: 1 }, (x) => {
    ccall(ext('__errno_location'));
    tosPush(x);
    x.movsxd(rbx, dword(rax));
    x.ret();
  });

  // ================================================================== routines

  // emit_*: append to code space through the write view. Clobber rdx (and rsi/rcx for emit_bytes).
  for (const [l, size] of [
    [emitByte, 1],
    [emitDword, 4],
    [emitQword, 8],
  ] as const) {
    a.bind(l);
    a.mov(rdx, qword(r13, U.chere));
    a.add(rdx, qword(r13, U.codeDelta));
    if (size === 1) a.mov(byte(rdx), al);
    else if (size === 4) a.mov(dword(rdx), eax);
    else a.mov(qword(rdx), rax);
    a.add(qword(r13, U.chere), size);
    a.ret();
  }
  a.bind(emitBytes);
  {
    const loop = L();
    const done = L();
    a.mov(rdx, qword(r13, U.chere));
    a.add(qword(r13, U.chere), rcx);
    a.add(rdx, qword(r13, U.codeDelta));
    a.bind(loop);
    a.test(rcx, rcx);
    a.jz(done);
    a.mov(al, byte(rsi));
    a.mov(byte(rdx), al);
    a.add(rsi, 1);
    a.add(rdx, 1);
    a.sub(rcx, 1);
    a.jmp(loop);
    a.bind(done);
    a.ret();
  }

  /** Emits a fixed byte sequence (from rodata) at run time. */
  function emitSeq(x: A, bytes: number[]): void {
    const l = L();
    seqs.push([l, bytes]);
    x.lea(rsi, qword(l));
    x.mov(ecx, bytes.length);
    x.call(emitBytes);
  }

  // compile_call: rax = target → E8 rel32, remembered for tail calls.
  a.bind(compileCall);
  a.push(rax);
  a.mov(al, 0xe8);
  a.call(emitByte);
  a.pop(rax);
  a.sub(rax, qword(r13, U.chere));
  a.sub(rax, 4);
  a.call(emitDword);
  a.mov(rax, qword(r13, U.chere));
  a.mov(qword(r13, U.callEnd), rax);
  a.ret();

  // compile_lit: rax = value. push the top; mov rbx, imm. Remembered for folding.
  {
    const wide = L();
    const done = L();
    a.bind(compileLit);
    a.push(rax);
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.litStart), rcx);
    emitSeq(a, PUSH_TOS);
    a.mov(rax, qword(rsp));
    a.movsxd(rcx, eax);
    a.cmp(rcx, rax);
    a.jne(wide);
    emitSeq(a, MOV_RBX_IMM32);
    a.mov(rax, qword(rsp));
    a.call(emitDword);
    a.jmp(done);
    a.bind(wide);
    emitSeq(a, MOVABS_RBX);
    a.mov(rax, qword(rsp));
    a.call(emitQword);
    a.bind(done);
    a.pop(rax);
    a.mov(qword(r13, U.litValue), rax);
    a.mov(rax, qword(r13, U.chere));
    a.mov(qword(r13, U.litEnd), rax);
    // stack tracking: +1
    a.mov(ecx, 0);
    a.mov(edx, 129);
    a.call(trackEffect);
    a.jmp(a.label('see_lit'));
  }

  // compile_xt: rax = xt. Inline, fold, literal for CREATE'd words, or call.
  {
    a.bind(compileXt);
    const notCreated = L();
    const notSpecial = L();
    const viaCall = L();
    a.push(rax);
    a.call(a.label('see_xt'));
    a.mov(rax, qword(rsp));
    // Track the stack effect.
    a.movzx(ecx, byte(rax, XI.needs));
    a.movzx(edx, byte(rax, XI.net));
    a.call(trackEffect);
    a.pop(rax);
    // CREATE'd word: a literal (and a call of its DOES> code).
    a.test(byte(rax, XI.flags), INFO_FLAG.created);
    a.jz(notCreated);
    a.push(rax);
    a.mov(rax, qword(rax, CREATED.body));
    a.call(a.label('compile_lit_raw'));
    a.pop(rax);
    a.test(byte(rax, XI.flags), INFO_FLAG.does);
    a.jz(a.label('cx_ret'));
    a.movsxd(rcx, dword(rax, CREATED.rel));
    a.lea(rax, qword(rax, rcx, 1, CREATED.end));
    a.jmp(compileCall);
    a.bind(a.label('cx_ret'));
    a.ret();
    a.bind(notCreated);
    // Folding/fusion handlers.
    a.test(byte(rax, XI.flags), INFO_FLAG.foldable);
    a.jz(notSpecial);
    a.lea(rdx, qword(a.label('special_table')));
    const scan = L();
    const scanNext = L();
    a.bind(scan);
    a.mov(rcx, qword(rdx));
    a.test(rcx, rcx);
    a.jz(notSpecial);
    a.cmp(rcx, rax);
    a.jne(scanNext);
    a.jmp(qword(rdx, 8)); // handler: rax = xt
    a.bind(scanNext);
    a.add(rdx, 16);
    a.jmp(scan);
    a.bind(notSpecial);
    a.bind(a.label('compile_plain'));
    // Inline copy?
    a.cmp(byte(rax, XI.inlineLen), 0);
    a.je(viaCall);
    a.jmp(emitInline);
    a.bind(viaCall);
    a.jmp(compileCall);
  }
  // emit_inline: rax = xt of an inline primitive: its inline copy goes into the code.
  a.bind(emitInline);
  a.movzx(ecx, byte(rax, XI.inlineLen));
  a.movsxd(rsi, dword(rax, XI.inlineAt));
  a.add(rsi, rax);
  a.jmp(emitBytes);
  a.bind(a.label('compile_lit_raw'));
  a.push(qword(r13, U.seeList));
  a.push(qword(r13, U.trackOn));
  a.mov(qword(r13, U.seeList), 0);
  a.mov(qword(r13, U.trackOn), 0);
  a.call(compileLit);
  a.pop(qword(r13, U.trackOn));
  a.pop(qword(r13, U.seeList));
  a.ret();

  // Fold handlers. rax = xt; if the last thing compiled is a literal that fits
  // 32 bits, rewind over it and emit the immediate form instead.
  const litFits = (fail: Label): void => {
    a.mov(rcx, qword(r13, U.litEnd));
    a.cmp(rcx, qword(r13, U.chere));
    a.jne(fail);
    a.mov(rcx, qword(r13, U.litValue));
    a.movsxd(rdx, ecx);
    a.cmp(rdx, rcx);
    a.jne(fail);
  };
  const rewindLit = (): void => {
    a.mov(rcx, qword(r13, U.litStart));
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.litEnd), 0);
  };
  for (const [l, ext] of foldAlus) {
    const plain = L();
    a.bind(l);
    litFits(plain);
    rewindLit();
    emitSeqImm(a, [0x48, 0x81, 0xc3 | (ext << 3)]); // op rbx, imm32
    a.ret();
    a.bind(plain);
    a.jmp(a.label('compile_plain'));
  }
  {
    const plain = L();
    a.bind(foldMul);
    litFits(plain);
    rewindLit();
    emitSeqImm(
      a,
      snippet((s) => s.imul(rbx, rbx, 0x1234_5678), 4),
    );
    a.ret();
    a.bind(plain);
    a.jmp(a.label('compile_plain'));
  }
  for (const [l, ext] of foldShifts) {
    const plain = L();
    a.bind(l);
    litFits(plain);
    a.cmp(qword(r13, U.litValue), 63);
    a.ja(plain);
    rewindLit();
    emitSeq(a, [0x48, 0xc1, 0xe3 | (ext << 3)]); // shl/shr/sar rbx, imm8
    a.mov(al, byte(r13, U.litValue));
    a.call(emitByte);
    a.ret();
    a.bind(plain);
    a.jmp(a.label('compile_plain'));
  }
  /** Emits bytes followed by the literal's imm32. */
  function emitSeqImm(x: A, bytes: number[]): void {
    emitSeq(x, bytes);
    x.mov(eax, dword(r13, U.litValue));
    x.call(emitDword);
  }
  // Comparison handlers: with a literal, `cmp rbx, imm32` + flag; else inline. Remember for IF.
  for (const [l, cond, kind, litCond] of cmps) {
    const plain = L();
    const record = L();
    a.bind(l);
    if (kind === 'two') {
      litFits(plain);
      rewindLit();
      a.mov(rcx, qword(r13, U.chere));
      a.mov(qword(r13, U.cmpStart), rcx);
      emitSeqImm(a, CMP_RBX_IMM32);
      // setcc al (by condition code); then 0 or -1
      emitSeq(a, [
        0x0f,
        0x90 | litCond,
        0xc0,
        ...snippet((s) => {
          s.movzx(ebx, al);
          s.neg(rbx);
        }),
      ]);
      a.mov(qword(r13, U.cmpKind), 1);
      a.mov(qword(r13, U.cmpCond), litCond);
      a.jmp(record);
      a.bind(plain);
      a.mov(rcx, qword(r13, U.chere));
      a.mov(qword(r13, U.cmpStart), rcx);
      a.call(emitInline);
      a.mov(qword(r13, U.cmpKind), 0);
      a.mov(qword(r13, U.cmpCond), cond);
    } else {
      a.mov(rcx, qword(r13, U.chere));
      a.mov(qword(r13, U.cmpStart), rcx);
      a.call(emitInline);
      a.mov(qword(r13, U.cmpKind), 2);
      a.mov(qword(r13, U.cmpCond), cond);
    }
    a.bind(record);
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.cmpEnd), rcx);
    a.ret();
  }
  a.bind(compileNothing);
  a.ret();
  a.bind(dupSpecial);
  a.mov(rcx, qword(r13, U.chere));
  a.mov(qword(r13, U.dupStart), rcx);
  a.call(emitInline);
  a.mov(rcx, qword(r13, U.chere));
  a.mov(qword(r13, U.dupEnd), rcx);
  a.ret();

  // fuse_branch: ecx = 1 forward (returns rax = address of the rel32 field), 0 backward to rdx.
  // Pops the flag; jumps when it is false. Fuses with a comparison compiled just before.
  {
    a.bind(fuseBranch);
    const plain = L();
    const jcc = L();
    a.push(rcx);
    a.push(rdx);
    // stack tracking: the flag is consumed, then tracking stops
    a.mov(ecx, 1);
    a.mov(edx, 127);
    a.call(trackEffect);
    a.call(trackStop);
    a.mov(rcx, qword(r13, U.cmpEnd));
    a.cmp(rcx, qword(r13, U.chere));
    a.jne(plain);
    a.mov(rcx, qword(r13, U.cmpStart));
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.cmpEnd), 0);
    const one = L();
    const zero = L();
    a.cmp(qword(r13, U.cmpKind), 1);
    a.je(one);
    a.cmp(qword(r13, U.cmpKind), 2);
    a.je(zero);
    // two items: mov rax,[rbp]; cmp rax,rbx; mov rbx,[rbp+8]; lea rbp,[rbp+16]
    emitSeq(
      a,
      snippet((s) => {
        s.mov(rax, qword(rbp));
        s.cmp(rax, rbx);
        s.mov(rbx, qword(rbp, 8));
        s.lea(rbp, qword(rbp, 16));
      }),
    );
    a.jmp(jcc);
    // DUP just before: the value stays on the stack, so no push and no pop
    const noDup = L();
    const dupOne = L();
    a.bind(one);
    a.mov(rcx, qword(r13, U.dupEnd));
    a.cmp(rcx, qword(r13, U.chere));
    a.jne(noDup);
    a.mov(rcx, qword(r13, U.dupStart));
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.dupEnd), 0);
    emitSeqImm(a, CMP_RBX_IMM32);
    a.jmp(jcc);
    a.bind(noDup);
    emitSeqImm(a, CMP_RBX_IMM32);
    emitSeq(a, DROP);
    a.jmp(jcc);
    a.bind(zero);
    a.mov(rcx, qword(r13, U.dupEnd));
    a.cmp(rcx, qword(r13, U.chere));
    a.jne(dupOne);
    a.mov(rcx, qword(r13, U.dupStart));
    a.mov(qword(r13, U.chere), rcx);
    a.mov(qword(r13, U.dupEnd), 0);
    emitSeq(a, TEST_TOS);
    a.jmp(jcc);
    a.bind(dupOne);
    emitSeq(a, [...TEST_TOS, ...DROP]);
    a.bind(jcc);
    // j(not cond) rel32
    a.mov(al, 0x0f);
    a.call(emitByte);
    a.mov(eax, dword(r13, U.cmpCond));
    a.xor(eax, 1);
    a.or(eax, 0x80);
    a.call(emitByte);
    const fin = L();
    a.jmp(fin);
    a.bind(plain);
    // mov rax, rbx; drop; test rax, rax; jz rel32
    emitSeq(a, [...snippet((s) => s.mov(rax, rbx)), ...DROP, ...snippet((s) => s.test(rax, rax)), ...JE_REL32]);
    a.bind(fin);
    a.pop(rdx);
    a.pop(rcx);
    const back = L();
    a.test(ecx, ecx);
    a.jz(back);
    a.mov(rax, qword(r13, U.chere));
    a.push(rax);
    a.xor(eax, eax);
    a.call(emitDword);
    a.pop(rax);
    a.ret();
    a.bind(back);
    a.mov(rax, rdx);
    a.sub(rax, qword(r13, U.chere));
    a.sub(rax, 4);
    a.jmp(emitDword);
  }

  // check_cf: the top of the stack must be a control-flow item (an address in
  // compiled code, not the colon-sys marker or anything else): else THROW -22.
  {
    a.bind(a.label('check_cf'));
    const bad = L();
    a.cmp(rbx, qword(r13, U.codeLow));
    a.jb(bad);
    a.cmp(rbx, qword(r13, U.chere));
    a.ja(bad);
    a.ret();
    a.bind(bad);
    throwCode(THROW.controlMismatch);
  }

  // LEAVE bookkeeping: a small stack of rel32 field addresses, 0 marks a DO.
  // More DOs and LEAVEs open at once than it holds: THROW -52; a loop end
  // without its DO (`BEGIN LOOP`): THROW -22.
  {
    const overflow = L();
    const underflow = L();
    a.bind(a.label('leave_mark'));
    a.mov(rax, qword(r13, U.leaveSp));
    a.cmp(rax, U.leaveStackCells);
    a.jae(overflow);
    a.mov(qword(r13, rax, 8, U.leaveStack), 0);
    a.add(qword(r13, U.leaveSp), 1);
    a.ret();
    a.bind(a.label('leave_site'));
    // the jump opcode is emitted; reserve rel32 and remember it
    a.mov(rax, qword(r13, U.chere));
    a.mov(rcx, qword(r13, U.leaveSp));
    a.cmp(rcx, U.leaveStackCells);
    a.jae(overflow);
    a.mov(qword(r13, rcx, 8, U.leaveStack), rax);
    a.add(qword(r13, U.leaveSp), 1);
    a.xor(eax, eax);
    a.jmp(emitDword);
    a.bind(overflow);
    throwCode(THROW.controlFlowOverflow);
    a.bind(underflow);
    throwCode(THROW.controlMismatch);
    a.bind(a.label('leave_resolve'));
    const loop = L();
    const done = L();
    a.mov(rcx, qword(r13, U.chere));
    a.mov(qword(r13, U.lastTarget), rcx);
    a.bind(loop);
    a.cmp(qword(r13, U.leaveSp), 0);
    a.je(underflow);
    a.sub(qword(r13, U.leaveSp), 1);
    a.mov(rax, qword(r13, U.leaveSp));
    a.mov(rdx, qword(r13, rax, 8, U.leaveStack));
    a.test(rdx, rdx);
    a.jz(done);
    a.mov(rax, rcx);
    a.sub(rax, rdx);
    a.sub(rax, 4);
    a.add(rdx, qword(r13, U.codeDelta));
    a.mov(dword(rdx), eax);
    a.jmp(loop);
    a.bind(done);
    a.ret();
  }

  // Stack-effect tracking of the definition being compiled (see layout.ts U.track*).
  // ecx = items needed, edx = net + 128 (255 unknown).
  {
    a.bind(trackEffect);
    const stop = L();
    a.cmp(qword(r13, U.trackOn), 0);
    a.je(a.label('track_ret'));
    a.cmp(ecx, 255);
    a.je(stop);
    a.cmp(edx, 255);
    a.je(stop);
    a.mov(rax, qword(r13, U.trackDepth));
    a.sub(rax, rcx);
    a.cmp(rax, qword(r13, U.trackMin));
    a.jge(a.label('track_nomin'));
    a.mov(qword(r13, U.trackMin), rax);
    a.bind(a.label('track_nomin'));
    a.sub(edx, 128);
    a.movsxd(rdx, edx);
    a.add(qword(r13, U.trackDepth), rdx);
    a.bind(a.label('track_ret'));
    a.ret();
    a.bind(stop);
    // the minimum so far stays valid; the net effect is unknown from here
    a.bind(trackStop);
    a.mov(qword(r13, U.trackOn), 0);
    a.ret();
  }

  // begin_colon: rsi/rcx = name (rcx 0: :NONAME). Header hidden until ;.
  {
    a.bind(a.label('begin_colon'));
    const anon = L();
    a.call(a.label('check_code_room'));
    a.test(rcx, rcx);
    a.jz(anon);
    a.call(a.label('new_code_word'));
    a.mov(rax, qword(r13, U.latest));
    a.or(byte(rax, HDR.flags), HFLAG.hidden);
    a.mov(qword(r13, U.defHdr), rax);
    a.jmp(a.label('colon_state'));
    a.bind(anon);
    // info word, then the code
    a.mov(eax, UNKNOWN_INFO);
    a.call(a.label('emit_info'));
    a.mov(rax, qword(r13, U.chere));
    a.mov(qword(r13, U.lastXt), rax);
    a.mov(qword(r13, U.defHdr), 0);
    a.bind(a.label('colon_state'));
    a.mov(qword(r13, U.state), -1);
    a.mov(qword(r13, U.trackOn), 1);
    a.mov(qword(r13, U.trackDepth), 0);
    a.mov(qword(r13, U.trackMin), 0);
    a.mov(qword(r13, U.callEnd), 0);
    a.mov(qword(r13, U.litEnd), 0);
    a.mov(qword(r13, U.cmpEnd), 0);
    a.mov(qword(r13, U.dupEnd), 0);
    a.mov(qword(r13, U.lastTarget), 0);
    a.mov(qword(r13, U.leaveSp), 0);
    a.call(a.label('see_begin'));
    // colon-sys: a marker checked by ;
    tosPush(a);
    a.mov(rbx, 0x5eed);
    a.ret();
  }
  // emit_info: rax = info word; aligns code to 8 first.
  {
    a.bind(a.label('emit_info'));
    const pad = L();
    const padded = L();
    a.push(rax);
    a.bind(pad);
    a.test(qword(r13, U.chere), 7);
    a.jz(padded);
    a.mov(al, 0xcc);
    a.call(emitByte);
    a.jmp(pad);
    a.bind(padded);
    a.pop(rax);
    a.jmp(emitQword);
  }
  a.bind(a.label('new_code_word'));
  a.push(rsi);
  a.push(rcx);
  a.mov(eax, UNKNOWN_INFO);
  a.call(a.label('emit_info'));
  a.pop(rcx);
  a.pop(rsi);
  a.call(makeHeader);
  a.mov(rcx, qword(r13, U.chere));
  a.mov(qword(rax, HDR.xt), rcx);
  a.mov(qword(r13, U.lastXt), rcx);
  a.ret();
  // end_colon (;): a return (or the last call becomes a jump), stack effect into the info word, reveal.
  {
    a.bind(a.label('end_colon'));
    const ok = L();
    a.cmp(rbx, 0x5eed);
    a.je(ok);
    throwCode(THROW.controlMismatch);
    a.bind(ok);
    tosPop(a);
    a.call(a.label('compile_exit'));
    // info: needs = -trackMin, net = trackDepth + 128 if tracking survived
    a.mov(rdx, qword(r13, U.lastXt));
    a.add(rdx, qword(r13, U.codeDelta));
    a.mov(rax, qword(r13, U.trackMin));
    a.neg(rax);
    a.cmp(rax, 254);
    a.mov(ecx, 254);
    a.cmova(eax, ecx);
    a.mov(byte(rdx, XI.needs), al);
    a.mov(byte(rdx, XI.net), 255);
    const noNet = L();
    a.cmp(qword(r13, U.trackOn), 0);
    a.je(noNet);
    a.mov(rax, qword(r13, U.trackDepth));
    a.add(rax, 128);
    a.cmp(rax, 254);
    a.ja(noNet);
    a.mov(byte(rdx, XI.net), al);
    a.bind(noNet);
    a.call(a.label('see_end'));
    const anon = L();
    a.mov(rax, qword(r13, U.defHdr));
    a.test(rax, rax);
    a.jz(anon);
    a.and(byte(rax, HDR.flags), ~HFLAG.hidden & 0xff);
    a.bind(anon);
    a.mov(qword(r13, U.state), 0);
    a.ret();
  }
  // compile_exit: ret, or turn the call just compiled into a jump (tail call) when no
  // branch lands after it.
  {
    a.bind(a.label('compile_exit'));
    const plain = L();
    a.mov(rax, qword(r13, U.callEnd));
    a.cmp(rax, qword(r13, U.chere));
    a.jne(plain);
    a.cmp(rax, qword(r13, U.lastTarget));
    a.je(plain);
    // the callee must not read its return address
    a.movsxd(rcx, dword(rax, -4));
    a.add(rcx, rax); // target
    a.test(byte(rcx, XI.flags), INFO_FLAG.noTail);
    a.jnz(plain);
    a.add(rax, qword(r13, U.codeDelta));
    a.mov(byte(rax, -5), 0xe9);
    a.mov(qword(r13, U.callEnd), 0);
    a.ret();
    a.bind(plain);
    a.mov(al, 0xc3);
    a.jmp(emitByte);
  }
  // check_code_room: code space must have room for a definition.
  {
    a.bind(a.label('check_code_room'));
    const ok = L();
    a.mov(rax, qword(r13, U.codeEnd));
    a.sub(rax, qword(r13, U.chere));
    a.cmp(rax, 64 * 1024);
    a.jg(ok);
    throwCode(THROW.dictionaryOverflow);
    a.bind(ok);
    a.ret();
  }
  a.bind(a.label('do_create'));
  a.push(rsi);
  a.push(rcx);
  a.call(a.label('check_code_room'));
  a.pop(rcx);
  a.pop(rsi);
  a.call(a.label('new_code_word'));
  // mark CREATE'd in the info word
  a.mov(rax, qword(r13, U.lastXt));
  a.mov(qword(r13, U.lastCreate), rax);
  a.add(rax, qword(r13, U.codeDelta));
  a.mov(byte(rax, XI.flags), INFO_FLAG.created);
  a.mov(byte(rax, XI.needs), 0);
  a.mov(byte(rax, XI.net), 128 + 1); // ( -- addr )
  // align data space: the body is aligned
  a.mov(rax, qword(r13, U.here));
  a.add(rax, 7);
  a.and(rax, -8);
  a.mov(qword(r13, U.here), rax);
  emitSeq(a, [...PUSH_TOS, ...MOVABS_RBX]);
  a.mov(rax, qword(r13, U.here));
  a.call(emitQword);
  // ret, then nops: with the ret, room for the `jmp rel32` that (DOES>) writes at CREATED.ret
  emitSeq(a, [0xc3, ...new Array<number>(CREATED.end - CREATED.ret - 1).fill(0x90)]);
  a.ret();

  // make_header: rsi/rcx = name → rax = header in CURRENT (xt to be filled in).
  {
    a.bind(makeHeader);
    const okLen = L();
    const nonEmpty = L();
    a.test(rcx, rcx);
    a.jnz(nonEmpty);
    throwCode(THROW.zeroLengthName);
    a.bind(nonEmpty);
    a.cmp(rcx, 255);
    a.jbe(okLen);
    throwCode(THROW.nameTooLong);
    a.bind(okLen);
    a.push(rsi);
    a.push(rcx);
    // align HERE
    a.mov(rax, qword(r13, U.here));
    a.add(rax, 7);
    a.and(rax, -8);
    a.mov(rdi, rax); // header
    a.mov(rdx, qword(r13, U.current));
    a.mov(qword(rdi, HDR.wid), rdx);
    a.mov(rax, qword(rdx, WL.latest));
    a.mov(qword(rdi, HDR.prev), rax);
    a.mov(qword(rdx, WL.latest), rdi);
    a.mov(qword(rdi, HDR.xt), 0);
    a.mov(qword(rdi, HDR.see), 0);
    a.mov(byte(rdi, HDR.flags), 0);
    a.mov(byte(rdi, HDR.nameLen), cl);
    // copy the name
    const copy = L();
    const copied = L();
    a.xor(eax, eax);
    a.bind(copy);
    a.cmp(rax, rcx);
    a.jae(copied);
    a.mov(r8b, byte(rsi, rax, 1, 0));
    a.mov(byte(rdi, rax, 1, HDR.name), r8b);
    a.add(rax, 1);
    a.jmp(copy);
    a.bind(copied);
    a.lea(rax, qword(rdi, rcx, 1, HDR.name + 7));
    a.and(rax, -8);
    a.mov(qword(r13, U.here), rax);
    // bucket
    a.pop(rcx);
    a.pop(rsi);
    a.call(a.label('name_hash')); // eax
    a.mov(rdx, qword(rdi, HDR.wid));
    a.lea(rdx, qword(rdx, rax, 8, WL.buckets));
    a.mov(rax, qword(rdx));
    a.mov(qword(rdi, HDR.bucketLink), rax);
    a.mov(qword(rdx), rdi);
    a.mov(qword(r13, U.latest), rdi);
    a.mov(rax, rdi);
    a.ret();
  }
  // name_hash: rsi/rcx → eax in [0, nbuckets). Case-insensitive.
  {
    a.bind(a.label('name_hash'));
    const loop = L();
    const done = L();
    a.push(rcx);
    a.push(rsi);
    a.mov(eax, 2166136261);
    a.bind(loop);
    a.test(rcx, rcx);
    a.jz(done);
    a.movzx(edx, byte(rsi));
    a.call(a.label('to_lower_dl'));
    a.xor(eax, edx);
    a.imul(eax, eax, 16777619);
    a.add(rsi, 1);
    a.sub(rcx, 1);
    a.jmp(loop);
    a.bind(done);
    a.mov(edx, eax);
    a.shr(edx, 16);
    a.xor(eax, edx);
    a.and(eax, WL.nbuckets - 1);
    a.pop(rsi);
    a.pop(rcx);
    a.ret();
    a.bind(a.label('to_lower_dl'));
    const notUpper = L();
    a.lea(r8d, dword(rdx, -65));
    a.cmp(r8d, 25);
    a.ja(notUpper);
    a.or(edx, 32);
    a.bind(notUpper);
    a.ret();
  }
  // search_wid: rsi/rcx = name, rdx = wid → rax = header or 0 (skips hidden headers).
  {
    a.bind(searchWid);
    const walk = L();
    const next = L();
    const cmpLoop = L();
    const found = L();
    const none = L();
    a.push(rdi);
    a.push(r10);
    a.push(r11);
    a.mov(r11, rdx); // name_hash clobbers rdx
    a.call(a.label('name_hash'));
    a.mov(rdi, qword(r11, rax, 8, WL.buckets));
    a.bind(walk);
    a.test(rdi, rdi);
    a.jz(none);
    a.test(byte(rdi, HDR.flags), HFLAG.hidden);
    a.jnz(next);
    a.movzx(eax, byte(rdi, HDR.nameLen));
    a.cmp(rax, rcx);
    a.jne(next);
    a.xor(r10d, r10d);
    a.bind(cmpLoop);
    a.cmp(r10, rcx);
    a.jae(found);
    a.movzx(edx, byte(rsi, r10, 1, 0));
    a.call(a.label('to_lower_dl'));
    a.mov(r11d, edx);
    a.movzx(edx, byte(rdi, r10, 1, HDR.name));
    a.call(a.label('to_lower_dl'));
    a.cmp(edx, r11d);
    a.jne(next);
    a.add(r10, 1);
    a.jmp(cmpLoop);
    a.bind(next);
    a.mov(rdi, qword(rdi, HDR.bucketLink));
    a.jmp(walk);
    a.bind(found);
    a.mov(rax, rdi);
    a.pop(r11);
    a.pop(r10);
    a.pop(rdi);
    a.ret();
    a.bind(none);
    a.xor(eax, eax);
    a.pop(r11);
    a.pop(r10);
    a.pop(rdi);
    a.ret();
  }
  // find_name: rsi/rcx → rax = header or 0, through the search order.
  {
    a.bind(findName);
    const loop = L();
    const none = L();
    a.push(r8);
    a.xor(r8d, r8d);
    a.bind(loop);
    a.cmp(r8, qword(r13, U.orderCount));
    a.jae(none);
    a.mov(rdx, qword(r13, r8, 8, U.order));
    a.push(r8);
    a.call(searchWid);
    a.pop(r8);
    a.test(rax, rax);
    const found = L();
    a.jnz(found);
    a.add(r8, 1);
    a.jmp(loop);
    a.bind(none);
    a.xor(eax, eax);
    a.bind(found);
    a.pop(r8);
    a.ret();
  }
  a.bind(a.label('new_wordlist'));
  a.mov(rax, qword(r13, U.here));
  a.add(rax, 7);
  a.and(rax, -8);
  a.mov(rdi, rax);
  a.lea(rcx, qword(rax, WL.size));
  a.mov(qword(r13, U.here), rcx);
  a.xor(eax, eax);
  a.mov(ecx, WL.size / 8);
  a.push(rdi);
  a.cld();
  a.rep().stosq();
  a.pop(rax);
  a.mov(rcx, qword(r13, U.widChain));
  a.mov(qword(rax, WL.chain), rcx);
  a.mov(qword(r13, U.widChain), rax);
  a.ret();

  // parse_name: skip spaces (and other control characters), take a word → rsi, rcx.
  {
    a.bind(parseName);
    const skip = L();
    const word = L();
    const end = L();
    a.mov(rdi, qword(r13, U.srcAddr));
    a.mov(rax, qword(r13, U.toIn));
    a.mov(rdx, qword(r13, U.srcLen));
    a.bind(skip);
    a.cmp(rax, rdx);
    a.jge(end);
    a.cmp(byte(rdi, rax, 1, 0), 32);
    a.ja(word);
    a.add(rax, 1);
    a.jmp(skip);
    a.bind(word);
    a.lea(rsi, qword(rdi, rax, 1, 0));
    const scan = L();
    const stop = L();
    a.bind(scan);
    a.cmp(rax, rdx);
    a.jge(stop);
    a.cmp(byte(rdi, rax, 1, 0), 32);
    a.jbe(stop);
    a.add(rax, 1);
    a.jmp(scan);
    a.bind(stop);
    a.lea(rcx, qword(rdi, rax, 1, 0));
    a.sub(rcx, rsi);
    // >IN past the delimiter
    const atEnd = L();
    a.cmp(rax, rdx);
    a.jge(atEnd);
    a.add(rax, 1);
    a.bind(atEnd);
    a.mov(qword(r13, U.toIn), rax);
    a.ret();
    a.bind(end);
    a.mov(qword(r13, U.toIn), rdx);
    a.lea(rsi, qword(rdi, rdx, 1, 0));
    a.xor(ecx, ecx);
    a.ret();
  }

  // digit_value: eax = char → eax = digit value (0-35) or -1
  {
    a.bind(a.label('digit_value'));
    const notDigit = L();
    const bad = L();
    a.lea(ecx, dword(rax, -48));
    a.cmp(ecx, 9);
    a.ja(notDigit);
    a.mov(eax, ecx);
    a.ret();
    a.bind(notDigit);
    a.or(eax, 32);
    a.lea(ecx, dword(rax, -97));
    a.cmp(ecx, 25);
    a.ja(bad);
    a.lea(eax, dword(rcx, 10));
    a.ret();
    a.bind(bad);
    a.mov(eax, -1);
    a.ret();
  }
  // to_number: rsi/rcx → rax value, edx 1 if the whole text is a single-cell number.
  {
    a.bind(toNumber);
    const fail = L();
    const sign = L();
    const digits = L();
    const done = L();
    a.push(r8);
    a.push(r9);
    a.push(qword(r13, U.base));
    a.test(rcx, rcx);
    a.jz(fail);
    // 'c'
    const notChar = L();
    a.cmp(rcx, 3);
    a.jne(notChar);
    a.cmp(byte(rsi), 39);
    a.jne(notChar);
    a.cmp(byte(rsi, 2), 39);
    a.jne(notChar);
    a.movzx(eax, byte(rsi, 1));
    a.mov(edx, 1);
    a.jmp(a.label('num_out'));
    a.bind(notChar);
    // base prefixes
    a.movzx(eax, byte(rsi));
    for (const [c, b] of [
      [35, 10],
      [36, 16],
      [37, 2],
    ] as const) {
      const nx = L();
      a.cmp(eax, c);
      a.jne(nx);
      a.mov(qword(r13, U.base), b);
      a.add(rsi, 1);
      a.sub(rcx, 1);
      a.jmp(sign);
      a.bind(nx);
    }
    a.bind(sign);
    a.xor(r9d, r9d); // negative?
    a.test(rcx, rcx);
    a.jz(fail);
    a.cmp(byte(rsi), 45);
    a.jne(digits);
    a.mov(r9d, 1);
    a.add(rsi, 1);
    a.sub(rcx, 1);
    a.jz(fail);
    a.bind(digits);
    a.xor(r8d, r8d); // value
    const loop = L();
    a.bind(loop);
    a.test(rcx, rcx);
    a.jz(done);
    a.movzx(eax, byte(rsi));
    a.push(rcx);
    a.call(a.label('digit_value'));
    a.pop(rcx);
    a.test(eax, eax);
    a.js(fail);
    a.cmp(rax, qword(r13, U.base));
    a.jae(fail);
    a.imul(r8, qword(r13, U.base));
    a.add(r8, rax);
    a.add(rsi, 1);
    a.sub(rcx, 1);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, r8);
    a.test(r9d, r9d);
    const pos = L();
    a.jz(pos);
    a.neg(rax);
    a.bind(pos);
    a.mov(edx, 1);
    a.jmp(a.label('num_out'));
    a.bind(fail);
    a.xor(edx, edx);
    a.bind(a.label('num_out'));
    a.pop(qword(r13, U.base));
    a.pop(r9);
    a.pop(r8);
    a.ret();
  }

  // interpret: the text interpreter over the current input line.
  {
    a.bind(interpret);
    const loop = L();
    const notFound = L();
    const compileIt = L();
    const done = L();
    const under = L();
    a.bind(loop);
    a.cmp(qword(r13, U.pendingInterrupt), 0);
    a.jne(a.label('interp_int'));
    a.call(parseName);
    a.test(rcx, rcx);
    a.jz(done);
    a.push(rsi);
    a.push(rcx);
    a.call(findName);
    a.pop(rcx);
    a.pop(rsi);
    a.test(rax, rax);
    a.jz(notFound);
    a.mov(rdx, qword(rax, HDR.xt));
    a.movzx(ecx, byte(rax, HDR.flags));
    a.cmp(qword(r13, U.state), 0);
    a.je(a.label('interp_exec'));
    a.test(ecx, HFLAG.immediate);
    a.jz(compileIt);
    // immediate during compilation: record it for SEE, then run it
    a.push(rdx);
    a.call(a.label('see_imm'));
    a.pop(rdx);
    a.mov(rax, rdx);
    a.call(rax);
    a.jmp(loop);
    a.bind(a.label('interp_exec'));
    a.test(ecx, HFLAG.compileOnly);
    a.jz(a.label('interp_run'));
    throwCode(THROW.compileOnly);
    a.bind(a.label('interp_run'));
    // enough items for what the word is known to need?
    a.movzx(ecx, byte(rdx, XI.needs));
    a.cmp(ecx, 255);
    a.je(a.label('interp_go'));
    a.mov(rax, qword(r13, U.s0));
    a.sub(rax, rbp);
    a.sar(rax, 3);
    a.cmp(rax, rcx);
    a.jl(under);
    a.bind(a.label('interp_go'));
    a.mov(rax, rdx);
    a.call(rax);
    a.cmp(rbp, qword(r13, U.s0));
    a.ja(under);
    a.jmp(loop);
    a.bind(compileIt);
    a.mov(rax, rdx);
    a.call(compileXt);
    a.jmp(loop);
    a.bind(notFound);
    a.push(rsi);
    a.push(rcx);
    a.call(toNumber);
    a.pop(rcx);
    a.pop(rsi);
    a.test(edx, edx);
    a.jz(a.label('interp_hook'));
    a.cmp(qword(r13, U.state), 0);
    a.je(a.label('interp_push'));
    a.call(compileLit);
    a.jmp(loop);
    a.bind(a.label('interp_push'));
    tosPush(a);
    a.mov(rbx, rax);
    a.jmp(loop);
    a.bind(a.label('interp_hook'));
    // ( addr len -- ) the NOT-FOUND hook (doubles, floats) or THROW -13
    const noHook = L();
    a.mov(rax, qword(r13, U.notFound));
    a.test(rax, rax);
    a.jz(noHook);
    a.sub(rbp, 16);
    a.mov(qword(rbp, 8), rbx);
    a.mov(qword(rbp), rsi);
    a.mov(rbx, rcx);
    a.call(rax);
    a.jmp(loop);
    a.bind(noHook);
    a.call(saveCulprit);
    throwCode(THROW.undefinedWord);
    a.bind(under);
    a.mov(rbp, qword(r13, U.s0));
    throwCode(THROW.stackUnderflow);
    a.bind(a.label('interp_int'));
    a.mov(qword(r13, U.pendingInterrupt), 0);
    throwCode(THROW.userInterrupt);
    a.bind(done);
    a.ret();
  }

  // refill: the next line of the top-level text (SOURCE-ID 0), or of a file through the hook.
  {
    a.bind(refill);
    const text = L();
    const no = L();
    a.mov(rax, qword(r13, U.sourceId));
    a.test(rax, rax);
    a.jz(text);
    a.cmp(rax, -1);
    a.je(no);
    // a file: the Forth-defined hook ( -- flag )
    a.mov(rax, qword(r13, U.refillFile));
    a.test(rax, rax);
    a.jz(no);
    a.call(rax);
    a.mov(eax, ebx);
    a.neg(eax);
    tosPop(a);
    a.ret();
    a.bind(text);
    const scan = L();
    const eol = L();
    a.mov(rsi, qword(r13, U.textAddr));
    a.mov(rcx, qword(r13, U.textPos));
    a.mov(rdx, qword(r13, U.textLen));
    a.cmp(rcx, rdx);
    a.jae(no);
    a.lea(rdi, qword(rsi, rcx, 1, 0));
    a.mov(qword(r13, U.srcAddr), rdi);
    a.bind(scan);
    a.cmp(rcx, rdx);
    a.jae(eol);
    a.cmp(byte(rsi, rcx, 1, 0), 10);
    a.je(eol);
    a.add(rcx, 1);
    a.jmp(scan);
    a.bind(eol);
    a.lea(rax, qword(rsi, rcx, 1, 0));
    a.sub(rax, rdi);
    a.mov(qword(r13, U.srcLen), rax);
    a.add(rcx, 1);
    a.mov(qword(r13, U.textPos), rcx);
    a.mov(qword(r13, U.toIn), 0);
    a.add(qword(r13, U.line), 1);
    a.mov(eax, 1);
    a.ret();
    a.bind(no);
    a.xor(eax, eax);
    a.ret();
  }
  a.bind(saveCulprit);
  a.push(rdi);
  a.mov(rdi, qword(r13, U.ctx));
  a.cmp(rcx, CTX.textSize);
  a.mov(eax, CTX.textSize);
  a.cmova(ecx, eax);
  a.mov(qword(rdi, CTX.textLen), rcx);
  a.lea(rdi, qword(rdi, CTX.text));
  a.cld();
  a.rep().movsb();
  a.pop(rdi);
  a.ret();

  // flush_out: write the output buffer to the output fd (5), counting bytes in ctx.
  {
    a.bind(flushOut);
    const loop = L();
    const done = L();
    const again = L();
    a.push(rsi);
    a.push(rdi);
    a.push(rcx);
    a.push(rdx);
    a.push(rax);
    a.push(r14);
    a.xor(r14d, r14d);
    a.bind(loop);
    a.mov(rdx, qword(r13, U.outLen));
    a.sub(rdx, r14);
    a.jle(done);
    a.mov(edi, 5);
    a.lea(rsi, qword(r13, r14, 1, U.outBuf));
    ccall(ext('write'));
    a.test(rax, rax);
    a.jg(again);
    // interrupted: try again; other errors: drop the output
    a.push(rax);
    ccall(ext('__errno_location'));
    a.mov(ecx, dword(rax));
    a.pop(rax);
    a.cmp(ecx, 4);
    a.je(loop);
    a.jmp(done);
    a.bind(again);
    a.add(r14, rax);
    a.mov(rcx, qword(r13, U.ctx));
    a.add(qword(rcx, CTX.outTotal), rax);
    a.jmp(loop);
    a.bind(done);
    a.mov(qword(r13, U.outLen), 0);
    a.pop(r14);
    a.pop(rax);
    a.pop(rdx);
    a.pop(rcx);
    a.pop(rdi);
    a.pop(rsi);
    a.ret();
  }
  a.bind(ccallAligned);
  a.push(rbp);
  a.mov(rbp, rsp);
  a.and(rsp, -16);
  a.call(rax);
  a.mov(rsp, rbp);
  a.pop(rbp);
  a.ret();

  // SEE support: a token list per colon definition, in an arena mmap'd at boot (see_arena).
  // Tokens: [kind, value] cells; kind 1 call/inline xt, 2 literal, 3 immediate word run (header), 0 end.
  {
    const append = L('see_append'); // rcx = kind, rdx = value
    a.bind(append);
    const none = L();
    a.mov(rax, qword(r13, U.seeList));
    a.test(rax, rax);
    a.jz(none);
    a.mov(qword(rax), rcx);
    a.mov(qword(rax, 8), rdx);
    a.add(qword(r13, U.seeList), 16);
    a.bind(none);
    a.ret();
    a.bind(a.label('see_xt'));
    a.mov(rdx, rax);
    a.mov(ecx, 1);
    a.jmp(append);
    a.bind(a.label('see_lit'));
    a.mov(rdx, qword(r13, U.litValue));
    a.mov(ecx, 2);
    a.jmp(append);
    a.bind(a.label('see_imm'));
    a.push(rax);
    a.mov(rdx, rax);
    a.mov(ecx, 3);
    a.call(append);
    a.pop(rax);
    a.ret();
    a.bind(a.label('see_begin'));
    // a fresh list from the SEE arena; its start goes in the header
    a.mov(rax, qword(a.label('see_arena')));
    a.mov(qword(r13, U.seeList), rax);
    const noHdr = L();
    a.mov(rcx, qword(r13, U.defHdr));
    a.test(rcx, rcx);
    a.jz(noHdr);
    a.mov(qword(rcx, HDR.see), rax);
    a.bind(noHdr);
    a.ret();
    a.bind(a.label('see_end'));
    a.xor(ecx, ecx);
    a.xor(edx, edx);
    a.call(append);
    a.mov(rax, qword(r13, U.seeList));
    a.mov(qword(a.label('see_arena')), rax);
    a.mov(qword(r13, U.seeList), 0);
    a.ret();
  }

  // ================================================================== signals

  const SIGINT = 2;
  const SIGBUS = 7;
  const SIGFPE = 8;
  const SIGSEGV = 11;
  const UC_RIP = 168;
  const UC_RDI = 104;
  const UC_RSP = 160;
  const throwStub = L('throw_from_signal');
  {
    // handler(sig, info, uc): inside forth_eval, a fault becomes a THROW.
    a.bind(a.label('signal_handler'));
    const dfl = L();
    const redirect = L();
    const notInt = L();
    a.push(rbx);
    a.lea(rax, qword(dataUA));
    a.cmp(qword(rax, U.active), 0);
    const idle = L();
    a.je(idle);
    a.cmp(edi, SIGINT);
    a.jne(notInt);
    // SIGINT: at once if Forth code runs, else when the C function returns
    const inForth = L();
    a.mov(rcx, qword(rdx, UC_RIP));
    a.cmp(rcx, qword(rax, U.codeLow));
    a.jb(a.label('sig_k'));
    a.cmp(rcx, qword(rax, U.codeEnd));
    a.jb(inForth);
    a.bind(a.label('sig_k'));
    a.cmp(rcx, qword(rax, U.kernelLow));
    a.jb(a.label('sig_later'));
    a.cmp(rcx, qword(rax, U.kernelHigh));
    a.jb(inForth);
    a.bind(a.label('sig_later'));
    a.mov(qword(rax, U.pendingInterrupt), 1);
    a.pop(rbx);
    a.ret();
    a.bind(inForth);
    a.mov(ecx, THROW.userInterrupt);
    a.jmp(redirect);
    a.bind(notInt);
    const notFpe = L();
    a.cmp(edi, SIGFPE);
    a.jne(notFpe);
    // The division primitives divide by rbx: zero is -10, anything else overflowed (-11).
    a.mov(ecx, THROW.divideByZero);
    a.cmp(qword(rdx, 128), 0); // uc_mcontext.gregs[REG_RBX]
    a.je(redirect);
    a.mov(ecx, THROW.outOfRange);
    a.jmp(redirect);
    a.bind(notFpe);
    // SIGSEGV/SIGBUS: which guard page (if any) did it hit?
    a.mov(r8, qword(rsi, 16)); // si_addr
    a.mov(ecx, THROW.invalidAddress);
    const guard = (base: number, size: number, code: number): void => {
      const nx = L();
      a.mov(r9, qword(rax, base));
      a.mov(r10, r8);
      a.sub(r10, r9);
      a.cmp(r10, size);
      a.jae(nx);
      a.mov(ecx, code);
      a.jmp(redirect);
      a.bind(nx);
    };
    guard(U.s0, MEM.guard, THROW.stackUnderflow);
    guard(U.dsLow, MEM.guard, THROW.stackOverflow);
    guard(U.f0, MEM.guard, THROW.floatUnderflow);
    guard(U.fsLow, MEM.guard, THROW.floatOverflow);
    // near the return stack pointer: return stack overflow
    {
      const nx = L();
      a.mov(r9, qword(rdx, UC_RSP));
      a.sub(r9, r8);
      a.add(r9, 4096);
      a.cmp(r9, 65536);
      a.ja(nx);
      a.mov(ecx, THROW.returnStackOverflow);
      a.bind(nx);
    }
    a.bind(redirect);
    a.mov(r9, qword(rax, U.ctx));
    a.mov(r8, qword(rsi, 16));
    a.mov(qword(r9, CTX.faultAddr), r8);
    a.mov(qword(rdx, UC_RDI), rcx);
    a.lea(rcx, qword(throwStub));
    a.mov(qword(rdx, UC_RIP), rcx);
    a.pop(rbx);
    a.ret();
    a.bind(idle);
    // Forth is not running: an interrupt has nothing to stop; a fault is not ours.
    a.cmp(edi, SIGINT);
    a.jne(dfl);
    a.pop(rbx);
    a.ret();
    a.bind(dfl);
    // Back to the default action; the fault repeats and kills, as it would without Forth.
    a.push(rdi);
    a.sub(rsp, 168);
    for (let i = 0; i < 152; i += 8) a.mov(qword(rsp, i), 0);
    a.mov(rsi, rsp);
    a.xor(edx, edx);
    a.mov(edi, dword(rsp, 168));
    a.xor(eax, eax);
    a.call(ext('sigaction'));
    a.add(rsp, 168);
    a.pop(rdi);
    a.pop(rbx);
    a.ret();
  }
  // throw_from_signal: rdi = code; Forth registers may be wrong, r13 is set again.
  a.bind(throwStub);
  a.lea(r13, qword(dataUA));
  a.mov(eax, edi);
  a.jmp(throwL);

  // ================================================================== entry points

  const savedRegs = [rbx, rbp, r12, r13, r14, r15];
  // long forth_boot(void *ctx)
  {
    a.global(a.here('forth_boot'));
    for (const r of savedRegs) a.push(r);
    a.sub(rsp, 8);
    a.lea(r13, qword(dataUA));
    a.mov(qword(r13, U.ctx), rdi);
    const fail = L();
    const mmap = (size: number | bigint, prot: number, flags: number, fd: 'anon' | Label): void => {
      a.xor(edi, edi);
      a.mov(rsi, size);
      a.mov(edx, prot);
      a.mov(ecx, flags);
      if (fd === 'anon') a.mov(r8, -1);
      else a.mov(r8, qword(fd));
      a.xor(r9d, r9d);
      a.call(ext('mmap'));
      a.cmp(rax, -1);
      a.je(fail);
    };
    const PRIV_ANON = MAP_PRIVATE | MAP_ANONYMOUS;
    // data space
    mmap(MEM.dataSpace, PROT_RW, PRIV_ANON | MAP_NORESERVE, 'anon');
    a.mov(qword(r13, U.here), rax);
    a.add(rax, MEM.dataSpace);
    a.mov(qword(r13, U.dataEnd), rax);
    // stacks with guard pages at both ends
    const stack = (size: number, low: number, base: number): void => {
      mmap(size + 2 * MEM.guard, PROT_RW, PRIV_ANON, 'anon');
      a.push(rax);
      a.push(rax);
      a.mov(qword(r13, low), rax); // lower guard
      a.mov(rdi, rax);
      a.mov(esi, MEM.guard);
      a.xor(edx, edx);
      a.call(ext('mprotect'));
      a.pop(rax);
      a.lea(rdi, mem(8, rax, null, 1, MEM.guard + size));
      a.mov(qword(r13, base), rdi);
      a.mov(esi, MEM.guard);
      a.xor(edx, edx);
      a.call(ext('mprotect'));
      a.pop(rax);
    };
    stack(MEM.dataStack, U.dsLow, U.s0);
    stack(MEM.floatStack, U.fsLow, U.f0);
    // code space: one memfd, two views
    a.lea(rdi, qword(a.label('str_code')));
    a.mov(esi, MFD_CLOEXEC);
    a.call(ext('memfd_create'));
    a.test(eax, eax);
    a.js(fail);
    a.mov(qword(a.label('code_fd')), rax);
    a.mov(edi, eax);
    a.mov(rsi, MEM.codeSpace);
    a.call(ext('ftruncate'));
    a.test(eax, eax);
    a.jnz(fail);
    mmap(MEM.codeSpace, PROT_RW, MAP_SHARED, a.label('code_fd'));
    a.push(rax);
    a.push(rax);
    mmap(MEM.codeSpace, PROT_RX, MAP_SHARED, a.label('code_fd'));
    a.pop(rcx);
    a.pop(rcx);
    a.mov(qword(r13, U.chere), rax);
    a.mov(qword(r13, U.codeLow), rax);
    a.sub(rcx, rax);
    a.mov(qword(r13, U.codeDelta), rcx);
    a.add(rax, MEM.codeSpace);
    a.mov(qword(r13, U.codeEnd), rax);
    a.mov(rdi, qword(a.label('code_fd')));
    a.call(ext('close'));
    // SEE arena
    mmap(8 << 20, PROT_RW, PRIV_ANON | MAP_NORESERVE, 'anon');
    a.mov(qword(a.label('see_arena')), rax);
    // kernel code range
    a.lea(rax, qword(a.label('kernel_start')));
    a.mov(qword(r13, U.kernelLow), rax);
    a.lea(rax, qword(a.label('kernel_end')));
    a.mov(qword(r13, U.kernelHigh), rax);
    // signals: an alternate stack, handlers for SEGV, BUS, FPE, INT
    mmap(MEM.altStack, PROT_RW, PRIV_ANON, 'anon');
    a.sub(rsp, 32);
    a.mov(qword(rsp), rax);
    a.mov(qword(rsp, 8), 0);
    a.mov(qword(rsp, 16), MEM.altStack);
    a.mov(rdi, rsp);
    a.xor(esi, esi);
    a.call(ext('sigaltstack'));
    a.add(rsp, 32);
    a.sub(rsp, 160);
    for (let i = 0; i < 160; i += 8) a.mov(qword(rsp, i), 0);
    a.lea(rax, qword(a.label('signal_handler')));
    a.mov(qword(rsp), rax);
    a.mov(dword(rsp, 136), 0x4 | 0x08000000 | 0x40000000); // SA_SIGINFO | SA_ONSTACK | SA_NODEFER
    for (const sig of [SIGSEGV, SIGBUS, SIGFPE, SIGINT]) {
      a.mov(edi, sig);
      a.mov(rsi, rsp);
      a.xor(edx, edx);
      a.call(ext('sigaction'));
    }
    a.add(rsp, 160);
    // dictionary: the FORTH word list, then the primitives' headers
    a.call(a.label('new_wordlist'));
    a.mov(qword(r13, U.forthWid), rax);
    a.mov(qword(r13, U.current), rax);
    a.mov(qword(r13, U.order), rax);
    a.mov(qword(r13, U.orderCount), 1);
    {
      const loop = L();
      const done = L();
      a.lea(r12, qword(a.label('prim_table')));
      a.bind(loop);
      a.mov(rax, qword(r12));
      a.test(rax, rax);
      a.jz(done);
      a.movzx(ecx, byte(r12, 9));
      a.lea(rsi, qword(r12, 10));
      a.call(makeHeader);
      a.mov(rcx, qword(r12));
      a.mov(qword(rax, HDR.xt), rcx);
      a.mov(cl, byte(r12, 8));
      a.mov(byte(rax, HDR.flags), cl);
      a.movzx(ecx, byte(r12, 9));
      a.lea(r12, qword(r12, rcx, 1, 10 + 7));
      a.and(r12, -8);
      a.jmp(loop);
      a.bind(done);
    }
    a.mov(qword(r13, U.base), 10);
    a.mov(qword(r13, U.state), 0);
    a.mov(rax, qword(r13, U.s0));
    a.mov(qword(r13, U.savedDsp), rax);
    a.mov(rax, qword(r13, U.f0));
    a.mov(qword(r13, U.savedFsp), rax);
    a.xor(eax, eax);
    const out = L();
    a.bind(out);
    a.add(rsp, 8);
    for (const r of [...savedRegs].reverse()) a.pop(r);
    a.ret();
    a.bind(fail);
    a.mov(rax, -1);
    a.jmp(out);
  }
  // long forth_eval(void *ctx, const char *src, long len)
  {
    a.global(a.here('forth_eval'));
    for (const r of savedRegs) a.push(r);
    a.sub(rsp, 8);
    a.lea(r13, qword(dataUA));
    a.mov(qword(r13, U.ctx), rdi);
    a.mov(qword(r13, U.cRsp), rsp);
    a.mov(qword(r13, U.textAddr), rsi);
    a.mov(qword(r13, U.textLen), rdx);
    a.mov(qword(r13, U.textPos), 0);
    a.mov(qword(r13, U.srcAddr), rsi);
    a.mov(qword(r13, U.srcLen), 0);
    a.mov(qword(r13, U.toIn), 0);
    a.mov(qword(r13, U.sourceId), 0);
    a.mov(qword(r13, U.line), 0);
    a.mov(qword(rdi, CTX.code), 0);
    a.mov(qword(rdi, CTX.textLen), 0);
    a.mov(qword(rdi, CTX.bye), 0);
    a.mov(qword(r13, U.handler), 0);
    a.mov(rbx, qword(r13, U.savedTos));
    a.mov(rbp, qword(r13, U.savedDsp));
    a.mov(r12, qword(r13, U.savedFsp));
    a.xor(r14d, r14d);
    a.xor(r15d, r15d);
    a.mov(qword(r13, U.active), 1);
    // CATCH around the line loop
    tosPush(a);
    a.lea(rbx, qword(a.label('eval_lines')));
    a.call(a.label('p_CATCH'));
    a.mov(rax, rbx);
    tosPop(a);
    const ok = L();
    a.test(rax, rax);
    a.jz(ok);
    // An uncaught error: report it, empty the stacks, leave compilation.
    a.mov(rdi, qword(r13, U.ctx));
    a.mov(qword(rdi, CTX.code), rax);
    a.mov(rcx, qword(r13, U.errLine));
    a.mov(qword(rdi, CTX.line), rcx);
    a.mov(rcx, qword(r13, U.errIn));
    a.mov(qword(rdi, CTX.column), rcx);
    // the source line
    a.push(rax);
    a.mov(rsi, qword(r13, U.errSrc));
    a.mov(rcx, qword(r13, U.errLen));
    a.cmp(rcx, CTX.srcLineSize - 1);
    a.mov(edx, CTX.srcLineSize - 1);
    a.cmova(ecx, edx);
    a.mov(qword(rdi, CTX.srcLineLen), rcx);
    a.lea(rdi, qword(rdi, CTX.srcLine));
    a.cld();
    a.rep().movsb();
    a.pop(rax);
    a.mov(rbp, qword(r13, U.s0));
    a.mov(r12, qword(r13, U.f0));
    a.cmp(qword(r13, U.state), 0);
    a.je(a.label('eval_not_compiling'));
    a.mov(qword(r13, U.state), 0);
    a.bind(a.label('eval_not_compiling'));
    a.bind(ok);
    a.push(rax);
    a.call(flushOut);
    // depths for the host
    a.mov(rdi, qword(r13, U.ctx));
    a.mov(rcx, qword(r13, U.s0));
    a.sub(rcx, rbp);
    a.sar(rcx, 3);
    a.mov(qword(rdi, CTX.depth), rcx);
    a.mov(rcx, qword(r13, U.f0));
    a.sub(rcx, r12);
    a.sar(rcx, 3);
    a.mov(qword(rdi, CTX.fdepth), rcx);
    a.mov(rcx, qword(r13, U.state));
    a.mov(qword(rdi, CTX.state), rcx);
    a.pop(rax);
    a.mov(qword(r13, U.active), 0);
    a.mov(qword(r13, U.savedTos), rbx);
    a.mov(qword(r13, U.savedDsp), rbp);
    a.mov(qword(r13, U.savedFsp), r12);
    a.mov(rsp, qword(r13, U.cRsp));
    a.add(rsp, 8);
    for (const r of [...savedRegs].reverse()) a.pop(r);
    a.ret();

    // eval_lines ( -- ): REFILL and INTERPRET until the text ends.
    a.bind(a.label('eval_lines'));
    const loop = L();
    const done = L();
    a.bind(loop);
    a.call(refill);
    a.test(eax, eax);
    a.jz(done);
    a.call(interpret);
    a.jmp(loop);
    a.bind(done);
    a.ret();
  }

  // ================================================================== data

  a.bind(a.label('kernel_end'));
  a.rodata();
  a.align(8);
  a.bind(a.label('special_table'));
  for (const [xt, h] of specials) {
    a.dq(xt);
    a.dq(h);
  }
  a.dq(0, 0);
  a.bind(a.label('prim_table'));
  for (const p of prims) {
    a.align(8);
    a.dq(p.xt);
    a.db(p.hflags, p.name.length);
    a.ascii(p.name);
  }
  a.align(8);
  a.dq(0);
  a.bind(a.label('str_code'));
  a.asciz('forth-code');
  for (const [l, bytes] of seqs) {
    a.bind(l);
    a.bytes(bytes);
  }
  a.data();
  a.align(64);
  a.bind(dataUA);
  a.zero(U.size);
  a.align(8);
  a.bind(a.label('code_fd'));
  a.dq(0);
  a.bind(a.label('see_arena'));
  a.dq(0);

  return a.finish();
}

function ccName(cond: number): string {
  return ['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g'][cond] as string;
}
