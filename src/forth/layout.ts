/**
 * The Forth system's data layout, shared by the kernel generator (machine
 * code), the constants of the Forth source (system.ts) and the host session.
 *
 * Registers while Forth code runs (all callee-saved in the System V ABI, so
 * they survive calls into C):
 *   rbx  top of the data stack (cached)
 *   rbp  data stack pointer: the second item; grows down
 *   r12  float stack pointer: the top float; grows down
 *   r13  user area (the variables below)
 *   r14, r15  the innermost DO loop: r15 = limit ^ 2^63, r14 = index - r15,
 *        so LOOP is `inc r14; jno` and I is `lea rbx, [r14 + r15]`
 *   rsp  return stack (the machine stack)
 *
 * Every word's code is preceded by an 8-byte info word (see INFO) that the
 * compiler reads at xt-8.
 */

/** User area: byte offsets from r13. */
export const U = {
  state: 0,
  base: 8,
  /** Data space pointer (HERE) and its limit. */
  here: 16,
  dataEnd: 24,
  /** Code space: next free byte (execute view), limit, and write view minus execute view. */
  chere: 32,
  codeEnd: 40,
  codeDelta: 48,
  /** Current input: address, length, >IN, SOURCE-ID, line number. */
  srcAddr: 56,
  srcLen: 64,
  toIn: 72,
  sourceId: 80,
  line: 88,
  /** Top-level text being evaluated (fed line by line like a terminal): base, length, position. */
  textAddr: 96,
  textLen: 104,
  textPos: 112,
  /** Innermost CATCH frame (an rsp value) or 0. */
  handler: 120,
  /** Data and float stack bases (empty-stack pointer values). */
  s0: 128,
  f0: 136,
  /** The SEE recorder (lib/boot.fs): its xt, and the next free byte and the end of its arena. */
  seeHook: 144,
  seeHere: 152,
  /** The C stack pointer at forth_eval entry. */
  cRsp: 160,
  /** Status block in the shared region (see CTX). */
  ctx: 168,
  /** Saved Forth registers between evaluations. */
  savedTos: 176,
  savedDsp: 184,
  savedFsp: 192,
  /** Nonzero while forth_eval runs: signals are Forth's to handle. */
  active: 200,
  /** SIGINT arrived while C code ran: THROW -28 when it returns. */
  pendingInterrupt: 208,
  /** Dictionary: compilation word list, the last header and xt defined. */
  current: 216,
  latest: 224,
  lastXt: 232,
  /** Search order: count, then up to 16 word lists. */
  orderCount: 240,
  order: 248, // 16 cells
  /** Peephole state: where the last literal / comparison / call started and ended. */
  litStart: 376,
  litEnd: 384,
  litValue: 392,
  cmpStart: 400,
  cmpEnd: 408,
  cmpCond: 416, // the x86 condition under which the flag is true
  cmpKind: 424, // 0: two items (cmp [rbp], rbx)  1: a literal folded in (cmp rbx, imm32)  2: against zero (test rbx, rbx)  3: a pushed value (cmp rbx, rax)
  callEnd: 432,
  /** Code address of the last branch target (a forward jump resolved or a backward jump's destination). */
  lastTarget: 440,
  /** Stack-effect tracking of the definition being compiled (see the interpreter's depth checks). */
  trackOn: 448,
  trackDepth: 456,
  trackMin: 464,
  /** LEAVE sites of the DO loops being compiled: a small stack of code addresses, 0 marks a DO. */
  leaveSp: 472,
  /** Word list FORTH-WORDLIST and the chain of all word lists. */
  forthWid: 480,
  widChain: 488,
  /** Deferred hooks (xts): what the interpreter does with a word it cannot find or convert. */
  notFound: 496,
  /** REFILL for file input (an xt), set by the Forth part. */
  refillFile: 504,
  /** Pictured numeric output pointer (HLD). */
  hld: 512,
  /** Where the next SEE token of the definition being compiled goes, or 0 (not recorded). */
  seeList: 520,
  seeEnd: 528,
  /** Data stack and float stack base addresses of their mappings (for the fault classifier). */
  dsLow: 536,
  fsLow: 544,
  /** Output buffer fill. */
  outLen: 552,
  /** Kernel code range (for the signal handler's "is this Forth code?"). */
  kernelLow: 560,
  kernelHigh: 568,
  codeLow: 576,
  /** DOES> target of the last CREATE (0 if none). */
  lastCreate: 584,
  /** Header of the colon definition being compiled (0 for :NONAME). */
  defHdr: 592,
  /** Where the last THROW happened (line, >IN, source line), kept for the error report. */
  errLine: 1176,
  errIn: 1184,
  errSrc: 1192,
  errLen: 1200,
  /** Where the last DUP compiled inline starts and ends (for DUP-compare-branch fusion). */
  dupStart: 1208,
  dupEnd: 1216,
  /** The locals stack: its pointer, its base (empty) and the base of its mapping. */
  lp: 600,
  lp0: 608,
  lpLow: 616,
  /** The word list of the locals of the definition being compiled, searched first; 0: none. */
  localsWid: 624,
  /**
   * The last code compiled that only pushes a value it loads (DUP OVER I J R@ R>,
   * and then operators of one item: `I CELLS`, `OVER @`): where it starts and
   * ends, so that a following operator can take the value from rax (`add rbx,
   * rax`) instead of through the stack; its load into rax is in pushBuf.
   */
  pushStart: 632,
  pushEnd: 640,
  /**
   * The end of the last call compiled with its callee's guard before it
   * (compile_call: `cmp rbx, imm32; j!cc over; call callee+14`), so that
   * `;` right after it makes the call a jump and puts a `ret` after it.
   */
  guardEnd: 648,
  /** For a comparison with a pushed value (cmpKind 3): the end of its `cmp`, where the flag's code begins. */
  cmpMid: 656,
  leaveStack: 664, // leaveStackCells cells
  leaveStackCells: 52,
  /**
   * `SWAP op SWAP` with an operator of one item: where the first SWAP starts
   * and the operator ends, and the operator's form on the second item (a
   * length byte, then the code: `add qword [rbp], 8`) that the second SWAP
   * rewinds to.
   */
  swapStart: 1080,
  swapEnd: 1088,
  swapForm: 1096,
  swapFormSize: 16,
  /** The load of the last pusher into rax: a length byte, then up to pushBufSize - 1 bytes of code. */
  pushBuf: 1112,
  pushBufSize: 32,
  /** The last primitive copied inline by compile_plain: where its code starts and ends, its xt (pair fusion). */
  inlStart: 1144,
  inlEnd: 1152,
  inlXt: 1160,
  /**
   * The stack model (lib/optimise.fs): the Forth word the compiler hands each
   * word, literal and branch of a definition to (kernel/stackmodel.ts
   * vm_call), whether it is on for the definition being compiled, and
   * whether it is running (it is not called again from inside itself).
   */
  vmHook: 1168,
  /** Output buffer. */
  outBuf: 1232,
  outBufSize: 4096,
  /**
   * What the outermost definition being compiled found when it began (HERE,
   * code HERE, LATEST, the last xt, the SEE arena's HERE), how deep
   * definitions are nested, and the Forth word (an xt) that puts them back
   * when an uncaught THROW ends the definition (lib/tools.fs (ABANDON)).
   */
  colonSnap: 1232 + 4096, // 5 cells
  colonDepth: 1232 + 4096 + 40,
  abandonHook: 1232 + 4096 + 48,
  /** The stack model is on for the definition being compiled; it is running (see vmHook). */
  vmActive: 1232 + 4096 + 56,
  vmBusy: 1232 + 4096 + 64,
  size: 1232 + 4096 + 72,
} as const;

/** The status block in the shared region, read by the host after each evaluation. */
export const CTX = {
  /** THROW code of the last evaluation (0 = fine). */
  code: 0, // i64
  /** Source line of the error (1-based). */
  line: 8, // i64
  /** Total bytes written to the output stream so far. */
  outTotal: 16, // i64
  /** Set by BYE. */
  bye: 24, // i64
  /** Stack depths after the evaluation. */
  depth: 32,
  fdepth: 40,
  /** Length of `text` below. */
  textLen: 48,
  /** Extra text of the error: the undefined word, ABORT" message, fault address. */
  text: 56, // 256 bytes
  textSize: 256,
  /** The source line where the error happened (for the message), at most srcLineSize - 1 bytes. */
  srcLine: 312,
  srcLineSize: 256,
  srcLineLen: 568,
  /** Column (>IN) in that line. */
  column: 576,
  /** For a fault (-9): the address accessed. */
  faultAddr: 584,
  /** Set by the host to interrupt: the evaluation it targets throws -28 when it starts (or, running, at the SIGINT). */
  interrupt: 592,
  /** STATE after the evaluation (nonzero: a definition is being compiled). */
  state: 600,
  size: 640,
} as const;

/** The info word at xt-8. */
export const INFO = {
  /** Bytes of code to copy when the word is inlined (0: compile a call). */
  inlineLen: 0, // u8
  flags: 1, // u8, INFO_FLAG
  /** Data stack items the word needs (255: unknown). */
  needs: 2, // u8
  /** Net change of the data stack depth + 128 (255: unknown). */
  net: 3, // u8
  /** Where the inline copy starts, relative to the xt (i32). */
  inlineAt: 4,
  /** It is the 8 bytes before the xt (written as one qword). */
  size: 8,
} as const;

export const INFO_FLAG = {
  /** A CREATE'd word (its code pushes the body address; see CREATED in kernel/code.ts); may be DOES>-patched. */
  created: 1,
  /** The CREATE'd word's `ret` was patched into a jump to DOES> code. */
  does: 2,
  /** Tail calls into this word must not become jumps (it reads its return address). */
  noTail: 4,
  /** The primitive has a compile handler (a literal folded into it, a comparison fused with IF): see kernel/peephole.ts. */
  foldable: 8,
} as const;

/** Header flags (in the dictionary header). */
export const HFLAG = {
  immediate: 1,
  compileOnly: 2,
  hidden: 4,
} as const;

/** Dictionary header: byte offsets. */
export const HDR = {
  /** Next header in the same hash bucket. */
  bucketLink: 0,
  /** Previous header of the same word list (newest first). */
  prev: 8,
  xt: 16,
  /** For SEE: the token list of a colon definition, or 0. */
  see: 24,
  wid: 32,
  flags: 40, // u8
  nameLen: 41, // u8
  name: 42,
} as const;

/** A word list: latest header, name (counted string address or 0), chain of all lists, buckets. */
export const WL = {
  latest: 0,
  name: 8,
  chain: 16,
  buckets: 24,
  nbuckets: 64,
  size: 24 + 64 * 8,
} as const;

export const MEM = {
  dataSpace: 32 << 20,
  codeSpace: 16 << 20,
  dataStack: 1 << 20,
  floatStack: 256 << 10,
  /** Locals of the definitions running (lib/locals.fs), 8192 cells. */
  localsStack: 64 << 10,
  altStack: 64 << 10,
  /** The SEE recorder's token lists. */
  seeArena: 8 << 20,
  guard: 4096,
} as const;

/** THROW codes the kernel raises itself. */
export const THROW = {
  abort: -1,
  abortQuote: -2,
  stackOverflow: -3,
  stackUnderflow: -4,
  returnStackOverflow: -5,
  returnStackUnderflow: -6,
  dictionaryOverflow: -8,
  invalidAddress: -9,
  divideByZero: -10,
  outOfRange: -11,
  undefinedWord: -13,
  compileOnly: -14,
  zeroLengthName: -16,
  nameTooLong: -19,
  controlMismatch: -22,
  controlFlowOverflow: -52,
  unsupported: -21,
  userInterrupt: -28,
  floatUnderflow: -45,
  floatOverflow: -44,
  /** BYE: not an error; ends the session. */
  bye: -256,
} as const;

/** Messages of the standard THROW codes (Forth 2012, table 9.1). */
export const THROW_MESSAGES: Readonly<Record<number, string>> = {
  [-1]: 'Aborted',
  [-2]: 'Aborted',
  [-3]: 'Stack overflow',
  [-4]: 'Stack underflow',
  [-5]: 'Return stack overflow',
  [-6]: 'Return stack underflow',
  [-7]: 'Do-loops nested too deeply during execution',
  [-8]: 'Dictionary overflow',
  [-9]: 'Invalid memory address',
  [-10]: 'Division by zero',
  [-11]: 'Result out of range',
  [-12]: 'Argument type mismatch',
  [-13]: 'Undefined word',
  [-14]: 'Interpreting a compile-only word',
  [-15]: 'Invalid FORGET',
  [-16]: 'Attempt to use zero-length string as a name',
  [-17]: 'Pictured numeric output string overflow',
  [-18]: 'Parsed string overflow',
  [-19]: 'Definition name too long',
  [-20]: 'Write to a read-only location',
  [-21]: 'Unsupported operation',
  [-22]: 'Control structure mismatch',
  [-23]: 'Address alignment exception',
  [-24]: 'Invalid numeric argument',
  [-25]: 'Return stack imbalance',
  [-26]: 'Loop parameters unavailable',
  [-27]: 'Invalid recursion',
  [-28]: 'User interrupt',
  [-29]: 'Compiler nesting',
  [-30]: 'Obsolescent feature',
  [-31]: '>BODY used on non-CREATEd definition',
  [-32]: 'Invalid name argument',
  [-33]: 'Block read exception',
  [-34]: 'Block write exception',
  [-35]: 'Invalid block number',
  [-36]: 'Invalid file position',
  [-37]: 'File I/O exception',
  [-38]: 'Non-existent file',
  [-39]: 'Unexpected end of file',
  [-40]: 'Invalid BASE for floating point conversion',
  [-41]: 'Loss of precision',
  [-42]: 'Floating-point divide by zero',
  [-43]: 'Floating-point result out of range',
  [-44]: 'Floating-point stack overflow',
  [-45]: 'Floating-point stack underflow',
  [-46]: 'Floating-point invalid argument',
  [-47]: 'Compilation word list deleted',
  [-48]: 'Invalid POSTPONE',
  [-49]: 'Search-order overflow',
  [-50]: 'Search-order underflow',
  [-51]: 'Compilation word list changed',
  [-52]: 'Control-flow stack overflow',
  [-53]: 'Exception stack overflow',
  [-54]: 'Floating-point underflow',
  [-55]: 'Floating-point unidentified fault',
  [-56]: 'QUIT',
  [-57]: 'Exception in sending or receiving a character',
  [-58]: '[IF], [ELSE], or [THEN] exception',
  [-59]: 'ALLOCATE',
  [-60]: 'FREE',
  [-61]: 'RESIZE',
  [-62]: 'CLOSE-FILE',
  [-63]: 'CREATE-FILE',
  [-64]: 'DELETE-FILE',
  [-65]: 'FILE-POSITION',
  [-66]: 'FILE-SIZE',
  [-67]: 'FILE-STATUS',
  [-68]: 'FLUSH-FILE',
  [-69]: 'OPEN-FILE',
  [-70]: 'READ-FILE',
  [-71]: 'READ-LINE',
  [-72]: 'RENAME-FILE',
  [-73]: 'REPOSITION-FILE',
  [-74]: 'RESIZE-FILE',
  [-75]: 'WRITE-FILE',
  [-76]: 'WRITE-LINE',
  [-77]: 'Malformed xchar',
  [-78]: 'SUBSTITUTE',
  [-79]: 'REPLACES',
};

/**
 * Throws if fields of the user area, the status block, the info word or a
 * word list overlap or do not fit: a layout edit that would make the kernel
 * write one field over another. The kernel generator calls it.
 */
export function checkLayout(): void {
  const check = (what: string, size: number, fields: [string, number, number][]): void => {
    const sorted = [...fields].sort((x, y) => x[1] - y[1]);
    let end = 0;
    let last = '(start)';
    for (const [name, off, len] of sorted) {
      if (off < end) throw new Error(`${what}: ${name} at ${off} overlaps ${last}`);
      end = off + len;
      last = name;
    }
    if (end > size) throw new Error(`${what}: ${last} ends at ${end}, past the size ${size}`);
  };
  const sizes = (all: Record<string, number>, notFields: string[], lens: Record<string, number>) =>
    Object.entries(all)
      .filter(([k]) => !notFields.includes(k))
      .map(([k, off]): [string, number, number] => [k, off, lens[k] ?? 8]);
  check(
    'U',
    U.size,
    sizes(U, ['leaveStackCells', 'outBufSize', 'pushBufSize', 'swapFormSize', 'size'], {
      order: 16 * 8,
      leaveStack: U.leaveStackCells * 8,
      outBuf: U.outBufSize,
      pushBuf: U.pushBufSize,
      swapForm: U.swapFormSize,
    }),
  );
  check(
    'CTX',
    CTX.size,
    sizes(CTX, ['textSize', 'srcLineSize', 'size'], { text: CTX.textSize, srcLine: CTX.srcLineSize }),
  );
  check('INFO', INFO.size, sizes(INFO, ['size'], { inlineLen: 1, flags: 1, needs: 1, net: 1, inlineAt: 4 }));
  check('WL', WL.size, sizes(WL, ['nbuckets', 'size'], { buckets: WL.nbuckets * 8 }));
  if (INFO.size !== 8) throw new Error('INFO: the kernel writes the info word as one qword');
}
